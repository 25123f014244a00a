"""What Edit ▸ Undo and Redo did, said in the status bar ("Undone: Delete article"): an
undo can change things out of sight (an article back in the list, statuses of many words),
and without a word the reader cannot tell it happened, or what."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

STATUS_MS = 4000


class StepReports(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # Connected after the stack's own connection: these run once the step is done.
        window.undo_action.triggered.connect(self.undone)
        window.redo_action.triggered.connect(self.redone)

    def undone(self) -> None:
        stack = self._window.service.undo_stack
        step = stack.text(stack.index())  # the command just undone sits at the index
        if step:
            self._say(self.tr("Undone: {step}").format(step=step))

    def redone(self) -> None:
        stack = self._window.service.undo_stack
        step = stack.text(stack.index() - 1)  # the command just redone is below the index
        if step:
            self._say(self.tr("Redone: {step}").format(step=step))

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)


def install_step_reports(window: MainWindow) -> StepReports:
    return StepReports(window)
