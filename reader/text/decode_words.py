"""What `reader.text.decode` says about a file it cannot read, or reads with a doubt: the
kinds of binary file it recognises and its refusals' wording, as `reader.messages.Message`
values (English here and on the command line; translated by the window). Qt-free."""

from __future__ import annotations

from reader.messages import Message, message

# The signatures of binary files that people try to import as text, and what to call them.
_MAGIC: list[tuple[bytes, Message]] = [
    (b"\x89PNG\r\n\x1a\n", message("a PNG image")),
    (b"\xff\xd8\xff", message("a JPEG image")),
    (b"GIF87a", message("a GIF image")),
    (b"GIF89a", message("a GIF image")),
    (b"%PDF-", message("a PDF document")),
    (b"PK\x03\x04", message("a ZIP archive (or a Word/EPUB file)")),
    (b"\x7fELF", message("a program")),
    (b"MZ", message("a Windows program")),
    (b"\x1f\x8b", message("a gzip archive")),
    (b"BM", message("a BMP image")),
    (b"RIFF", message("a RIFF media file")),
    (b"SQLite format 3\x00", message("an SQLite database")),
    (b"\xd0\xcf\x11\xe0", message("an old Microsoft Office document")),
]

_NAMING_IT = message(
    "naming the encoding (File ▸ Import with Encoding…, or yuedu import --encoding NAME)"
)


def input_label(file_name: str) -> str:
    """How a refusal names the input: its file name, or "The input" for bytes without one."""
    return file_name or message("The input")


def sniff_binary(data: bytes) -> Message | None:
    """What binary file `data` is, if its first bytes say so."""
    for magic, what in _MAGIC:
        # "MZ" and "BM" are two letters a text could start with: require a NUL nearby too.
        if data.startswith(magic) and (len(magic) > 2 or b"\x00" in data[:64]):
            return what
    return None


def undecodable(label: str, encoding: str, offset: int, *, named: bool, bom: bool) -> Message:
    """Bytes at `offset` do not decode as `encoding`: named by the reader, announced by a
    byte-order mark, or guessed from the file's start."""
    if named:
        return message(
            "{file} cannot be read as {encoding} (bad bytes at offset {offset}).",
            file=label,
            encoding=encoding,
            offset=offset,
        )
    if bom:
        return message(
            "{file} starts with a {encoding} byte-order mark but is not valid "
            "{encoding} (bad bytes at offset {offset}).",
            file=label,
            encoding=encoding,
            offset=offset,
        )
    return message(
        "{file} reads as {encoding} at its start but not throughout (bad bytes at offset "
        "{offset}); it may mix encodings. Import it again {naming_it}.",
        file=label,
        encoding=encoding,
        offset=offset,
        naming_it=_NAMING_IT,
    )


def guessed_warning(label: str, encoding: str, alternatives: str) -> Message:
    """The encoding was a guess (`alternatives`: the runners-up, comma-separated, if any)."""
    if alternatives:
        return message(
            "{file}: the encoding was guessed as {encoding} (it might also be "
            "{alternatives}); if the text looks wrong, import it again {naming_it}.",
            file=label,
            encoding=encoding,
            alternatives=alternatives,
            naming_it=_NAMING_IT,
        )
    return message(
        "{file}: the encoding was guessed as {encoding}; if the text looks wrong, "
        "import it again {naming_it}.",
        file=label,
        encoding=encoding,
        naming_it=_NAMING_IT,
    )
