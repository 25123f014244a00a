"""Automatic backups: made with SQLite's backup API, checked, moved into place whole; rotated;
a backup killed half-way leaves the older backups and no half file under a backup name."""

from __future__ import annotations

import os
import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.importer import import_path
from reader.library import Library
from reader.library.safety import (
    BACKUP_NAME,
    LibraryBackups,
    is_good_backup,
)
from reader.library.store import NewArticle, NewSource
from tests.shared_data import SEED_PAGE, start_python


def article_titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        conn.close()


def fake_backup(folder: Path, moment: datetime, good: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"library-{moment.strftime('%Y%m%dT%H%M%SZ')}.sqlite3"
    if good:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(b"not a database" * 100)
    return path


def test_make_writes_a_checked_single_file_copy_of_the_live_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    backups = LibraryBackups(path)
    with Library.open(path) as library:
        [article_id, *_] = import_path(library, SEED_PAGE).article_ids
        AnnotationStore(library).add(article_id, 0, 2, comment="still in the -wal")
        made = backups.make(library)
        from_the_file = backups.make()  # no connection given: read from the file
    assert made.parent == tmp_path / "backups"
    assert BACKUP_NAME.match(made.name) and BACKUP_NAME.match(from_the_file.name)
    for backup in (made, from_the_file):
        assert is_good_backup(backup)
        assert not Path(f"{backup}-wal").exists()  # one file, not WAL
        assert article_titles(backup) == article_titles(path)
        with Library.open(backup) as copy:
            assert AnnotationStore(copy).count() == 1
    assert backups.list() == [from_the_file, made]
    assert backups.newest_good() == from_the_file
    assert [p.name for p in (tmp_path / "backups").iterdir() if p.name.startswith(".")] == []


def test_list_is_newest_first_and_ignores_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    backups = LibraryBackups(tmp_path / "library.sqlite3", folder)
    base = datetime(2026, 11, 28, 22, 15, tzinfo=UTC)
    older = fake_backup(folder, base)
    newer = fake_backup(folder, base + timedelta(hours=1))
    same_second = folder / f"{newer.stem}-2.sqlite3"
    same_second.write_bytes(newer.read_bytes())
    (folder / "notes.txt").write_text("x")
    (folder / f".{newer.name}.partial-123").write_bytes(b"half")
    assert backups.list() == [same_second, newer, older]


def test_newest_good_skips_damaged_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    base = datetime(2026, 11, 28, tzinfo=UTC)
    good = fake_backup(folder, base)
    fake_backup(folder, base + timedelta(minutes=1), good=False)
    assert LibraryBackups(tmp_path / "library.sqlite3").newest_good() == good


def test_rotate_keeps_five_newest_and_one_per_day_for_a_week(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    made = [fake_backup(folder, now - timedelta(hours=3 * n)) for n in range(80)]  # 10 days
    backups = LibraryBackups(tmp_path / "library.sqlite3")
    removed = backups.rotate(now)
    kept = backups.list()
    assert set(kept) | set(removed) == set(made) and not set(kept) & set(removed)
    assert kept[:5] == made[:5]
    days = {LibraryBackups.taken_at(p).date() for p in kept}
    assert days == {(now - timedelta(days=n)).date() for n in range(7)}
    for day in days:  # the one kept for a day is that day's newest
        newest_of_day = max(p for p in made if LibraryBackups.taken_at(p).date() == day)
        assert newest_of_day in kept
    assert len(kept) == 5 + 6  # today's newest is among the five
    assert backups.rotate(now) == []


def test_rotate_never_removes_the_newest_good_backup(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    old_good = fake_backup(folder, now - timedelta(days=30))
    for n in range(8):
        fake_backup(folder, now - timedelta(minutes=n), good=False)
    backups = LibraryBackups(tmp_path / "library.sqlite3")
    backups.rotate(now)
    assert old_good.exists()
    assert backups.newest_good() == old_good


def test_due_at_most_every_thirty_minutes_and_only_after_a_change(tmp_path: Path) -> None:
    backups = LibraryBackups(tmp_path / "library.sqlite3")
    now = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    assert backups.due(None, changed=True, now=now)
    assert not backups.due(None, changed=False, now=now)
    assert not backups.due(now - timedelta(minutes=29), changed=True, now=now)
    assert backups.due(now - timedelta(minutes=30), changed=True, now=now)
    assert not backups.due(now - timedelta(hours=5), changed=False, now=now)


# Makes one backup of the library named in argv[1], stopped at the stage named in argv[2]:
# the call that starts the stage is wrapped to print the stage's name and sleep, so the test
# can SIGKILL the backup there. "copying": before the backup API copies the library's
# connection; "checking": before the copy's quick_check; "replacing": before the checked
# copy is moved to its backup name.
CHILD = r"""
import os
import sys
import time

import reader.library.safety as safety
from reader.library import Library

stage = sys.argv[2]


def paused(real):
    def pause_then_call(*args, **kwargs):
        print(stage, flush=True)
        time.sleep(600)
        return real(*args, **kwargs)

    return pause_then_call


with Library.open(sys.argv[1]) as library:
    if stage == "copying":
        # sqlite3.Connection's methods cannot be replaced; the library's connection is of a
        # subclass of it, whose can.
        connection_type = type(library.conn)
        connection_type.backup = paused(connection_type.backup)
    elif stage == "checking":
        safety._quick_check_problems = paused(safety._quick_check_problems)
    elif stage == "replacing":
        os.replace = paused(os.replace)
    else:
        raise SystemExit(f"unknown stage {stage!r}")
    print(safety.LibraryBackups(library.path).make(library), flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("stage", ["copying", "checking", "replacing"])
def test_a_backup_killed_half_way_leaves_older_backups_and_no_half_file(
    tmp_path: Path, stage: str
) -> None:
    path = tmp_path / "library.sqlite3"
    text = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n" * 40_000  # ~1 M characters
    with Library.open(path) as library:
        for n in range(4):
            library.add_source(
                NewSource.whole(f"{n}.txt", "UTF-8", f"{n}" * 64, len(text), text, [text]),
                [NewArticle(f"article {n}", False, "", text, 0, 1, [len(text)])],
            )
        backups = LibraryBackups(path)
        older = backups.make(library)
    older_bytes = older.read_bytes()
    child = start_python(CHILD, str(path), stage)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == stage, child.stderr.read() if child.stderr else ""
    if stage != "copying":  # the copy is complete: the partial file is there, whole
        assert [p for p in (tmp_path / "backups").iterdir() if ".partial-" in p.name]
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert backups.list() == [older]
    assert older.read_bytes() == older_bytes and is_good_backup(older)
    # The next backup works, and a partial left long ago is cleared by it.
    for partial in (tmp_path / "backups").glob(".*"):
        os.utime(partial, (0, 0))
    newer = backups.make()
    assert backups.list()[0] == newer and is_good_backup(newer)
    assert [p for p in (tmp_path / "backups").iterdir() if p.name.startswith(".")] == []


def test_a_backup_that_fails_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.safety as safety

    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    monkeypatch.setattr(safety, "_quick_check_problems", lambda conn: ["page 3: bad"])
    with pytest.raises(sqlite3.DatabaseError, match="failed its check"):
        LibraryBackups(path).make()
    assert list((tmp_path / "backups").iterdir()) == []


def test_rotate_keeps_as_many_newest_as_the_reader_asked(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    made = [fake_backup(folder, now - timedelta(minutes=10 * n)) for n in range(30)]  # one day
    backups = LibraryBackups(tmp_path / "library.sqlite3")
    backups.keep_newest = 12  # Preferences ▸ Backups
    backups.rotate(now)
    assert backups.list() == made[:12]
    backups.keep_newest = 2
    backups.rotate(now)
    assert backups.list() == made[:2]
