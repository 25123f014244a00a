"""The find bar under the reading view (Ctrl+F): a box, the count, previous / next, close.
It only asks (`*_requested` signals); `SearchController` finds and moves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindLineEdit(QLineEdit):
    """Enter: next; Shift+Enter: previous; Esc: close."""

    next_pressed = Signal()
    previous_pressed = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_pressed.emit()
            else:
                self.next_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    find_requested = Signal(str, bool, bool)  # query, as initials, in either script
    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.line_edit = FindLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("Find in article: 银行, yinhang, yin2hang2…"))
        self.line_edit.setClearButtonEnabled(True)
        self.initials_box = QCheckBox(self.tr("Initials"), self)
        self.initials_box.setToolTip(self.tr("Type the first letter of each syllable: yh for 银行"))
        self.any_script_box = QCheckBox(self.tr("Match simplified and traditional"), self)
        self.any_script_box.setToolTip(self.tr("发展 finds 發展 too, and 發展 finds 发展"))
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous (Shift+Enter, Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next (Enter, F3)"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        for widget in (
            self.line_edit,
            self.initials_box,
            self.any_script_box,
            self.count_label,
            self.previous_button,
            self.next_button,
            self.close_button,
        ):
            layout.addWidget(widget, 1 if widget is self.line_edit else 0)
        self.line_edit.textChanged.connect(lambda _: self._ask())
        self.initials_box.toggled.connect(lambda _: self._ask())
        self.any_script_box.toggled.connect(lambda _: self._ask())
        self.line_edit.next_pressed.connect(lambda: self.next_requested.emit())
        self.line_edit.previous_pressed.connect(lambda: self.previous_requested.emit())
        self.line_edit.escape_pressed.connect(lambda: self.close_requested.emit())
        self.next_button.clicked.connect(lambda: self.next_requested.emit())
        self.previous_button.clicked.connect(lambda: self.previous_requested.emit())
        self.close_button.clicked.connect(lambda: self.close_requested.emit())

    def _ask(self) -> None:
        self.find_requested.emit(
            self.line_edit.text(), self.initials_box.isChecked(), self.any_script_box.isChecked()
        )

    def open(self) -> None:
        self.show()
        self.line_edit.setFocus()
        self.line_edit.selectAll()

    def set_count(self, current: int | None, total: int, problem: str = "") -> None:
        if problem:
            self.count_label.setText(problem)
        elif not self.line_edit.text().strip():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(self.tr("No hits"))
        else:
            self.count_label.setText(
                self.tr("{current} of {total}").format(current=(current or 0) + 1, total=total)
            )
