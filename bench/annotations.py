"""Benchmark rows for annotations (issue 4), measured in this process:

- listing one article's annotations (`AnnotationStore.for_article`) from a library of
  100,000 annotations over 1,000 articles, p95, against the same indexed query fetching the
  raw rows (no objects, no JSON decoding) and against `SELECT count(*)` of that article;
- re-anchoring 400 annotations of the novel's longest chapter (11k characters; a synthetic
  one without ../shared) after scattered edits and deleted paragraphs, against segmenting
  the new text with jieba, which the same re-import has to do anyway.

    python bench/annotations.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

ARTICLES = 1000
PER_ARTICLE = 100
LIST_TARGET_MS = 5.0

PARAGRAPH = "本报讯 兴县县委县政府紧紧抓住省委加快开发区建设的重大机遇，主动融入新发展格局。"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _timed(function: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def build_annotated_library(path: Path) -> list[int]:
    """1,000 articles with 100 annotations each, written in bulk (the store's own `add`
    commits one by one, which is what a reader needs and not what a set-up needs)."""
    from annotations.anchoring import selector
    from reader.library import Library
    from reader.library.store import NewArticle, NewSource

    rng = random.Random(4)
    with Library.open(path) as library, library.session.write("Benchmark set-up"):
        article_ids: list[int] = []
        for source_number in range(ARTICLES // 10):
            drafts = []
            for n in range(10):
                text = "\n".join([f"第{n}段。" + PARAGRAPH] * 20)
                drafts.append(NewArticle(f"文章 {source_number}-{n}", False, "", text, 0, 20, [1]))
            article_ids += library.add_source(
                NewSource.whole(f"p{source_number}.txt", "UTF-8", f"h{source_number}", 1, "", []),
                drafts,
            )
        stamp = "2024-01-01T00:00:00.000+00:00"
        rows = []
        for article_id in article_ids:
            text = "\n".join(["第0段。" + PARAGRAPH] * 20)
            for _ in range(PER_ARTICLE):
                start = rng.randrange(len(text) - 20)
                end = start + rng.randrange(1, 20)
                quote, prefix, suffix = selector(text, start, end)
                tags = json.dumps(rng.sample(["诗", "人物", "地名", "todo", "Poem"], 2))
                rows.append(
                    (str(uuid.uuid4()), article_id, start, end, quote, prefix, suffix,
                     rng.choice(["yellow", "green", "blue"]), "一条评论 **Markdown**", tags,
                     stamp, stamp, 0)
                )  # fmt: skip
        library.conn.executemany(
            "INSERT INTO annotations (id, article_id, start, end, quote, prefix, suffix, color,"
            " comment, tags, created_at, updated_at, orphaned)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return article_ids


def row_listing(repeats: int = 400) -> list[dict[str, object]]:
    from annotations.store import AnnotationStore
    from reader.library import Library

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotated.sqlite3"
        article_ids = build_annotated_library(path)
        with Library.open(path) as library:
            store = AnnotationStore(library)
            assert store.count() == ARTICLES * PER_ARTICLE
            rng = random.Random(7)
            picks = [rng.choice(article_ids) for _ in range(repeats)]
            raw_sql = (
                "SELECT id, article_id, start, end, quote, prefix, suffix, color, comment,"
                " tags, created_at, updated_at, orphaned FROM annotations"
                " WHERE article_id = ? ORDER BY start, end"
            )
            plan = " ".join(
                row[-1] for row in library.conn.execute(f"EXPLAIN QUERY PLAN {raw_sql}", [1])
            )
            for article_id in picks[:50]:  # warm the page cache
                store.for_article(article_id)
            listing, raw, counting = [], [], []
            for article_id in picks:  # interleaved, so drift in machine load hits all three
                listing += _timed(lambda a=article_id: store.for_article(a), 1)
                raw += _timed(lambda a=article_id: library.conn.execute(raw_sql, [a]).fetchall(), 1)
                counting += _timed(
                    lambda a=article_id: library.conn.execute(
                        "SELECT count(*) FROM annotations WHERE article_id = ?", [a]
                    ).fetchone(),
                    1,
                )
    value = percentile(listing, 0.95) * 1000
    floor = percentile(raw, 0.95) * 1000
    count_floor = percentile(counting, 0.95) * 1000
    return [
        {
            "row": "list one article's annotations (100 of 100,000), p95",
            "value": f"{value:.2f} ms",
            "floor": f"{floor:.2f} ms (same query, raw rows)",
            "ratio": value / floor,
            "target": f"≤ {LIST_TARGET_MS:.0f} ms",
            "ok": value <= LIST_TARGET_MS,
            "note": f"median {statistics.median(listing) * 1000:.2f} ms; "
            f"SELECT count(*) of the article {count_floor:.3f} ms p95; plan: {plan}",
        }
    ]


def _longest_chapter() -> str | None:
    """The longest chapter of the novel in ../shared, as an import splits it."""
    novel = REPO_ROOT.parent / "shared" / "corpus" / "hongloumeng" / "hongloumeng-crlf.txt"
    if not novel.exists():
        return None
    from reader.text.decode import decode_bytes
    from reader.text.reflow import reflow
    from reader.text.split import split_articles

    layout = reflow(decode_bytes(novel.read_bytes(), file_name=novel.name).text)
    drafts = split_articles(layout.paragraphs, hard_wrapped=layout.hard_wrapped, fallback_title="")
    return max((draft.text for draft in drafts), key=len)


def _synthetic_chapter(rng: random.Random) -> str:
    sentences = [
        "兴县县委县政府紧紧抓住省委加快开发区建设的重大机遇。",
        "主动融入新发展格局，推动经济高质量发展。",
        "他说：我们明天见。",
        "开发区的营商环境不断改善，企业纷纷入驻。",
        "春风又绿江南岸，明月何时照我还。",
    ]
    return "\n".join(
        f"第{n}段。" + "".join(rng.choice(sentences) for _ in range(3)) + f"编号{n}。"
        for n in range(200)
    )


def row_reanchor() -> dict[str, object]:
    from annotations.anchoring import PositionMap, reanchor, selector
    from annotations.model import Annotation
    from reader.text.segment import segment_ends

    rng = random.Random(11)
    text = _longest_chapter() or _synthetic_chapter(rng)
    annotations = []
    for n in range(400):
        start = rng.randrange(len(text) - 30)
        quote, prefix, suffix = selector(text, start, start + rng.randrange(2, 30))
        annotations.append(
            Annotation(str(n), 1, start, start + len(quote), quote, prefix, suffix, "yellow",
                       "", (), "", "", False)
        )  # fmt: skip
    paragraphs = text.split("\n")
    edited = [
        p.replace("的", "之", 1) if n % 5 == 0 else ("前言。" + p if n % 11 == 0 else p)
        for n, p in enumerate(paragraphs)
    ]
    middle = len(edited) // 2
    del edited[middle : middle + 3]
    new_text = "\n".join(edited)
    segment_ends("预热")  # jieba's dictionary load is not part of the floor
    started = time.perf_counter()
    segment_ends(new_text)
    floor = time.perf_counter() - started
    started = time.perf_counter()
    position_map = PositionMap(text, new_text)
    spans = [reanchor(new_text, a, position_map=position_map) for a in annotations]
    value = time.perf_counter() - started
    orphans = sum(1 for span in spans if span is None)
    return {
        "row": f"re-anchor 400 annotations, {len(text) // 1000}k-char chapter",
        "value": f"{value * 1000:.0f} ms",
        "floor": f"{floor * 1000:.0f} ms (jieba segmenting it)",
        "ratio": value / floor,
        "target": "≤ 1.0",
        "ok": value <= floor,
        "note": f"{orphans} orphaned (3 paragraphs deleted, every fifth edited, every "
        "eleventh prefixed; a quote under 4 characters must match exactly)",
    }


def annotation_rows() -> list[dict[str, object]]:
    return [*row_listing(), row_reanchor()]


if __name__ == "__main__":
    from bench.run import print_table

    rows = annotation_rows()
    print_table(rows)
    sys.exit(0 if all(r.get("ok") for r in rows) else 1)
