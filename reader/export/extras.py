"""The two lines an export can add under an annotation: its pinyin (`--pinyin`), as the reader
saw it, and the sentence around it (`--context`), the quote in bold. Qt-free."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.export.markdown_escape import escape_line

if TYPE_CHECKING:
    from reader.export.rows import ArticleData
    from reader.library.store import Library
    from reader.text.pinyin import PinyinResolver

# A sentence for --context is cut to this many characters either side of the quote.
MAX_CONTEXT_CHARS = 120


def _tone_marks(syllable: str) -> str:
    from reader.text.pinyin_syllables import to_tone_marks

    return to_tone_marks(syllable)


class ArticlePinyin:
    """Per character of an article: the syllable the reader sees (their correction of the
    occurrence, else of the word everywhere, else the resolver's), resolved paragraph by
    paragraph with the stored tokens."""

    def __init__(self, library: Library, article: ArticleData, resolver: PinyinResolver):
        from reader.library.word_readings import word_readings
        from reader.text.tokens import ArticleReadings, TokenIndex

        tokens = TokenIndex(article.text, library.token_ends(article.id))
        self.tokens = tokens
        overrides = library.reading_overrides(article.id)
        readings = ArticleReadings(tokens, overrides, word_readings(library))
        for first, end, start, stop in tokens.paragraphs():
            if first >= end:
                continue
            relative_ends = [tokens.ends[i] - start for i in range(first, end)]
            readings.set_resolved(first, resolver.resolve(article.text[start:stop], relative_ends))
        self.per_char = readings.per_char

    def of_span(self, start: int, end: int) -> str:
        """The pinyin of [start, end) (see `spell_pinyin`), cut to the span where it
        begins or ends inside a word."""
        words: list[tuple[str, Sequence[str | None]]] = []
        index = self.tokens.index_at(start)
        while index is not None and index < len(self.tokens) and self.tokens.starts[index] < end:
            token_start, token_end = self.tokens.span(index)
            low, high = max(start, token_start), min(end, token_end)
            words.append((self.tokens.text[low:high], self.per_char[low:high]))
            index += 1
        return spell_pinyin(words)


def spell_pinyin(words: Iterable[tuple[str, Sequence[str | None]]]) -> str:
    """Words as pinyin with tone marks: a word's syllables run together (xīngxiàn), words
    separated by spaces; characters without a syllable are kept as they are, opening
    punctuation attached to the next word and other punctuation to the one before."""
    pieces: list[str] = []
    opening = ""
    for text, syllables in words:
        if any(syllables):
            spelled = "".join(
                _tone_marks(syllable) if syllable else char
                for char, syllable in zip(text, syllables, strict=False)
            )
            pieces.append(opening + spelled.strip())
            opening = ""
            continue
        word = text.strip()
        if not word:
            continue
        category = unicodedata.category(word[0])
        if category in ("Ps", "Pi"):
            opening += word
        elif category.startswith("P") and pieces and not opening:
            pieces[-1] += word
        else:
            pieces.append(opening + word)
            opening = ""
    if opening:
        pieces.append(opening)
    return " ".join(pieces)


def pinyin_of_text(resolver: PinyinResolver, text: str) -> str:
    """Pinyin of a passage on its own (an orphan's quote: its place is unknown)."""
    return spell_pinyin((word, readings) for _, _, word, readings in resolver.resolve_text(text))


_SENTENCE_END = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)》】\"'")
_LEADING_PUNCTUATION = re.compile(r"[\W_]+")
_TRAILING_PUNCTUATION = re.compile(r"[\W_]+$")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end): back to just after the previous sentence end,
    on to the next one (with any closing quotes), at most MAX_CONTEXT_CHARS either side."""
    low = start
    floor = max(0, start - MAX_CONTEXT_CHARS)
    while low > floor and text[low - 1] not in _SENTENCE_END:
        low -= 1
    high = end
    ceiling = min(len(text), end + MAX_CONTEXT_CHARS)
    while high < ceiling and text[high] not in _SENTENCE_END:
        high += 1
    if high < ceiling and text[high] != "\n":
        high += 1
        while high < ceiling and text[high] in _CLOSERS:
            high += 1
    return low, high


def context_markdown(text: str, start: int, end: int) -> list[str]:
    """The sentence around the quote as Markdown lines, the quote in bold. Punctuation and
    spaces at the quote's edges stay outside the bold: CommonMark does not open `**` before
    punctuation that follows a letter, so「他**“你好”**」would show its asterisks."""
    low, high = sentence_span(text, start, end)
    quote = text[start:end]
    inner_start, inner_end = 0, len(quote)
    lead = _LEADING_PUNCTUATION.match(quote)
    if lead:
        inner_start = lead.end()
    trail = _TRAILING_PUNCTUATION.search(quote)
    if trail and trail.start() > inner_start:
        inner_end = trail.start()
    before = text[low : start + inner_start]
    inner = text[start + inner_start : start + inner_end]
    after = text[start + inner_end : high]
    prefix = "…" if low > 0 and text[low - 1] not in _SENTENCE_END else ""
    suffix = "…" if high < len(text) and text[high - 1] not in _SENTENCE_END | _CLOSERS else ""
    if not inner or "\n" in inner:
        # No bold across lines or around punctuation alone: the passage stays plain text.
        whole = prefix + text[low:high] + suffix
        return [escape_line(line) for line in whole.split("\n") if line]
    marked = "\x00"  # stands for the bold markers while the text is escaped
    raw = prefix + before + marked + inner + marked + after + suffix
    lines = [escape_line(line) for line in raw.split("\n") if line]
    return [line.replace(marked, "**") for line in lines]
