"""Runs an export in a worker thread, with progress and cancel.

Exporting reads the library but never writes it, so the worker opens its own read-only
connection to the same file (SQLite's WAL lets it read while the window goes on writing);
the Markdown is written file by file, each atomically, by `reader.export`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.ui.core_text import error_text
from reader.ui.export_dialog import SCOPE_LIBRARY, ExportRequest

log = logging.getLogger(__name__)


class ExportRunner(QObject):
    progressed = Signal(float)  # 0…1
    finished = Signal(list)  # paths written
    needs_overwrite = Signal(list)  # paths that exist: ask, then run again with force
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, request: ExportRequest, *, force: bool = False) -> None:
        self._cancel.clear()
        self._thread = threading.Thread(
            target=self._run, args=(request, force), name="yuedu-export", daemon=True
        )
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, request: ExportRequest, force: bool) -> None:
        from reader.export import (
            ExportCancelled,
            ExportOptions,
            ExportWouldOverwrite,
            annotated_article_ids,
            export_to_file,
            export_to_folder,
        )
        from reader.library import Library

        options = ExportOptions(
            pinyin=request.pinyin, context=request.context, orphans=request.orphans,
            kept=request.scope == SCOPE_LIBRARY,  # with those of deleted articles
        )  # fmt: skip
        try:
            with Library.open(self.library_path) as library:
                # The whole library, as `yuedu export` exports it: the articles that hold
                # annotations (an empty note for each of the others says nothing).
                article_ids = (
                    annotated_article_ids(library)
                    if request.scope == SCOPE_LIBRARY
                    else request.article_ids
                )
                if request.scope == SCOPE_LIBRARY and not article_ids:
                    from reader.export.kept import kept_count

                    if not (request.orphans and kept_count(library)):
                        self.finished.emit([])  # nothing to export: nothing written
                        return
                if request.per_article:
                    paths = export_to_folder(
                        library,
                        article_ids,
                        request.destination,
                        options,
                        force=force,
                        progress=lambda done, total: self.progressed.emit(done / max(1, total)),
                        is_cancelled=self._cancel.is_set,
                    )
                else:  # one file, written whole and atomically
                    paths = [
                        export_to_file(
                            library, article_ids, request.destination, options, force=force
                        )
                    ]
        except ExportWouldOverwrite as error:
            self.needs_overwrite.emit([str(p) for p in error.paths])
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as error:  # disk full, permissions: say so, write nothing more
            log.exception("Export failed")
            self.failed.emit(error_text(error))
        else:
            self.finished.emit([str(p) for p in paths])
