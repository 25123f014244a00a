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


def insert_annotation(conn: sqlite3.Connection, change: ChangeBuilder, row: Sequence[Any]) -> None:
    """A new annotation; `row` in `COLUMNS` order."""
    conn.execute(f"INSERT INTO annotations ({COLUMNS}) VALUES ({_PLACES})", list(row))
    change.annotation(row[0], row[1])


def put_annotation(conn: sqlite3.Connection, change: ChangeBuilder, row: Sequence[Any]) -> None:
    """The annotation exactly as `row` says, whether it exists or not (undo, restore)."""
    previous = conn.execute("SELECT article_id FROM annotations WHERE id = ?", [row[0]]).fetchone()
    if previous is not None:  # an edit undone may move it between articles
        change.annotation(row[0], previous[0])
    conn.execute(
        f"INSERT INTO annotations ({COLUMNS}) VALUES ({_PLACES})"
        " ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,"
        " start = excluded.start, end = excluded.end, quote = excluded.quote,"
        " prefix = excluded.prefix, suffix = excluded.suffix,"
        " color = excluded.color, comment = excluded.comment, tags = excluded.tags,"
        " created_at = excluded.created_at, updated_at = excluded.updated_at,"
        " orphaned = excluded.orphaned",
        list(row),
    )
    change.annotation(row[0], row[1])


def edit_annotation(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    annotation_id: str,
    article_id: int,
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
    conn: sqlite3.Connection, change: ChangeBuilder, annotation_id: str, article_id: int
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
