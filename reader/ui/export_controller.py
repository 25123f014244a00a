"""File ▸ Export annotations…: ask what and where (`ExportDialog`), export in the background
(`ExportRunner`) with a progress dialog that can cancel, ask before replacing files that
exist, and say how it ended in the status bar (a box when it failed).

The dialog, the runner and `reader.export` are imported at the first export: none is
needed for the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.ui.messages import show_message
from reader.ui.read_failures import ReadFailed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from reader.ui.export_dialog import ExportRequest
    from reader.ui.export_runner import ExportRunner
    from reader.ui.library_service import LibraryService
    from reader.ui.reading_view import ReadingView

PROGRESS_SHOW_AFTER_MS = 400
PROGRESS_STEPS = 1000
STATUS_MS = 8000
OVERWRITE_NAMES_SHOWN = 8


@dataclass
class _Export:
    """One run: what was asked, the runner doing it, the dialog showing it."""

    request: ExportRequest
    runner: ExportRunner
    dialog: QProgressDialog


class ExportController(QObject):
    def __init__(
        self,
        service: LibraryService,
        settings: QSettings,
        reading_view: ReadingView,
        status: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._settings = settings  # the dialog remembers the reader's choices there
        self._view = reading_view  # "this article" is the one it shows
        self._status = status
        self._dialog_parent = dialog_parent
        self.runner: ExportRunner | None = None  # the export running now, if any

    def export_annotations(self) -> None:
        """File ▸ Export annotations…: ask what and where, then export in the background."""
        from reader.ui.export_dialog import ExportDialog

        try:
            articles = self._service.articles()
        except ReadFailed:
            return  # the error bar says why
        request, ok = ExportDialog.get_request(
            self._dialog_parent, self._settings, articles, self._view.article_id
        )
        if ok and request is not None:
            self.start_export(request)

    def start_export(self, request: ExportRequest, *, force: bool = False) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from reader.ui.export_runner import ExportRunner

        library_path = self._service.library_path
        if library_path is None:
            return  # a library in memory: the worker has no file to open
        runner = ExportRunner(library_path, self)
        dialog = QProgressDialog(
            self.tr("Exporting annotations…"),
            self.tr("Cancel"),
            0,
            PROGRESS_STEPS,
            self._dialog_parent,
        )
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_SHOW_AFTER_MS)
        dialog.canceled.connect(runner.cancel)
        runner.progressed.connect(
            lambda fraction: dialog.setValue(round(fraction * PROGRESS_STEPS))
        )
        # Each run keeps its own request and dialog: the runner's signals arrive later, from
        # its thread (queued to this one), possibly after another export started.
        run = _Export(request, runner, dialog)
        runner.finished.connect(lambda paths: self._finished(run, paths))
        runner.needs_overwrite.connect(lambda paths: self._needs_overwrite(run, paths))
        runner.failed.connect(lambda message: self._failed(run, message))
        runner.cancelled.connect(
            lambda: self._done(run, self.tr("Export cancelled; no file was half-written."))
        )
        self.runner = runner
        runner.start(request, force=force)

    def _done(self, run: _Export, message: str) -> None:
        run.dialog.reset()
        run.dialog.deleteLater()
        self._status.showMessage(message, STATUS_MS)
        self.runner = None

    def _finished(self, run: _Export, paths: list) -> None:
        if not paths:
            self._done(run, self.tr("No annotations to export; nothing was written."))
            return
        destination = run.request.destination
        where = (
            paths[0]
            if len(paths) == 1
            else self.tr("{count} files in {folder}").format(count=len(paths), folder=destination)
        )
        self._done(run, self.tr("Exported to {where}.").format(where=where))

    def _needs_overwrite(self, run: _Export, paths: list) -> None:
        self._done(run, "")
        # Looked up at call time: the window lets tests answer the question for the reader.
        if self.confirm_overwrite(paths):
            self.start_export(run.request, force=True)

    def _failed(self, run: _Export, message: str) -> None:
        self._done(run, self.tr("Export failed."))
        show_message(self._dialog_parent, "warning", self.tr("Export failed"), message)

    def confirm_overwrite(self, paths: list) -> bool:
        """Ask whether to replace files that exist (the first few are named)."""
        from PySide6.QtWidgets import QMessageBox

        shown = "\n".join(paths[:OVERWRITE_NAMES_SHOWN])
        if len(paths) > OVERWRITE_NAMES_SHOWN:
            shown += "\n…"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Overwrite?"),
            self.tr("{count} file(s) already exist:\n{names}\n\nReplace them?").format(
                count=len(paths), names=shown
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._dialog_parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes
