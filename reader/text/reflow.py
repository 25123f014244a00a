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

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

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
    warnings: list[str] = field(default_factory=list)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_page_footer(line: str) -> bool:
    return bool(_PAGE_FOOTER.match(line))


_PAGE_BREAK = None
"""Stands in `_clean_lines`' output where a page footer or form feed was: text flows on
across it, and the blank lines around it mean nothing."""


def _clean_lines(text: str) -> list[str | None]:
    """Lines without trailing spaces; blank lines kept as ''; footers and form feeds
    replaced by one `_PAGE_BREAK`."""
    lines: list[str | None] = []
    for raw in text.split("\n"):
        if "\f" in raw:
            lines.append(_PAGE_BREAK)
            raw = raw.replace("\f", "")
        line = raw.rstrip()
        if is_page_footer(line.strip(_INDENT)):
            lines.append(_PAGE_BREAK)
            continue
        if line or not lines or lines[-1] is not _PAGE_BREAK:
            lines.append(line)
    return lines


def _text_lines(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line is not _PAGE_BREAK]


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True when many substantial lines end mid-sentence and lines are short, as in text
    extracted from a PDF; False for prose with one paragraph per line."""
    sample = [line.strip(_INDENT) for line in lines[:3000] if len(line.strip(_INDENT)) >= 6]
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


def _join(left: str, right: str) -> str:
    """Join a wrapped line to the next: nothing between CJK, a space between Latin words."""
    if not left:
        return right
    a, b = left[-1], right[0]
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.isalpha() and b.isascii():
        return left + right  # a hyphenated word or compound: keep the hyphen, no space
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return left + " " + right
    if a in ",.;:!?" and b.isascii() and b.isalnum():
        return left + " " + right
    return left + right


def _column_widths(widths: list[float], radius: int = 6) -> list[float]:
    """For each line, the column width around it: the most common width of the nearby lines
    (the larger on a tie). Most lines of a column are full; the short ones end or begin a
    paragraph, and lines heavy with punctuation run a little long."""
    columns = []
    for index in range(len(widths)):
        counts = Counter(widths[max(0, index - radius) : index + radius + 1])
        columns.append(max(counts, key=lambda width: (counts[width], width)))
    return columns


def _reflow_wrapped(lines: list[str | None]) -> list[str]:
    blank_is_layout = _blank_lines_are_layout(_text_lines(lines))
    # Group the stripped, non-empty lines; note where a meaningful paragraph gap falls.
    entries: list[tuple[str, bool]] = []  # (line, gap before it)
    blank_run = 0
    page_break = False
    for raw in lines:
        if raw is _PAGE_BREAK:
            page_break = True
            continue
        line = raw.strip(_INDENT)
        if not line:
            blank_run += 1
            continue
        gap = blank_run >= (2 if blank_is_layout else 1) and not page_break
        entries.append((line, gap and bool(entries)))
        blank_run = 0
        page_break = False

    widths = [display_width(line) for line, _ in entries]
    columns = _column_widths(widths)
    paragraphs: list[str] = []
    current = ""
    for index, (line, gap_before) in enumerate(entries):
        if current and (gap_before or _starts_paragraph(entries, widths, columns, index)):
            paragraphs.append(current)
            current = ""
        current = _join(current, line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _starts_paragraph(
    entries: list[tuple[str, bool]], widths: list[float], columns: list[float], index: int
) -> bool:
    previous = entries[index - 1][0]
    line = entries[index][0]
    if _BREAK_BEFORE.match(line) or _ENDS_WITH_BYLINE.search(previous):
        return True
    if not ends_sentence(previous):
        return False
    column = columns[index - 1]
    previous_is_short = widths[index - 1] <= column - 1.5
    # A first line indented by about two cells, that goes on to the next line.
    this_is_indented = (
        column - 3.5 <= widths[index] <= column - 1.5
        and not ends_sentence(line)
        and index + 1 < len(entries)
    )
    return previous_is_short or this_is_indented


def reflow(text: str) -> Layout:
    """Split `text` (LF line endings) into paragraphs; see the module docstring."""
    lines = _clean_lines(text)
    if looks_hard_wrapped(_text_lines(lines)):
        return Layout(_reflow_wrapped(lines), hard_wrapped=True)
    paragraphs = [line.strip(_INDENT) for line in _text_lines(lines)]
    return Layout([p for p in paragraphs if p], hard_wrapped=False)
