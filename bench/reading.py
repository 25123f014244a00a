"""Benchmark rows of the reading view (issue 3), measured in this process on the novel:

- hover: pointer position → token → pinyin and glosses, p99, against Qt's own hit test
  (`cursorForPosition`) at the same points; the card's paint, p99, against one 16 ms frame;
- opening the longest chapter: `ReadingController.show_article` to the end of the first paint,
  against `QPlainTextEdit.setPlainText` of the same text painted once;
- pinyin-above scrolling: one wheel step and its repaint, p95, against the same step in
  the plain view.
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

from PySide6.QtCore import QPoint, QSettings, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

WINDOW_SIZE = (1200, 800)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def wait_until(app: QApplication, condition: Any, timeout: float = 300.0) -> None:
    """Process events until `condition()` holds (set-up, never measured)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark set-up timed out")
        app.processEvents()
        time.sleep(0.005)


def close_window(window: Any, library: Any) -> None:
    """Stop the window's workers, close it and its library (tear-down, never measured)."""
    window.pinyin.shutdown()
    window.service.shutdown()
    window.close()
    library.close()


def reading_rows(novel: Path) -> list[dict[str, object]]:
    from reader.importer import import_path
    from reader.library import Library
    from reader.ui.application import configure_application, create_main_window

    qInstallMessageHandler(lambda *_: None)  # offscreen's "does not support raise()" lines
    app = QApplication.instance() or QApplication([])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("YUEDU_DICTIONARY", str(Path(folder) / "cedict.sqlite3"))
        library = Library.open(Path(folder) / "novel.sqlite3")
        outcome = import_path(library, novel)
        longest = max(outcome.article_ids, key=lambda i: len(library.get_article(i).text))
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = create_main_window(library, settings)
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_until(app, lambda: window.pinyin.dictionary is not None)
        try:
            rows = [
                _open_row(app, window, longest),
                *_hover_rows(app, window, longest),
                _scroll_row(app, window),
            ]
        finally:
            close_window(window, library)
    return rows


def _open_row(app: QApplication, window: Any, article_id: int) -> dict[str, object]:
    view = window.reading_view
    text = window.service.article(article_id).text
    other = next(a.id for a in window.service.articles() if a.id != article_id)
    opened, plain = [], []
    for _ in range(7):
        window.reading.show_article(other)
        window.reading.readings.clear()  # open from the library, as the first time
        wait_until(app, lambda: not window.pinyin.busy)  # its resolving would be measured too
        started = time.perf_counter()
        window.reading.show_article(article_id)
        view.viewport().repaint()
        opened.append(time.perf_counter() - started)

        editor = QPlainTextEdit()
        editor.resize(view.size())
        editor.show()
        app.processEvents()
        started = time.perf_counter()
        editor.setPlainText(text)
        editor.viewport().repaint()
        plain.append(time.perf_counter() - started)
        editor.close()
    value, base = statistics.median(opened), statistics.median(plain)
    return {
        "row": f"open longest chapter ({len(text):,} chars), first paint",
        "value": f"{value * 1000:.1f} ms",
        "floor": f"{base * 1000:.1f} ms (QPlainTextEdit)",
        "ratio": value / base,
        "target": "≤ 1.5",
        "ok": value / base <= 1.5,
    }


def _hover_rows(app: QApplication, window: Any, article_id: int) -> list[dict[str, object]]:
    view = window.reading_view
    window.reading.show_article(article_id)
    readings = view.readings
    wait_until(app, lambda: all(readings.is_resolved(i) for i in range(len(readings.tokens))))
    width, height = view.viewport().width(), view.viewport().height()
    rng = random.Random(7)
    points = [QPoint(rng.randrange(width), rng.randrange(height)) for _ in range(3000)]
    for point in points[:200]:  # warm-up: caches of the dictionary and the layout
        index = view.token_at(point)
        if index is not None and view.tokens.is_chinese(index):
            window.cards.word_info(index)
    hover, floor, infos = [], [], []
    for point in points:
        started = time.perf_counter()
        view.cursorForPosition(point)
        floor.append(time.perf_counter() - started)
        started = time.perf_counter()
        index = view.token_at(point)
        info = None
        if index is not None and view.tokens.is_chinese(index):
            info = window.cards.word_info(index)
        hover.append(time.perf_counter() - started)
        if info is not None:
            infos.append((info, index))
    card = window.cards.card
    paints = []
    for info, index in infos[:300]:
        started = time.perf_counter()
        card.show_word(info, view.token_rect_global(index))
        card.repaint()
        paints.append(time.perf_counter() - started)
    card.hide()
    p99, floor_p99 = percentile(hover, 0.99), percentile(floor, 0.99)
    paint_p99 = percentile(paints, 0.99)
    return [
        {
            "row": "hover: position → word, pinyin, glosses (p99)",
            "value": f"{p99 * 1000:.3f} ms",
            "floor": f"{floor_p99 * 1000:.3f} ms (cursorForPosition)",
            "ratio": p99 / floor_p99,
            "target": "p99 ≤ 1 ms",
            "ok": p99 <= 0.001,
            "note": f"{len(points)} points, {len(infos)} on Chinese words",
        },
        {
            "row": "hover card shown and painted (p99)",
            "value": f"{paint_p99 * 1000:.1f} ms",
            "floor": "16.7 ms (one frame)",
            "ratio": paint_p99 / (1 / 60),
            "target": "≤ 1 frame",
            "ok": paint_p99 <= 1 / 60,
        },
    ]


def _scroll_row(app: QApplication, window: Any) -> dict[str, object]:
    view = window.reading_view
    bar = view.verticalScrollBar()
    step = bar.singleStep() * 3  # one wheel notch

    def scroll_times() -> list[float]:
        bar.setValue(0)
        view.viewport().repaint()
        times = []
        while bar.value() < bar.maximum() and len(times) < 400:
            started = time.perf_counter()
            bar.setValue(bar.value() + step)
            view.viewport().repaint()
            times.append(time.perf_counter() - started)
        return times

    plain = scroll_times()
    window.set_pinyin_above(True)
    app.processEvents()
    pinyin = scroll_times()
    window.set_pinyin_above(False)
    value, base = percentile(pinyin, 0.95), percentile(plain, 0.95)
    return {
        "row": "pinyin-above scroll step (p95)",
        "value": f"{value * 1000:.1f} ms",
        "floor": f"{base * 1000:.1f} ms (same step, plain)",
        "ratio": value / base,
        "target": "≤ 16 ms",
        "ok": value <= 0.016,
        "note": f"{len(pinyin)} steps of {step} px; max {max(pinyin) * 1000:.1f} ms",
    }
