"""Writing a file atomically, as exports do: the old file or the new one, never half of one.
Qt-free."""

from __future__ import annotations

import os
import stat
from itertools import count
from pathlib import Path

from reader.messages import message

_temp_counter = count()


def _keep_mode_of(path: Path, descriptor: int) -> None:
    """Give the new file the read/write bits of the file it replaces: a reader who made
    their notes private (chmod 600) keeps them private when they export again with --force.
    Execute bits are dropped, so notes an older Yuedu wrote as 0755 heal on the next export."""
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: no POSIX modes to keep
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:  # nothing there yet: the umask's mode stands
        return
    os.fchmod(descriptor, stat.S_IMODE(mode) & 0o666)


class NotARegularFile(OSError):
    """The path names a folder, a device, a pipe or a socket: an export replaces files only
    (renaming a new file over `/dev/null` or a pipe would replace that entry, not write to
    it). The message is meant for the reader."""


def written_target(path: Path) -> Path:
    """The file a write to `path` replaces: a symbolic link's final target, so the link
    stays a link and the file it points to gets the new contents (a link into a synced
    notes folder keeps working). NotARegularFile when that target exists and is not a
    regular file. Never opens anything."""
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except OSError:  # nothing there yet (or unreachable: the write says why)
        return target
    if stat.S_ISDIR(mode):
        raise NotARegularFile(message("{path} is a folder; name a file to write.", path=str(path)))
    if not stat.S_ISREG(mode):
        raise NotARegularFile(
            message(
                "{path} is not a regular file (a device, a pipe or a socket); Yuedu writes "
                "only files. Nothing was written.",
                path=str(path),
            )
        )
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then move it into place: an export
    interrupted at any point leaves either the old file or the new one, never half of one,
    and no temporary file. The temporary name is short, so a 255-byte name still fits.
    A symbolic link is followed (its target is replaced); a device, pipe or folder raises
    NotARegularFile (see `written_target`)."""
    path = written_target(path)
    temp = path.parent / f".yuedu-export-{os.getpid()}-{next(_temp_counter)}.tmp"
    # 0o666, which the kernel narrows by the umask: an ordinary document's mode (0644 under
    # the usual umask 022). Without a mode os.open uses 0o777, and notes came out executable.
    descriptor = os.open(
        temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
    )
    try:
        try:
            _keep_mode_of(path, descriptor)
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
        finally:
            os.close(descriptor)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
