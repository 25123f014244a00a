"""Reflow: turn decoded text into paragraphs.

Text extracted from a PDF is hard-wrapped at the column width, often mid-word
(`紧紧抓` / `住省委`). Such a document is recognised by its many lines that end mid-sentence;
its lines are joined back into paragraphs. A line ends a paragraph when it ends a sentence
*and* the layout says so: it is shorter than the column, or the next line is indented
(a paragraph's first line is two cells short of the column in Chinese typesetting). The
column width is estimated locally, because one page mixes columns of different widths.

Ordinary prose (one paragraph per line, as in a novel) keeps its paragraphs and characters
exactly; only line endings, indentation and blank lines are normalised.

Layout spaces inside lines are removed later, per article (see `split.clean_body`), because
bylines and headlines need their spaces.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.text.captions import is_photo_credit
from reader.text.chapters import is_chapter_heading
from reader.text.chars import display_width
from reader.text.furniture import is_page_furniture
from reader.text.markers import (
    byline_line,
    ends_article,
    is_lead,
    is_names,
    is_title_line,
    meta_line,
    starts_byline,
)

# A sentence ends with one of these, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[。！？．!?…](?:[”’」』）)\"'])*$")
_INDENT = " \t\u3000\u00a0"
_CHAPTER_START = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+[回章节卷]")
# A headline block has at most this many lines before the byline, source line or lead.
_TITLE_BLOCK_MAX_LINES = 4
# A paragraph this short and bare (`亮点`, `相关链接`) is a box's label, not text's start.
_LABEL_MAX_CHARS = 4
# Paragraphs longer than this are never a byline, source line or label: not kept as text.
_HEAD_MAX_CHARS = 60
# The paragraph's last characters kept to look for an end mark wrapped over lines.
_TAIL_CHARS = 120
# A line that ends with a byline in full-width parentheses ends its article.
_ENDS_WITH_BYLINE = re.compile(r"(?:^|[。！？；…”’\s])[（(][^（）()]{2,40}[）)]$")


@dataclass(frozen=True)
class Layout:
    paragraphs: list[str]
    hard_wrapped: bool = False


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


_PAGE_BREAK = None
"""Stands in `_clean_lines`' output where a page footer or form feed was: text flows on
across it, and the blank lines around it mean nothing."""

# How a document is laid out (hard-wrapped or not, blank lines meaningful or not) is
# decided on its first lines, so that a large file streams through the reflow.
LAYOUT_SAMPLE_LINES = 20000
_HARD_WRAP_SAMPLE_LINES = 3000
# A wrapped line's column is the most common width among this many lines either side.
_COLUMN_RADIUS = 6


def iter_lines(pieces: Iterable[str]) -> Iterator[str]:
    """The lines of the text made of `pieces` (split at "\n", as `str.split` does)."""
    partial: list[str] = []
    for piece in pieces:
        lines = piece.split("\n")
        if len(lines) == 1:
            partial.append(piece)  # a long line goes on: collect, join once it ends
            continue
        partial.append(lines[0])
        yield "".join(partial)
        yield from lines[1:-1]
        partial = [lines[-1]]
    yield "".join(partial)


def _clean_lines(lines: Iterable[str]) -> Iterator[str | None]:
    """Lines without trailing spaces; blank lines kept as ''; footers and form feeds
    replaced by one `_PAGE_BREAK`."""
    previous: str | None = ""
    started = False
    for raw in lines:
        if "\f" in raw:
            yield _PAGE_BREAK
            previous, started = _PAGE_BREAK, True
            raw = raw.replace("\f", "")
        line = raw.rstrip()
        if is_page_furniture(line.strip(_INDENT)):
            yield _PAGE_BREAK
            previous, started = _PAGE_BREAK, True
            continue
        if line or not started or previous is not _PAGE_BREAK:
            yield line
            previous, started = line, True


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True when many substantial lines end mid-sentence and lines are short, as in text
    extracted from a PDF; False for prose with one paragraph per line. Only lines about as
    long as most count as ending mid-sentence: in prose the lines without a sentence end
    are headlines and source lines, much shorter than its paragraphs."""
    # Chapter headings are neither: never wrapped, never a sentence.
    stripped = (line.strip(_INDENT) for line in lines[:_HARD_WRAP_SAMPLE_LINES])
    sample = [line for line in stripped if len(line) >= 6 and not is_chapter_heading(line)]
    if len(sample) < 3:
        return False
    median_length = statistics.median(len(line) for line in sample)
    open_ended = sum(
        1 for line in sample if not ends_sentence(line) and len(line) >= 0.7 * median_length
    )
    if median_length > 60:
        return False
    if open_ended >= 0.35 * len(sample):
        return True
    # A short page: its widest lines are the column, and most of them end mid-sentence.
    widths = [display_width(line) for line in sample]
    widest = max(widths)
    full = [line for line, width in zip(sample, widths, strict=True) if width >= widest - 1.5]
    full_open = sum(1 for line in full if not ends_sentence(line))
    return full_open >= 2 and full_open * 2 > len(full)


