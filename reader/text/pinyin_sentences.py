"""The sentences the contextual model is run on: token ranges cut after sentence-final
punctuation, and sentences longer than the model's context cut at commas. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Sentence-final punctuation; closing quotes and brackets right after it stay in the sentence.
_SENTENCE_END = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)》】\"'")
# Longer sentences are cut at a comma (or, failing that, anywhere) for the model.
_MAX_CONTEXT = 120
_COMMAS = frozenset("，,、：:")


def sentence_token_ranges(words: Sequence[str]) -> Iterable[tuple[int, int]]:
    """(first, last) token index ranges (`last` exclusive) of the sentences of `words`, cut
    after sentence-final punctuation (and any closing quotes after it)."""
    first = 0
    index = 0
    count = len(words)
    while index < count:
        word = words[index]
        index += 1
        if word and (word[-1] in _SENTENCE_END or word in _SENTENCE_END):
            while index < count and words[index] and all(c in _CLOSERS for c in words[index]):
                index += 1
            yield first, index
            first = index
    if first < count:
        yield first, count


def cut_long(
    start: int, end: int, wanted: list[tuple[int, int, int]], text: str
) -> list[tuple[int, int, list[tuple[int, int, int]]]]:
    """Split a sentence longer than the model's context at commas; positions follow."""
    if end - start <= _MAX_CONTEXT:
        return [(start, end, wanted)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    while end - piece_start > _MAX_CONTEXT:
        limit = piece_start + _MAX_CONTEXT
        cut = max(
            (i + 1 for i in range(piece_start + _MAX_CONTEXT // 3, limit) if text[i] in _COMMAS),
            default=limit,
        )
        pieces.append((piece_start, cut))
        piece_start = cut
    pieces.append((piece_start, end))
    out: list[tuple[int, int, list[tuple[int, int, int]]]] = []
    for piece_start, piece_end in pieces:
        inside = [
            (token, offset, position + start - piece_start)
            for token, offset, position in wanted
            if piece_start <= position + start < piece_end
        ]
        if inside:
            out.append((piece_start, piece_end, inside))
    return out


def is_clause_end(word: str | None) -> bool:
    """Whether `word` ends what comes before it: no word (the sentence's end) or
    punctuation only."""
    return word is None or not any(c.isalnum() for c in word)


def neighbour(words: Sequence[str], index: int, step: int) -> int | None:
    """The index of the nearest token before (step -1) or after (step 1) `index` that is
    not blank, or None."""
    index += step
    while 0 <= index < len(words) and not words[index].strip():
        index += step
    return index if 0 <= index < len(words) else None


def neighbour_word(words: Sequence[str], index: int, step: int) -> str | None:
    """The nearest token before or after `index` that is not blank (`neighbour`)."""
    found = neighbour(words, index, step)
    return None if found is None else words[found]
