"""No code path of the app's process opens the library's files other than SQLite (issue 10).

SQLite's locks are POSIX advisory locks, and closing any descriptor a process holds on a
file drops all of that process's locks on it; another program closing the library then
believes itself the last one and deletes the live `-wal`. Each test holds the library open
(as the window does), counts this process's locks on its files in /proc/locks, runs one code
path that could reach those files, and checks that every lock is still held."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.library.files import LibraryFileRefused, is_library_file
from tests.posix_locks import PROC_LOCKS, library_files, posix_locks

pytestmark = pytest.mark.skipif(not PROC_LOCKS.exists(), reason="needs Linux /proc/locks")

IMPORT_TIMEOUT_MS = 20_000


def held(library: Library) -> dict[str, int]:
    """Read through the library (as the window does all the time) and count its locks."""
    library.conn.execute("SELECT count(*) FROM articles").fetchone()
    locks = posix_locks(library.path)
    assert sum(locks.values()) > 0, "the open library should hold SQLite's locks"
    return locks


def companions(library: Library) -> list[Path]:
    return [path for path in library_files(library.path).values() if path.exists()]


def test_the_lock_count_sees_a_foreign_open_drop_the_locks(ui_library: Library) -> None:
    """The detector itself: Qt's MIME sniffing, which opens and reads each file, drops them
    (the bug this file guards against), so a test below that keeps them means something."""
    from PySide6.QtCore import QMimeDatabase

    held(ui_library)
    for path in companions(ui_library):
        QMimeDatabase().mimeTypeForFile(str(path), QMimeDatabase.MatchMode.MatchContent)
    assert sum(posix_locks(ui_library.path).values()) == 0


@pytest.mark.parametrize("action", ["import_action", "import_with_encoding_action"])
def test_the_import_dialogs_list_the_library_folder_without_opening_its_files(
    ui_window: Any, ui_library: Library, qtbot: Any, action: str
) -> None:
    from tests.dialogs import list_folder_then_cancel

    before = held(ui_library)
    listed: list[str] = []
    list_folder_then_cancel(ui_library.path.parent, listed)
    getattr(ui_window, action).trigger()  # modal: returns once the dialog was cancelled
    # The library's files, its shared-memory index among them, were in the listing.
    assert {ui_library.path.name, ui_library.path.name + "-shm"} <= set(listed)
    assert posix_locks(ui_library.path) == before


@pytest.mark.parametrize("per_article", [True, False], ids=["folder", "file"])
def test_the_export_dialogs_browse_button_keeps_the_locks(
    ui_window: Any, ui_library: Library, ui_settings: Any, qtbot: Any, per_article: bool
) -> None:
    from reader.ui.export_dialog import ExportDialog
    from tests.dialogs import list_folder_then_cancel

    dialog = ExportDialog(ui_window, ui_settings, ui_library.list_articles(), None)
    qtbot.addWidget(dialog)
    (dialog.per_article if per_article else dialog.one_file).setChecked(True)
    dialog.path_edit.setText(str(ui_library.path.parent / "notes.md"))
    before = held(ui_library)
    listed: list[str] = []
    list_folder_then_cancel(ui_library.path.parent, listed)
    dialog.browse_button.click()
    assert listed  # the folder was shown
    assert posix_locks(ui_library.path) == before


def drop_files(window: Any, paths: list[Path]) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


@pytest.mark.parametrize("how", ["drop", "yuedu FILE"])
def test_the_library_and_its_companions_are_refused_unopened_as_imports(
    ui_window: Any, ui_library: Library, qtbot: Any, tmp_path: Path, how: str
) -> None:
    from tests.test_ui_import import table_counts

    before = held(ui_library)
    counts = table_counts(ui_library)
    # Another spelling of the same file (a hard link) is the same file: caught by identity.
    alias = tmp_path / "alias" / "looks-like-a-text.txt"
    alias.parent.mkdir()
    os.link(ui_library.path, alias)
    files = [*companions(ui_library), alias]
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        if how == "drop":
            drop_files(ui_window, files)
        else:
            ui_window.handle_instance_request({"files": [str(path) for path in files]})
    report = done.args[0]
    assert [name for name, _ in report.failures] == [path.name for path in files]
    assert all("own database file" in message for _, message in report.failures)
    assert posix_locks(ui_library.path) == before
    assert table_counts(ui_library) == counts
    # ...and the reader is told, in words, in the window.
    from PySide6.QtWidgets import QMessageBox

    boxes = [box for box in ui_window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "own database file" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_check_library_reads_the_open_library_only_through_sqlite(
    ui_window: Any, ui_library: Library
) -> None:
    before = held(ui_library)
    box = ui_window.library_controller.check_library()
    assert "sound" in box.text()
    box.close()
    assert posix_locks(ui_library.path) == before


def test_backups_keep_the_windows_locks(ui_library: Library) -> None:
    from reader.library.safety import LibraryBackups
    from reader.ui.backup_keeper import BackupKeeper

    before = held(ui_library)
    keeper = BackupKeeper(ui_library.path)
    keeper.note_change()
    assert keeper.back_up_at_exit() is not None
    LibraryBackups(ui_library.path).make(ui_library)
    LibraryBackups(ui_library.path).rotate()
    assert posix_locks(ui_library.path) == before


def test_importing_the_library_file_is_refused_before_hashing(ui_library: Library) -> None:
    from reader.importer import import_path
    from reader.text.decode import ImportRefused

    before = held(ui_library)
    for path in companions(ui_library):
        with pytest.raises(ImportRefused, match="own database file"):
            import_path(ui_library, path)
    assert posix_locks(ui_library.path) == before


def test_a_journal_that_does_not_exist_yet_is_still_the_librarys(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert is_library_file(tmp_path / "lib.sqlite-journal", library)
    assert is_library_file(tmp_path / "." / "lib.sqlite-wal", library)
    assert not is_library_file(tmp_path / "lib.sqlite.txt", library)
    assert not is_library_file(tmp_path / "lib.sqlite-wal", None)


@pytest.mark.parametrize(
    "command",
    [
        ["backup", "-o", "{lib}", "--force"],
        ["restore", "{lib}"],
        ["export", "-o", "{lib}", "--force"],
        ["import", "{lib}-wal"],
    ],
    ids=["backup over it", "restore from it", "export over it", "import its wal"],
)
def test_commands_refuse_the_library_as_their_input_or_output(
    ui_library: Library, command: list[str]
) -> None:
    """`yuedu backup lib.sqlite --force` would have replaced the library with JSON."""
    from reader.app import build_parser
    from reader.cli import run_command
    from tests.test_ui_import import table_counts

    before = held(ui_library)
    counts = table_counts(ui_library)
    size = ui_library.path.stat().st_size
    arguments = [part.format(lib=ui_library.path) for part in command]
    args = build_parser().parse_args(["--db", str(ui_library.path), *arguments])
    out, err = io.StringIO(), io.StringIO()
    status = run_command(args, ui_library.path, out=out, err=err)
    assert status == 2
    assert "own database file" in err.getvalue()
    assert posix_locks(ui_library.path) == before
    assert table_counts(ui_library) == counts
    assert ui_library.path.stat().st_size == size


def test_the_export_runner_refuses_to_write_over_the_library(
    ui_library: Library, qtbot: Any
) -> None:
    from reader.ui.export_dialog import ExportRequest
    from reader.ui.export_runner import ExportRunner

    before = held(ui_library)
    runner = ExportRunner(ui_library.path)
    request = ExportRequest(
        article_ids=[a.id for a in ui_library.list_articles()],
        destination=ui_library.path,
        per_article=False,
        pinyin=False,
        context=False,
        orphans=False,
    )
    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.start(request, force=True)
    runner.wait()
    assert "own database file" in failed.args[0]
    assert posix_locks(ui_library.path) == before
    assert isinstance(LibraryFileRefused("x"), ValueError)
