"""Tone-exact accuracy of Yuedu's pinyin: on the polyphone corpus's dev split, cross-validated,
and on hand-written everyday sentences, each beside pypinyin alone and g2pM alone.

    python bench/pinyin_accuracy.py [SENT LB] [--limit N] [--errors N] [--no-cv] [--no-held-out]

SENT holds one sentence a line with the character to judge between two ▁ marks; LB holds
its gold reading a line (numbered: "hang2", "lu:4" for lǜ, 5 for the neutral tone). The
defaults are ../shared/pinyin/dev.sent and dev.lb beside the repository.

Prints:
- the cross-validated accuracy: k-fold over dev (the arbiter refitted on k-1 folds, the
  whole resolver run on the held-out one; bench/train_pinyin_arbiter.py), mean ± spread;
- the accuracy on dev of the shipped arbiter (fitted on all of dev: not a held-out figure),
  and of pypinyin alone and g2pM alone, then the commonest errors;
- per class, the accuracy on the held-out everyday sets tests/data/pinyin_everyday_final*.tsv
  (each by an author who saw neither the code nor the other sets, held out from every
  choice made; sentences that also occur in a tune set left out) and, for reference, on
  pinyin_everyday_tune.tsv (the rules were written against it), for ours, pypinyin alone
  (with its own segmenter) and g2pM alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from reader.text.pinyin import PinyinResolver  # noqa: E402
from reader.text.pinyin_syllables import normalise  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "pinyin"
MARK = "▁"


def load(sent_path: Path, lb_path: Path, limit: int | None = None) -> list[tuple[str, int, str]]:
    """(sentence without marks, index of the marked character, gold syllable)."""
    sentences = sent_path.read_text(encoding="utf-8").splitlines()
    golds = lb_path.read_text(encoding="utf-8").splitlines()
    if len(sentences) != len(golds):
        raise SystemExit(f"{sent_path} has {len(sentences)} lines but {lb_path} {len(golds)}")
    items = []
    for sentence, gold in zip(sentences, golds, strict=True):
        index = sentence.index(MARK)
        items.append((sentence.replace(MARK, ""), index, normalise(gold.strip())))
        if limit is not None and len(items) >= limit:
            break
    return items


EVERYDAY = REPO / "tests" / "data"
EVERYDAY_FINAL = EVERYDAY / "pinyin_everyday_final.tsv"
# Held-out sets, each by an author who saw neither the code nor the other sets. Short plain
# sentences coincide now and then with tune rows; those are left out of the held-out
# figures (counted in the heading), since rules were written against the tune rows.
EVERYDAY_FINALS = [
    EVERYDAY / f"pinyin_everyday_final{n}.tsv" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9")
]
EVERYDAY_TUNE = EVERYDAY / "pinyin_everyday_tune.tsv"
EVERYDAY_TUNE_SETS = [
    EVERYDAY_TUNE,
    *(
        EVERYDAY / f"pinyin_everyday_tune{n}.tsv"
        for n in ("_holdback", "4", "4_holdback", "5", "6", "7", "8", "9")
    ),
]
# Classes of the everyday sets, and the characters shown on their own lines.
NAMED_CHARS = "地得还种数转冲当长"


def load_everyday(path: Path) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(class, sentence without marks, [(index of a judged character, gold)]) per line of a
    hand-written everyday set (`class<TAB>sentence with ▁x▁ marks<TAB>golds`)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, marked, golds = line.split("\t")
        parts = marked.split(MARK)
        targets = []
        position = 0
        for index, part in enumerate(parts):
            if index % 2:
                targets.append(position)
            position += len(part)
        gold_list = [normalise(g) for g in golds.split()]
        if len(parts) % 2 != 1 or len(targets) != len(gold_list):
            raise SystemExit(f"{path}:{number}: marks and gold readings do not match")
        rows.append((kind, "".join(parts), list(zip(targets, gold_list, strict=True))))
    return rows


def everyday_table(
    rows: list[tuple[str, str, list[tuple[int, str]]]],
    predict: Any,
) -> dict[str, tuple[int, int]]:
    """{class or character: (right, judged)} for `predict(text) -> readings per char`,
    with "all" for the whole set."""
    table: dict[str, list[int]] = {}
    for kind, text, targets in rows:
        readings = predict(text)
        for index, gold in targets:
            right = int(readings[index] == gold)
            keys = ["all", kind]
            if text[index] in NAMED_CHARS:
                keys.append(text[index])
            for key in keys:
                table.setdefault(key, [0, 0])
                table[key][0] += right
                table[key][1] += 1
    return {key: (v[0], v[1]) for key, v in table.items()}


def everyday_predictors(resolver: PinyinResolver) -> dict[str, Any]:
    """Readings per character of a text: ours, pypinyin alone (with jieba), g2pM alone."""
    from g2pM import G2pM
    from pypinyin import Style, pinyin

    model = G2pM()

    def ours_text(text: str) -> list[str | None]:
        return [r for *_, readings in resolver.resolve_text(text) for r in readings]

    def pypinyin_text(text: str) -> list[str | None]:
        result = pinyin(
            text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda x: [[c] for c in x]
        )
        out: list[str | None] = []
        for syllables in result:
            try:
                out.append(normalise(syllables[0]))
            except ValueError:
                out.append(None)
        return out

    def g2pm_text(text: str) -> list[str | None]:
        return list(model(text, char_split=True))

    return {"ours": ours_text, "pypinyin": pypinyin_text, "g2pM": g2pm_text}


def print_everyday(
    path: Path,
    resolver: PinyinResolver,
    errors: bool = False,
    leave_out: frozenset[str] = frozenset(),
) -> None:
    """The per-class table of one everyday set, without the sentences in `leave_out`."""
    every = load_everyday(path)
    rows = [row for row in every if row[1] not in leave_out]
    predictors = everyday_predictors(resolver)
    tables = {name: everyday_table(rows, predict) for name, predict in predictors.items()}
    left_out = f" ({len(every) - len(rows)} also in a tune set left out)" if leave_out else ""
    print(
        f"\n{path.name}: {len(rows)} sentences{left_out}, "
        f"{tables['ours']['all'][1]} judged characters"
    )
    print(f"  {'class':<12}{'n':>5}" + "".join(f"{name:>10}" for name in tables))
    order = ["all", "particle", "verb-noun", "second", "other", *NAMED_CHARS]
    for key in [k for k in order if k in tables["ours"]]:
        judged = tables["ours"][key][1]
        cells = "".join(f"{100.0 * t[key][0] / judged:9.1f}%" for t in tables.values())
        print(f"  {key:<12}{judged:>5}{cells}")
    if errors:
        print("  misses (ours → gold):")
        for _, text, targets in rows:
            readings = predictors["ours"](text)
            for index, gold in targets:
                if readings[index] != gold:
                    print(f"    {text}  {text[index]}: {readings[index]} → {gold}")


def ours(items: list[tuple[str, int, str]], resolver: PinyinResolver) -> list[str | None]:
    from reader.text.segment import segment_ends

    predictions = []
    for text, index, _ in items:
        ends = segment_ends(text)
        readings = [r for token in resolver.resolve(text, ends) for r in token]
        predictions.append(readings[index])
    return predictions


def pypinyin_alone(items: list[tuple[str, int, str]]) -> list[str | None]:
    from pypinyin import Style, pinyin

    predictions: list[str | None] = []
    for text, index, _ in items:
        result = pinyin(
            text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda x: [[c] for c in x]
        )
        try:
            predictions.append(normalise(result[index][0]) if len(result) == len(text) else None)
        except ValueError:
            predictions.append(None)
    return predictions


def g2pm_alone(items: list[tuple[str, int, str]]) -> list[str | None]:
    from g2pM import G2pM

    model = G2pM()
    predictions: list[str | None] = []
    for text, index, _ in items:
        predictions.append(model(text, char_split=True)[index])
    return predictions


def accuracy(items: list[tuple[str, int, str]], predictions: list[str | None]) -> float:
    right = sum(p == gold for (_, _, gold), p in zip(items, predictions, strict=True))
    return 100.0 * right / len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sent", nargs="?", type=Path, default=DEFAULT_DATA / "dev.sent")
    parser.add_argument("lb", nargs="?", type=Path, default=DEFAULT_DATA / "dev.lb")
    parser.add_argument("--limit", type=int, help="judge only the first N sentences")
    parser.add_argument("--errors", type=int, default=25, help="error pairs to list")
    parser.add_argument("--no-reference", action="store_true", help="skip pypinyin and g2pM")
    parser.add_argument("--no-cv", action="store_true", help="skip the k-fold (3 minutes)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--no-held-out",
        action="store_true",
        help="skip the held-out everyday sets; print every tune set instead (while tuning)",
    )
    args = parser.parse_args(argv)
    items = load(args.sent, args.lb, args.limit)
    print(f"{len(items)} sentences from {args.sent}")

    from reader.text.dictionary import ensure_dictionary

    resolver = PinyinResolver(ensure_dictionary())  # built on first use, like the CLI does
    began = time.perf_counter()
    resolver.warm_up()
    print(f"resolver warm-up {time.perf_counter() - began:.2f} s")
    if not args.no_cv:
        from train_pinyin_arbiter import collect, cross_validate

        from reader.text.pinyin_arbiter import LearnedArbiter

        print(f"cross-validation, {args.folds} folds:")
        resolver.use_arbiter(None)
        figures = cross_validate(resolver, items, collect(resolver, items), args.folds)
        print(
            f"cross-validated  {statistics.mean(figures):6.2f} ± "
            f"{statistics.pstdev(figures):.2f} %  (folds: {', '.join(f'{f:.2f}' for f in figures)})"
        )
        resolver.use_arbiter(LearnedArbiter.load())
    began = time.perf_counter()
    predictions = ours(items, resolver)
    elapsed = time.perf_counter() - began
    print(
        f"dev-fit   {accuracy(items, predictions):6.2f} %"
        f"  (arbiter fitted on all of dev; {elapsed:.1f} s)"
    )
    if not args.no_reference:
        print(f"pypinyin  {accuracy(items, pypinyin_alone(items)):6.2f} %")
        print(f"g2pM      {accuracy(items, g2pm_alone(items)):6.2f} %")
    errors = Counter(
        (text[index], str(p), gold)
        for (text, index, gold), p in zip(items, predictions, strict=True)
        if p != gold
    )
    print(f"\n{sum(errors.values())} errors; commonest (character: ours → gold):")
    for (char, predicted, gold), count in errors.most_common(args.errors):
        print(f"  {count:4d}  {char}: {predicted} → {gold}")
    tune_sentences = frozenset(
        text for path in EVERYDAY_TUNE_SETS if path.exists() for _, text, _ in load_everyday(path)
    )
    if args.no_held_out:
        for path in EVERYDAY_TUNE_SETS:
            print_everyday(path, resolver)
        return 0
    for path in EVERYDAY_FINALS:
        print_everyday(path, resolver, leave_out=tune_sentences)
    print_everyday(EVERYDAY_TUNE, resolver)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
