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

from reader.text.chars import display_width

# A sentence ends with one of these, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[。！？．!?…](?:[”’」』）)\"'])*$")
_PAGE_FOOTER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+"
    r"|[Pp]age\s+\d+(?:\s+of\s+\d+)?)$"
)
_INDENT = " \t\u3000\u00a0"
# Lines that start an article or a chapter: never joined to the line before them.
_BREAK_BEFORE = re.compile(
    r"^(?:本报讯|本报\S{0,12}?电|新华社\S{0,16}?电|中新社\S{0,16}?电"
    r"|第[一二三四五六七八九十百千零〇两\d]+[回章节卷])"
)
# A line that ends with a byline in full-width parentheses ends its article.
_ENDS_WITH_BYLINE = re.compile(r"(?:^|[。！？；…”’\s])[（(][^（）()]{2,40}[）)]$")


@dataclass(frozen=True)
class Layout:
    paragraphs: list[str]
    hard_wrapped: bool = False


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_page_footer(line: str) -> bool:
    return bool(_PAGE_FOOTER.match(line))


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
        if is_page_footer(line.strip(_INDENT)):
            yield _PAGE_BREAK
            previous, started = _PAGE_BREAK, True
            continue
        if line or not started or previous is not _PAGE_BREAK:
            yield line
            previous, started = line, True


def _text_lines(lines: Iterable[str | None]) -> list[str]:
    return [line for line in lines if line is not _PAGE_BREAK]


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True when many substantial lines end mid-sentence and lines are short, as in text
    extracted from a PDF; False for prose with one paragraph per line."""
    sample = [
        line.strip(_INDENT)
        for line in lines[:_HARD_WRAP_SAMPLE_LINES]
        if len(line.strip(_INDENT)) >= 6
    ]
    if len(sample) < 3:
        return False
    open_ended = sum(1 for line in sample if not ends_sentence(line))
    median_length = statistics.median(len(line) for line in sample)
    return open_ended >= 0.35 * len(sample) and median_length <= 60


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
    begin a paragraph, and lines heavy with punctuation run a little long."""
    counts = Counter(widths)
    return max(counts, key=lambda width: (counts[width], width))


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


def _reflow_wrapped(lines: Iterable[str | None], blank_is_layout: bool) -> Iterator[str]:
    """Join wrapped lines into paragraphs, streaming: a line's decision needs the widths of
    the `_COLUMN_RADIUS` lines around the line before it, so only those are kept."""
    entries = iter(_wrapped_entries(lines, blank_is_layout))
    window: list[tuple[str, bool, float]] = []  # entries[base:], (line, gap, width)
    base = 0
    ended = False
    paragraph: list[str] = []  # the pieces of the paragraph being joined
    tail = ""  # its last two characters, all `_separator` needs
    index = 0
    while True:
        while not ended and base + len(window) < index + _COLUMN_RADIUS:
            entry = next(entries, None)
            if entry is None:
                ended = True
            else:
                window.append((entry[0], entry[1], display_width(entry[0])))
        if index >= base + len(window):
            break
        line, gap_before, width = window[index - base]
        if paragraph and (gap_before or _starts_paragraph(window, base, index)):
            yield "".join(paragraph)
            paragraph, tail = [], ""
        paragraph.append(_separator(tail, line))
        paragraph.append(line)
        tail = (tail + line)[-2:]
        index += 1
        drop = index - _COLUMN_RADIUS - 2 - base
        if drop > 256:  # trimmed now and then, not on every line
            del window[:drop]
            base += drop
    if paragraph:
        yield "".join(paragraph)


def _starts_paragraph(window: list[tuple[str, bool, float]], base: int, index: int) -> bool:
    previous, _, previous_width = window[index - 1 - base]
    line, _, width = window[index - base]
    if _BREAK_BEFORE.match(line) or _ENDS_WITH_BYLINE.search(previous):
        return True
    if not ends_sentence(previous):
        return False
    near = window[max(0, index - 1 - _COLUMN_RADIUS - base) : index + _COLUMN_RADIUS - base]
    column = _column_width([entry[2] for entry in near])
    previous_is_short = previous_width <= column - 1.5
    # A first line indented by about two cells, that goes on to the next line.
    this_is_indented = (
        column - 3.5 <= width <= column - 1.5
        and not ends_sentence(line)
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
    head_text = _text_lines(head)
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
