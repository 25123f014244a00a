"""Restoring a JSON backup (see `reader.library.json_backup` for the document): a merge, in
one write through the door. Sources are matched by sha256 (else added, with their
articles); annotations by id, the newer `updated_at` winning; reading corrections by span,
the newer winning; the reader's readings of words by word, the newer winning; nothing in
the library is deleted. Qt-free.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from reader.learning.backup import merge_sections
from reader.library import writes
from reader.library.change import ChangeBuilder
from reader.library.json_backup import BackupError, RestoreReport, parse_backup
from reader.library.kept_backup import merge_kept
from reader.library.records import NewArticle, NewSource
from reader.library.store import Library, pack_token_ends

# -- restoring ------------------------------------------------------------------------------------


def _newer(candidate: str, current: str) -> bool:
    return datetime.fromisoformat(candidate) > datetime.fromisoformat(current)


def restore_backup(library: Library, text: str | bytes) -> RestoreReport:
    """Merge the backup into `library` in one transaction (see the module docstring)."""
    document = parse_backup(text)
    counts: dict[str, int] = dict.fromkeys(RestoreReport.__dataclass_fields__, 0)
    try:
        with library.session.write("Restore backup") as change:
            # A merge touches rows anywhere: views reload rather than list every id.
            change.all_changed()
            for source in document["sources"]:
                _restore_source(library.conn, change, source, counts)
            _merge_word_readings(library.conn, change, document.get("word_readings", []), counts)
            merge_sections(library.conn, change, document, counts)
            merge_kept(library.conn, change, document, counts)
    except (
        sqlite3.IntegrityError,
        sqlite3.DataError,
        sqlite3.InterfaceError,
        OverflowError,
        ValueError,
    ) as error:
        # Rolled back: a backup is applied whole or not at all.
        raise BackupError(f"not a usable Yuedu backup: {error}") from None
    return RestoreReport(**counts)


def _restore_source(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    source: dict[str, Any],
    counts: dict[str, int],
) -> None:
    row = conn.execute("SELECT id FROM sources WHERE sha256 = ?", [source["sha256"]]).fetchone()
    if row is None:
        new = NewSource.whole(
            source["file_name"],
            source["encoding"],
            source["sha256"],
            source["byte_count"],
            source["raw_text"],
            source["paragraphs"],
        )
        source_id = writes.insert_source(conn, change, new, source["imported_at"])
        writes.write_source_parts(conn, change, source_id, new.raw_text_parts, new.paragraph_parts)
        counts["sources_added"] += 1
    else:
        source_id = row[0]
        counts["sources_matched"] += 1
    existing = conn.execute(
        "SELECT id, position, text FROM articles WHERE source_id = ?", [source_id]
    ).fetchall()
    by_position = {position: (article_id, text) for article_id, position, text in existing}
    by_text: dict[str, int] = {}
    for article_id, _position, text in sorted(existing, key=lambda r: r[1]):
        by_text.setdefault(text, article_id)
    next_position = max((position for _, position, _ in existing), default=-1) + 1
    for article in source["articles"]:
        # The same article is the one at the same place with the same text; else one with
        # the same text anywhere in the source; else it is added after the source's others.
        same_place = by_position.get(article["position"])
        if same_place is not None and same_place[1] == article["text"]:
            article_id = same_place[0]
        else:
            article_id = by_text.get(article["text"])
        if article_id is None:
            position = article["position"] if article["position"] not in by_position else None
            if position is None:
                position = next_position
            next_position = max(next_position, position + 1)
            article_id = _insert_article(conn, change, source_id, position, article)
            by_position[position] = (article_id, article["text"])
            counts["articles_added"] += 1
        else:
            counts["articles_matched"] += 1
        _merge_overrides(conn, change, article_id, article["reading_overrides"], counts)
        _merge_annotations(conn, change, article_id, article["annotations"], counts)


def _insert_article(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    source_id: int,
    position: int,
    article: dict[str, Any],
) -> int:
    ends = article.get("token_ends")
    if ends is None:
        ends = _segment(article["text"])
        segmenter = None
    else:
        segmenter = article["segmenter"]
    new = NewArticle(
        article["title"],
        bool(article["title_is_derived"]),
        article["byline"],
        article["text"],
        article["first_paragraph"],
        article["end_paragraph"],
        ends,
    )
    article_id = writes.insert_article(conn, change, source_id, position, new)
    writes.write_tokens(
        conn, change, article_id, segmenter or _segmenter_id(), pack_token_ends(ends)
    )
    return article_id


def _segment(text: str) -> list[int]:
    """Tokens for an article whose backup left them out: segmented again, as at import."""
    from reader.text.segment import segment_ends

    return list(segment_ends(text))


def _segmenter_id() -> str:
    from reader.library.store import SEGMENTER_ID

    return SEGMENTER_ID


def _merge_overrides(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    overrides: list[dict[str, Any]],
    counts: dict[str, int],
) -> None:
    for override in overrides:
        current = conn.execute(
            "SELECT updated_at FROM reading_overrides WHERE article_id = ? AND start = ?"
            " AND end = ?",
            [article_id, override["start"], override["end"]],
        ).fetchone()
        if current is not None and not _newer(override["updated_at"], current[0]):
            continue
        span = (override["start"], override["end"])
        writes.set_reading(
            conn, change, article_id, span, override["syllables"], override["updated_at"]
        )
        counts["overrides_added" if current is None else "overrides_updated"] += 1


def _merge_annotations(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    article_id: int,
    annotations: list[dict[str, Any]],
    counts: dict[str, int],
) -> None:
    for annotation in annotations:
        current = conn.execute(
            "SELECT updated_at FROM annotations WHERE id = ?", [annotation["id"]]
        ).fetchone()
        if current is not None and not _newer(annotation["updated_at"], current[0]):
            counts["annotations_kept"] += 1
            continue
        writes.put_annotation(
            conn,
            change,
            [
                annotation["id"],
                article_id,
                annotation["start"],
                annotation["end"],
                annotation["quote"],
                annotation["prefix"],
                annotation["suffix"],
                annotation["color"],
                annotation["comment"],
                json.dumps(annotation["tags"], ensure_ascii=False),
                annotation["created_at"],
                annotation["updated_at"],
                int(annotation["orphaned"]),
            ],
        )
        counts["annotations_added" if current is None else "annotations_updated"] += 1


def _merge_word_readings(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    readings: list[dict[str, Any]],
    counts: dict[str, int],
) -> None:
    from reader.library.word_readings import WordReadingRefused, checked_reading, decode, encode

    for reading in readings:
        word, updated_at = reading["word"], reading["updated_at"]
        try:
            syllables = encode(checked_reading(word, decode(reading["syllables"])))
        except WordReadingRefused as error:
            raise BackupError(f"not a usable Yuedu backup: {error}") from None
        row = conn.execute("SELECT updated_at FROM word_readings WHERE word = ?", [word]).fetchone()
        if row is not None and not _newer(updated_at, row[0]):
            continue
        writes.set_word_reading(conn, change, word, syllables, updated_at)
        counts["word_readings_updated" if row is not None else "word_readings_added"] += 1
