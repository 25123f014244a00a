"""The window's side of data safety: a damaged library set aside and a backup restored at
start-up, automatic backups after changes, Help ▸ Check library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from reader.importer import import_path
from reader.library import Library
from reader.library.safety import LibraryBackups
from reader.ui.application import open_or_recover
from tests.shared_data import SEED_PAGE


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] ^= 0x5A  # flip bytes over several pages
    path.write_bytes(bytes(data))


def choose(monkeypatch: Any, button_text: str) -> list[str]:
    """Make message boxes answer by clicking the button whose label starts `button_text`."""
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        for button in box.buttons():
            if button.text().startswith(button_text):  # the restore button names a time
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def test_a_damaged_library_is_set_aside_and_the_newest_backup_restored(
    tmp_path: Path, qapp: Any, monkeypatch: Any
) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        import_path(library, SEED_PAGE)
        backup = LibraryBackups(path).make(library)
    damage(path)
    shown = choose(monkeypatch, "Restore the backup of ")
    restored = open_or_recover(path)
    assert restored is not None
    try:
        assert restored.article_count() == 4
    finally:
        restored.close()
    assert backup.name in shown[0] and "renamed, not deleted" in shown[0]
    aside = path.with_name(path.name + ".damaged")
    assert aside.exists() and aside.stat().st_size > 0  # kept, never deleted


def test_quitting_at_the_damage_question_changes_nothing(
    tmp_path: Path, qapp: Any, monkeypatch: Any
) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        import_path(library, SEED_PAGE)
    library_bytes = path.read_bytes()
    damage(path)
    damaged_bytes = path.read_bytes()
    choose(monkeypatch, "Quit")
    assert open_or_recover(path) is None
    assert path.read_bytes() == damaged_bytes != library_bytes
    assert not path.with_name(path.name + ".damaged").exists()


def test_changes_are_backed_up_when_due(ui_window: Any, qtbot: Any) -> None:
    from reader.ui.backup_keeper import BackupKeeper

    path = ui_window.service.library_path
    keeper = BackupKeeper(path, ui_window)
    ui_window.attach_backups(keeper)
    assert not keeper.back_up_if_due()  # nothing changed yet
    [first, *_] = ui_window.service.articles()
    ui_window.service.create_annotation(first.id, 0, 2, "yellow")
    assert keeper.changed
    with qtbot.waitSignal(keeper.backup_made, timeout=30_000) as made:
        assert keeper.back_up_if_due()
    backup = Path(made.args[0])
    assert backup.exists() and backup in keeper.backups.list()
    with Library.open(backup) as copy:
        assert copy.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    assert not keeper.back_up_if_due()  # at most every 30 minutes


def test_help_check_library_reports_in_words(ui_window: Any) -> None:
    box = ui_window.library_controller.check_library()
    assert "The library is sound." in box.text()
    assert box.icon() == QMessageBox.Icon.Information
    box.close()


def test_help_check_library_does_not_call_a_newer_library_damaged(
    tmp_path: Path, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QWidget

    from reader.ui.damage_dialogs import check_library_box
    from tests.test_safety_edge_cases import write_newer_library

    path = tmp_path / "library.sqlite3"
    write_newer_library(path)
    parent = QWidget()
    qtbot.addWidget(parent)
    restores: list[bool] = []
    box = check_library_box(parent, path, lambda: restores.append(True))
    assert "newer version of Yuedu" in box.text() and "damaged" not in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    assert [b for b in box.buttons() if "Restore" in b.text()] == []
    box.close()
