"""Keeping the library file safe: automatic backups, the start-up check, quarantine and restore.

Qt-free. Backups are made with SQLite's backup API, never by copying the file: a copy of a
live database (or of its main file without its `-wal`) can be torn or stale. Every file this
module writes is written under a temporary name, checked, and moved into place with
`os.replace`, so a crash leaves either the old state or the new one, never half a file under
a backup or library name. Nothing here deletes or overwrites a library file.
"""

from __future__ import annotations

import builtins
import os
import re
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.file_access import backup_uri, side_file

# The check lives in library_check; callers import it from here, as before.
from reader.library.library_check import LibraryCheck as LibraryCheck
from reader.library.library_check import _quick_check_problems, _read_only
from reader.library.library_check import check_library as check_library
from reader.library.library_check import emptied_library_problem as emptied_library_problem

if TYPE_CHECKING:
    from reader.library.store import Library

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_FOLDER_NAME = "backups"
BACKUP_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
BACKUP_NAME = re.compile(r"^library-(\d{8}T\d{6}Z)(?:-(\d+))?\.sqlite3$")
PARTIAL_MARK = ".partial-"
KEEP_NEWEST = 5
KEEP_DAILY_DAYS = 7
BACKUP_INTERVAL = timedelta(minutes=30)
# A partial file this old belongs to no running backup (one takes seconds): it is removed.
STALE_PARTIAL_AGE_S = 3600
DAMAGED_SUFFIX = ".damaged"
SIDE_FILE_SUFFIXES = ("-wal", "-shm")


def _read_backup(path: Path) -> sqlite3.Connection:
    """A connection to a backup that leaves nothing beside it (`file_access.backup_uri`)."""
    return sqlite3.connect(backup_uri(path), uri=True, isolation_level=None)


def is_sqlite_file(path: Path) -> bool:
    """True for an SQLite file, and for an empty one (SQLite makes it a database)."""
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    return header == SQLITE_HEADER or header == b""


def has_articles(path: Path) -> bool:
    """Whether the backup at `path` holds at least one article."""
    try:
        conn = _read_backup(path)
    except sqlite3.Error:
        return False
    try:
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def is_good_backup(path: Path) -> bool:
    """A non-empty SQLite file that passes `PRAGMA quick_check` (an empty file would pass:
    SQLite takes it for an empty database)."""
    try:
        if path.stat().st_size == 0 or not is_sqlite_file(path):
            return False
        conn = _read_backup(path)
    except (OSError, sqlite3.Error):
        return False
    try:
        return not _quick_check_problems(conn)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - folders cannot be opened there
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new single file at `target` (no -wal beside it), check it and
    flush it to disk. Removes `target` and raises on any failure."""
    try:
        destination = sqlite3.connect(str(target), isolation_level=None)
        try:
            source.backup(destination)
            # The copy carries the source's WAL flag; a backup should be one file.
            destination.execute("PRAGMA journal_mode = DELETE")
            problems = _quick_check_problems(destination)
        finally:
            destination.close()
        if problems:
            raise sqlite3.DatabaseError("the copy failed its check: " + "; ".join(problems))
        _fsync_file(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


class LibraryBackups:
    """The automatic backups of one library file, in `<library folder>/backups/` unless
    another folder is given. Names sort by time: `library-20261128T221500Z.sqlite3`."""

    def __init__(self, library_path: Path, folder: Path | None = None) -> None:
        self.library_path = Path(library_path)
        self.folder = (
            Path(folder) if folder is not None else (self.library_path.parent / BACKUP_FOLDER_NAME)
        )
        self.keep_newest = KEEP_NEWEST  # the reader may ask for more or fewer (Preferences)

    def _name_for(self, moment: datetime) -> Path:
        stamp = moment.astimezone(UTC).strftime(BACKUP_TIME_FORMAT)
        candidate = self.folder / f"library-{stamp}.sqlite3"
        counter = 2
        while candidate.exists():  # two backups within one second
            candidate = self.folder / f"library-{stamp}-{counter}.sqlite3"
            counter += 1
        return candidate

    def _remove_stale_partials(self) -> None:
        cutoff = time.time() - STALE_PARTIAL_AGE_S
        for path in self.folder.glob(f".library-*{PARTIAL_MARK}*"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass

    def make(self, library: Library | None = None) -> Path:
        """Back up the library now (from `library`'s connection when given, else from the
        file, read-only) and return the new backup's path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._remove_stale_partials()
        final = self._name_for(datetime.now(UTC))
        partial = self.folder / f".{final.name}{PARTIAL_MARK}{os.getpid()}"
        if library is not None:
            _copy_database(library.conn, partial)
        else:
            source = _read_only(self.library_path)
            try:
                _copy_database(source, partial)
            finally:
                source.close()
        try:
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        _fsync_folder(self.folder)
        return final

    def list(self) -> builtins.list[Path]:
        """Every backup, newest first."""
        if not self.folder.is_dir():
            return []
        found: builtins.list[tuple[str, int, Path]] = []
        for path in self.folder.iterdir():
            match = BACKUP_NAME.match(path.name)
            # A name whose time is no time (20261201T999999Z) is no backup of ours.
            if match and _parse_stamp(match[1]) is not None and path.is_file():
                found.append((match[1], int(match[2] or 1), path))
        return [path for _, _, path in sorted(found, reverse=True)]

    def newest_good(self) -> Path | None:
        """The newest backup that passes `PRAGMA quick_check`."""
        return next((path for path in self.list() if is_good_backup(path)), None)

    @staticmethod
    def taken_at(backup: Path) -> datetime:
        match = BACKUP_NAME.match(backup.name)
        taken = _parse_stamp(match[1]) if match is not None else None
        if taken is None:
            raise ValueError(f"{backup.name} is not named like a backup")
        return taken

    def rotate(self, now: datetime | None = None) -> builtins.list[Path]:
        """Keep the newest `keep_newest` backups, the newest of each of the last
        KEEP_DAILY_DAYS days (UTC) and, always, the newest good one and the newest good one
        that holds any article: backups of a library that was emptied (a file cut to
        nothing, everything deleted) never push out the last backup with your reading in
        it. Remove the rest and return what was removed."""
        now = now or datetime.now(UTC)
        backups = self.list()
        keep = set(backups[: max(1, self.keep_newest)])
        days = {(now - timedelta(days=n)).astimezone(UTC).date() for n in range(KEEP_DAILY_DAYS)}
        for backup in backups:  # newest first: the first seen of a day is its newest
            day = self.taken_at(backup).date()
            if day in days:
                keep.add(backup)
                days.discard(day)
        if not any(is_good_backup(path) for path in keep):
            newest_good = self.newest_good()
            if newest_good is not None:
                keep.add(newest_good)
        if not any(has_articles(path) for path in keep):
            newest_full = next(
                (path for path in backups if has_articles(path) and is_good_backup(path)), None
            )
            if newest_full is not None:
                keep.add(newest_full)
        removed = [path for path in backups if path not in keep]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def due(
        self, last_backup_at: datetime | None, changed: bool, now: datetime | None = None
    ) -> bool:
        """Whether to back up now: only when something changed, at most every 30 minutes."""
        if not changed:
            return False
        if last_backup_at is None:
            return True
        return (now or datetime.now(UTC)) - last_backup_at >= BACKUP_INTERVAL


