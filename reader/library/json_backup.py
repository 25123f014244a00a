"""Backups: the whole library as one versioned JSON document, and restoring one.

    {"format": "yuedu-backup", "version": 1, "exported_at": "…",
     "sources": [{"sha256", "file_name", "encoding", "byte_count", "imported_at", "raw_text",
                  "paragraphs": [...],
                  "articles": [{"position", "title", "title_is_derived", "byline", "text",
                                "first_paragraph", "end_paragraph", "segmenter",
                                "token_ends": [...],
                                "reading_overrides": [{"start", "end", "syllables",
                                                       "updated_at"}],
                                "annotations": [{"id", "start", "end", "quote", "prefix",
                                                 "suffix", "color", "comment", "tags",
                                                 "created_at", "updated_at", "orphaned"}]}]}],
     "word_readings": [{"word", "syllables", "updated_at"}],
     "word_statuses": [...], "vocabulary": [...]}  (see reader.learning.backup)
     "kept_annotations": [...]  (of deleted articles; see reader.library.kept_backup)

Nothing in it names a row id: articles sit in their source, annotations and reading
corrections in their article, so a library restored elsewhere (where ids differ) backs up to
the same document. Order is fixed (sources as imported, articles by position, the rest by
offsets, then id); the only field that depends on when the backup ran is `exported_at`.

Restoring (`reader.library.json_restore`) merges: sources are matched by sha256 (else
added, with their articles); annotations by id, the newer `updated_at` winning; reading
corrections by span, the newer winning; nothing in the library is deleted. All in one
transaction; a file that is not a backup, is damaged, or comes from a newer Yuedu raises
`BackupError` and nothing is written.
Qt-free.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from annotations.model import COLORS
from annotations.store import now_utc
from reader.learning.backup import backup_sections, check_sections
from reader.library.kept_backup import check_kept, kept_section
from reader.library.store import Library, unpack_token_ends

FORMAT = "yuedu-backup"
VERSION = 1
# Refused before parsing, so that memory stays bounded (parsed JSON takes several times
# its size): twice the largest file an import takes, whose text a backup holds twice.
MAX_BACKUP_BYTES = 1024 * 1024 * 1024
MAX_INTEGER = 2**63 - 1


class BackupError(Exception):
    """A file that cannot be restored; the message is meant for the user."""


@dataclass(frozen=True)
class RestoreReport:
    sources_added: int = 0
    sources_matched: int = 0  # already in the library (same sha256)
    articles_added: int = 0
    articles_matched: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0  # the backup's copy was newer
    annotations_kept: int = 0  # the library's copy was as new or newer
    overrides_added: int = 0
    overrides_updated: int = 0
    word_readings_added: int = 0
    word_readings_updated: int = 0  # the backup's reading of the word was newer
    word_statuses_added: int = 0
    word_statuses_updated: int = 0  # the backup's status of the word was newer
    vocabulary_restored: int = 0  # kept words (sentence, note) taken from the backup


# -- writing a backup ---------------------------------------------------------------------------


def backup_document(library: Library, *, exported_at: str | None = None) -> dict[str, Any]:
    """The library as the backup document (a dict ready for `json.dumps`)."""
    conn = library.conn
    sources = []
    for (
        source_id,
        sha256,
        file_name,
        encoding,
        byte_count,
        imported_at,
    ) in conn.execute(
        "SELECT id, sha256, file_name, encoding, byte_count, imported_at FROM sources ORDER BY id"
    ).fetchall():
        articles = []
        for row in conn.execute(
            "SELECT a.id, a.position, a.title, a.title_is_derived, a.byline, a.text,"
            " a.first_paragraph, a.end_paragraph, t.segmenter, t.token_ends"
            " FROM articles a LEFT JOIN article_tokens t ON t.article_id = a.id"
            " WHERE a.source_id = ? ORDER BY a.position",
            [source_id],
        ).fetchall():
            article_id, position, title, derived, byline, text, first, end, segmenter, blob = row
            overrides = [
                {"start": start, "end": stop, "syllables": syllables, "updated_at": updated}
                for start, stop, syllables, updated in conn.execute(
                    "SELECT start, end, syllables, updated_at FROM reading_overrides"
                    " WHERE article_id = ? ORDER BY start, end",
                    [article_id],
                )
            ]
            annotations = [
                {
                    "id": id_,
                    "start": start,
                    "end": stop,
                    "quote": quote,
                    "prefix": prefix,
                    "suffix": suffix,
                    "color": color,
                    "comment": comment,
                    "tags": json.loads(tags),
                    "created_at": created,
                    "updated_at": updated,
                    "orphaned": bool(orphaned),
                }
                for id_, start, stop, quote, prefix, suffix, color, comment, tags, created,
                updated, orphaned in conn.execute(
                    "SELECT id, start, end, quote, prefix, suffix, color, comment, tags,"
                    " created_at, updated_at, orphaned FROM annotations WHERE article_id = ?"
                    " ORDER BY start, end, id",
                    [article_id],
                )
            ]  # fmt: skip
            articles.append(
                {
                    "position": position,
                    "title": title,
                    "title_is_derived": bool(derived),
                    "byline": byline,
                    "text": text,
                    "first_paragraph": first,
                    "end_paragraph": end,
                    "segmenter": segmenter,
                    "token_ends": unpack_token_ends(blob) if blob is not None else None,
                    "reading_overrides": overrides,
                    "annotations": annotations,
                }
            )
        sources.append(
            {
                "sha256": sha256,
                "file_name": file_name,
                "encoding": encoding,
                "byte_count": byte_count,
                "imported_at": imported_at,
                "raw_text": library.source_text(source_id),
                "paragraphs": library.source_paragraphs(source_id),
                "articles": articles,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at or now_utc(),
        "sources": sources,
        "word_readings": [
            {"word": word, "syllables": syllables, "updated_at": updated_at}
            for word, syllables, updated_at in library.conn.execute(
                "SELECT word, syllables, updated_at FROM word_readings ORDER BY word"
            )
        ],
        **backup_sections(library.conn),
        **kept_section(library.conn),
    }


def backup_json(library: Library, *, exported_at: str | None = None) -> str:
    """The backup as text: indented for reading, except token ends, one line per article
    (a novel has 300,000 of them)."""
    document = backup_document(library, exported_at=exported_at)
    compact: dict[str, str] = {}
    for source in document["sources"]:
        for article in source["articles"]:
            if article["token_ends"] is not None:
                marker = f"@@token_ends:{len(compact)}@@"
                # With its key and both quotes unescaped, the marker cannot be spelled by
                # any string in the document (a string's own quotes come out escaped).
                compact[f'"token_ends": "{marker}"'] = '"token_ends": ' + json.dumps(
                    article["token_ends"], separators=(",", ":")
                )
                article["token_ends"] = marker
    text = json.dumps(document, ensure_ascii=False, indent=2)
    for marker, value in compact.items():
        text = text.replace(marker, value, 1)
    return text + "\n"


# -- reading and checking a backup ---------------------------------------------------------------


def _fail(where: str, problem: str) -> BackupError:
    return BackupError(f"not a usable Yuedu backup: {where}: {problem}")


def _check(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if isinstance(value, bool) and kind is int or not isinstance(value, kind):
        raise _fail(where, f"expected {getattr(kind, '__name__', kind)}")
    # Every number in a backup is a count or an offset: SQLite stores up to 2**63 - 1.
    if kind is int and not 0 <= value <= MAX_INTEGER:
        raise _fail(where, f"{value} is out of range")
    return value


def _field(record: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(record, dict) or key not in record:
        raise _fail(where, f"missing {key!r}")
    return _check(record[key], kind, f"{where}.{key}")


def _timestamp(value: Any, where: str) -> str:
    _check(value, str, where)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"{value!r} is not an ISO 8601 time") from None
    return value


def parse_backup(text: str | bytes) -> dict[str, Any]:
    """The backup document, checked field by field; BackupError for anything else."""
    if len(text) > MAX_BACKUP_BYTES:
        raise BackupError(
            f"not a usable Yuedu backup: {len(text) // (1024 * 1024)} MB is more than a "
            f"backup of any library Yuedu can hold ({MAX_BACKUP_BYTES // (1024 * 1024)} MB)"
        )
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"not a usable Yuedu backup: not JSON ({error})") from None
    except RecursionError:  # values nested thousands deep: no backup of ours is
        raise BackupError("not a usable Yuedu backup: values nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f'not a Yuedu backup (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("version", f"{version!r} is not a version number")
    if version > VERSION:
        raise BackupError(
            f"this backup was written by a newer Yuedu (format version {version}; this "
            f"version reads up to {VERSION}); please update Yuedu to restore it"
        )
    _timestamp(document.get("exported_at"), "exported_at")
    seen_ids: set[str] = set()
    for s, source in enumerate(_field(document, "sources", list, "backup")):
        where = f"sources[{s}]"
        for key, kind in (
            ("sha256", str),
            ("file_name", str),
            ("encoding", str),
            ("byte_count", int),
            ("raw_text", str),
            ("paragraphs", list),
            ("articles", list),
        ):
            _field(source, key, kind, where)
        _timestamp(source.get("imported_at"), f"{where}.imported_at")
        for paragraph in source["paragraphs"]:
            _check(paragraph, str, f"{where}.paragraphs")
        for a, article in enumerate(source["articles"]):
            _check_article(article, f"{where}.articles[{a}]", seen_ids)
            if (
                not 0
                <= article["first_paragraph"]
                <= article["end_paragraph"]
                <= len(source["paragraphs"])
            ):
                raise _fail(f"{where}.articles[{a}]", "paragraphs not a run of its source's")
    # Optional: backups written before word readings existed have none.
    for w, reading in enumerate(_check(document.get("word_readings", []), list, "backup")):
        where = f"word_readings[{w}]"
        _field(reading, "word", str, where)
        _field(reading, "syllables", str, where)
        _timestamp(reading.get("updated_at"), f"{where}.updated_at")
    check_sections(document, _fail)  # optional too: word statuses, the kept vocabulary
    check_kept(document, _fail, _check_annotation, seen_ids)  # of deleted articles
    return document


def _check_article(article: Any, where: str, seen_ids: set[str]) -> None:
    for key, kind in (
        ("position", int),
        ("title", str),
        ("title_is_derived", bool),
        ("byline", str),
        ("text", str),
        ("first_paragraph", int),
        ("end_paragraph", int),
        ("reading_overrides", list),
        ("annotations", list),
    ):
        _field(article, key, kind, where)
    text: str = article["text"]
    ends = article.get("token_ends")
    if ends is not None:
        _field(article, "segmenter", str, where)
        _check(ends, list, f"{where}.token_ends")
        previous = 0
        for end in ends:
            if isinstance(end, bool) or not isinstance(end, int) or not previous < end:
                raise _fail(f"{where}.token_ends", "not increasing offsets")
            previous = end
        if (ends[-1] if ends else 0) != len(text):
            raise _fail(f"{where}.token_ends", "do not cover the text")
    for o, override in enumerate(article["reading_overrides"]):
        at = f"{where}.reading_overrides[{o}]"
        start = _field(override, "start", int, at)
        end = _field(override, "end", int, at)
        syllables = _field(override, "syllables", str, at)
        _timestamp(override.get("updated_at"), f"{at}.updated_at")
        if not 0 <= start < end <= len(text) or len(syllables.split(" ")) != end - start:
            raise _fail(at, "not a reading of a span of the text")
    for n, annotation in enumerate(article["annotations"]):
        at = f"{where}.annotations[{n}]"
        _field(annotation, "orphaned", bool, at)
        _check_annotation(annotation, at, seen_ids, len(text))


# The fields every annotation in a backup has, in an article or kept from a deleted one.
ANNOTATION_FIELDS = (
    ("id", str),
    ("start", int),
    ("end", int),
    ("quote", str),
    ("prefix", str),
    ("suffix", str),
    ("color", str),
    ("comment", str),
    ("tags", list),
)


def _check_annotation(
    annotation: Any, at: str, seen_ids: set[str], text_length: int = MAX_INTEGER
) -> None:
    """An annotation's fields, times, colour, span (within `text_length`), tags, and an id
    not seen before in the backup (added to `seen_ids`)."""
    for key, kind in ANNOTATION_FIELDS:
        _field(annotation, key, kind, at)
    _timestamp(annotation.get("created_at"), f"{at}.created_at")
    _timestamp(annotation.get("updated_at"), f"{at}.updated_at")
    if annotation["color"] not in COLORS:
        raise _fail(at, f"unknown colour {annotation['color']!r}")
    if not 0 <= annotation["start"] < annotation["end"] <= text_length or not annotation["quote"]:
        raise _fail(at, "not a span")
    for tag in annotation["tags"]:
        _check(tag, str, f"{at}.tags")
    try:
        uuid.UUID(annotation["id"])
    except ValueError:
        raise _fail(at, f"annotation id {annotation['id']!r} is not a UUID") from None
    if annotation["id"] in seen_ids:
        raise _fail(at, f"annotation {annotation['id']} appears twice")
    seen_ids.add(annotation["id"])


# Restoring lives in reader.library.json_restore; its names are part of this module's API.
