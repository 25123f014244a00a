"""Answering the app's real modal dialogs from a test: a timer finds the dialog once it is
shown and fills it in as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

POLL_MS = 20


def when_shown(kind: type, act: Callable[[Any], None], *, tries: int = 3000) -> None:
    """Call `act(dialog)` on the first visible top-level widget of type `kind`, polled from
    the event loop (the modal dialog's own loop runs it)."""

    def poll(left: int = tries) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)
                return
        if left > 0:
            QTimer.singleShot(POLL_MS, lambda: poll(left - 1))

    QTimer.singleShot(POLL_MS, poll)


def choose_file_in_next_dialog(path: Path) -> None:
    """The next file chooser opens `path`'s folder, selects it and is accepted."""
    from reader.ui.file_dialogs import FileChooser

    def choose(dialog: FileChooser) -> None:
        dialog.set_folder(path.parent)
        dialog.name_edit.setText(path.name)  # typed, as a person would
        dialog.accept()
        if dialog.isVisible():  # not accepted: fail the test rather than hang in exec()
            dialog.reject()

    when_shown(FileChooser, choose)


def list_folder_then_cancel(folder: Path, listed: list[str], *, settle_ms: int = 700) -> None:
    """The next file chooser shows `folder` with every file (the names it lists are appended
    to `listed`), stays open `settle_ms` longer, as a person reading it would, and is
    cancelled."""
    from reader.ui.file_dialogs import FileChooser

    def browse(dialog: FileChooser) -> None:
        dialog.select_filter("All files (*)")  # the reader picks "All files": ours show too
        dialog.set_folder(folder)
        listed.extend(dialog.listed_names())
        QTimer.singleShot(settle_ms, dialog.reject)

    when_shown(FileChooser, browse)
