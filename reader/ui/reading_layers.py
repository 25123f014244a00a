"""What the reading view paints besides the text, in the order the eye needs it: under the
text the word-status colours and the highlights' fills (translucent, so overlaps show both
colours); over it the highlights' marks, the find bar's hits and the pinyin above.

Each layer is asked for the visible offsets only once per paint, and only when it has
something to draw: `visible_offsets` lays out text, the costliest step of a paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPaintEvent

from reader.ui.tones import is_dark

if TYPE_CHECKING:
    from annotations.model import HighlightSpan
    from reader.ui.reading_view import ReadingView


@dataclass
class UnderText:
    """What the paint under the text found, for the paint over it."""

    visible: tuple[int, int] | None = None
    placed: list[tuple[HighlightSpan, list[QRectF]]] = field(default_factory=list)
    dark: bool = False
    highlighted: bool = False


def paint_under_text(view: ReadingView, event: QPaintEvent) -> UnderText:
    """Word statuses and highlight fills; records which highlights were painted."""
    under = UnderText()
    shown = view.article is not None
    if shown and view.highlights.complete_before is not None:
        under.visible = view.visible_offsets(event.rect())
        if under.visible[1] > view.highlights.complete_before:
            view.highlights_wanted.emit()  # below the highlights read so far: read all
    view.word_statuses.painted = []
    if view.tokens is not None and view.word_statuses.mode != "off":
        painter = QPainter(view.viewport())  # the visible words only
        under.visible = under.visible or view.visible_offsets(event.rect())
        view.word_statuses.paint(painter, view.tokens, under.visible, view.spans_rects)
        painter.end()
    under.highlighted = shown and bool(view.highlights.annotations)
    view.highlights_painted = []
    if under.highlighted:
        under.visible = under.visible or view.visible_offsets(event.rect())
        under.placed = view.highlights.layout(under.visible, view.spans_rects)
        under.dark = is_dark(view.palette().base().color())
        painter = QPainter(view.viewport())
        view.highlights_painted = view.highlights.paint_fills(
            painter, under.placed, dark_background=under.dark
        )
        painter.end()
    return under


def paint_over_text(view: ReadingView, event: QPaintEvent, under: UnderText) -> None:
    """Highlight marks, find hits and pinyin above, after the text was drawn."""
    if under.highlighted:
        painter = QPainter(view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.highlights.paint_marks(painter, under.placed, dark_background=under.dark)
        painter.end()
    if view.find_layer.hits and view.article is not None:
        painter = QPainter(view.viewport())
        visible = under.visible or view.visible_offsets(event.rect())
        view.find_layer.paint(painter, visible, view.spans_rects)
        painter.end()
    if view.pinyin_above and view.readings is not None:
        view.paint_pinyin(event.rect())
