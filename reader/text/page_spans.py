"""Spans of a news page: which paragraphs make each article, found one paragraph at a time.

An article starts at a headline block — a few short lines that are not sentences
(`markers.is_title_line`), directly followed by a byline line, a source or metadata line
or a lead — or, without a headline, at a lead (`本报讯`, `新华社…电`), a byline line or a
source line. It ends with an end mark (`（张明提）`, `（本报平壤12月28日电）`, `（完）`),
or where the next one starts. A headline belongs to the text after it; only a headline
with nothing after it (the seed page's last line) goes to the article before it.
Paragraphs stream through: at most `_TITLE_BLOCK_MAX_LINES + 1` are read ahead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from reader.text.markers import (
    bare_names,
    byline_line,
    end_byline,
    ends_article,
    is_end_mark,
    is_lead,
    is_title_line,
    is_weak_source,
    meta_line,
    starts_byline,
)
from reader.text.reflow import ends_sentence

# An article longer than this is cut, between paragraphs, into parts titled "Title (2)", …:
# a text with no chapters or articles (a huge file of plain prose) would otherwise be one
# article too long to read in a window, and held whole in memory while it is imported.
# The longest chapter of a long novel is about a tenth of it.
MAX_ARTICLE_CHARS = 100_000
# A headline block has at most this many lines (kicker, headline wrapped over two, subtitle);
# a longer run of short lines is text (a poem, a list).
_TITLE_BLOCK_MAX_LINES = 4


# -- spans ---------------------------------------------------------------------------------


Numbered = tuple[int, str]
"""A paragraph with its index in the source."""


@dataclass
class Span:
    """An article being collected: its headline, its byline and source lines, its body."""

    headlines: list[Numbered]
    body: list[Numbered]
    meta: list[Numbered] = field(default_factory=list)
    byline_lines: list[str] = field(default_factory=list)
    meta_author: str = ""  # from a metadata line's 作者
    byline: str = ""  # from an end byline
    byline_paragraph: int | None = None
    byline_rest: str = ""
    part: int = 1
    chars: int = 0

    def add(self, numbered: Numbered) -> None:
        self.body.append(numbered)
        self.chars += len(numbered[1])

    @property
    def is_full(self) -> bool:
        return self.chars >= MAX_ARTICLE_CHARS and bool(self.body)

    @classmethod
    def starting(cls, numbered: Numbered, headlines: list[Numbered], part: int = 1) -> Span:
        """An article (or part `part` of one) whose body starts with `numbered`."""
        span = cls(headlines, [], part=part)
        span.add(numbered)
        return span

    def continuation(self, numbered: Numbered) -> Span:
        """The next part of this article, starting with `numbered`."""
        return Span.starting(numbered, [], part=self.part + 1)

    @property
    def first(self) -> int:
        return min(index for index, _ in self.headlines + self.meta + self.body)

    @property
    def end(self) -> int:
        return max(index for index, _ in self.headlines + self.meta + self.body) + 1


# -- newspaper pages -----------------------------------------------------------------------


class _Kind(Enum):
    LEAD = "lead"
    BYLINE = "byline line"
    META = "source line"
    WEAK_SOURCE = "来源 line"  # metadata under a headline, a trailer after the text
    TITLE = "headline line"
    TEXT = "text"


_OPENS_TEXT = (_Kind.LEAD, _Kind.BYLINE, _Kind.META, _Kind.WEAK_SOURCE)


@dataclass(frozen=True)
class _Paragraph:
    index: int
    text: str
    kind: _Kind
    byline: str = ""  # of a byline line, or a metadata line's 作者

    @property
    def numbered(self) -> Numbered:
        return self.index, self.text


def _classify(index: int, paragraph: str) -> _Paragraph:
    text = paragraph.strip()
    if is_lead(text):
        return _Paragraph(index, paragraph, _Kind.LEAD)
    byline = byline_line(text)
    if byline is not None:
        return _Paragraph(index, paragraph, _Kind.BYLINE, byline)
    meta = meta_line(text)
    if meta is not None:
        return _Paragraph(index, paragraph, _Kind.META, meta.author)
    if is_weak_source(text):
        return _Paragraph(index, paragraph, _Kind.WEAK_SOURCE)
    if is_title_line(text):
        return _Paragraph(index, paragraph, _Kind.TITLE)
    return _Paragraph(index, paragraph, _Kind.TEXT)


class _Ahead:
    """The paragraphs to come, classified, a few of them read in advance."""

    def __init__(self, paragraphs: Iterable[Numbered]) -> None:
        self._source = iter(paragraphs)
        self._buffer: deque[_Paragraph] = deque()

    def peek(self, offset: int) -> _Paragraph | None:
        while len(self._buffer) <= offset:
            numbered = next(self._source, None)
            if numbered is None:
                return None
            self._buffer.append(_classify(*numbered))
        return self._buffer[offset]

    def take(self) -> _Paragraph | None:
        return self._buffer.popleft() if self.peek(0) is not None else None

    def title_block_rest(self) -> int | None:
        """After a headline line: how many more headline lines follow before the line that
        opens the text (a lead, a byline or a source line), or None when text follows."""
        for count in range(_TITLE_BLOCK_MAX_LINES):
            upcoming = self.peek(count)
            if upcoming is None:
                return None
            if upcoming.kind in _OPENS_TEXT:
                return count
            if upcoming.kind is not _Kind.TITLE and not is_title_line(
                upcoming.text, after_headline=True
            ):
                return None
        return None


class _Splitter:
    """Spans made one paragraph at a time. The last finished span is held back: an end mark
    or a headline with nothing after it may still be its own."""

    def __init__(self) -> None:
        self.current: Span | None = None
        self.held: Span | None = None
        self.pending: list[Numbered] = []  # headline lines waiting for their text
        self.ready: list[Span] = []

    def close(self) -> None:
        span, self.current = self.current, None
        if span is None:
            return
        if not span.body and not span.headlines and self.held is not None:
            # Source lines with no article under them: keep them with the one before.
            for numbered in span.meta:
                self.held.add(numbered)
            return
        if self.held is not None:
            self.ready.append(self.held)
        self.held = span

    def open(self, headlines: list[Numbered]) -> Span:
        self.close()
        if self.held is not None:
            self.ready.append(self.held)
            self.held = None
        self.current = Span(headlines, [])
        self.pending = []
        return self.current

    def add_text(self, paragraph: _Paragraph) -> None:
        current = self.current
        if current is None:
            held = self.held
            if held is not None and not self.pending and is_end_mark(paragraph.text):
                held.add(paragraph.numbered)  # `（完）` or `（责任编辑：…）` after the end
                _take_end_byline(held, paragraph)
                return
            current = self.open(self.pending)
            current.add(paragraph.numbered)
        elif current.is_full:  # too long to go on: the rest is the article's next part
            self.close()
            current = self.current = current.continuation(paragraph.numbered)
        else:
            current.add(paragraph.numbered)
        if ends_article(paragraph.text):
            _take_end_byline(current, paragraph)
            self.close()

    def add_meta(self, paragraph: _Paragraph) -> None:
        """A byline or source line: it opens an article, or belongs to the one just opened."""
        current = self.current
        if current is None or current.body:
            current = self.open(self.pending if current is None else [])
        current.meta.append(paragraph.numbered)
        if paragraph.kind is _Kind.BYLINE:
            current.byline_lines.append(paragraph.byline)
        elif paragraph.byline and not current.meta_author:
            current.meta_author = paragraph.byline

    def finish(self) -> None:
        self.close()
        if self.pending:
            held = self.held
            if held is not None and not held.headlines:
                # A headline detached after its article, as on the last line of the seed page.
                held.headlines = self.pending
            elif held is not None:
                held.body.extend(self.pending)  # never drop text we cannot place
            else:
                self.held = Span([], self.pending)
        if self.held is not None:
            self.ready.append(self.held)
            self.held = None


def _take_end_byline(span: Span, paragraph: _Paragraph) -> None:
    found = end_byline(paragraph.text)
    if found is not None and not span.byline:
        span.byline_rest, span.byline = found
        span.byline_paragraph = paragraph.index


def newspaper_spans(paragraphs: Iterable[Numbered]) -> Iterator[Span]:
    ahead = _Ahead(paragraphs)
    splitter = _Splitter()
    while (paragraph := ahead.take()) is not None:
        kind = paragraph.kind
        if kind is _Kind.TEXT and _is_kicker(paragraph, ahead, splitter.current):
            kind = _Kind.TITLE  # `（一线视角）` over a headline: the block's first line
        if kind is _Kind.TITLE:
            rest = ahead.title_block_rest()
            if rest is not None:  # a headline block: it opens the next article
                lines = [paragraph.numbered]
                lines.extend(ahead.take().numbered for _ in range(rest))  # type: ignore[union-attr]
                if len(splitter.pending) + len(lines) > _TITLE_BLOCK_MAX_LINES:
                    _text_only(splitter)  # short lines before the block: text, not its head
                names = _names_before_source(lines, ahead.peek(0))
                if names is not None:  # `陶多多` between the headline and the source line
                    span = splitter.open(splitter.pending + lines[:-1])
                    span.meta.append(lines[-1])
                    span.byline_lines.append(names)
                else:
                    splitter.open(splitter.pending + lines)
            elif splitter.current is None:
                splitter.pending.append(paragraph.numbered)
                if len(splitter.pending) > _TITLE_BLOCK_MAX_LINES:
                    _text_only(splitter)
            else:
                splitter.add_text(paragraph)  # a subheading inside the article
        elif kind in (_Kind.BYLINE, _Kind.META):
            splitter.add_meta(paragraph)
        elif kind is _Kind.WEAK_SOURCE and splitter.current and not splitter.current.body:
            splitter.add_meta(paragraph)  # `来源：…` under the headline
        elif kind is _Kind.LEAD and splitter.current is not None and splitter.current.body:
            splitter.open([])
            splitter.add_text(paragraph)
        else:
            splitter.add_text(paragraph)
        yield from splitter.ready
        splitter.ready.clear()
    splitter.finish()
    yield from splitter.ready


def _is_kicker(paragraph: _Paragraph, ahead: _Ahead, current: Span | None) -> bool:
    """A bracketed column label (`（一线视角）`) right over a headline block: it looks like
    an end credit, but a credit ends the text before it, after a sentence, in an article
    with no byline yet; a kicker opens the block under it."""
    text = paragraph.text.strip()
    if not (is_title_line(text, after_headline=True) and text[0] in "（(【〔"):
        return False
    if ends_article(text):  # only a credit of bare names may be a label: no role, no trailer
        credit = end_byline(text)
        if credit is None or credit[0] or starts_byline(credit[1]):
            return False
    upcoming = ahead.peek(0)
    if upcoming is None or upcoming.kind is not _Kind.TITLE or not ahead.title_block_rest():
        return False
    if current is None or not current.body or current.byline_lines or current.meta_author:
        return True
    return not ends_sentence(current.body[-1][1])


def _text_only(splitter: _Splitter) -> None:
    """The waiting short lines are too many for a headline: they are text (a poem, a list)."""
    pending = splitter.pending
    current = splitter.open([])
    for numbered in pending:
        current.add(numbered)


def _names_before_source(lines: list[Numbered], after: _Paragraph | None) -> str | None:
    """The byline, when a headline block's last line holds only names and a source line
    follows: a byline without a role, as a web page shows its author."""
    if len(lines) < 2 or after is None or after.kind is not _Kind.META:
        return None
    return bare_names(lines[-1][1])
