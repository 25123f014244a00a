"""The reader's selection in the reading view, as body offsets: announced once it has settled
(mouse released, or no key for a moment) so that the floating bar does not flicker while
the reader drags; and a plain click on highlighted text, announced with the highlights under
it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent, QTextCursor

from annotations.model import SPAN_ID
from reader.text.offsets import Snap

if TYPE_CHECKING:
    from reader.ui.reading_view import ReadingView

SELECTION_SETTLE_MS = 200
CLICK_SLOP_PX = 3  # a press and release this close together is a click, not a drag


class SelectionTracker(QObject):
    """The view re-emits `settled`, `cleared` and `highlights_clicked` as `text_selected`,
    `selection_cleared` and `annotations_clicked`."""

    settled = Signal(int, int, QRect)  # body offsets [start, end), selection end (global)
    cleared = Signal()
    highlights_clicked = Signal(list, QPoint)  # ids of the highlights under a click, global

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SELECTION_SETTLE_MS)
        self._timer.timeout.connect(self._announce)
        view.selectionChanged.connect(self._timer.start)
        self._press_position: QPoint | None = None

    def current(self) -> tuple[int, int] | None:
        """The selected body text as code-point offsets, snapped outwards to whole
        characters (never half a surrogate pair) and clipped to the body."""
        view = self._view
        article = view.article
        cursor = view.textCursor()
        if not cursor.hasSelection() or article is None:
            return None
        first = max(cursor.selectionStart(), view.body_start)
        last = cursor.selectionEnd()
        if last <= first:
            return None
        start = view.offset_at_position(first, Snap.BEFORE)
        end = view.offset_at_position(last, Snap.AFTER)
        if start is None or end is None:
            return None
        end = min(end, len(article.text))
        return (start, end) if end > start else None

    def end_rect(self) -> QRect:
        """Where the selection ends, in global coordinates (for the floating bar)."""
        view = self._view
        cursor = QTextCursor(view.textCursor())
        cursor.setPosition(cursor.selectionEnd())
        rect = view.cursorRect(cursor)
        return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _announce(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._timer.start()  # still dragging
            return
        selection = self.current()
        if selection is None:
            self.cleared.emit()
        else:
            self.settled.emit(selection[0], selection[1], self.end_rect())

    # -- the mouse (the view calls these after Qt's own handling, see ReadingView) ------------
    def pressed(self, event: QMouseEvent) -> None:
        self._press_position = event.position().toPoint()

    def double_clicked(self, event: QMouseEvent) -> bool:
        """A double click selects the stored token under the pointer (银行, not the whole
        run of Chinese that Qt's own word boundaries would give); True when it did."""
        view = self._view
        if event.button() != Qt.MouseButton.LeftButton or view.tokens is None:
            return False
        index = view.token_at(event.position().toPoint())
        if index is None or not view.tokens.word(index).strip():
            return False
        start, end = view.tokens.span(index)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(start))
        cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        self._press_position = event.position().toPoint()  # its release is a click's
        return True

    def released(self, event: QMouseEvent) -> None:
        """After a drag (or a click that left a selection) the selection is announced once
        it settles; a plain left click on highlighted text announces the highlights there."""
        view = self._view
        pressed, self._press_position = self._press_position, None
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (point - pressed).manhattanLength() > CLICK_SLOP_PX or view.textCursor().hasSelection():
            self._timer.start()
            return
        position = view.character_position_at(point)
        offset = view.offset_at_position(position) if position is not None else None
        if offset is None:
            return
        under = [span[SPAN_ID] for span in view.highlights.at(offset)]
        if under:
            self.highlights_clicked.emit(under, view.viewport().mapToGlobal(point))
