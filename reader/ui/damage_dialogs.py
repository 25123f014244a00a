"""What the window says about a damaged library, in words for someone using the window (no
command lines: `str(LibraryDamaged)` is the terminal's text): the start-up question and
Help ▸ Check library's answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.library.wording import bare_detail, join_detail, problems_in_words
from reader.ui.core_text import backup_time_text, core_text

if TYPE_CHECKING:
    from reader.library.store import LibraryDamaged

CHECK_TITLE = QT_TRANSLATE_NOOP("DamageDialogs", "Check library")

# The reader's answers to the damaged-library question.
RESTORE, START_EMPTY, QUIT = "restore", "start empty", "quit"


def check_title() -> str:
    return QCoreApplication.translate("DamageDialogs", CHECK_TITLE)


def restore_button_text(backup: Path) -> str:
    return QCoreApplication.translate("DamageDialogs", "Restore the backup of {time}").format(
        time=backup_time_text(backup)
    )


def damaged_library_text(damaged: LibraryDamaged) -> str:
    """The start-up question in plain words: what happened, that the file was not changed
    and will be set aside, and which backup there is. No command lines: this reader is in
    a window (`str(damaged)` is the terminal's text)."""
    unusable = QCoreApplication.translate(
        "DamageDialogs", "{path} is not a usable library file"
    ).format(path=damaged.path)
    paragraphs = [
        QCoreApplication.translate(
            "DamageDialogs", "{problem} It is damaged, or it is not a library file at all."
        ).format(
            problem=join_detail(
                QCoreApplication.translate("DamageDialogs", "Yuedu cannot open your library"),
                unusable,
            )
        ),
        QCoreApplication.translate(
            "DamageDialogs",
            "The file was not changed. Before restoring a backup or starting an empty library,"
            " Yuedu sets it aside in its folder under a name ending in .damaged (it is renamed,"
            " not deleted), so nothing in it is lost. Quit leaves everything as it is.",
        ),
    ]
    found = core_text(problems_in_words([core_text(p) for p in damaged.problems]))
    if found:
        paragraphs.insert(
            1,
            join_detail(QCoreApplication.translate("DamageDialogs", "What the check found"), found),
        )
    if damaged.backup is not None:
        paragraphs.append(
            QCoreApplication.translate(
                "DamageDialogs",
                "There is a good automatic backup from {time}"
                " (your local time; the file {name} in {folder})."
                " Restoring it brings your library back as it was then; what changed after that"
                " stays only in the set-aside file.",
            ).format(
                time=backup_time_text(damaged.backup),
                name=damaged.backup.name,
                folder=damaged.backup.parent,
            )
        )
    else:
        paragraphs.append(
            QCoreApplication.translate(
                "DamageDialogs",
                "There is no good automatic backup to restore. You can start an empty library;"
                " the set-aside file stays in the folder for anyone who can rescue it.",
            )
        )
    return "\n\n".join(paragraphs)


def ask_about_damage(damaged: LibraryDamaged, parent: QWidget | None = None) -> str:
    """Show the damaged-library question (modal, over `parent`: the window's frame at
    start-up) and return RESTORE, START_EMPTY or QUIT."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("DamageDialogs", "The library is damaged"),
        "",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text holds paths, maybe with "<"
    box.setText(damaged_library_text(damaged))
    restore = None
    if damaged.backup is not None:
        restore = box.addButton(
            restore_button_text(damaged.backup), QMessageBox.ButtonRole.AcceptRole
        )
    fresh = box.addButton(
        QCoreApplication.translate("DamageDialogs", "Start an empty library"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("DamageDialogs", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restore or quit_button)
    box.setEscapeButton(quit_button)  # closing the box is never a choice to change files
    box.exec()
    clicked = box.clickedButton()
    if clicked is not None and clicked is restore:
        return RESTORE
    if clicked is not None and clicked is fresh:
        return START_EMPTY
    return QUIT


def check_library_box(
    parent: QWidget, path: Path, restore_requested: Callable[[], None]
) -> QMessageBox:
    """Help ▸ Check library's answer, window-modal and not blocking: the library is sound
    (and when the newest good backup was taken), or its problems as a list, with the newest
    good backup offered; its button calls `restore_requested`."""
    from reader.library.safety import LibraryBackups, check_library

    result = check_library(path)
    newest = LibraryBackups(path).newest_good()
    when = backup_time_text(newest) if newest is not None else ""
    if result.ok:
        backup = (
            QCoreApplication.translate(
                "DamageDialogs", "The newest good backup is from {time}."
            ).format(time=when)
            if newest
            else QCoreApplication.translate("DamageDialogs", "No backup yet.")
        )
        return _open_box(
            parent,
            QMessageBox.Icon.Information,
            QCoreApplication.translate(
                "DamageDialogs", "{path}\n\nThe library is sound.\n\n{backup}"
            ).format(path=path, backup=backup),
        )
    if result.refusal is not None:  # a newer Yuedu's file, or one we may not read: no damage
        return _open_box(parent, QMessageBox.Icon.Warning, core_text(result.refusal))
    shown = [f"• {bare_detail(core_text(problem))}" for problem in result.problems[:10]]
    if len(result.problems) > 10:
        shown.append(
            QCoreApplication.translate("DamageDialogs", "• and {count} more").format(
                count=len(result.problems) - 10
            )
        )
    text = QCoreApplication.translate(
        "DamageDialogs",
        "The library file {path} has problems. The check found:\n{problems}"
        "\n\nNothing was changed.",
    ).format(path=path, problems="\n".join(shown))
    if newest is not None:
        text += QCoreApplication.translate(
            "DamageDialogs",
            " There is a good automatic backup from {time} (your local time). Restoring"
            " it closes this window, sets the damaged file aside (it is renamed, not"
            " deleted) and opens your library as it was then; what changed after that"
            " stays only in the set-aside file.",
        ).format(time=when)
    else:
        text += QCoreApplication.translate(
            "DamageDialogs",
            " There is no good automatic backup to restore. The next time Yuedu starts,"
            " it offers to set the damaged file aside and start an empty library.",
        )
    box = QMessageBox(QMessageBox.Icon.Critical, check_title(), text, parent=parent)
    if newest is not None:
        restore = box.addButton(restore_button_text(newest), QMessageBox.ButtonRole.AcceptRole)
        restore.clicked.connect(restore_requested)
    box.setDefaultButton(
        box.addButton(
            QCoreApplication.translate("DamageDialogs", "Close"), QMessageBox.ButtonRole.RejectRole
        )
    )
    return _open(box)


def _open_box(parent: QWidget, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    return _open(QMessageBox(icon, check_title(), text, QMessageBox.StandardButton.Ok, parent))


def _open(box: QMessageBox) -> QMessageBox:
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and SQLite's words, maybe with "<"
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
