"""Several articles at once (issue 16 §5): with more than one row selected in the article
list (Ctrl/Shift-click), its context menu offers "Delete the N selected articles…" (one
question with what they hold and whether their highlights are kept, one undo step) and
"Export the N selected articles…" (the export dialog with them chosen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QMenu

from reader.ui.article_list import ARTICLE_ID_ROLE
from reader.ui.error_bar import stops_on_read_failure

if TYPE_CHECKING:
    from reader.ui.delete_dialog import DeleteArticlesDialog
    from reader.ui.export_dialog import ExportDialog
    from reader.ui.main_window import MainWindow


class ArticleSelection(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.question: DeleteArticlesDialog | None = None  # the last delete question asked
        self.dialog: ExportDialog | None = None  # the last export dialog opened

    def selected_ids(self) -> list[int]:
        """The selected articles, in the list's order."""
        view = self._window.article_list.view
        rows = sorted(view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [int(index.data(ARTICLE_ID_ROLE)) for index in rows]

    def add_entries(self, menu: QMenu, article_id: int) -> None:
        ids = self.selected_ids()
        if len(ids) < 2 or article_id not in ids:
            return
        menu.addSeparator()
        menu.addAction(
            self.tr("Export the %n selected articles…", "", len(ids)), lambda: self.export(ids)
        )
        menu.addAction(
            self.tr("Delete the %n selected articles…", "", len(ids)), lambda: self.delete(ids)
        )

    @stops_on_read_failure
    def delete(self, ids: list[int]) -> None:
        """Ask once, saying what the articles hold (and whether their highlights stay as
        orphans); then delete them as one undo step."""
        from reader.ui.delete_dialog import ask_delete

        service = self._window.service
        work = [service.article_work(article_id) for article_id in ids]
        highlights = sum(h for h, _ in work)
        readings = sum(r for _, r in work)
        self.question = ask_delete(
            self._window,
            self.tr("Delete articles"),
            self.tr("Delete %n articles?", "", len(ids)),
            highlights,
            readings,
            lambda keep: self._delete_now(ids, keep, highlights),
        )

    def _delete_now(self, ids: list[int], keep: bool = False, highlights: int = 0) -> None:
        from reader.ui.article_edit_controller import KEPT_STATUS_MS, kept_message

        service = self._window.service
        stack = service.undo_stack
        stack.beginMacro(self.tr("Delete %n articles", "", len(ids)))
        try:
            for article_id in ids:
                if not service.delete_article(article_id, keep_annotations=keep):
                    break  # the service said why; the ones deleted stay one undo step
            else:
                if keep and highlights:  # "Deleted; N highlights kept under …"
                    self._window.statusBar().showMessage(kept_message(highlights), KEPT_STATUS_MS)
                else:
                    self._window.statusBar().showMessage(
                        self.tr("Deleted %n articles.", "", len(ids)), KEPT_STATUS_MS
                    )
        finally:
            stack.endMacro()

    @stops_on_read_failure
    def export(self, ids: list[int]) -> None:
        from reader.ui.export_dialog import ExportDialog

        window = self._window
        dialog = ExportDialog(
            window, window.settings, window.service.articles(), window.reading_view.article_id
        )
        wanted = set(ids)
        for row in range(dialog.article_list.count()):
            item = dialog.article_list.item(row)
            chosen = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        dialog.scope_chosen.setChecked(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._export_chosen(dialog, result))
        self.dialog = dialog
        dialog.open()

    def _export_chosen(self, dialog: ExportDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value:
            self._window.exports.start_export(dialog.request())


def install_article_selection(window: MainWindow) -> ArticleSelection:
    """Several rows selectable in the article list, and what can be done to them."""
    selection = ArticleSelection(window)
    window.article_list.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    window.article_list.extra_menu_entries.append(selection.add_entries)
    return selection
