"""Undoable changes of how a word is read: everywhere, or at one occurrence. Like the
annotation commands, each change is committed before its command is pushed (a failed write
never enters the history) and undo/redo replay through the same core call, one committed
write each."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.text.tokens import Syllables

if TYPE_CHECKING:
    from reader.ui.library_service import LibraryService

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
        label: str | None = None,
    ) -> None:
        if label is None:
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


def change_occurrence_reading(
    service: LibraryService, article_id: int, start: int, end: int, syllables: Syllables | None
) -> bool:
    """Save (or with None, remove) the reader's reading of the word at [start, end) of one
    article as one undoable step; False when it could not be read or saved (said already)."""
    from reader.ui.read_failures import ReadFailed

    try:
        before = service.reading_overrides(article_id).get((start, end))
        article = service.article(article_id)
    except ReadFailed:
        return False
    if before == (tuple(syllables) if syllables is not None else None):
        return True
    library = service.library

    def apply(_word: str, reading: Syllables | None) -> None:
        if reading is None:
            library.clear_reading_override(article_id, start, end)
        else:
            library.set_reading_override(article_id, start, end, reading)

    try:
        apply("", syllables)
    except (sqlite3.Error, ValueError, OSError) as error:
        service.report_write_error(error)
        return False
    word = article.text[start:end] if article is not None else ""
    label = QCoreApplication.translate("ChangeWordReading", "Reading of {word} here")
    command = ChangeWordReading(word, before, syllables, apply, service.report_write_error, label)
    service.undo_stack.push(command)
    return True
