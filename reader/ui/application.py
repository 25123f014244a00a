"""Start the desktop app: QApplication, the library, the sample page, the window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from reader.library.store import Library, LibraryError
from reader.paths import APP_NAME, SAMPLE_PAGE
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


def run_gui(library_path: Path, argv: list[str], open_url: str | None = None) -> int:
    """The desktop app. `open_url` (yuedu://article/<id>?annotation=<uuid>) opens the
    article at that passage once the window is up."""
    from reader.ui.single_instance import InstanceServer, hand_over

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    # A window already open on this library takes the request; this instance leaves the
    # file alone, so two windows never write to one library at once.
    request: dict[str, object] = {"url": open_url} if open_url else {}
    if hand_over(library_path, request):
        print("Yuedu is already open on this library: it was brought forward.")
        return 0
    server = InstanceServer(library_path)
    try:
        library = Library.open(library_path)
    except LibraryError as error:
        library_error_box(str(error)).exec()
        return 1
    try:
        import_sample_if_empty(library)
        window = create_main_window(library)
        server.request_received.connect(window.handle_instance_request)
        window.show()
        window.warn_if_no_chinese_font()
        if open_url:
            window.open_deep_link(open_url)
        status = app.exec()
        window.service.shutdown()
        window.pinyin.shutdown()
        return status
    finally:
        library.close()
