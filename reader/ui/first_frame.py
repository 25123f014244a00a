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


class _FirstPaint(QObject):
    """Ends `loop` once `window` has received its first paint event."""

    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__(loop)
        self._window = window
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # After the paint: the frame reaches the screen before the loop ends.
            QTimer.singleShot(0, self._loop.quit)
        return False


def show_first_frame(window: QWidget, wait_ms: int = FIRST_PAINT_WAIT_MS) -> None:
    """Show `window` and return once it has painted, or after `wait_ms`."""
    loop = QEventLoop()
    watcher = _FirstPaint(window, loop)
    window.installEventFilter(watcher)
    timer = QTimer(loop)  # parented: never fires into a finished loop
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(wait_ms)
    window.show()
    loop.exec()
    window.removeEventFilter(watcher)
