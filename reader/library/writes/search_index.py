"""Writer of the search index's derived rows (`search_readings`, `search_folded`,
`search_syllables`): worked out from the articles, forgotten inside the same writes that
change them (reader.search.index). The trigram table over the articles' text is kept by
SQLite's triggers (reader.library.schema, 0011). Nothing here is recorded in the write's
`Change`: the index is no view's content."""

from __future__ import annotations

import sqlite3

from reader.library.change import ChangeBuilder
from reader.library.records import pack_tones


def forget_readings(conn: sqlite3.Connection, change: ChangeBuilder, article_id: int) -> None:
    """The article's readings changed: work them out again when next wanted."""
    conn.execute("DELETE FROM search_readings WHERE article_id = ?", [article_id])


def forget_all_readings(conn: sqlite3.Connection, change: ChangeBuilder) -> None:
    """Every reading may have changed (a restore): work them out again when wanted."""
    conn.execute("DELETE FROM search_readings")


def put_readings(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    readings: tuple[str, str, str],
) -> None:
    """(toneless, tones, initials) of the article's text as indexed."""
    toneless, tones, initials = readings
    conn.execute(
        "INSERT OR REPLACE INTO search_readings (article_id, toneless, tones, initials)"
        " VALUES (?, ?, ?, ?)",
        [article_id, toneless, pack_tones(tones), initials],
    )


def put_folded(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, folded: str
) -> None:
    """The article's text folded to one script ('' when that is the text itself)."""
    conn.execute(
        "INSERT OR REPLACE INTO search_folded (article_id, folded) VALUES (?, ?)",
        [article_id, folded],
    )


def add_syllable(conn: sqlite3.Connection, change: ChangeBuilder, syllable: str) -> int:
    """Number a toneless syllable not seen before; returns its number."""
    cursor = conn.execute("INSERT INTO search_syllables (syllable) VALUES (?)", [syllable])
    return int(cursor.lastrowid or 0)


def rebuild(conn: sqlite3.Connection, change: ChangeBuilder) -> None:
    """The trigram table built afresh from the articles, the derived rows forgotten."""
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    conn.execute("DELETE FROM search_readings")
    conn.execute("DELETE FROM search_folded")
