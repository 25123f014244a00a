"""The words of an Anki deck package (`.apkg`, `.colpkg`), read for "Import known words":
the first field of each note, as Anki's own plain-text export would give it. Qt-free.

A package is a ZIP archive holding the collection, an SQLite file: `collection.anki2` or
`collection.anki21` (what genanki, Yuedu's own export and Anki's "Support older Anki
versions" write), or `collection.anki21b`, the same SQLite file compressed with Zstandard
(what Anki 2.1.50 and later write by default; unpacked with `zstandard`, BSD-3-Clause).
Packages with `collection.anki21b` also hold a `collection.anki2` with one note asking to
update Anki, which must not be taken for the deck: the compressed collection wins.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from reader.messages import message

NOTE_FIELD_SEPARATOR = "\x1f"
# Anki's collections grow with media-free decks of tens of thousands of notes to tens of
# megabytes; more than this unpacked is not a deck of words (or is a ZIP bomb).
MAX_COLLECTION_BYTES = 512 * 1024 * 1024
_READABLE = ("collection.anki21", "collection.anki2")  # newest first
_COMPRESSED = "collection.anki21b"  # Zstandard; preferred over the stand-in anki2 beside it
_CHUNK_BYTES = 1024 * 1024


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


def _too_large(file: str) -> DeckRefused:
    return DeckRefused(
        message(
            "{file} cannot be read as an Anki deck: its collection unpacks to more than "
            "{limit} bytes.",
            file=file,
            limit=MAX_COLLECTION_BYTES,
        )
    )


def first_fields(path: Path, file: str) -> list[str]:
    """The first field of every note of the package at `path` (HTML as Anki keeps it),
    in the order the notes were added; `DeckRefused` when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            name = next(n for n in (_COMPRESSED, *_READABLE) if n in names)
            # The ZIP reader stops at the recorded size (and checks the CRC); a Zstandard
            # frame need not record its size, so that one is counted while it unpacks.
            if name != _COMPRESSED and archive.getinfo(name).file_size > MAX_COLLECTION_BYTES:
                raise _too_large(file)
            with tempfile.TemporaryDirectory(prefix="yuedu-deck-") as folder:
                collection = Path(folder) / "collection.sqlite3"
                with archive.open(name) as packed, collection.open("wb") as unpacked:
                    if name == _COMPRESSED:
                        _decompress(packed, unpacked, file)
                    else:
                        shutil.copyfileobj(packed, unpacked)
                return _note_first_fields(collection, file)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _refused(file, str(error)) from None


def _decompress(packed: IO[bytes], unpacked: IO[bytes], file: str) -> None:
    """Unpack a Zstandard collection, refusing it as soon as it passes the size limit."""
    import zstandard  # here: only a new-format deck needs it, and start-up time matters

    written = 0
    try:
        with zstandard.ZstdDecompressor().stream_reader(packed) as reader:
            while chunk := reader.read(_CHUNK_BYTES):
                written += len(chunk)
                if written > MAX_COLLECTION_BYTES:
                    raise _too_large(file)
                unpacked.write(chunk)
    except zstandard.ZstdError as error:
        raise DeckRefused(
            message(
                "{file} cannot be read as an Anki deck: its compressed collection is damaged "
                "({detail}).",
                file=file,
                detail=str(error),
            )
        ) from None


def _note_first_fields(collection: Path, file: str) -> list[str]:
    connection = sqlite3.connect(f"{collection.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT flds FROM notes ORDER BY id").fetchall()
    except sqlite3.Error as error:
        raise _refused(file, str(error)) from None
    finally:
        connection.close()
    return [str(fields).split(NOTE_FIELD_SEPARATOR)[0] for (fields,) in rows]
