"""The main window: article list | reading view. It wires every signal and owns no logic."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from annotations.model import COLORS
from reader.text.tokens import ArticleReadings, Syllables
from reader.text.word_info import WordInfo, compose_word_info
from reader.ui import fonts
from reader.ui.annotation_dock import AnnotationDock
from reader.ui.article_list import ArticleListPanel
from reader.ui.error_bar import ErrorBar, stops_on_read_failure
from reader.ui.external_changes import ExternalChanges
from reader.ui.library_service import ImportBatchReport, LibraryService, ReadFailed
from reader.ui.pinyin_service import PinyinService
from reader.ui.reading_view import ReadingView
from reader.ui.selection_bar import SelectionBar, swatch_icon
from reader.ui.tones import TONE_COLOUR_SCHEMES, TONE_COLOURS_FIVE, TONE_COLOURS_NONE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from reader.ui.backup_keeper import BackupKeeper
    from reader.ui.export_dialog import ExportRequest
    from reader.ui.export_runner import ExportRunner
    from reader.ui.word_card import WordCard

# Dialogs and the word card are made when first needed: importing them costs start-up time
# (PySide6 builds the Python enums of every class it imports) before anything is shown.
MESSAGE_ICONS = ("information", "warning", "critical")

APP_TITLE = "Yuedu"
SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_SPLITTER = "main_window/splitter"
SETTINGS_WINDOW_STATE = "main_window/state"
SETTINGS_LAST_ARTICLE = "main_window/last_article_id"
SETTINGS_FONT_WARNING_SHOWN = "warnings/no_chinese_font_shown"
SETTINGS_ZOOM = "reading/zoom_step"
SETTINGS_PINYIN_ABOVE = "reading/pinyin_above"
SETTINGS_TONE_COLOURS = "reading/tone_colours"
READINGS_KEPT = 8  # articles whose resolved readings stay in memory
CARD_HIDE_DELAY_MS = 250  # time to move the pointer from a word into its card
DICTIONARY_PROGRESS = "Preparing the dictionary (first run only)…"
# More characters than a first screen of an article ever shows, at any zoom.
FIRST_SCREEN_CHARS = 4000
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
    import_with_encoding_requested = Signal(list, str)  # list[Path], a key of ENCODINGS

    def __init__(self, service: LibraryService, settings: QSettings | None = None) -> None:
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.progress_dialog: QProgressDialog | None = None

        self.article_list = ArticleListPanel(self)
        self.reading_view = ReadingView(self)
        self._word_card: WordCard | None = None
        self.export_runner: ExportRunner | None = None
        self.backup_keeper: BackupKeeper | None = None
        # Set when the reader chose to restore a backup in Help ▸ Check library: `run_gui`
        # restores it once this window is closed and the library with it.
        self.recovery_requested = False
        self.pinyin = PinyinService(self)
        self._readings: OrderedDict[int, ArticleReadings] = OrderedDict()
        self.external_changes = ExternalChanges(self)  # answers other processes' writes
        self.selection_bar = SelectionBar(self.reading_view.viewport())
        self.annotation_dock = AnnotationDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotation_dock)
        self._highlights_pending: int | None = None
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._annotation_list_timer = QTimer(self)
        self._annotation_list_timer.setSingleShot(True)
        self._annotation_list_timer.setInterval(0)
        self._card_hide_timer = QTimer(self)
        self._card_hide_timer.setSingleShot(True)
        self._card_hide_timer.setInterval(CARD_HIDE_DELAY_MS)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(self.reading_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.splitter.setChildrenCollapsible(False)
        # A failed read is said in a bar above the text that stays until it is dismissed or
        # a retry succeeds.
        self.error_bar = ErrorBar(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.error_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.background_label = QLabel(self)
        self.background_label.setTextFormat(Qt.TextFormat.PlainText)
        self.background_label.hide()
        self.statusBar().addPermanentWidget(self.background_label)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_menu()
        self._wire()
        self.refresh_articles()
        self.resize(1200, 800)

    # -- construction ----------------------------------------------------------------------
    def _build_menu(self) -> None:
        self._build_file_menu()
        self._build_edit_menu()
        self._build_view_menu()
        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = QAction("&About Yuedu", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.check_action = QAction("&Check library", self)
        self.check_action.triggered.connect(self.check_library)
        help_menu.addAction(self.check_action)

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu("&View")
        self.pinyin_above_action = QAction("&Pinyin above the text", self)
        self.pinyin_above_action.setCheckable(True)
        self.pinyin_above_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pinyin_above_action.setToolTip("Show pinyin above every character (Ctrl+Shift+P)")
        view_menu.addAction(self.pinyin_above_action)

        tone_menu = view_menu.addMenu("&Tone colours")
        self.tone_colour_group = QActionGroup(self)
        self.tone_colour_actions: dict[str, QAction] = {}
        for scheme, label in ((TONE_COLOURS_NONE, "&None"), (TONE_COLOURS_FIVE, "&Five colours")):
            action = QAction(label, self, checkable=True)
            action.setData(scheme)
            self.tone_colour_group.addAction(action)
            tone_menu.addAction(action)
            self.tone_colour_actions[scheme] = action

        view_menu.addAction(self.annotation_dock.toggleViewAction())
        view_menu.addSeparator()
        self.zoom_in_action = QAction("Zoom &in", self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = QAction("Zoom &out", self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_reset_action = QAction("&Actual size", self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)

        toolbar = self.addToolBar("Reading")
        toolbar.setObjectName("reading_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.pinyin_above_action)
        self.reading_toolbar = toolbar

    def _build_edit_menu(self) -> None:
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.service.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.service.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        highlight_menu = edit_menu.addMenu("&Highlight selection")
        self.highlight_actions: dict[str, QAction] = {}
        for number, colour in enumerate(COLORS, start=1):
            action = QAction(swatch_icon(colour), colour.capitalize(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setData(colour)
            highlight_menu.addAction(action)
            self.highlight_actions[colour] = action
        self.comment_action = QAction("Highlight and &comment", self)
        self.comment_action.setShortcut(QKeySequence("Ctrl+M"))
        edit_menu.addAction(self.comment_action)
        self.delete_highlight_action = QAction("&Delete highlight", self)
        self.delete_highlight_action.setShortcut(QKeySequence("Ctrl+Backspace"))
        edit_menu.addAction(self.delete_highlight_action)

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_files_to_import)
        file_menu.addAction(self.import_action)
        self.import_with_encoding_action = QAction("Import with E&ncoding…", self)
        self.import_with_encoding_action.triggered.connect(self.choose_files_to_import_as)
        file_menu.addAction(self.import_with_encoding_action)
        self.export_action = QAction("&Export annotations…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_annotations)
        file_menu.addAction(self.export_action)
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
        self.import_with_encoding_requested.connect(self.service.import_files_as)
        self.service.articles_changed.connect(self.refresh_articles)
        self.service.import_started.connect(self._on_import_started)
        self.service.import_progress.connect(self._on_import_progress)
        self.service.import_batch_finished.connect(self._on_import_batch_finished)
        self.service.reading_override_changed.connect(self._on_reading_override_changed)
        self.service.write_failed.connect(self._on_write_failed)
        self.service.read_failed.connect(self.error_bar.show_error)
        self.error_bar.check_library_requested.connect(self.check_library)
        self.error_bar.retry_requested.connect(self.retry_after_error)
        self.service.changed_elsewhere.connect(self.external_changes.refresh)

        view = self.reading_view
        view.first_painted.connect(self.start_background_services)
        view.word_hovered.connect(self._on_word_hovered)
        view.word_left.connect(self._card_hide_timer.start)
        view.context_menu_requested.connect(self._on_word_context_menu)
        view.reading_position_changed.connect(self._on_reading_position_changed)
        view.zoom_step_requested.connect(lambda step: self.set_zoom_step(view.zoom_step + step))
        self._card_hide_timer.timeout.connect(self._hide_card_unless_pointed)

        self.pinyin.readings_ready.connect(self._on_readings_ready)
        self.pinyin.dictionary_progress.connect(self._on_dictionary_progress)
        self.pinyin.dictionary_ready.connect(self._on_dictionary_ready)
        self.pinyin.dictionary_failed.connect(self._on_dictionary_failed)

        self.pinyin_above_action.toggled.connect(self.set_pinyin_above)
        self.tone_colour_group.triggered.connect(
            lambda action: self.set_tone_colours(str(action.data()))
        )
        self.zoom_in_action.triggered.connect(lambda: self.set_zoom_step(view.zoom_step + 1))
        self.zoom_out_action.triggered.connect(lambda: self.set_zoom_step(view.zoom_step - 1))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom_step(0))

        # Highlights and comments.
        self.service.annotations_changed.connect(self._on_annotations_changed)
        self.service.articles_updated.connect(self._on_articles_updated)
        self.service.update_policy = self.ask_update_or_new
        view.text_selected.connect(self._on_text_selected)
        view.selection_cleared.connect(self.selection_bar.hide)
        view.annotations_clicked.connect(self._on_annotations_clicked)
        view.verticalScrollBar().valueChanged.connect(self.selection_bar.hide)
        self.selection_bar.highlight_requested.connect(self.highlight_selection)
        self.selection_bar.comment_requested.connect(
            lambda colour: self.highlight_selection(colour, comment=True)
        )
        for colour, action in self.highlight_actions.items():
            action.triggered.connect(lambda _=False, c=colour: self.highlight_selection(c))
        self.comment_action.triggered.connect(
            lambda: self.highlight_selection("yellow", comment=True)
        )
        self.delete_highlight_action.triggered.connect(self.delete_selected_annotation)
        dock = self.annotation_dock
        dock.filters_changed.connect(self.schedule_annotation_list)
        dock.visibilityChanged.connect(lambda shown: shown and self.schedule_annotation_list())
        self._annotation_list_timer.timeout.connect(self.refresh_annotation_list)
        self._highlight_timer.timeout.connect(self.load_all_highlights)
        dock.annotation_activated.connect(self.go_to_annotation)
        dock.recolor_requested.connect(self.service.recolor_annotation)
        dock.comment_save_requested.connect(self.service.set_annotation_comment)
        dock.tags_change_requested.connect(self.service.set_annotation_tags)
        dock.delete_requested.connect(self.service.delete_annotation)

    # -- articles --------------------------------------------------------------------------
    @stops_on_read_failure
    def refresh_articles(self) -> None:
        self.article_list.set_articles(self.service.articles())

    def retry_after_error(self) -> None:
        """The error bar's "Try again": read the list and the open article anew; the bar
        goes once that worked (a new failure shows it again)."""
        self.error_bar.hide()
        shown = self.reading_view.article_id
        self._readings.clear()
        self.refresh_articles()
        if shown is not None and not self.error_bar.isVisible():
            self.reading_view.clear_article()
            self.show_article(shown)

    def show_article(self, article_id: int) -> None:
        if article_id == self.reading_view.article_id:
            return
        shown = self.reading_view.article_id
        try:
            self._show_article(article_id)
        except ReadFailed:
            # Not half-switched: the list goes back to the article still shown (the error
            # bar says why).
            if shown is not None and self.reading_view.article_id == shown:
                self.article_list.select_article(shown)

    def _show_article(self, article_id: int) -> None:
        self.hide_word_card()
        article = self.service.article(article_id)
        if article is None:
            self.reading_view.clear_article()
            self.setWindowTitle(APP_TITLE)
            return
        readings = self._readings.get(article_id)
        if readings is None:
            tokens = self.service.article_tokens(article)
            readings = ArticleReadings(tokens, self.service.reading_overrides(article_id))
            self._readings[article_id] = readings
            while len(self._readings) > READINGS_KEPT:
                self._readings.popitem(last=False)
        self._readings.move_to_end(article_id)
        self.reading_view.show_article(article, readings.tokens, readings)
        self.setWindowTitle(f"{APP_TITLE} — {article.title}")
        self.selection_bar.hide()
        self.annotation_dock.show_editor(None)
        if len(article.text) > FIRST_SCREEN_CHARS:
            # Paint the top of the article with the highlights that can be there, and load
            # the rest right after: an article with 10,000 highlights opens as fast as one
            # with a few.
            self.reading_view.set_annotations(
                self.service.highlight_spans(article_id, starting_before=FIRST_SCREEN_CHARS)
            )
            self._highlights_pending = article_id
            self._highlight_timer.start()
        else:
            self._highlights_pending = None
            self.reading_view.set_annotations(self.service.highlight_spans(article_id))
        self.schedule_annotation_list()
        if self.pinyin.started:
            self.pinyin.request_article(article_id, readings.tokens)

    # -- pinyin and the word card ----------------------------------------------------------
    @property
    def word_card(self) -> WordCard:
        """The hover card, made (and wired) on first use."""
        if self._word_card is None:
            from reader.ui.word_card import WordCard

            card = WordCard(self)
            card.tone_colours = self.reading_view.tone_colours
            card.pointer_left.connect(self._card_hide_timer.start)
            card.reading_override_requested.connect(self.service.set_reading_override)
            card.reading_reset_requested.connect(
                lambda article, start, end: self.service.set_reading_override(
                    article, start, end, None
                )
            )
            self._word_card = card
        return self._word_card

    def hide_word_card(self) -> None:
        if self._word_card is not None:
            self._word_card.hide()

    def start_background_services(self) -> None:
        """After the first paint: dictionary and pinyin load in their worker thread."""
        if self.pinyin.started:
            return
        self.pinyin.start()
        view = self.reading_view
        if view.article_id is not None and view.tokens is not None:
            self.pinyin.request_article(view.article_id, view.tokens)

    def word_info(self, token_index: int) -> WordInfo | None:
        view = self.reading_view
        readings = view.readings
        if view.article_id is None or readings is None:
            return None
        start, end = readings.tokens.span(token_index)
        return compose_word_info(
            article_id=view.article_id,
            token_index=token_index,
            start=start,
            end=end,
            word=readings.tokens.word(token_index),
            syllables=readings.reading(token_index),
            overridden=readings.is_overridden(token_index),
            dictionary=self.pinyin.dictionary,
        )

    def _on_word_hovered(self, token_index: int, word_rect: QRect) -> None:
        self._card_hide_timer.stop()
        info = self.word_info(token_index)
        if info is not None:
            self.word_card.show_word(info, word_rect)
            if self.pinyin.started and not self.reading_view.readings.is_resolved(token_index):
                self.pinyin.focus(info.article_id, info.start)

    def _refresh_card(self) -> None:
        view = self.reading_view
        if self._word_card is None:
            return
        if self.word_card.isVisible() and view.hovered_token is not None:
            info = self.word_info(view.hovered_token)
            if info is not None:
                self.word_card.set_info(info)
                self.word_card.fit_height()

    def _hide_card_unless_pointed(self) -> None:
        if self._word_card is None:
            return
        if self._word_card.underMouse() or self.reading_view.hovered_token is not None:
            return
        self._word_card.hide()

    def _on_word_context_menu(self, token_index: int, position: QPoint) -> None:
        info = self.word_info(token_index)
        if info is not None:
            self.word_card.correction_menu(info).popup(position)

    def _on_reading_position_changed(self, offset: int) -> None:
        if self.pinyin.started and self.reading_view.article_id is not None:
            self.pinyin.focus(self.reading_view.article_id, offset)

    def _on_readings_ready(self, article_id: int, first_token: int, readings: list) -> None:
        cached = self._readings.get(article_id)
        if cached is None:
            return
        cached.set_resolved(first_token, readings)
        if article_id == self.reading_view.article_id:
            self.reading_view.readings_updated()
            self._refresh_card()

    def _on_reading_override_changed(
        self, article_id: int, start: int, end: int, syllables: Syllables | None
    ) -> None:
        cached = self._readings.get(article_id)
        if cached is not None:
            cached.set_override(start, end, syllables)
        if article_id == self.reading_view.article_id:
            self.reading_view.readings_updated()
            self._refresh_card()
        self.statusBar().showMessage("Reading saved.", 3000)

    def _on_write_failed(self, message: str) -> None:
        self.show_message("warning", "Not saved", message)

    def _on_dictionary_progress(self, fraction: float) -> None:
        # In a label of its own: the status bar's messages (an import's result, "Saved.")
        # must not be overwritten by background work.
        self.background_label.setText(f"{DICTIONARY_PROGRESS} {round(fraction * 100)} %")
        self.background_label.show()

    def _on_dictionary_ready(self) -> None:
        self.background_label.hide()
        self._refresh_card()

    def _on_dictionary_failed(self, message: str) -> None:
        self.background_label.setText("Dictionary unavailable")
        self.background_label.setToolTip(message)
        self.background_label.show()

    # -- highlights and comments -----------------------------------------------------------
    @stops_on_read_failure
    def highlight_selection(self, colour: str, comment: bool = False) -> str | None:
        """Highlight the selected text in `colour`; with `comment`, open its comment editor.
        Returns the new annotation's id (None when nothing was selected or saving failed)."""
        view = self.reading_view
        selection = view.current_selection()
        if view.article_id is None or selection is None:
            self.statusBar().showMessage("Select some text to highlight first.", 4000)
            return None
        annotation = self.service.create_annotation(view.article_id, *selection, colour)
        self.selection_bar.hide()
        if annotation is None:
            return None
        cursor = view.textCursor()
        cursor.clearSelection()
        view.setTextCursor(cursor)
        self.select_annotation(annotation.id)
        if comment:
            self.annotation_dock.edit_comment()
        return annotation.id

    @stops_on_read_failure
    def select_annotation(self, annotation_id: str | None) -> None:
        annotation = self.service.annotation(annotation_id) if annotation_id else None
        self.reading_view.select_annotation(annotation.id if annotation else None)
        if annotation is not None and not self.annotation_dock.isVisible():
            self.annotation_dock.show()
        self.annotation_dock.show_editor(annotation)

    @stops_on_read_failure
    def load_all_highlights(self) -> None:
        """The rest of the current article's highlights (see `show_article`)."""
        article_id, self._highlights_pending = self._highlights_pending, None
        self._highlight_timer.stop()
        if article_id is not None and article_id == self.reading_view.article_id:
            self.reading_view.set_annotations(self.service.highlight_spans(article_id))

    @stops_on_read_failure
    def go_to_annotation(self, annotation_id: str, article_id: int) -> None:
        """Open the annotation's article if needed, scroll to the passage and flash it."""
        if article_id != self.reading_view.article_id:
            self.article_list.select_article(article_id)
            self.show_article(article_id)
        self.load_all_highlights()  # the passage may lie below the first screen
        self.reading_view.reveal_annotation(annotation_id)
        self.select_annotation(annotation_id)

    def delete_selected_annotation(self) -> None:
        current = self.annotation_dock.current
        if current is not None:
            self.service.delete_annotation(current.id)

    def schedule_annotation_list(self) -> None:
        """Re-list the dock once the current event is done: a burst of changes (or an
        article opening) costs one listing, after the text has painted."""
        self._annotation_list_timer.start()

    @stops_on_read_failure
    def refresh_annotation_list(self) -> None:
        dock = self.annotation_dock
        if not dock.isVisible():
            return  # listed when it is shown again
        filters = dock.filters()
        dock.set_tags(self.service.annotation_tags())
        if dock.whole_library:
            titles = {a.id: a.title for a in self.service.articles()}
            dock.set_annotations(self.service.search_annotations(**filters), titles)
        elif self.reading_view.article_id is not None:
            article_id = self.reading_view.article_id
            dock.set_annotations(self.service.search_annotations(article_id=article_id, **filters))
        else:
            dock.set_annotations([])

    @stops_on_read_failure
    def _on_annotations_changed(self, article_id: int) -> None:
        if article_id == self.reading_view.article_id:
            self._highlights_pending = None
            self._highlight_timer.stop()
            self.reading_view.set_annotations(self.service.highlight_spans(article_id))
        current = self.annotation_dock.current
        if current is not None:
            fresh = self.service.annotation(current.id)
            if fresh is None:
                self.select_annotation(None)  # it was deleted (or its creation undone)
            else:
                self.annotation_dock.show_editor(fresh)
        self.schedule_annotation_list()
        self.statusBar().showMessage("Saved.", 2000)

    def ask_update_or_new(self, file_name: str) -> str:
        """A changed version of an imported file: update it in place, or import it anew?"""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Update articles?",
            f"{file_name} was imported before, and its text has changed.\n\n"
            "Update the articles in place? Your highlights, comments and corrected readings "
            "are kept and placed again on the new text; any that cannot be found are kept "
            "as orphans.",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        update = box.addButton("Update", QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton("Import as new", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Skip", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(update)
        box.exec()
        clicked = box.clickedButton()
        return "update" if clicked is update else "new" if clicked is new else "skip"

    @stops_on_read_failure
    def _on_articles_updated(self, article_ids: list) -> None:
        for article_id in article_ids:
            self._readings.pop(article_id, None)
        current = self.reading_view.article_id
        if current in article_ids:
            self.reading_view.clear_article()  # its text may have changed: show it anew
            self.show_article(current)

    def _on_text_selected(self, start: int, end: int, end_rect: QRect) -> None:
        view = self.reading_view
        point = view.viewport().mapFromGlobal(end_rect.bottomLeft())
        self.selection_bar.show_below(point)

    @stops_on_read_failure
    def _on_annotations_clicked(self, annotation_ids: list, position: QPoint) -> None:
        if len(annotation_ids) == 1:
            self.select_annotation(annotation_ids[0])
            return
        # Overlapping highlights: let the reader pick which one.
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for annotation_id in annotation_ids:
            annotation = self.service.annotation(annotation_id)
            if annotation is None:
                continue
            quote = annotation.quote if len(annotation.quote) <= 30 else annotation.quote[:30] + "…"
            action = menu.addAction(swatch_icon(annotation.color), quote)
            action.triggered.connect(lambda _=False, i=annotation_id: self.select_annotation(i))
        self.overlap_menu = menu
        menu.popup(position)

    # -- export ----------------------------------------------------------------------------
    def export_annotations(self) -> None:
        """File ▸ Export annotations…: ask what and where, then export in the background."""
        from reader.ui.export_dialog import ExportDialog

        try:
            articles = self.service.articles()
        except ReadFailed:
            return  # the error bar says why
        request, ok = ExportDialog.get_request(
            self, self.settings, articles, self.reading_view.article_id
        )
        if ok and request is not None:
            self.start_export(request)

    def start_export(self, request: ExportRequest, *, force: bool = False) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from reader.ui.export_runner import ExportRunner

        if self.service.library_path is None:
            return
        runner = ExportRunner(self.service.library_path, self)
        dialog = QProgressDialog("Exporting annotations…", "Cancel", 0, PROGRESS_STEPS, self)
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_SHOW_AFTER_MS)
        dialog.canceled.connect(runner.cancel)
        runner.progressed.connect(
            lambda fraction: dialog.setValue(round(fraction * PROGRESS_STEPS))
        )

        def done(message: str) -> None:
            dialog.reset()
            dialog.deleteLater()
            self.statusBar().showMessage(message, 8000)
            self.export_runner = None

        def finished(paths: list) -> None:
            where = paths[0] if len(paths) == 1 else f"{len(paths)} files in {request.destination}"
            done(f"Exported to {where}.")

        def overwrite(paths: list) -> None:
            done("")
            if self.confirm_overwrite(paths):
                self.start_export(request, force=True)

        def failed(message: str) -> None:
            done("Export failed.")
            self.show_message("warning", "Export failed", message)

        runner.finished.connect(finished)
        runner.needs_overwrite.connect(overwrite)
        runner.failed.connect(failed)
        runner.cancelled.connect(lambda: done("Export cancelled; no file was half-written."))
        self.export_runner = runner
        runner.start(request, force=force)

    def confirm_overwrite(self, paths: list) -> bool:
        from PySide6.QtWidgets import QMessageBox

        shown = "\n".join(paths[:8]) + ("\n…" if len(paths) > 8 else "")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Overwrite?",
            f"{len(paths)} file(s) already exist:\n{shown}\n\nReplace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def handle_instance_request(self, request: dict) -> None:
        """Another `yuedu` started on this library: come forward and do what it was asked."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        url = request.get("url")
        if isinstance(url, str) and url:
            self.open_deep_link(url)
        files = request.get("files")
        if isinstance(files, list) and files:
            self.import_requested.emit([Path(str(name)) for name in files])

    def attach_backups(self, keeper: BackupKeeper) -> None:
        """Automatic backups: every saved change marks the library as changed."""
        self.backup_keeper = keeper
        self.service.articles_changed.connect(keeper.note_change)
        self.service.annotations_changed.connect(keeper.note_change)
        self.service.reading_override_changed.connect(keeper.note_change)
        keeper.backup_failed.connect(
            lambda message: self.statusBar().showMessage(f"Backup failed: {message}", 10000)
        )
        keeper.start()

    def check_library(self) -> QMessageBox:
        """Help ▸ Check library: the same checks as at start-up, reported in words; when
        there are problems and a good backup, restoring it is offered (see
        `reader.ui.damage_dialogs.check_library_box`)."""
        from reader.ui.damage_dialogs import check_library_box

        path = self.service.library_path
        if path is None:
            return self.show_message("information", "Check library", "The library is in memory.")
        return check_library_box(self, path, self.close_for_recovery)

    def close_for_recovery(self) -> None:
        """The reader chose to restore a backup: `run_gui` restores it once this window,
        and the library with it, is closed (the file cannot be replaced while open)."""
        self.recovery_requested = True
        self.close()

    @stops_on_read_failure
    def open_deep_link(self, url: str) -> bool:
        """Open yuedu://article/<id>?annotation=<uuid> at its passage."""
        from annotations.export import parse_deep_link

        try:
            article_id, annotation_id = parse_deep_link(url)
        except ValueError as error:
            self.show_message("warning", "Cannot open link", str(error))
            return False
        if self.service.article(article_id) is None:
            self.show_message("warning", "Cannot open link", f"There is no article {article_id}.")
            return False
        self.article_list.select_article(article_id)
        self.show_article(article_id)
        if annotation_id is not None:
            annotation = self.service.annotation(annotation_id)
            if annotation is not None and annotation.article_id == article_id:
                self.go_to_annotation(annotation_id, article_id)
        return True

    # -- reading preferences ---------------------------------------------------------------
    def set_pinyin_above(self, shown: bool) -> None:
        self.reading_view.set_pinyin_above(shown)
        if self.pinyin_above_action.isChecked() != shown:
            self.pinyin_above_action.setChecked(shown)
        self.settings.setValue(SETTINGS_PINYIN_ABOVE, shown)

    def set_tone_colours(self, scheme: str) -> None:
        if scheme not in TONE_COLOUR_SCHEMES:
            scheme = TONE_COLOURS_FIVE
        self.reading_view.set_tone_colours(scheme)
        if self._word_card is not None:
            self._word_card.tone_colours = scheme
        self.tone_colour_actions[scheme].setChecked(True)
        self.settings.setValue(SETTINGS_TONE_COLOURS, scheme)
        self._refresh_card()

    def set_zoom_step(self, step: int) -> None:
        self.reading_view.set_zoom_step(step)
        self.settings.setValue(SETTINGS_ZOOM, self.reading_view.zoom_step)

    def show_about(self) -> QMessageBox:
        from reader import __version__
        from reader.text.dictionary import attribution

        return self.show_message(
            "information",
            "About Yuedu",
            f"Yuedu {__version__}: read and annotate Chinese text.\n\n"
            "Word segmentation: jieba. Pinyin: pypinyin and g2pM.\n"
            f"{attribution()}",
        )

    def _update_count(self) -> None:
        total = self.article_list.model.rowCount()
        shown = self.article_list.proxy.rowCount()
        noun = "article" if total == 1 else "articles"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        self.count_label.setText(text)

    # -- importing -------------------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        paths = self._ask_for_text_files("Import text files")
        if paths:
            self.import_requested.emit(paths)

    def choose_files_to_import_as(self) -> None:
        """Import files read as an encoding the reader chooses: for a file whose encoding
        was guessed wrong, or that mixes encodings."""
        from PySide6.QtWidgets import QInputDialog

        from reader.text.decode import ENCODING_CHOICES  # not needed before this

        paths = self._ask_for_text_files("Import text files with an encoding")
        if not paths:
            return
        labels = list(ENCODING_CHOICES)
        label, chosen = QInputDialog.getItem(
            self, "Encoding", "Read the files as:", labels, 0, False
        )
        if chosen:
            self.import_with_encoding_requested.emit(paths, ENCODING_CHOICES[label])

    def _ask_for_text_files(self, caption: str) -> list[Path]:
        # A dialog that never opens the files it lists: the library's folder may be shown.
        from reader.ui.file_dialogs import ask_open_file_names

        return ask_open_file_names(self, caption)

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
        from PySide6.QtWidgets import QProgressDialog

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
        updates = [o.update for o in report.outcomes if o.update is not None]
        if report.cancelled:
            status = "Import cancelled; the file being imported was not saved."
        else:
            status = f"Imported {added} article{'s' if added != 1 else ''}." if added else ""
            for update in updates:
                notes = update.annotations
                status += (
                    f" Updated {update.articles_updated} article(s); annotations: "
                    f"{notes.stayed} stayed, {notes.moved} moved, {notes.orphaned} orphaned."
                )
        self.statusBar().showMessage(status, 8000)

        problems = [message for _, message in report.failures]
        notes = [warning for outcome in report.outcomes for warning in outcome.warnings]
        if problems:
            self.show_message("warning", "Not imported", "\n\n".join(problems + notes))
        elif notes:
            self.show_message("information", "Import", "\n\n".join(notes))

    # -- messages --------------------------------------------------------------------------
    def show_message(self, level: str, title: str, text: str) -> QMessageBox:
        """A window-modal box that does not block the caller (tests find it as a child)."""
        from PySide6.QtWidgets import QMessageBox

        icons = {
            "information": QMessageBox.Icon.Information,
            "warning": QMessageBox.Icon.Warning,
            "critical": QMessageBox.Icon.Critical,
        }
        box = QMessageBox(icons[level], title, text, QMessageBox.StandardButton.Ok, self)
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
        self.set_zoom_step(int(self.settings.value(SETTINGS_ZOOM, 0)))
        self.set_tone_colours(str(self.settings.value(SETTINGS_TONE_COLOURS, TONE_COLOURS_FIVE)))
        self.set_pinyin_above(self.settings.value(SETTINGS_PINYIN_ABOVE, False, type=bool))
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        window_state = self.settings.value(SETTINGS_WINDOW_STATE)
        if window_state is not None:
            self.restoreState(window_state)  # docks and toolbar
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
        self.settings.setValue(SETTINGS_WINDOW_STATE, self.saveState())
        if self.reading_view.article_id is not None:
            self.settings.setValue(SETTINGS_LAST_ARTICLE, self.reading_view.article_id)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.annotation_dock.flush()  # a comment typed a moment ago is saved, not lost
        self._annotation_list_timer.stop()  # nothing more reads the library after this
        self._highlight_timer.stop()
        self.save_state()
        self.hide_word_card()
        self.service.cancel_import()
        super().closeEvent(event)
