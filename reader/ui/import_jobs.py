"""Imports in the background, one file at a time, for the window.

For each file a worker thread hashes it (a file already in the library is reported at once,
from a snapshot of the known hashes) and prepares it (`reader.importer.prepare_path`:
decode, reflow, split, segment into an on-disk spool). The `PreparedImport` comes back to
the main thread through a queued signal; there it is decided how to store it (asking the
window about a changed version of a file imported before), and the worker stores it in one
transaction through the door, on its own connection to the library file, so that a large
file's seconds of writing do not freeze the window (reading goes on meanwhile: the library
is in WAL mode). A library in memory is stored on the main thread. A cancelled or refused
file writes nothing, also when cancelled while being stored. The library's own files are
refused, by device and inode, before any thread opens them.

`reader.importer` (and through it the segmenter) is imported only when an import starts, so
opening the window never loads it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from reader.library.files import IMPORT_AS_TEXT, LibraryFileRefused, refuse_library_file
from reader.library.store import Library
from reader.ui.core_text import error_text, not_imported, reading_stage, stage_text
from reader.ui.import_worker import WorkerBridge, prepare_in_worker, store_in_worker

if TYPE_CHECKING:
    from reader.importer import ImportOutcome, PreparedImport

log = logging.getLogger(__name__)

UPDATE_IN_PLACE = "update"
UPDATE_AS_NEW = "new"
UPDATE_SKIP = "skip"


@dataclass
class ImportBatchReport:
    """What one call of `import_files` (plus files queued onto it) came to."""

    outcomes: list[ImportOutcome] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)
    cancelled: bool = False

    @property
    def added_article_ids(self) -> list[int]:
        return [
            i
            for o in self.outcomes
            if not o.is_duplicate and o.update is None
            for i in o.article_ids
        ]

    @property
    def article_to_show(self) -> int | None:
        """The first new article; else, for a file already in the library, its first one."""
        ids = self.added_article_ids or [i for o in self.outcomes for i in o.article_ids]
        return ids[0] if ids else None


@dataclass
class _Batch:
    # A file, the encoding the reader named, and the pages they chose (of a PDF).
    pending: deque[tuple[Path, str | None, range | None]]
    total: int
    cancel_event: threading.Event = field(default_factory=threading.Event)
    report: ImportBatchReport = field(default_factory=ImportBatchReport)
    done: int = 0
    current_file_name: str = ""


class ImportJobs(QObject):
    """The window's imports: a batch of files at a time, more files joining a running
    batch; announces progress, each file's outcome, and the batch's report."""

    # Change: what a file stored on the worker's own connection changed. (A library in
    # memory is stored through the window's connection, whose door announces it itself.)
    changed = Signal(object)
    import_started = Signal(int)  # number of files
    import_progress = Signal(float, str)  # fraction of the whole batch, label
    import_finished = Signal(object)  # ImportOutcome, once per stored or duplicate file
    import_failed = Signal(str, str)  # file name, message for the reader
    import_cancelled = Signal()
    import_batch_finished = Signal(object)  # ImportBatchReport, after every batch

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        # Asked, with the file name, what to do with a changed version of a file imported
        # before: UPDATE_IN_PLACE, UPDATE_AS_NEW or UPDATE_SKIP. The window sets it; without
        # it such a file is imported as new, as the CLI does without --update.
        self.update_policy: Callable[[str], str] | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = WorkerBridge(self)
        self._bridge.progressed.connect(self._on_progressed)
        self._bridge.prepared.connect(self._on_prepared)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.cancelled.connect(self._on_cancelled)
        self._bridge.duplicate.connect(self._on_duplicate)
        self._bridge.stored.connect(self._on_stored)
        self._batch: _Batch | None = None
        self._job = 0  # number of the file in the worker; results of older jobs are stale
        self._job_running = False

    @property
    def is_importing(self) -> bool:
        return self._batch is not None

    def import_files(
        self,
        paths: list[Path],
        encoding: str | None = None,
        pages: Mapping[Path, range] | None = None,
    ) -> None:
        """Import `paths` asynchronously (read as `encoding`, a key of
        `reader.text.decode.ENCODINGS`, when the reader named one; else detected; of a PDF
        in `pages`, only those pages); while a batch runs, more files join it."""
        if not paths:
            return
        chosen = pages or {}
        files = [(path, encoding, chosen.get(path)) for path in paths]
        if self._batch is not None:
            self._batch.pending.extend(files)
            self._batch.total += len(files)
            return
        self._batch = _Batch(pending=deque(files), total=len(files))
        self.import_started.emit(len(files))
        # Start from the event loop, so every outcome reaches listeners asynchronously.
        QTimer.singleShot(0, self._start_next_file)

    @Slot(list, str)
    def import_files_as(self, paths: list[Path], encoding: str) -> None:
        """`import_files` with an encoding the reader chose."""
        self.import_files(paths, encoding)

    @Slot()
    def cancel_import(self) -> None:
        """Stop the batch: the file being prepared is dropped; files already stored stay."""
        batch = self._batch
        if batch is None:
            return
        batch.cancel_event.set()
        batch.pending.clear()
        if not self._job_running:
            self._finish_cancelled()

    def shutdown(self) -> None:
        """Cancel and wait for the worker; call before closing the library."""
        self.cancel_import()
        self._pool.waitForDone()

    def _start_next_file(self) -> None:
        from reader.importer import spool_folder_for
        from reader.importing.file_names import file_name_of

        batch = self._batch
        if batch is None or self._job_running:
            return
        if not batch.pending:
            self._finish_batch()
            return
        path, encoding, pages = batch.pending.popleft()
        batch.current_file_name = name = file_name_of(path)  # readable even if not UTF-8
        library_path = self._library.path
        try:
            # Decided here, by device and inode, before any thread opens the file.
            refuse_library_file(path, library_path, IMPORT_AS_TEXT)
        except LibraryFileRefused as error:
            self._file_failed(name, error_text(error))
            return
        try:
            from annotations.reattach import settled_hashes  # when an import starts, not before

            # A named encoding may read a file already there anew: it is always prepared.
            known_hashes = settled_hashes(self._library) if encoding is None else frozenset()
        except sqlite3.Error as error:
            self._file_failed(name, not_imported(name, error))
            return
        self.import_progress.emit(batch.done / batch.total, reading_stage(name))
        self._job += 1
        self._job_running = True
        cancel_event = batch.cancel_event
        job, bridge = self._job, self._bridge
        spool_folder = spool_folder_for(self._library)
        self._pool.start(
            lambda: prepare_in_worker(
                bridge,
                job,
                path,
                encoding,
                pages,
                known_hashes,
                spool_folder,
                library_path,
                cancel_event.is_set,
            )
        )

    def _current(self, job: int) -> _Batch | None:
        """The batch, if `job` is the file it is working on (else the result is stale)."""
        return self._batch if job == self._job else None

    def _job_ended(self, job: int) -> _Batch | None:
        """`_current`, noting that the file's job is over."""
        batch = self._current(job)
        if batch is not None:
            self._job_running = False
        return batch

    @Slot(int, float, str)
    def _on_progressed(self, job: int, fraction: float, stage: str) -> None:
        batch = self._current(job)
        if batch is None:
            return
        overall = (batch.done + fraction) / batch.total
        self.import_progress.emit(overall, stage_text(batch.current_file_name, stage))

    @Slot(int, object)
    def _on_prepared(self, job: int, prepared: PreparedImport) -> None:
        from reader.importer import ImportRefused, closest_namesake, rereading_target

        batch = self._current(job)
        if batch is None:  # a stale result
            prepared.discard()
            return
        if batch.cancel_event.is_set():  # cancelled after the worker had finished
            prepared.discard()
            self._job_ended(job)
            self._finish_cancelled()
            return
        file_name = prepared.source.file_name
        try:
            reread = rereading_target(self._library, prepared)
            namesake = reread or closest_namesake(self._library, prepared)
        except ImportRefused:  # as close to two namesakes: which to update cannot be told
            namesake = None  # so it is imported as a new source, as the reader may choose
        except sqlite3.Error as error:
            prepared.discard()
            self._job_ended(job)
            self._file_failed(file_name, not_imported(file_name, error))
            return
        choice = UPDATE_AS_NEW
        same = namesake is not None and namesake.sha256 == prepared.source.sha256
        if reread is not None:
            choice = UPDATE_IN_PLACE  # the reader named the encoding to read it again in
        elif namesake is not None and not same and self.update_policy is not None:
            # A changed version of a file already imported: the window asks the reader.
            choice = self.update_policy(file_name)
        if choice == UPDATE_SKIP:
            prepared.discard()
            self._job_ended(job)
            self._file_failed(file_name, f"{file_name} was not imported (you chose to skip it).")
            return
        update_id = namesake.id if choice == UPDATE_IN_PLACE and namesake is not None else None
        self.import_progress.emit((batch.done + 1) / batch.total, f"{file_name}: Saving")
        bridge, is_cancelled = self._bridge, batch.cancel_event.is_set
        library_path = self._library.path
        if library_path is None:
            store_in_worker(
                bridge, job, partial(nullcontext, self._library), prepared, update_id, is_cancelled
            )
        else:
            opener = partial(Library.open, library_path)
            self._pool.start(
                lambda: store_in_worker(bridge, job, opener, prepared, update_id, is_cancelled)
            )

    @Slot(int, object)
    def _on_stored(self, job: int, outcome: ImportOutcome) -> None:
        if self._job_ended(job) is None:
            return
        if outcome.change is not None and self._library.path is not None:
            self.changed.emit(outcome.change)
        self._file_done(outcome)

    @Slot(int, str)
    def _on_duplicate(self, job: int, sha256: str) -> None:
        from reader.importer import duplicate_outcome

        batch = self._job_ended(job)
        if batch is None:
            return
        try:
            outcome = duplicate_outcome(self._library, sha256, batch.current_file_name)
        except sqlite3.Error as error:
            outcome = None
            problem = self.tr("the library could not be read ({reason})").format(reason=error)
        else:
            problem = self.tr("the library changed meanwhile")  # another program removed the source
        if outcome is None:
            name = batch.current_file_name
            self._file_failed(
                name,
                self.tr("{name} was not imported: {problem}. Import it again.").format(
                    name=name, problem=problem
                ),
            )
            return
        self._file_done(outcome)

    @Slot(int, str)
    def _on_failed(self, job: int, message: str) -> None:
        batch = self._job_ended(job)
        if batch is not None:
            self._file_failed(batch.current_file_name, message)

    @Slot(int)
    def _on_cancelled(self, job: int) -> None:
        if self._job_ended(job) is not None:
            self._finish_cancelled()

    def _file_done(self, outcome: ImportOutcome) -> None:
        assert self._batch is not None
        self._batch.report.outcomes.append(outcome)
        self._batch.done += 1
        self.import_finished.emit(outcome)
        QTimer.singleShot(0, self._start_next_file)

    def _file_failed(self, file_name: str, message: str) -> None:
        assert self._batch is not None
        self._batch.report.failures.append((file_name, message))
        self._batch.done += 1
        self.import_failed.emit(file_name, message)
        QTimer.singleShot(0, self._start_next_file)

    def _finish_cancelled(self) -> None:
        assert self._batch is not None
        self._batch.report.cancelled = True
        self.import_cancelled.emit()
        self._finish_batch()

    def _finish_batch(self) -> None:
        batch, self._batch = self._batch, None
        assert batch is not None
        self.import_batch_finished.emit(batch.report)
