"""Files Yuedu writes for the reader get an ordinary document's mode: 0o666 narrowed by the
umask (0644 under the usual umask 022), never executable; a stricter umask is honoured."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from reader.app import main
from reader.library.safety import LibraryBackups
from reader.ui.export_dialog import ExportRequest
from tests.shared_data import SEED_PAGE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process's umask set to `mask` inside the block, restored after it."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def annotated_db(tmp_path: Path) -> Path:
    """A library with the seed page and one highlight, made through the CLI."""
    path = tmp_path / "lib.sqlite3"
    assert main(["--db", str(path), "import", str(SEED_PAGE)]) == 0
    assert main(["--db", str(path), "annotate", "1", "--quote", "兴县"]) == 0
    return path


def test_cli_export_to_a_folder_and_to_one_file_is_0644(annotated_db: Path, tmp_path: Path) -> None:
    folder, single = tmp_path / "notes", tmp_path / "all.md"
    with umask(0o022):
        assert main(["--db", str(annotated_db), "export", "-o", f"{folder}/"]) == 0
        assert main(["--db", str(annotated_db), "export", "-o", str(single)]) == 0
    written = sorted(folder.iterdir())
    assert written  # the one annotated article
    assert {p.name: mode_of(p) for p in written} == {p.name: 0o644 for p in written}
    assert mode_of(single) == 0o644


def test_gui_export_runner_writes_0644(annotated_db: Path, tmp_path: Path, qtbot: Any) -> None:
    from reader.ui.export_runner import ExportRunner

    folder, single = tmp_path / "notes", tmp_path / "all.md"
    runner = ExportRunner(annotated_db)
    with umask(0o022):
        for destination, per_article in ((folder, True), (single, False)):
            with qtbot.waitSignal(runner.finished, timeout=60_000) as done:
                runner.start(ExportRequest([1], destination, per_article=per_article))
            runner.wait()
    written = [Path(p) for p in done.args[0]] + sorted(folder.iterdir())
    assert single in written and len(written) == 2
    assert [mode_of(p) for p in written] == [0o644, 0o644]


def test_json_backup_and_automatic_backup_are_0644(annotated_db: Path, tmp_path: Path) -> None:
    json_backup = tmp_path / "saved" / "library.json"
    json_backup.parent.mkdir()  # a backup is written into an existing folder only
    with umask(0o022):
        assert main(["--db", str(annotated_db), "backup", "-o", str(json_backup)]) == 0
        automatic = LibraryBackups(annotated_db).make()
    assert mode_of(json_backup) == 0o644
    assert mode_of(automatic) == 0o644


def test_a_strict_umask_is_honoured_not_overridden(annotated_db: Path, tmp_path: Path) -> None:
    single, json_backup = tmp_path / "all.md", tmp_path / "library.json"
    with umask(0o077):
        assert main(["--db", str(annotated_db), "export", "-o", str(single)]) == 0
        assert main(["--db", str(annotated_db), "backup", "-o", str(json_backup)]) == 0
        automatic = LibraryBackups(annotated_db).make()
    assert [mode_of(single), mode_of(json_backup), mode_of(automatic)] == [0o600] * 3


def test_overwriting_keeps_a_private_file_private_and_drops_execute_bits(
    annotated_db: Path, tmp_path: Path
) -> None:
    private, old_export = tmp_path / "private.md", tmp_path / "old.md"
    private.write_text("old notes")
    private.chmod(0o600)
    old_export.write_text("written by an older Yuedu")
    old_export.chmod(0o755)
    with umask(0o022):
        for target in (private, old_export):
            assert main(["--db", str(annotated_db), "export", "-o", str(target), "--force"]) == 0
    assert private.read_text(encoding="utf-8").startswith("---")  # really replaced
    assert mode_of(private) == 0o600
    assert mode_of(old_export) == 0o644


def test_restored_library_and_dictionary_cache_follow_the_umask(
    annotated_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library.safety import quarantine, restore_from_backup
    from reader.text import dictionary

    # Two CEDICT lines: the build's file handling is what is tested, not the parse.
    monkeypatch.setattr(
        dictionary,
        "_read_bundled_text",
        lambda: "兴 兴 [xing1] /to rise/\n县 县 [xian4] /county/\n",
    )
    cache = tmp_path / "cache" / "cedict.sqlite3"
    with umask(0o022):
        backup = LibraryBackups(annotated_db).make()
        quarantine(annotated_db)
        restore_from_backup(backup, annotated_db)
        dictionary.build_dictionary(cache)
    assert mode_of(annotated_db) == 0o644
    assert mode_of(cache) == 0o644
    with dictionary.Dictionary.open(cache) as opened:  # a real, complete build
        assert opened.lookup("县")
