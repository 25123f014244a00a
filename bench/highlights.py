"""Benchmark rows of highlights in the window (issue 4), measured in this process on the
novel's longest chapter:

- adding a highlight to an article that already has 1,000, until the view has repainted
  (the store's commit, the view's and the dock's refresh included), against a plain repaint;
- opening an article with 10,000 highlights, against opening it with none.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.reading import close_window, wait_until  # noqa: E402

WINDOW_SIZE = (1300, 800)


def _spans(text_length: int, count: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    spans = []
    for _ in range(count):
        start = rng.randrange(0, text_length - 12)
        spans.append((start, start + rng.randrange(2, 12)))
    return spans


def highlight_rows(novel: Path) -> list[dict[str, object]]:
    from annotations.store import AnnotationStore
    from reader.importer import import_path
    from reader.library import Library
    from reader.ui.application import configure_application, create_main_window

    qInstallMessageHandler(lambda *_: None)
    app = QApplication.instance() or QApplication([])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("YUEDU_DICTIONARY", str(Path(folder) / "cedict.sqlite3"))
        library = Library.open(Path(folder) / "novel.sqlite3")
        ids = import_path(library, novel).article_ids
        by_length = sorted(ids, key=lambda i: len(library.get_article(i).text))
        busy, crowded, bare = by_length[-1], by_length[-2], by_length[-3]
        store = AnnotationStore(library)
        with library.session.write("Benchmark set-up"):
            for start, end in _spans(len(library.get_article(busy).text), 1000, 1):
                store.add(busy, start, end, color="yellow")
            for start, end in _spans(len(library.get_article(crowded).text), 10_000, 2):
                store.add(crowded, start, end, color="green")
        window = create_main_window(
            library, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        )
        window.resize(*WINDOW_SIZE)
        window.show()
        app.processEvents()
        _settle(app, window)
        try:
            rows = [_add_row(app, window, busy), _open_row(app, window, crowded, bare)]
        finally:
            close_window(window, library)
    return rows


def _settle(app: QApplication, window: Any, timeout: float = 120.0) -> None:
    """Wait until the pinyin worker is idle: its resolving (right after an article opens)
    competes for the interpreter and would be measured along with the highlight."""
    wait_until(
        app, lambda: not window.pinyin.busy and window.pinyin.dictionary is not None, timeout
    )


def _add_row(app: QApplication, window: Any, article_id: int) -> dict[str, object]:
    window.reading.show_article(article_id)
    _settle(app, window)
    view = window.reading_view
    first, last = view.visible_offsets()
    adds, repaints = [], []
    for index, (start, end) in enumerate(_spans(last - first, 60, 3)):
        started = time.perf_counter()
        view.viewport().repaint()
        repaints.append(time.perf_counter() - started)
        started = time.perf_counter()
        window.service.create_annotation(article_id, first + start, first + end, "blue")
        view.viewport().repaint()
        adds.append(time.perf_counter() - started)
        if index % 10 == 0:
            app.processEvents()
    value, base = statistics.median(adds), statistics.median(repaints)
    worst = max(adds)
    return {
        "row": "add a highlight next to 1,000 others, repaint included",
        "value": f"{value * 1000:.1f} ms (max {worst * 1000:.1f})",
        "floor": f"{base * 1000:.1f} ms (repaint alone)",
        "ratio": value / base,
        "target": "≤ 16 ms",
        "ok": worst <= 0.016 or value <= 0.016,
    }


def _open_row(app: QApplication, window: Any, crowded: int, bare: int) -> dict[str, object]:
    view = window.reading_view

    def open_time(article_id: int, other: int) -> float:
        window.reading.show_article(other)
        window.reading.readings.clear()
        _settle(app, window)
        started = time.perf_counter()
        window.reading.show_article(article_id)
        view.viewport().repaint()
        return time.perf_counter() - started

    # Two articles of near equal length: one with 10,000 highlights, one with none, opened
    # in turn (interleaved, so that a change in the machine's load hits both alike).
    many_times, none_times = [], []
    for _ in range(9):
        many_times.append(open_time(crowded, bare))
        none_times.append(open_time(bare, crowded))
    with_many, with_none = statistics.median(many_times), statistics.median(none_times)
    chars = len(window.service.article(crowded).text), len(window.service.article(bare).text)
    return {
        "row": "open an article with 10,000 highlights",
        "value": f"{with_many * 1000:.1f} ms",
        "floor": f"{with_none * 1000:.1f} ms (none)",
        "ratio": with_many / with_none,
        "target": "≤ 2",
        "ok": with_many / with_none <= 2,
        "note": f"{chars[0]:,} vs {chars[1]:,} characters",
    }
