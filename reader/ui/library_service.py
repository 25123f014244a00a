"""The window's adapter to the library's door: reads (failures said in words), the
reader's writes with their undo stack, and Qt signals for what changed — this window's
writes as the door's change records (`changed`), other processes' as the same records read
from the change log (`changed_elsewhere`). Imports run in `reader.ui.import_jobs`; the
service passes their signals on."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from annotations.model import Annotation, HighlightSpan
from annotations.store import AnnotationStore
from reader.library.change import Change
from reader.library.store import Article, ArticleSummary, Library, LibraryError
from reader.text.tokens import Syllables, TokenIndex
from reader.ui.annotation_commands import (
    AddAnnotation,
    DeleteAnnotation,
    UpdateAnnotation,
    command_annotation_id,
)
from reader.ui.article_commands import ArticleEdit, command_article_ids
from reader.ui.core_text import error_text
from reader.ui.import_jobs import (  # noqa: F401 - part of this module's interface
    UPDATE_AS_NEW,
    UPDATE_IN_PLACE,
    UPDATE_SKIP,
    ImportBatchReport,
    ImportJobs,
)
from reader.ui.library_watch import LibraryWatch
from reader.ui.read_failures import ReadFailed, read_failure_message

if TYPE_CHECKING:
    from types import ModuleType

    from reader.library.article_edits import Edit
    from reader.library.source_info import SourceDetails

log = logging.getLogger(__name__)


def _edits() -> ModuleType:  # imported at the first edit: start-up need not make its records
    from reader.library import article_edits

    return article_edits


def _of_imports(name: str) -> property:
    """An attribute (a signal, the update policy…) of the service's ImportJobs, reached as
    the service's own."""
    return property(
        lambda service: getattr(service.imports, name),
        lambda service, value: setattr(service.imports, name, value),
    )


