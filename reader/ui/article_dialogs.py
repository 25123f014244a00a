"""The small dialogs of the article edits: a line of text (a title, a byline) and the
confirmation of a delete (`reader.ui.delete_dialog`). Window-modal and non-blocking, like
`reader.ui.messages`: each calls back when accepted and deletes itself once closed; plain
text throughout."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

if TYPE_CHECKING:
    from reader.ui.delete_dialog import DeleteArticlesDialog


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


def confirm_delete(
    parent: QWidget,
    title: str,
    highlights: int,
    readings: int,
    on_confirmed: Callable[[bool], None],
) -> DeleteArticlesDialog:
    """Ask before deleting the article `title`; `on_confirmed(keep the highlights)`."""
    from reader.ui.delete_dialog import ask_delete  # built when first asked, not at start-up

    return ask_delete(
        parent,
        QCoreApplication.translate("ArticleDialogs", "Delete article"),
        QCoreApplication.translate("ArticleDialogs", "Delete the article “{title}”?").format(
            title=title
        ),
        highlights,
        readings,
        on_confirmed,
    )
