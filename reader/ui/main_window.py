"""The main window: article list | reading view, the Annotations dock, menus, a toolbar and a
status bar. Made as a bare frame (painted at once at start-up), then `furnish`ed: it builds
them, restores and saves their state (QSettings), and connects them — every connection in
`_connect`, grouped by emitter — to the controllers that hold the logic:

- `ReadingController`: the article shown, its readings, pinyin, going to annotations, links;
- `HighlightController`: highlights on the text, from the selection, the dock's list;
- `WordCardController`: the hover card, corrected readings, the dictionary's progress;
- `ImportController` / `ExportController`: the jobs, their dialogs and messages;
- `LibraryController`: the article list, the error bar, Check library, failed writes;
- `ArticleEditController`: rename, byline, split, merge, delete (the context menus).

The window itself never reads or writes the library (tests/test_ui_wiring.py checks it). Its
own slots only forward, or keep view state: zoom, pinyin above, tone colours, the window's
title. Other code reaches the logic through the controllers (`window.reading`, …).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

# Start-up time: imported before the frame is painted, this loads only what the frame needs;
# `furnish` imports the rest with `reader.ui.window_parts` (and Qt's `Qt` namespace: PySide6
# builds its ~300 Python enums on first touch, ~14 ms, a sixth of a bare window's start).
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Signal
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QLabel, QSplitter

    from reader.library.store import Article
    from reader.ui.annotation_dock import AnnotationDock
    from reader.ui.article_edit_controller import ArticleEditController
    from reader.ui.article_list import ArticleListPanel
    from reader.ui.backup_keeper import BackupKeeper
    from reader.ui.change_refresh import ChangeRefresh
    from reader.ui.error_bar import ErrorBar
    from reader.ui.export_controller import ExportController
    from reader.ui.highlight_controller import HighlightController
    from reader.ui.import_controller import ImportController
    from reader.ui.library_controller import LibraryController
    from reader.ui.library_service import LibraryService
    from reader.ui.pinyin_service import PinyinService
    from reader.ui.reading_controller import ReadingController
    from reader.ui.reading_view import ReadingView
    from reader.ui.selection_bar import SelectionBar
    from reader.ui.word_card_controller import WordCardController

__all__ = ["APP_TITLE", "NO_CHINESE_FONT_MESSAGE", "MainWindow"]

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Yuedu")  # the name, as the About box says it
OPENING_MESSAGE = QT_TRANSLATE_NOOP("MainWindow", "Opening the library…")
SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_SPLITTER = "main_window/splitter"
SETTINGS_WINDOW_STATE = "main_window/state"
SETTINGS_LAST_ARTICLE = "main_window/last_article"  # one key per library below it
SETTINGS_FONT_WARNING_SHOWN = "warnings/no_chinese_font_shown"
SETTINGS_ZOOM = "reading/zoom_step"
SETTINGS_PINYIN_ABOVE = "reading/pinyin_above"
SETTINGS_TONE_COLOURS = "reading/tone_colours"
NO_CHINESE_FONT_MESSAGE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "No font for Simplified Chinese is installed: characters may show as empty boxes. "
    "Install one, e.g. Noto Sans CJK SC (package fonts-noto-cjk).",
)


class MainWindow(QMainWindow):
    import_requested = Signal(list)  # list[Path]: another `yuedu` was asked to import them
    import_with_encoding_requested = Signal(list, str)  # list[Path], a key of ENCODINGS

    # What `furnish` builds.
    backup_keeper: BackupKeeper | None
    service: LibraryService
    pinyin: PinyinService
    article_list: ArticleListPanel
    reading_view: ReadingView
    selection_bar: SelectionBar
    annotation_dock: AnnotationDock
    splitter: QSplitter
    error_bar: ErrorBar
    count_label: QLabel
    background_label: QLabel
    cards: WordCardController
    highlights: HighlightController
    reading: ReadingController
    library_controller: LibraryController
    imports: ImportController
    exports: ExportController
    article_edits: ArticleEditController
    changes: ChangeRefresh

    def __init__(self, settings: QSettings | None = None) -> None:
        """The window's frame: its title, size and place, and a status line saying the
        library is being opened. This is what the first paint shows, at once, whatever the
        library's size; `furnish` builds the rest once the library is open."""
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(self.tr(APP_TITLE))
        self.setAcceptDrops(True)
        self.furnished, self.backup_keeper = False, None
        # Set when the reader chose to restore a backup in Help ▸ Check library: `run_gui`
        # restores it once this window is closed and the library with it.
        self.recovery_requested = False
        self.early_requests: list[dict] = []  # handed over by another `yuedu` meanwhile
        self.resize(1200, 800)  # a first start's size; the saved one after
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.statusBar().showMessage(self.tr(OPENING_MESSAGE))

    def furnish(self, service: LibraryService) -> None:
        """Build the views, controllers, menus and docks over the open library's service,
        connect them and list the articles (then `restore_state`)."""
        from reader.ui import window_parts as parts

        self.service = service
        self.pinyin = parts.PinyinService(self)
        self._build_views(parts)
        self._build_controllers(parts)
        self.changes = parts.ChangeRefresh(self)  # every committed write, from here or elsewhere
        parts.build_menus(self)  # File, Edit, View, Help; `self.menus` by role, the toolbar
        self._connect(parts)
        self.vocabulary = parts.connect_vocabulary(self)  # word statuses, colours, Words menu
        self.spoken_tones_action = parts.add_spoken_tones_option(self)  # View ▸ Spoken tones
        self.search = parts.install_search(self)  # find bar, Search dock, their menu entries
        self.preferences = parts.install_preferences(self)  # Ctrl+, theme, reading style
        self.script_choice = parts.install_script_choice(self)  # View ▸ Script (issue 16 §4)
        parts.install_library_tools(self)  # source info, update, several articles, switching
        parts.install_narrow_window(self)  # the text keeps ~12 characters; the rest give way
        self.statusBar().clearMessage()
        self.library_controller.refresh_articles()
        self.furnished = True

    # -- construction ----------------------------------------------------------------------
    def _build_views(self, parts: ModuleType) -> None:
        Qt = parts.Qt
        self.article_list = parts.ArticleListPanel(self)
        self.reading_view = parts.ReadingView(self)
        self.selection_bar = parts.SelectionBar(self.reading_view.viewport())
        self.annotation_dock = parts.AnnotationDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotation_dock)
        self.splitter = parts.QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(self.reading_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.splitter.setChildrenCollapsible(False)
        # A failed read is said in a bar above the text that stays until it is dismissed or
        # a retry succeeds.
        self.error_bar = parts.ErrorBar(self)
        central = parts.QWidget(self)
        central_layout = parts.QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.error_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = parts.QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.background_label = parts.QLabel(self)  # the dictionary's first-run progress
        self.background_label.setTextFormat(Qt.TextFormat.PlainText)
        self.background_label.hide()
        self.statusBar().addPermanentWidget(self.background_label)
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_controllers(self, parts: ModuleType) -> None:
        """Each controller gets the service and the views it drives; dialogs it shows are
        parented to the window (window-modal), which is all it knows of the window."""
        view, listing, status = self.reading_view, self.article_list, self.statusBar()
        self.cards = parts.WordCardController(
            self.service, self.pinyin, view, self.background_label, self, self.selection_bar
        )
        self.highlights = parts.HighlightController(
            self.service, view, self.selection_bar, self.annotation_dock, status
        )
        self.reading = parts.ReadingController(
            self.service, self.pinyin, view, listing, self.cards, self.highlights, status, self
        )
        self.library_controller = parts.LibraryController(
            self.service, listing, self.count_label, self.error_bar, self.reading, status, self
        )
        self.imports = parts.ImportController(self.service, listing, status, self)
        self.exports = parts.ExportController(self.service, self.settings, view, status, self)
        self.article_edits = parts.ArticleEditController(
            self.service, listing, view, self.reading, status, self
        )

    def _connect(self, parts: ModuleType) -> None:
        """Every connection of the window, in one place, grouped by emitter. (Objects a
        controller makes later — the word card, a progress dialog, an export runner — are
        wired by that controller when it makes them.)"""
        view, dock, bar = self.reading_view, self.annotation_dock, self.selection_bar
        reading, highlights, cards = self.reading, self.highlights, self.cards
        library, imports = self.library_controller, self.imports

        # The library service: what was saved, imported, or changed elsewhere; failures.
        self.service.changed.connect(self.changes.apply)
        self.service.changed_elsewhere.connect(self.changes.apply)
        self.service.import_started.connect(imports.on_import_started)
        self.service.import_progress.connect(imports.on_import_progress)
        self.service.import_batch_finished.connect(imports.on_batch_finished)
        self.service.write_failed.connect(library.on_write_failed)
        self.service.read_failed.connect(self.error_bar.show_error)

        # The pinyin worker.
        self.pinyin.readings_ready.connect(reading.on_readings_ready)
        self.pinyin.dictionary_progress.connect(cards.on_dictionary_progress)
        self.pinyin.dictionary_ready.connect(cards.on_dictionary_ready)
        self.pinyin.dictionary_failed.connect(cards.on_dictionary_failed)

        # The article list and the error bar.
        self.article_list.article_activated.connect(reading.show_article)
        self.article_list.proxy.rowsInserted.connect(library.update_count)
        self.article_list.proxy.rowsRemoved.connect(library.update_count)
        self.article_list.proxy.modelReset.connect(library.update_count)
        self.error_bar.check_library_requested.connect(library.check_library)
        self.error_bar.retry_requested.connect(library.retry_after_error)
        parts.connect_article_edits(self.article_edits, self.article_list, cards)  # menus

        # The reading view, and the selection bar over it.
        view.first_painted.connect(reading.start_background_services)
        view.reading_position_changed.connect(reading.on_reading_position_changed)
        view.word_hovered.connect(cards.on_word_hovered)
        view.word_left.connect(cards.on_word_left)
        view.word_released.connect(cards.hide)
        view.context_menu_requested.connect(cards.on_context_menu)
        view.zoom_step_requested.connect(self._zoom_by)
        view.text_selected.connect(highlights.on_text_selected)
        view.selection_cleared.connect(bar.hide)
        view.annotations_clicked.connect(highlights.on_annotations_clicked)
        view.verticalScrollBar().valueChanged.connect(bar.hide)
        bar.highlight_requested.connect(highlights.highlight_selection)
        bar.comment_requested.connect(highlights.highlight_and_comment)

        # The Annotations dock.
        dock.filters_changed.connect(highlights.schedule_annotation_list)
        dock.visibilityChanged.connect(highlights.on_dock_visibility)
        dock.annotation_activated.connect(reading.go_to_annotation)
        dock.recolor_requested.connect(self.service.recolor_annotation)
        dock.comment_save_requested.connect(self.service.set_annotation_comment)
        dock.tags_change_requested.connect(self.service.set_annotation_tags)
        dock.delete_requested.connect(self.service.delete_annotation)

        # Controllers' announcements.
        reading.article_opened.connect(self._show_title)
        library.recovery_chosen.connect(self.close_for_recovery)

        # The window's own requests (a drop, another `yuedu` handing over its files).
        self.import_requested.connect(self.service.import_files)
        self.import_with_encoding_requested.connect(self.service.import_files_as)

        # Menus and toolbar.
        self.import_action.triggered.connect(imports.choose_files)
        self.import_with_encoding_action.triggered.connect(imports.choose_files_with_encoding)
        self.export_action.triggered.connect(self.exports.export_annotations)
        self.quit_action.triggered.connect(self.close)
        for colour, action in self.highlight_actions.items():
            action.triggered.connect(lambda _=False, c=colour: highlights.highlight_selection(c))
        self.comment_action.triggered.connect(lambda: highlights.highlight_and_comment())
        self.delete_highlight_action.triggered.connect(highlights.delete_selected_annotation)
        self.word_readings_action.triggered.connect(cards.show_word_readings)
        self.pinyin_above_action.toggled.connect(self.set_pinyin_above)
        self.tone_colour_group.triggered.connect(
            lambda action: self.set_tone_colours(str(action.data()))
        )
        self.zoom_in_action.triggered.connect(lambda: self._zoom_by(1))
        self.zoom_out_action.triggered.connect(lambda: self._zoom_by(-1))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom_step(0))
        self.about_action.triggered.connect(library.show_about)
        self.check_action.triggered.connect(library.check_library)

    # -- view state ------------------------------------------------------------------------
    def set_pinyin_above(self, shown: bool) -> None:
        self.reading_view.set_pinyin_above(shown)
        if self.pinyin_above_action.isChecked() != shown:
            self.pinyin_above_action.setChecked(shown)
        self.settings.setValue(SETTINGS_PINYIN_ABOVE, shown)

    def set_tone_colours(self, scheme: str) -> None:
        from reader.ui.tones import TONE_COLOUR_SCHEMES, TONE_COLOURS_FIVE

        if scheme not in TONE_COLOUR_SCHEMES:
            scheme = TONE_COLOURS_FIVE
        self.reading_view.set_tone_colours(scheme)
        self.cards.set_tone_colours(scheme)
        self.tone_colour_actions[scheme].setChecked(True)
        self.settings.setValue(SETTINGS_TONE_COLOURS, scheme)

    def set_zoom_step(self, step: int) -> None:
        self.reading_view.set_zoom_step(step)
        self.settings.setValue(SETTINGS_ZOOM, self.reading_view.zoom_step)

    def _zoom_by(self, step: int) -> None:
        self.set_zoom_step(self.reading_view.zoom_step + step)

    def _show_title(self, article: Article | None) -> None:
        title = self.tr(APP_TITLE)
        self.setWindowTitle(f"{title} — {article.title}" if article else title)

    def warn_if_no_chinese_font(self) -> bool:
        """Say once per user (QSettings flag) that no Simplified Chinese font exists.
        Returns whether the warning was shown now."""
        from reader.ui.fonts import has_simplified_chinese_font

        if has_simplified_chinese_font():
            return False
        if self.settings.value(SETTINGS_FONT_WARNING_SHOWN, False, type=bool):
            return False
        self.settings.setValue(SETTINGS_FONT_WARNING_SHOWN, True)
        self.statusBar().showMessage(self.tr(NO_CHINESE_FONT_MESSAGE))
        return True

    def restore_state(self) -> None:
        """The furnished window's saved state (the frame restored its size and place)."""
        self.set_zoom_step(int(self.settings.value(SETTINGS_ZOOM, 0)))
        self.set_tone_colours(str(self.settings.value(SETTINGS_TONE_COLOURS, "")))
        self.set_pinyin_above(self.settings.value(SETTINGS_PINYIN_ABOVE, False, type=bool))
        window_state = self.settings.value(SETTINGS_WINDOW_STATE)
        if window_state is not None:
            self.restoreState(window_state)  # docks and toolbar
            # The Vocabulary dock is built on first use: back where it was if it was open.
            self.vocabulary.restore_vocabulary_dock(window_state)
        else:
            from reader.ui.narrow_window import give_docks_room

            give_docks_room(self)
        splitter_state = self.settings.value(SETTINGS_SPLITTER)
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        last = self.settings.value(self._last_article_key, None)
        last_id = int(last) if last not in (None, "") else None
        if last_id is None or not self.article_list.select_article(last_id):
            self.article_list.select_first()

    @property
    def _last_article_key(self) -> str:  # one per library: another's id is another text
        return f"{SETTINGS_LAST_ARTICLE}/{self.reading.library_key}"

    def save_state(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.settings.setValue(SETTINGS_WINDOW_STATE, self.saveState())
        if self.reading_view.article_id is not None:
            self.settings.setValue(self._last_article_key, self.reading_view.article_id)
        self.settings.sync()

    # -- the window's own events -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.imports.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.imports.dropped(event)

    def handle_instance_request(self, request: dict) -> None:
        """Another `yuedu` started on this library: come forward and do what it was asked
        (once furnished: `run_session` hands over what came before)."""
        if self.furnished:
            self._follow_request(request)
        else:
            self.early_requests.append(request)

    def _follow_request(self, request: dict) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        url = request.get("url")
        if isinstance(url, str) and url:
            self.reading.open_deep_link(url)
        files = request.get("files")
        if isinstance(files, list) and files:
            self.import_requested.emit([Path(str(name)) for name in files])

    def attach_backups(self, keeper: BackupKeeper) -> None:
        """Automatic backups: every saved change marks the library as changed."""
        self.backup_keeper = keeper
        keeper.backup_failed.connect(self.library_controller.on_backup_failed)
        keeper.start()

    def close_for_recovery(self) -> None:
        """The reader chose to restore a backup: `run_gui` restores it once this window,
        and the library with it, is closed (the file cannot be replaced while open)."""
        self.recovery_requested = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.furnished:  # closed while the library was opening: nothing to keep
            super().closeEvent(event)
            return
        self.annotation_dock.flush()  # a comment typed a moment ago is saved, not lost
        self.highlights.stop()  # nothing more reads the library after this
        self.save_state()
        self.cards.hide()
        self.imports.cancel()
        super().closeEvent(event)
