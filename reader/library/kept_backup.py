"""Annotations kept from deleted articles in a JSON backup (see `reader.library.json_backup`):
they belong to no article, so they are a list of their own, each with where it came from.

    "kept_annotations": [{"id", "start", "end", "quote", "prefix", "suffix", "color",
                          "comment", "tags", "created_at", "updated_at",
                          "from": {"file_name", "sha256", "title", "position"}}]

The key is there only when something was kept (older backups, and libraries without kept
annotations, back up as before). No row id is written: on restore the source is found again
by its content hash. Restoring merges by id like the other annotations, the newer
`updated_at` winning; one that is placed in an article in the library stays placed (only
its colour, comment and tags are taken from a newer copy). Qt-free.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reader.library import writes
from reader.library.change import ChangeBuilder

KEY = "kept_annotations"
Fail = Callable[[str, str], Exception]
# json_backup's check of one annotation: (annotation, where, ids seen so far).
CheckAnnotation = Callable[[Any, str, set[str]], None]


def kept_section(conn: sqlite3.Connection) -> dict[str, Any]:
    """{KEY: [...]} for the backup document, or {} when nothing was kept."""
    rows = conn.execute(
        "SELECT id, start, end, quote, prefix, suffix, color, comment, tags, created_at,"
        " updated_at, from_file, from_sha256, from_title, from_position FROM annotations"
        " WHERE article_id IS NULL ORDER BY from_file, from_position, start, end, id"
    ).fetchall()
    if not rows:
        return {}
    kept = []
    for (id_, start, end, quote, prefix, suffix, color, comment, tags, created, updated,
         file_name, sha256, title, position) in rows:  # fmt: skip
        kept.append(
            {
                "id": id_,
                "start": start,
                "end": end,
                "quote": quote,
                "prefix": prefix,
                "suffix": suffix,
                "color": color,
                "comment": comment,
                "tags": json.loads(tags),
                "created_at": created,
                "updated_at": updated,
                "from": {
                    "file_name": file_name,
                    "sha256": sha256,
                    "title": title,
                    "position": position,
                },
            }
        )
    return {KEY: kept}


def check_kept(
    document: dict[str, Any], fail: Fail, check_annotation: CheckAnnotation, seen_ids: set[str]
) -> None:
    """Raise `fail(where, problem)` for anything but a well-formed list (or none): each
    item an annotation as in an article (`check_annotation`) with where it came from."""
    kept = document.get(KEY, [])
    if not isinstance(kept, list):
        raise fail(KEY, "expected list")
    for n, annotation in enumerate(kept):
        at = f"{KEY}[{n}]"
        check_annotation(annotation, at, seen_ids)
        origin = annotation.get("from")
        if not isinstance(origin, dict):
            raise fail(f"{at}.from", "expected object")
        for key in ("file_name", "sha256", "title"):
            if not isinstance(origin.get(key), str):
                raise fail(f"{at}.from.{key}", "expected str")
        position = origin.get("position")
        if position is not None and (isinstance(position, bool) or not isinstance(position, int)):
            raise fail(f"{at}.from.position", "expected int")


def merge_kept(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    document: dict[str, Any],
    counts: dict[str, int],
) -> None:
    """Put the backup's kept annotations into the library (after its sources: the source
    each came from is found by content hash)."""
    for annotation in document.get(KEY, []):
        current = conn.execute(
            "SELECT article_id, updated_at FROM annotations WHERE id = ?", [annotation["id"]]
        ).fetchone()
        newer = current is None or (
            datetime.fromisoformat(annotation["updated_at"]) > datetime.fromisoformat(current[1])
        )
        if not newer:
            counts["annotations_kept"] += 1
            continue
        tags_json = json.dumps(annotation["tags"], ensure_ascii=False)
        if current is not None and current[0] is not None:  # placed here: it stays placed
            writes.edit_annotation(
                conn, change, annotation["id"], current[0], color=annotation["color"],
                comment=annotation["comment"], tags_json=tags_json,
                updated_at=annotation["updated_at"],
            )  # fmt: skip
            counts["annotations_updated"] += 1
            continue
        origin = annotation["from"]
        source = conn.execute(
            "SELECT id FROM sources WHERE sha256 = ?", [origin["sha256"]]
        ).fetchone()
        row = [
            annotation["id"], None, annotation["start"], annotation["end"], annotation["quote"],
            annotation["prefix"], annotation["suffix"], annotation["color"],
            annotation["comment"], tags_json, annotation["created_at"],
            annotation["updated_at"], 1,
        ]  # fmt: skip
        from_row = (
            source[0] if source else None,
            origin["file_name"],
            origin["sha256"],
            origin["title"],
            origin["position"],
        )
        writes.put_annotation(conn, change, row, from_row)
        counts["annotations_added" if current is None else "annotations_updated"] += 1
