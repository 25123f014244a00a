"""Undoable changes of how a word is read everywhere. Like the annotation commands, each
change is committed before its command is pushed (a failed write never enters the history)
and undo/redo replay through the same core call, one committed write each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.text.tokens import Syllables

# Sets (a reading) or, with None, unsets the word's reading everywhere; raises on failure.
ApplyWordReading = Callable[[str, Syllables | None], None]


class ChangeWordReading(QUndoCommand):
    def __init__(
        self,
        word: str,
        before: Syllables | None,
        after: Syllables | None,
        apply: ApplyWordReading,
        report_error: Callable[[Exception], None],
    ) -> None:
        label = (
            QCoreApplication.translate("ChangeWordReading", "Reading of {word} everywhere")
            if after
            else QCoreApplication.translate("ChangeWordReading", "Automatic reading of {word}")
        )
        super().__init__(label.format(word=word))
        self.word, self.before, self.after = word, before, after
        self._apply, self._report_error = apply, report_error
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push() calls redo(): the change is made already
            self._pushed = True
            return
        self._replay(self.after)

    def undo(self) -> None:
        self._replay(self.before)

    def _replay(self, reading: Syllables | None) -> None:
        try:
            self._apply(self.word, reading)
        except Exception as error:  # said to the reader; the command leaves the history
            self.setObsolete(True)
            self._report_error(error)