def _blank_lines_are_layout(lines: list[str]) -> bool:
    """The seed's extraction puts a blank line after nearly every line; then blank lines
    carry no paragraph information."""
    non_empty = [i for i, line in enumerate(lines) if line.strip(_INDENT)]
    if len(non_empty) < 4:
        return False
    followed_by_blank = sum(
        1 for i in non_empty if i + 1 < len(lines) and not lines[i + 1].strip(_INDENT)
    )
    return followed_by_blank >= 0.6 * len(non_empty)


def _separator(left: str, right: str) -> str:
    """What joins a wrapped line (`left`, at least its last two characters) to the next:
    nothing between CJK, a space between Latin words."""
    if not left:
        return ""
    a, b = left[-1], right[0]
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.isalpha() and b.isascii():
        return ""  # a hyphenated word or compound: keep the hyphen, no space
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return " "
    if a in ",.;:!?" and b.isascii() and b.isalnum():
        return " "
    return ""


def _column_width(widths: Sequence[float]) -> float:
    """The column width around a line, from the widths of the lines near it: the most
    common (the larger on a tie). Most lines of a column are full; the short ones end or
    begin a paragraph, and lines heavy with punctuation run a little long. Where short
    paragraphs make indented first lines the most common, a width two cells wider, the
    full line, is the column."""
    counts = Counter(widths)
    common = max(counts, key=lambda width: (counts[width], width))
    full = [width for width in counts if 1.75 <= width - common <= 2.5]
    return max(full, key=lambda width: (counts[width], width)) if full else common


def _wrapped_entries(
    lines: Iterable[str | None], blank_is_layout: bool
) -> Iterator[tuple[str, bool]]:
    """The stripped, non-empty lines, each with whether a meaningful paragraph gap falls
    before it."""
    blank_run = 0
    page_break = False
    first = True
    for raw in lines:
        if raw is _PAGE_BREAK:
            page_break = True
            continue
        line = raw.strip(_INDENT)
        if not line:
            blank_run += 1
            continue
        gap = blank_run >= (2 if blank_is_layout else 1) and not page_break
        yield line, gap and not first
        first = False
        blank_run = 0
        page_break = False


@dataclass
class _Line:
    """A stripped line of a hard-wrapped text, with what the joining asks of it (each
    answer found once, when first asked)."""

    text: str
    gap_before: bool  # a meaningful blank line falls before it
    width: float
    _opens_text: bool | None = None
    _is_title: bool | None = None

    @property
    def opens_text(self) -> bool:
        """A lead, a chapter heading, a byline line or a source line."""
        if self._opens_text is None:
            text = self.text
            self._opens_text = bool(
                is_lead(text)
                or _CHAPTER_START.match(text)
                or is_chapter_heading(text)
                or starts_byline(text)
                or meta_line(text) is not None
            )
        return self._opens_text

    @property
    def is_title(self) -> bool:
        if self._is_title is None:
            self._is_title = is_title_line(self.text)
        return self._is_title


def _reflow_wrapped(lines: Iterable[str | None], blank_is_layout: bool) -> Iterator[str]:
    """Join wrapped lines into paragraphs, streaming: a line's decision needs the widths of
    the `_COLUMN_RADIUS` lines around the line before it, and the few lines of a headline
    block after it, so only those are kept."""
    entries = iter(_wrapped_entries(lines, blank_is_layout))
    window: list[_Line] = []  # entries[base:]
    base = 0
    ended = False
    paragraph: list[str] = []  # the pieces of the paragraph being joined
    tail = ""  # its last `_TAIL_CHARS` characters: an end mark may have been wrapped
    head: str | None = ""  # the paragraph so far while it is short, else None
    head_lines = 0
    index = 0
    while True:
        while not ended and base + len(window) < index + _COLUMN_RADIUS:
            entry = next(entries, None)
            if entry is None:
                ended = True
            else:
                window.append(_Line(entry[0], entry[1], display_width(entry[0])))
        if index >= base + len(window):
            break
        line = window[index - base]
        if paragraph and (
            line.gap_before or _starts_paragraph(window, base, index, head, head_lines, tail)
        ):
            yield "".join(paragraph)
            paragraph, tail, head, head_lines = [], "", "", 0
        if head and starts_byline(head):
            separator = _byline_separator(head, line.text)
        else:
            separator = _separator(tail, line.text)
        paragraph.append(separator)
        paragraph.append(line.text)
        tail = (tail + separator + line.text)[-_TAIL_CHARS:]
        if head is not None:
            head = head + separator + line.text
            head = head if len(head) <= _HEAD_MAX_CHARS else None
        head_lines += 1
        index += 1
        drop = index - _COLUMN_RADIUS - 2 - base
        if drop > 256:  # trimmed now and then, not on every line
            del window[:drop]
            base += drop
    if paragraph:
        yield "".join(paragraph)


