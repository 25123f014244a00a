"""Split accuracy: how many articles of hand-made news pages come out with exactly the right
boundaries, title and byline, per layout family.

    python bench/split_accuracy.py [CORPUS] [--errors]

CORPUS (default tests/data/split_corpus) holds one folder per family (county, national_pdf,
web_archive, wire, city_byline, online_export); each page is NAME.txt with NAME.json beside
it, written by hand from the layout the page was made in:

    {"held_out": false, "articles": [
        {"title": "…" or null (no headline: a title cut from the text),
         "byline": "…", "starts": "first characters of the text", "ends": "its last ones"}]}

A page runs through the import's own path (reflow, then split). An expected article is
found when one article made of the page has its title (or a derived one where the title
is null), its byline, and text that starts and ends with the given characters. A family's
share is found / the larger of expected and made, over its pages, so that cutting an
article in two counts against it. Pages marked held_out were written after the rules were
done: their share is printed apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.text.reflow import reflow  # noqa: E402
from reader.text.split import ArticleDraft, split_articles  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "data" / "split_corpus"


@dataclass
class PageScore:
    name: str
    family: str
    held_out: bool
    found: int
    expected: int
    made: int
    misses: list[str] = field(default_factory=list)

    @property
    def out_of(self) -> int:
        return max(self.expected, self.made)


def split_page(text: str) -> list[ArticleDraft]:
    """The articles the import makes of `text`."""
    layout = reflow(text.replace("\r\n", "\n"))
    return split_articles(layout.paragraphs, hard_wrapped=layout.hard_wrapped)


def matches(article: ArticleDraft, expected: dict[str, object]) -> bool:
    title = expected["title"]
    title_ok = article.title_is_derived if title is None else article.title == title
    return (
        title_ok
        and article.byline == expected["byline"]
        and article.text.startswith(str(expected["starts"]))
        and article.text.endswith(str(expected["ends"]))
    )


def describe(article: ArticleDraft) -> str:
    derived = " (derived)" if article.title_is_derived else ""
    return (
        f"{article.title!r}{derived} / {article.byline!r} / "
        f"{article.text[:12]!r}…{article.text[-10:]!r}"
    )


def score_page(text_path: Path) -> PageScore:
    spec = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    made = split_page(text_path.read_text(encoding="utf-8"))
    remaining = list(made)
    score = PageScore(
        text_path.stem,
        text_path.parent.name,
        bool(spec["held_out"]),
        0,
        len(spec["articles"]),
        len(made),
    )
    for expected in spec["articles"]:
        match = next((article for article in remaining if matches(article, expected)), None)
        if match is None:
            score.misses.append(f"missing {expected}")
        else:
            remaining.remove(match)
            score.found += 1
    score.misses.extend(f"made {describe(article)}" for article in remaining)
    return score


def score_corpus(corpus: Path) -> list[PageScore]:
    return [score_page(path) for path in sorted(corpus.glob("*/*.txt"))]


def share(scores: list[PageScore]) -> float:
    out_of = sum(score.out_of for score in scores)
    return sum(score.found for score in scores) / out_of if out_of else float("nan")


def split_accuracy_rows(corpus: Path = DEFAULT_CORPUS) -> list[dict[str, object]]:
    """One row of `bench/run.py`'s table per family: articles found exactly, all pages."""
    scores = score_corpus(corpus)
    rows: list[dict[str, object]] = []
    for family in sorted({score.family for score in scores}):
        own = [score for score in scores if score.family == family]
        found = share(own)
        rows.append(
            {
                "row": f"split accuracy, {family} ({len(own)} pages)",
                "value": f"{found:.1%}",
                "floor": f"held-out pages: {share([s for s in own if s.held_out]):.1%}",
                "ratio": found,
                "target": "≥ 0.95",
                "ok": found >= 0.95,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list what went wrong")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is not a folder of page families")
    scores = score_corpus(args.corpus)
    print(f"{'family':<15}{'pages':>6}{'articles':>9}{'tuned':>9}{'held-out':>10}{'all':>8}")
    for family in sorted({score.family for score in scores}):
        own = [score for score in scores if score.family == family]
        tuned = [score for score in own if not score.held_out]
        held = [score for score in own if score.held_out]
        print(
            f"{family:<15}{len(own):>6}{sum(s.expected for s in own):>9}"
            f"{share(tuned):>9.1%}{share(held):>10.1%}{share(own):>8.1%}"
        )
    if args.errors:
        for score in scores:
            for miss in score.misses:
                print(f"{score.family}/{score.name}: {miss}")


if __name__ == "__main__":
    main()
