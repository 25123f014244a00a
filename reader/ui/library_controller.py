"""The library as a whole, seen from the window: the article list and its count, the error
bar's "Try again" and "Check library…", Help ▸ About (where the library lives) and Help ▸
Check library (with the offer to restore a backup), writes that were not saved, and
automatic backups that failed.

Restoring needs the library closed, so this controller only announces the reader's choice
(`recovery_chosen`); the window closes itself and `run_gui` restores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from reader.ui.core_text import articles_count_text
from reader.ui.error_bar import ErrorBar, stops_on_read_failure
from reader.ui.messages import show_about, show_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.article_list import ArticleListPanel
    from reader.ui.library_service import LibraryService
    from reader.ui.reading_controller import ReadingController

BACKUP_FAILED_MS = 10_000


def count_text(total: int, shown: int) -> str:
    """ "3 articles", or "1 of 3 articles" while a filter hides some."""
    return articles_count_text(total, shown)


class LibraryController(QObject):
    recovery_chosen = Signal()  # the reader chose to restore a backup (Check library)

    def __init__(
        self,
        service: LibraryService,
        article_list: ArticleListPanel,
        count_label: QLabel,
        error_bar: ErrorBar,
        reading: ReadingController,
        status: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._list = article_list
        self._count_label = count_label
        self._error_bar = error_bar
        self._reading = reading
        self._status = status
        self._dialog_parent = dialog_parent

    @stops_on_read_failure
    def refresh_articles(self) -> None:
        self._list.set_articles(self._service.articles())

    def update_count(self) -> None:
        total = self._list.model.rowCount()
        shown = self._list.proxy.rowCount()
        self._count_label.setText(count_text(total, shown))

    def retry_after_error(self) -> None:
        """The error bar's "Try again": read the list and the open article anew; the bar
        goes once that worked (a new failure shows it again)."""
        self._error_bar.hide()
        shown = self._reading.article_id
        self._reading.forget_readings()
        self.refresh_articles()
        if shown is not None and not self._error_bar.isVisible():
            self._reading.show_anew(shown)

    def check_library(self) -> QMessageBox:
        """Help ▸ Check library: the same checks as at start-up, reported in words; when
        there are problems and a good backup, restoring it is offered (see
        `reader.ui.damage_dialogs.check_library_box`)."""
        from reader.ui.damage_dialogs import check_library_box

        path = self._service.library_path
        if path is None:
            return show_message(
                self._dialog_parent,
                "information",
                self.tr("Check library"),
                self.tr("The library is in memory."),
            )
        return check_library_box(self._dialog_parent, path, self.recovery_chosen.emit)

    def show_about(self) -> QMessageBox:
        """Help ▸ About, which says where this library lives."""
        return show_about(self._dialog_parent, self._service.library_path)

    def on_write_failed(self, message: str) -> None:
        show_message(self._dialog_parent, "warning", self.tr("Not saved"), message)

    def on_backup_failed(self, message: str) -> None:
        self._status.showMessage(
            self.tr("Backup failed: {reason}").format(reason=message), BACKUP_FAILED_MS
        )