def _byline_separator(head: str, line: str) -> str:
    """What joins the rest of a byline's names (`line`) to it: nothing when the wrap cut a
    name, else a space. Names have two to four letters, two-letter ones maybe spaced out:
    a letter left after whole names or spaced pairs starts a cut name (`王崟欣 李` +
    `晓明`, `李 刚 王` + `思远`), a letter alone on the next line ends one (`王思` + `远`)."""
    tokens = head.split()
    following = line.split()
    if len(tokens) < 2:
        return " "
    letters = 0  # the run of one-letter tokens that ends the head
    while letters < len(tokens) and len(tokens[-1 - letters]) == 1:
        letters += 1
    rest_is_byline = byline_line(" ".join(tokens[:-1])) is not None
    starts_cut = letters % 2 == 1 and letters < len(tokens)
    lone_letter = len(following[0]) == 1 and (len(following) == 1 or len(following[1]) > 1)
    ends_cut = letters == 0 and lone_letter and 2 <= len(tokens[-1]) <= 3
    return "" if (starts_cut or ends_cut) and rest_is_byline else " "


def _title_block_follows(window: list[_Line], base: int, index: int) -> bool:
    """Whether the headline line at `index` starts a headline block: up to
    `_TITLE_BLOCK_MAX_LINES` headline lines, then a line that opens an article's text."""
    for offset in range(1, _TITLE_BLOCK_MAX_LINES + 1):
        position = index + offset - base
        if position >= len(window):
            return False
        entry = window[position]
        if entry.opens_text:
            return True
        if offset == _TITLE_BLOCK_MAX_LINES:
            return False
        if not (entry.is_title or is_title_line(entry.text, after_headline=True)):
            return False
    return False


def _starts_paragraph(
    window: list[_Line], base: int, index: int, head: str | None, head_lines: int, tail: str
) -> bool:
    """Whether `window[index]` starts a new paragraph after the one whose last characters
    are `tail` and, while it is short, whose text so far is `head`."""
    previous = window[index - 1 - base]
    line = window[index - base]
    if head and starts_byline(head):
        # A byline line goes on only with the rest of its names.
        return not is_names(line.text)
    if line.opens_text or _ENDS_WITH_BYLINE.search(previous.text) or ends_article(previous.text):
        return True
    if head_lines == 1 and is_chapter_heading(previous.text):
        return True  # a chapter heading is a line of its own, whatever follows it
    if ends_article(tail):
        return True  # an end mark wrapped inside a name: `（李文杰 马春` / `燕 王立新）`
    if is_photo_credit(previous.text):
        return True  # a picture's credit ends its caption
    if head_lines == 1 and head and meta_line(head) is not None:
        return True  # a source line is a line of its own
    # A headline block after a sentence, or the block's next line: a line of its own.
    alone_title = head_lines == 1 and previous.is_title
    after_sentence = ends_sentence(previous.text)
    if after_sentence and is_photo_credit(line.text):
        return True
    if (after_sentence or alone_title) and (
        line.is_title or (alone_title and is_title_line(line.text, after_headline=True))
    ):
        if _title_block_follows(window, base, index):
            return True
    if alone_title and head is not None and len(head) <= _LABEL_MAX_CHARS:
        return True  # a box's label (`亮点`) stands on its own line
    if not after_sentence:
        return False
    near = window[max(0, index - 1 - _COLUMN_RADIUS - base) : index + _COLUMN_RADIUS - base]
    column = _column_width([entry.width for entry in near])
    previous_is_short = previous.width <= column - 1.5
    # A first line indented by about two cells, that goes on to the next line.
    this_is_indented = (
        column - 3.5 <= line.width <= column - 1.5
        and not ends_sentence(line.text)
        and index + 1 < base + len(window)
    )
    return previous_is_short or this_is_indented


@dataclass(frozen=True)
class LayoutStream:
    """A document's paragraphs, made as `paragraphs` is iterated."""

    hard_wrapped: bool
    paragraphs: Iterator[str]


def reflow_lines(lines: Iterable[str]) -> LayoutStream:
    """Paragraphs of a text given line by line (see the module docstring). The layout is
    decided on the first LAYOUT_SAMPLE_LINES lines; the rest streams through."""
    cleaned = _clean_lines(lines)
    head = list(itertools.islice(cleaned, LAYOUT_SAMPLE_LINES))
    head_text = [line for line in head if line is not _PAGE_BREAK]
    everything = itertools.chain(head, cleaned)
    if looks_hard_wrapped(head_text):
        blank_is_layout = _blank_lines_are_layout(head_text)
        del head, head_text
        return LayoutStream(True, _reflow_wrapped(everything, blank_is_layout))
    del head, head_text
    return LayoutStream(False, _prose_paragraphs(everything))


def _prose_paragraphs(lines: Iterable[str | None]) -> Iterator[str]:
    for line in lines:
        if line is not _PAGE_BREAK:
            paragraph = line.strip(_INDENT)
            if paragraph:
                yield paragraph


def reflow(text: str) -> Layout:
    """Split `text` (LF line endings) into paragraphs; see the module docstring."""
    stream = reflow_lines(text.split("\n"))
    return Layout(list(stream.paragraphs), hard_wrapped=stream.hard_wrapped)
