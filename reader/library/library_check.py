"""The start-up check of a library file (Help ▸ Check library, `yuedu check`, every
command's opening): sound, damaged, cut to nothing, from a newer Yuedu, or readable only.
Qt-free. The file is opened only by SQLite, read-only (`reader.library.file_access`)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.library.file_access import (
    is_read_only_error,
    reading_uri,
    side_file,
    why_read_only,
)
from reader.messages import message


@dataclass(frozen=True)
class LibraryCheck:
    """`ok`: sound and usable by this version. `problems`: the damage found (a damaged
    file is `not ok` with problems). `refusal`: not damage, yet not usable here as it
    stands — written by a newer Yuedu, or not readable with this process's permissions;
    recovery never touches such a file. `read_only`: sound, but changes cannot be saved
    (why, in words)."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    refusal: str | None = None
    read_only: str | None = None

    @property
    def damaged(self) -> bool:
        return not self.ok and self.refusal is None


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the library file (see `file_access.reading_uri`)."""
    return sqlite3.connect(reading_uri(path), uri=True, isolation_level=None)


def emptied_library_problem(path: Path) -> str | None:
    """The problem of a library file cut to 0 bytes (a disk fault, a failed copy) that
    has automatic backups: not a new library but a lost one, so it is damaged. (An empty
    file without backups is a new library, as SQLite makes it.) Looked at with `stat`."""
    try:
        if path.stat().st_size != 0 or side_file(path, "-wal").stat().st_size != 0:
            return None
    except FileNotFoundError:  # no -wal: the size of the main file is all there is
        pass
    except OSError:
        return None
    from reader.library.safety import LibraryBackups

    if not path.is_file() or not LibraryBackups(path).list():
        return None
    return message("{file} is empty (0 bytes), though it has backups", file=path.name)


def _quick_check_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    return [] if rows == ["ok"] else [f"integrity: {row}" for row in rows]


def check_library(path: Path) -> LibraryCheck:
    """Is the file a sound SQLite database? (`PRAGMA quick_check`, `foreign_key_check`.) A
    missing file is fine: opening it makes a new library. The file is opened read-only and
    only by SQLite, never with `open()`: this runs while the window has the library open
    (Help ▸ Check library), and closing any other descriptor on the file would drop the
    window's locks (see `reader.library.files`). SQLite itself says when the file is not a
    database."""
    path = Path(path)
    if not path.exists():
        return LibraryCheck(True)
    emptied = emptied_library_problem(path)
    if emptied is not None:
        return LibraryCheck(False, [emptied])
    try:
        conn = _read_only(path)
    except sqlite3.Error as error:
        return _failed_check(path, error)
    problems: list[str] = []
    try:
        problems += _quick_check_problems(conn)
        if not problems:
            newer = _newer_version(conn, path)
            if newer is not None:
                return LibraryCheck(False, refusal=newer)
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(
                message(
                    "row {row} of {table} refers to a missing row of {parent}",
                    row=rowid,
                    table=table,
                    parent=parent,
                )
            )
    except sqlite3.DatabaseError as error:
        return _failed_check(path, error)
    finally:
        conn.close()
    if problems:
        return LibraryCheck(False, problems)
    return LibraryCheck(True, read_only=why_read_only(path))


def _failed_check(path: Path, error: sqlite3.Error) -> LibraryCheck:
    readable = os.access(path, os.R_OK)
    reason = why_read_only(path) or (None if readable else message("permission denied"))
    if is_read_only_error(error) and reason is not None:  # permissions, not content
        return LibraryCheck(
            False,
            refusal=message(
                "{file} cannot be read here ({reason}; {detail}). It is not damaged, and it "
                "was not changed.",
                file=path.name,
                reason=reason,
                detail=str(error),
            ),
        )
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
        problem = message("{file} is not an SQLite database file", file=path.name)
    else:
        problem = message("{file} is damaged ({detail})", file=path.name, detail=str(error))
    return LibraryCheck(False, [problem])


def _newer_version(conn: sqlite3.Connection, path: Path) -> str | None:
    """The refusal of a library written by a newer Yuedu (schema steps this one does not
    know), as every command words it; None otherwise."""
    from reader.library.errors import newer_schema
    from reader.library.schema import KNOWN_MIGRATIONS, applied_steps

    unknown = set(applied_steps(conn)) - set(KNOWN_MIGRATIONS)
    return newer_schema(path, unknown).args[0] if unknown else None
