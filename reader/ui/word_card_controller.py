"""The hover card's controller: which word's card to show when the reading view announces a
word, when to hide it (a moment after the pointer left, unless it went into the card), the
reader's corrections asked from the card or the word's context menu, and the dictionary's
progress, which the card's glosses wait for.

Hover path: view (token index) → `word_info` (tokens, readings, dictionary; no disk access
once warm) → `WordCard.show_word`. The card module is imported on first hover: the first
paint does not need it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from reader.text.word_info import WordInfo, compose_word_info
from reader.ui.script_controller import with_shown_form

if TYPE_CHECKING:
    from reader.ui.library_service import LibraryService
    from reader.ui.pinyin_service import PinyinService
    from reader.ui.reading_view import ReadingView
    from reader.ui.word_card import WordCard

CARD_HIDE_DELAY_MS = 250  # time to move the pointer from a word into its card
DICTIONARY_PROGRESS = QT_TRANSLATE_NOOP(
    "WordCardController", "Preparing the dictionary (first run only)…"
)


class WordCardController(QObject):
    # "Split article here" in the word's context menu: (article id, offset) — the selection's
    # start if there is one, else the word's start (never inside a word).
    split_requested = Signal(int, int)

    def __init__(
        self,
        service: LibraryService,
        pinyin: PinyinService,
        reading_view: ReadingView,
        background_label: QLabel,
        card_parent: QWidget,
        avoid: QWidget | None = None,
    ) -> None:
        super().__init__(card_parent)
        self._service = service
        self._pinyin = pinyin
        self._view = reading_view
        # In a label of its own: the status bar's messages (an import's result, "Saved.")
        # must not be overwritten by background work.
        self._background_label = background_label
        self._card_parent = card_parent
        self._card: WordCard | None = None
        self.context_menu: QMenu | None = None  # the last one shown
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(CARD_HIDE_DELAY_MS)
        self._hide_timer.timeout.connect(self._hide_unless_pointed)
        # The card never covers this (the selection's colour bar): placed clear of it, and
        # moved when it appears or moves while the card is shown.
        self._avoid = avoid
        if avoid is not None:
            avoid.installEventFilter(self)

    @property
    def card(self) -> WordCard:
        """The hover card, made (and wired) on first use."""
        if self._card is None:
            from reader.ui.word_card import WordCard

            card = WordCard(self._card_parent)
            card.tone_colours = self._view.tone_colours
            # Made lazily, so wired here rather than in the window's one list of connections.
            card.pointer_left.connect(self._hide_timer.start)
            card.reading_override_requested.connect(self._service.set_reading_override)
            card.reading_reset_requested.connect(self._reset_reading)
            card.status_requested.connect(self._request_status)
            self._service.changed.connect(self._on_change)
            self._service.changed_elsewhere.connect(self._on_change)
            self._card = card
        return self._card

    def hide(self) -> None:
        if self._card is not None:
            self._card.hide()

    @property
    def shown_token(self) -> int | None:
        """The token of the article shown whose card is up, if one is."""
        card = self._card
        if card is None or not card.isVisible() or card.info is None:
            return None
        return card.info.token_index if card.info.article_id == self._view.article_id else None

    def _avoided_rects(self) -> list[QRect]:
        bar = self._avoid
        if bar is None or not bar.isVisible():
            return []
        return [QRect(bar.mapToGlobal(QPoint(0, 0)), bar.size())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The bar to avoid appeared, moved or changed size: move the card clear of it."""
        card = self._card
        if (
            watched is self._avoid
            and event.type() in (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)
            and card is not None
            and card.isVisible()
        ):
            card.place(card.word_rect, self._avoided_rects())
        return False

    def set_tone_colours(self, scheme: str) -> None:
        if self._card is not None:
            self._card.tone_colours = scheme
        self.refresh()

    def word_info(self, token_index: int) -> WordInfo | None:
        """What the card shows for token `token_index` of the article shown."""
        view = self._view
        readings = view.readings
        if view.article_id is None or readings is None:
            return None
        start, end = readings.tokens.span(token_index)
        info = compose_word_info(
            article_id=view.article_id,
            token_index=token_index,
            start=start,
            end=end,
            word=readings.tokens.word(token_index),
            syllables=readings.reading(token_index),
            overridden=readings.is_overridden(token_index),
            dictionary=self._pinyin.dictionary,
        )
        spoken = readings.shown_reading(token_index, view.spoken_tones)
        if spoken != info.syllables:  # 一 or 不 shown as said; corrections stay written
            info = replace(info, shown_syllables=spoken)
        info = with_shown_form(info, view.document())  # both forms when converted
        return self._with_learning(info)

    def _with_learning(self, info: WordInfo) -> WordInfo:
        """The word's status (the view's copy of the library's statuses, kept by the
        vocabulary controller) and HSK levels (the lists are read on the first hover)."""
        from reader.learning.hsk import hsk_level
        from reader.learning.words import is_word

        if not is_word(info.word):
            return info
        status = self._view.word_statuses.statuses.get(info.word, "new")
        return replace(
            info, status=status, hsk=hsk_level(info.word, "3.0"), hsk2=hsk_level(info.word, "2.0")
        )

    def _request_status(self, article_id: int, token_index: int, status: str) -> None:
        """The card's status buttons take the keys' path (one undoable step)."""
        if article_id == self._view.article_id:
            self._view.word_status_requested.emit(token_index, status)

    def _on_change(self, change: object) -> None:
        """Statuses changed: the card shows its word's new one (the pointer may be in the
        card, so the word is the card's, not the hovered one)."""
        card = self._card
        if not (getattr(change, "words", None) or getattr(change, "everything", False)):
            return
        if card is None or not card.isVisible() or card.info is None:
            return
        if card.info.article_id == self._view.article_id and self._view.tokens is not None:
            info = self.word_info(card.info.token_index)
            if info is not None:
                card.set_info(info)

    def refresh(self) -> None:
        """The card's word got new readings, a correction or the dictionary: show them."""
        card = self._card
        hovered = self._view.hovered_token
        if card is None or not card.isVisible() or hovered is None:
            return
        info = self.word_info(hovered)
        if info is not None:
            card.set_info(info)
            card.fit_height()

    # -- the reading view's announcements --------------------------------------------------------
    def on_word_hovered(self, token_index: int, word_rect: QRect) -> None:
        self._hide_timer.stop()
        info = self.word_info(token_index)
        if info is None:
            return
        self.card.show_word(info, word_rect, self._avoided_rects())
        readings = self._view.readings
        if self._pinyin.started and readings is not None and not readings.is_resolved(token_index):
            # Resolve this word's paragraph next: the card shows "…" until then.
            self._pinyin.focus(info.article_id, info.start)

    def on_word_left(self) -> None:
        self._hide_timer.start()

    def _hide_unless_pointed(self) -> None:
        card = self._card
        if card is None or card.underMouse() or self._view.hovered_token is not None:
            return
        card.hide()

    def on_context_menu(self, token_index: int, position: QPoint) -> None:
        from reader.ui.word_readings_dialog import add_word_reading_actions

        info = self.word_info(token_index)
        readings = self._view.readings
        if info is None or readings is None:
            return
        menu = self.card.correction_menu(info)
        word_reading = readings.word_reading(token_index)
        add_word_reading_actions(menu, info, word_reading, self._service.set_word_reading)
        menu.addSeparator()
        selection = self._view.current_selection()
        offset = selection[0] if selection else info.start
        split = menu.addAction(self.tr("Split article here"))
        split.triggered.connect(lambda: self.split_requested.emit(info.article_id, offset))
        self.context_menu = menu
        menu.popup(position)

    def show_word_readings(self) -> None:
        """Edit ▸ Readings of words…: the reader's readings of words, to remove."""
        from reader.ui.word_readings_dialog import WordReadingsDialog

        dialog = WordReadingsDialog(self._service.word_readings, self._view.window())
        dialog.reading_change_requested.connect(
            lambda word, syllables: self._service.set_word_reading(word, syllables)
        )
        dialog.exec()

    def _reset_reading(self, article_id: int, start: int, end: int) -> None:
        self._service.set_reading_override(article_id, start, end, None)

    # -- the dictionary (built on first run, in the pinyin worker) ------------------------------
    def on_dictionary_progress(self, fraction: float) -> None:
        self._background_label.setText(f"{self.tr(DICTIONARY_PROGRESS)} {round(fraction * 100)} %")
        self._background_label.show()

    def on_dictionary_ready(self) -> None:
        self._background_label.hide()
        self.refresh()

    def on_dictionary_failed(self, message: str) -> None:
        self._background_label.setText(self.tr("Dictionary unavailable"))
        self._background_label.setToolTip(message)
        self._background_label.show()
