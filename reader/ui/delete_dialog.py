"""The question before deleting one article or several: what they hold, and — when they
hold highlights — whether those go too or stay as orphans. Keeping is chosen unless the
reader picks otherwise: the reader's notes are what cannot be made again, and kept ones
are listed under "Orphaned" and find their place again when the text is imported again
(`reader.importing.returning`). Window-modal and non-blocking like the other dialogs:
`confirmed(keep)` when Delete is pressed; it deletes itself once closed. Plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class DeleteArticlesDialog(QDialog):
    confirmed = Signal(bool)  # keep the highlights (as orphans)?

    def __init__(
        self, parent: QWidget, title: str, question: str, highlights: int, readings: int
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.question = QLabel(question, self)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.keep_button = QRadioButton(
            self.tr("Keep the %n highlight(s) and comments (as orphans)", "", highlights), self
        )
        self.keep_note = QLabel(
            self.tr(
                "Listed under Orphaned in the Annotations dock; placed again when the text "
                "is imported again."
            ),
            self,
        )
        self.keep_note.setWordWrap(True)
        self.keep_note.setIndent(self.keep_button.iconSize().width() + 8)
        self.keep_note.setEnabled(False)  # drawn as a quieter note
        self.delete_too_button = QRadioButton(
            self.tr("Delete the %n highlight(s) and comments too", "", highlights), self
        )
        self.choice = QButtonGroup(self)
        for button in (self.keep_button, self.delete_too_button):
            self.choice.addButton(button)
        for widget in (self.keep_button, self.keep_note, self.delete_too_button):
            layout.addWidget(widget)
            widget.setVisible(highlights > 0)
        self.keep_button.setChecked(True)
        if readings:
            note = QLabel(self.tr("%n corrected reading(s) are deleted too.", "", readings), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Edit ▸ Undo puts it all back."), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = self.buttons.addButton(
            self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self._delete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._highlights = highlights

    @property
    def keeps(self) -> bool:
        return self._highlights > 0 and self.keep_button.isChecked()

    def _delete(self) -> None:
        keep = self.keeps
        self.accept()
        self.confirmed.emit(keep)


def ask_delete(
    parent: QWidget,
    title: str,
    question: str,
    highlights: int,
    readings: int,
    on_confirmed: Callable[[bool], None],
) -> DeleteArticlesDialog:
    """Open the question; `on_confirmed(keep)` once the reader presses Delete."""
    dialog = DeleteArticlesDialog(parent, title, question, highlights, readings)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirmed.connect(on_confirmed)
    dialog.open()
    return dialog
