"""Automatic backups while the window is open: at most every 30 minutes while something
changed, and at exit. The copy is made with SQLite's backup API on a read-only connection of
its own, in a worker thread, so reading goes on meanwhile."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from reader.library.safety import KEEP_NEWEST, LibraryBackups
from reader.ui.core_text import error_text

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000  # how often to ask `LibraryBackups.due`
SETTINGS_BACKUPS_KEEP = "backups/keep"  # the newest backups kept (Preferences ▸ Backups)
BACKUPS_KEEP_RANGE = (1, 100)


def backups_to_keep(settings: QSettings) -> int:
    try:
        wanted = int(settings.value(SETTINGS_BACKUPS_KEEP, KEEP_NEWEST))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        wanted = KEEP_NEWEST
    return max(BACKUPS_KEEP_RANGE[0], min(BACKUPS_KEEP_RANGE[1], wanted))


class BackupKeeper(QObject):
    backup_made = Signal(str)  # path
    backup_failed = Signal(str)  # message

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = LibraryBackups(library_path)
        self.changed = False
        newest = self.backups.list()
        self.last_backup_at: datetime | None = (
            LibraryBackups.taken_at(newest[0]) if newest else None
        )
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.back_up_if_due)

    def start(self) -> None:
        self._timer.start()

    def note_change(self, *_: object) -> None:
        """Something the reader made was saved: the next due backup will be taken."""
        self.changed = True

    def back_up_if_due(self) -> bool:
        if self._thread is not None and self._thread.is_alive():
            return False
        if not self.backups.due(self.last_backup_at, self.changed, datetime.now(UTC)):
            return False
        self.changed = False
        self._thread = threading.Thread(target=self._make, name="yuedu-backup", daemon=True)
        self._thread.start()
        return True

    def _make(self) -> None:
        try:
            path = self.backups.make()
            self.backups.rotate()
        except Exception as error:  # a full disk must not take the window down
            log.exception("Automatic backup failed")
            self.changed = True  # try again next time
            self._emit("backup_failed", error_text(error))
            return
        self.last_backup_at = datetime.now(UTC)
        self._emit("backup_made", str(path))

    def _emit(self, name: str, value: str) -> None:
        try:
            getattr(self, name).emit(value)
        except RuntimeError:  # the window is gone
            pass

    def back_up_at_exit(self) -> Path | None:
        """At exit: one last backup if anything changed since the previous one."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join(timeout=60)
        if not self.changed:
            return None
        try:
            path = self.backups.make()
            self.backups.rotate()
        except Exception:
            log.exception("Backup at exit failed")
            return None
        self.changed = False
        return path
