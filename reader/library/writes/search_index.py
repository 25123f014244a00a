"""Writer of the search index (`search_docs`, `search_fts`, `search_syllables`,
`search_folded`): derived
from the articles, kept current inside the same writes (reader.search.index). Nothing here
is recorded in the write's `Change`: the index is no view's content."""

from __future__ import annotations

import sqlite3

from reader.library.change import ChangeBuilder


def _unindex_text(conn: sqlite3.Connection, article_id: int) -> str | None:
    """Take the article's text out of the FTS table; returns that text (None: not there)."""
    row = conn.execute("SELECT text FROM search_docs WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    conn.execute(
        "INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', ?, ?)",
        [article_id, row[0]],
    )
    return str(row[0])


def put_text(conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, text: str) -> bool:
    """Index the article's text (its readings and folded form to be worked out again);
    False when the text indexed already is this one (nothing done)."""
    row = conn.execute("SELECT text FROM search_docs WHERE article_id = ?", [article_id]).fetchone()
    if row is not None and row[0] == text:
        return False
    _unindex_text(conn, article_id)
    conn.execute(
        "INSERT INTO search_docs (article_id, text) VALUES (?, ?) ON CONFLICT (article_id)"
        " DO UPDATE SET text = excluded.text, toneless = NULL, tones = NULL, initials = NULL",
        [article_id, text],
    )
    conn.execute("DELETE FROM search_folded WHERE article_id = ?", [article_id])
    conn.execute("INSERT INTO search_fts (rowid, text) VALUES (?, ?)", [article_id, text])
    return True


def remove(conn: sqlite3.Connection, change: ChangeBuilder, article_id: int) -> None:
    if _unindex_text(conn, article_id) is not None:
        conn.execute("DELETE FROM search_docs WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM search_folded WHERE article_id = ?", [article_id])


def forget_readings(conn: sqlite3.Connection, change: ChangeBuilder, article_id: int) -> None:
    """The article's readings changed: work them out again when next wanted."""
    conn.execute(
        "UPDATE search_docs SET toneless = NULL, tones = NULL, initials = NULL"
        " WHERE article_id = ?",
        [article_id],
    )


def forget_all_readings(conn: sqlite3.Connection, change: ChangeBuilder) -> None:
    conn.execute("UPDATE search_docs SET toneless = NULL, tones = NULL, initials = NULL")


def put_readings(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    readings: tuple[str, str, str],
) -> None:
    """(toneless, tones, initials) of the article's text as indexed."""
    conn.execute(
        "UPDATE search_docs SET toneless = ?, tones = ?, initials = ? WHERE article_id = ?",
        [*readings, article_id],
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


def clear(conn: sqlite3.Connection, change: ChangeBuilder) -> None:
    """Empty the index (before a rebuild)."""
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_docs")
    conn.execute("DELETE FROM search_folded")
