"""The reading controller: which article the reading view shows and what comes with it — its
tokens and readings (kept for the last READINGS_KEPT articles), its highlights (through the
highlight controller), pinyin resolved in the background, the reader's corrected readings,
going to an annotation and opening `yuedu://` deep links.

A read that fails stops a switch where it is: the view keeps the article it showed, the list
goes back to it, and the error bar (filled by the service) says why.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.library.store import Article
from reader.text.tokens import ArticleReadings
from reader.ui.core_text import error_text
from reader.ui.error_bar import stops_on_read_failure
from reader.ui.messages import show_message
from reader.ui.read_failures import ReadFailed
from reader.ui.script_controller import library_key

if TYPE_CHECKING:
    from reader.ui.article_list import ArticleListPanel
    from reader.ui.highlight_controller import HighlightController
    from reader.ui.library_service import LibraryService
    from reader.ui.pinyin_service import PinyinService
    from reader.ui.reading_view import ReadingView
    from reader.ui.word_card_controller import WordCardController

READINGS_KEPT = 8  # articles whose resolved readings stay in memory
STATUS_MS = 3000


class ReadingController(QObject):
    # The article now shown, or None when the view was emptied (the window's title).
    article_opened = Signal(object)

    def __init__(
        self,
        service: LibraryService,
        pinyin: PinyinService,
        reading_view: ReadingView,
        article_list: ArticleListPanel,
        cards: WordCardController,
        highlights: HighlightController,
        status: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._pinyin = pinyin
        self._view = reading_view
        self._list = article_list
        self._cards = cards
        self._highlights = highlights
        self._status = status
        self._dialog_parent = dialog_parent
        # Article id → its tokens with the readings resolved so far, most recent last.
        self.readings: OrderedDict[int, ArticleReadings] = OrderedDict()

    @property
    def library_key(self) -> str:
        """The library file's key for settings kept per library (the article to reopen:
        another library's article of the same id is another text)."""
        return library_key(self._service.library_path or ":memory:")

    @property
    def article_id(self) -> int | None:
        """The article shown, if any."""
        return self._view.article_id

    # -- showing an article --------------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        if article_id == self._view.article_id:
            return
        shown = self._view.article_id
        try:
            self._show_article(article_id)
        except ReadFailed:
            # Not half-switched: the list goes back to the article still shown (the error
            # bar says why).
            if shown is not None and self._view.article_id == shown:
                self._list.select_article(shown)

    def _show_article(self, article_id: int) -> None:
        self._cards.hide()
        article = self._service.article(article_id)
        if article is None:
            self._view.clear_article()
            self.article_opened.emit(None)
            return
        readings = self.readings.get(article_id)
        if readings is None:
            tokens = self._service.article_tokens(article)
            service = self._service
            readings = ArticleReadings(
                tokens, service.reading_overrides(article_id), service.word_readings()
            )
            self.readings[article_id] = readings
            while len(self.readings) > READINGS_KEPT:
                self.readings.popitem(last=False)
        self.readings.move_to_end(article_id)
        self._view.show_article(article, readings.tokens, readings)
        # Every way of showing an article passes here: the list follows the text (its
        # activation comes back to show_article, which returns at once: no loop), once the
        # text is painted: scrolling and repainting the list took ~7 ms of opening one.
        if self._list.selected_article_id() != article_id:
            QTimer.singleShot(0, self, lambda: self._follow_in_list(article_id))
        self.article_opened.emit(article)
        self._highlights.article_shown(article)
        if self._pinyin.started:
            self._pinyin.request_article(article_id, readings.tokens)

    def _follow_in_list(self, article_id: int) -> None:
        still_shown = self._view.article_id == article_id  # not another opened meanwhile
        if still_shown and self._list.selected_article_id() != article_id:
            self._list.select_article(article_id)

    def show_anew(self, article_id: int) -> None:
        """Show `article_id` read afresh from the library, even if it is the one shown."""
        self._view.clear_article()
        self.show_article(article_id)

    def forget_readings(self) -> None:
        """Drop every kept article's readings: they are read again when shown."""
        self.readings.clear()

    def close_article(self, article: Article) -> None:
        """The article shown is gone from the library: show nothing (no title, no card, no
        bar, no editor) and forget its readings."""
        self._cards.hide()
        self.readings.pop(article.id, None)
        self._view.clear_article()
        self._highlights.article_closed()
        self.article_opened.emit(None)

    @stops_on_read_failure
    def on_articles_updated(self, article_ids: list) -> None:
        """An import updated these articles in place: their text (and tokens) may differ."""
        for article_id in article_ids:
            self.readings.pop(article_id, None)
        current = self._view.article_id
        if current in article_ids:
            self.show_anew(current)  # its text may have changed: show it anew

    # -- pinyin and corrected readings ---------------------------------------------------------
    def start_background_services(self) -> None:
        """After the first paint: dictionary and pinyin load in their worker thread."""
        if self._pinyin.started:
            return
        self._pinyin.start()
        view = self._view
        if view.article_id is not None and view.tokens is not None:
            self._pinyin.request_article(view.article_id, view.tokens)

    def on_reading_position_changed(self, offset: int) -> None:
        """The reader scrolled: resolve the pinyin from there first."""
        if self._pinyin.started and self._view.article_id is not None:
            self._pinyin.focus(self._view.article_id, offset)

    def on_readings_ready(self, article_id: int, first_token: int, readings: list) -> None:
        cached = self.readings.get(article_id)
        if cached is None:
            return  # no longer kept: resolved again when shown
        cached.set_resolved(first_token, readings)
        if article_id == self._view.article_id:
            self._view.readings_updated()
            self._cards.refresh()

    def on_readings_changed(self, article_id: int, announce: bool = True) -> None:
        """A corrected reading of `article_id` was saved (or undone, or reset to automatic):
        its cached readings take the corrections as stored now. `announce`: say "Reading
        saved." (not when the corrections came and went with a whole article)."""
        cached = self.readings.get(article_id)
        if cached is not None:
            cached.sync_word_readings(self._service.word_readings())
            cached.sync_overrides(self._service.reading_overrides(article_id))
        if article_id == self._view.article_id:
            self._view.readings_updated()
            self._cards.refresh()
        if announce:
            self._status.showMessage(self.tr("Reading saved."), STATUS_MS)

    # -- going to annotations --------------------------------------------------------------------
    @stops_on_read_failure
    def go_to_annotation(self, annotation_id: str, article_id: int) -> None:
        """Open the annotation's article if needed, scroll to the passage and flash it."""
        if article_id != self._view.article_id:
            self._list.select_article(article_id)
            self.show_article(article_id)
        self._highlights.reveal(annotation_id)

    @stops_on_read_failure
    def open_deep_link(self, url: str) -> bool:
        """Open yuedu://article/<id>?annotation=<uuid> at its passage."""
        from reader.export import parse_deep_link

        try:
            article_id, annotation_id = parse_deep_link(url)
        except ValueError as error:
            show_message(
                self._dialog_parent, "warning", self.tr("Cannot open link"), error_text(error)
            )
            return False
        if self._service.article(article_id) is None:
            show_message(
                self._dialog_parent,
                "warning",
                self.tr("Cannot open link"),
                self.tr("There is no article {id}.").format(id=article_id),
            )
            return False
        self._list.select_article(article_id)
        self.show_article(article_id)
        if annotation_id is not None:
            annotation = self._service.annotation(annotation_id)
            if annotation is not None and annotation.article_id == article_id:
                self.go_to_annotation(annotation_id, article_id)
        return True
