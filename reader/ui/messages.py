"""Message boxes the window's controllers show: window-modal, never blocking the caller, and
plain text (messages carry file names, titles and SQLite's words, never markup).

QMessageBox is imported when a box is first shown: importing it costs start-up time (PySide6
builds the Python enums of every class it imports) before anything is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

MESSAGE_LEVELS = ("information", "warning", "critical")


def show_message(parent: QWidget, level: str, title: str, text: str) -> QMessageBox:
    """A window-modal box over `parent` that does not block the caller (tests find it as a
    child of the window); it deletes itself once closed."""
    from PySide6.QtWidgets import QMessageBox

    icons = {
        "information": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "critical": QMessageBox.Icon.Critical,
    }
    box = QMessageBox(icons[level], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_about(parent: QWidget) -> QMessageBox:
    """Help ▸ About: the version and what Yuedu is built on (the dictionary's licence)."""
    from reader import __version__
    from reader.text.dictionary import attribution

    return show_message(
        parent,
        "information",
        "About Yuedu",
        f"Yuedu {__version__}: read and annotate Chinese text.\n\n"
        "Word segmentation: jieba. Pinyin: pypinyin and g2pM.\n"
        f"{attribution()}",
    )
