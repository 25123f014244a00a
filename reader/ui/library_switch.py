"""File ▸ Open library… / New library… (issue 16 §5): switch this window to another
library file. One window per library stays true: a library already open in another window
is brought forward there and this window stays; otherwise this window closes, with its
library, and `run_gui` opens the chosen one in a new window, the way it already does after
a recovery. A library that will not open sends `run_gui` back to the one before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.ui.messages import show_message

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def library_filter() -> str:
    """The choosers' file types, in the window's language."""
    return QCoreApplication.translate(
        "LibrarySwitch", "Yuedu libraries (*.sqlite3 *.sqlite *.db);;All files (*)"
    )


STATUS_MS = 4000


def _ask_open(parent: QWidget, caption: str) -> Path | None:
    from reader.ui.file_dialogs import ask_open_file_names

    chosen = ask_open_file_names(parent, caption, library_filter())
    return chosen[0] if chosen else None


def _ask_new(parent: QWidget, caption: str) -> Path | None:
    from reader.ui.file_dialogs import ask_save_file_name

    chosen = ask_save_file_name(parent, caption, "library.sqlite3", library_filter())
    return Path(chosen) if chosen else None


def _open_elsewhere(library_path: Path) -> bool:
    """Bring forward a window already open on `library_path` (another process)."""
    from reader.ui.single_instance import hand_over

    return hand_over(library_path, {})


class LibrarySwitch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.requested: Path | None = None  # read by `run_gui` once the window closed
        # The choosers and the other-window check, replaced by tests.
        self.ask_open: Callable[[QWidget, str], Path | None] = _ask_open
        self.ask_new: Callable[[QWidget, str], Path | None] = _ask_new
        self.open_elsewhere: Callable[[Path], bool] = _open_elsewhere

    def open_library(self) -> None:
        path = self.ask_open(self._window, self.tr("Open library"))
        if path is None:
            return
        if not path.is_file():
            self._refuse(self.tr("{path} is not a file.").format(path=path))
            return
        self.switch_to(path)

    def new_library(self) -> None:
        path = self.ask_new(self._window, self.tr("New library"))
        if path is None:
            return
        if path.exists():
            # Never over an existing file: that is Open library's job.
            self._refuse(
                self.tr("{path} exists already. Choose File ▸ Open library… to open it.").format(
                    path=path
                )
            )
            return
        if not path.parent.is_dir():
            self._refuse(self.tr("The folder {folder} does not exist.").format(folder=path.parent))
            return
        self.switch_to(path)

    def switch_to(self, path: Path) -> bool:
        """Close this window so that `run_gui` opens `path`; False when it stays open (the
        same library, or one another window has open: that window is brought forward)."""
        path = path.resolve()
        current = self._window.service.library_path
        if current is not None and path == Path(current).resolve():
            message = self.tr("This library is open already.")
            self._window.statusBar().showMessage(message, STATUS_MS)
            return False
        if self.open_elsewhere(path):
            self._window.statusBar().showMessage(
                self.tr("That library is open in another window: it was brought forward."),
                STATUS_MS,
            )
            return False
        self.requested = path
        self._window.close()
        return True

    def _refuse(self, text: str) -> None:
        show_message(self._window, "warning", self.tr("Cannot switch libraries"), text)


def install_library_switch(window: MainWindow) -> LibrarySwitch:
    """File ▸ Open library… and New library…, above Quit."""
    switch = LibrarySwitch(window)
    file_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.menu() is not None and window.quit_action in action.menu().actions()
    )
    open_action = QAction(QCoreApplication.translate("LibrarySwitch", "Open &library…"), window)
    open_action.triggered.connect(switch.open_library)
    new_action = QAction(QCoreApplication.translate("LibrarySwitch", "&New library…"), window)
    new_action.triggered.connect(switch.new_library)
    file_menu.insertActions(window.quit_action, [open_action, new_action])
    file_menu.insertSeparator(window.quit_action)
    switch.open_action, switch.new_action = open_action, new_action
    return switch
