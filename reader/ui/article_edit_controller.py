"""The article edits in the window: the article list's context menu (rename, byline, merge
with next, delete), the reading view's "Split article here", and Edit ▸ Article for the
article shown. Dialogs ask what is needed (`reader.ui.article_dialogs`); the service makes
each edit undoable (`LibraryService.rename_article` …). The views refresh from the door's
record like after any write; this controller only brings back an article when the one shown
is gone (merged away, deleted, a split undone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from reader.ui import article_dialogs
from reader.ui.error_bar import stops_on_read_failure
from reader.ui.messages import show_message

if TYPE_CHECKING:
    from reader.ui.article_list import ArticleListPanel
    from reader.ui.library_service import LibraryService
    from reader.ui.reading_controller import ReadingController
    from reader.ui.reading_view import ReadingView
    from reader.ui.word_card_controller import WordCardController

STATUS_MS = 3000
KEPT_STATUS_MS = 8000  # long enough to read where the kept highlights are


def kept_message(highlights: int) -> str:
    return QCoreApplication.translate(
        "ArticleEditController",
        "Deleted; %n highlight(s) kept under Annotations ▸ All articles ▸ Orphaned.",
        "",
        highlights,
    )


class ArticleEditController(QObject):
    def __init__(
        self,
        service: LibraryService,
        article_list: ArticleListPanel,
        reading_view: ReadingView,
        reading: ReadingController,
        status: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._list = article_list
        self._view = reading_view
        self._reading = reading
        self._status = status
        self._dialog_parent = dialog_parent
        self.question: QWidget | None = None  # the last delete question asked
        service.article_edit_landed_on.connect(self.on_edit_landed)

    # -- the requests ----------------------------------------------------------------------
    @stops_on_read_failure
    def rename(self, article_id: int) -> None:
        article = self._service.article(article_id)
        if article is None:
            return
        article_dialogs.ask_text(
            self._dialog_parent, self.tr("Rename article"), self.tr("Title:"), article.title,
            lambda title: self._service.rename_article(article_id, title),
        )  # fmt: skip

    @stops_on_read_failure
    def edit_byline(self, article_id: int) -> None:
        article = self._service.article(article_id)
        if article is None:
            return
        article_dialogs.ask_text(
            self._dialog_parent, self.tr("Edit byline"), self.tr("Byline (author, source):"),
            article.byline,
            lambda byline: self._service.set_article_byline(article_id, byline),
        )  # fmt: skip

    @stops_on_read_failure
    def split_at(self, article_id: int, offset: int) -> None:
        """Split there: at once when a headline-like line opens the new part (it is the
        title), else after asking for a title (a derived one offered: left as it is, it
        stays marked derived)."""
        suggestion = self._service.split_suggestion(article_id, offset)
        if isinstance(suggestion, str):
            show_message(self._dialog_parent, "warning", self.tr("Cannot split here"), suggestion)
            return
        title, derived = suggestion
        if not derived:
            self._split(article_id, offset, None)
            return
        article_dialogs.ask_text(
            self._dialog_parent, self.tr("Split article"), self.tr("Title of the new article:"),
            title,
            lambda chosen: self._split(article_id, offset, None if chosen == title else chosen),
        )  # fmt: skip

    def _split(self, article_id: int, offset: int, title: str | None) -> None:
        if self._service.split_article(article_id, offset, title) is not None:
            self._status.showMessage(self.tr("Article split."), STATUS_MS)

    def merge_with_next(self, article_id: int) -> None:
        if self._service.merge_with_next(article_id):
            self._status.showMessage(self.tr("Articles merged."), STATUS_MS)

    @stops_on_read_failure
    def delete(self, article_id: int) -> None:
        article = self._service.article(article_id)
        if article is None:
            return
        highlights, readings = self._service.article_work(article_id)
        self.question = article_dialogs.confirm_delete(
            self._dialog_parent, article.title, highlights, readings,
            lambda keep: self._delete(article_id, keep, highlights),
        )  # fmt: skip

    def _delete(self, article_id: int, keep: bool, highlights: int) -> None:
        if self._service.delete_article(article_id, keep_annotations=keep) and keep:
            self._status.showMessage(kept_message(highlights), KEPT_STATUS_MS)

    # -- Edit ▸ Article: the article shown -------------------------------------------------
    def on_shown(self, act: Callable[[int], None]) -> None:
        """`act` on the article shown, if any."""
        article_id = self._view.article_id
        if article_id is not None:
            act(article_id)

    def split_at_selection(self) -> None:
        """At the selection's start (or the text cursor)."""
        article_id = self._view.article_id
        if article_id is None:
            return
        selection = self._view.current_selection()
        if selection is not None:
            offset: int | None = selection[0]
        else:
            offset = self._view.offset_at_position(self._view.textCursor().position())
        if offset is None:
            self._status.showMessage(self.tr("Click in the text where the split goes."), STATUS_MS)
            return
        self.split_at(article_id, offset)

    # -- after an edit, its undo or redo ------------------------------------------------
    @stops_on_read_failure
    def on_edit_landed(self, article_id: int) -> None:
        """Show `article_id` if the article shown is gone (or nothing is shown)."""
        shown = self._view.article_id
        if shown is not None and self._service.article(shown) is not None:
            return
        if self._list.select_article(article_id):
            self._reading.show_article(article_id)


def build_article_menu(menu: QMenu, edits: ArticleEditController) -> list[QAction]:
    """Edit ▸ Article: the edits of the article shown."""
    article_menu = menu.addMenu(QCoreApplication.translate("ArticleEditController", "&Article"))
    entries = [
        (
            QCoreApplication.translate("ArticleEditController", "&Rename…"),
            lambda: edits.on_shown(edits.rename),
        ),
        (
            QCoreApplication.translate("ArticleEditController", "Edit &byline…"),
            lambda: edits.on_shown(edits.edit_byline),
        ),
        (
            QCoreApplication.translate("ArticleEditController", "&Split at the selection"),
            edits.split_at_selection,
        ),
        (
            QCoreApplication.translate("ArticleEditController", "&Merge with next"),
            lambda: edits.on_shown(edits.merge_with_next),
        ),
        (
            QCoreApplication.translate("ArticleEditController", "&Delete…"),
            lambda: edits.on_shown(edits.delete),
        ),
    ]
    return [article_menu.addAction(label, slot) for label, slot in entries]


def connect_article_edits(
    edits: ArticleEditController, article_list: ArticleListPanel, cards: WordCardController
) -> None:
    """The requests of the list's context menu and the view's, to the controller."""
    article_list.rename_requested.connect(edits.rename)
    article_list.byline_requested.connect(edits.edit_byline)
    article_list.merge_requested.connect(edits.merge_with_next)
    article_list.delete_requested.connect(edits.delete)
    cards.split_requested.connect(edits.split_at)
