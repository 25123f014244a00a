"""Schema step 0010 (annotations may outlive their article): a library written at step
0009, with articles, highlights, readings and words, is rebuilt without losing a row;
the table keeps its index and checks; a rebuild that fails leaves the file at 0009."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.importer import prepare_import, store_import
from reader.library import Library, schema
from reader.library import article_edits as edits
from reader.library.annotations_rebuild import COLUMNS_0009
from reader.library.errors import LibraryError
from reader.search import index as search_index

TEXT = "第一回\n山上有一座小庙，庙里住着一个老和尚。\n第二回\n老和尚每天给小和尚讲故事。\n"
OLD_COLUMNS = COLUMNS_0009


@contextmanager
def schema_at_0009() -> Iterator[None]:
    saved = list(schema.STEPS), list(schema.KNOWN_MIGRATIONS)
    at = schema.KNOWN_MIGRATIONS.index("0010_annotations_outlive_articles")
    # Today's search index keeps tables of later steps (0011, 0012): at 0009 its upkeep
    # is left out, as the code of 0009 kept tables this library no longer has.
    keep_index = search_index.follow_change
    try:
        del schema.STEPS[at:], schema.KNOWN_MIGRATIONS[at:]
        search_index.follow_change = lambda library, change: None
        yield
    finally:
        schema.STEPS[:], schema.KNOWN_MIGRATIONS[:] = saved
        search_index.follow_change = keep_index


def write_0009_library(path: Path) -> list[tuple[object, ...]]:
    """A library at step 0009 holding two articles with annotations (one orphaned by a
    text change) and a reading correction; returns its annotation rows."""
    with schema_at_0009(), Library.open(path) as library:
        assert library.schema_steps[-1] == "0009_vocabulary"
        store_import(library, prepare_import(TEXT.encode(), "temple.txt"))
        first, second = (a.id for a in library.list_articles())
        with library.session.door(), library.transaction():
            rows = [
                (
                    "a-1",
                    first,
                    0,
                    3,
                    "第一回",
                    "",
                    "\n山上",
                    "yellow",
                    "注",
                    '["x"]',
                    "t1",
                    "t1",
                    0,
                ),
                ("a-2", second, 4, 7, "老和尚", "回\n", "每天", "pink", "", "[]", "t2", "t3", 0),
                ("a-3", second, 0, 2, "没了", "", "", "blue", "旧", '["y","z"]', "t4", "t4", 1),
            ]
            library.conn.executemany(
                f"INSERT INTO annotations ({OLD_COLUMNS}) VALUES ({', '.join('?' * 13)})", rows
            )
        library.set_reading_override(first, 0, 1, ["di4"])
        return sorted(rows)


def table_sql(conn: sqlite3.Connection, name: str) -> str:
    return conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
    ).fetchone()[0]


def test_a_0009_library_migrates_to_0010_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    rows = write_0009_library(path)
    with sqlite3.connect(path) as raw:
        assert "article_id INTEGER NOT NULL" in table_sql(raw, "annotations")
        articles_before = raw.execute("SELECT * FROM articles ORDER BY id").fetchall()
        readings_before = raw.execute("SELECT * FROM reading_overrides").fetchall()
    raw.close()

    with Library.open(path) as library:
        conn = library.conn
        assert library.schema_steps == schema.KNOWN_MIGRATIONS
        assert sorted(conn.execute(f"SELECT {OLD_COLUMNS} FROM annotations").fetchall()) == rows
        assert conn.execute("SELECT * FROM articles ORDER BY id").fetchall() == articles_before
        assert conn.execute("SELECT * FROM reading_overrides").fetchall() == readings_before
        # The new shape: article_id may be NULL (for orphans only), origin columns empty.
        columns = {row[1]: row for row in conn.execute("PRAGMA table_info(annotations)")}
        assert columns["article_id"][3] == 0  # notnull
        assert conn.execute(
            "SELECT count(*) FROM annotations WHERE from_file <> '' OR from_source_id IS NOT NULL"
        ).fetchone() == (0,)
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(annotations)")}
        assert {"annotations_spans", "annotations_detached"} <= indexes
        assert "annotations_new" not in {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master")
        }
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # The foreign key still holds: an annotation cannot point at a missing article.
        with pytest.raises(sqlite3.IntegrityError), library.session.door():
            conn.execute(
                f"INSERT INTO annotations ({OLD_COLUMNS}) VALUES"
                " ('bad', 999, 0, 1, 'x', '', '', 'yellow', '', '[]', 't', 't', 0)"
            )
        # Nor be without an article unless it is an orphan.
        with pytest.raises(sqlite3.IntegrityError), library.session.door():
            conn.execute(
                f"INSERT INTO annotations ({OLD_COLUMNS}) VALUES"
                " ('bad', NULL, 0, 1, 'x', '', '', 'yellow', '', '[]', 't', 't', 0)"
            )
        # The migrated library does what 0010 is for: a delete that keeps the notes.
        second = library.list_articles()[1].id
        edits.delete(library, second, keep_annotations=True)
        kept = AnnotationStore(library).search(orphaned=True)
        assert {a.id for a in kept} == {"a-2", "a-3"}
        assert all(a.origin and a.origin.title == "第二回" for a in kept)


def test_a_rebuild_that_fails_leaves_the_library_at_0009(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    write_0009_library(path)
    # A row pointing at no article (written with the checks off, as damage would).
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute(
        f"INSERT INTO annotations ({OLD_COLUMNS}) VALUES"
        " ('lost', 999, 0, 1, 'x', '', '', 'yellow', '', '[]', 't', 't', 0)"
    )
    raw.commit()
    raw.close()
    with pytest.raises(LibraryError, match="FOREIGN KEY|point at articles"):
        Library.open(path).close()
    raw = sqlite3.connect(path)
    try:
        assert "article_id INTEGER NOT NULL" in table_sql(raw, "annotations")
        assert raw.execute("SELECT count(*) FROM annotations").fetchone() == (4,)
        steps = [row[0] for row in raw.execute("SELECT name FROM _sqlite_migrations")]
        assert steps[-1] == "0009_vocabulary"
    finally:
        raw.close()
