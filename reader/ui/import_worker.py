"""The two halves of an import that run on a pool thread (see reader/ui/import_jobs.py):
preparing a file (hash, decode, reflow, split, segment into a spool) and storing it in one
transaction on the thread's own connection. Neither touches a widget; both report through a
`WorkerBridge` that lives on the main thread, so every emission is queued there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.importing.file_names import file_name_of
from reader.library.store import Library
from reader.ui.core_text import core_text, error_text, not_imported

if TYPE_CHECKING:
    from reader.importer import PreparedImport

log = logging.getLogger(__name__)


class WorkerBridge(QObject):
    """Carries results from the worker thread to the service. It lives on the main thread,
    so every emission from the worker is queued to the service's slots there."""

    progressed = Signal(int, float, str)  # job number, fraction of this file, stage
    prepared = Signal(int, object)  # job number, PreparedImport
    failed = Signal(int, str)  # job number, why the file was refused or not saved
    cancelled = Signal(int)  # job number
    duplicate = Signal(int, str)  # job number, content hash of a file already imported
    stored = Signal(int, object)  # job number, ImportOutcome


def prepare_in_worker(
    bridge: WorkerBridge,
    job: int,
    path: Path,
    encoding: str | None,
    pages: range | None,
    known_hashes: frozenset[str],
    spool_folder: Path | None,
    library_path: Path | None,
    is_cancelled: Callable[[], bool],
) -> None:
    """Runs on a pool thread: must not touch Qt widgets or the library (`known_hashes`,
    the content hashes of the sources already imported, is a snapshot taken for it; the
    library's own files are refused unopened, see `reader.library.files`)."""
    from reader.importer import ImportCancelled, inspect_file, prepare_path
    from reader.text.decode import ImportRefused

    try:
        source = inspect_file(path, library_path=library_path, pages=pages)
        if source.source_hash in known_hashes:
            bridge.duplicate.emit(job, source.source_hash)
            return
        prepared = prepare_path(
            source,
            encoding=encoding,
            progress=lambda fraction, stage: bridge.progressed.emit(
                job, fraction, core_text(stage)
            ),
            is_cancelled=is_cancelled,
            spool_folder=spool_folder,
        )
    except ImportCancelled:
        bridge.cancelled.emit(job)
    except ImportRefused as error:
        bridge.failed.emit(job, error_text(error))
    except Exception as error:  # a bug in the pipeline must not kill the thread silently
        log.exception("Import of %s failed", path.name)
        bridge.failed.emit(job, not_imported(file_name_of(path), error))
    else:
        bridge.prepared.emit(job, prepared)


def store_in_worker(
    bridge: WorkerBridge,
    job: int,
    open_library: Callable[[], AbstractContextManager[Library]],
    prepared: PreparedImport,
    update_source_id: int | None,
    is_cancelled: Callable[[], bool],
) -> None:
    """Store `prepared` as a new source, or as an update in place of source
    `update_source_id`, in one transaction, and announce the outcome through `bridge`.
    Runs on a pool thread with a connection of its own (`open_library` opens it there); a
    library in memory has none to open, and is stored on the main thread. A cancel before
    the commit rolls the transaction back: nothing is written."""
    from reader.importer import ImportCancelled, store_import, store_update

    # The spool is removed before the result is announced: once the window hears of it,
    # nothing of the import is left on disk but what was stored.
    announce: Callable[[], None]
    try:
        with open_library() as library:
            if update_source_id is not None:
                outcome = store_update(
                    library, prepared, update_source_id, is_cancelled=is_cancelled
                )
            else:
                outcome = store_import(library, prepared, is_cancelled=is_cancelled)
    except ImportCancelled:
        announce = partial(bridge.cancelled.emit, job)
    except Exception as error:  # e.g. a full disk: the transaction rolled back
        log.exception("Storing %s failed", prepared.source.file_name)
        announce = partial(
            bridge.failed.emit,
            job,
            QCoreApplication.translate("ImportJobs", "Could not save: {reason}").format(
                reason=error
            ),
        )
    else:
        announce = partial(bridge.stored.emit, job, outcome)
    finally:
        prepared.discard()
    announce()
