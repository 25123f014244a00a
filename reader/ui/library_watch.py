"""Notice changes other connections made to the library file: `yuedu import`, `annotate`,
`restore`, another program, and this window's own import worker (which writes on a
connection of its own).

SQLite's `PRAGMA data_version` on the window's connection changes exactly when another
connection has committed to the file since the previous ask; this connection's own commits
leave it as it was, so the window never answers its own writes. Asking costs a look at the
WAL's shared-memory index, no read of the database, so it is polled on the main thread (the
connection belongs to it) twice a second: a change shows within about a second.

Only SQLite touches the file: the watch runs a pragma, it never stats or opens the file.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

POLL_EVERY_MS = 500


class LibraryWatch(QObject):
    """Emits `changed` (on the main thread) after another connection committed."""

    changed = Signal()

    def __init__(
        self,
        conn: sqlite3.Connection,
        parent: QObject | None = None,
        interval_ms: int = POLL_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._conn = conn
        self._version = self._read_version()
        # A broken read is logged once per run of failures, not twice a second.
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        # The baseline is taken again: changes made while stopped are not news to anyone
        # who starts watching now.
        self._version = self._read_version()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _read_version(self) -> int | None:
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0]) if row else None

    def poll(self) -> bool:
        """Ask SQLite; emit `changed` if another connection committed. Returns whether it
        did. Never raises: it runs in a timer slot, where an exception would reach Qt."""
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error as error:
            if not self._failing:
                log.warning("Watching the library for outside changes failed: %s", error)
            self._failing = True
            return False
        self._failing = False
        version = int(row[0]) if row else None
        if version == self._version:
            return False
        # A version unknown before (the first read failed) is a change too: whatever was
        # missed meanwhile is picked up.
        self._version = version
        self.changed.emit()
        return True
