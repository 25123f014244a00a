"""Writer of the reader's edits of articles: a title or byline changed, a body cut or
joined (split, merge), an article put back with its own id (undo), room made in a source's
order. The rows' other tables keep their own writers (tokens: `sources.write_tokens`;
annotations: `annotations.put_annotation`); reading corrections move here, since a split
or a merge carries them from one article to another."""

from __future__ import annotations

import sqlite3

from reader.library.change import ChangeBuilder
from reader.library.records import NewArticle
from reader.library.writes.sources import article_values


def set_title(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, title: str, derived: bool
) -> None:
    conn.execute(
        "UPDATE articles SET title = ?, title_is_derived = ? WHERE id = ?",
        [title, int(derived), article_id],
    )
    change.article(article_id)


def set_byline(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, byline: str
) -> None:
    conn.execute("UPDATE articles SET byline = ? WHERE id = ?", [byline, article_id])
    change.article(article_id)


def set_body(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    text: str,
    paragraphs: tuple[int, int],
) -> None:
    """New text (its tokens go in with `write_tokens`) and the source paragraphs it spans."""
    conn.execute(
        "UPDATE articles SET text = ?, char_count = ?, first_paragraph = ?, end_paragraph = ?"
        " WHERE id = ?",
        [text, len(text), *paragraphs, article_id],
    )
    change.article(article_id)


def insert_article_as(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int | None,
    source_id: int,
    position: int,
    article: NewArticle,
) -> int:
    """The article's row under `article_id` when that id is free (an undo puts an article
    back as it was), else under a new id; returns the id used."""
    if (
        article_id is not None
        and conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
    ):
        article_id = None
    cursor = conn.execute(
        "INSERT INTO articles (id, position, title, title_is_derived, byline, text, char_count,"
        " first_paragraph, end_paragraph, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, *article_values(position, article), source_id],
    )
    assert cursor.lastrowid is not None
    change.article(cursor.lastrowid)
    change.source(source_id)
    return cursor.lastrowid


def make_room(
    conn: sqlite3.Connection, change: ChangeBuilder, source_id: int, position: int
) -> list[int]:
    """Free `position` in the source's order: when an article holds it, it and every later
    one move one place on (last first: positions are unique). Returns the ids moved."""
    taken = conn.execute(
        "SELECT 1 FROM articles WHERE source_id = ? AND position = ?", [source_id, position]
    ).fetchone()
    if taken is None:
        return []
    later = conn.execute(
        "SELECT id, position FROM articles WHERE source_id = ? AND position >= ?"
        " ORDER BY position DESC",
        [source_id, position],
    ).fetchall()
    for article_id, at in later:
        conn.execute("UPDATE articles SET position = ? WHERE id = ?", [at + 1, article_id])
        change.article(article_id)
    change.source(source_id)
    return [article_id for article_id, _ in reversed(later)]


def move_back(
    conn: sqlite3.Connection, change: ChangeBuilder, source_id: int, article_ids: list[int]
) -> None:
    """Undo `make_room`: each article (in the order it returned) one place back."""
    for article_id in article_ids:
        conn.execute(
            "UPDATE articles SET position = position - 1 WHERE id = ? AND source_id = ?",
            [article_id, source_id],
        )
        change.article(article_id)
    change.source(source_id)


def move_reading(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    from_article: int,
    span: tuple[int, int],
    to_article: int,
    new_span: tuple[int, int],
) -> None:
    """Carry one reading correction to its word's place in another (or the same) article."""
    conn.execute(
        "UPDATE reading_overrides SET article_id = ?, start = ?, end = ?"
        " WHERE article_id = ? AND start = ? AND end = ?",
        [to_article, *new_span, from_article, *span],
    )
    change.readings_of(from_article)
    change.readings_of(to_article)
