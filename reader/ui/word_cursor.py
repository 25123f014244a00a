"""The word the reader is looking at: the Chinese word under the pointer, or the keyboard's
word cursor (Alt+←/→, Escape to let go). It is marked with a light tint and announced, so
that the window can show its card; finding a word under a point lives here too.

When the text moves under the pointer (a scroll, a zoom, a new layout) or the window is left,
the word is let go
and `released` says so: the card must not go on showing a word no longer under the mouse.
The keyboard's word cursor starts from the word last clicked (or last reached by keyboard).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.word_status_layer import STATUS_KEYS

if TYPE_CHECKING:
    from reader.ui.reading_view import ReadingView

HOVER_ALPHA = 45  # of the palette's highlight colour: a mark, not a selection


class WordCursor(QObject):
    """Which token is marked; `entered`/`left` tell the view, which re-emits them as
    `word_hovered`/`word_left`."""

    entered = Signal(int, QRect)  # token index, the word's rectangle (global)
    left = Signal()
    released = Signal()  # the text moved under the pointer or the window was left

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view)
        self._view = view
        self.hovered: int | None = None
        # Where Alt+←/→ starts: the token last clicked or reached by keyboard.
        self.anchor: int | None = None
        view.verticalScrollBar().valueChanged.connect(self.release)
        view.horizontalScrollBar().valueChanged.connect(self.release)
        view.installEventFilter(self)  # for the window's deactivation

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window lost focus (another window or program came forward): let go."""
        if watched is self._view and event.type() == QEvent.Type.WindowDeactivate:
            self.release()
        return False

    def reset(self) -> None:
        """A new article (or none): nothing is marked, and nothing is announced."""
        self.hovered = None
        self.anchor = None

    def release(self) -> None:
        """The text moved (scroll, zoom, a new layout) or the reader left the window: let go
        of the word, and say so."""
        if self.hovered is None:
            self.mark()  # the old tint's positions belong to the old layout
            return
        self.set_hovered(None)
        self.released.emit()

    def clicked(self) -> None:
        """The reader clicked (or finished a drag): Alt+←/→ starts from the word there,
        the one at the text cursor Qt has just placed."""
        view = self._view
        if view.tokens is None:
            return
        offset = view.offset_at_position(view.textCursor().position())
        if offset is not None:
            self.anchor = view.tokens.index_at(offset)

    # -- finding a word ----------------------------------------------------------------------
    def token_at(self, point: QPoint) -> int | None:
        """The token drawn under viewport `point`."""
        view = self._view
        if view.tokens is None:
            return None
        position = view.character_position_at(point)
        if position is None:
            return None
        offset = view.offset_at_position(position)
        if offset is None:
            return None
        return view.tokens.index_at(offset)

    def chinese_token_at(self, point: QPoint) -> int | None:
        """The token under `point` if it is a Chinese word: only those get a card."""
        index = self.token_at(point)
        tokens = self._view.tokens
        if index is None or tokens is None or not tokens.is_chinese(index):
            return None
        return index

    def token_rect(self, index: int) -> QRect:
        """The token's rectangle in viewport coordinates (its first line if it wraps)."""
        view = self._view
        assert view.tokens is not None
        start, end = view.tokens.span(index)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(start))
        first = view.cursorRect(cursor)
        cursor.setPosition(view.document_position(end))
        last = view.cursorRect(cursor)
        if last.top() == first.top():
            return first.united(last)
        return first.adjusted(0, 0, int(view.em_px()), 0)

    def token_rect_global(self, index: int) -> QRect:
        rect = self.token_rect(index)
        return QRect(self._view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    # -- marking -------------------------------------------------------------------------------
    def set_hovered(self, index: int | None) -> None:
        if index == self.hovered:
            return
        self.hovered = index
        self.mark()
        if index is None:
            self.left.emit()
        else:
            self.entered.emit(index, self.token_rect_global(index))

    def mark(self) -> None:
        """Tint the marked word (the view's only extra selection)."""
        view = self._view
        selections = []
        if self.hovered is not None and view.tokens is not None:
            start, end = view.tokens.span(self.hovered)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.document_position(start))
            cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            tint = QColor(view.palette().highlight().color())
            tint.setAlpha(HOVER_ALPHA)
            selection.format.setBackground(tint)
            selections.append(selection)
        view.setExtraSelections(selections)

    # -- pointer and keyboard ------------------------------------------------------------------
    def pointer_moved(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if event.buttons() != Qt.MouseButton.NoButton:
            # Selecting text: no card follows the drag, and the card of the word it started
            # on goes once the pointer has left that word (no hit test after that).
            if self.hovered is not None and self.chinese_token_at(point) != self.hovered:
                self.release()
            return
        self.set_hovered(self.chinese_token_at(point))

    def move(self, step: int) -> int | None:
        """Alt+Left/Right: mark the previous/next Chinese word and show its card."""
        view = self._view
        tokens = view.tokens
        if tokens is None:
            return None
        current = self.anchor if self._is_visible(self.anchor) else self.hovered
        if current is None:
            # Start from what the reader sees: the first word at the top of the view.
            top = view.offset_at_position(view.cursorForPosition(QPoint(0, 0)).position())
            if top is not None:
                current = tokens.index_at(top)
                if current is not None and tokens.is_chinese(current):
                    current -= step
        target = tokens.next_chinese(current, step)
        if target is None:
            return None
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(tokens.span(target)[0]))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        self.set_hovered(target)
        self.anchor = target
        return target

    def _is_visible(self, index: int | None) -> bool:
        """Whether token `index` is on screen: after scrolling away from the word last
        clicked, Alt+←/→ starts from what the reader sees instead."""
        tokens = self._view.tokens
        if index is None or tokens is None or index >= len(tokens):
            return False
        first, last = self._view.visible_offsets()
        start, end = tokens.span(index)
        return start < last and end > first

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Alt+←/→ moves the word cursor, Escape lets go of the word, a status key (1–4, K,
        I, 0, N, no modifier) asks for the marked word's status; True when handled."""
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move(1 if event.key() == Qt.Key.Key_Right else -1)
            return True
        if event.key() == Qt.Key.Key_Escape and self.hovered is not None:
            self.set_hovered(None)
            return True
        chord = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        status = None if chord else STATUS_KEYS.get(Qt.Key(event.key()))
        if status is not None and self.hovered is not None:
            self._view.word_status_requested.emit(self.hovered, status)
            return True
        return False
