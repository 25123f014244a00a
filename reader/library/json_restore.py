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
from reader.library.restore_matching import Placement, library_articles, match_article
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
    existing = library_articles(conn, source_id)
    next_position = max((a.position for a in existing), default=-1) + 1
    taken = {a.position for a in existing}
    for article in source["articles"]:
        placement = match_article(article, existing)
        if placement is None:
            position = article["position"] if article["position"] not in taken else next_position
            next_position = max(next_position, position + 1)
            taken.add(position)
            article_id = _insert_article(conn, change, source_id, position, article)
            placement = Placement.whole(article_id, len(article["text"]))
            counts["articles_added"] += 1
        else:
            counts["articles_matched"] += 1
        _merge_overrides(conn, change, placement, article["reading_overrides"], counts)
        _merge_annotations(conn, change, placement, article, counts)


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
    placement: Placement,
    overrides: list[dict[str, Any]],
    counts: dict[str, int],
) -> None:
    for override in overrides:
        placed = placement.place(override["start"], override["end"])
        if placed is None:  # a word cut in two by a split: neither part reads it
            continue
        article_id, shift = placed
        span = (override["start"] + shift, override["end"] + shift)
        current = conn.execute(
            "SELECT updated_at FROM reading_overrides WHERE article_id = ? AND start = ?"
            " AND end = ?",
            [article_id, *span],
        ).fetchone()
        if current is not None and not _newer(override["updated_at"], current[0]):
            continue
        writes.set_reading(
            conn, change, article_id, span, override["syllables"], override["updated_at"]
        )
        counts["overrides_added" if current is None else "overrides_updated"] += 1


def _merge_annotations(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    placement: Placement,
    article: dict[str, Any],
    counts: dict[str, int],
) -> None:
    for annotation in article["annotations"]:
        start, end = annotation["start"], annotation["end"]
        placed = placement.place(start, end)
        # A highlight across the cut between two parts has no one place, and one whose quote
        # is not the text at its span (a hand-edited file) no sure one: either is kept as an
        # orphan (quote, comment and all), on the part where it began.
        orphaned = (
            bool(annotation["orphaned"])
            or placed is None
            or article["text"][start:end] != annotation["quote"]
        )
        article_id, shift = placed or (placement.first_article, 0)
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
                annotation["start"] + shift,
                annotation["end"] + shift,
                annotation["quote"],
                annotation["prefix"],
                annotation["suffix"],
                annotation["color"],
                annotation["comment"],
                json.dumps(annotation["tags"], ensure_ascii=False),
                annotation["created_at"],
                annotation["updated_at"],
                int(orphaned),
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
            syllables = encode(checked_reading(word, decode(reading["syllables"]), typed=False))
        except WordReadingRefused as error:
            raise BackupError(f"not a usable Yuedu backup: {error}") from None
        row = conn.execute("SELECT updated_at FROM word_readings WHERE word = ?", [word]).fetchone()
        if row is not None and not _newer(updated_at, row[0]):
            continue
        writes.set_word_reading(conn, change, word, syllables, updated_at)
        counts["word_readings_updated" if row is not None else "word_readings_added"] += 1
