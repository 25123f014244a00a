"""The Vocabulary dock (issue 14 §4): the words a reader keeps — learning words, and on
request known and ignored ones — with the pinyin they were read with, a gloss, HSK levels,
status, the sentence where they were met and a note. Filter by status, HSK level and text;
sort by any column; double-click a sentence to go there (the article opens and the word
flashes); edit the note in place.

The dock only shows and asks (`*_requested`); `VocabularyDockController` reads
`reader.learning.vocabulary`, writes notes through the core and follows the door's `Change`
records. Built on the first View ▸ Vocabulary (`VocabularyController.open_vocabulary_dock`),
never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.learning.hsk import level_label, levels_text
from reader.learning.words import IGNORED, KNOWN, LEARNING, STATUSES
from reader.ui.tones import marked
from reader.ui.vocabulary_controller import VOCABULARY_DOCK_NAME

if TYPE_CHECKING:
    from reader.learning.vocabulary import VocabularyEntry
    from reader.library.change import Change
    from reader.ui.main_window import MainWindow
    from reader.ui.vocabulary_controller import VocabularyController

COLUMNS = (
    QT_TRANSLATE_NOOP("VocabularyDock", "Word"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Pinyin"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Gloss"),
    QT_TRANSLATE_NOOP("VocabularyDock", "HSK"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Status"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Times"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Date"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Sentence"),
    QT_TRANSLATE_NOOP("VocabularyDock", "Note"),
)
WORD, PINYIN, GLOSS, HSK, STATUS, TIMES, DATE, SENTENCE, NOTE = range(len(COLUMNS))
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
REFRESH_DELAY_MS = 60
NO_LEVEL = 99  # words on no HSK list sort after band 7–9
# Status filter: label → the statuses it shows.
STATUS_FILTERS: dict[str, tuple[str, ...]] = {
    QT_TRANSLATE_NOOP("VocabularyDock", "Learning"): LEARNING,
    QT_TRANSLATE_NOOP("VocabularyDock", "Learning 1"): ("learning1",),
    QT_TRANSLATE_NOOP("VocabularyDock", "Learning 2"): ("learning2",),
    QT_TRANSLATE_NOOP("VocabularyDock", "Learning 3"): ("learning3",),
    QT_TRANSLATE_NOOP("VocabularyDock", "Learning 4"): ("learning4",),
    QT_TRANSLATE_NOOP("VocabularyDock", "Known"): (KNOWN,),
    QT_TRANSLATE_NOOP("VocabularyDock", "Ignored"): (IGNORED,),
    QT_TRANSLATE_NOOP("VocabularyDock", "All kept words"): tuple(s for s in STATUSES if s != "new"),
}
HSK_FILTERS: dict[str, tuple[int, ...] | None] = {
    QT_TRANSLATE_NOOP("VocabularyDock", "Any level"): None,
    **{f"HSK {n}": (n,) for n in range(1, 7)},  # not words: the same in every language
    QT_TRANSLATE_NOOP("VocabularyDock", "HSK 7–9"): (7,),
    QT_TRANSLATE_NOOP("VocabularyDock", "Not on HSK"): (),
}


class SortableItem(QTableWidgetItem):
    """Sorts by its SORT_ROLE value when it has one (levels as numbers, not text)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs  # type: ignore[no-any-return]
        return super().__lt__(other)


