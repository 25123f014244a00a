"""The library store: migrations, refusal of newer or foreign files, atomic imports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.importer import ImportCancelled, import_path, prepare_import, store_import
from reader.library import Library, LibraryError, NewerSchemaError
from reader.library.schema import KNOWN_MIGRATIONS
from tests.old_libraries import write_version_1_library
from tests.shared_data import SEED_PAGE


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def test_new_library_has_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lib.sqlite3"
    with Library.open(path) as library:
        assert library.schema_steps == KNOWN_MIGRATIONS
        assert KNOWN_MIGRATIONS[:5] == [  # released steps stay, in their order
            "0001_sources_articles_tokens",
            "0002_reading_overrides",
            "0003_annotations",
            "0004_annotation_spans_index",
            "0005_source_text_in_parts",
        ]
        conn = library.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert {"sources", "articles", "article_tokens"} <= set(library.db.table_names())


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    with Library.open(path) as library:
        rows = library.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert rows == len(KNOWN_MIGRATIONS)


def test_a_library_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    # A newer Yuedu's migration, written as that program would (not through this door).
    with sqlite3.connect(path) as newer:
        newer.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('yuedu.library', '9999_from_the_future', 'x')"
        )
    newer.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version of Yuedu"):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Yuedu library"):
        Library.open(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["recipes"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LibraryError):
        Library.open(path)
    assert path.read_bytes() == b"this is not a database at all" * 100


def test_import_stores_articles_and_tokens_that_cover_the_text(library: Library) -> None:
    outcome = import_path(library, SEED_PAGE)
    assert len(outcome.article_ids) == 4
    for article_id in outcome.article_ids:
        article = library.get_article(article_id)
        assert article is not None
        tokens = library.tokens(article_id)
        assert "".join(word for _, _, word in tokens) == article.text
        assert tokens[-1][1] == len(article.text)
    words = [w for _, _, w in library.tokens(outcome.article_ids[0])]
    assert "开发区" in words  # jieba's words, not characters


def test_reimporting_the_same_bytes_adds_nothing_and_says_so(library: Library) -> None:
    first = import_path(library, SEED_PAGE)
    second = import_path(library, SEED_PAGE)
    assert second.is_duplicate
    assert second.article_ids == first.article_ids
    assert "already in the library" in second.warnings[0]
    assert library.article_count() == 4


def test_a_cancelled_import_leaves_nothing_behind(library: Library) -> None:
    data = ("这是一个很长的段落，用来测试取消导入。" * 50 + "\n") * 200
    calls = {"n": 0}

    def cancel_after_a_while() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(ImportCancelled):
        prepare_import(data.encode(), "long.txt", is_cancelled=cancel_after_a_while)
    assert library.article_count() == 0
    assert library.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_a_failed_write_rolls_back_the_whole_import(library: Library) -> None:
    prepared = prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name)
    # Make the third article's insert fail half-way through the transaction.
    library.db.execute(
        "CREATE TRIGGER fail_third BEFORE INSERT ON articles WHEN NEW.position = 2 "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk trouble"):
        store_import(library, prepared)
    assert library.article_count() == 0
    assert library.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert library.db.execute("SELECT count(*) FROM article_tokens").fetchone()[0] == 0


def test_reading_overrides_are_stored_per_occurrence(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        [article_id, *_] = import_path(library, SEED_PAGE).article_ids
        library.set_reading_override(article_id, 10, 12, ["xing2", "xian4"])
        library.set_reading_override(article_id, 10, 12, ["xing1", "xian4"])  # replaces
        with pytest.raises(ValueError):
            library.set_reading_override(article_id, 10, 12, ["xing1"])
    with Library.open(path) as library:
        assert library.reading_overrides(article_id) == {(10, 12): ("xing1", "xian4")}
        assert library.clear_reading_override(article_id, 10, 12)
        assert library.reading_overrides(article_id) == {}


def test_an_older_library_is_upgraded_in_one_step(tmp_path: Path) -> None:
    from reader.text.decode import decode_bytes
    from reader.text.reflow import reflow

    path = tmp_path / "lib.sqlite3"
    write_version_1_library(path, SEED_PAGE)
    with Library.open(path) as library:
        assert library.schema_steps == KNOWN_MIGRATIONS
        assert library.article_count() == 4
        # 0005 moved the source's text and paragraphs out of its row, unchanged.
        [source_id] = [row[0] for row in library.conn.execute("SELECT id FROM sources")]
        text = decode_bytes(SEED_PAGE.read_bytes()).text
        assert library.source_text(source_id) == text
        assert library.source_paragraphs(source_id) == reflow(text).paragraphs
        columns = {row[1] for row in library.conn.execute("PRAGMA table_info(sources)")}
        assert "raw_text" not in columns and "paragraphs_json" not in columns