def _parse_stamp(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, BACKUP_TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def _side_files(path: Path) -> builtins.list[Path]:
    return [side_file(path, suffix) for suffix in SIDE_FILE_SUFFIXES]


def quarantine(path: Path) -> Path:
    """Rename the library file (and its -wal/-shm) to `<name>.damaged`, or `.damaged-2`, …
    when that is taken. Nothing is deleted or overwritten. Returns the new main file path."""
    path = Path(path)
    counter = 1
    while True:
        suffix = DAMAGED_SUFFIX if counter == 1 else f"{DAMAGED_SUFFIX}-{counter}"
        target = path.with_name(path.name + suffix)
        if not any(p.exists() for p in [target, *_side_files(target)]):
            break
        counter += 1
    # The -wal goes first: left behind beside a new library file of the same name, its
    # frames could be replayed into that file.
    for side, side_target in zip(_side_files(path), _side_files(target), strict=True):
        if side.exists():
            os.rename(side, side_target)
    os.rename(path, target)
    _fsync_folder(path.parent)
    return target


def restore_from_backup(backup: Path, library_path: Path) -> None:
    """Make `library_path` a copy of `backup`, through the backup API and atomically. Only
    into a path where no library is (after `quarantine`): FileExistsError otherwise."""
    backup, library_path = Path(backup), Path(library_path)
    if any(p.exists() for p in [library_path, *_side_files(library_path)]):
        raise FileExistsError(f"{library_path} exists; move it aside first (yuedu recover)")
    if not is_good_backup(backup):
        raise sqlite3.DatabaseError(f"{backup} is not a sound SQLite file")
    library_path.parent.mkdir(parents=True, exist_ok=True)
    partial = library_path.with_name(f".{library_path.name}{PARTIAL_MARK}{os.getpid()}")
    source = _read_backup(backup)
    try:
        _copy_database(source, partial)
    finally:
        source.close()
    if library_path.exists():  # appeared while copying: never overwrite a library
        partial.unlink(missing_ok=True)
        raise FileExistsError(f"{library_path} appeared while restoring; nothing was changed")
    os.replace(partial, library_path)
    _fsync_folder(library_path.parent)
