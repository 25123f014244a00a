"""Where a query occurs in one string: characters, pinyin by the indexed readings, or
initials. Qt-free; the engine runs these over the articles SQLite picked as candidates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.search.pinyin_query import Syllable

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def is_cased(text: str) -> bool:
    """Whether case matters for `text` (Latin letters); Han characters have none."""
    return text.lower() != text.upper()


def fold(text: str) -> str:
    """Letters in lower case, offsets kept: `str.lower` when it keeps every character one
    character (nearly always; fast), else ASCII letters only."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


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
