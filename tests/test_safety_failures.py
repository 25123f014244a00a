"""Locks and full disks: a write that cannot be made is rolled back whole, says why, and the
same action succeeds once the cause is gone."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.importer import prepare_import, store_import
from reader.library import Library, LibraryBusy, LibraryError
from reader.library.store import BUSY_TIMEOUT_MS
from tests.shared_data import SEED_PAGE


class FailingConnection:
    """The library's connection, except that the first statement containing `fail_on`
    raises `error` instead of running: a disk that fills up or fails at that moment."""

    def __init__(self, conn: sqlite3.Connection, fail_on: str, error: BaseException) -> None:
        self._conn = conn
        self._fail_on = fail_on
        self._error: BaseException | None = error

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        if self._error is not None and self._fail_on in sql:
            error, self._error = self._error, None
            raise error
        return self._conn.execute(sql, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def counts(library: Library) -> tuple[int, ...]:
    return tuple(
        library.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("sources", "articles", "article_tokens", "annotations")
    )


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = Library.open(tmp_path / "library.sqlite3", busy_timeout_ms=200)
    yield lib
    lib.close()


def novel_bytes(copy: int) -> bytes:
    return (f"第{copy}回\n" + "满纸荒唐言，一把辛酸泪。都云作者痴，谁解其中味？\n" * 3000).encode()


def test_the_default_busy_timeout_is_at_least_five_seconds(tmp_path: Path) -> None:
    assert BUSY_TIMEOUT_MS >= 5000
    with Library.open(tmp_path / "library.sqlite3") as library:
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS


def test_a_write_while_another_program_holds_the_lock(tmp_path: Path, library: Library) -> None:
    prepared = prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name)
    [article_id, *_] = store_import(library, prepared).article_ids
    store = AnnotationStore(library)
    before = counts(library)
    other = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    with pytest.raises(LibraryBusy, match="in use by another program") as caught:
        store.add(article_id, 0, 2, comment="waits, then gives up")
    assert 0.15 < time.monotonic() - started < 3
    # What the window's save handlers catch (sqlite3.Error) and what start-up catches.
    assert isinstance(caught.value, sqlite3.OperationalError)
    assert isinstance(caught.value, LibraryError)
    with pytest.raises(LibraryBusy):
        store_import(library, prepare_import(novel_bytes(1), "novel.txt"))
    assert not library.conn.in_transaction
    other.execute("ROLLBACK")
    other.close()
    assert counts(library) == before
    store.add(article_id, 0, 2, comment="now it is saved")
    store_import(library, prepare_import(novel_bytes(1), "novel.txt"))
    assert counts(library) == (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1)


def test_a_lock_released_within_the_timeout_just_waits(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "library.sqlite3"
    with Library.open(path, busy_timeout_ms=5000) as library:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN EXCLUSIVE")
        threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
        store_import(library, prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name))
        assert library.article_count() == 4
        other.close()


def test_a_really_full_database_rolls_back_an_import_and_succeeds_later(
    library: Library,
) -> None:
    store_import(library, prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name))
    before = counts(library)
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite itself reports SQLITE_FULL once the file would grow past this many pages.
    library.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = prepare_import(novel_bytes(2), "novel.txt")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        store_import(library, big)
    assert not library.conn.in_transaction
    assert counts(library) == before
    assert library.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    library.conn.execute("PRAGMA max_page_count = 1073741823")
    store_import(library, big)
    assert counts(library)[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)


@pytest.mark.parametrize(
    ("fail_on", "error"),
    [
        ("INSERT INTO article_tokens", sqlite3.OperationalError("database or disk is full")),
        ("COMMIT", sqlite3.OperationalError("database or disk is full")),
        ("INSERT INTO articles", OSError(28, "No space left on device")),
    ],
)
def test_a_failed_write_during_an_import_is_rolled_back(
    library: Library, fail_on: str, error: BaseException
) -> None:
    store_import(library, prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name))
    before = counts(library)
    real = library.conn
    big = prepare_import(novel_bytes(3), "novel.txt")
    library.conn = FailingConnection(real, fail_on, error)  # type: ignore[assignment]
    try:
        with pytest.raises(type(error)):
            store_import(library, big)
        assert not real.in_transaction
        assert counts(library) == before
        store_import(library, big)  # the same action, once the disk has room again
    finally:
        library.conn = real
    assert counts(library)[1] == before[1] + 1


@pytest.mark.parametrize(
    ("fail_on", "error"),
    [
        ("INSERT INTO annotations", sqlite3.OperationalError("database or disk is full")),
        ("COMMIT", sqlite3.OperationalError("database or disk is full")),
        ("UPDATE annotations", OSError(5, "Input/output error")),
    ],
)
def test_a_failed_annotation_save_is_rolled_back(
    library: Library, fail_on: str, error: BaseException
) -> None:
    [article_id, *_] = store_import(
        library, prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name)
    ).article_ids
    store = AnnotationStore(library)
    first = store.add(article_id, 0, 2, comment="saved before the disk filled up")
    real = library.conn
    library.conn = FailingConnection(real, fail_on, error)  # type: ignore[assignment]
    try:
        with pytest.raises(type(error)):
            if fail_on.startswith("UPDATE"):
                store.update(first.id, comment="an edit that fails")
            else:
                store.add(article_id, 4, 8, comment="a new one that fails")
        assert not real.in_transaction
        assert store.count() == 1
        assert store.get(first.id) == first
        if fail_on.startswith("UPDATE"):
            store.update(first.id, comment="an edit that fails")
        else:
            store.add(article_id, 4, 8, comment="a new one that fails")
    finally:
        library.conn = real
    assert store.count() == (1 if fail_on.startswith("UPDATE") else 2)
