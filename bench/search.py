"""Benchmark rows of search (issue 15), on a library of 1,000 articles (~5 million
characters: the novel cut into ~5,000-character pieces, each repeated with a numbered
first line, so every article differs):

- search p95 for a 1-, 2- and 4-character query and a 2-syllable toneless pinyin query
  (first 200 hits, as the search box asks), against SQLite reading the same rows with
  `instr()` (the floor: one scan saying which articles hold the query). Target ≤ 50 ms.
- the same in either script (`any_script`): traditional queries over the simplified novel,
  against an `instr()` scan for their simplified form.
- index build per million characters (characters; then readings), against `jieba.cut`.
- index size against the text's size.
- the find bar painting 500 hits in the reading view. Target ≤ 16 ms.
- how often the index's reading (word lists) agrees with the view's (word lists + g2pM).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTICLES = 1000
PIECE = 5000
QUERIES = [
    ("1 char", "玉"),
    ("2 chars", "黛玉"),
    ("4 chars", "宝玉笑道"),
    ("pinyin 2 syl.", "daiyu"),
]
# Simplified and traditional alike (`any_script`): traditional queries over the simplified
# novel, the floor an instr() scan for the simplified form.
EITHER_SCRIPT_QUERIES = [
    ("either script, 1 char", "說", "说"),
    ("either script, 2 chars", "說道", "说道"),
    ("either script, 4 chars", "寶玉笑道", "宝玉笑道"),
]
REPEATS = 30


def _pieces(novel: Path) -> list[tuple[str, list[int]]]:
    from reader.text.segment import segment_ends

    text = novel.read_text(encoding="utf-8").replace("\r\n", "\n")
    pieces = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        end = len(text) if end < 0 else end
        piece = text[start:end].strip("\n")
        if piece:
            pieces.append((piece, list(segment_ends(piece))))
        start = end + 1
    return pieces


def _build(library: Any, pieces: list[tuple[str, list[int]]]) -> int:
    from reader.library.store import NewArticle, NewSource

    articles, chars = [], 0
    for number in range(ARTICLES):
        body, ends = pieces[number % len(pieces)]
        head = f"第{number}篇\n"
        text = head + body
        articles.append(
            NewArticle(
                f"第{number}篇",
                False,
                "",
                text,
                number,
                number + 1,
                [len(head) - 1, len(head)] + [len(head) + e for e in ends],
            )
        )
        chars += len(text)
    raw = "\n".join(a.text for a in articles)
    library.add_source(
        NewSource.whole("bench.txt", "UTF-8", "b" * 64, len(raw), raw, [raw]), articles
    )
    return chars


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def search_rows(novel: Path) -> list[dict[str, object]]:
    from reader.library import Library
    from reader.search import index
    from reader.search.engine import SearchOptions, search

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("YUEDU_DICTIONARY", str(Path(folder) / "cedict.sqlite3"))
        pieces = _pieces(novel)
        library = Library.open(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        chars = _build(library, pieces)
        store_and_text_index = time.perf_counter() - started
        started = time.perf_counter()
        index.ensure_readings(library)
        readings_index = time.perf_counter() - started
        started = time.perf_counter()
        import jieba

        sample = novel.read_text(encoding="utf-8")[:1_000_000]
        jieba.initialize()
        started = time.perf_counter()
        list(jieba.cut(sample))
        jieba_per_m = (time.perf_counter() - started) / len(sample) * 1e6
        # The characters' index alone, as the door builds it inside an import.
        started = time.perf_counter()
        index.rebuild(library, with_readings=False)
        text_index = time.perf_counter() - started
        index.ensure_readings(library)
        started = time.perf_counter()
        index.ensure_folded(library)
        per_m_folded = (time.perf_counter() - started) / chars * 1e6
        per_m_text = text_index / chars * 1e6
        per_m_readings = readings_index / chars * 1e6
        rows.append(
            {
                "row": f"search index build, per million chars ({chars / 1e6:.1f}M chars)",
                "value": f"{per_m_text:.2f} s chars + {per_m_readings:.2f} s readings",
                "floor": f"{jieba_per_m:.2f} s (jieba.cut)",
                "ratio": (per_m_text + per_m_readings) / jieba_per_m,
                "target": "(measured)",
                "ok": True,
                "note": f"import with the character index in the same write: "
                f"{store_and_text_index:.1f} s for the whole library; readings lazily, "
                "on the first pinyin query; texts folded to one script lazily, on the "
                f"first search in either script: {per_m_folded:.2f} s per million chars",
            }
        )
        rows.append(_size_row(library, chars))
        for label, query in QUERIES:
            rows.append(_query_row(library, label, query, search, SearchOptions))
        for label, query, simplified in EITHER_SCRIPT_QUERIES:
            options = partial(SearchOptions, any_script=True)
            rows.append(_query_row(library, label, query, search, options, simplified))
        rows.append(_agreement_row(library))
        library.close()
    rows.append(_paint_row(novel))
    return rows


def _size_row(library: Any, chars: int) -> dict[str, object]:
    conn = library.conn
    try:
        rows = conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search%' GROUP BY name"
        ).fetchall()
        text_bytes = conn.execute(
            "SELECT sum(length(CAST(text AS BLOB))) FROM articles"
        ).fetchone()[0]
    except Exception as error:  # noqa: BLE001 - dbstat is optional in SQLite builds
        return {"row": "search index size", "value": f"n/a ({error})", "ok": True}
    size = sum(r[1] for r in rows)
    parts = ", ".join(f"{name} {value / 1e6:.1f} MB" for name, value in rows)
    return {
        "row": "search index size",
        "value": f"{size / 1e6:.1f} MB",
        "floor": f"{text_bytes / 1e6:.1f} MB (the text, UTF-8)",
        "ratio": size / text_bytes,
        "target": "(measured)",
        "ok": True,
        "note": parts,
    }


def _query_row(
    library: Any, label: str, query: str, search: Any, options: Any, floor_needle: str = ""
) -> dict[str, object]:
    conn = library.conn
    search(library, query, options())  # warm: caches, the readings' tables
    times, floors = [], []
    hits = 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        hits = len(search(library, query, options(fields=frozenset({"text"}))))
        times.append(time.perf_counter() - started)
        needle = floor_needle or (query if label != "pinyin 2 syl." else "黛玉")
        started = time.perf_counter()
        conn.execute("SELECT count(*) FROM articles WHERE instr(text, ?) > 0", [needle]).fetchone()
        floors.append(time.perf_counter() - started)
    value, floor = _p95(times) * 1000, _p95(floors) * 1000
    return {
        "row": f"search p95, {label} ({query})",
        "value": f"{value:.1f} ms",
        "floor": f"{floor:.1f} ms (instr scan)",
        "ratio": value / floor,
        "target": "≤ 50 ms",
        "ok": value <= 50,
        "note": f"{hits} hits returned (limit 200)",
    }


def _agreement_row(library: Any) -> dict[str, object]:
    from reader.search.readings import ReadingEncoder
    from reader.text.chars import is_han
    from reader.text.pinyin import PinyinResolver

    resolver = PinyinResolver()
    encoder = ReadingEncoder(library)
    same = total = 0
    started = time.perf_counter()
    for article_id in range(1, 11):
        shown = encoder.shown_readings(article_id)
        if shown is None:
            continue
        text, lexical = shown
        ends = library.token_ends(article_id)
        full = [s for token in resolver.resolve(text, ends) for s in token]
        for char, a, b in zip(text, lexical, full, strict=True):
            if is_han(char):
                total += 1
                same += a == b
    elapsed = time.perf_counter() - started
    return {
        "row": "index reading = view's reading",
        "value": f"{same / total:.2%} of {total} Han chars",
        "target": "(measured)",
        "ok": True,
        "note": f"word lists alone vs word lists + g2pM (full resolver {elapsed:.1f} s here)",
    }


def _paint_row(novel: Path) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from reader.library.records import Article
    from reader.ui.reading_view import ReadingView

    app = QApplication.instance() or QApplication([])
    text = novel.read_text(encoding="utf-8").replace("\r\n", "\n")[:60_000]
    view = ReadingView()
    view.resize(1300, 800)
    view.show_article(Article(1, 1, 0, "bench", "", text, "bench.txt"))
    view.show()
    app.processEvents()
    # The worst case: every character on the first screen a hit (up to 500).
    first_screen = view.visible_offsets()
    hits = [(at, at + 1) for at in range(first_screen[0], first_screen[1])][:500]
    times, floors = [], []
    for _ in range(REPEATS):
        view.find_layer.set_hits([])
        started = time.perf_counter()
        view.viewport().repaint()
        floors.append(time.perf_counter() - started)
        started = time.perf_counter()
        view.find_layer.set_hits(hits, 0)
        view.viewport().repaint()
        times.append(time.perf_counter() - started)
    view.close()
    value, floor = _p95(times) * 1000, _p95(floors) * 1000
    on_screen = len(view.find_layer.visible(*first_screen))
    return {
        "row": f"find bar: {len(hits)} hits set and painted",
        "value": f"{value:.1f} ms",
        "floor": f"{floor:.1f} ms (plain repaint)",
        "ratio": value / floor,
        "target": "≤ 16 ms",
        "ok": value <= 16,
        "note": f"{on_screen} of them on screen",
    }


if __name__ == "__main__":
    from bench.run import NOVEL, print_table

    print_table(search_rows(NOVEL))
