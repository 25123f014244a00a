"""Vocabulary rows (issue 14): marking a word and repainting a 10,000-character article
coloured by status (target ≤ 16 ms), and the article list's figures for a 1,000-article
library after marking a word (target ≤ 100 ms). Articles are synthetic: words drawn from
the HSK 3.0 list (tokens are the words themselves, so no segmenter runs)."""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

ARTICLE_CHARS = 10_000
LIBRARY_ARTICLES = 1_000
LIBRARY_ARTICLE_CHARS = 2_000


def _article(words: list[str], chars: int, rng: random.Random) -> tuple[str, list[int]]:
    parts: list[str] = []
    ends: list[int] = []
    length = 0
    while length < chars:
        piece = "。" if rng.random() < 0.08 else rng.choice(words)
        parts.append(piece)
        length += len(piece)
        ends.append(length)
    return "".join(parts), ends


def _library(count: int, chars: int) -> Any:
    from reader.learning.hsk import words_up_to
    from reader.library.store import Library, NewArticle, NewSource

    rng = random.Random(14)
    words = words_up_to(6, "3.0")
    # Zipf-like: common words much more often, as in real text.
    weighted = [
        w for rank, w in enumerate(words[:3000]) for _ in range(max(1, 30 // (1 + rank // 100)))
    ]
    library = Library.in_memory()
    articles = []
    for n in range(count):
        text, ends = _article(weighted, chars, rng)
        articles.append(NewArticle(f"A{n}", False, "", text, n, n + 1, ends))
    library.add_source(NewSource.whole("bench.txt", "utf-8", "v" * 64, 1, "", []), articles)
    return library, words


def _repaint_row() -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from reader.learning.statuses import set_status, statuses
    from reader.text.tokens import TokenIndex
    from reader.ui.reading_view import ReadingView

    app = QApplication.instance() or QApplication([])
    library, words = _library(1, ARTICLE_CHARS)
    article = library.get_article(library.list_articles()[0].id)
    view = ReadingView()
    view.resize(1000, 800)
    view.show_article(article, TokenIndex(article.text, library.token_ends(article.id)))
    view.word_statuses.mode = "full"
    view.show()
    app.processEvents()
    marks, repaints = [], []
    for word in words[:60]:
        started = time.perf_counter()
        view.viewport().repaint()
        repaints.append(time.perf_counter() - started)
        started = time.perf_counter()
        set_status(library, word, "known")
        view.word_statuses.statuses = statuses(library)
        view.viewport().repaint()
        marks.append(time.perf_counter() - started)
    view.close()
    value, base = statistics.median(marks), statistics.median(repaints)
    return {
        "row": "mark a word known, repaint a 10,000-char article coloured by status",
        "value": f"{value * 1000:.1f} ms (max {max(marks) * 1000:.1f})",
        "floor": f"{base * 1000:.1f} ms (repaint alone)",
        "ratio": value / base,
        "target": "≤ 16 ms",
        "ok": value <= 0.016,
    }


def _list_row() -> dict[str, object]:
    from reader.learning.counts import article_figures
    from reader.learning.statuses import set_status

    library, words = _library(LIBRARY_ARTICLES, LIBRARY_ARTICLE_CHARS)
    times, reads = [], []
    for word in words[:40]:  # the commonest words: each sits in most articles
        started = time.perf_counter()
        article_figures(library.conn)
        reads.append(time.perf_counter() - started)
        started = time.perf_counter()
        set_status(library, word, "known")
        figures = article_figures(library.conn)
        times.append(time.perf_counter() - started)
    assert len(figures) == LIBRARY_ARTICLES
    value, base = statistics.median(times), statistics.median(reads)
    return {
        "row": "mark a common word, then every article's known share (1,000 articles)",
        "value": f"{value * 1000:.1f} ms (max {max(times) * 1000:.1f})",
        "floor": f"{base * 1000:.1f} ms (reading the figures alone)",
        "ratio": value / base,
        "target": "≤ 100 ms",
        "ok": value <= 0.100,
    }


def vocabulary_rows() -> list[dict[str, object]]:
    return [_repaint_row(), _list_row()]


if __name__ == "__main__":
    import os
    import sys
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for row in vocabulary_rows():
        print(row)
