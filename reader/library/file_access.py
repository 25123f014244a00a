"""How SQLite is asked to open a library file or a backup: for writing when it can be
written, otherwise for reading only. Qt-free.

Only SQLite opens these files; this module looks at them with `os.stat`/`os.access`
(metadata) and builds the URIs. A library in a folder this process cannot write is not
damaged: SQLite in WAL mode merely cannot make the `-shm` beside it. Such a file is read
`immutable` (SQLite then needs no `-shm` and takes no locks), which is safe only when no
writer can be changing it: we cannot (the folder is not writable), and no `-wal` with
content is beside it (its frames, a live writer's or a crashed one's, would be ignored).
Backups are always read `immutable`: they are written under a temporary name and renamed
into place whole, so nothing changes them while they are read, and reading them leaves
no `-wal`/`-shm` in the backups folder.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.messages import Message, message

READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def why_read_only(path: Path) -> Message | None:
    """Why changes to the library at `path` could not be saved (its folder or the file
    cannot be written by this process), in words; None when they can."""
    path = Path(path)
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return message("its folder {folder} is read-only", folder=str(folder.resolve()))
    if path.is_file() and not os.access(path, os.W_OK):
        return message("the file is read-only")
    return None


def reading_uri(path: Path) -> str:
    """The URI of a connection that cannot change the library file (nor replay its WAL into
    it): `mode=ro`, and `immutable` when its folder cannot be written and no `-wal` with
    content is beside it (see the module)."""
    path = Path(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    folder_writable = os.access(path.parent, os.W_OK)
    if not folder_writable and _size(side_file(path, "-wal")) == 0:
        uri += "&immutable=1"
    return uri


def backup_uri(path: Path) -> str:
    """The URI of a read of a backup (or of a file offered as one): `immutable`."""
    return f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"


def is_read_only_error(error: sqlite3.Error) -> bool:
    """Whether SQLite failed for want of permission rather than because of the file's
    content (a read-only folder, a file it may not open)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in READ_ONLY_CODES


def connect_library(
    path: Path, timeout_s: float, factory: type[sqlite3.Connection]
) -> tuple[sqlite3.Connection, Message | None]:
    """A connection to the library at `path`, and why it is read-only when it is (then
    opened with `reading_uri`, so nothing is written, not even a `-shm`). A library file
    cut to 0 bytes that has backups is refused as damaged: SQLite would take it for a new
    one and write an empty library into it."""
    from reader.library.errors import damaged_library_error
    from reader.library.library_check import emptied_library_problem

    emptied = emptied_library_problem(path)
    if emptied is not None:
        raise damaged_library_error(path, [emptied])
    reason = why_read_only(path) if path.exists() else None
    target = reading_uri(path) if reason is not None else str(path)
    conn = sqlite3.connect(
        target, uri=reason is not None, timeout=timeout_s, isolation_level=None, factory=factory
    )
    return conn, reason