class VocabularyDock(QDockWidget):
    statuses_changed = Signal(tuple)  # the statuses to list: ask the controller for them
    sentence_requested = Signal(object)  # VocabularyEntry: open its sentence
    note_requested = Signal(str, str)  # word, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vocabulary"))
        self.setObjectName(VOCABULARY_DOCK_NAME)
        page = QWidget(self)
        self.status_box = QComboBox(page)
        for label, statuses in STATUS_FILTERS.items():
            self.status_box.addItem(self.tr(label), statuses)
        self.level_box = QComboBox(page)
        for label, levels in HSK_FILTERS.items():
            self.level_box.addItem(self.tr(label), levels)
        self.text_box = QLineEdit(page)
        self.text_box.setPlaceholderText(self.tr("Filter: word, pinyin, gloss, sentence, note"))
        self.text_box.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS), page)
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        # No column sorted until the reader clicks one: the core's order (latest first).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeaderItem(HSK).setToolTip(self.tr("HSK 3.0 level (HSK 2.0 level)"))
        self.table.horizontalHeaderItem(TIMES).setToolTip(
            self.tr("How often the word occurs in your library")
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(page)
        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.level_box)
        filters.addWidget(self.text_box, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setWidget(page)
        self._entries: list[VocabularyEntry] = []
        self._filling = False
        self.status_box.currentIndexChanged.connect(
            lambda _: self.statuses_changed.emit(self.wanted_statuses())
        )
        self.level_box.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.text_box.textChanged.connect(lambda _: self.apply_filters())
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.itemChanged.connect(self._item_changed)

    def wanted_statuses(self) -> tuple[str, ...]:
        return tuple(self.status_box.currentData())

    # -- content ---------------------------------------------------------------------------
    def show_entries(self, entries: Sequence[VocabularyEntry]) -> None:
        """List `entries`, keeping the sort the reader chose and the row they were on."""
        current = self.current_word()
        self._entries = list(entries)
        self._filling = True
        self.table.setUpdatesEnabled(False)
        self.table.setSortingEnabled(False)  # rows would move while being filled
        self.table.setRowCount(len(self._entries))
        # Computed once: flag arithmetic per cell costs more than the cells themselves.
        read_only = SortableItem().flags() & ~Qt.ItemFlag.ItemIsEditable
        for row, entry in enumerate(self._entries):
            for column, (text, key) in enumerate(self._cells(entry)):
                item = SortableItem(text)
                if column == WORD:
                    item.setData(ENTRY_ROLE, entry)
                if key is not None:
                    item.setData(SORT_ROLE, key)
                if column != NOTE:
                    item.setFlags(read_only)
                if column == HSK:
                    item.setToolTip(levels_text(entry.word))
                if column == SENTENCE:
                    item.setToolTip(f"{entry.article_title}\n{entry.sentence}")
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.setUpdatesEnabled(True)
        self._filling = False
        self.apply_filters()
        if current is not None:
            self.select_word(current)

    def _cells(self, entry: VocabularyEntry) -> list[tuple[str, object]]:
        pinyin = " ".join(marked(syllable) for syllable in entry.pinyin)
        level = level_label(entry.hsk)
        if entry.hsk2 is not None:
            level = f"{level or '–'} ({entry.hsk2})"
        status = entry.status.replace("learning", self.tr("learning") + " ")
        return [
            (entry.word, None),
            (pinyin, None),
            (entry.gloss, None),
            (level, entry.hsk if entry.hsk is not None else NO_LEVEL),
            (status, STATUSES.index(entry.status) if entry.status in STATUSES else 0),
            (str(entry.frequency), entry.frequency),
            (entry.updated_at[:10], entry.updated_at),
            (entry.sentence, None),
            (entry.note, None),
        ]

    def apply_filters(self) -> None:
        levels = self.level_box.currentData()
        needle = self.text_box.text().strip().lower()
        shown = 0
        for row in range(self.table.rowCount()):
            entry = self.entry_at(row)
            hidden = entry is None
            if entry is not None and levels is not None:
                hidden = entry.hsk not in levels if levels else entry.hsk is not None
            if entry is not None and needle and not hidden:
                haystack = " ".join(
                    self.table.item(row, column).text() for column in range(len(COLUMNS))
                )
                # Pinyin as typed without tones or spaces finds it too (yinhang → 银行).
                toneless = "".join(syllable.rstrip("012345") for syllable in entry.pinyin)
                haystack += f" {entry.article_title} {' '.join(entry.pinyin)} {toneless}"
                hidden = needle.replace(" ", "") not in haystack.lower().replace(" ", "")
            self.table.setRowHidden(row, hidden)
            shown += not hidden
        self.count_label.setText(self.tr("{0} of {1} word(s)").format(shown, len(self._entries)))

    def entry_at(self, row: int) -> VocabularyEntry | None:
        item = self.table.item(row, WORD)
        return item.data(ENTRY_ROLE) if item is not None else None

    def visible_words(self) -> list[str]:
        """The words listed, top to bottom (for tests and the reader's eye alike)."""
        return [
            self.table.item(row, WORD).text()
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]

    def row_of(self, word: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, WORD).text() == word:
                return row
        return None

    def current_word(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, WORD) if row >= 0 else None
        return item.text() if item is not None else None

    def select_word(self, word: str) -> None:
        row = self.row_of(word)
        if row is not None:
            self.table.setCurrentCell(row, WORD)

    # -- the reader's requests -------------------------------------------------------------
    def _double_clicked(self, row: int, column: int) -> None:
        entry = self.entry_at(row)
        if entry is not None and column != NOTE:
            self.sentence_requested.emit(entry)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NOTE:
            return
        entry = self.entry_at(item.row())
        if entry is not None and item.text().strip() != entry.note:
            self.note_requested.emit(entry.word, item.text())


class VocabularyDockController(QObject):
    """Fills the dock from the core and follows the library's changes while it is shown."""

    def __init__(self, window: MainWindow, vocabulary: VocabularyController) -> None:
        super().__init__(window)
        self._window = window
        self._vocabulary = vocabulary
        self.dock: VocabularyDock | None = None
        # Changes come in bursts (a status key held down, an import): list again once, a
        # moment after the last; a hidden dock lists again when it is shown.
        self._stale = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_DELAY_MS)
        self._later.timeout.connect(self.refresh)
        window.service.changed.connect(self.on_change)
        window.service.changed_elsewhere.connect(self.on_change)

    def open(self) -> VocabularyDock:
        dock = self.dock
        if dock is None:
            dock = self._build()
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.refresh()
        elif self._stale:
            self.refresh()
        dock.show()
        dock.raise_()
        return dock

    def restore(self) -> bool:
        """After the window's saved state was restored: if the dock was part of it (it had
        been opened before quitting), build it where and as it was. True if it was."""
        if self.dock is not None:
            return True
        dock = self._build()
        if not self._window.restoreDockWidget(dock):
            self.dock = None
            dock.deleteLater()
            return False
        if not dock.isHidden():
            self.refresh()
        else:
            self._stale = True  # listed when first shown
        return True

    def _build(self) -> VocabularyDock:
        dock = self.dock = VocabularyDock(self._window)
        dock.statuses_changed.connect(lambda _: self.refresh())
        dock.sentence_requested.connect(self.go_to_sentence)
        dock.note_requested.connect(self.set_note)
        dock.visibilityChanged.connect(lambda shown: shown and self._stale and self.refresh())
        return dock

    def refresh(self) -> None:
        from reader.learning.vocabulary import vocabulary

        dock = self.dock
        if dock is None:
            return
        self._later.stop()
        self._stale = False
        dictionary = getattr(self._window.pinyin, "dictionary", None)
        entries = self._vocabulary.guarded(
            lambda library: vocabulary(library, dock.wanted_statuses(), dictionary=dictionary)
        )
        if entries is not None:
            dock.show_entries(entries)

    def on_change(self, change: Change) -> None:
        """Statuses, notes or kept sentences changed (`words`), or articles did (titles,
        re-anchored sentences): list again."""
        if self.dock is None:
            return
        if change.words or change.articles or change.everything or change.external:
            self._stale = True
            if self.dock.isVisible():
                self._later.start()

    def set_note(self, word: str, note: str) -> None:
        from reader.learning.statuses import set_note

        self._vocabulary.guarded(lambda library: set_note(library, word, note))

    def go_to_sentence(self, entry: VocabularyEntry) -> None:
        """Open the article at the word in its sentence and flash it (as a search hit)."""
        from reader.learning.vocabulary import word_place
        from reader.search.engine import Hit

        window = self._window
        place = self._vocabulary.guarded(lambda library: word_place(library, entry))
        if place is None:
            window.statusBar().showMessage(
                self.tr("The sentence where you met {0} is no longer in your library.").format(
                    entry.word
                ),
                4000,
            )
            return
        article_id, start, end = place
        window.article_list.select_article(article_id)
        window.search.open_hit(
            Hit(article_id, entry.article_title, "text", start, end, entry.sentence, (0, 0))
        )
