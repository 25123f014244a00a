"""One transaction on a library's connection: `Library.transaction`, which the door
(`reader.library.session`) opens around every write. Qt-free."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reader.library.errors import LibraryBusy, busy_error


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction on `conn` (BEGIN IMMEDIATE, so a writer waits for the lock up front
    rather than failing half-way); nested use becomes a savepoint. Whatever fails inside,
    or the COMMIT itself, rolls it back; SQLite's busy and locked errors are raised as
    `LibraryBusy`."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT nested")
            conn.execute("RELEASE SAVEPOINT nested")
            raise
        conn.execute("RELEASE SAVEPOINT nested")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        busy = busy_error(error)
        if busy is None:
            raise
        raise busy from error
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        # Also when COMMIT itself failed (a full disk, a lock): the connection must not
        # be left inside a dead transaction, or the next action fails too.
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:  # pragma: no cover - SQLite rolled back on its own
                pass
        if isinstance(error, sqlite3.OperationalError) and not isinstance(error, LibraryBusy):
            busy = busy_error(error)
            if busy is not None:
                raise busy from error
        raise
