"""The word-status keys (1–4, K, I, 0/N) wherever the keyboard focus is: pointing at a word
(its card up) and pressing 2 marks that word, even when the article list or a dock has the
focus — but a key typed into a text field (the filter, the search field, a comment) stays
typing. The reading view handles the keys itself when it has the focus; this covers the rest.

An application event filter sees every event of the program, so it is installed only while
a word is pointed at (`word_hovered`) and removes itself once none is (a moment after the
word is left, when its card has gone, or at a key press that finds none): at rest the
program pays nothing for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.ui.word_status_layer import STATUS_KEYS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

DISARM_CHECK_MS = 2000  # after a word is left: longer than the card's grace period


def takes_typing(widget: QWidget) -> bool:
    """Whether keys sent to `widget` are text being typed (a line edit, an editable text
    box or combo box, a spin box)."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    parent = widget.parentWidget()  # a text box's viewport receives nothing, but be sure
    return isinstance(parent, (QTextEdit, QPlainTextEdit)) and not parent.isReadOnly()


class StatusKeys(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.armed = False  # the application's key presses are watched
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(DISARM_CHECK_MS)
        self._check.timeout.connect(self._disarm_if_idle)
        view = window.reading_view
        view.word_hovered.connect(self.arm)
        view.word_left.connect(self._check.start)
        view.word_released.connect(self._check.start)

    def arm(self, *_: object) -> None:
        """A word is pointed at: watch the keys."""
        app = QApplication.instance()
        if not self.armed and app is not None:
            app.installEventFilter(self)
            self.armed = True

    def _disarm_if_idle(self) -> None:
        if self.pointed_token() is None:
            self.disarm()
        elif self.armed:
            self._check.start()  # the card is still up (the pointer may be in it)

    def disarm(self) -> None:
        app = QApplication.instance()
        if self.armed and app is not None:
            app.removeEventFilter(self)
        self.armed = False

    def pointed_token(self) -> int | None:
        """The word the keys act on: the one whose card is up (the pointer may be in the
        card), else the one under the pointer or the word cursor."""
        shown = self._window.cards.shown_token
        return shown if shown is not None else self._window.reading_view.hovered_token

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        token = self.pointed_token()
        if token is None:
            self.disarm()  # nothing pointed at: stop watching until a word is
            return False
        assert isinstance(event, QKeyEvent)
        chord = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        status = None if chord else STATUS_KEYS.get(Qt.Key(event.key()))
        if status is None or event.isAutoRepeat() or not self._is_ours(watched):
            return False
        if takes_typing(watched):
            return False
        self._window.reading_view.word_status_requested.emit(token, status)
        return True

    def _is_ours(self, widget: QWidget) -> bool:
        """The key went to this window (or one of its floating docks): not to a dialog. (A
        window under a modal dialog gets no key presses from Qt at all.)"""
        top = widget.window()
        return top is self._window or top.parentWidget() is self._window


def install_status_keys(window: MainWindow) -> StatusKeys:
    return StatusKeys(window)
