"""Finding an annotation's passage again after the article's text changed. Pure functions.

An annotation keeps two selectors, as the W3C annotation model and Hypothesis do: a position
(code-point offsets) and a text quote (the exact passage plus up to 32 code points of prefix
and suffix). When the text changes, `reanchor` places it again:

1. Where the old position maps to in the new text (a paragraph-level diff of old and new text,
   `PositionMap`), if the quote is there verbatim and either its context is unchanged or the
   mapping is certain (and no other copy of the quote sits in the old context).
2. Else the best candidate by a Hypothesis-style score: each verbatim occurrence of the quote
   (the `MAX_EXACT_CANDIDATES` nearest), else each approximate occurrence near the expected
   place (`annotations.fuzzy`: Myers' bit-parallel edit distance, up to a quarter of the
   quote's length in errors, `max_errors_for`), else anywhere in the text.
   Score = 50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity +
   2 × closeness to the expected place, so context decides between identical passages.
3. A candidate is only taken on enough evidence (`_is_acceptable`): its context still looks
   the same (half of prefix and suffix), or it is close to where the passage should be (that
   place was not deleted) with some of its nearest neighbours still beside it, or it is a
   verbatim quote long enough not to occur by chance. Otherwise the annotation is
   an orphan: `reanchor` returns None.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

from annotations.fuzzy import approximate_matches, similarity
from annotations.fuzzy import edit_distance as edit_distance  # importable from here as ever

CONTEXT_LENGTH = 32

# Weights of the candidate score, as in Hypothesis' client (match-quote.ts).
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0

# A verbatim quote at least this long is taken wherever it is: a sentence does not recur by
# chance, while a two-character word does, many times a chapter.
DISTINCTIVE_QUOTE_LENGTH = 8
# How far (code points, beyond the quote's own length) a candidate may be from the expected
# place and still count as "where the passage should be"; it must then still have something
# of its nearest neighbours (this many code points each side) around it.
NEAR_DISTANCE = 64
NEIGHBOURS = 8
NEAR_NEIGHBOUR_SIMILARITY = 0.3
# Half-width of the window searched approximately around the expected place first.
FUZZY_WINDOW = 256
# Verbatim occurrences scored at most (the nearest to the expected place): a quote like "。"
# occurs thousands of times in a novel.
MAX_EXACT_CANDIDATES = 500


class TextQuote(Protocol):
    """What re-anchoring needs of an annotation (or of anything else anchored to text)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...


def selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(quote, prefix, suffix) of the span [start, end) of `text`; prefix and suffix hold up
    to CONTEXT_LENGTH code points."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"[{start}, {end}) is not a non-empty span of a {len(text)}-char text")
    return (
        text[start:end],
        text[max(0, start - CONTEXT_LENGTH) : start],
        text[end : end + CONTEXT_LENGTH],
    )