class LibraryService(QObject):
    write_failed = Signal(str)  # a message for the reader: the change was NOT saved
    # The import signals are ImportJobs' own (see reader.ui.import_jobs), under the same names.
    import_started = _of_imports("import_started")
    import_progress = _of_imports("import_progress")
    import_finished = _of_imports("import_finished")
    import_failed = _of_imports("import_failed")
    import_cancelled = _of_imports("import_cancelled")
    import_batch_finished = _of_imports("import_batch_finished")
    read_failed = Signal(str)  # a message for the reader: the library could not be read
    changed = Signal(object)  # Change: every committed write through this window's door
    changed_elsewhere = Signal(object)  # Change (external): another process committed
    # After an article edit, its undo or redo: the article to show if the shown one is gone.
    article_edit_landed_on = Signal(int)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.annotation_store = AnnotationStore(library)
        self.undo_stack = QUndoStack(self)
        # The door announces each committed write; the window's views refresh from it.
        library.session.add_listener(self._announce)
        self.changed_elsewhere.connect(self._forget_undo_touched_elsewhere)
        self.imports = ImportJobs(library, self)
        # Passed on through Python slots, not signal-to-signal connections: PySide6 has
        # crashed forwarding `object` arguments from one signal straight to another.
        self.imports.changed.connect(lambda change: self.changed.emit(change))
        # Only a library file can be written by anyone else; one in memory has no watch.
        self.watch: LibraryWatch | None = None
        if library.path is not None:
            self.watch = LibraryWatch(library.session, self)
            self.watch.changed.connect(lambda change: self.changed_elsewhere.emit(change))
            self.watch.start()

    def _announce(self, change: Change) -> None:
        self.changed.emit(change)

    def _forget_undo_touched_elsewhere(self, change: Change) -> None:
        """Another process changed annotations this window could undo or redo: replaying
        them would overwrite that change, so the history is cleared (Anki's rule for a
        change the stack cannot undo)."""
        stack = self.undo_stack
        commands = [stack.command(index) for index in range(stack.count())]
        held = {command_annotation_id(command) for command in commands}
        articles = set().union(*(command_article_ids(command) for command in commands))
        if change.everything or held & change.annotations or articles & change.articles:
            stack.clear()

    # -- reading ---------------------------------------------------------------------------
    # Every read goes through `_reading`: a failure (a disk error, a damaged page, a lock
    # held too long) is announced once, in words, on `read_failed`, and raised as
    # `ReadFailed` so that the caller stops instead of showing half-switched content.
    @contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, LibraryError) as error:
            log.error("Reading %s failed: %s", what, error)
            message = read_failure_message(what, error)
            self.read_failed.emit(message)
            raise ReadFailed(message) from error

    @property
    def library_path(self) -> Path | None:
        return self._library.path

    def articles(self) -> list[ArticleSummary]:
        with self._reading(self.tr("the list of articles")):
            return self._library.list_articles()

    def article(self, article_id: int) -> Article | None:
        with self._reading(self.tr("the article")):
            return self._library.get_article(article_id)

    def source_details(self, article_id: int) -> SourceDetails | None:
        """Where the article came from (File info in the article list)."""
        with self._reading(self.tr("the source file's details")):
            from reader.library.source_info import source_details

            return source_details(self._library, article_id)

    def article_count(self) -> int:
        with self._reading(self.tr("the number of articles")):
            return self._library.article_count()

    def article_tokens(self, article: Article) -> TokenIndex:
        with self._reading(self.tr("the article's words")):
            return TokenIndex(article.text, self._library.token_ends(article.id))

    def reading_overrides(self, article_id: int) -> dict[tuple[int, int], Syllables]:
        with self._reading(self.tr("your corrected readings")):
            return self._library.reading_overrides(article_id)

    def word_readings(self) -> dict[str, Syllables]:
        from reader.library.word_readings import word_readings

        with self._reading(self.tr("your readings of words")):
            return word_readings(self._library)

    # -- annotations: reads ----------------------------------------------------------------
    def annotations_for(self, article_id: int) -> list[Annotation]:
        with self._reading(self.tr("the article's highlights")):
            return self.annotation_store.for_article(article_id)

    def highlight_spans(
        self, article_id: int, *, starting_before: int | None = None
    ) -> list[HighlightSpan]:
        with self._reading(self.tr("the article's highlights")):
            return self.annotation_store.spans(article_id, starting_before=starting_before)

    def more_highlights_from(self, article_id: int, offset: int) -> bool:
        with self._reading(self.tr("the article's highlights")):
            return self.annotation_store.has_spans_from(article_id, offset)

    def annotation(self, annotation_id: str) -> Annotation | None:
        with self._reading(self.tr("a highlight")):
            return self.annotation_store.get(annotation_id)

    def search_annotations(self, **filters: object) -> list[Annotation]:
        with self._reading(self.tr("the annotations")):
            return self.annotation_store.search(**filters)  # type: ignore[arg-type]

    def annotation_tags(self) -> list[str]:
        with self._reading(self.tr("the tags")):
            return self.annotation_store.tags()

    # -- annotations: writes, each undoable; the door announces each on `changed` ----------
    def report_write_error(self, error: Exception) -> None:
        log.error("Saving a change failed: %s", error)
        self.write_failed.emit(
            self.tr("The change was not saved: {reason}").format(reason=error_text(error))
        )

    def create_annotation(
        self, article_id: int, start: int, end: int, color: str, comment: str = ""
    ) -> Annotation | None:
        try:
            annotation = self.annotation_store.add(
                article_id, start, end, color=color, comment=comment
            )
        except (sqlite3.Error, OSError, ValueError) as error:
            self.report_write_error(error)
            return None
        self.undo_stack.push(AddAnnotation(annotation, self))
        return annotation

    def _update(self, label: str, annotation_id: str, **changes: object) -> Annotation | None:
        before = self.annotation(annotation_id)
        if before is None:
            return None
        try:
            after = self.annotation_store.update(annotation_id, **changes)  # type: ignore[arg-type]
        except (sqlite3.Error, OSError, ValueError) as error:
            self.report_write_error(error)
            return None
        if after != before:
            self.undo_stack.push(UpdateAnnotation(label, before, after, self))
        return after

    def recolor_annotation(self, annotation_id: str, color: str) -> Annotation | None:
        return self._update(self.tr("Change colour"), annotation_id, color=color)

    def set_annotation_comment(self, annotation_id: str, comment: str) -> Annotation | None:
        current = self.annotation(annotation_id)
        if current is None or current.comment == comment:
            return current
        return self._update(self.tr("Edit comment"), annotation_id, comment=comment)

    def set_annotation_tags(self, annotation_id: str, tags: list[str]) -> Annotation | None:
        return self._update(self.tr("Change tags"), annotation_id, tags=tuple(tags))

    def delete_annotation(self, annotation_id: str) -> Annotation | None:
        try:
            deleted = self.annotation_store.delete(annotation_id)
        except (sqlite3.Error, OSError, KeyError) as error:
            self.report_write_error(error)
            return None
        self.undo_stack.push(DeleteAnnotation(deleted, self))
        return deleted

    # -- the reader's corrections ----------------------------------------------------------
    def set_reading_override(
        self, article_id: int, start: int, end: int, syllables: Syllables | None
    ) -> bool:
        """Save (or with None, remove) the reader's reading of one occurrence, one undoable
        step (the door announces it on `changed` once committed)."""
        from reader.ui.reading_commands import change_occurrence_reading

        return change_occurrence_reading(self, article_id, start, end, syllables)

    def set_word_reading(self, word: str, syllables: Syllables | None) -> bool:
        """Read `word` as `syllables` in every article (None: automatically again), as one
        undoable step; the door announces it on `changed`."""
        from reader.ui.reading_commands import ChangeWordReading

        try:
            before = self.word_readings().get(word)
        except ReadFailed:
            return False
        if before == (tuple(syllables) if syllables is not None else None):
            return True
        try:
            self._apply_word_reading(word, syllables)
        except (sqlite3.Error, ValueError, OSError) as error:
            self.report_write_error(error)
            return False
        apply, report = self._apply_word_reading, self.report_write_error
        self.undo_stack.push(ChangeWordReading(word, before, syllables, apply, report))
        return True

    def _apply_word_reading(self, word: str, syllables: Syllables | None) -> None:
        from reader.library.word_readings import set_word_reading, unset_word_reading

        if syllables is None:
            unset_word_reading(self._library, word)
        else:
            set_word_reading(self._library, word, syllables)

    # -- article edits, each undoable (see reader.library.article_edits) --------------------
    @property
    def library(self) -> Library:
        return self._library

    def article_edit_landed(self, article_id: int) -> None:
        self.article_edit_landed_on.emit(article_id)

    def _edit_article(
        self, label: str, make: Callable[[], Edit], shown_after: int, shown_before: int
    ) -> Edit | None:
        try:
            done = make()
        except _edits().ArticleEditRefused as error:
            self.write_failed.emit(error_text(error))
            return None
        except (sqlite3.Error, OSError) as error:
            self.report_write_error(error)
            return None
        self.undo_stack.push(ArticleEdit(label, done, shown_after, shown_before, self))
        self.article_edit_landed(shown_after)
        return done

    def next_article(self, article_id: int) -> int | None:
        """The article after this one in its source, if any (what Merge joins)."""
        with self._reading(self.tr("the list of articles")):
            return _edits().next_article(self._library, article_id)

    def article_work(self, article_id: int) -> tuple[int, int]:
        """(highlights, corrected readings) on the article: what deleting it would take."""
        with self._reading(self.tr("the article's highlights")):
            return _edits().work_on(self._library, article_id)

    def split_suggestion(self, article_id: int, offset: int) -> tuple[str, bool] | str:
        """The new article's (title, derived) for a split there, or why it cannot be."""
        try:
            with self._reading(self.tr("the article")):
                return _edits().split_suggestion(self._library, article_id, offset)
        except _edits().ArticleEditRefused as error:
            return error_text(error)

    def rename_article(self, article_id: int, title: str) -> bool:
        make = lambda: _edits().rename(self._library, article_id, title)  # noqa: E731
        return (
            self._edit_article(self.tr("Rename article"), make, article_id, article_id) is not None
        )

    def set_article_byline(self, article_id: int, byline: str) -> bool:
        make = lambda: _edits().set_byline(self._library, article_id, byline)  # noqa: E731
        return self._edit_article(self.tr("Edit byline"), make, article_id, article_id) is not None

    def split_article(self, article_id: int, offset: int, title: str | None = None) -> int | None:
        """Split at `offset`; the new article's id (None if refused: said on write_failed)."""
        make = lambda: _edits().split(self._library, article_id, offset, title)  # noqa: E731
        done = self._edit_article(self.tr("Split article"), make, article_id, article_id)
        return done.new_id if isinstance(done, _edits().Split) else None

    def merge_with_next(self, article_id: int) -> bool:
        next_id = self.next_article(article_id)
        if next_id is None:
            self.write_failed.emit(
                self.tr("This is the last article of its source: nothing to merge.")
            )
            return False
        make = lambda: _edits().merge(self._library, article_id, next_id)  # noqa: E731
        return (
            self._edit_article(self.tr("Merge articles"), make, article_id, article_id) is not None
        )

    def delete_article(self, article_id: int, *, keep_annotations: bool = False) -> bool:
        """Delete, highlights and all or keeping them as orphans (the window asked
        first); undo puts it all back."""
        ids = [summary.id for summary in self.articles()]
        at = ids.index(article_id) if article_id in ids else 0
        rest = ids[:at] + ids[at + 1 :]
        neighbour = rest[min(at, len(rest) - 1)] if rest else article_id
        make = lambda: _edits().delete(  # noqa: E731
            self._library, article_id, force=True, keep_annotations=keep_annotations
        )
        return (
            self._edit_article(self.tr("Delete article"), make, neighbour, article_id) is not None
        )

    # -- importing (see reader.ui.import_jobs) ----------------------------------------------
    # Callable[[str], str] | None: asks whether to update a changed file's articles in place
    update_policy = _of_imports("update_policy")
    is_importing = _of_imports("is_importing")  # bool

    def import_files(
        self,
        paths: list[Path],
        encoding: str | None = None,
        pages: Mapping[Path, range] | None = None,
    ) -> None:
        self.imports.import_files(paths, encoding, pages)

    @Slot(list, str)
    def import_files_as(self, paths: list[Path], encoding: str) -> None:
        self.imports.import_files(paths, encoding)

    @Slot()
    def cancel_import(self) -> None:
        self.imports.cancel_import()

    def shutdown(self) -> None:
        """Stop watching, cancel and wait for the import worker; call before closing the
        library."""
        if self.watch is not None:
            self.watch.stop()  # nothing may ask the connection once it is closed
        self._library.session.remove_listener(self._announce)
        self.imports.shutdown()
