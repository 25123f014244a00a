"""The Search dock (Ctrl+Shift+F): search the library, and look words up (second tab).
It only asks (`*_requested`); `SearchController` runs the queries and opens the hits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.search_results import HIT_ROLE, SearchResults

TYPING_PAUSE_MS = 250  # search once typing pauses, not on every key


class BackgroundOnlyDelegate(QStyledItemDelegate):
    """Paints a row's background and selection but not its text: the row's label (an item
    widget) shows the text. The style draws a selected row's text in HighlightedText,
    whatever its foreground, so a transparent foreground alone left it painted twice."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        view = option.widget
        if view is None or view.indexWidget(index) is None:  # type: ignore[attr-defined]
            super().paint(painter, option, index)
            return
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, view)


class LookupPanel(QWidget):
    lookup_requested = Signal(str)
    jump_requested = Signal(str)  # the word: open the first article it appears in
    count_requested = Signal(str)  # the word chosen: in how many articles is it?

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(
            self.tr("Characters, pinyin or English: 银行, yinhang, bank")
        )
        self.entries = QListWidget(self)
        self.entries.setWordWrap(True)
        self.entries.setItemDelegate(BackgroundOnlyDelegate(self.entries))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.jump_button = QPushButton(self.tr("Open the first article"), self)
        self.jump_button.setEnabled(False)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.entries, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.jump_button)
        layout.addLayout(row)
        self.line_edit.returnPressed.connect(
            lambda: self.lookup_requested.emit(self.line_edit.text())
        )
        self.entries.currentItemChanged.connect(lambda item, _: self._entry_chosen(item))
        self.entries.itemSelectionChanged.connect(self._recolour_labels)
        self.jump_button.clicked.connect(self._jump)

    def show_entries(self, lines: list[tuple[str, ...]], problem: str = "") -> None:
        """(headword, text of the entry[, the same as HTML]) per entry, best first. With
        HTML (tone colours) the row shows it; the plain text stays the item's text."""
        self.entries.clear()
        for word, text, *rich in lines:
            item = QListWidgetItem(text, self.entries)
            item.setData(Qt.ItemDataRole.UserRole, word)
            if rich and rich[0]:
                label = QLabel(rich[0], self.entries)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setWordWrap(True)
                label.setContentsMargins(4, 2, 4, 2)
                # The label shows the text (BackgroundOnlyDelegate paints none); the item's
                # own text stays for accessibility.
                item.setSizeHint(label.sizeHint())
                self.entries.setItemWidget(item, label)
        self.status.setText(problem or ("" if lines else self.tr("Nothing found.")))
        if lines:
            self.entries.setCurrentRow(0)

    def _recolour_labels(self) -> None:
        """A selected row's label in the selection's text colour; the others inherit the
        list's colours (and so follow a change of theme)."""
        selected_text = self.entries.palette().color(QPalette.ColorRole.HighlightedText)
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            label = self.entries.itemWidget(item)
            if label is None:
                continue
            palette = QPalette()  # no role set: every colour comes from the list
            if item.isSelected():
                palette.setColor(QPalette.ColorRole.WindowText, selected_text)
            label.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a change of theme
            self._recolour_labels()

    def _entry_chosen(self, item: QListWidgetItem | None) -> None:
        self.jump_button.setEnabled(False)
        if item is not None:  # the controller answers with `show_count`
            self.count_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_count(self, word: str, articles: int) -> None:
        self.status.setText(
            self.tr("{word} appears in {articles} article(s) of your library.").format(
                word=word, articles=articles
            )
        )
        self.jump_button.setEnabled(articles > 0)
        self.jump_button.setProperty("word", word)

    def _jump(self) -> None:
        word = self.jump_button.property("word")
        if word:
            self.jump_requested.emit(str(word))

    def current_word(self) -> str | None:
        item = self.entries.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class SearchDock(QDockWidget):
    search_requested = Signal(str, bool, bool, bool)  # query, initials, whole words, any script
    hit_activated = Signal(object)  # reader.search.engine.Hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search"), parent)
        self.setObjectName("search_dock")
        self.tabs = QTabWidget(self)
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        self.line_edit = QLineEdit(page)
        self.line_edit.setPlaceholderText(
            self.tr("Search the library: 行, 银行, yinhang, yin2hang2…")
        )
        self.line_edit.setClearButtonEnabled(True)
        options = QHBoxLayout()
        self.initials_box = QCheckBox(self.tr("Initials (yh = 银行)"), page)
        self.whole_word_box = QCheckBox(self.tr("Whole words"), page)
        self.any_script_box = QCheckBox(self.tr("Match simplified and traditional"), page)
        self.any_script_box.setToolTip(self.tr("发展 finds 發展 too, and 發展 finds 发展"))
        options.addWidget(self.initials_box)
        options.addWidget(self.whole_word_box)
        options.addWidget(self.any_script_box)
        options.addStretch(1)
        self.results = SearchResults(page)
        self.status = QLabel(page)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)  # a "no hits" hint is a sentence: the dock is narrow
        layout.addWidget(self.line_edit)
        layout.addLayout(options)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.tabs.addTab(page, self.tr("&Search"))
        self.lookup = LookupPanel(self.tabs)
        self.tabs.addTab(self.lookup, self.tr("&Dictionary"))
        self.setWidget(self.tabs)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.ask)
        self.line_edit.textChanged.connect(lambda _: self._typing.start())
        self.line_edit.returnPressed.connect(self.ask)
        self.initials_box.toggled.connect(lambda _: self.ask())
        self.whole_word_box.toggled.connect(lambda _: self.ask())
        self.any_script_box.toggled.connect(lambda _: self.ask())
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)

    def ask(self) -> None:
        self._typing.stop()
        self.search_requested.emit(
            self.line_edit.text(),
            self.initials_box.isChecked(),
            self.whole_word_box.isChecked(),
            self.any_script_box.isChecked(),
        )

    def open_search(self) -> None:
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(0)
        self.line_edit.setFocus()
        self.line_edit.selectAll()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
