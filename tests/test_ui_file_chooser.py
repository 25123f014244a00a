"""The file chooser that lists folders without opening what it lists (issue 10): it opens
files, chooses folders and names files to save, as the import and export dialogs need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from reader.ui.file_dialogs import (
    CHOOSE_FOLDER,
    OPEN_FILES,
    SAVE_FILE,
    FileChooser,
    list_folder,
    parse_filters,
)


@pytest.fixture(autouse=True)
def _settings_in_a_test_folder(ui_settings: Any) -> Any:
    """The chooser remembers its last folder in the default QSettings: never the user's."""
    return ui_settings


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    files = tmp_path / "files"  # beside the test settings folder
    (files / "sub").mkdir(parents=True)
    for name in ("a.txt", "B.TXT", "notes.md", ".hidden.txt"):
        (files / name).write_text("x", encoding="utf-8")
    return files


def test_the_listing_puts_folders_first_filters_by_name_and_hides_dot_files(folder: Path) -> None:
    text, every = parse_filters("Text files (*.txt);;All files (*)")
    assert list_folder(folder, text, folders_only=False) == [
        ("sub", True),
        ("a.txt", False),
        ("B.TXT", False),
    ]
    assert [name for name, _ in list_folder(folder, every, folders_only=False)] == [
        "sub",
        "a.txt",
        "B.TXT",
        "notes.md",
    ]
    assert list_folder(folder, every, folders_only=True) == [("sub", True)]


def test_opening_several_files(folder: Path, qtbot: Any) -> None:
    chooser = FileChooser(None, "Import", OPEN_FILES, str(folder), "Text files (*.txt)")
    qtbot.addWidget(chooser)
    assert chooser.listed_names() == ["sub", "a.txt", "B.TXT"]
    for row in (1, 2):
        chooser.listing.item(row).setSelected(True)
    chooser.accept()
    assert chooser.result() == QDialog.DialogCode.Accepted
    assert chooser.chosen == [folder / "a.txt", folder / "B.TXT"]


def test_a_missing_file_is_said_and_the_dialog_stays(folder: Path, qtbot: Any) -> None:
    chooser = FileChooser(None, "Import", OPEN_FILES, str(folder))
    qtbot.addWidget(chooser)
    chooser.name_edit.setText("gone.txt")
    chooser.accept()
    assert chooser.result() != QDialog.DialogCode.Accepted and chooser.chosen == []
    assert "No such file: gone.txt" in chooser.message.text()


def test_double_clicking_a_folder_enters_it(folder: Path, qtbot: Any) -> None:
    chooser = FileChooser(None, "Import", OPEN_FILES, str(folder))
    qtbot.addWidget(chooser)
    chooser._on_double_click(chooser.listing.item(0))
    assert chooser.folder == (folder / "sub").resolve() and chooser.listed_names() == []


def test_choosing_a_folder_and_naming_a_file_to_save(folder: Path, qtbot: Any) -> None:
    chooser = FileChooser(None, "Export into", CHOOSE_FOLDER, str(folder / "sub"))
    qtbot.addWidget(chooser)
    chooser.accept()
    assert chooser.chosen == [(folder / "sub").resolve()]

    saver = FileChooser(None, "Export to", SAVE_FILE, str(folder), "Markdown (*.md)")
    qtbot.addWidget(saver)
    assert saver.listed_names() == ["sub", "notes.md"]
    saver.name_edit.setText("new.md")
    saver.accept()
    assert saver.chosen == [folder / "new.md"]


def test_a_folder_that_cannot_be_listed_is_said(tmp_path: Path, qtbot: Any) -> None:
    chooser = FileChooser(None, "Import", OPEN_FILES, str(tmp_path))
    qtbot.addWidget(chooser)
    chooser.folder = tmp_path / "gone"
    chooser.refresh()
    assert "cannot be listed" in chooser.message.text()


def test_no_window_code_uses_qts_file_dialog() -> None:
    """Qt's QFileDialog lists folders with an icon provider called from a worker thread
    (it corrupted memory) and may open what it lists — the library's own files among them,
    which drops SQLite's locks. Every file question goes through reader.ui.file_dialogs."""
    import ast

    from tests.shared_data import REPO_ROOT

    users = [
        path.name
        for path in sorted((REPO_ROOT / "reader" / "ui").glob("*.py"))
        if any(
            isinstance(node, ast.Name | ast.Attribute | ast.alias)
            and "QFileDialog"
            in (getattr(node, "id", "") or getattr(node, "attr", "") or getattr(node, "name", ""))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert users == []


def test_a_chooser_starts_where_the_last_one_chose_else_at_home(
    folder: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder / "sub")  # the folder the app was started from: not used
    first = FileChooser(None, "Open library", OPEN_FILES)
    qtbot.addWidget(first)
    assert first.folder == Path.home()
    first.set_folder(folder)
    first.name_edit.setText("a.txt")
    first.accept()
    assert first.chosen == [folder / "a.txt"]
    later = FileChooser(None, "Import known words", OPEN_FILES)
    qtbot.addWidget(later)
    assert later.folder == folder
    given = FileChooser(None, "Export into", CHOOSE_FOLDER, str(folder / "sub"))
    qtbot.addWidget(given)
    assert given.folder == folder / "sub"  # a folder the caller names still wins
