"""The window's side of the learning layer (issue 14): word statuses from the keyboard
(1–4, K, I, 0/N on the hovered word or the word cursor), each an undoable step; the view's
word colours (View ▸ Word colours, remembered); the article list's "92 % known · 37 new"
and its sort; "Mark the article's new words known", "I know HSK ≤ N", vocabulary export
and known-word import. The core is `reader.learning`; this only asks it and refreshes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMenu

from reader.library.change import Change
from reader.library.files import EXPORT_VOCABULARY_OVER_IT, READ_AS_WORD_LIST
from reader.ui.core_text import error_text
from reader.ui.status_keys import install_status_keys
from reader.ui.word_status_layer import MODES, OFF

if TYPE_CHECKING:
    from reader.learning.statuses import StatusStep
    from reader.ui.main_window import MainWindow
    from reader.ui.vocabulary_dock import VocabularyDock, VocabularyDockController

MODE_KEY = "view/word_colours"
VOCABULARY_DOCK_NAME = "vocabulary_dock"  # its objectName, in the window's saved state
SORT_KEY = "view/sort_by_known_share"
STATUS_MS = 5000


class StatusCommand(QUndoCommand):
    """One status step on the undo stack (done already when pushed)."""

    def __init__(self, controller: VocabularyController, step: StatusStep) -> None:
        super().__init__(step.op)
        self._controller = controller
        self._step = step
        self._done = True

    def undo(self) -> None:
        from reader.learning.statuses import undo

        self._controller.guarded(lambda library: undo(library, self._step))

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        from reader.learning.statuses import set_statuses

        words = [word for word, _ in self._step.before]
        self._controller.guarded(
            lambda library: set_statuses(library, words, self._step.status, self._step.op)
        )


class VocabularyController(QObject):
    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.view = window.reading_view
        self.service = window.service
        self.view.word_statuses.mode = str(settings.value(MODE_KEY, OFF))
        self.dock_controller: VocabularyDockController | None = None  # made on first open
        self.refresh()

    def guarded(self, write):  # noqa: ANN001, ANN201 - write(library) -> anything
        """Run a write through the core; a failure is said in the error bar."""
        from reader.learning.hsk import HskRefused
        from reader.learning.words import WordRefused

        try:
            return write(self.service.library)
        except (WordRefused, HskRefused) as error:
            self.service.write_failed.emit(error_text(error))
        except (sqlite3.Error, OSError) as error:
            self.service.report_write_error(error)
        return None

    # -- following the library ------------------------------------------------------------
    def refresh(self) -> None:
        from reader.learning.counts import known_shares, rated_statuses

        library = self.service.library
        self.view.word_statuses.statuses = rated_statuses(library.conn)
        self._window.article_list.model.set_figures(known_shares(library.conn))
        self.view.viewport().update()

    def on_change(self, change: Change) -> None:
        if change.words or change.articles or change.everything or change.external:
            self.refresh()

    # -- the reader's requests ------------------------------------------------------------
    def on_status_requested(self, token_index: int, status: str) -> None:
        from reader.learning.statuses import Met, set_status

        view, article_id = self.view, self.view.article_id
        if view.tokens is None or article_id is None:
            return
        start, end = view.tokens.span(token_index)
        syllables = view.readings.reading(token_index) if view.readings is not None else None
        met = Met(article_id, start, end, tuple(syllables) if syllables else None)
        word = view.tokens.word(token_index)
        step = self.guarded(lambda library: set_status(library, word, status, met=met))
        if step is not None:
            self.service.undo_stack.push(StatusCommand(self, step))

    def mark_article_known(self) -> None:
        from reader.learning.statuses import mark_article_known

        article_id = self.view.article_id
        if article_id is not None:
            step = self.guarded(lambda library: mark_article_known(library, article_id))
            self._pushed(step)

    def known_up_to_hsk(self) -> None:
        from reader.learning.statuses import known_up_to_hsk

        level, ok = QInputDialog.getInt(
            self._window,
            self.tr("I know HSK up to…"),
            self.tr("Mark every HSK 3.0 word up to level:"),
            2,
            1,
            9,
        )
        if ok:
            step = self.guarded(lambda library: known_up_to_hsk(library, level, "3.0"))
            self._pushed(step)

    def _pushed(self, step: StatusStep | None) -> None:
        """A step of many words done: on the undo stack (if it changed any), and said."""
        if step is None:
            return  # refused: the error bar says why
        if step.count:
            self.service.undo_stack.push(StatusCommand(self, step))
        self._window.statusBar().showMessage(
            self.tr("Marked %n word(s) known.", "", step.count), STATUS_MS
        )

    def export_vocabulary(self) -> None:
        from reader.learning.vocabulary import vocabulary
        from reader.ui.file_dialogs import ask_save_file_name

        # Yuedu's own chooser, never Qt's dialog (see reader.ui.file_dialogs), and never a
        # file of the library itself (opening it would drop SQLite's locks).
        path = ask_save_file_name(
            self._window, self.tr("Export vocabulary"), str(Path.home() / "vocabulary.apkg"),
            self.tr("Anki deck (*.apkg);;Pleco flashcards (*.txt *.tsv *.csv)"),
        )  # fmt: skip
        if not path or self._is_library_file(Path(path), EXPORT_VOCABULARY_OVER_IT):
            return
        entries = self.guarded(lambda library: vocabulary(library, dictionary=self._dictionary()))
        if entries is None:
            return
        try:
            if path.lower().endswith(".apkg"):
                from reader.learning.anki import write_apkg

                write_apkg(entries, Path(path))
            else:
                from reader.learning.flashcards import write_pleco

                write_pleco(entries, Path(path))
        except OSError as error:
            self.service.write_failed.emit(
                self.tr("The vocabulary was not written: {reason}").format(reason=error_text(error))
            )
            return
        self._window.statusBar().showMessage(
            self.tr("Exported %n word(s) to {file}.", "", len(entries)).format(
                file=Path(path).name
            ),
            STATUS_MS,
        )

    def import_known_words(self) -> None:
        from reader.learning.flashcards import ImportRefused, import_known_words
        from reader.ui.file_dialogs import ask_open_file_names

        chosen = ask_open_file_names(
            self._window,
            self.tr("Import known words"),
            self.tr("Word lists and Anki decks (*.txt *.tsv *.csv *.apkg *.colpkg);;All files (*)"),
        )
        if not chosen or self._is_library_file(chosen[0], READ_AS_WORD_LIST):
            return
        path = str(chosen[0])
        try:
            report = self.guarded(lambda library: import_known_words(library, Path(path)))
        except ImportRefused as error:
            self.service.write_failed.emit(error_text(error))  # the message names the file
            return
        if report is not None:
            if report.step is not None:
                self.service.undo_stack.push(StatusCommand(self, report.step))
            self._window.statusBar().showMessage(
                self.tr(
                    "{known} word(s) now known, {already} already known, {other} line(s) not words"
                ).format(
                    known=report.made_known,
                    already=report.already_known,
                    other=report.not_words,
                )
            )

    def _is_library_file(self, path: Path, doing: str) -> bool:
        """Whether `path` is one of the library's own files: said, and left unopened."""
        from reader.library.files import LibraryFileRefused, refuse_library_file

        try:
            refuse_library_file(path, self.service.library_path, doing)
        except LibraryFileRefused as error:
            self.service.write_failed.emit(error_text(error))
            return True
        return False

    def _dock(self) -> VocabularyDockController:
        """The dock's controller, built (and its dock with it) at its first use."""
        if self.dock_controller is None:
            from reader.ui.vocabulary_dock import VocabularyDockController

            self.dock_controller = VocabularyDockController(self._window, self)
        return self.dock_controller

    def open_vocabulary_dock(self) -> VocabularyDock:
        return self._dock().open()

    def restore_vocabulary_dock(self, window_state: object) -> bool:
        """After the window's state was restored: the dock back as it was if it was open
        (built lazily, so restoreState could not place it). The saved state is only looked
        through for the dock's name (a QString, UTF-16) so that a window that never had it
        builds nothing at start-up."""
        name = VOCABULARY_DOCK_NAME.encode("utf-16-be")
        if not isinstance(window_state, (bytes, bytearray, QByteArray)):
            return False
        if name not in bytes(window_state):
            return False
        return self._dock().restore()

    def _dictionary(self):  # noqa: ANN202 - the pinyin service's dictionary, if built
        return getattr(self._window.pinyin, "dictionary", None)

    def set_mode(self, mode: str) -> None:
        self.view.word_statuses.mode = mode
        self._settings.setValue(MODE_KEY, mode)
        self.view.viewport().update()

    def set_sorted(self, on: bool) -> None:
        self._settings.setValue(SORT_KEY, on)
        self._window.article_list.sort_by_known_share(on)


