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
from dataclasses import dataclass, field


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

_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (extract its text first, e.g. with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", "a BMP image"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
]

# Controls that have no business in a text file (tab, LF, VT, FF, CR are fine).
_ALLOWED_CONTROLS = {"\t", "\n", "\x0b", "\x0c", "\r"}


def _label(file_name: str) -> str:
    return file_name or "The input"


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        # "MZ" and "BM" are two letters a text could start with: require a NUL nearby too.
        if data.startswith(magic) and (len(magic) > 2 or b"\x00" in data[:64]):
            return what
    return None


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


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, name) when bytes holding NULs read as UTF-16 in one byte order, else None.

    In UTF-16, ASCII and characters such as 一 (U+4E00) contain a zero byte. Text in another
    encoding with stray NULs is told apart by what is left without them: still valid UTF-8
    means the NULs were junk, unless they fall on every other byte as ASCII in UTF-16 does.
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if odd_nuls > 0.2 * half and even_nuls < 0.02 * half:
        orders = [("utf-16-le", "UTF-16LE")]
    elif even_nuls > 0.2 * half and odd_nuls < 0.02 * half:
        orders = [("utf-16-be", "UTF-16BE")]
    else:
        try:
            data.replace(b"\x00", b"").decode("utf-8")
            return None
        except UnicodeDecodeError:
            orders = [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")]
    readings = []
    for codec, name in orders:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        readings.append((_plausibility(text), text, name))
    if not readings:
        return None
    score, text, name = max(readings)
    return (text, name) if score >= 0.9 else None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str, label: str) -> str:
    if "\x00" in text:
        raise ImportRefused(f"{label} contains NUL characters: it looks binary, not text.")
    if not text.strip():
        raise ImportRefused(f"{label} contains no text.")
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"} and ch not in _ALLOWED_CONTROLS)
    )
    if bad > max(2, len(sample) // 200):
        raise ImportRefused(f"{label} does not look like text (it has {bad} control bytes).")
    return text


def _finish(
    text: str, encoding: str, confident: bool, warnings: list[str], label: str
) -> DecodedText:
    text = _normalise_newlines(text.removeprefix("\ufeff"))
    return DecodedText(_check_text(text, label), encoding, confident, warnings)


def decode_bytes(data: bytes, *, file_name: str = "", encoding: str | None = None) -> DecodedText:
    """Decode `data`. `encoding`, a key of ENCODINGS (or a Python codec name), forces one."""
    label = _label(file_name)
    if not data or not data.strip(b" \t\r\n\x0c"):
        raise ImportRefused(f"{label} is empty.")
    what = _sniff_binary(data)
    if what is not None:
        raise ImportRefused(f"{label} is {what}, not a text file.")

    if encoding is not None:
        codec = ENCODINGS.get(encoding, encoding)
        try:
            text = data.decode(codec)
        except LookupError as error:
            raise ImportRefused(f"Unknown encoding {encoding!r}.") from error
        except UnicodeDecodeError as error:
            raise ImportRefused(
                f"{label} cannot be read as {encoding} (bad bytes at offset {error.start})."
            ) from error
        return _finish(text, encoding, True, [], label)

    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(codec), name, True, [], label)
            except UnicodeDecodeError as error:
                raise ImportRefused(
                    f"{label} starts with a {name} byte-order mark but is not valid {name} "
                    f"(bad bytes at offset {error.start + len(bom)})."
                ) from error

    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _finish(utf16[0], utf16[1], True, [], label)
        raise ImportRefused(f"{label} contains NUL bytes: it looks binary, not text.")

    try:
        return _finish(data.decode("utf-8"), "UTF-8", True, [], label)
    except UnicodeDecodeError:
        pass

    return _guess(data, label)


def _guess(data: bytes, label: str) -> DecodedText:
    from charset_normalizer import from_bytes  # ~20 ms to import; only needed here

    matches = from_bytes(data, cp_isolation=_CANDIDATES)
    best = matches.best()
    if best is None:
        raise ImportRefused(
            f"{label} is not in an encoding Yuedu can read "
            "(UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5)."
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
        warnings.append(
            f"{label}: the encoding was guessed as {name}"
            + (f" (it might also be {alternatives})" if alternatives else "")
            + "; if the text looks wrong, import it again naming the encoding."
        )
    return _finish(str(best), name, confident, warnings, label)
