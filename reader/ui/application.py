"""Start the desktop app: QApplication, the library, the sample page, the window."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from reader.library.store import Library, LibraryError
from reader.paths import APP_NAME, SAMPLE_PAGE
from reader.ui.backup_keeper import BackupKeeper
from reader.ui.library_service import LibraryService
from reader.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reader.importer import ImportOutcome

log = logging.getLogger(__name__)


def import_sample_if_empty(library: Library, sample: Path = SAMPLE_PAGE) -> ImportOutcome | None:
    """Give a new library something to read: import the bundled sample page.

    Runs synchronously before the window shows (the page is 18 KB). Only an empty library
    pays for loading the segmenter here; a library with articles never imports it.
    """
    if library.article_count() > 0:
        return None
    from reader.importer import import_path
    from reader.text.decode import ImportRefused

    try:
        return import_path(library, sample)
    except ImportRefused as error:  # a broken install should still open the window
        log.warning("Sample page not imported: %s", error)
        return None


def create_main_window(library: Library, settings: QSettings | None = None) -> MainWindow:
    """The window over `library`, state restored, not yet shown. For the app, tests and
    benchmarks; needs a QApplication."""
    service = LibraryService(library)
    window = MainWindow(service, settings)
    service.setParent(window)
    window.restore_state()
    return window


def open_or_recover(library_path: Path) -> Library | None:
    """Open the library, checked. A damaged file is set aside (renamed `.damaged`, never
    deleted) and the newest good backup offered; None when the reader chooses to quit."""
    from PySide6.QtWidgets import QMessageBox

    from reader.library.safety import quarantine, restore_from_backup
    from reader.library.store import LibraryDamaged

    try:
        return Library.open_checked(library_path)
    except LibraryDamaged as damaged:
        box = QMessageBox(QMessageBox.Icon.Critical, "The library is damaged", "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        text = f"{damaged}\n\nYuedu will set the damaged file aside (it is renamed, not deleted)."
        restore = None
        if damaged.backup is not None:
            text += f"\n\nThe newest good backup is {damaged.backup.name}."
            restore = box.addButton("Restore that backup", QMessageBox.ButtonRole.AcceptRole)
        fresh = box.addButton("Start an empty library", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.setText(text)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (restore, fresh) or clicked is None:
            return None
        aside = quarantine(library_path)
        log.warning("Damaged library set aside as %s", aside)
        if clicked is restore and damaged.backup is not None:
            restore_from_backup(damaged.backup, library_path)
        return Library.open_checked(library_path)


def library_error_box(message: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Yuedu cannot open its library",
        message,
        QMessageBox.StandardButton.Ok,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message holds a path, maybe with "<"
    return box


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)


@dataclass
class Session:
    """A running window over an open library, with what serves it."""

    window: MainWindow
    library: Library
    keeper: BackupKeeper
    server: object  # the InstanceServer that brings later instances' requests


def start_session(
    library_path: Path, request: dict[str, object], settings: QSettings | None = None
) -> Session | int:
    """Everything `run_gui` does before the event loop: hand over to a window already open
    on this library (returns 0), or open (checking, recovering) the library and build the
    window (not shown yet). Returns an exit status when there is nothing to show."""
    from reader.ui.single_instance import InstanceServer, hand_over

    # A window already open on this library takes the request; this instance leaves the
    # file alone, so two windows never write to one library at once.
    if hand_over(library_path, request):
        print("Yuedu is already open on this library: it was brought forward.")
        return 0
    server = InstanceServer(library_path)
    try:
        library = open_or_recover(library_path)
    except LibraryError as error:
        library_error_box(str(error)).exec()
        return 1
    if library is None:
        return 1
    import_sample_if_empty(library)
    window = create_main_window(library, settings)
    server.request_received.connect(window.handle_instance_request)
    keeper = BackupKeeper(library_path, window)
    window.attach_backups(keeper)
    return Session(window, library, keeper, server)


def run_gui(
    library_path: Path,
    argv: list[str],
    open_url: str | None = None,
    import_files: list[Path] | None = None,
) -> int:
    """The desktop app. `open_url` (yuedu://article/<id>?annotation=<uuid>) opens the
    article at that passage once the window is up; `import_files` are imported."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    request: dict[str, object] = {"url": open_url} if open_url else {}
    if import_files:
        request["files"] = [str(path.resolve()) for path in import_files]
    session = start_session(library_path, request)
    if not isinstance(session, Session):
        return session
    window = session.window
    try:
        window.show()
        window.warn_if_no_chinese_font()
        if request:
            window.handle_instance_request(request)
        status = app.exec()
        window.service.shutdown()
        window.pinyin.shutdown()
        session.keeper.back_up_at_exit()
        return status
    finally:
        session.library.close()
