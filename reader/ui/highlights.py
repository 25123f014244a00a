"""Highlights in the reading view: which are visible, where they are, how they are drawn.

Highlights are painted by the reading view itself (`ReadingView.paintEvent`): under the text
(translucent fills, so that overlapping highlights both stay visible) and only for the visible
part of the article, so an article with 10,000 of them opens and scrolls like one with none.
A highlight that carries a comment gets a small marker at its end.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from annotations.model import SPAN_COLOR, SPAN_END, SPAN_HAS_COMMENT, SPAN_ID, SPAN_START

if TYPE_CHECKING:
    from annotations.model import HighlightSpan

# name → (fill on a light background, fill on a dark one); alpha applied when painting.
HIGHLIGHT_COLOURS: dict[str, tuple[str, str]] = {
    "yellow": ("#ffd43b", "#e6b800"),
    "green": ("#69db7c", "#2f9e44"),
    "blue": ("#74c0fc", "#1c7ed6"),
    "pink": ("#f783ac", "#d6336c"),
    "purple": ("#b197fc", "#7048e8"),
}
FILL_ALPHA = 110
# name → (on a light page, on a dark one): the comment marker and the selected outline, drawn
# opaque over the fill and next to the page. Each has at least 3:1 against both
# (tests/test_ui_theme.py); the fills' own colours could not (yellow on white: 1.9:1).
MARKER_COLOURS: dict[str, tuple[str, str]] = {
    "yellow": ("#8a6a00", "#ffd43b"),
    "green": ("#237032", "#69db7c"),
    "blue": ("#1864ab", "#74c0fc"),
    "pink": ("#b0174f", "#f783ac"),
    "purple": ("#5f3dc4", "#c0aeff"),
}
MARKER_SIZE = 7.0


def highlight_colour(name: str, *, dark_background: bool, alpha: int = FILL_ALPHA) -> QColor:
    light, dark = HIGHLIGHT_COLOURS.get(name, HIGHLIGHT_COLOURS["yellow"])
    colour = QColor(dark if dark_background else light)
    colour.setAlpha(alpha)
    return colour


def marker_colour(name: str, *, dark_background: bool) -> QColor:
    light, dark = MARKER_COLOURS.get(name, MARKER_COLOURS["yellow"])
    return QColor(dark if dark_background else light)


# The rectangles of each of the given (start, end) spans, in text order.
SpansRects = Callable[[list[tuple[int, int]]], list[list[QRectF]]]


class HighlightLayer:
    """The current article's highlights, sorted, with an interval lookup by offset. Spans
    are the store's plain tuples (see `annotations.model.HighlightSpan`)."""

    def __init__(self) -> None:
        self.annotations: list[HighlightSpan] = []
        # Every highlight starting before this offset is here (None: all of them are): the
        # top of a long article is shown with its own highlights before the rest are read.
        self.complete_before: int | None = None
        self._starts: list[int] = []
        self._longest = 0
        self.selected_id: str | None = None
        self.flash_id: str | None = None

    def set_annotations(
        self, spans: Sequence[HighlightSpan], complete_before: int | None = None
    ) -> None:
        """The article's placed highlights, in text order (as the store returns them); with
        `complete_before`, only those that start before that offset."""
        placed = list(spans)
        self.annotations = placed
        self.complete_before = complete_before
        self._starts = [span[SPAN_START] for span in placed]
        self._longest = max((span[SPAN_END] - span[SPAN_START] for span in placed), default=0)

    def overlapping(self, first: int, last: int) -> list[HighlightSpan]:
        """Highlights that overlap the offsets [first, last)."""
        low = bisect_left(self._starts, first - self._longest)
        high = bisect_left(self._starts, last)
        return [span for span in self.annotations[low:high] if span[SPAN_END] > first]

    def at(self, offset: int) -> list[HighlightSpan]:
        """Highlights that contain the character at `offset`, innermost (shortest) first."""
        low = bisect_left(self._starts, offset - self._longest)
        high = bisect_right(self._starts, offset)
        found = [
            span
            for span in self.annotations[low:high]
            if span[SPAN_START] <= offset < span[SPAN_END]
        ]
        return sorted(found, key=lambda span: span[SPAN_END] - span[SPAN_START])

    def find(self, annotation_id: str) -> HighlightSpan | None:
        return next((span for span in self.annotations if span[SPAN_ID] == annotation_id), None)

    # -- painting ------------------------------------------------------------------------
    def layout(
        self, visible: tuple[int, int], spans_rects: SpansRects
    ) -> list[tuple[HighlightSpan, list[QRectF]]]:
        """The visible highlights with their rectangles: computed once per paint, used by
        both the fills under the text and the marks over it."""
        shown = self.overlapping(*visible)
        rects = spans_rects([(span[SPAN_START], span[SPAN_END]) for span in shown])
        return list(zip(shown, rects, strict=True))

    def paint_fills(
        self,
        painter: QPainter,
        placed: list[tuple[HighlightSpan, list[QRectF]]],
        *,
        dark_background: bool,
    ) -> list[str]:
        """Fill the visible highlights; returns the ids painted."""
        painter.setPen(Qt.PenStyle.NoPen)
        by_colour: dict[str, list[QRectF]] = {}
        for span, rects in placed:
            by_colour.setdefault(span[SPAN_COLOR], []).extend(rects)
        # One call per colour: thousands of highlights cost a handful of calls into Qt.
        for colour, rects in by_colour.items():
            painter.setBrush(highlight_colour(colour, dark_background=dark_background))
            painter.drawRects(rects)
        return [span[SPAN_ID] for span, _ in placed]

    def paint_marks(
        self,
        painter: QPainter,
        placed: list[tuple[HighlightSpan, list[QRectF]]],
        *,
        dark_background: bool,
    ) -> None:
        """Over the text: comment markers, the selected highlight's outline, the flash."""
        marked = (self.selected_id, self.flash_id)
        for span, rects in placed:
            if not rects or not (span[SPAN_HAS_COMMENT] or span[SPAN_ID] in marked):
                continue
            strong = marker_colour(span[SPAN_COLOR], dark_background=dark_background)
            if span[SPAN_HAS_COMMENT]:
                corner = rects[-1].topRight()
                marker = QPolygonF(
                    [corner, corner + QPointF(-MARKER_SIZE, 0), corner + QPointF(0, MARKER_SIZE)]
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(strong)
                painter.drawPolygon(marker)
            if span[SPAN_ID] in marked:
                pen = QPen(strong, 2.0 if span[SPAN_ID] == self.flash_id else 1.2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for rect in rects:
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
