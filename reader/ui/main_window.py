"""The main window: article list | reading view. It wires every signal and owns no logic."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
)

from reader.ui import fonts
from reader.ui.article_list import ArticleListPanel
from reader.ui.library_service import ImportBatchReport, LibraryService
from reader.ui.reading_view import ReadingView

APP_TITLE = "Yuedu"
SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_SPLITTER = "main_window/splitter"
SETTINGS_LAST_ARTICLE = "main_window/last_article_id"
SETTINGS_FONT_WARNING_SHOWN = "warnings/no_chinese_font_shown"
NO_CHINESE_FONT_MESSAGE = (
    "No font for Simplified Chinese is installed: characters may show as empty boxes. "
    "Install one, e.g. Noto Sans CJK SC (package fonts-noto-cjk)."
)
PROGRESS_SHOW_AFTER_MS = 400
PROGRESS_STEPS = 1000


def local_paths_of(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class MainWindow(QMainWindow):
    import_requested = Signal(list)  # list[Path], from the menu or a drop

    def __init__(self, service: LibraryService, settings: QSettings | None = None) -> None:
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.progress_dialog: QProgressDialog | None = None

        self.article_list = ArticleListPanel(self)
        self.reading_view = ReadingView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(self.reading_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_menu()
        self._wire()
        self.refresh_articles()
        self.resize(1200, 800)

    # -- construction ----------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_files_to_import)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

    def _wire(self) -> None:
        """Every connection of the window, in one place."""
        self.article_list.article_activated.connect(self.show_article)
        self.article_list.proxy.rowsInserted.connect(self._update_count)
        self.article_list.proxy.rowsRemoved.connect(self._update_count)
        self.article_list.proxy.modelReset.connect(self._update_count)
        self.import_requested.connect(self.service.import_files)
        self.service.articles_changed.connect(self.refresh_articles)
        self.service.import_started.connect(self._on_import_started)
        self.service.import_progress.connect(self._on_import_progress)
        self.service.import_batch_finished.connect(self._on_import_batch_finished)

    # -- articles --------------------------------------------------------------------------
    def refresh_articles(self) -> None:
        self.article_list.set_articles(self.service.articles())

    def show_article(self, article_id: int) -> None:
        if article_id == self.reading_view.article_id:
            return
        article = self.service.article(article_id)
        if article is None:
            self.reading_view.clear_article()
            self.setWindowTitle(APP_TITLE)
            return
        self.reading_view.show_article(article)
        self.setWindowTitle(f"{APP_TITLE} — {article.title}")

    def _update_count(self) -> None:
        total = self.article_list.model.rowCount()
        shown = self.article_list.proxy.rowCount()
        noun = "article" if total == 1 else "articles"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        self.count_label.setText(text)

    # -- importing -------------------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import text files", "", "Text files (*.txt);;All files (*)"
        )
        if names:
            self.import_requested.emit([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths_of(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths_of(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_requested.emit(paths)

    def _on_import_started(self, file_count: int) -> None:
        dialog = QProgressDialog("Importing…", "Cancel", 0, PROGRESS_STEPS, self)
        dialog.setWindowTitle("Import")
        label = QLabel(dialog)
        label.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names
        dialog.setLabel(label)
        # Non-modal: reading goes on during a long import, and setValue never re-enters
        # the event loop (a modal QProgressDialog calls processEvents).
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.service.cancel_import)
        self.progress_dialog = dialog
        self.statusBar().showMessage(
            f"Importing {file_count} file{'s' if file_count != 1 else ''}…"
        )

    def _on_import_progress(self, fraction: float, label: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(label)
            self.progress_dialog.setValue(round(fraction * PROGRESS_STEPS))

    def _close_progress_dialog(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.service.cancel_import)
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def _on_import_batch_finished(self, report: ImportBatchReport) -> None:
        self._close_progress_dialog()
        to_show = report.article_to_show
        if to_show is not None:
            self.article_list.select_article(to_show)
        added = len(report.added_article_ids)
        if report.cancelled:
            status = "Import cancelled; the file being imported was not saved."
        else:
            status = f"Imported {added} article{'s' if added != 1 else ''}."
        self.statusBar().showMessage(status, 8000)

        problems = [message for _, message in report.failures]
        notes = [warning for outcome in report.outcomes for warning in outcome.warnings]
        if problems:
            self.show_message(
                QMessageBox.Icon.Warning, "Not imported", "\n\n".join(problems + notes)
            )
        elif notes:
            self.show_message(QMessageBox.Icon.Information, "Import", "\n\n".join(notes))

    # -- messages --------------------------------------------------------------------------
    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal box that does not block the caller (tests find it as a child)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def warn_if_no_chinese_font(self) -> bool:
        """Say once per user (QSettings flag) that no Simplified Chinese font exists.
        Returns whether the warning was shown now."""
        if fonts.has_simplified_chinese_font():
            return False
        if self.settings.value(SETTINGS_FONT_WARNING_SHOWN, False, type=bool):
            return False
        self.settings.setValue(SETTINGS_FONT_WARNING_SHOWN, True)
        self.statusBar().showMessage(NO_CHINESE_FONT_MESSAGE)
        return True

    # -- state -----------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter_state = self.settings.value(SETTINGS_SPLITTER)
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        last = self.settings.value(SETTINGS_LAST_ARTICLE, None)
        last_id = int(last) if last not in (None, "") else None
        if last_id is None or not self.article_list.select_article(last_id):
            self.article_list.select_first()

    def save_state(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        if self.reading_view.article_id is not None:
            self.settings.setValue(SETTINGS_LAST_ARTICLE, self.reading_view.article_id)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.service.cancel_import()
        super().closeEvent(event)
