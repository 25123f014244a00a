"""Importing from the window: choosing files (File ▸ Import…, Import with Encoding…), files
dropped on the window, the progress dialog with its Cancel button, the question whether a
changed file updates its articles or is imported anew, and what the reader is told when a
batch ends (a status line; a box for files refused and for warnings).

The import itself runs in `LibraryService` (a worker thread, then one transaction per file).
Dialogs are imported where first shown: none is needed for the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from reader.ui.core_text import core_text, error_text
from reader.ui.messages import show_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from reader.ui.article_list import ArticleListPanel
    from reader.ui.library_service import ImportBatchReport, LibraryService

PROGRESS_SHOW_AFTER_MS = 400  # a quick import never flashes a dialog
PROGRESS_STEPS = 1000
STATUS_MS = 8000

UPDATE, NEW, SKIP = "update", "new", "skip"  # answers of `ask_update_or_new`


def local_paths_of(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (URLs of other kinds are not importable)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def import_status(report: ImportBatchReport) -> str:
    """The status-bar line for a finished batch: what was added and updated, or that the
    cancel kept the file being imported out of the library."""
    if report.cancelled:
        return QCoreApplication.translate(
            "ImportController", "Import cancelled; the file being imported was not saved."
        )
    added = len(report.added_article_ids)
    # English says "1 article" / "2 articles"; Chinese needs one form of each.
    if added == 1:
        status = QCoreApplication.translate("ImportController", "Imported 1 article.")
    elif added:
        status = QCoreApplication.translate(
            "ImportController", "Imported {count} articles."
        ).format(count=added)
    else:
        status = ""
    for outcome in report.outcomes:
        update = outcome.update
        if update is None:
            continue
        notes = update.annotations
        status += QCoreApplication.translate(
            "ImportController",
            " Updated {updated} article(s); annotations: "
            "{stayed} stayed, {moved} moved, {orphaned} orphaned.",
        ).format(
            updated=update.articles_updated,
            stayed=notes.stayed,
            moved=notes.moved,
            orphaned=notes.orphaned,
        )
    return status


def import_problems(report: ImportBatchReport) -> tuple[str, str, str] | None:
    """The box for a finished batch as (level, title, text): a warning when files were
    refused (their reasons, then any warnings), else the warnings, else None."""
    problems = [message for _, message in report.failures]
    notes = [core_text(warning) for outcome in report.outcomes for warning in outcome.warnings]
    if problems:
        return (
            "warning",
            QCoreApplication.translate("ImportController", "Not imported"),
            "\n\n".join(problems + notes),
        )
    if notes:
        title = QCoreApplication.translate("ImportController", "Import")
        return "information", title, "\n\n".join(notes)
    return None


LAST_IMPORT_FOLDER = "import/last_folder"


class ImportController(QObject):
    def __init__(
        self,
        service: LibraryService,
        article_list: ArticleListPanel,
        status: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._list = article_list
        self._status = status
        self._dialog_parent = dialog_parent  # dialogs are window-modal over it
        self.progress_dialog: QProgressDialog | None = None
        # The service asks this question from its own flow (between files of a batch).
        service.update_policy = self.ask_update_or_new

    # -- choosing what to import ---------------------------------------------------------------
    def choose_files(self) -> None:
        """File ▸ Import…; for each PDF chosen, which of its pages."""
        from reader.importer import has_pages

        paths = self._ask_for_text_files(self.tr("Import text files"))
        pages: dict[Path, range] = {}
        library_path = self._service.library_path
        for path in [path for path in paths if has_pages(path, library_path=library_path)]:
            chosen = self.ask_pages(path)
            if chosen is False:
                paths.remove(path)  # the reader cancelled this one
            elif chosen is not None:
                pages[path] = chosen
        if paths:
            self._service.import_files(paths, pages=pages)

    def ask_pages(self, path: Path) -> range | None | bool:
        """The pages of the PDF at `path` to import: a range, None for all of it, or False
        when the reader cancelled. A range that is not one is said, and asked again."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        from reader.importing.documents import page_range

        text = ""
        while True:
            text, accepted = QInputDialog.getText(
                self._dialog_parent,
                self.tr("Pages to import"),
                self.tr(
                    "Pages of {name} to import, e.g. 30-37 or 5.\nLeave empty for all pages."
                ).format(name=path.name),
                QLineEdit.EchoMode.Normal,
                text,
            )
            if not accepted:
                return False
            if not text.strip():
                return None
            try:
                return page_range(text.strip())
            except ValueError as error:
                shown = error_text(error)
                show_message(self._dialog_parent, "warning", self.tr("Pages to import"), shown)

    def choose_files_with_encoding(self) -> None:
        """Import files read as an encoding the reader chooses: for a file whose encoding
        was guessed wrong, or that mixes encodings."""
        from PySide6.QtWidgets import QInputDialog

        from reader.text.decode import ENCODING_CHOICES  # not needed before this

        paths = self._ask_for_text_files(self.tr("Import text files with an encoding"))
        if not paths:
            return
        labels = list(ENCODING_CHOICES)
        label, chosen = QInputDialog.getItem(
            self._dialog_parent,
            self.tr("Encoding"),
            self.tr("Read the files as:"),
            labels,
            0,
            False,
        )
        if chosen:
            self._service.import_files_as(paths, ENCODING_CHOICES[label])

    def _ask_for_text_files(self, caption: str) -> list[Path]:
        """Files chosen in a dialog that never opens the files it lists (the library's
        folder may be shown), starting in the folder the reader last imported from, else
        their Downloads folder, else home."""
        from PySide6.QtCore import QSettings

        from reader.ui.file_dialogs import TEXT_FILES_FILTER, ask_open_file_names

        settings = QSettings()
        downloads = Path.home() / "Downloads"
        start = str(settings.value(LAST_IMPORT_FOLDER, "") or "")
        if not start or not Path(start).is_dir():
            start = str(downloads if downloads.is_dir() else Path.home())
        paths = ask_open_file_names(
            self._dialog_parent,
            caption,
            QCoreApplication.translate("FileDialogs", TEXT_FILES_FILTER),
            start,
        )
        if paths:
            settings.setValue(LAST_IMPORT_FOLDER, str(paths[0].parent))
        return paths

    def drag_entered(self, event: QDragEnterEvent) -> None:
        if local_paths_of(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropped(self, event: QDropEvent) -> None:
        paths = local_paths_of(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self._service.import_files(paths)

    def cancel(self) -> None:
        """The window is closing: a running import stops and saves nothing half-done."""
        self._service.cancel_import()

    # -- while it runs -------------------------------------------------------------------------
    def on_import_started(self, file_count: int) -> None:
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(
            self.tr("Importing…"), self.tr("Cancel"), 0, PROGRESS_STEPS, self._dialog_parent
        )
        dialog.setWindowTitle(self.tr("Import"))
        label = QLabel(dialog)
        label.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names
        dialog.setLabel(label)
        # Non-modal: reading goes on during a long import, and setValue never re-enters
        # the event loop (a modal QProgressDialog calls processEvents).
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._service.cancel_import)
        self.progress_dialog = dialog
        self._status.showMessage(self.tr("Importing {count} file(s)…").format(count=file_count))

    def on_import_progress(self, fraction: float, label: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(label)
            self.progress_dialog.setValue(round(fraction * PROGRESS_STEPS))

    def _close_progress_dialog(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._service.cancel_import)
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def on_batch_finished(self, report: ImportBatchReport) -> None:
        self._close_progress_dialog()
        to_show = report.article_to_show
        if to_show is not None:
            self._list.select_article(to_show)  # the list's activation opens it
        self._status.showMessage(import_status(report), STATUS_MS)
        problems = import_problems(report)
        if problems is not None:
            show_message(self._dialog_parent, *problems)

    # -- questions -----------------------------------------------------------------------------
    def ask_update_or_new(self, file_name: str) -> str:
        """A changed version of an imported file: update it in place, or import it anew?
        Returns UPDATE, NEW or SKIP."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Update articles?"),
            self.tr(
                "{name} was imported before, and its text has changed.\n\n"
                "Update the articles in place? Your highlights, comments and corrected readings "
                "are kept and placed again on the new text; any that cannot be found are kept "
                "as orphans."
            ).format(name=file_name),
            parent=self._dialog_parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        update = box.addButton(self.tr("Update"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("Import as new"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Skip"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(update)
        # The progress dialog would sit over the question and hide its buttons: set aside
        # while it is asked, back if the import goes on.
        progress = self.progress_dialog
        was_shown = progress is not None and progress.isVisible()
        if progress is not None:
            progress.hide()
        box.exec()
        if was_shown and progress is self.progress_dialog and progress is not None:
            progress.show()
        clicked = box.clickedButton()
        return UPDATE if clicked is update else NEW if clicked is new else SKIP
