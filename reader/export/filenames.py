"""File names made from article titles, safe on Linux, macOS and Windows alike.

An exported note is named after its article, and a title is text from a newspaper page:
it may hold "/", ":", quotes, line breaks, or be 400 characters of Chinese. The name made
from it must be one path component that every common file system accepts and that means
the same everywhere: no separators, no "..", nothing Windows refuses, at most 255 bytes.
Qt-free, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_NAME_BYTES = 255  # ext4, APFS, NTFS (in UTF-16 units; 255 UTF-8 bytes is stricter)
DEFAULT_SUFFIX = ".md"
FALLBACK_STEM = "untitled"

# Characters Windows forbids in names, and both path separators.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|]')
# Control characters (C0, DEL, C1) and line/paragraph separators: never part of a name.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"\s+")
_DOT_RUN = re.compile(r"\.{2,}")
# CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with the superscript digits Windows counts),
# refused by Windows whatever follows the first dot: "con.md" and "NUL.tar.md" too.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$", re.IGNORECASE)


def _clean(title: str) -> str:
    """The title as one line with no character a file system or Windows would refuse."""
    text = unicodedata.normalize("NFC", title)  # macOS stores NFD-ish; NFC compares stably
    text = _CONTROL.sub(" ", text)
    # Format characters are invisible: a right-to-left override makes "报告\u202edm.exe"
    # show as another name (a known spoofing trick), a zero-width space makes two names
    # that look the same. A file name keeps none.
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = _FORBIDDEN.sub("_", text)
    text = _WHITESPACE_RUN.sub(" ", text)
    text = _DOT_RUN.sub(".", text)
    # A leading dot hides the file on Unix; trailing dots and spaces Windows drops silently,
    # which would make "a." and "a" the same file.
    return text.strip(" .")


def _cut_to_bytes(text: str, limit: int) -> str:
    """The longest prefix of `text` whose UTF-8 form fits in `limit` bytes, cut between
    code points and never leaving a combining mark, joiner or variation selector dangling
    without the character that follows it."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    cut = encoded[:limit].decode("utf-8", errors="ignore")  # drops a partial code point
    # A ZWJ or variation selector at the end belongs with what was cut away.
    while cut and (unicodedata.combining(cut[-1]) or cut[-1] in "\u200d\ufe0e\ufe0f"):
        cut = cut[:-1]
    return cut


def safe_stem(title: str, *, max_bytes: int, fallback: str = FALLBACK_STEM) -> str:
    """A name without its suffix, at most `max_bytes` UTF-8 bytes (see `safe_file_name`)."""
    stem = _cut_to_bytes(_clean(title), max_bytes).rstrip(" .")
    if not stem:
        stem = fallback
    if _RESERVED.match(stem.split(".", 1)[0].rstrip(" ")):
        stem = _cut_to_bytes("_" + stem, max_bytes).rstrip(" .")
    return stem


def safe_file_name(
    title: str,
    *,
    suffix: str = DEFAULT_SUFFIX,
    max_bytes: int = MAX_NAME_BYTES,
    fallback: str = FALLBACK_STEM,
) -> str:
    """A file name made from `title`: "/", "\\", ':*?"<>|' become "_", control characters
    and runs of whitespace one space, runs of dots one dot; no leading dot, no trailing dot
    or space; a reserved Windows name (CON, NUL, COM1…) gets a leading "_"; an empty result
    becomes `fallback`. With `suffix` it is at most `max_bytes` bytes in UTF-8, cut on a
    character boundary."""
    room = max_bytes - len(suffix.encode("utf-8"))
    if room < 1:
        raise ValueError("the suffix leaves no room for a name")
    return safe_stem(title, max_bytes=room, fallback=fallback) + suffix


def unique_file_names(
    titles: Sequence[str],
    *,
    suffix: str = DEFAULT_SUFFIX,
    max_bytes: int = MAX_NAME_BYTES,
) -> list[str]:
    """One safe name per title, all distinct even on a case-insensitive file system: the
    second "兴县" is "兴县 (2).md", the third "兴县 (3).md" (cut shorter when needed to
    stay within `max_bytes`). The same titles in the same order always get the same names."""
    taken: set[str] = set()
    names: list[str] = []
    for title in titles:
        name = safe_file_name(title, suffix=suffix, max_bytes=max_bytes)
        number = 1
        while name.casefold() in taken:
            number += 1
            counter = f" ({number})"
            room = max_bytes - len((counter + suffix).encode("utf-8"))
            name = safe_stem(title, max_bytes=room) + counter + suffix
        taken.add(name.casefold())
        names.append(name)
    return names
