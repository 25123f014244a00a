"""Writer of `reading_overrides`: the reader's corrections of one occurrence's pinyin."""

from __future__ import annotations

import sqlite3

from reader.library.change import ChangeBuilder


def set_reading(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    span: tuple[int, int],
    syllables: str,
    updated_at: str,
) -> None:
    """Store (or replace) the reading of the token at `span`; `syllables` is the stored
    form, one syllable per character separated by spaces, "-" for none."""
    conn.execute(
        "INSERT INTO reading_overrides (article_id, start, end, syllables, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, start, end)"
        " DO UPDATE SET syllables = excluded.syllables, updated_at = excluded.updated_at",
        [article_id, *span, syllables, updated_at],
    )
    change.readings_of(article_id)


def clear_reading(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, span: tuple[int, int]
) -> bool:
    cursor = conn.execute(
        "DELETE FROM reading_overrides WHERE article_id = ? AND start = ? AND end = ?",
        [article_id, *span],
    )
    if cursor.rowcount > 0:
        change.readings_of(article_id)
    return cursor.rowcount > 0
