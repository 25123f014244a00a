"""Which files on disk belong to a library: the database and SQLite's companions.

Qt-free. SQLite's locks are POSIX advisory locks, and closing *any* file descriptor a
process holds on a file drops *all* of that process's locks on it. So nothing in a process
that has the library open may open one of these files except SQLite itself: hashing a
dropped file, sniffing its type, reading its header or writing an export over it would
silently release the window's locks, and the next program to close the library would
believe itself the last one and delete the live `-wal`. These functions recognise the files
with `os.stat` only (by device and inode, so a link or another spelling of the path is
caught too), which never opens them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.messages import message

# The files SQLite keeps beside a database: the write-ahead log, its shared-memory index,
# and the rollback journal of a database not (yet) in WAL mode.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

# What Yuedu was asked to do with a file, completing "Yuedu cannot …" (translatable).
IMPORT_AS_TEXT = message("import it as a text")
EXPORT_OVER_IT = message("write an export over it")
EXPORT_VOCABULARY_OVER_IT = message("export the vocabulary over it")
READ_AS_WORD_LIST = message("read it as a word list")


class LibraryFileRefused(ValueError):
    """A path names the library or one of its companions where an ordinary file was
    expected; nothing was opened. The message is meant for the reader."""


def library_file_paths(library_path: Path) -> list[Path]:
    """The database and every companion file SQLite may keep beside it."""
    library_path = Path(library_path)
    return [library_path] + [
        library_path.with_name(library_path.name + suffix) for suffix in COMPANION_SUFFIXES
    ]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable folder, NUL in the name
        return None
    return status.st_dev, status.st_ino


def _normalised(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def is_library_file(candidate: Path, library_path: Path | None) -> bool:
    """Whether `candidate` is the library at `library_path` or one of its companions: the
    same file (device and inode), or, for a companion that does not exist yet, the same
    path. Never opens anything."""
    if library_path is None:
        return False
    candidate = Path(candidate)
    own_files = library_file_paths(Path(library_path))
    identity = _identity(candidate)
    if identity is not None and identity in {_identity(path) for path in own_files} - {None}:
        return True
    where = _normalised(candidate)
    return any(where == _normalised(path) for path in own_files)


def refuse_library_file(candidate: Path, library_path: Path | None, doing: str) -> None:
    """Raise `LibraryFileRefused` when `candidate` is one of the library's own files.
    `doing` completes "Yuedu cannot …", e.g. "import it as a text"."""
    if is_library_file(candidate, library_path):
        raise LibraryFileRefused(
            message(
                "{file} is this library's own database file (or one SQLite keeps beside it), "
                "so Yuedu cannot {doing}. Nothing was changed.",
                file=Path(candidate).name,
                doing=doing,
            )
        )


def refuse_unreadable_input(candidate: Path, library_path: Path | None, doing: str) -> None:
    """Raise `LibraryFileRefused` for what no command may read as a file: the library's own
    files, a folder, or anything but a regular file (a pipe or a device would block the
    open or never end). Checked with `os.stat` only, before anything opens `candidate`; a
    path that cannot be stat'ed is left to the open, which says why."""
    refuse_library_file(candidate, library_path, doing)
    try:
        mode = os.stat(candidate).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISDIR(mode):
        raise LibraryFileRefused(
            message("{path} is a folder, not a text file.", path=str(candidate))
        )
    if not stat.S_ISREG(mode):
        raise LibraryFileRefused(message("{path} is not a regular file.", path=str(candidate)))
