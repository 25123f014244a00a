"""Reading a process's POSIX locks on a library's files from /proc/locks (Linux).

SQLite's locks are POSIX advisory locks: closing any descriptor a process holds on a file
drops all of that process's locks on it. These tests count the locks before and after an
action to prove the action never opened the library's files behind SQLite's back."""

from __future__ import annotations

import os
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")


def library_files(library: Path) -> dict[str, Path]:
    return {
        "db": library,
        "wal": library.with_name(library.name + "-wal"),
        "shm": library.with_name(library.name + "-shm"),
    }


def posix_locks(library: Path, pid: int | None = None) -> dict[str, int]:
    """The POSIX locks `pid` (this process by default) holds on the library's files, per
    file. /proc/locks names a file as MAJOR:MINOR:INODE (major and minor in hex); a file that
    no longer exists under its name (SQLite deleted it) counts as none, which is the point:
    the window must hold its locks on the files other processes see."""
    keys: dict[str, str] = {}
    for role, path in library_files(library).items():
        try:
            status = path.stat()
        except FileNotFoundError:
            continue
        device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}"
        keys[f"{device}:{status.st_ino}"] = role
    counts = {role: 0 for role in library_files(library)}
    owner = str(os.getpid() if pid is None else pid)
    for line in PROC_LOCKS.read_text().splitlines():
        fields = line.split()
        if len(fields) < 6 or fields[1] == "->":  # "->" lines are waiters, not held locks
            continue
        if fields[1] == "POSIX" and fields[4] == owner and fields[5] in keys:
            counts[keys[fields[5]]] += 1
    return counts