def connect_vocabulary(window: MainWindow) -> VocabularyController:
    """Build the controller, its menus (View ▸ Word colours, a Words menu) and its wiring."""
    controller = VocabularyController(window, window.settings)
    window.reading_view.word_status_requested.connect(controller.on_status_requested)
    controller.status_keys = install_status_keys(window)  # the keys whatever has the focus
    window.service.changed.connect(controller.on_change)
    window.service.changed_elsewhere.connect(controller.on_change)
    bar = window.menuBar()
    view_menu = window.menus["view"]
    colours = QMenu(QCoreApplication.translate("VocabularyController", "Word &colours"), window)
    group = QActionGroup(colours)
    for mode, label in MODES.items():
        action = QAction(QCoreApplication.translate("WordStatus", label), colours, checkable=True)
        action.setChecked(mode == controller.view.word_statuses.mode)
        action.triggered.connect(lambda _=False, m=mode: controller.set_mode(m))
        group.addAction(action)
        colours.addAction(action)
    view_menu.addMenu(colours)
    sort = QAction(
        QCoreApplication.translate("VocabularyController", "Sort articles by &known share"),
        window,
        checkable=True,
    )
    sort.toggled.connect(controller.set_sorted)
    sort.setChecked(window.settings.value(SORT_KEY, False, type=bool))
    view_menu.addAction(sort)
    dock = QAction(
        QCoreApplication.translate("VocabularyController", "&Vocabulary"),
        window,
        shortcut="Ctrl+Shift+V",
    )
    dock.triggered.connect(controller.open_vocabulary_dock)
    view_menu.addAction(dock)
    # Before Help, which stays the last menu as on every desktop.
    words = QMenu(QCoreApplication.translate("VocabularyController", "&Words"), bar)
    bar.insertMenu(window.menus["help"].menuAction(), words)
    for label, slot, shortcut in (
        (
            QCoreApplication.translate(
                "VocabularyController", "Mark the article's new words &known"
            ),
            controller.mark_article_known,
            "Ctrl+Shift+K",
        ),
        (
            QCoreApplication.translate("VocabularyController", "I know &HSK up to…"),
            controller.known_up_to_hsk,
            "",
        ),
        (
            QCoreApplication.translate("VocabularyController", "&Export vocabulary…"),
            controller.export_vocabulary,
            "",
        ),
        (
            QCoreApplication.translate("VocabularyController", "&Import known words…"),
            controller.import_known_words,
            "",
        ),
    ):
        action = words.addAction(label)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
    controller.colour_actions = group  # type: ignore[attr-defined]
    return controller
