"""Writer of `word_readings`: the reader's reading of a word in every article."""

from __future__ import annotations

import sqlite3

from reader.library.change import ChangeBuilder


def _articles_with(conn: sqlite3.Connection, change: ChangeBuilder, word: str) -> None:
    """Every article the word occurs in shows it differently now."""
    for (article_id,) in conn.execute("SELECT id FROM articles WHERE instr(text, ?) > 0", [word]):
        change.readings_of(article_id)


def set_word_reading(
    conn: sqlite3.Connection, change: ChangeBuilder, word: str, syllables: str, updated_at: str
) -> None:
    conn.execute(
        "INSERT INTO word_readings (word, syllables, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (word) DO UPDATE SET syllables = excluded.syllables,"
        " updated_at = excluded.updated_at",
        [word, syllables, updated_at],
    )
    _articles_with(conn, change, word)


def unset_word_reading(conn: sqlite3.Connection, change: ChangeBuilder, word: str) -> bool:
    removed = conn.execute("DELETE FROM word_readings WHERE word = ?", [word]).rowcount > 0
    if removed:
        _articles_with(conn, change, word)
    return removed
