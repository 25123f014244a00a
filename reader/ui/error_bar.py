"""A bar above the reading area that tells the reader, in words, that the library could not
be read (or something else went wrong), and stays until it is dismissed or the problem is
gone: a status-bar message that vanishes after seconds would let the window go on showing
stale content as if nothing had happened."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.library.wording import bare_detail
from reader.ui.core_text import error_text
from reader.ui.read_failures import ReadFailed

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class ErrorBar(QFrame):
    check_library_requested = Signal()
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A warning tint that reads in light and dark palettes alike.
        self.setStyleSheet(
            "#error_bar { background: rgba(220, 60, 40, 40);"
            " border: 1px solid rgba(200, 50, 30, 160); }"
        )
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages hold paths and SQL errors
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check library…"), self)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        for button in (self.check_button, self.retry_button, self.dismiss_button):
            layout.addWidget(button)
        self.check_button.clicked.connect(self.check_library_requested)
        self.retry_button.clicked.connect(self.retry_requested)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_error(self, message: str) -> None:
        self.label.setText(message)
        self.show()

    @property
    def message(self) -> str:
        return self.label.text() if self.isVisible() else ""


def stops_on_read_failure(method: Callable[P, R]) -> Callable[P, R | None]:
    """For window slots that read the library: when a read fails, the slot stops where it
    is (so nothing half-switched is shown) and returns None. The reader was already told:
    the service announced the failure (`LibraryService.read_failed`) before raising it."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(*args, **kwargs)
        except ReadFailed:
            return None

    return guarded


def unexpected_error_message(error: BaseException) -> str:
    detail = bare_detail(error_text(error)) or type(error).__name__
    return QCoreApplication.translate(
        "ErrorBar",
        "Something went wrong in Yuedu ({kind}: {detail}). Every change "
        "reported as saved is in the library. If the window looks wrong, try again, or "
        "check the library.",
    ).format(kind=type(error).__name__, detail=detail)


def report_unexpected_errors(bar: ErrorBar) -> Callable[[], None]:
    """Send exceptions that escape a Qt slot to the bar, in words: PySide hands them to
    `sys.excepthook`, whose default only prints to a terminal the reader never sees. The
    traceback still goes to the log. Returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit
            previous(kind, error, trace)
            return
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if isinstance(error, ReadFailed):
            return  # the bar already says it
        try:
            bar.show_error(unexpected_error_message(error))
        except RuntimeError:  # the window is gone: fall back to the terminal
            previous(kind, error, trace)

    sys.excepthook = hook
    return lambda: setattr(sys, "excepthook", previous)
