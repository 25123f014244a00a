"""Going to a highlight in the reading view: scroll the passage into view and flash it for a
moment, so the eye finds it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from annotations.model import SPAN_END, SPAN_START

if TYPE_CHECKING:
    from reader.ui.reading_view import ReadingView

FLASH_MS = 900


class HighlightFlash(QObject):
    def __init__(self, view: ReadingView) -> None:
        super().__init__(view)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._end)

    def reveal(self, annotation_id: str) -> bool:
        """Scroll the highlight into view and flash it; False when it is not in the text."""
        view = self._view
        span = view.highlights.find(annotation_id)
        if span is None:
            return False
        cursor = QTextCursor(view.document())
        # Its end first, then its start: the whole passage is scrolled into view.
        cursor.setPosition(view.document_position(span[SPAN_END]))
        view.setTextCursor(cursor)
        cursor.setPosition(view.document_position(span[SPAN_START]))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        view.highlights.flash_id = annotation_id
        self._timer.start(FLASH_MS)
        view.viewport().update()
        return True

    def _end(self) -> None:
        self._view.highlights.flash_id = None
        self._view.viewport().update()
