"""The window's frame on screen before the slow part of start-up (issue 11, point 6).

`yuedu` shows the main window's frame (title, size, "Opening the library…") and lets it
paint before it opens the library and builds the views: the reader sees the window at once,
whatever the library's size or a first run's sample import, as a splash screen would show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Longest wait for the first paint: a platform that never exposes the window (started
# minimised, or on another workspace) must not hold start-up up.
FIRST_PAINT_WAIT_MS = 500


def _quit_timer(loop: QEventLoop, wait_ms: int) -> QTimer:
    """A single-shot timer that ends `loop`; its child, so it never fires into a loop that
    has gone (a timer outliving its loop crashed the process in a later event loop)."""
    timer = QTimer(loop)
    timer.setSingleShot(True)
    timer.setInterval(wait_ms)
    timer.timeout.connect(loop.quit)
    return timer


class _FirstPaint(QObject):
    """Ends the wait once `window` has received its first paint event."""

    def __init__(self, window: QWidget, done: QTimer) -> None:
        super().__init__(done)
        self._window = window
        self._done = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # A zero wait, after the paint: the frame reaches the screen before the loop ends.
            self._done.start(0)
        return False


def show_first_frame(window: QWidget, wait_ms: int = FIRST_PAINT_WAIT_MS) -> None:
    """Show `window` and return once it has painted, or after `wait_ms`."""
    loop = QEventLoop()
    painted = _quit_timer(loop, 0)
    watcher = _FirstPaint(window, painted)
    window.installEventFilter(watcher)
    _quit_timer(loop, wait_ms).start()
    window.show()
    loop.exec()
    window.removeEventFilter(watcher)


def settle() -> None:
    """Deliver the events already posted (layout, polish, showing new children): what the
    event loop would do next, done now so that what follows sees the windows laid out."""
    loop = QEventLoop()
    _quit_timer(loop, 0).start()  # fires behind the events already waiting
    loop.exec()
