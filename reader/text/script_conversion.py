"""Showing an article in simplified or traditional characters without touching its text.

The stored text stays as imported; only the display is converted, with OpenCC (loaded on
first use, never at start-up). Conversions are nearly always one character for one, but
OpenCC converts whole phrases and a phrase may change length. So a conversion comes with a
position map between the stored text's code points and the shown text's, which
`reader.text.offsets.ShownTextMap` composes with the UTF-16 map: selections, highlights,
hover and the pinyin all keep working in stored offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Protocol


class ScriptChoice(Enum):
    """How an article is shown."""

    AS_WRITTEN = "as_written"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"

    @classmethod
    def parse(cls, value: object) -> ScriptChoice:
        """A stored setting back as a choice; anything unknown is "as written"."""
        for choice in cls:
            if value == choice.value:
                return choice
        return cls.AS_WRITTEN


# OpenCC's configurations: mainland simplified ↔ traditional (OpenCC's own standard, which
# keeps 乾隆 and 皇后 while 干部 → 幹部 and 头发 → 頭髮).
_CONFIGS = {ScriptChoice.SIMPLIFIED: "t2s", ScriptChoice.TRADITIONAL: "s2t"}
# Phrase conversion never crosses these: a paragraph whose length changed is converted again
# piece by piece between them, so that a length change stays inside its own piece.
_PIECE_BREAKS = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter(choice: ScriptChoice) -> _Converter:
    import opencc  # lazily: about 0.1 s and its dictionaries, only when asked for

    return opencc.OpenCC(_CONFIGS[choice])


def convert(text: str, choice: ScriptChoice) -> str:
    """`text` in the chosen script (unchanged for "as written")."""
    if choice is ScriptChoice.AS_WRITTEN or not text:
        return text
    return _converter(choice).convert(text)


@dataclass(frozen=True)
class ShownText:
    """A text as shown and where each shown position comes from.

    `to_source[i]` is the stored code-point offset of shown offset `i` (0 … len(shown)),
    `to_shown[k]` the shown offset of stored offset `k` (0 … len(source)). Both are None when
    the conversion kept every character in place (the usual case): then offsets are equal.
    """

    shown: str
    source_length: int
    to_source: list[int] | None = None
    to_shown: list[int] | None = None

    def source_offset(self, shown_offset: int, *, round_up: bool = False) -> int:
        """Stored offset of a shown position; inside a phrase whose length changed, the
        phrase's start (or, `round_up`, its end) so that selections grow, never shrink."""
        if self.to_source is None:
            return shown_offset
        shown_offset = max(0, min(shown_offset, len(self.shown)))
        if not round_up:
            return self.to_source[shown_offset]
        # The first stored offset whose shown position is at or after this one.
        from bisect import bisect_left

        assert self.to_shown is not None
        return min(bisect_left(self.to_shown, shown_offset), self.source_length)

    def shown_offset(self, source_offset: int) -> int:
        if self.to_shown is None:
            return source_offset
        return self.to_shown[max(0, min(source_offset, self.source_length))]

    def shown_slice(self, start: int, end: int) -> str:
        """The shown form of stored text [start, end)."""
        return self.shown[self.shown_offset(start) : self.shown_offset(end)]


def shown_text(text: str, choice: ScriptChoice) -> ShownText:
    """`text` converted to `choice`, with its position map."""
    whole = convert(text, choice)
    if len(whole) == len(text):
        return ShownText(whole, len(text))
    # A length changed somewhere: convert piece by piece and map each piece on its own.
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in _PIECE_BREAKS.finditer(text):
        if match.start() > position:
            piece = text[position : match.start()]
            pieces.append((piece, convert(piece, choice)))
        pieces.append((match.group(), match.group()))  # not Han: shown as it is
        position = match.end()
    if position < len(text):
        piece = text[position:]
        pieces.append((piece, convert(piece, choice)))
    return _mapped(pieces, len(text), choice)


Run = tuple[tuple[int, int], tuple[int, int]]  # [a0, a1) of the source ↔ [b0, b1) shown


def _mapped(pieces: list[tuple[str, str]], source_length: int, choice: ScriptChoice) -> ShownText:
    to_source: list[int] = []
    to_shown: list[int] = []
    source_start = shown_start = 0
    for source, shown in pieces:
        runs = (
            _one_to_one(len(source)) if len(source) == len(shown) else _runs(source, shown, choice)
        )
        for (a0, a1), (b0, b1) in runs:
            # A run of one character each maps exactly; a phrase that changed length is
            # spread evenly: its ends exact, its inside the best guess a phrase allows.
            a_len, b_len = a1 - a0, b1 - b0
            to_source.extend(source_start + a0 + i * a_len // b_len for i in range(b_len))
            to_shown.extend(shown_start + b0 + k * b_len // a_len for k in range(a_len))
        source_start += len(source)
        shown_start += len(shown)
    to_source.append(source_start)
    to_shown.append(shown_start)
    shown_whole = "".join(shown for _, shown in pieces)
    return ShownText(shown_whole, source_length, to_source, to_shown)


def _one_to_one(length: int) -> list[Run]:
    return [((i, i + 1), (i, i + 1)) for i in range(length)]


def _runs(source: str, shown: str, choice: ScriptChoice) -> list[Run]:
    """`source` and its phrase conversion `shown` cut into corresponding runs, none empty:
    where converting character by character agrees, one character each; the phrases whose
    length changed, whole."""
    from difflib import SequenceMatcher

    single = "".join(convert(char, choice) for char in source)
    if len(single) != len(source):  # a character on its own changed length: no finer map
        return [((0, len(source)), (0, len(shown)))]
    runs: list[Run] = []
    pending: Run | None = None  # a run with an empty side, joined to a neighbour
    matcher = SequenceMatcher(None, single, shown, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            pieces = _one_to_one(a1 - a0)
            pieces = [((a0 + x0, a0 + x1), (b0 + y0, b0 + y1)) for (x0, x1), (y0, y1) in pieces]
        else:
            pieces = [((a0, a1), (b0, b1))]
        for run in pieces:
            if pending is not None:
                run = ((pending[0][0], run[0][1]), (pending[1][0], run[1][1]))
                pending = None
            (r0, r1), (s0, s1) = run
            if r1 > r0 and s1 > s0:
                runs.append(run)
            elif runs:
                (p0, _), (q0, _) = runs.pop()
                runs.append(((p0, r1), (q0, s1)))
            else:
                pending = run
    if pending is not None:  # only possible when one side is empty throughout
        runs.append(pending)
    return runs
