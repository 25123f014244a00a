"""Highlights in the reading view: which are visible, where they are, how they are drawn.

Highlights are painted by the view itself, under the text (translucent fills, so that
overlapping highlights both stay visible) and only for the visible part of the article, so an
article with 10,000 of them opens and scrolls like one with none. A highlight that carries a
comment gets a small marker at its end.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

if TYPE_CHECKING:
    from annotations.model import Annotation

# name → (fill on a light background, fill on a dark one); alpha applied when painting.
HIGHLIGHT_COLOURS: dict[str, tuple[str, str]] = {
    "yellow": ("#ffd43b", "#e6b800"),
    "green": ("#69db7c", "#2f9e44"),
    "blue": ("#74c0fc", "#1c7ed6"),
    "pink": ("#f783ac", "#d6336c"),
    "purple": ("#b197fc", "#7048e8"),
}
FILL_ALPHA = 110
MARKER_SIZE = 7.0


def highlight_colour(name: str, *, dark_background: bool, alpha: int = FILL_ALPHA) -> QColor:
    light, dark = HIGHLIGHT_COLOURS.get(name, HIGHLIGHT_COLOURS["yellow"])
    colour = QColor(dark if dark_background else light)
    colour.setAlpha(alpha)
    return colour


SpanRects = Callable[[int, int], list[QRectF]]


class HighlightLayer:
    """The current article's highlights, sorted, with an interval lookup by offset."""

    def __init__(self) -> None:
        self.annotations: list[Annotation] = []
        self._starts: list[int] = []
        self._longest = 0
        self.selected_id: str | None = None
        self.flash_id: str | None = None

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        placed = [a for a in annotations if not a.orphaned]
        placed.sort(key=lambda a: (a.start, a.end))
        self.annotations = placed
        self._starts = [a.start for a in placed]
        self._longest = max((a.end - a.start for a in placed), default=0)

    def overlapping(self, first: int, last: int) -> list[Annotation]:
        """Highlights that overlap the offsets [first, last)."""
        low = bisect_left(self._starts, first - self._longest)
        high = bisect_left(self._starts, last)
        return [a for a in self.annotations[low:high] if a.end > first]

    def at(self, offset: int) -> list[Annotation]:
        """Highlights that contain the character at `offset`, innermost (shortest) first."""
        low = bisect_left(self._starts, offset - self._longest)
        high = bisect_right(self._starts, offset)
        found = [a for a in self.annotations[low:high] if a.start <= offset < a.end]
        return sorted(found, key=lambda a: a.end - a.start)

    def find(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == annotation_id), None)

    # -- painting ------------------------------------------------------------------------
    def paint_fills(
        self,
        painter: QPainter,
        visible: tuple[int, int],
        span_rects: SpanRects,
        *,
        dark_background: bool,
    ) -> list[str]:
        """Fill the visible highlights; returns the ids painted."""
        painted = []
        painter.setPen(Qt.PenStyle.NoPen)
        for annotation in self.overlapping(*visible):
            painter.setBrush(highlight_colour(annotation.color, dark_background=dark_background))
            for rect in span_rects(annotation.start, annotation.end):
                painter.drawRect(rect)
            painted.append(annotation.id)
        return painted

    def paint_marks(
        self,
        painter: QPainter,
        visible: tuple[int, int],
        span_rects: SpanRects,
        *,
        dark_background: bool,
    ) -> None:
        """Over the text: comment markers, the selected highlight's outline, the flash."""
        for annotation in self.overlapping(*visible):
            rects = span_rects(annotation.start, annotation.end)
            if not rects:
                continue
            strong = highlight_colour(
                annotation.color, dark_background=not dark_background, alpha=255
            )
            if annotation.comment.strip():
                corner = rects[-1].topRight()
                marker = QPolygonF(
                    [
                        corner,
                        corner + QPointF(-MARKER_SIZE, 0),
                        corner + QPointF(0, MARKER_SIZE),
                    ]
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(strong)
                painter.drawPolygon(marker)
            if annotation.id in (self.selected_id, self.flash_id):
                pen = QPen(strong, 2.0 if annotation.id == self.flash_id else 1.2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for rect in rects:
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
