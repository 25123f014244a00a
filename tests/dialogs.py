"""Answering the app's real modal dialogs from a test: a timer finds the dialog once it is
shown and fills it in as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

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
    """The next QFileDialog opens `path`'s folder, selects it and is accepted."""

    def choose(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(path.parent))
        # Typed into the file name box, as a person would (selectFile leaves a focused
        # box alone).
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setText(path.name)
        dialog.accept()
        if dialog.isVisible():  # not accepted: fail the test rather than hang in exec()
            dialog.reject()

    when_shown(QFileDialog, choose)


def file_dialogs_shown() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]


def list_folder_then_cancel(folder: Path, listed: list[str], *, settle_ms: int = 700) -> None:
    """The next QFileDialog shows `folder` until its listing is loaded (the names it shows are
    appended to `listed`), stays open `settle_ms` longer while Qt gathers icons and types in
    its worker thread, as it would while a person reads the listing, then is cancelled."""
    from PySide6.QtWidgets import QFileSystemModel

    def browse(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        every_file = [f for f in dialog.nameFilters() if f.endswith("(*)")]
        if every_file:  # the reader picks "All files": the library's own files show too
            dialog.selectNameFilter(every_file[0])
        model = dialog.findChild(QFileSystemModel)
        present = {path.name for path in folder.iterdir() if every_file or path.is_dir()}

        def wait_for_listing(left: int = 250) -> None:
            root = model.index(str(folder))
            names = [model.index(row, 0, root).data() for row in range(model.rowCount(root))]
            if present <= set(names) or left == 0:
                listed.extend(names)
                QTimer.singleShot(settle_ms, dialog.reject)
                return
            QTimer.singleShot(POLL_MS, lambda: wait_for_listing(left - 1))

        wait_for_listing()

    when_shown(QFileDialog, browse)
