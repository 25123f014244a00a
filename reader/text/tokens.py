"""An article's stored tokens, and the readings shown for them. Qt-free.

The reading view asks "which word is at this character?" on every mouse move and "how is
this character read?" for every character it paints in pinyin-above mode, so both answers
are a bisect or an index away, never a computation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence

from reader.text.chars import is_han

Syllables = tuple[str | None, ...]


class TokenIndex:
    """Consecutive tokens covering `text` exactly, found by code-point offset."""

    def __init__(self, text: str, token_ends: Sequence[int]) -> None:
        self.text = text
        self.ends = list(token_ends)
        self.starts = [0, *self.ends[:-1]]
        if self.ends and self.ends[-1] != len(text):
            raise ValueError("tokens do not cover the text")
        self._has_han = [any(is_han(ch) for ch in self.word(i)) for i in range(len(self.ends))]

    def __len__(self) -> int:
        return len(self.ends)

    def index_at(self, offset: int) -> int | None:
        """The token holding the character at code-point `offset`."""
        if not 0 <= offset < len(self.text):
            return None
        return bisect_right(self.ends, offset)

    def span(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def word(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def is_chinese(self, index: int) -> bool:
        """A word that gets a card: it has at least one Han character."""
        return self._has_han[index]

    def next_chinese(self, index: int | None, step: int) -> int | None:
        """The nearest Chinese token after (step=1) or before (step=-1) `index`; from the
        start or end when `index` is None."""
        if index is None:
            index = -1 if step > 0 else len(self.ends)
        index += step
        while 0 <= index < len(self.ends):
            if self._has_han[index]:
                return index
            index += step
        return None

    def paragraphs(self) -> Iterator[tuple[int, int, int, int]]:
        """(first token, end token, start offset, end offset) for each paragraph; the "\\n"
        tokens between paragraphs belong to none."""
        first = 0
        for index, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
            if self.text[start:end] == "\n":
                yield first, index, self.starts[first] if first < index else start, start
                first = index + 1
        if first <= len(self.ends):
            start = self.starts[first] if first < len(self.ends) else len(self.text)
            yield first, len(self.ends), start, len(self.text)


class ArticleReadings:
    """Readings of an article's tokens as the reader sees them: the reader's correction,
    else the resolver's result once it has arrived. Kept per character too, for painting."""

    def __init__(self, tokens: TokenIndex, overrides: Mapping[tuple[int, int], Syllables]) -> None:
        self.tokens = tokens
        # Words without Han characters have nothing to resolve: their reading is known now.
        self._resolved: list[Syllables | None] = [
            None if tokens.is_chinese(i) else (None,) * (tokens.ends[i] - tokens.starts[i])
            for i in range(len(tokens))
        ]
        self._overrides = dict(overrides)
        self.per_char: list[str | None] = [None] * len(tokens.text)
        for (start, end), syllables in self._overrides.items():
            self._write_chars(start, end, syllables)

    def _write_chars(self, start: int, end: int, syllables: Syllables) -> None:
        if len(syllables) == end - start:
            self.per_char[start:end] = syllables

    def set_resolved(self, first_token: int, readings: Sequence[Syllables]) -> None:
        """Results of the resolver for tokens first_token, first_token + 1, …"""
        for offset, syllables in enumerate(readings):
            index = first_token + offset
            self._resolved[index] = syllables
            span = self.tokens.span(index)
            if span not in self._overrides:
                self._write_chars(*span, syllables)

    def is_resolved(self, index: int) -> bool:
        return self.tokens.span(index) in self._overrides or self._resolved[index] is not None

    def reading(self, index: int) -> Syllables | None:
        """Syllables of token `index`, or None while not yet resolved."""
        override = self._overrides.get(self.tokens.span(index))
        return override if override is not None else self._resolved[index]

    def automatic_reading(self, index: int) -> Syllables | None:
        return self._resolved[index]

    def is_overridden(self, index: int) -> bool:
        return self.tokens.span(index) in self._overrides

    def set_override(self, start: int, end: int, syllables: Syllables | None) -> None:
        """Apply (or with None, remove) a correction the store has already saved."""
        if syllables is None:
            self._overrides.pop((start, end), None)
            index = self.tokens.index_at(start)
            resolved = self._resolved[index] if index is not None else None
            self.per_char[start:end] = resolved if resolved is not None else [None] * (end - start)
        else:
            self._overrides[(start, end)] = syllables
            self._write_chars(start, end, syllables)
