"""The small dialogs of the article edits: a line of text (a title, a byline) and the
confirmation of a delete. Window-modal and non-blocking, like `reader.ui.messages`: each
calls back when accepted and deletes itself once closed; plain text throughout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    text: str,
    on_accepted: Callable[[str], None],
) -> QInputDialog:
    """A one-line text box prefilled with `text`; `on_accepted(text)` on OK."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(on_accepted)
    dialog.open()
    return dialog


def delete_question(title: str, highlights: int, readings: int) -> str:
    # English says "1 highlight" / "2 highlights": one message per form.
    work = []
    if highlights:
        work.append(
            QCoreApplication.translate("ArticleDialogs", "1 highlight and comments")
            if highlights == 1
            else QCoreApplication.translate(
                "ArticleDialogs", "{count} highlights and comments"
            ).format(count=highlights)
        )
    if readings:
        work.append(
            QCoreApplication.translate("ArticleDialogs", "1 corrected reading")
            if readings == 1
            else QCoreApplication.translate("ArticleDialogs", "{count} corrected readings").format(
                count=readings
            )
        )
    held = (
        QCoreApplication.translate(
            "ArticleDialogs", "\n\nIt holds {work}; they go with it."
        ).format(work=QCoreApplication.translate("ArticleDialogs", " and ").join(work))
        if work
        else ""
    )
    return QCoreApplication.translate(
        "ArticleDialogs", "Delete the article “{title}”?{held}\n\nEdit ▸ Undo puts it back."
    ).format(title=title, held=held)


def confirm_delete(
    parent: QWidget, title: str, highlights: int, readings: int, on_confirmed: Callable[[], None]
) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ArticleDialogs", "Delete article"),
        delete_question(title, highlights, readings),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    delete = box.addButton(
        QCoreApplication.translate("ArticleDialogs", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_confirmed() if button is delete else None)
    box.open()
    return box
