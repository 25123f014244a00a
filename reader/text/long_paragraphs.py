"""Paragraphs no reader meant: a text that lost its line breaks (a whole novel on one line)
would be one paragraph of millions of characters, so one article the window cannot lay out
and the 100,000-character cut between paragraphs (`page_spans.MAX_ARTICLE_CHARS`) could
never split. Such a paragraph is cut at sentence ends about every CUT_CHARS characters; no
real paragraph is anywhere near MAX_PARAGRAPH_CHARS. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MAX_PARAGRAPH_CHARS = 20_000
CUT_CHARS = 5_000
_SENTENCE_ENDS = "。！？!?…"
_CLOSING = "”’」』）)\"'"


def cut_long_paragraphs(paragraphs: Iterable[str]) -> Iterator[str]:
    """`paragraphs`, each longer than MAX_PARAGRAPH_CHARS cut into pieces that together are
    the paragraph (nothing dropped or added)."""
    for paragraph in paragraphs:
        if len(paragraph) <= MAX_PARAGRAPH_CHARS:
            yield paragraph
        else:
            yield from _pieces(paragraph)


def _pieces(paragraph: str) -> Iterator[str]:
    start = 0
    while len(paragraph) - start > MAX_PARAGRAPH_CHARS:
        end = start + CUT_CHARS
        # The last sentence end in the second half of the window, its closing quotes kept
        # with it; a text with none is cut at the window's end.
        found = max(paragraph.rfind(mark, start + CUT_CHARS // 2, end) for mark in _SENTENCE_ENDS)
        cut = found + 1 if found >= 0 else end
        while cut < len(paragraph) and paragraph[cut] in _CLOSING:
            cut += 1
        yield paragraph[start:cut]
        start = cut
    yield paragraph[start:]
