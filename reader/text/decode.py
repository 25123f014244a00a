"""Decode imported bytes into text, or refuse them with a message a reader understands.

Order of evidence: a byte-order mark; magic numbers of common binary formats; strict UTF-8;
the pattern of NUL bytes (UTF-16 without BOM); then charset-normalizer restricted to the
encodings Chinese text really comes in. GB18030 covers GB2312 and GBK. Big5 bytes usually
decode "successfully" as GB18030 into rare characters, so the choice between them is made on
how plausible the decoded text is, not on whether decoding raised.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from reader.messages import message
from reader.text import decode_mixed
from reader.text.decode_words import guessed_warning, input_label, sniff_binary, undecodable


class ImportRefused(Exception):
    """Input that cannot be imported; the message says why, in words, for the reader."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    confident: bool
    warnings: list[str] = field(default_factory=list)


# Encodings a reader may name explicitly (CLI --encoding, GUI choice), by display name.
ENCODINGS: dict[str, str] = {
    "UTF-8": "utf-8",
    "UTF-16LE": "utf-16-le",
    "UTF-16BE": "utf-16-be",
    "GB18030": "gb18030",
    "Big5": "big5",
}
# What a reader chooses from when naming a file's encoding (label → key of ENCODINGS).
ENCODING_CHOICES: dict[str, str] = {
    "UTF-8": "UTF-8",
    "GB18030 (GBK, GB2312: simplified Chinese)": "GB18030",
    "Big5 (traditional Chinese)": "Big5",
    "UTF-16LE": "UTF-16LE",
    "UTF-16BE": "UTF-16BE",
}
_CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
_DISPLAY = {
    "utf_8": "UTF-8",
    "gb18030": "GB18030",
    "big5": "Big5",
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
}

