"""Undoable article edits (rename, byline, split, merge, delete). As with annotations
(`reader.ui.annotation_commands`), each edit is committed before its command is pushed;
undo and redo replay it through `reader.library.article_edits`, one write each, which the
door announces. After each step the host is told which article to show, should the one
shown be gone (merged away, deleted, a split undone)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from reader.ui.annotation_commands import CommandHost, _AlreadyDone

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from reader.library.article_edits import Edit
    from reader.library.store import Library


class ArticleCommandHost(CommandHost, Protocol):
    library: Library

    def article_edit_landed(self, article_id: int) -> None: ...


def edited_articles(done: Edit) -> set[int]:
    """The ids of the articles an edit touched (its command cannot replay over another
    process's change to them)."""
    from reader.library import article_edits  # imported at the first edit, not at start-up

    if isinstance(done, article_edits.Split):
        return {done.first.id, done.new_id}
    if isinstance(done, article_edits.Merged):
        return {done.first.id, done.second.id}
    if isinstance(done, article_edits.Deleted):
        return {done.header.id}
    return {done.article_id}


class ArticleEdit(_AlreadyDone):
    """One edit; `shown_after` / `shown_before`: the article to show once it is made / undone."""

    def __init__(
        self, label: str, done: Edit, shown_after: int, shown_before: int, host: ArticleCommandHost
    ) -> None:
        super().__init__(label, host)
        self.done = done
        self.article_host = host
        self.shown_after, self.shown_before = shown_after, shown_before

    def replay(self) -> None:
        from reader.library import article_edits

        self.done = article_edits.redo(self.article_host.library, self.done)
        self.article_host.article_edit_landed(self.shown_after)

    def revert(self) -> None:
        from reader.library import article_edits

        article_edits.undo(self.article_host.library, self.done)
        self.article_host.article_edit_landed(self.shown_before)


def command_article_ids(command: QUndoCommand | None) -> set[int]:
    return edited_articles(command.done) if isinstance(command, ArticleEdit) else set()
