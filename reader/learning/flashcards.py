"""Flashcards out and known words in: Pleco's flashcard import format
(`hanzi<TAB>pinyin<TAB>definition`, as TSV or CSV), and known words read from a word list:
one word a line, or a CSV or TSV file whose first column is the word (a spreadsheet's, with
commas or semicolons; Pleco's export, 银行[銀行]; Anki's plain-text export, quoted and with
HTML), in any encoding Yuedu imports; or an Anki deck package (reader.learning.anki_deck).
Qt-free."""

from __future__ import annotations

import csv
import html
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
from reader.text.chars import is_all_han

if TYPE_CHECKING:
    from reader.library.store import Library

MAX_IMPORT_BYTES = 20 * 1024 * 1024
_TAG = re.compile(r"<[^>]*>")
_WORD_SEPARATORS = re.compile(r"[\s、，,；;/]+")


def pleco_rows(entries: Sequence[VocabularyEntry]) -> list[tuple[str, str, str]]:
    """(hanzi, pinyin with tone numbers, definition) per word; Pleco reads numbered pinyin."""
    return [(entry.word, "".join(entry.pinyin), entry.gloss or entry.note) for entry in entries]


_LINE_BREAKS_AND_TABS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def write_pleco(entries: Sequence[VocabularyEntry], path: Path) -> int:
    """Write the words to `path`: CSV (quoted where needed) for .csv, else Pleco's plain
    tab-separated lines. Those have no quoting: a field's tabs and line breaks become
    spaces and its quotes stay as they are (a gloss "Times" must not arrive in Pleco as
    three quotes, Times and two more)."""
    buffer = io.StringIO()
    rows = pleco_rows(entries)
    if path.suffix.lower() == ".csv":
        csv.writer(buffer, lineterminator="\n").writerows(rows)
    else:
        for row in rows:
            buffer.write("\t".join(_LINE_BREAKS_AND_TABS.sub(" ", field) for field in row) + "\n")
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
    """A file that cannot be read as a word list; the message names it and says why."""


# What Anki's plain-text export says its separator is (`#separator:tab`).
_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "colon": ":"}
# Pleco writes a word with both scripts as 银行[銀行].
_PLECO_BOTH_SCRIPTS = re.compile(r"^([^\[\]]+)\[[^\[\]]*\]$")


def _separator(lines: Sequence[str], header: Sequence[str]) -> str | None:
    """The field separator: as Anki's header names it, else tab, comma or semicolon,
    whichever separates the most lines (a spreadsheet saves CSV with either; no Chinese
    word holds one), else none: one word a line."""
    for line in header:
        named = line.partition(":")[2].strip().lower()
        if line.lower().startswith("#separator:") and named in _ANKI_SEPARATORS:
            return _ANKI_SEPARATORS[named]
    counts = {sep: sum(sep in line for line in lines) for sep in ("\t", ",", ";")}
    best = max(counts, key=lambda sep: counts[sep])  # ties: the first, tab
    return best if counts[best] else None


def first_word(field: str) -> str:
    """The word a list's first field holds: markup and Pleco's second script removed, and
    what follows the word on a line of its own (`银行 yínháng bank`) left out."""
    text = html.unescape(_TAG.sub("", field)).strip()
    text = text.split()[0] if text else ""
    pleco = _PLECO_BOTH_SCRIPTS.match(text)
    return pleco.group(1) if pleco else text


def _words_of_line(line: str) -> list[str]:
    """A line of words only (银行 学习 工作, 银行、学习、工作: a list pasted as one line)
    gives them all; any other line its first word (银行 yínháng bank)."""
    parts = [part for part in _WORD_SEPARATORS.split(line.strip()) if part]
    if len(parts) > 1 and all(is_all_han(part) for part in parts):
        return parts
    return [first_word(line)]


def _first_fields(text: str, file: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    header = [line for line in lines if line.startswith("#")]
    lines = [line for line in lines if not line.startswith("#")]
    separator = _separator(lines, header)
    if separator is None:
        return [word for line in lines for word in _words_of_line(line)]
    fields: list[str] = []
    reader = csv.reader(lines, delimiter=separator, strict=True)
    try:
        for row in reader:
            fields.append(first_word(row[0]) if row else "")
    except csv.Error as error:
        raise ImportRefused(
            message(
                "{file}, line {line}: not a CSV line ({detail}).",
                file=file,
                line=reader.line_num,
                detail=str(error),
            )
        ) from None
    return fields


def read_word_list(path: Path) -> list[str]:
    """The word at the start of each line (comments and blank lines skipped), from a file
    in any encoding Yuedu imports (UTF-8, UTF-16, GB18030/GBK, Big5: a spreadsheet on a
    Chinese Windows saves CSV in GBK, "Unicode text" in UTF-16)."""
    from reader.learning import anki_deck
    from reader.text.decode import ImportRefused as Undecodable
    from reader.text.decode import decode_bytes

    file = file_name_of(path)
    if anki_deck.is_anki_package(path):  # its media may be large; only the notes are read
        try:
            return [first_word(field) for field in anki_deck.first_fields(path, file)]
        except anki_deck.DeckRefused as error:
            raise ImportRefused(*error.args) from None
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportRefused(message("{file} is larger than a word list can be.", file=file))
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(
            message(
                "cannot read {path} ({reason}).",
                path=readable_path(path),
                reason=error.strerror or str(error),
            )
        ) from None
    try:
        text = decode_bytes(data, file_name=file).text
    except Undecodable as error:
        raise ImportRefused(*error.args) from None
    return _first_fields(text, file)


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
    if not words:  # else "0 word(s) now known" would be all a reader learns of a wrong file
        raise ImportRefused(
            message(
                "{file} has no line that starts with a Chinese word. Give one word a line, or "
                "a CSV or TSV file (such as Pleco's or Anki's export) whose first column is "
                "the word.",
                file=file_name_of(path),
            )
        )
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
