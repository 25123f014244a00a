"""Words coloured by their learning status (or HSK level) in the reading view, painted by
the view itself under the text for the visible part only (like `highlights.HighlightLayer`):
marking a word repaints the view, it never rebuilds the document.

Modes: off; unknown only (new words underlined); full (new, learning 1–4 in fading tints,
ignored and known words left plain); HSK (each word tinted by its HSK 3.0 level).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from reader.learning.words import is_word
from reader.text.tokens import TokenIndex

OFF, UNKNOWN, FULL, HSK = "off", "unknown", "full", "hsk"
MODES = {
    OFF: QT_TRANSLATE_NOOP("WordStatus", "&Off"),
    UNKNOWN: QT_TRANSLATE_NOOP("WordStatus", "&Unknown words underlined"),
    FULL: QT_TRANSLATE_NOOP("WordStatus", "&Full colours"),
    HSK: QT_TRANSLATE_NOOP("WordStatus", "By &HSK level"),
}
# Keys while a word is hovered or under the word cursor → the status they give.
STATUS_KEYS = {
    Qt.Key.Key_1: "learning1",
    Qt.Key.Key_2: "learning2",
    Qt.Key.Key_3: "learning3",
    Qt.Key.Key_4: "learning4",
    Qt.Key.Key_K: "known",
    Qt.Key.Key_I: "ignored",
    Qt.Key.Key_0: "new",
    Qt.Key.Key_N: "new",
}
STATUS_COLOURS = {
    "new": "#4dabf7",
    "learning1": "#ffa94d",
    "learning2": "#ffc078",
    "learning3": "#ffd8a8",
    "learning4": "#ffe8cc",
}
HSK_COLOURS = {
    1: "#b2f2bb",
    2: "#8ce99a",
    3: "#a5d8ff",
    4: "#74c0fc",
    5: "#ffd8a8",
    6: "#ffa94d",
    7: "#ff8787",
}
FILL_ALPHA = 90
SpansRects = Callable[[list[tuple[int, int]]], list[list[QRectF]]]


class WordStatusLayer:
    def __init__(self) -> None:
        self.mode = OFF
        self.statuses: dict[str, str] = {}  # words not here are new
        self.painted: list[tuple[int, int, str]] = []  # (start, end, colour) of the last paint

    def colour_of(self, word: str) -> str | None:
        if self.mode == HSK:
            from reader.learning.hsk import hsk_level

            level = hsk_level(word)
            return HSK_COLOURS.get(level) if level else None
        status = self.statuses.get(word, "new")
        if self.mode == UNKNOWN:
            return STATUS_COLOURS["new"] if status == "new" else None
        return STATUS_COLOURS.get(status)

    def paint(
        self, painter: QPainter, tokens: TokenIndex, visible: tuple[int, int], rects: SpansRects
    ) -> None:
        self.painted = []
        if self.mode == OFF or not len(tokens):
            return
        first = tokens.index_at(visible[0]) or 0
        spans: list[tuple[int, int]] = []
        colours: list[str] = []
        for index in range(first, len(tokens)):
            start, end = tokens.span(index)
            if start >= visible[1]:
                break
            word = tokens.word(index)
            colour = self.colour_of(word) if is_word(word) else None
            if colour is not None:
                spans.append((start, end))
                colours.append(colour)
        by_colour: dict[str, list[QRectF]] = {}
        for colour, span_rects in zip(colours, rects(spans), strict=True):
            by_colour.setdefault(colour, []).extend(span_rects)
        self.painted = [(s, e, c) for (s, e), c in zip(spans, colours, strict=True)]
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, found in by_colour.items():
            fill = QColor(colour)
            if self.mode == UNKNOWN:  # a line under the word, not a fill
                painter.setBrush(fill)
                painter.drawRects([QRectF(r.left(), r.bottom() - 2, r.width(), 2) for r in found])
                continue
            fill.setAlpha(FILL_ALPHA)
            painter.setBrush(fill)
            painter.drawRects(found)
