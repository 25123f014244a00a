"""Writing a file atomically, as exports do: the old file or the new one, never half of one.
Qt-free."""

from __future__ import annotations

import os
import stat
from itertools import count
from pathlib import Path

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


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then move it into place: an export
    interrupted at any point leaves either the old file or the new one, never half of one,
    and no temporary file. The temporary name is short, so a 255-byte name still fits."""
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
