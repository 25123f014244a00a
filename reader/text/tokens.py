"""An article's stored tokens, and the readings shown for them. Qt-free.

The reading view asks "which word is at this character?" on every mouse move and "how is
this character read?" for every character it paints in pinyin-above mode, so both answers
are a bisect or an index away, never a computation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence

from reader.text.chars import has_han

Syllables = tuple[str | None, ...]


class TokenIndex:
    """Consecutive tokens covering `text` exactly, found by code-point offset."""

    def __init__(self, text: str, token_ends: Sequence[int]) -> None:
        self.text = text
        self.ends = list(token_ends)
        self.starts = [0, *self.ends[:-1]]
        if self.ends and self.ends[-1] != len(text):
            raise ValueError("tokens do not cover the text")
        # Whether each token has a Han character: 0 unknown, 1 no, 2 yes. Filled on demand,
        # so opening a long article costs nothing per token.
        self._has_han = bytearray(len(self.ends))

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
        known = self._has_han[index]
        if not known:
            known = 2 if has_han(self.text, self.starts[index], self.ends[index]) else 1
            self._has_han[index] = known
        return known == 2

    def next_chinese(self, index: int | None, step: int) -> int | None:
        """The nearest Chinese token after (step=1) or before (step=-1) `index`; from the
        start or end when `index` is None."""
        if index is None:
            index = -1 if step > 0 else len(self.ends)
        index += step
        while 0 <= index < len(self.ends):
            if self.is_chinese(index):
                return index
            index += step
        return None

    def paragraphs(self) -> Iterator[tuple[int, int, int, int]]:
        """(first token, end token, start offset, end offset) for each paragraph; the "\n"
        tokens between paragraphs belong to none."""
        first_token, start = 0, 0
        text = self.text
        while True:
            newline = text.find("\n", start)
            if newline < 0:
                yield first_token, len(self.ends), start, len(text)
                return
            newline_token = bisect_right(self.ends, newline)
            yield first_token, newline_token, start, newline
            first_token, start = newline_token + 1, newline + 1


class ArticleReadings:
    """Readings of an article's tokens as the reader sees them: the reader's correction,
    else the resolver's result once it has arrived. Kept per character too, for painting."""

    def __init__(
        self,
        tokens: TokenIndex,
        overrides: Mapping[tuple[int, int], Syllables],
        word_readings: Mapping[str, Syllables] | None = None,
    ) -> None:
        self.tokens = tokens
        self._resolved: list[Syllables | None] = [None] * len(tokens)
        self._overrides = dict(overrides)  # the reader's reading of one occurrence
        self._words: dict[str, Syllables] = {}  # the reader's reading of a word everywhere
        self._word_spans: dict[tuple[int, int], Syllables] = {}  # where those words are
        self.per_char: list[str | None] = [None] * len(tokens.text)
        self._spoken: tuple[int, list[str | None]] | None = None  # (version, spoken tones)
        self._version = 0  # grows with every change of `per_char`
        self.sync_word_readings(word_readings or {})
        for (start, end), syllables in self._overrides.items():
            self._write_chars(start, end, syllables)

    def _write_chars(self, start: int, end: int, syllables: Syllables) -> None:
        if len(syllables) == end - start:
            self.per_char[start:end] = syllables
            self._version += 1

    def set_resolved(self, first_token: int, readings: Sequence[Syllables]) -> None:
        """Results of the resolver for tokens first_token, first_token + 1, …"""
        for offset, syllables in enumerate(readings):
            index = first_token + offset
            self._resolved[index] = syllables
            span = self.tokens.span(index)
            if span not in self._overrides and span not in self._word_spans:
                self._write_chars(*span, syllables)

    def is_resolved(self, index: int) -> bool:
        # Words without Han characters have nothing to resolve: their reading is known.
        return (
            self._resolved[index] is not None
            or self.tokens.span(index) in self._overrides
            or self.tokens.span(index) in self._word_spans
            or not self.tokens.is_chinese(index)
        )

    def reading(self, index: int) -> Syllables | None:
        """Syllables of token `index`, or None while not yet resolved."""
        span = self.tokens.span(index)
        override = self._overrides.get(span) or self._word_spans.get(span)
        return override if override is not None else self.automatic_reading(index)

    def automatic_reading(self, index: int) -> Syllables | None:
        resolved = self._resolved[index]
        if resolved is None and not self.tokens.is_chinese(index):
            start, end = self.tokens.span(index)
            return (None,) * (end - start)
        return resolved

    def is_overridden(self, index: int) -> bool:
        """Whether the reader corrected this occurrence (not the word everywhere)."""
        return self.tokens.span(index) in self._overrides

    def word_reading(self, index: int) -> Syllables | None:
        """The reader's reading of this token's word everywhere, if they set one."""
        return self._word_spans.get(self.tokens.span(index))

    def set_override(self, start: int, end: int, syllables: Syllables | None) -> None:
        """Apply (or with None, remove) a correction the store has already saved."""
        if syllables is None:
            self._overrides.pop((start, end), None)
            self._show_below_occurrence(start, end)
        else:
            self._overrides[(start, end)] = syllables
            self._write_chars(start, end, syllables)

    def sync_overrides(self, overrides: Mapping[tuple[int, int], Syllables]) -> bool:
        """Make the corrections those now stored (another process may have changed them),
        touching only the ones that differ, so resolved readings are kept. Returns whether
        any changed."""
        wanted = dict(overrides)
        stale = [span for span in self._overrides if span not in wanted]
        changed = [(span, s) for span, s in wanted.items() if self._overrides.get(span) != s]
        for start, end in stale:
            self.set_override(start, end, None)
        for (start, end), syllables in changed:
            self.set_override(start, end, syllables)
        return bool(stale or changed)

    def _show_below_occurrence(self, start: int, end: int) -> None:
        """Paint what shows at [start, end) without an occurrence correction: the word's
        reading everywhere, else the resolved one, else nothing yet."""
        below = self._word_spans.get((start, end))
        if below is None:
            index = self.tokens.index_at(start)
            below = self._resolved[index] if index is not None else None
        self.per_char[start:end] = below if below is not None else [None] * (end - start)
        self._version += 1

    def sync_word_readings(self, words: Mapping[str, Syllables]) -> bool:
        """Apply the reader's word readings now stored: every token that is one of those
        words takes its reading (below an occurrence correction). Returns whether any
        reading shown changed. Finds the words with `str.find`, not token by token, so an
        article with no such word costs a few scans."""
        if dict(words) == self._words:
            return False
        spans: dict[tuple[int, int], Syllables] = {}
        text, tokens = self.tokens.text, self.tokens
        for word, syllables in words.items():
            if not word or len(syllables) != len(word):
                continue
            start = text.find(word)
            while start >= 0:
                index = tokens.index_at(start)
                if index is not None and tokens.span(index) == (start, start + len(word)):
                    spans[(start, start + len(word))] = syllables
                start = text.find(word, start + 1)
        old = self._word_spans
        self._words, self._word_spans = dict(words), spans
        touched = {span for span in old.keys() | spans.keys() if old.get(span) != spans.get(span)}
        for start, end in touched:
            if (start, end) not in self._overrides:
                self._show_below_occurrence(start, end)
        return bool(touched)

    def spoken_per_char(self) -> list[str | None]:
        """`per_char` with the spoken tones of 一 and 不 (yí ge, bú shì, yì tiān), for a view
        showing pinyin as it is said; made again only after the readings changed."""
        if self._spoken is None or self._spoken[0] != self._version:
            from reader.text.pinyin_sandhi import spoken_tones

            spoken = spoken_tones(self.tokens.text, self.per_char, self.tokens.ends)
            self._spoken = (self._version, spoken)
        return self._spoken[1]

    def shown_reading(self, index: int, spoken: bool) -> Syllables | None:
        """`reading(index)`, or with `spoken` its spoken tones (once the word is resolved)."""
        reading = self.reading(index)
        if not spoken or reading is None:
            return reading
        start, end = self.tokens.span(index)
        return tuple(self.spoken_per_char()[start:end])
