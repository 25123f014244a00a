"""Start the desktop app: QApplication, the library, the sample page, the window."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

# Start-up time: what the window's first frame needs is imported here; the library, the
# views and their Qt classes after that frame is on screen (see `start_session`).
from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.paths import APP_NAME, ICON_SIZES, SAMPLE_PAGE, icon_png
from reader.ui.first_frame import settle
from reader.ui.languages import chosen_language, install_translators
from reader.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from reader.importer import ImportOutcome
    from reader.library.store import Library
    from reader.ui.backup_keeper import BackupKeeper
    from reader.ui.single_instance import InstanceServer

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
    window = MainWindow(settings)
    furnish_window(window, library)
    return window


def furnish_window(window: MainWindow, library: Library) -> None:
    """Build `window`'s views over `library` (its service) and restore their state."""
    from reader.ui.library_service import LibraryService

    service = LibraryService(library)
    on_screen = window.isVisible()  # the frame `start_session` painted
    if on_screen:
        window.setUpdatesEnabled(False)  # no paint of half-built, unsized views
    window.furnish(service)
    service.setParent(window)
    if on_screen:
        # A window on screen lays new views out on posted events: let them in before the
        # saved sizes are applied, else that first layout overrides them (it gave the
        # Annotations dock two thirds of the window).
        settle()
    window.restore_state()
    window.setUpdatesEnabled(True)
    # The keyboard starts in the text, not in the list's filter field (which took it as the
    # first field): a status key pressed on a word at once is not typed there.
    window.reading_view.setFocus()


def set_aside_and_restore(library_path: Path, backup: Path | None) -> Path:
    """The recovery of start-up and of Help ▸ Check library: set the library file aside
    (renamed `.damaged`, never deleted) and restore `backup` in its place; with no backup
    the place is left free for a new library. Returns where the damaged file went.

    If the backup cannot be restored the damaged file is put back, so a failure changes
    nothing (else the next start would quietly make an empty library there), and
    LibraryError says so in words."""
    import sqlite3  # here, not at the top: start-up time (the frame needs no database)

    from reader.library.safety import quarantine, restore_from_backup
    from reader.library.store import LibraryError
    from reader.library.wording import join_detail
    from reader.ui.core_text import backup_time_text

    try:
        aside = quarantine(library_path)
    except OSError as error:
        raise LibraryError(
            QCoreApplication.translate("Application", "{problem} Nothing was changed.").format(
                problem=join_detail(
                    QCoreApplication.translate(
                        "Application", "Yuedu could not set the damaged library file aside"
                    ),
                    str(error),
                )
            )
        ) from error
    log.warning("Damaged library set aside as %s", aside)
    if backup is None:
        return aside
    try:
        restore_from_backup(backup, library_path)
    except (OSError, sqlite3.Error) as error:
        where = (
            QCoreApplication.translate("Application", "Your library file was put back as it was")
            if _put_back(aside, library_path)
            else QCoreApplication.translate(
                "Application", "Your library file is kept, unchanged, as {path}"
            ).format(path=aside)
        )
        raise LibraryError(
            QCoreApplication.translate(
                "Application", "{problem} {where}; nothing was deleted."
            ).format(
                problem=join_detail(
                    QCoreApplication.translate(
                        "Application", "The backup of {time} could not be restored"
                    ).format(time=backup_time_text(backup)),
                    str(error),
                ),
                where=where,
            )
        ) from error
    log.warning("Library restored from %s", backup)
    return aside


def _put_back(aside: Path, library_path: Path) -> bool:
    """Undo `quarantine` (main file first: a -wal never waits beside a file not its own).
    Never over an existing file; False when something is in the way."""
    from reader.library.safety import SIDE_FILE_SUFFIXES

    moves = [(aside, library_path)] + [
        (aside.with_name(aside.name + suffix), library_path.with_name(library_path.name + suffix))
        for suffix in SIDE_FILE_SUFFIXES
    ]
    if any(target.exists() for _, target in moves):
        return False
    for source, target in moves:
        if source.exists():
            os.rename(source, target)
    return True


def open_or_recover(library_path: Path, parent: QWidget | None = None) -> Library | None:
    """Open the library, checked. A damaged file is set aside (renamed `.damaged`, never
    deleted) and the newest good backup offered; None when the reader chooses to quit."""
    from reader.library.store import Library, LibraryDamaged

    try:
        return Library.open_checked(library_path)
    except LibraryDamaged as damaged:
        from reader.ui.damage_dialogs import QUIT, RESTORE, ask_about_damage

        choice = ask_about_damage(damaged, parent)
        if choice == QUIT:
            return None
        set_aside_and_restore(library_path, damaged.backup if choice == RESTORE else None)
        return Library.open_checked(library_path)


def library_error_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Application", "Yuedu cannot open its library"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message holds a path, maybe with "<"
    return box


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(application_icon())
    # Lets the desktop match the window to the entry `yuedu install-desktop` writes.
    app.setDesktopFileName("yuedu")
    # Before any window: the language chosen in Preferences (or the system's).
    install_translators(app, chosen_language())


