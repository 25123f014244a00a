"""Notice changes other processes made to the library file (`yuedu import`, `annotate`,
`restore`, another program) and say what they changed, as the door's change records.

SQLite's `PRAGMA data_version` on the window's connection changes exactly when another
connection has committed to the file since the previous ask; this connection's own commits
leave it as it was. Asking costs a look at the WAL's shared-memory index, no read of the
database, so it is polled on the main thread (the connection belongs to it) twice a
second: a change shows within about a second. When it moved, the rows the door appended to
`change_log` since the last one seen tell what changed; rows of this process's origin (the
window's own import worker) are skipped, the window announced those itself. A bump with no
such rows (a backup, a VACUUM) is no news.

Only SQLite touches the file: the watch runs queries, it never stats or opens the file.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from reader.library.session import LibrarySession

log = logging.getLogger(__name__)

POLL_EVERY_MS = 500


class LibraryWatch(QObject):
    """Emits `changed(Change)` (on the main thread) after another process committed."""

    changed = Signal(object)  # Change, external=True

    def __init__(
        self,
        session: LibrarySession,
        parent: QObject | None = None,
        interval_ms: int = POLL_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._conn = session.library.conn
        self._version = self._read_version()
        self._seen = self._read_last_seq()
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
        self._seen = self._read_last_seq()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _read_last_seq(self) -> int:
        try:
            return self._session.last_seq()
        except sqlite3.Error:
            return 0

    def _read_version(self) -> int | None:
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0]) if row else None

    def poll(self) -> bool:
        """Ask SQLite; emit `changed` with what another process committed. Returns whether
        it did. Never raises: it runs in a timer slot, where an exception would reach Qt."""
        try:
            if self._session.writing or self._conn.in_transaction:
                return False  # inside a transaction the version is frozen: ask next time
            row = self._conn.execute("PRAGMA data_version").fetchone()
            version = int(row[0]) if row else None
            if version == self._version:
                return False
            change, seen = self._session.changes_since(self._seen)
        except sqlite3.Error as error:
            if not self._failing:
                log.warning("Watching the library for outside changes failed: %s", error)
            self._failing = True
            return False
        self._failing = False
        self._version, self._seen = version, seen
        if not change:
            return False  # this process's own worker, a backup, a VACUUM: nothing to show
        self.changed.emit(change)
        return True
