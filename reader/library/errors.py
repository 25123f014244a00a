"""The library's errors, and the helpers that turn SQLite's into them. Qt-free.

Every message is meant for the user. `reader.library.store` re-exports the errors and
`damaged_library_error`; callers import them from there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from reader.library.wording import join_detail, problems_in_words
from reader.messages import message

BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class LibraryError(Exception):
    """A library file that cannot be used; the message is meant for the user."""


class NewerSchemaError(LibraryError):
    """The file was written by a newer Yuedu; it is left untouched."""


class LibraryDamaged(LibraryError):
    """The file is damaged or not an SQLite file at all; it is left untouched. `problems`
    are what the check found, `backup` the newest good automatic backup, if there is one.
    `str()` is the command line's message; the window words its own from the fields."""

    def __init__(self, path: Path, problems: Sequence[str], backup: Path | None) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        self.backup = backup
        super().__init__(self.command_line_text())

    def command_line_text(self) -> str:
        """For a terminal: names the file, the backup and the commands that recover."""
        if self.backup is not None:
            remedy = (
                f"The newest good backup is {self.backup}. To set the damaged file aside (it "
                "is kept, renamed .damaged) and restore that backup, run: yuedu recover"
            )
        else:
            remedy = (
                "There is no automatic backup to restore. `yuedu recover --force` sets the "
                "damaged file aside (renamed .damaged) so that a new library can be started; "
                "`yuedu restore FILE.json` merges a JSON backup into it."
            )
        found = problems_in_words(self.problems)
        return (
            f"{self.path} is not a usable library file: it is damaged, or not a database at "
            f"all. {join_detail('The check found', found) + ' ' if found else ''}"
            f"It was not changed. {remedy}"
        )


class LibraryBusy(LibraryError, sqlite3.OperationalError):
    """Another program held the library locked for longer than the busy timeout; nothing
    was written. Also an `sqlite3.OperationalError`, so handlers of failed writes (a full
    disk, a locked file) catch it as before."""


def busy_error(error: sqlite3.Error) -> LibraryBusy | None:
    if getattr(error, "sqlite_errorcode", None) in BUSY_CODES:
        return LibraryBusy(
            message(
                "The library is in use by another program (another Yuedu window or "
                "command?), and it stayed locked too long; nothing was saved. Try again. "
                "({detail})",
                detail=str(error),
            )
        )
    return None


def unusable_library(path: Path, error: BaseException | None = None) -> LibraryError:
    """A library path that cannot be opened: a folder (no `error`), a folder that cannot
    be created (an OSError), or a file SQLite cannot use."""
    if error is None:
        return LibraryError(message("{path} is a folder, not a library file.", path=str(path)))
    if isinstance(error, OSError):
        return LibraryError(
            message(
                "Cannot create the folder for {path} ({detail}).", path=str(path), detail=str(error)
            )
        )
    return LibraryError(
        message(
            "{path} is not a usable library file ({detail}).", path=str(path), detail=str(error)
        )
    )


def not_a_library(path: Path) -> LibraryError:
    return LibraryError(
        message(
            "{path} is an SQLite file but not a Yuedu library; it was left as is.", path=str(path)
        )
    )


def newer_schema(path: Path, unknown_steps: set[str]) -> NewerSchemaError:
    return NewerSchemaError(
        message(
            "{path} was written by a newer version of Yuedu (it has schema steps {steps} that "
            "this version does not know). It was not changed; please update Yuedu to open it.",
            path=str(path),
            steps=", ".join(sorted(unknown_steps)),
        )
    )


def damaged_library_error(path: Path, problems: Sequence[str]) -> LibraryDamaged:
    """The error for a damaged file, naming the newest good backup (see `LibraryDamaged`)."""
    from reader.library.safety import LibraryBackups

    return LibraryDamaged(path, problems, LibraryBackups(path).newest_good())


def failed_write_message(error: sqlite3.Error) -> str:
    """Why SQLite refused to save, in words (SQLite's own after them), and that nothing was
    saved: every write is one transaction, rolled back whole."""
    code = getattr(error, "sqlite_errorcode", None)
    # Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) keep the primary code
    # in their low byte.
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(error)
    if primary == sqlite3.SQLITE_READONLY:
        return message(
            "Nothing was saved: the library file or its folder is read-only ({detail}).",
            detail=detail,
        )
    if primary == sqlite3.SQLITE_FULL:
        return message("Nothing was saved: the disk is full ({detail}).", detail=detail)
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return message(
            "Nothing was saved: the library file could not be written ({detail}).",
            detail=detail,
        )
    return message("The library could not be used ({detail}); nothing was saved.", detail=detail)


class LibraryReadOnly(LibraryError):
    """The library can be read but not changed (its folder or the file cannot be written
    by this process): a write, or an update of its schema, is refused; nothing changed."""


def read_only_library(path: Path, reason: str, *, doing: str = "write") -> LibraryReadOnly:
    """The refusal of a library that cannot be written: `reason` says why
    (`file_access.why_read_only`); `doing` is "write" (a change), "update" (an older library
    this version would bring up to date before using it) or "open" (SQLite could not even
    read it without writing beside it)."""
    if doing == "update":
        text = message(
            "{path} was written by an older version of Yuedu and must be updated before this "
            "one can use it, but it is read-only ({reason}). It was not changed; make it "
            "writable, or open it with the older version.",
            path=str(path),
            reason=reason,
        )
    elif doing == "open":
        text = message(
            "{path} cannot be opened here: it is read-only ({reason}). It is not damaged, "
            "and it was not changed.",
            path=str(path),
            reason=reason,
        )
    else:
        text = message(
            "{path} is read-only ({reason}): it can be read, but nothing can be saved in it. "
            "Nothing was changed. It is not damaged.",
            path=str(path),
            reason=reason,
        )
    return LibraryReadOnly(text)


def failed_to_open(path: Path, error: sqlite3.DatabaseError) -> LibraryError:
    """What SQLite's failure to open or prepare the library at `path` means for the user:
    busy, damaged, read-only, or not usable."""
    from reader.library.file_access import is_read_only_error, why_read_only

    busy = busy_error(error)
    if busy is not None:
        return busy
    if getattr(error, "sqlite_errorcode", None) in DAMAGED_CODES:
        return damaged_library_error(path, [str(error)])
    if is_read_only_error(error):
        return read_only_library(path, why_read_only(path) or str(error), doing="open")
    return unusable_library(path, error)