def application_icon() -> QIcon:
    """Yuedu's icon at every size it is drawn at (PNG files are read when first painted)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


class Session:
    """A running window over an open library, with what serves it. (A plain class: the
    dataclasses module would be ~2 ms more before the frame is painted.)"""

    def __init__(
        self, window: MainWindow, library: Library, keeper: BackupKeeper, server: InstanceServer
    ) -> None:
        self.window = window
        self.library = library
        self.keeper = keeper
        self.server = server  # brings later instances' requests


def start_session(
    library_path: Path, request: dict[str, object], settings: QSettings | None = None
) -> Session | int:
    """Everything `run_gui` does before the event loop: hand over to a window already open
    on this library (returns 0), or show the window's frame, then open (checking,
    recovering) the library and furnish the window. Returns an exit status when there is
    nothing to show.

    The frame is painted before the library is opened and the views are built (imports
    and all): the reader sees the window at once (issue 11, point 6), with "Opening the
    library…" for as long as a large library, a check or a first run's sample takes."""
    from reader.ui.first_frame import show_first_frame
    from reader.ui.single_instance import InstanceServer, hand_over
    from reader.ui.theme import theme_for_the_frame

    # A window already open on this library takes the request; this instance leaves the
    # file alone, so two windows never write to one library at once.
    if hand_over(library_path, request):
        print(
            QCoreApplication.translate(
                "Application", "Yuedu is already open on this library: it was brought forward."
            )
        )
        return 0
    window = MainWindow(settings)
    theme_for_the_frame(QApplication.instance(), window.settings)  # a dark frame, if chosen
    show_first_frame(window)
    server = InstanceServer(library_path)
    server.request_received.connect(window.handle_instance_request)  # kept until furnished
    library = open_library_for(window, library_path)
    if library is None:
        window.close()
        window.deleteLater()
        server.close()
        return 1
    import_sample_if_empty(library)
    furnish_window(window, library)
    return Session(window, library, start_backups(window, library_path), server)


def open_library_for(window: MainWindow, library_path: Path) -> Library | None:
    """The library, opened checked (`open_or_recover`); None, the reason said in a message
    box over the frame, when it will not open or the reader chose to quit."""
    from reader.library.store import LibraryError
    from reader.ui.core_text import error_text

    try:
        return open_or_recover(library_path, window)  # its questions over the frame
    except LibraryError as error:
        library_error_box(error_text(error), window).exec()
        return None


def start_backups(window: MainWindow, library_path: Path) -> BackupKeeper:
    from reader.ui.backup_keeper import BackupKeeper, backups_to_keep

    keeper = BackupKeeper(library_path, window)
    keeper.backups.keep_newest = backups_to_keep(window.settings)  # Preferences ▸ Backups
    window.attach_backups(keeper)
    return keeper


def run_gui(
    library_path: Path,
    argv: list[str],
    open_url: str | None = None,
    import_files: list[Path] | None = None,
) -> int:
    """The desktop app. `open_url` (yuedu://article/<id>?annotation=<uuid>) opens the
    article at that passage once the window is up; `import_files` are imported. When the
    reader asks Help ▸ Check library to restore a backup, the window closes, the backup
    is restored and a new window opens on it."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    request: dict[str, object] = {"url": open_url} if open_url else {}
    if import_files:
        request["files"] = [str(path.resolve()) for path in import_files]
    previous: Path | None = None  # the library before File ▸ Open/New library…
    while True:
        session = start_session(library_path, request)
        if not isinstance(session, Session):
            if previous is None:
                return session
            library_path, previous = previous, None  # it would not open: back (it said why)
            continue
        status, recover = run_session(app, session, request)
        switch_to = session.window.library_switch.requested
        if switch_to is not None and not recover:
            previous, library_path, request = library_path, switch_to, {}
            session.window.deleteLater()
            continue
        previous = None
        if not recover:
            return status
        request = {}  # handled by the first window
        import sqlite3

        from reader.library.store import LibraryError

        try:
            recover_after_check(library_path)
        except (LibraryError, OSError, sqlite3.Error) as error:
            from reader.ui.core_text import error_text

            library_error_box(error_text(error)).exec()
            return 1


def run_session(
    app: QApplication, session: Session, request: dict[str, object]
) -> tuple[int, bool]:
    """Show the window and run until it closes; then stop its workers and close the
    library. Returns the exit status and whether the reader asked for recovery."""
    from reader.ui.error_bar import report_unexpected_errors

    window = session.window
    recover = False
    # An exception that escapes a slot reaches the reader in the window's error bar, not
    # only a terminal they never see.
    restore_excepthook = report_unexpected_errors(window.error_bar)
    try:
        window.show()
        window.warn_if_no_chinese_font()
        follow_requests(window, request)
        status = app.exec()
        recover = window.recovery_requested
        window.service.shutdown()
        window.pinyin.shutdown()
        if recover:
            # No backup of a library found damaged: it would join, then by rotation
            # replace, the good backups the recovery needs. Waits for one in progress.
            session.keeper.changed = False
        session.keeper.back_up_at_exit()
        return status, recover
    finally:
        restore_excepthook()
        session.library.close()
        session.server.close()  # the next session's window listens under the same name
        if recover:
            window.deleteLater()


def follow_requests(window: MainWindow, request: dict[str, object]) -> None:
    """This start's own request, then those later instances handed over while the library
    was opening (the frame keeps them: there was nothing yet to follow them with)."""
    early, window.early_requests = window.early_requests, []
    for asked in ([request] if request else []) + early:
        window.handle_instance_request(asked)


def recover_after_check(library_path: Path) -> None:
    """The recovery Help ▸ Check library asked for, with the library closed: the same as
    at start-up. With no good backup left, nothing is changed: the next start-up check
    asks the reader what to do."""
    from reader.library.safety import LibraryBackups

    backup = LibraryBackups(library_path).newest_good()
    if backup is not None:
        set_aside_and_restore(library_path, backup)
