"""An EPUB's ZIP container, read without trusting it. Qt-free.

A ZIP archive can claim anything: sizes that are small and unpack to gigabytes (a "zip
bomb"), tens of thousands of entries, names such as `../../x` or `/etc/x`, encrypted
entries. Yuedu writes nothing from the archive to disk, but such an archive is not an
honest book either, so it is refused as a whole, with the reason, before anything is
read. Entries are then read in chunks, counting the bytes that really come out, so that
a size the archive lied about stops the read at the bound instead of filling memory.
"""

from __future__ import annotations

import lzma
import posixpath
import re
import struct
import zipfile
import zlib
from typing import BinaryIO
from urllib.parse import unquote

from reader.messages import message
from reader.text.decode import ImportRefused

MAX_ENTRIES = 10_000
# Unpacked bytes allowed per byte of the file, and in all: text compresses about 3:1,
# pictures not at all, so an honest book is nowhere near either bound.
MAX_EXPANSION = 100
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
# One entry (a chapter, the package document) unpacked: the largest chapter of a long
# novel in one file is a few megabytes.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_CHUNK_BYTES = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")

# What the zipfile module and its decompressors raise for a damaged archive. OSError is
# among them: the bz2 module reports bad data with it.
ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
    OSError,
    UnicodeDecodeError,
    KeyError,
    IndexError,
    OverflowError,
)


def damaged(label: str, error: BaseException) -> ImportRefused:
    detail = str(error).strip().rstrip(".") or type(error).__name__
    return ImportRefused(
        message(
            "{file} is not a readable EPUB: the archive is damaged ({detail}).",
            file=label,
            detail=detail,
        )
    )


def _unsafe_name(name: str) -> bool:
    parts = re.split(r"[/\\]", name)
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts


def resolve_href(base_folder: str, href: str) -> str | None:
    """The archive path an href (relative to a file in `base_folder`) names, without its
    #fragment; None for a link outside the archive (a web address, or above its root)."""
    target = href.split("#", 1)[0].strip()
    if not target or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or target.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(base_folder, unquote(target)))
    if path.startswith("../") or path == "..":
        return None
    return path


class EpubArchive:
    """The checked archive: its entries by name, read through `read` with a budget."""

    def __init__(self, file: BinaryIO, file_name: str) -> None:
        self.label = file_name
        try:
            file.seek(0, 2)
            file_bytes = file.tell()
            file.seek(0)
            self._zip = zipfile.ZipFile(file)
            entries = self._zip.infolist()
        except ARCHIVE_ERRORS as error:
            raise ImportRefused(
                message(
                    "{file} is not a readable EPUB: it is not a ZIP archive, or a damaged one "
                    "({detail}).",
                    file=file_name,
                    detail=str(error).strip() or type(error).__name__,
                )
            ) from error
        self._refuse_hostile(entries, file_bytes)
        self._entries = {entry.filename: entry for entry in entries}
        self._budget = min(MAX_EXPANSION * file_bytes, MAX_UNPACKED_BYTES)
        self._unpacked = 0

    def _refuse_hostile(self, entries: list[zipfile.ZipInfo], file_bytes: int) -> None:
        label = self.label
        if len(entries) > MAX_ENTRIES:
            raise ImportRefused(
                message(
                    "{file} is not a book Yuedu will open: its archive holds {count} files "
                    "(more than {limit}).",
                    file=label,
                    count=f"{len(entries):,}",
                    limit=f"{MAX_ENTRIES:,}",
                )
            )
        for entry in entries:
            if _unsafe_name(entry.filename):
                raise ImportRefused(
                    message(
                        "{file} is not a book Yuedu will open: its archive holds a file named "
                        "{name}, a path outside the archive.",
                        file=label,
                        name=repr(entry.filename),
                    )
                )
            if entry.flag_bits & 0x1:
                raise ImportRefused(
                    message(
                        "{file} cannot be read: its archive is encrypted ({name}).",
                        file=label,
                        name=entry.filename,
                    )
                )
        declared = sum(entry.file_size for entry in entries)
        bound = min(MAX_EXPANSION * file_bytes, MAX_UNPACKED_BYTES)
        if declared > bound:
            raise ImportRefused(
                message(
                    "{file} is not a book Yuedu will open: its {size} bytes would unpack to "
                    '{unpacked} bytes, more than an honest book does (a "zip bomb").',
                    file=label,
                    size=f"{file_bytes:,}",
                    unpacked=f"{declared:,}",
                )
            )

    def has(self, name: str) -> bool:
        return name in self._entries

    def names(self) -> list[str]:
        return list(self._entries)

    def read(self, name: str, limit: int = MAX_ENTRY_BYTES) -> bytes:
        """An entry's bytes, read in chunks: refused past `limit` or the archive's budget,
        whatever size the archive declared."""
        entry = self._entries.get(name)
        if entry is None:
            raise ImportRefused(
                message(
                    "{file} is not a readable EPUB: {name} is missing.", file=self.label, name=name
                )
            )
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(entry) as member:
                while chunk := member.read(_CHUNK_BYTES):
                    got += len(chunk)
                    self._unpacked += len(chunk)
                    if got > limit or self._unpacked > self._budget:
                        raise ImportRefused(
                            message(
                                "{file} is not a book Yuedu will open: {name} unpacks to more "
                                'than an honest book\'s file does (a "zip bomb").',
                                file=self.label,
                                name=name,
                            )
                        )
                    chunks.append(chunk)
        except ARCHIVE_ERRORS as error:
            raise damaged(self.label, error) from error
        return b"".join(chunks)
