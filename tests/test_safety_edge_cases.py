"""What a tester found the safety commands getting wrong: a library cut to 0 bytes taken
for a new one (and its backups then rotated away), a read-only folder taken for damage, a
badly named file in backups/ taken for the newest backup, and a library from a newer Yuedu
passing the check and set aside by `recover --force`."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app import main
from reader.library import Library
from reader.library.safety import LibraryBackups, check_library
from tests.shared_data import REPO_ROOT
from tests.test_safety_check import make_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def article_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    return path


# -- 1. a library file cut to 0 bytes --------------------------------------------------
def test_a_library_cut_to_nothing_is_damaged_and_recover_restores_it(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    articles = article_count(library_path)
    assert articles > 0
    assert run(capsys, *db, "backup-now")[0] == 0
    [backup] = LibraryBackups(library_path).list()
    os.truncate(library_path, 0)  # a disk fault, a failed copy

    status, out, _ = run(capsys, *db, "check")
    assert status == 1 and "DAMAGED" in out and str(backup) in out and "recover" in out
    for command in (["list"], ["backup-now"]):
        status, _, err = run(capsys, *db, *command)
        assert status == 1 and str(backup) in err, command
        assert library_path.stat().st_size == 0, command  # no fresh schema written into it
    assert LibraryBackups(library_path).list() == [backup]

    status, out, _ = run(capsys, *db, "recover")
    assert status == 0, out
    assert article_count(library_path) == articles
    assert (library_path.parent / "library.sqlite3.damaged").stat().st_size == 0


def test_an_empty_file_without_backups_is_still_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.touch()
    assert check_library(path).ok
    with Library.open_checked(path) as library:
        assert library.list_articles() == []


def test_rotation_never_drops_the_newest_backup_with_articles(library_path: Path) -> None:
    backups = LibraryBackups(library_path)
    with Library.open(library_path) as library:
        full = backups.make(library)
    emptied = library_path.with_name("emptied.sqlite3")
    with Library.open(emptied) as library:
        for _ in range(backups.keep_newest + 3):
            backups.make(library)
            backups.rotate()
    kept = backups.list()
    assert full in kept
    assert len(kept) == backups.keep_newest + 1
    assert article_count(full) > 0


# -- 2. a healthy library in a folder that cannot be written ---------------------------
DROP_ROOT_POWERS = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


def yuedu_without_write_permission(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command line in a child process that the folder's permissions apply to (root
    would pass them: it drops its powers to override them first)."""
    prefix = DROP_ROOT_POWERS if os.geteuid() == 0 else []
    code = "import sys; from reader.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        timeout=120,
    )


@pytest.fixture
def read_only_folder(library_path: Path) -> Iterator[Path]:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    folder = library_path.parent / "read-only"
    folder.mkdir()
    shutil.copy(library_path, folder / "library.sqlite3")
    folder.chmod(0o555)
    try:
        yield folder / "library.sqlite3"
    finally:
        folder.chmod(0o755)


def test_a_read_only_folder_is_not_damage_and_reading_works(read_only_folder: Path) -> None:
    db = ["--db", str(read_only_folder)]
    before = sorted(p.name for p in read_only_folder.parent.iterdir())

    check = yuedu_without_write_permission(*db, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "read-only" in check.stdout and "DAMAGED" not in check.stdout
    assert "recover" not in check.stdout + check.stderr

    listing = yuedu_without_write_permission(*db, "list", "--json")
    assert listing.returncode == 0, listing.stderr
    original = read_only_folder.parent.parent / "library.sqlite3"  # (this process is root)
    assert listing.stdout.count('"title"') == article_count(original) > 0

    write = yuedu_without_write_permission(*db, "annotate", "1", "--start", "0", "--end", "1")
    assert write.returncode == 1
    assert "read-only" in write.stderr and "recover" not in write.stderr
    assert "Traceback" not in write.stderr
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == before


# -- 3. files in backups/ that are not named like a backup -----------------------------
def test_a_badly_named_backup_is_never_listed_nor_chosen(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    assert run(capsys, *db, "backup-now")[0] == 0
    [good] = LibraryBackups(library_path).list()
    folder = library_path.parent / "backups"
    shutil.copy(library_path, folder / "library-20261201T999999Z.sqlite3")

    status, out, err = run(capsys, *db, "backups")
    assert status == 0 and "Traceback" not in err
    assert str(good) in out and "999999" not in out
    status, out, _ = run(capsys, *db, "check")
    assert status == 0 and f"Newest good backup: {good}" in out
    assert LibraryBackups(library_path).newest_good() == good


def test_checking_backups_leaves_nothing_beside_them(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = library_path.parent / "backups"
    folder.mkdir()
    # A copy of the library itself, in WAL mode as the library is, named like a backup.
    shutil.copy(library_path, folder / "library-20261201T000000Z.sqlite3")
    before = sorted(p.name for p in folder.iterdir())
    db = ["--db", str(library_path)]
    for command in (["check"], ["backups"]):
        assert run(capsys, *db, *command)[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == before


# -- 4. a library from a newer Yuedu ---------------------------------------------------
def write_newer_library(path: Path) -> None:
    with Library.open(path) as library, library.session.door():  # as a newer Yuedu would
        library.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('yuedu.library', '0099_future', 'x')"
        )


def test_a_library_from_a_newer_yuedu_is_reported_and_never_recovered(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(library_path)]
    assert run(capsys, *db, "backup-now")[0] == 0
    write_newer_library(library_path)
    before = library_path.stat()

    status, out, _ = run(capsys, *db, "check")
    assert status == 1
    assert "newer version of Yuedu" in out and "0099_future" in out
    assert ": ok" not in out and "DAMAGED" not in out and "recover" not in out
    assert not check_library(library_path).ok and check_library(library_path).problems == []

    for force in ([], ["--force"]):
        status, _, err = run(capsys, *db, "recover", *force)
        assert status == 1 and "newer version of Yuedu" in err, force
    assert not list(library_path.parent.glob("*.damaged*"))
    after = library_path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
