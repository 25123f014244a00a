"""Undoable annotation changes. Each change is made (and committed) before its command is
pushed, so a failed write never enters the undo history; undo and redo then replay through
the same store, one committed transaction each, which the library's door announces."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.ui.colour_names import colour_name

if TYPE_CHECKING:
    from annotations.model import Annotation
    from annotations.store import AnnotationStore


class CommandHost(Protocol):
    """What commands need from the service that pushes them."""

    annotation_store: AnnotationStore

    def report_write_error(self, error: Exception) -> None: ...


COMMENT_EDIT_ID = 1001  # QUndoCommand.id() shared by comment edits, so typing merges


class _AlreadyDone(QUndoCommand):
    """QUndoStack.push() calls redo() at once; the change is already committed then."""

    def __init__(self, text: str, host: CommandHost) -> None:
        super().__init__(text)
        self.host = host
        self.store = host.annotation_store
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._guarded(self.replay)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step) -> None:  # noqa: ANN001
        # Undo and redo run from Qt's actions, where an exception would only be printed:
        # a failed write is reported to the reader instead.
        try:
            step()
        except Exception as error:
            # The change did not happen: the command leaves the history (Qt removes an
            # obsolete command), so the stack never claims a state the library is not in.
            self.setObsolete(True)
            self.host.report_write_error(error)

    def replay(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddAnnotation(_AlreadyDone):
    def __init__(self, annotation: Annotation, host: CommandHost) -> None:
        super().__init__(
            QCoreApplication.translate("AddAnnotation", "Highlight {colour}").format(
                colour=colour_name(annotation.color)
            ),
            host,
        )
        self.annotation = annotation

    def replay(self) -> None:
        self.store.restore(self.annotation)

    def revert(self) -> None:
        self.store.delete(self.annotation.id)


class DeleteAnnotation(_AlreadyDone):
    def __init__(self, annotation: Annotation, host: CommandHost) -> None:
        super().__init__(QCoreApplication.translate("DeleteAnnotation", "Delete highlight"), host)
        self.annotation = annotation

    def replay(self) -> None:
        self.store.delete(self.annotation.id)

    def revert(self) -> None:
        self.store.restore(self.annotation)


class UpdateAnnotation(_AlreadyDone):
    """A change of colour, comment or tags: `before` and `after` are whole annotations."""

    def __init__(
        self, label: str, before: Annotation, after: Annotation, host: CommandHost
    ) -> None:
        super().__init__(label, host)
        self.before = before
        self.after = after
        self.merges = label == QCoreApplication.translate("UpdateAnnotation", "Edit comment")

    def _apply(self, values: Annotation) -> None:
        self.store.update(values.id, color=values.color, comment=values.comment, tags=values.tags)

    def replay(self) -> None:
        self._apply(self.after)

    def revert(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return COMMENT_EDIT_ID if self.merges else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing a comment is one undo step, not one per keystroke-debounce.
        if not isinstance(other, UpdateAnnotation) or other.after.id != self.after.id:
            return False
        self.after = replace(self.after, comment=other.after.comment)
        return True


def command_annotation_id(command: QUndoCommand | None) -> str | None:
    """The annotation an undo command of ours would change, if it is one."""
    if isinstance(command, AddAnnotation | DeleteAnnotation):
        return command.annotation.id
    if isinstance(command, UpdateAnnotation):
        return command.after.id
    return None
