"""Writers of `sources`, `source_text`, `source_paragraphs`, `articles` and
`article_tokens`: what an import, an update in place and a restore store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from reader.library.change import ChangeBuilder
from reader.library.records import NewArticle, NewSource


def article_values(position: int, article: NewArticle) -> list[object]:
    """An article's columns from `position` to `end_paragraph`, in the order its INSERTs
    and UPDATEs name them (also the article edits' writer's)."""
    return [
        position,
        article.title,
        int(article.title_is_derived),
        article.byline,
        article.text,
        len(article.text),
        article.first_paragraph,
        article.end_paragraph,
    ]


def insert_source(
    conn: sqlite3.Connection, change: ChangeBuilder, source: NewSource, imported_at: str
) -> int:
    """The source's row; its text and paragraphs go in with `write_source_parts`."""
    cursor = conn.execute(
        "INSERT INTO sources (file_name, encoding, sha256, byte_count, imported_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [source.file_name, source.encoding, source.sha256, source.byte_count, imported_at],
    )
    assert cursor.lastrowid is not None
    change.source(cursor.lastrowid)
    return cursor.lastrowid


def update_source(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    source_id: int,
    source: NewSource,
    imported_at: str,
) -> None:
    """A changed version of the file: its encoding, hash, size and time (not its name)."""
    conn.execute(
        "UPDATE sources SET encoding = ?, sha256 = ?, byte_count = ?, imported_at = ? WHERE id = ?",
        [source.encoding, source.sha256, source.byte_count, imported_at, source_id],
    )
    change.source(source_id)


def write_source_parts(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    source_id: int,
    raw_text_parts: Iterable[str],
    paragraph_parts: Iterable[Sequence[str]],
) -> None:
    """(Re)write a source's text and paragraphs, part by part (any split: the text is the
    parts' concatenation, the paragraphs the concatenation of their lists)."""
    change.source(source_id)
    conn.execute("DELETE FROM source_text WHERE source_id = ?", [source_id])
    conn.execute("DELETE FROM source_paragraphs WHERE source_id = ?", [source_id])
    for part, text in enumerate(raw_text_parts):
        conn.execute(
            "INSERT INTO source_text (source_id, part, text) VALUES (?, ?, ?)",
            [source_id, part, text],
        )
    for part, paragraphs in enumerate(paragraph_parts):
        conn.execute(
            "INSERT INTO source_paragraphs (source_id, part, paragraphs_json) VALUES (?, ?, ?)",
            [source_id, part, json.dumps(list(paragraphs), ensure_ascii=False)],
        )


def insert_article(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    source_id: int,
    position: int,
    article: NewArticle,
) -> int:
    """The article's row (its tokens go in with `write_tokens`)."""
    cursor = conn.execute(
        "INSERT INTO articles (position, title, title_is_derived, byline, text, char_count,"
        " first_paragraph, end_paragraph, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*article_values(position, article), source_id],
    )
    assert cursor.lastrowid is not None
    change.article(cursor.lastrowid)
    return cursor.lastrowid


def update_article(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    source_id: int,
    position: int,
    article: NewArticle,
) -> None:
    """New text and fields for an article of `source_id`, keeping its id."""
    cursor = conn.execute(
        "UPDATE articles SET position = ?, title = ?, title_is_derived = ?, byline = ?,"
        " text = ?, char_count = ?, first_paragraph = ?, end_paragraph = ?"
        " WHERE id = ? AND source_id = ?",
        [*article_values(position, article), article_id, source_id],
    )
    if cursor.rowcount != 1:
        raise ValueError(f"article {article_id} is not in source {source_id}")
    change.article(article_id)


def park_positions(conn: sqlite3.Connection, change: ChangeBuilder, source_id: int) -> None:
    """Move every article of the source to a negative position (positions are unique per
    source), so they can be numbered again in any order."""
    change.source(source_id)
    conn.execute("UPDATE articles SET position = -1 - id WHERE source_id = ?", [source_id])


def move_article(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, source_id: int, position: int
) -> None:
    conn.execute(
        "UPDATE articles SET position = ? WHERE id = ? AND source_id = ?",
        [position, article_id, source_id],
    )
    change.article(article_id)


def delete_article(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, source_id: int
) -> None:
    """Its tokens and readings go with it (ON DELETE CASCADE); its annotations do not
    (RESTRICT): an article holding the reader's work is never deleted silently."""
    conn.execute("DELETE FROM articles WHERE id = ? AND source_id = ?", [article_id, source_id])
    change.article(article_id)


def delete_source(conn: sqlite3.Connection, change: ChangeBuilder, source_id: int) -> None:
    """A source and its articles (their tokens, text and paragraphs go with them); the
    caller has made sure none holds the reader's work (annotations RESTRICT it anyway)."""
    rows = conn.execute("SELECT id FROM articles WHERE source_id = ?", [source_id]).fetchall()
    for (article_id,) in rows:
        delete_article(conn, change, article_id, source_id)
    conn.execute("DELETE FROM sources WHERE id = ?", [source_id])
    change.source(source_id)


def write_tokens(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    segmenter: str,
    packed_ends: bytes,
) -> None:
    conn.execute(
        "INSERT INTO article_tokens (article_id, segmenter, token_ends) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET segmenter = excluded.segmenter,"
        " token_ends = excluded.token_ends",
        [article_id, segmenter, packed_ends],
    )
    change.article(article_id)
