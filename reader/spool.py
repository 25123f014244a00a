"""The import spool: where a prepared import waits, on disk, until the library stores it.

Preparing a large file (decode, reflow, split, segment) takes minutes and must not hold the
library's write lock or the file's whole text in memory; storing it must be one short
transaction. So the pipeline writes what it makes to a few temporary files in a private
folder, each a sequence of `marshal`led tuples of plain values, and the store reads them
back in order. Qt-free.
"""

from __future__ import annotations

import marshal
import os
import shutil
import tempfile
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

SPOOL_PREFIX = "yuedu-import-"
# A spool folder older than this was left by a process that died; it is swept away.
STALE_AFTER_S = 24 * 3600


class RecordWriter:
    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    def write(self, *record: Any) -> None:
        marshal.dump(record, self._file)


class ImportSpool:
    """A private temporary folder of record files. Removed by `discard()`, or when the
    spool is garbage-collected or the process exits."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            sweep_stale_spools(folder)
        self.path = Path(tempfile.mkdtemp(prefix=SPOOL_PREFIX, dir=folder))
        self._remove = weakref.finalize(self, shutil.rmtree, self.path, ignore_errors=True)

    @contextmanager
    def writer(self, name: str) -> Iterator[RecordWriter]:
        with open(self.path / name, "wb") as file:
            yield RecordWriter(file)

    def records(self, name: str) -> Iterator[tuple[Any, ...]]:
        with open(self.path / name, "rb") as file:
            while True:
                try:
                    yield marshal.load(file)
                except EOFError:
                    return

    def discard(self) -> None:
        self._remove()


def sweep_stale_spools(folder: Path, *, older_than_s: float = STALE_AFTER_S) -> None:
    """Remove spool folders a killed import left behind (never a recent one: another
    Yuedu may be importing into the same folder right now)."""
    limit = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            stale = (
                entry.name.startswith(SPOOL_PREFIX)
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < limit
            )
        except OSError:
            continue
        if stale:
            shutil.rmtree(entry.path, ignore_errors=True)
