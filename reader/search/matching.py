"""Where a query occurs in one string: characters, pinyin by the indexed readings, or
initials. Qt-free; the engine runs these over the articles SQLite picked as candidates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.search.pinyin_query import Syllable

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Full-width ASCII (U+FF01-FF5E: ２００８, ＧＤＰ, ％), which Chinese text set in GB2312 times
# is full of, and its half-width twin, one character for one (offsets kept).
_WIDTH_OFFSET = 0xFF01 - 0x21
_TO_HALF_WIDTH = {code: code - _WIDTH_OFFSET for code in range(0xFF01, 0xFF5F)}
_TO_FULL_WIDTH = {code: code + _WIDTH_OFFSET for code in range(0x21, 0x7F)}


def is_cased(text: str) -> bool:
    """Whether case matters for `text` (Latin letters); Han characters have none."""
    return text.lower() != text.upper()


def fold(text: str) -> str:
    """Letters in lower case and full-width ASCII as half-width (２００８ as 2008), offsets
    kept: `str.lower` when it keeps every character one character (nearly always; fast),
    else ASCII letters only."""
    lowered = text.lower()
    lowered = lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)
    return lowered.translate(_TO_HALF_WIDTH)


def needs_folding(needle: str) -> bool:
    """Whether a folded needle can match text only once the text is folded too: it has
    letters, or characters that have a full-width twin."""
    return is_cased(needle) or any("!" <= char <= "~" for char in needle)


def width_spellings(needle: str) -> list[str]:
    """A folded needle as the index may hold it: as typed (half-width), and in full-width
    (lower and upper case, since SQLite's lower() leaves full-width letters as they are)."""
    full = needle.translate(_TO_FULL_WIDTH)
    return list(dict.fromkeys((needle, full, full.upper())))


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of `needle`."""
    found: list[int] = []
    if not needle:
        return found
    at = haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + len(needle))
    return found


@dataclass(frozen=True)
class PinyinPattern:
    """One reading of a pinyin query: the toneless codes to find, and the tones wanted."""

    codes: str
    tones: tuple[int | None, ...]

    def hits(self, toneless: str, tones: str) -> list[int]:
        found = []
        for at in occurrences(toneless, self.codes):
            if all(tone is None or tones[at + i] == str(tone) for i, tone in enumerate(self.tones)):
                found.append(at)
        return found


def pinyin_patterns(
    parses: Sequence[tuple[Syllable, ...]], codes: dict[str, str]
) -> list[PinyinPattern]:
    """The parses whose syllables the index has seen (others cannot occur)."""
    patterns = []
    for parse in parses:
        if all(s.toneless in codes for s in parse):
            codes_of_parse = "".join(codes[s.toneless] for s in parse)
            patterns.append(PinyinPattern(codes_of_parse, tuple(s.tone for s in parse)))
    return list(dict.fromkeys(patterns))


def on_token_bounds(start: int, end: int, bounds: set[int]) -> bool:
    """Whether [start, end) begins and ends on token boundaries (a whole-word match)."""
    return start in bounds and end in bounds