_BOMS: list[tuple[bytes, str, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
]

# Controls that have no business in a text file (tab, LF, VT, FF, CR are fine).
_ALLOWED_CONTROLS = {"\t", "\n", "\x0b", "\x0c", "\r"}


def _plausibility(text: str) -> float:
    """The share of characters that ordinary Chinese or Latin text is made of."""
    if not text:
        return 0.0
    sample = text[:5000]
    good = sum(
        1
        for ch in sample
        if ch.isspace()
        or " " <= ch <= "~"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’—…·"
    )
    return good / len(sample)


def _decodes(data: bytes, codec: str, complete: bool) -> str | None:
    """`data` decoded strictly, or None. A prefix of a file (`complete` false) may end in
    the middle of a character; that is not an error."""
    try:
        return codecs.getincrementaldecoder(codec)().decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes, complete: bool = True) -> str | None:
    """The name of the UTF-16 byte order bytes holding NULs read as, else None.

    In UTF-16, ASCII and characters such as 一 (U+4E00) contain a zero byte. Text in another
    encoding with stray NULs is told apart by what is left without them: still valid UTF-8
    means the NULs were junk, unless they fall on every other byte as ASCII in UTF-16 does.
    """
    if len(data) % 2:
        if complete:
            return None
        data = data[:-1]
    half = len(data) // 2
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if odd_nuls > 0.2 * half and even_nuls < 0.02 * half:
        orders = ["UTF-16LE"]
    elif even_nuls > 0.2 * half and odd_nuls < 0.02 * half:
        orders = ["UTF-16BE"]
    elif _decodes(data.replace(b"\x00", b""), "utf-8", complete) is not None:
        return None
    else:
        orders = ["UTF-16LE", "UTF-16BE"]
    readings = []
    for name in orders:
        text = _decodes(data, ENCODINGS[name], complete)
        if text is not None:
            readings.append((_plausibility(text), name))
    if not readings:
        return None
    score, name = max(readings)
    return name if score >= 0.9 else None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_sample(sample: str, label: str) -> None:
    """Refuse text whose start is full of control characters: a binary file that happened
    to decode."""
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"} and ch not in _ALLOWED_CONTROLS)
    )
    if bad > max(2, len(sample) // 200):
        raise ImportRefused(
            message(
                "{file} does not look like text (it has {count} control bytes).",
                file=label,
                count=bad,
            )
        )


def _refuse_nul(label: str) -> ImportRefused:
    return ImportRefused(
        message("{file} contains NUL characters: it looks binary, not text.", file=label)
    )


def _refuse_empty(label: str) -> ImportRefused:
    return ImportRefused(message("{file} contains no text.", file=label))


def _check_text(text: str, label: str) -> str:
    if "\x00" in text:
        raise _refuse_nul(label)
    if not text.strip():
        raise _refuse_empty(label)
    _check_sample(text[:_CHECKED_CHARS], label)
    return text


# The share of a text whose characters are checked for stray control bytes.
_CHECKED_CHARS = 20000


@dataclass(frozen=True)
class _Choice:
    """How a file is to be decoded, and how sure we are."""

    codec: str
    name: str
    confident: bool = True
    warnings: tuple[str, ...] = ()
    bom_length: int = 0  # bytes of a byte-order mark to skip
    named: bool = False  # the reader named the encoding
    errors: str = "strict"  # "replace" for UTF-8 with a few damaged bytes


def _choose(data: bytes, label: str, encoding: str | None, *, complete: bool) -> _Choice:
    """Decide how to decode `data`: a whole file, or (`complete` false) the first part of
    a large one."""
    if complete and (not data or not data.strip(b" \t\r\n\x0c")):
        raise ImportRefused(message("{file} is empty.", file=label))
    what = sniff_binary(data)
    if what is not None:
        raise ImportRefused(message("{file} is {what}, not a text file.", file=label, what=what))

    if encoding is not None:
        codec = ENCODINGS.get(encoding, encoding)
        try:
            codecs.lookup(codec)
        except LookupError as error:
            raise ImportRefused(message("Unknown encoding {name}.", name=repr(encoding))) from error
        return _Choice(codec, encoding, named=True)

    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _Choice(codec, name, bom_length=len(bom))

    if b"\x00" in data:
        name = _utf16_without_bom(data, complete)
        if name is not None:
            return _Choice(ENCODINGS[name], name)
        raise ImportRefused(
            message("{file} contains NUL bytes: it looks binary, not text.", file=label)
        )

    if _decodes(data, "utf-8", complete) is not None:
        return _Choice("utf-8", "UTF-8")
    damaged = _damaged_utf8_bytes(data) if complete else None
    if damaged is not None:
        return _Choice(
            "utf-8",
            "UTF-8",
            warnings=(
                message(
                    "{file}: {count} place(s) with bytes that are not UTF-8 (damaged, or "
                    "from another encoding) show as “\ufffd”.",
                    file=label,
                    count=damaged,
                ),
            ),
            errors="replace",
        )
    return _guess(data, label)


def _damaged_utf8_bytes(data: bytes) -> int | None:
    """How many bytes of `data` are not UTF-8, when it is UTF-8 but for a few (a flipped
    byte, a cut character): as readers do, the text is read and those bytes replaced rather
    than the whole file refused. None when more than one character in 500 would be
    replaced: then it is another encoding, or a mix, and the guesser decides."""
    if not any(byte >= 0xC2 for byte in data[:65536]):  # no multi-byte UTF-8 seen at all
        return None
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd")
    return damaged if 0 < damaged <= max(1, len(text) // 500) else None


def _undecodable(choice: _Choice, label: str, offset: int) -> str:
    return undecodable(label, choice.name, offset, named=choice.named, bom=bool(choice.bom_length))


def _may_hide_utf8(choice: _Choice) -> bool:
    """A guess of GB18030, which reads UTF-8 as mojibake, is checked for UTF-8 lines."""
    return not choice.named and codecs.lookup(choice.codec).name == "gb18030"


def decode_bytes(data: bytes, *, file_name: str = "", encoding: str | None = None) -> DecodedText:
    """Decode `data`. `encoding`, a key of ENCODINGS (or a Python codec name), forces one."""
    label = input_label(file_name)
    choice = _choose(data, label, encoding, complete=True)
    try:
        text = data[choice.bom_length :].decode(choice.codec, choice.errors)
    except UnicodeDecodeError as error:
        raise ImportRefused(_undecodable(choice, label, error.start + choice.bom_length)) from error
    if _may_hide_utf8(choice) and (mixed := decode_mixed.first_utf8_line(data)) is not None:
        raise ImportRefused(_undecodable(choice, label, mixed))
    text = _normalise_newlines(text.removeprefix("\ufeff"))
    return DecodedText(
        _check_text(text, label), choice.name, choice.confident, list(choice.warnings)
    )


def _guess(data: bytes, label: str) -> _Choice:
    from charset_normalizer import from_bytes  # ~20 ms to import; only needed here

    matches = from_bytes(data, cp_isolation=_CANDIDATES)
    best = matches.best()
    if best is None:
        if (mixed := decode_mixed.mixed_start(data)) is not None:
            raise ImportRefused(undecodable(label, *mixed, named=False, bom=False))
        raise ImportRefused(
            message(
                "{file} is not in an encoding Yuedu can read "
                "(UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5).",
                file=label,
            )
        )
    name = _DISPLAY.get(best.encoding, best.encoding)
    others = [m for m in matches if m.encoding != best.encoding]
    # Too little text to judge, or a runner-up about as plausible: say what was chosen.
    confident = (
        len(data) >= 64
        and best.chaos < 0.1
        and not any(
            m.chaos <= best.chaos + 0.05 and m.coherence >= best.coherence - 0.05 for m in others
        )
    )
    warnings: list[str] = []
    if not confident:
        alternatives = ", ".join(
            dict.fromkeys(_DISPLAY.get(m.encoding, m.encoding) for m in others)
        )
        warnings.append(guessed_warning(label, name, alternatives))
    return _Choice(best.encoding, name, confident, tuple(warnings))


# -- large files, chunk by chunk ------------------------------------------------------------
# A file up to SAMPLE_BYTES is decoded whole, exactly as `decode_bytes` does. A larger one
# has its encoding decided on its first SAMPLE_BYTES and is then decoded READ_BYTES at a
# time, so that an import never holds a large file's bytes and its text at once.
SAMPLE_BYTES = 8 * 1024 * 1024
READ_BYTES = 1024 * 1024
# Text is handed on in pieces of about this many characters.
PIECE_CHARS = 1024 * 1024


@dataclass(frozen=True)
class TextStream:
    """A file's text, decoded piece by piece as `pieces` is iterated (LF line endings, no
    byte-order mark). Iterating raises `ImportRefused` if the file turns out not to be
    text, or not in the encoding chosen."""

    encoding: str
    warnings: list[str]
    pieces: Iterator[str]


def decode_stream(
    file: BinaryIO, *, file_name: str = "", encoding: str | None = None
) -> TextStream:
    """Decode a seekable binary file at its current position (see SAMPLE_BYTES)."""
    label = input_label(file_name)
    start = file.tell()
    sample = file.read(SAMPLE_BYTES)
    if not file.read(1):
        decoded = decode_bytes(sample, file_name=file_name, encoding=encoding)
        del sample
        return TextStream(decoded.encoding, decoded.warnings, _slices(decoded.text))
    # Decide on whole lines, so that the guesser does not see a character cut in two.
    cut = sample.rfind(b"\n", len(sample) - 65536)
    choice = _choose(sample[: cut + 1] if cut > 0 else sample, label, encoding, complete=False)
    del sample
    file.seek(start + choice.bom_length)
    return TextStream(
        choice.name,
        list(choice.warnings),
        _decode_pieces(file, choice, label),
    )


def _slices(text: str) -> Iterator[str]:
    for start in range(0, len(text), PIECE_CHARS):
        yield text[start : start + PIECE_CHARS]


def _decode_pieces(file: BinaryIO, choice: _Choice, label: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(choice.codec)()
    offset = choice.bom_length  # of the bytes read so far
    carried_cr = False  # a CR at the end of a piece may be the first half of CRLF
    first = True
    seen_text = False
    checked = 0
    mixed = decode_mixed.MixedLineFinder(offset) if _may_hide_utf8(choice) else None
    while True:
        data = file.read(READ_BYTES)
        final = not data
        found = mixed.feed(data, final=final) if mixed is not None else None
        if found is not None:
            raise ImportRefused(_undecodable(choice, label, found))
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as error:
            pending = len(error.object) - len(data)  # bytes the decoder held back
            at = decode_mixed.utf8_line_at_error(mixed, file) or offset - pending + error.start
            raise ImportRefused(_undecodable(choice, label, at)) from error
        offset += len(data)
        if first and text:
            text = text.removeprefix("\ufeff")
            first = False
        if carried_cr:
            text = "\r" + text
        carried_cr = not final and text.endswith("\r")
        if carried_cr:
            text = text[:-1]
        text = _normalise_newlines(text)
        if "\x00" in text:
            raise _refuse_nul(label)
        if checked < _CHECKED_CHARS and text:
            _check_sample(text[: _CHECKED_CHARS - checked], label)
            checked += len(text)
        seen_text = seen_text or bool(text.strip())
        if text:
            yield text
        if final:
            break
    if not seen_text:
        raise _refuse_empty(label)
