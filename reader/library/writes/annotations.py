"""Writer of `annotations`: highlights and comments, as the reader makes them and as a
changed text moves them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from reader.library.change import ChangeBuilder

COLUMNS = (
    "id, article_id, start, end, quote, prefix, suffix, color, comment, tags,"
    " created_at, updated_at, orphaned"
)
_PLACES = ", ".join("?" * 13)
# Where an annotation kept from a deleted article came from (schema step 0010): the
# source's id, file name and content hash, the article's title and position in it. Set
# only while `article_id` is NULL; a row here is (source id, file, sha256, title, position).
ORIGIN_COLUMNS = "from_source_id, from_file, from_sha256, from_title, from_position"
NO_ORIGIN: tuple[Any, ...] = (None, "", "", "", None)


def insert_annotation(conn: sqlite3.Connection, change: ChangeBuilder, row: Sequence[Any]) -> None:
    """A new annotation; `row` in `COLUMNS` order."""
    conn.execute(f"INSERT INTO annotations ({COLUMNS}) VALUES ({_PLACES})", list(row))
    change.annotation(row[0], row[1])


def put_annotation(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    row: Sequence[Any],
    origin: Sequence[Any] = NO_ORIGIN,
) -> None:
    """The annotation exactly as `row` says, whether it exists or not (undo, restore);
    `origin` (in `ORIGIN_COLUMNS` order) for one without an article."""
    previous = conn.execute("SELECT article_id FROM annotations WHERE id = ?", [row[0]]).fetchone()
    if previous is not None:  # an edit undone may move it between articles
        change.annotation(row[0], previous[0])
    kept_origin = list(origin) if row[1] is None else list(NO_ORIGIN)
    conn.execute(
        f"INSERT INTO annotations ({COLUMNS}, {ORIGIN_COLUMNS}) VALUES ({_PLACES}, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,"
        " start = excluded.start, end = excluded.end, quote = excluded.quote,"
        " prefix = excluded.prefix, suffix = excluded.suffix,"
        " color = excluded.color, comment = excluded.comment, tags = excluded.tags,"
        " created_at = excluded.created_at, updated_at = excluded.updated_at,"
        " orphaned = excluded.orphaned, from_source_id = excluded.from_source_id,"
        " from_file = excluded.from_file, from_sha256 = excluded.from_sha256,"
        " from_title = excluded.from_title, from_position = excluded.from_position",
        [*row, *kept_origin],
    )
    change.annotation(row[0], row[1])


def edit_annotation(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    annotation_id: str,
    article_id: int | None,
    *,
    color: str,
    comment: str,
    tags_json: str,
    updated_at: str,
) -> None:
    conn.execute(
        "UPDATE annotations SET color = ?, comment = ?, tags = ?, updated_at = ? WHERE id = ?",
        [color, comment, tags_json, updated_at, annotation_id],
    )
    change.annotation(annotation_id, article_id)


def delete_annotation(
    conn: sqlite3.Connection, change: ChangeBuilder, annotation_id: str, article_id: int | None
) -> None:
    conn.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
    change.annotation(annotation_id, article_id)


def place_annotation(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    annotation_id: str,
    article_id: int,
    span: tuple[int, int],
    selector: tuple[str, str, str],
) -> None:
    """Where a changed text moved it: its span and quote, prefix, suffix; not orphaned."""
    conn.execute(
        "UPDATE annotations SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ?,"
        " orphaned = 0 WHERE id = ?",
        [*span, *selector, annotation_id],
    )
    change.annotation(annotation_id, article_id)


def orphan_annotations(
    conn: sqlite3.Connection, change: ChangeBuilder, article_id: int, ids: Sequence[str]
) -> None:
    """Its passage is gone from the text: kept, flagged, listed apart."""
    for annotation_id in ids:
        conn.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [annotation_id])
        change.annotation(annotation_id, article_id)


def detach_annotations(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    ids: Sequence[str],
    origin: Sequence[Any],
) -> None:
    """Its article is being deleted and the reader keeps its annotations: each loses its
    article, is flagged orphaned and remembers `origin` (`ORIGIN_COLUMNS` order)."""
    for annotation_id in ids:
        conn.execute(
            "UPDATE annotations SET article_id = NULL, orphaned = 1, from_source_id = ?,"
            " from_file = ?, from_sha256 = ?, from_title = ?, from_position = ?"
            " WHERE id = ? AND article_id = ?",
            [*origin, annotation_id, article_id],
        )
        change.annotation(annotation_id, article_id)


def attach_annotation(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    annotation_id: str,
    article_id: int,
    span: tuple[int, int],
    selector: tuple[str, str, str],
    orphaned: bool = False,
) -> bool:
    """An annotation without an article placed in `article_id` at `span` with its quote,
    prefix and suffix there (its text came back, or an undo puts it back); its colour,
    comment and tags stay as they are. False when it is gone (the reader deleted it)."""
    cursor = conn.execute(
        "UPDATE annotations SET article_id = ?, start = ?, end = ?, quote = ?, prefix = ?,"
        " suffix = ?, orphaned = ?, from_source_id = NULL, from_file = '', from_sha256 = '',"
        " from_title = '', from_position = NULL WHERE id = ? AND article_id IS NULL",
        [article_id, *span, *selector, int(orphaned), annotation_id],
    )
    if cursor.rowcount != 1:
        return False
    change.annotation(annotation_id, article_id)
    return True