def max_errors_for(quote: str) -> int:
    """Edits tolerated inside a quote: none below 4 code points, then a quarter, at most
    256."""
    return min(256, len(quote) // 4)


# -- where an old offset lands in the new text ------------------------------------------
@dataclass(frozen=True)
class _Block:
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    kind: str  # "equal", "replace", "delete", "insert"
    same_head: int = 0  # code points the two sides share at the start (replace blocks)
    same_tail: int = 0  # ... and at the end


@dataclass(frozen=True)
class MappedOffset:
    offset: int
    exact: bool  # the text around it is unchanged, so the mapping is certain
    deleted: bool  # the old offset lay in text that was removed


def _common_head(first: str, second: str) -> int:
    limit = min(len(first), len(second))
    low, high = 0, limit
    while low < high:  # binary search on slices compares in C, not char by char
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


class PositionMap:
    """Maps offsets of `old_text` to offsets of `new_text`, aligning paragraphs (so an
    edit in one paragraph leaves every other paragraph's offsets exact) and, inside a
    changed run of paragraphs, their common beginning and end."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text
        old_paragraphs = old_text.split("\n")
        new_paragraphs = new_text.split("\n")
        old_starts = _paragraph_starts(old_paragraphs)
        new_starts = _paragraph_starts(new_paragraphs)
        matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
        self._blocks: list[_Block] = []
        for kind, i1, i2, j1, j2 in matcher.get_opcodes():
            old_start, old_end = old_starts[i1], old_starts[i2]
            new_start, new_end = new_starts[j1], new_starts[j2]
            head = tail = 0
            if kind == "replace":
                old_part = old_text[old_start:old_end]
                new_part = new_text[new_start:new_end]
                head = _common_head(old_part, new_part)
                limit = min(len(old_part), len(new_part)) - head
                tail = min(limit, _common_head(old_part[::-1], new_part[::-1]))
            self._blocks.append(_Block(old_start, old_end, new_start, new_end, kind, head, tail))
        self._old_starts = [block.old_start for block in self._blocks]

    def map(self, offset: int) -> MappedOffset:
        if not self._blocks:
            return MappedOffset(0, False, True)
        index = bisect.bisect_right(self._old_starts, offset) - 1
        # An offset at a block boundary belongs to the block that has text after it; an
        # insert block has none on the old side.
        while index > 0 and self._blocks[index].old_start == self._blocks[index].old_end:
            index -= 1
        block = self._blocks[max(index, 0)]
        inside = offset - block.old_start
        if block.kind == "equal":
            return MappedOffset(min(block.new_start + inside, len(self.new_text)), True, False)
        if offset >= block.old_end:  # the very end of the old text
            return MappedOffset(block.new_end, False, False)
        if block.kind in ("delete", "insert"):
            return MappedOffset(block.new_start, False, True)
        old_length = block.old_end - block.old_start
        new_length = block.new_end - block.new_start
        # Strictly inside the common head: the character at `offset` is unchanged there. At
        # its very end the character is the first changed (or common-tail) one.
        if inside < block.same_head:
            return MappedOffset(block.new_start + inside, True, False)
        from_end = block.old_end - offset
        if from_end <= block.same_tail:
            return MappedOffset(block.new_end - from_end, True, False)
        # In the changed middle: proportionally.
        old_middle = old_length - block.same_head - block.same_tail
        new_middle = new_length - block.same_head - block.same_tail
        into_middle = inside - block.same_head
        scaled = into_middle * new_middle // old_middle if old_middle else 0
        return MappedOffset(block.new_start + block.same_head + scaled, False, False)


def _paragraph_starts(paragraphs: list[str]) -> list[int]:
    """Start offset of each paragraph, plus one past the end (joined by "\\n")."""
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph) + 1)
    starts[-1] -= 1  # no line break after the last paragraph
    return starts


# -- re-anchoring ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    errors: int
    prefix_similarity: float
    suffix_similarity: float
    neighbour_similarity: float  # of the NEIGHBOURS code points either side, on average
    score: float


def _candidate(
    text: str, start: int, end: int, errors: int, anchor: TextQuote, expected: int
) -> _Candidate:
    prefix_similarity = similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    suffix_similarity = similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
    near_prefix = anchor.prefix[-NEIGHBOURS:]
    near_suffix = anchor.suffix[:NEIGHBOURS]
    neighbour_similarity = (
        similarity(near_prefix, text[max(0, start - len(near_prefix)) : start])
        + similarity(near_suffix, text[end : end + len(near_suffix)])
    ) / 2
    closeness = 1.0 - abs(start - expected) / max(1, len(text))
    quote_similarity = 1.0 - errors / len(anchor.quote)
    score = (
        QUOTE_WEIGHT * quote_similarity
        + PREFIX_WEIGHT * prefix_similarity
        + SUFFIX_WEIGHT * suffix_similarity
        + POSITION_WEIGHT * closeness
    )
    return _Candidate(
        start, end, errors, prefix_similarity, suffix_similarity, neighbour_similarity, score
    )


def _is_acceptable(candidate: _Candidate, anchor: TextQuote, expected: MappedOffset) -> bool:
    quote_length = len(anchor.quote)
    if candidate.errors > max_errors_for(anchor.quote):
        return False
    context = (candidate.prefix_similarity + candidate.suffix_similarity) / 2
    if context >= 0.5:
        return True
    near = abs(candidate.start - expected.offset) <= NEAR_DISTANCE + quote_length
    if near and not expected.deleted:
        return candidate.neighbour_similarity >= NEAR_NEIGHBOUR_SIMILARITY
    return candidate.errors == 0 and quote_length >= DISTINCTIVE_QUOTE_LENGTH


def _exact_occurrences(text: str, quote: str, expected: int) -> list[int]:
    starts: list[int] = []
    found = text.find(quote)
    while found >= 0:
        starts.append(found)
        found = text.find(quote, found + 1)
    if len(starts) > MAX_EXACT_CANDIDATES:
        starts = sorted(starts, key=lambda start: abs(start - expected))[:MAX_EXACT_CANDIDATES]
    return starts


def _best(
    candidates: list[_Candidate], anchor: TextQuote, expected: MappedOffset
) -> _Candidate | None:
    accepted = [c for c in candidates if _is_acceptable(c, anchor, expected)]
    if not accepted:
        return None
    return max(accepted, key=lambda c: (c.score, -abs(c.start - expected.offset)))


def reanchor(
    new_text: str, annotation: TextQuote, *, position_map: PositionMap | None = None
) -> tuple[int, int] | None:
    """Where `annotation` belongs in `new_text`, or None if it cannot be placed (an orphan).

    `position_map` (old text → new text) tells where the passage is expected; without it the
    stored start is taken as is, which is right for an unchanged text.
    """
    quote = annotation.quote
    if not quote:
        return None
    if position_map is not None:
        expected = position_map.map(annotation.start)
    else:
        expected = MappedOffset(annotation.start, False, False)
    start = expected.offset
    end = start + len(quote)

    def context_kept(at: int) -> bool:
        return (
            new_text[max(0, at - len(annotation.prefix)) : at] == annotation.prefix
            and new_text[at + len(quote) : at + len(quote) + len(annotation.suffix)]
            == annotation.suffix
        )

    if new_text[start:end] == quote:
        if context_kept(start):
            return start, end
        if expected.exact:
            # Trust the mapping, unless another copy of the quote sits in exactly its old
            # context: difflib may align identical (e.g. empty) paragraphs either way.
            elsewhere = [
                found
                for found in _exact_occurrences(new_text, quote, start)
                if found != start and context_kept(found)
            ]
            if len(elsewhere) == 1:
                return elsewhere[0], elsewhere[0] + len(quote)
            return start, end

    exact = [
        _candidate(new_text, found, found + len(quote), 0, annotation, expected.offset)
        for found in _exact_occurrences(new_text, quote, expected.offset)
    ]
    best = _best(exact, annotation, expected)
    if best is not None:
        return best.start, best.end

    max_errors = max_errors_for(quote)
    if max_errors == 0:
        return None
    window_start = max(0, expected.offset - FUZZY_WINDOW)
    window_end = min(len(new_text), expected.offset + len(quote) + FUZZY_WINDOW)
    searched = [(window_start, window_end)]
    if window_start > 0 or window_end < len(new_text):
        searched.append((0, len(new_text)))
    for low, high in searched:
        fuzzy = [
            _candidate(new_text, low + s, low + e, errors, annotation, expected.offset)
            for s, e, errors in approximate_matches(quote, new_text[low:high], max_errors)
        ]
        best = _best(fuzzy, annotation, expected)
        if best is not None:
            return best.start, best.end
    return None
