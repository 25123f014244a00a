"""Fit the learned pinyin arbiter on the dev split, with k-fold cross-validation, and write
resources/pinyin_arbiter.json.

    python bench/train_pinyin_arbiter.py [SENT LB] [--folds 5] [--check]

The dev split (../shared/pinyin/dev.sent + dev.lb) is training data here. For each sentence
the resolver shows, for every polyphonic character, its candidate readings and their
features (`reader.text.pinyin_features`); the arbiter is a conditional logistic regression
over them (one weight per feature, L2-penalised, fitted by Newton's method with numpy).

Cross-validation: sentence i is in fold i mod k. For each fold, the penalty is chosen by an
inner k-fold over the other folds, the weights are fitted on the other folds, and the whole
resolver (arbiter, grammar, surnames) is run with them on the held-out fold. The figure is
the mean ± spread of those held-out accuracies. The shipped weights are then fitted on all
of dev (penalty again chosen by k-fold). Deterministic: the same data gives the same file.
`--check` recomputes and fails if resources/pinyin_arbiter.json differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from pinyin_accuracy import DEFAULT_DATA, load  # noqa: E402

from reader.paths import RESOURCES_DIR  # noqa: E402
from reader.text.pinyin import PinyinResolver  # noqa: E402
from reader.text.pinyin_arbiter import ARBITER_FILE, LearnedArbiter  # noqa: E402
from reader.text.pinyin_features import FEATURES  # noqa: E402

PENALTIES = (0.1, 1.0, 10.0, 100.0)
Item = tuple[str, int, str]
# One training example: the candidates' feature rows and the gold's index among them.
Example = tuple[list[list[float]], int]


def collect(resolver: PinyinResolver, items: list[Item]) -> list[Example | None]:
    """Per item, the arbiter's view of its judged character (None when the character does
    not reach the arbiter, or the gold is not among its candidates)."""
    from reader.text.segment import segment_ends

    examples: list[Example | None] = []
    for text, index, gold in items:
        found = [c for c in resolver.explain(text, segment_ends(text)) if c.index == index]
        if found and gold in found[0].candidates:
            examples.append((found[0].rows, found[0].candidates.index(gold)))
        else:
            examples.append(None)
    return examples


def _arrays(examples: list[Example]) -> tuple[Any, Any, Any]:
    import numpy as np

    width = max(len(rows) for rows, _ in examples)
    x = np.zeros((len(examples), width, len(FEATURES)))
    mask = np.zeros((len(examples), width), bool)
    gold = np.zeros(len(examples), int)
    for i, (rows, g) in enumerate(examples):
        x[i, : len(rows)] = rows
        mask[i, : len(rows)] = True
        gold[i] = g
    return x, mask, gold


def fit(examples: list[Example], penalty: float, steps: int = 40) -> list[float]:
    """Weights maximising the conditional log-likelihood minus penalty/2 · |w|²."""
    import numpy as np

    x, mask, gold = _arrays(examples)
    w = np.zeros(len(FEATURES))
    rows = np.arange(len(examples))
    for _ in range(steps):
        scores = np.where(mask, x @ w, -np.inf)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        mean = np.einsum("nk,nkd->nd", p, x)
        gradient = (mean - x[rows, gold]).sum(axis=0) + penalty * w
        centred = x - mean[:, None, :]
        hessian = np.einsum("nk,nkd,nke->de", p, centred, centred) + penalty * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return [round(float(v), 6) for v in w]


def choice_accuracy(examples: list[Example], weights: list[float]) -> float:
    arbiter = LearnedArbiter(FEATURES, tuple(weights))
    right = 0
    for rows, gold in examples:
        scores = arbiter.scores(rows)
        right += max(range(len(rows)), key=scores.__getitem__) == gold
    return right / max(len(examples), 1)


def choose_penalty(examples: list[Example], folds: int) -> float:
    """The penalty with the best k-fold accuracy of the arbiter's choices on `examples`."""

    def score(penalty: float) -> float:
        total = 0.0
        for fold in range(folds):
            train = [e for i, e in enumerate(examples) if i % folds != fold]
            test = [e for i, e in enumerate(examples) if i % folds == fold]
            total += choice_accuracy(test, fit(train, penalty)) * len(test)
        return total

    return max(PENALTIES, key=score)


def system_accuracy(resolver: PinyinResolver, items: list[Item]) -> float:
    from pinyin_accuracy import accuracy, ours

    return accuracy(items, ours(items, resolver))


def cross_validate(
    resolver: PinyinResolver, items: list[Item], examples: list[Example | None], folds: int
) -> list[float]:
    """Held-out accuracy (percent) of the whole resolver on each fold."""
    figures = []
    for fold in range(folds):
        train = [e for i, e in enumerate(examples) if e is not None and i % folds != fold]
        penalty = choose_penalty(train, folds)
        weights = fit(train, penalty)
        resolver.use_arbiter(LearnedArbiter(FEATURES, tuple(weights)))
        held_out = [item for i, item in enumerate(items) if i % folds == fold]
        figures.append(system_accuracy(resolver, held_out))
        print(f"  fold {fold + 1}/{folds}: penalty {penalty:g}, held-out {figures[-1]:.2f} %")
    return figures


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def make_resolver() -> PinyinResolver:
    from reader.text.dictionary import ensure_dictionary

    resolver = PinyinResolver(ensure_dictionary())
    resolver.warm_up()
    return resolver


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sent", nargs="?", type=Path, default=DEFAULT_DATA / "dev.sent")
    parser.add_argument("lb", nargs="?", type=Path, default=DEFAULT_DATA / "dev.lb")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--output", type=Path, default=RESOURCES_DIR / ARBITER_FILE)
    args = parser.parse_args(argv)
    items = load(args.sent, args.lb)
    resolver = make_resolver()
    resolver.use_arbiter(None)
    baseline = system_accuracy(resolver, items)
    print(f"{len(items)} sentences; hand-set arbiter alone: {baseline:.2f} %")
    examples = collect(resolver, items)
    usable = [e for e in examples if e is not None]
    print(f"{len(usable)} reach the arbiter with the gold among the candidates")
    figures = cross_validate(resolver, items, examples, args.folds)
    mean, spread = statistics.mean(figures), statistics.pstdev(figures)
    print(f"cross-validated: {mean:.2f} ± {spread:.2f} % (min {min(figures):.2f})")
    penalty = choose_penalty(usable, args.folds)
    weights = fit(usable, penalty)
    resolver.use_arbiter(LearnedArbiter(FEATURES, tuple(weights)))
    dev_fit = system_accuracy(resolver, items)
    print(f"fitted on all of dev (penalty {penalty:g}): {dev_fit:.2f} % on dev itself")
    record = {
        "made_by": "bench/train_pinyin_arbiter.py (conditional logistic regression)",
        "data": {
            "files": [args.sent.name, args.lb.name],
            "sentences": len(items),
            "sha256": _digest(args.sent, args.lb),
        },
        "penalty": penalty,
        "cross_validation": {
            "folds": args.folds,
            "held_out_accuracy": [round(f, 2) for f in figures],
            "mean": round(mean, 2),
            "spread": round(spread, 2),
        },
        "dev_fit_accuracy": round(dev_fit, 2),
        "hand_set_accuracy": round(baseline, 2),
        "features": list(FEATURES),
        "weights": weights,
    }
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print("resources file is up to date" if same else f"{args.output} differs")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {weight:+9.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
