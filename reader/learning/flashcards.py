"""Flashcards out and known words in: Pleco's flashcard import format
(`hanzi<TAB>pinyin<TAB>definition`, as TSV or CSV), and known words read from a text, CSV
or TSV file (one word a line, or Pleco's or Anki's plain-text export: the first field of
each line). Qt-free."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.importing.file_names import file_name_of, readable_path
from reader.learning.statuses import StatusStep, set_statuses
from reader.learning.vocabulary import VocabularyEntry
from reader.learning.words import KNOWN, WordRefused, checked_word
from reader.messages import message

if TYPE_CHECKING:
    from reader.library.store import Library

MAX_IMPORT_BYTES = 20 * 1024 * 1024
_TAG = re.compile(r"<[^>]*>")


def pleco_rows(entries: Sequence[VocabularyEntry]) -> list[tuple[str, str, str]]:
    """(hanzi, pinyin with tone numbers, definition) per word; Pleco reads numbered pinyin."""
    return [(entry.word, "".join(entry.pinyin), entry.gloss or entry.note) for entry in entries]


def write_pleco(entries: Sequence[VocabularyEntry], path: Path) -> int:
    """Write the words to `path`: comma-separated for .csv, else tab-separated."""
    buffer = io.StringIO()
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    rows = pleco_rows(entries)
    writer.writerows(rows)
    from reader.export.atomic_write import write_atomically

    write_atomically(path, buffer.getvalue().encode("utf-8"))
    return len(rows)


@dataclass(frozen=True)
class KnownWordsReport:
    made_known: int  # words that were new or learning, now known
    already_known: int
    not_words: int  # lines whose first field is no word (numbers, Latin, empty)
    step: StatusStep | None  # to undo the import


class ImportRefused(ValueError):
    """A file that cannot be read as a word list; the message says where and why."""


def _first_fields(text: str, delimiter: str | None) -> list[str]:
    fields: list[str] = []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if delimiter is None:  # one word a line, or a tab-separated export
        return [_TAG.sub("", line.split("\t")[0]).strip() for line in lines]
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        for row in reader:
            fields.append(_TAG.sub("", row[0]).strip() if row else "")
    except csv.Error as error:
        raise ImportRefused(
            message(
                "line {line}: not a CSV line ({detail}).", line=reader.line_num, detail=str(error)
            )
        ) from None
    return fields


def read_word_list(path: Path) -> list[str]:
    """The first field of each line (comments and blank lines skipped)."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportRefused(
                message("{file} is larger than a word list can be.", file=file_name_of(path))
            )
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(message("{file} is not UTF-8 text.", file=file_name_of(path))) from None
    except OSError as error:
        raise ImportRefused(
            message(
                "cannot read {path} ({reason}).",
                path=readable_path(path),
                reason=error.strerror or str(error),
            )
        ) from None
    return _first_fields(text, "," if path.suffix.lower() == ".csv" else None)


def import_known_words(library: Library, path: Path) -> KnownWordsReport:
    """Every word of the file becomes known (one write, undoable); ImportRefused for a file
    that cannot be read, nothing written. The library's own files, a folder, a pipe or a
    device are refused before anything opens them (opening the library's files would drop
    SQLite's locks; a pipe would block the read forever)."""
    from reader.library.files import (
        READ_AS_WORD_LIST,
        LibraryFileRefused,
        refuse_unreadable_input,
    )

    try:
        refuse_unreadable_input(path, library.path, READ_AS_WORD_LIST)
    except LibraryFileRefused as error:
        raise ImportRefused(*error.args) from None
    fields = read_word_list(path)
    words: list[str] = []
    not_words = 0
    for field in fields:
        try:
            words.append(checked_word(field))
        except WordRefused:
            not_words += 1
    distinct = list(dict.fromkeys(words))
    known = {
        row[0]
        for row in library.conn.execute("SELECT word FROM word_status WHERE status = 'known'")
    }
    fresh = [word for word in distinct if word not in known]
    step = (
        set_statuses(library, fresh, KNOWN, f"Import known words from {file_name_of(path)}")
        if fresh
        else None
    )
    return KnownWordsReport(len(fresh), len(distinct) - len(fresh), not_words, step)
