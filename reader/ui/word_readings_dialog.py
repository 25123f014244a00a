"""The reader's readings of whole words in the window: the word's context menu offers to
read it so everywhere (or automatically again), and Edit ▸ Readings of words… lists them to
change or remove. Both only ask (`reading_change_requested`); the service stores the change
as one undoable step, and the door's record repaints every article the word is in."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.text.tokens import Syllables
from reader.text.word_info import WordInfo
from reader.ui.tones import marked

RequestReading = Callable[[str, Syllables | None], object]


def spelled(syllables: Syllables) -> str:
    return " ".join(marked(s) if s else "–" for s in syllables)


def add_word_reading_actions(
    menu: QMenu, info: WordInfo, word_reading: Syllables | None, request: RequestReading
) -> None:
    """ "Read 行长 as háng zhǎng everywhere" for the reading shown now (once it is known), and
    "Automatic reading of 行长 everywhere" when the reader set one."""
    shown = info.syllables
    if shown is None or all(s is None for s in shown):
        return
    menu.addSeparator()
    if shown != word_reading:
        everywhere = menu.addAction(
            QCoreApplication.translate(
                "WordReadings", "Read “{word}” as {reading} everywhere"
            ).format(word=info.word, reading=spelled(shown))
        )
        everywhere.triggered.connect(lambda _=False: request(info.word, shown))
    if word_reading is not None:
        automatic = menu.addAction(
            QCoreApplication.translate(
                "WordReadings", "Automatic reading of “{word}” everywhere"
            ).format(word=info.word)
        )
        automatic.triggered.connect(lambda _=False: request(info.word, None))


class WordReadingsDialog(QDialog):
    """The words the reader reads their own way, with Remove; re-read after each change."""

    reading_change_requested = Signal(str, object)  # word, None: back to automatic

    def __init__(
        self, read_words: Callable[[], Mapping[str, Syllables]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Readings of words"))
        self._read_words = read_words
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Read as")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty_label = QLabel(
            self.tr(
                "No readings of words yet. Right-click a word in the text to read it your way "
                "everywhere."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 360)
        self.reload()

    def reload(self) -> None:
        words = self._read_words()
        self.table.setRowCount(len(words))
        for row, (word, syllables) in enumerate(words.items()):
            word_item = QTableWidgetItem(word)
            word_item.setData(Qt.ItemDataRole.UserRole, word)
            self.table.setItem(row, 0, word_item)
            self.table.setItem(row, 1, QTableWidgetItem(spelled(syllables)))
        self.empty_label.setVisible(not words)
        self.remove_button.setEnabled(bool(words))

    def words_listed(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for word in [self.table.item(row, 0).text() for row in rows]:
            self.reading_change_requested.emit(word, None)
        self.reload()
