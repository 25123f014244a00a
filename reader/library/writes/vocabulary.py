"""Writer of the learning layer's tables: `word_status` (each word's status, library-wide),
`vocabulary` (the note and the sentence where a word was met), and the derived
`article_words` / `article_word_stats` (each article's word counts and its running totals of
known, ignored and new words), which the door's before-commit hook keeps in step with the
articles' text (`reader.learning.counts`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from reader.library.change import ChangeBuilder

VOCABULARY_COLUMNS = (
    "word",
    "note",
    "pinyin",
    "sentence",
    "article_id",
    "start",
    "end",
    "word_start",
    "prefix",
    "suffix",
    "article_title",
    "met_at",
    "updated_at",
)


def _classes(status: str | None) -> tuple[int, int, int]:
    """(known, ignored, new) as 0/1: what a status adds to an article's totals."""
    return int(status == "known"), int(status == "ignored"), int(status in (None, "new"))


def set_status(
    conn: sqlite3.Connection, change: ChangeBuilder, word: str, status: str, updated_at: str
) -> tuple[str, str] | None:
    """Store `word`'s status (a row is kept for "new" too: its time decides a restore's
    merge); every article holding the word has its totals moved by the difference.
    Returns the previous (status, updated_at), None if the word had none."""
    row = conn.execute(
        "SELECT status, updated_at FROM word_status WHERE word = ?", [word]
    ).fetchone()
    conn.execute(
        "INSERT INTO word_status (word, status, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (word) DO UPDATE SET status = excluded.status,"
        " updated_at = excluded.updated_at",
        [word, status, updated_at],
    )
    before = _classes(row[0] if row else None)
    after = _classes(status)
    if before != after:
        known, ignored, new = (a - b for a, b in zip(after, before, strict=True))
        conn.execute(
            "UPDATE article_word_stats SET known_running = known_running + ? * w.count,"
            " ignored_running = ignored_running + ? * w.count, new_words = new_words + ?"
            " FROM article_words w"
            " WHERE w.word = ? AND w.article_id = article_word_stats.article_id",
            [known, ignored, new, word],
        )
    change.word(word)
    return (row[0], row[1]) if row else None


def put_vocabulary(
    conn: sqlite3.Connection, change: ChangeBuilder, entry: Mapping[str, Any]
) -> None:
    """The word's kept entry (note, sentence, where), replacing the one it had."""
    columns = ", ".join(f'"{name}"' for name in VOCABULARY_COLUMNS)
    marks = ", ".join("?" for _ in VOCABULARY_COLUMNS)
    conn.execute(
        f"INSERT OR REPLACE INTO vocabulary ({columns}) VALUES ({marks})",
        [entry.get(name) for name in VOCABULARY_COLUMNS],
    )
    change.word(entry["word"])


def set_note(
    conn: sqlite3.Connection, change: ChangeBuilder, word: str, note: str, updated_at: str
) -> None:
    conn.execute(
        "INSERT INTO vocabulary (word, note, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (word) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
        [word, note, updated_at],
    )
    change.word(word)


def move_sentence(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    word: str,
    article_id: int | None,
    span: tuple[int, int] | None,
) -> None:
    """The kept sentence now sits at `span` of `article_id` (None: its article's text no
    longer holds it; the sentence itself is kept)."""
    start, end = span if span is not None else (None, None)
    conn.execute(
        'UPDATE vocabulary SET article_id = ?, start = ?, "end" = ? WHERE word = ?',
        [article_id if span is not None else None, start, end, word],
    )
    change.word(word)


def replace_article_words(
    conn: sqlite3.Connection, article_id: int, counts: Mapping[str, int], fingerprint: str
) -> None:
    """The article's word counts and totals anew (derived rows: the article itself is in
    the write's record already)."""
    conn.execute("DELETE FROM article_words WHERE article_id = ?", [article_id])
    conn.executemany(
        "INSERT INTO article_words (article_id, word, count) VALUES (?, ?, ?)",
        # In key order: each row lands next to the last in the table's B-tree.
        [(article_id, word, counts[word]) for word in sorted(counts)],
    )
    conn.execute(
        "INSERT OR REPLACE INTO article_word_stats"
        " (article_id, running, known_running, ignored_running, new_words, fingerprint)"
        " SELECT ?, coalesce(sum(w.count), 0),"
        " coalesce(sum(CASE WHEN s.status = 'known' THEN w.count END), 0),"
        " coalesce(sum(CASE WHEN s.status = 'ignored' THEN w.count END), 0),"
        " coalesce(sum(CASE WHEN s.status IS NULL OR s.status = 'new' THEN 1 END), 0), ?"
        " FROM article_words w LEFT JOIN word_status s ON s.word = w.word"
        " WHERE w.article_id = ?",
        [article_id, fingerprint, article_id],
    )
