"""Character classes the pipeline reasons about. Pure functions over single characters."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Ranges of characters written without spaces between them in Chinese text: ideographs
# (BMP and astral), CJK punctuation, full-width forms, kana and bopomofo.
_CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),  # bopomofo
    (0x3190, 0x31FF),
    (0x3200, 0x33FF),  # enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3FFFF),  # extensions B and later
)
# Punctuation that Chinese text uses from the General Punctuation block.
_CJK_PUNCTUATION = set("“”‘’—…·•")

HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


def _character_class(ranges: tuple[tuple[int, int], ...], extra: str = "") -> re.Pattern[str]:
    parts = "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges)
    return re.compile(f"[{parts}{re.escape(extra)}]")


# One compiled class each: these run per character of every import and per token of every
# article opened, where a Python loop over the ranges would cost tens of milliseconds.
# Compiled on first use (~5 ms), which is never on the way to the window's first paint.
@cache
def _cjk_class() -> re.Pattern[str]:
    return _character_class(_CJK_RANGES, "".join(sorted(_CJK_PUNCTUATION)))


@cache
def _han_class() -> re.Pattern[str]:
    return _character_class(HAN_RANGES)


def is_cjk(ch: str) -> bool:
    """True for characters of Chinese running text: ideographs and CJK punctuation."""
    return _cjk_class().match(ch) is not None


def is_han(ch: str) -> bool:
    return _han_class().match(ch) is not None


@cache
def _han_run() -> re.Pattern[str]:
    return re.compile(f"(?:{_han_class().pattern})+")


def is_all_han(text: str) -> bool:
    """True for a text of Han characters only (not empty): one match, not one per character."""
    return _han_run().fullmatch(text) is not None


def has_han(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when text[start:end] holds at least one Han character."""
    return _han_class().search(text, start, len(text) if end is None else end) is not None


def display_width(text: str) -> float:
    """Width in ideograph cells: wide characters count 1, narrow ones ½, and spaces between
    two wide characters (letter-spacing of a justified line) count nothing."""
    width = 0.0
    last_index = len(text) - 1
    for index, ch in enumerate(text):
        if ch in " \t\u00a0":
            before = text[index - 1] if index else ""
            after = text[index + 1] if index < last_index else ""
            if before and after and is_cjk(before) and is_cjk(after):
                continue
            width += 0.5
        elif unicodedata.east_asian_width(ch) in ("W", "F") or ch in _CJK_PUNCTUATION:
            width += 1.0
        else:
            width += 0.5
    return width
