"""The door: every write to the library goes through `LibrarySession.write`. Qt-free.

One transaction per write (BEGIN IMMEDIATE … COMMIT, nested writes join the outer one);
the writers inside add the ids they touch to the write's `ChangeBuilder`, and the door
returns, logs and announces the resulting `Change` once the transaction has committed. A
write that fails is rolled back and announces nothing.

Each committed change is also appended, in the same transaction, to `change_log`, tagged
with this process's origin: a window learns what another process (the command line, a
second program) changed by reading the rows of other origins since the last it saw
(`changes_since`), so changes from elsewhere arrive as the same records as its own.

The connection refuses writes made outside the door (`GuardedConnection`): a writer that
forgets the door fails at once, in tests and in use, instead of changing the library
without telling anyone.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.library.change import Change, ChangeBuilder

if TYPE_CHECKING:
    from reader.library.store import Library

log = logging.getLogger(__name__)

# Rows older than this many changes are pruned; a reader that fell further behind (a
# window left open for months of command-line imports) reloads everything instead.
CHANGE_LOG_KEPT = 10_000
# One origin per process: the window's import worker writes on a connection of its own,
# and its changes are announced by the window itself, not read back as foreign.
# (os.urandom rather than uuid: this module is on the start-up path, uuid costs an import.)
PROCESS_ORIGIN = f"{os.getpid()}-{os.urandom(6).hex()}"
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class WriteOutsideDoor(sqlite3.ProgrammingError):
    """A statement tried to change the library outside `LibrarySession.write`."""


def _is_write(sql: str) -> bool:
    head = sql.lstrip()[:8].upper()
    if head.startswith(_WRITE_VERBS):
        return True
    # A CTE may lead into a write; look past it only when there is one (rare).
    return head.startswith("WITH") and any(verb in sql.upper() for verb in _WRITE_VERBS)


def _closed() -> bool:
    return False


class GuardedConnection(sqlite3.Connection):
    """`sqlite3.Connection` that runs INSERT/UPDATE/DELETE only while its library's door
    is open (`door_is_open`, set by `Library`; closed until then). Reads and pragmas pass
    as ever."""

    door_is_open: Callable[[], bool] = staticmethod(_closed)

    def _check(self, sql: str) -> None:
        if _is_write(sql) and not self.door_is_open():
            raise WriteOutsideDoor(
                "a write outside the library's door (LibrarySession.write): "
                + " ".join(sql.split())[:80]
            )

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        self._check(sql)
        return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:  # type: ignore[override]
        self._check(sql)
        return super().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:  # type: ignore[override]
        self._check(script)
        return super().executescript(script)


Listener = Callable[[Change], None]
# Called inside each write's transaction, after its writers and before the commit, with
# the write's builder and the connection: what is derived from the library (the search
# index, per-article word counts) is kept in step with what the write changed, whichever
# writer changed it.
BeforeCommit = Callable[[ChangeBuilder, sqlite3.Connection], None]


class LibrarySession:
    """The one writer of an open `Library` (`library.session`)."""

    def __init__(self, library: Library, origin: str = PROCESS_ORIGIN) -> None:
        self.library = library
        self.origin = origin
        self._builder: ChangeBuilder | None = None
        self._listeners: list[Listener] = []
        # The search index follows every write; the library adds the word counts' hook.
        self._before_commit: list[BeforeCommit] = [self._keep_search_index]
        self.last_change: Change | None = None
        self._open = 0  # writes (and migrations) under way
        conn = library.conn
        if isinstance(conn, GuardedConnection):
            conn.door_is_open = self.is_open  # type: ignore[method-assign]

    def is_open(self) -> bool:
        return self._open > 0

    @contextmanager
    def door(self) -> Iterator[None]:
        """Let the connection write without a record: migrations only (they run before
        `change_log` exists, and change what every view shows anyway)."""
        self._open += 1
        try:
            yield
        finally:
            self._open -= 1

    # -- writing -----------------------------------------------------------------------
    @contextmanager
    def write(self, op: str) -> Iterator[ChangeBuilder]:
        """One write: a transaction whose writers record what they touch in the yielded
        builder. Nested inside another write it joins that one (one transaction, one
        record, the outer op's name)."""
        if self._builder is not None:
            yield self._builder
            return
        read_only = getattr(self.library, "read_only", None)
        if read_only is not None:  # refused in words before SQLite refuses in its own
            from reader.library.errors import read_only_library

            raise read_only_library(self.library.path, read_only)
        # An op names a file at times; one whose name is not valid UTF-8 must not stop
        # the write from being logged (SQLite refuses lone surrogates).
        builder = ChangeBuilder(op.encode("utf-8", "replace").decode("utf-8"))
        self._builder = builder
        try:
            with self.door(), self.library.transaction():
                yield builder
                for hook in list(self._before_commit):
                    hook(builder, self.library.conn)
                change = builder.build()
                if change:
                    self._log(change)
        finally:
            self._builder = None
        builder.change = self.last_change = change
        if change:
            for listener in list(self._listeners):
                try:
                    listener(change)
                except Exception:  # committed is committed: a listener cannot undo it
                    log.exception("A listener of the library's changes failed")

    @property
    def writing(self) -> bool:
        return self._builder is not None

    def _keep_search_index(self, builder: ChangeBuilder, conn: sqlite3.Connection) -> None:
        from reader.search.index import follow_change  # the index's module, on first write

        follow_change(self.library, builder)

    def add_before_commit(self, hook: BeforeCommit) -> None:
        """Run `hook(builder, conn)` in every write's transaction, just before it commits
        (a hook that raises rolls the write back)."""
        if hook not in self._before_commit:
            self._before_commit.append(hook)

    def add_listener(self, listener: Listener) -> None:
        """Called with each committed, non-empty change made through this session."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _log(self, change: Change) -> None:
        conn = self.library.conn
        if self.library.path is None:
            return  # a library in memory has no other process to tell
        cursor = conn.execute(
            "INSERT INTO change_log (op, payload, origin, at) VALUES (?, ?, ?, ?)",
            [change.op, change.to_json(), self.origin, datetime.now(UTC).isoformat()],
        )
        seq = cursor.lastrowid or 0
        if seq > CHANGE_LOG_KEPT:
            conn.execute("DELETE FROM change_log WHERE seq <= ?", [seq - CHANGE_LOG_KEPT])

    # -- hearing other processes ---------------------------------------------------------
    def last_seq(self) -> int:
        row = self.library.conn.execute("SELECT max(seq) FROM change_log").fetchone()
        return int(row[0] or 0)

    def changes_since(self, seq: int) -> tuple[Change, int]:
        """What other origins committed after `seq`, folded into one external record, and
        the newest seq seen. A gap (rows pruned since) is reported as `everything`."""
        conn = self.library.conn
        rows = conn.execute(
            "SELECT seq, op, payload, origin FROM change_log WHERE seq > ? ORDER BY seq",
            [seq],
        ).fetchall()
        if not rows:
            return Change(external=True), seq
        folded = Change(external=True)
        if rows[0][0] > seq + 1 and seq > 0:
            oldest = conn.execute("SELECT min(seq) FROM change_log").fetchone()[0]
            if oldest is not None and oldest > seq + 1:
                folded = Change(op="changes pruned", everything=True, external=True)
        for _, op, payload, origin in rows:
            if origin == self.origin:
                continue
            try:
                folded = folded | Change.from_json(op, payload, external=True)
            except (ValueError, TypeError):  # a row this version cannot read
                folded = folded | Change(op=op, everything=True, external=True)
        return folded, rows[-1][0]
