"""The words of an Anki deck package (`.apkg`, `.colpkg`), read for "Import known words":
the first field of each note, as Anki's own plain-text export would give it. Qt-free.

A package is a ZIP archive holding the collection, an SQLite file: `collection.anki2` or
`collection.anki21` (what genanki, Yuedu's own export and Anki's "Support older Anki
versions" write). Anki 2.1.50 and later write `collection.anki21b`, compressed with
Zstandard, which Python cannot read without another library: such a package is refused
with the way round (export the notes as plain text). Such packages also hold a
`collection.anki2` with one note asking to update Anki, which must not be taken for the
deck.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from reader.messages import message

NOTE_FIELD_SEPARATOR = "\x1f"
# Anki's collections grow with media-free decks of tens of thousands of notes to tens of
# megabytes; more than this unpacked is not a deck of words (or is a ZIP bomb).
MAX_COLLECTION_BYTES = 512 * 1024 * 1024
_READABLE = ("collection.anki21", "collection.anki2")  # newest first
_COMPRESSED = "collection.anki21b"


class DeckRefused(ValueError):
    """A package that cannot be read; the message names it and says what to do."""


def is_anki_package(path: Path) -> bool:
    """Whether `path` is a ZIP archive holding an Anki collection."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return bool(names & {_COMPRESSED, *_READABLE})


def _refused(file: str, detail: str) -> DeckRefused:
    return DeckRefused(
        message("{file} cannot be read as an Anki deck ({detail}).", file=file, detail=detail)
    )


def first_fields(path: Path, file: str) -> list[str]:
    """The first field of every note of the package at `path` (HTML as Anki keeps it),
    in the order the notes were added; `DeckRefused` when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if _COMPRESSED in names:
                raise DeckRefused(
                    message(
                        "{file} is an Anki package in the format of Anki 2.1.50 and later, "
                        "which Yuedu cannot read. In Anki, export the deck as “Notes in Plain "
                        "Text” (or tick “Support older Anki versions”) and import that file.",
                        file=file,
                    )
                )
            name = next(n for n in _READABLE if n in names)
            if archive.getinfo(name).file_size > MAX_COLLECTION_BYTES:
                raise _refused(
                    file, f"its collection unpacks to more than {MAX_COLLECTION_BYTES} bytes"
                )
            with tempfile.TemporaryDirectory(prefix="yuedu-deck-") as folder:
                collection = Path(folder) / "collection.sqlite3"
                with archive.open(name) as packed, collection.open("wb") as unpacked:
                    shutil.copyfileobj(packed, unpacked)
                return _note_first_fields(collection, file)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _refused(file, str(error)) from None


def _note_first_fields(collection: Path, file: str) -> list[str]:
    connection = sqlite3.connect(f"{collection.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT flds FROM notes ORDER BY id").fetchall()
    except sqlite3.Error as error:
        raise _refused(file, str(error)) from None
    finally:
        connection.close()
    return [str(fields).split(NOTE_FIELD_SEPARATOR)[0] for (fields,) in rows]
