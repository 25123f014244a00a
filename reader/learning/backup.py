"""The learning layer in the JSON backup: two optional keys (older backups have neither
and still restore).

    "word_statuses": [{"word", "status", "updated_at"}],
    "vocabulary": [{"word", "note", "pinyin", "sentence", "word_start", "prefix", "suffix",
                    "article_title", "met_at", "updated_at",
                    "source_sha256", "article_position", "start", "end"}]

A kept sentence names its article as in the rest of the backup, by its source's hash and
its position there, never by row id. Restoring merges by word, the newer `updated_at`
winning. Qt-free.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reader.learning.words import STATUSES, WordRefused, checked_word
from reader.library import writes
from reader.library.change import ChangeBuilder

Fail = Callable[[str, str], Exception]
_TEXT_FIELDS = ("note", "pinyin", "sentence", "prefix", "suffix", "article_title")


def backup_sections(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    statuses = [
        {"word": word, "status": status, "updated_at": updated_at}
        for word, status, updated_at in conn.execute(
            "SELECT word, status, updated_at FROM word_status ORDER BY word"
        )
    ]
    vocabulary = []
    for row in conn.execute(
        "SELECT v.word, v.note, v.pinyin, v.sentence, v.word_start, v.prefix, v.suffix,"
        ' v.article_title, v.met_at, v.updated_at, s.sha256, a.position, v.start, v."end"'
        " FROM vocabulary v LEFT JOIN articles a ON a.id = v.article_id"
        " LEFT JOIN sources s ON s.id = a.source_id ORDER BY v.word"
    ):
        # In the SELECT's order.
        ordered = (
            "word", "note", "pinyin", "sentence", "word_start", "prefix", "suffix",
            "article_title", "met_at", "updated_at", "source_sha256", "article_position",
            "start", "end",
        )  # fmt: skip
        vocabulary.append(dict(zip(ordered, row, strict=True)))
    return {"word_statuses": statuses, "vocabulary": vocabulary}


def check_sections(document: dict[str, Any], fail: Fail) -> None:
    """Raise `fail(where, problem)` for anything in the two keys a restore cannot take."""
    for key in ("word_statuses", "vocabulary"):
        if not isinstance(document.get(key, []), list):
            raise fail(key, "expected list")
    for i, item in enumerate(document.get("word_statuses", [])):
        where = f"word_statuses[{i}]"
        if not isinstance(item, dict) or item.get("status") not in STATUSES:
            raise fail(where, "no known status")
        _check_word_and_time(item, where, fail)
    for i, item in enumerate(document.get("vocabulary", [])):
        where = f"vocabulary[{i}]"
        if not isinstance(item, dict):
            raise fail(where, "expected object")
        _check_word_and_time(item, where, fail)
        for name in _TEXT_FIELDS:
            if not isinstance(item.get(name, ""), str):
                raise fail(f"{where}.{name}", "expected str")
        for name in ("word_start", "article_position", "start", "end"):
            value = item.get(name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise fail(f"{where}.{name}", "expected int or null")


def _check_word_and_time(item: dict[str, Any], where: str, fail: Fail) -> None:
    try:
        checked_word(str(item.get("word", "")))
        datetime.fromisoformat(str(item.get("updated_at")))
    except (WordRefused, ValueError) as error:
        raise fail(where, str(error)) from None


def _newer(candidate: str, current: str | None) -> bool:
    return current is None or datetime.fromisoformat(candidate) > datetime.fromisoformat(current)


def merge_sections(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    document: dict[str, Any],
    counts: dict[str, int],
) -> None:
    """Merge the backup's statuses and kept words into the library, newest winning."""
    for item in document.get("word_statuses", []):
        row = conn.execute(
            "SELECT updated_at FROM word_status WHERE word = ?", [item["word"]]
        ).fetchone()
        if _newer(item["updated_at"], row[0] if row else None):
            writes.set_status(conn, change, item["word"], item["status"], item["updated_at"])
            counts["word_statuses_updated" if row else "word_statuses_added"] += 1
    for item in document.get("vocabulary", []):
        row = conn.execute(
            "SELECT updated_at FROM vocabulary WHERE word = ?", [item["word"]]
        ).fetchone()
        if not _newer(item["updated_at"], row[0] if row else None):
            continue
        entry = {name: item.get(name, "") for name in ("word", *_TEXT_FIELDS)}
        entry.update(
            word_start=item.get("word_start"),
            met_at=item.get("met_at"),
            updated_at=item["updated_at"],
            article_id=None,
            start=None,
            end=None,
        )
        place = conn.execute(
            "SELECT a.id, a.text FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE s.sha256 = ? AND a.position = ?",
            [item.get("source_sha256"), item.get("article_position")],
        ).fetchone()
        start, end = item.get("start"), item.get("end")
        if place and start is not None and end is not None:
            if place[1][start:end] == entry["sentence"]:
                entry.update(article_id=place[0], start=start, end=end)
        writes.put_vocabulary(conn, change, entry)
        counts["vocabulary_restored"] += 1
