"""The start-up check, quarantine of a damaged file, restore from a backup, and migrations
that survive a crash half-way."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from reader.importer import import_path
from reader.library import Library, LibraryDamaged, LibraryError
from reader.library.safety import (
    LibraryBackups,
    check_library,
    quarantine,
    restore_from_backup,
)
from tests.old_libraries import write_version_1_library
from tests.shared_data import SEED_PAGE, start_python


def make_library(path: Path) -> None:
    with Library.open(path) as library:
        import_path(library, SEED_PAGE)


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file (the WAL was checkpointed at close)."""
    page_size = 4096
    with path.open("r+b") as file:
        file.seek(2 * page_size)
        file.write(b"\xa5" * page_size * 3)


def test_a_sound_library_passes_and_a_missing_one_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    assert check_library(path).ok
    make_library(path)
    assert check_library(path) == check_library(path)
    assert check_library(path).ok and check_library(path).problems == []


def test_damaged_pages_are_found_and_the_file_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    damage(path)
    before = path.read_bytes()
    check = check_library(path)
    assert not check.ok and check.problems
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_text("这不是数据库" * 100)
    check = check_library(path)
    assert not check.ok and "not an SQLite database" in check.problems[0]


def test_a_broken_foreign_key_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    conn = sqlite3.connect(path)  # foreign keys off, as any other tool would have them
    conn.execute("DELETE FROM sources")
    conn.commit()
    conn.close()
    check = check_library(path)
    assert not check.ok
    assert any("articles" in problem and "sources" in problem for problem in check.problems)


def test_open_checked_refuses_a_damaged_file_naming_the_newest_good_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    backup = LibraryBackups(path).make()
    damage(path)
    before = path.read_bytes()
    with pytest.raises(LibraryDamaged) as caught:
        Library.open_checked(path)
    assert caught.value.backup == backup
    assert isinstance(caught.value, LibraryError)  # what the window's start-up catches
    assert str(backup) in str(caught.value) and "yuedu recover" in str(caught.value)
    assert path.read_bytes() == before


def test_open_refuses_a_file_sqlite_calls_no_database_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    with pytest.raises(LibraryDamaged) as caught:
        Library.open(path)
    assert caught.value.backup is None
    assert "no automatic backup" in str(caught.value)
    assert path.read_bytes() == b"\x00\x01garbage" * 1000


def test_quarantine_renames_with_side_files_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    for attempt in range(3):
        path.write_bytes(f"damaged {attempt}".encode())
        Path(f"{path}-wal").write_bytes(f"wal {attempt}".encode())
        kept = quarantine(path)
        expected = ".damaged" if attempt == 0 else f".damaged-{attempt + 1}"
        assert kept == tmp_path / f"library.sqlite3{expected}"
        assert kept.read_bytes() == f"damaged {attempt}".encode()
        assert Path(f"{kept}-wal").read_bytes() == f"wal {attempt}".encode()
        assert not path.exists() and not Path(f"{path}-wal").exists()
    assert len(list(tmp_path.iterdir())) == 6


def test_restore_only_into_a_free_path_and_the_result_opens(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_library(path)
    backup = LibraryBackups(path).make()
    with pytest.raises(FileExistsError):
        restore_from_backup(backup, path)
    quarantine(path)
    restore_from_backup(backup, path)
    assert check_library(path).ok
    with Library.open(path) as library:
        assert library.article_count() == 4
    assert [p.name for p in tmp_path.iterdir() if ".partial-" in p.name] == []


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    backup = tmp_path / "library-20261128T221500Z.sqlite3"
    backup.write_bytes(b"nope" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        restore_from_backup(backup, tmp_path / "library.sqlite3")
    assert not (tmp_path / "library.sqlite3").exists()


# Opens an older library with one extra, test-only migration that prints and then sleeps
# after changing the schema, so that the parent can kill it inside the migration transaction.
MIGRATING_CHILD = r"""
import sys, time
from reader.library import Library, schema

@schema.migration("9000_test_only_slow_step")
def slow_step(db):
    db.execute("CREATE TABLE half_done (x INTEGER)")
    db.execute("ALTER TABLE articles ADD COLUMN half_done INTEGER")
    print("migrating", flush=True)
    time.sleep(600)

Library.open(sys.argv[1])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crash_during_migrations_leaves_the_old_schema_whole(tmp_path: Path) -> None:
    from reader.library import schema

    path = tmp_path / "library.sqlite3"
    write_version_1_library(path, SEED_PAGE)  # an older Yuedu: step 1 only
    child = start_python(MIGRATING_CHILD, str(path))
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "migrating", child.stderr.read()  # type: ignore[union-attr]
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    steps = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    conn.close()
    assert steps == ["0001_sources_articles_tokens"]
    assert "half_done" not in tables and "half_done" not in columns
    assert "reading_overrides" not in tables and "annotations" not in tables
    assert check_library(path).ok
    with Library.open(path) as library:  # and the next start upgrades it
        assert library.schema_steps == schema.KNOWN_MIGRATIONS
        assert library.article_count() == 4
