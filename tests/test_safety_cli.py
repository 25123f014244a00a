"""`yuedu check`, `backups`, `backup-now`, `recover`; every other command refuses a damaged
library with a way out; the JSON `backup`/`restore` commands still work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.app import main
from reader.library import Library
from reader.library.safety import LibraryBackups, check_library
from tests.test_safety_check import damage, make_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    return path


def test_check_a_sound_library(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--db", str(library_path), "check")
    assert status == 0
    assert f"{library_path}: ok" in out and "No good automatic backup" in out


def test_backup_now_then_backups_lists_it(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--db", str(library_path), "backup-now")
    assert status == 0
    made = Path(out.strip())
    assert made.parent == library_path.parent / "backups" and made.is_file()
    status, out, _ = run(capsys, "--db", str(library_path), "backups", "--json")
    assert status == 0
    [listed] = json.loads(out)
    assert listed["path"] == str(made) and listed["good"] is True and listed["bytes"] > 0
    status, out, _ = run(capsys, "--db", str(library_path), "backups")
    assert status == 0 and str(made) in out


def test_a_damaged_library_check_recover_and_other_commands(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    assert run(capsys, *db, "backup-now")[0] == 0
    backup = LibraryBackups(library_path).newest_good()
    assert backup is not None
    damage(library_path)

    status, out, _ = run(capsys, *db, "check")
    assert status == 1
    assert "DAMAGED" in out and str(backup) in out and "yuedu recover" in out

    for command in (["list"], ["show", "1"], ["annotations"], ["backup-now"]):
        status, out, err = run(capsys, *db, *command)
        assert status == 1, command
        assert str(backup) in err and "yuedu recover" in err, command

    status, out, _ = run(capsys, *db, "recover")
    assert status == 0
    assert (library_path.parent / "library.sqlite3.damaged").is_file()
    assert check_library(library_path).ok
    status, out, _ = run(capsys, *db, "list")
    assert status == 0 and len(out.strip().splitlines()) == 4


def test_recover_refuses_a_sound_library_unless_forced(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    run(capsys, *db, "backup-now")
    with Library.open(library_path) as library, library.session.write("Change") as change:
        change.all_changed()
        library.conn.execute("DELETE FROM article_tokens")  # a change after the backup
    before = library_path.read_bytes()
    status, _, err = run(capsys, *db, "recover")
    assert status == 2 and "passed its check" in err
    assert library_path.read_bytes() == before
    status, _, _ = run(capsys, *db, "recover", "--force")
    assert status == 0
    assert (library_path.parent / "library.sqlite3.damaged").read_bytes() == before
    with Library.open(library_path) as library:
        assert library.conn.execute("SELECT count(*) FROM article_tokens").fetchone()[0] == 4


def test_recover_with_a_chosen_backup_and_without_any(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    elsewhere = LibraryBackups(library_path, tmp_path / "kept").make()
    damage(library_path)
    status, _, err = run(capsys, *db, "recover")
    assert status == 1 and "no good automatic backup" in err
    assert not (library_path.parent / "library.sqlite3.damaged").exists()
    status, _, err = run(capsys, *db, "recover", "--backup", str(tmp_path / "nothing.sqlite3"))
    assert status == 2
    status, _, _ = run(capsys, *db, "recover", "--backup", str(elsewhere))
    assert status == 0 and check_library(library_path).ok


def test_json_backup_and_restore_still_work(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    status, _, _ = run(capsys, "--db", str(library_path), "backup", "-o", str(target))
    assert status == 0 and json.loads(target.read_text())
    other = tmp_path / "other.sqlite3"
    status, out, _ = run(capsys, "--db", str(other), "restore", str(target), "--json")
    assert status == 0 and json.loads(out)["articles_added"] == 4
