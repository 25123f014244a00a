"""Code points ↔ UTF-16 units: the one place where the two ways of counting meet.

Yuedu stores every offset as a code-point index into an article's text. Qt counts UTF-16
units, where a character outside the Basic Multilingual Plane (𠮷, 😀) takes two. Every
conversion between the two goes through `Utf16Map`; nothing else does this arithmetic.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from enum import Enum
from typing import Protocol

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Snap(Enum):
    """Where a UTF-16 position inside a surrogate pair goes: to the start of its character
    or past its end. Selections snap outwards (start → BEFORE, end → AFTER)."""

    BEFORE = "before"
    AFTER = "after"


class Utf16Map:
    """Converts offsets within one text. Costs O(number of astral characters) to build
    and O(log n) per conversion; texts without astral characters convert for free."""

    __slots__ = ("_astral", "_astral_utf16", "_length")

    def __init__(self, text: str) -> None:
        # Code-point indexes of astral characters, and where each starts in UTF-16.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_utf16 = [index + rank for rank, index in enumerate(self._astral)]
        self._length = len(text)

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, code_point: int) -> int:
        """UTF-16 position of code-point offset `code_point` (0 … len(text))."""
        if not self._astral:
            return code_point
        return code_point + bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int, snap: Snap = Snap.BEFORE) -> int:
        """Code-point offset of UTF-16 position `utf16`. A position between the two halves
        of a surrogate pair is snapped to the character's start or end."""
        if not self._astral:
            return utf16
        # Astral characters that start strictly before `utf16`.
        before = bisect_right(self._astral_utf16, utf16 - 1)
        if before and self._astral_utf16[before - 1] + 1 == utf16:
            # Inside the pair of the astral character number `before - 1`.
            start = self._astral[before - 1]
            return start if snap is Snap.BEFORE else start + 1
        return utf16 - before


class ShownPositions(Protocol):
    """A converted display of a text (`reader.text.script_conversion.ShownText`)."""

    shown: str

    def source_offset(self, shown_offset: int, *, round_up: bool = False) -> int: ...

    def shown_offset(self, source_offset: int) -> int: ...


class ShownTextMap:
    """Stored code-point offsets ↔ UTF-16 positions in the text as shown, when the display
    is converted (simplified ↔ traditional): the conversion's position map, then `Utf16Map`
    of the shown text. Without a conversion it is exactly `Utf16Map`."""

    __slots__ = ("_shown", "_utf16")

    def __init__(self, text: str, shown: ShownPositions | None = None) -> None:
        self._shown = shown
        self._utf16 = Utf16Map(shown.shown if shown is not None else text)

    @property
    def utf16_length(self) -> int:
        return self._utf16.utf16_length

    def to_utf16(self, code_point: int) -> int:
        """UTF-16 position, in the shown text, of stored offset `code_point`."""
        if self._shown is not None:
            code_point = self._shown.shown_offset(code_point)
        return self._utf16.to_utf16(code_point)

    def to_code_point(self, utf16: int, snap: Snap = Snap.BEFORE) -> int:
        """Stored offset of UTF-16 position `utf16` in the shown text, snapped like
        `Utf16Map.to_code_point` (and outwards across a phrase that changed length)."""
        shown_offset = self._utf16.to_code_point(utf16, snap)
        if self._shown is None:
            return shown_offset
        return self._shown.source_offset(shown_offset, round_up=snap is Snap.AFTER)
