"""The find bar's hits in the reading view: every hit outlined, the current one filled,
in a colour no highlight uses (so a hit inside a highlight still shows as a hit), and
only the visible ones drawn, so 500 hits paint like five."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

if TYPE_CHECKING:
    from reader.ui.highlights import SpansRects

HIT_OUTLINE = "#e8590c"  # orange: not one of the highlight colours
CURRENT_FILL_ALPHA = 120


class FindLayer:
    def __init__(self) -> None:
        self.hits: list[tuple[int, int]] = []
        self.current: int | None = None  # index into hits
        self._starts: list[int] = []
        self._longest = 0

    def set_hits(self, hits: list[tuple[int, int]], current: int | None = None) -> None:
        self.hits = hits
        self.current = current
        self._starts = [start for start, _ in hits]
        self._longest = max((end - start for start, end in hits), default=0)

    def visible(self, first: int, last: int) -> list[int]:
        """Indexes of the hits that overlap [first, last)."""
        low = bisect_left(self._starts, first - self._longest)
        high = bisect_left(self._starts, last)
        return [i for i in range(low, high) if self.hits[i][1] > first]

    def paint(self, painter: QPainter, visible: tuple[int, int], spans_rects: SpansRects) -> int:
        """Draw the visible hits; returns how many were drawn."""
        shown = self.visible(*visible)
        if not shown:
            return 0
        rects = spans_rects([self.hits[i] for i in shown])
        colour = QColor(HIT_OUTLINE)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outlines: list[QRectF] = [r.adjusted(-1, -1, 1, 1) for rs in rects for r in rs]
        painter.drawRects(outlines)
        if self.current in shown:
            fill = QColor(colour)
            fill.setAlpha(CURRENT_FILL_ALPHA)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRects(rects[shown.index(self.current)])
        return len(shown)
