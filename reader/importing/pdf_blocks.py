"""A PDF page's regions → paragraphs, each with what it is. Qt-free.

Within a region, lines of one size class make a block; a body block is cut into
paragraphs where a line is indented or the line before it ends short of the region's
right edge. Each paragraph gets a kind:

- `headline`, `subhead`, `body`, `small`: by its size against the page's body size;
- `byline`: a small line right under a headline (its letter-spacing undone by the gaps
  between characters: `洪  勇   李  明` → `洪勇 李明`);
- `caption`: small text under or over a picture, or ending as captions do (`…摄`,
  `新华社发`, `供图`);
- `sidebar`: text in a frame;
- `jump_to` / `jump_from`: `（转第2版）`, `（上接第1版）`;
- furniture (page headers, footers, page numbers) is dropped: small or numbered lines in
  the top or bottom band of the page, or lines whose words repeat on other pages there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reader.importing.pdf_layout import Line, Region, size_class
from reader.text.chars import is_cjk
from reader.text.split import clean_title

_NUMBER = r"[0-9０-９一二三四五六七八九十百零〇]+"
_JUMP_TO = re.compile(rf"[（(]?\s*(?:下转|转|转至)\s*(?:第\s*)?{_NUMBER}\s*(?:版|页)\s*[）)]?\s*$")
_JUMP_FROM = re.compile(rf"^\s*[（(]?\s*(?:上接|接|承)\s*(?:第\s*)?{_NUMBER}\s*(?:版|页)\s*[）)]?")
_PAGE_NUMBER = re.compile(
    rf"^(?:第\s*{_NUMBER}\s*[页版]|[-–—－]?\s*\d+\s*[-–—－]?|page\s*\d+(?:\s*of\s*\d+)?"
    rf"|\d+\s*/\s*\d+)$",
    re.IGNORECASE,
)
_CAPTION_END = re.compile(r"(?:摄|摄影|[社网台]发|供图|制图|图片|资料图)\s*[）)]?\s*$")
_CAPTION_START = re.compile(r"^(?:图为|上图|下图|左图|右图|图[①-⑩0-9一二三四五六七八九十]|题图)")
_FINAL = tuple("。！？!?…”’」』")
_FURNITURE_BAND = 0.08  # of the page's height, at its top and its bottom
_INDENT = 1.2  # ems: a line starting this much right of the region's left edge is indented
_SHORT = 1.5  # ems: a line ending this much short of the right edge ends its paragraph


@dataclass(frozen=True)
class Block:
    """One paragraph of a page, in reading order, with its kind (see the module doc)."""

    kind: str
    text: str
    page: int
    size: float
    region: int
    indented: bool = False  # its first line starts in from the region's left edge
    runs_on: bool = False  # its last line runs to the region's right edge, unfinished


def furniture_keys(pages: Sequence[tuple[list[Region], float, float]]) -> set[str]:
    """Words of lines in the top or bottom band that recur on two or more pages (digits
    ignored): running heads and feet."""
    seen: Counter[str] = Counter()
    for regions, _body, height in pages:
        keys = {
            _furniture_key(line)
            for region in regions
            for line in region.lines
            if _in_band(line, height)
        }
        seen.update(keys)
    return {key for key, count in seen.items() if count >= 2 and key}


def _furniture_key(line: Line) -> str:
    return re.sub(r"[\d０-９\s]+", "#", line.text)


def _in_band(line: Line, height: float) -> bool:
    band = _FURNITURE_BAND * height
    return line.bottom >= height - band or line.top <= band


def is_furniture(line: Line, body: float, height: float, repeated: set[str]) -> bool:
    if not _in_band(line, height) or line.size > body * 1.08:
        return False
    text = line.text.strip()
    return (
        line.size < body * 0.92
        or bool(_PAGE_NUMBER.match(text))
        or _furniture_key(line) in repeated
    )


def page_blocks(
    regions: list[Region],
    body: float,
    height: float,
    repeated: set[str],
    pictures: Sequence[Sequence[float]],
) -> list[Block]:
    blocks: list[Block] = []
    for number, region in enumerate(regions):
        lines = [line for line in region.lines if not is_furniture(line, body, height, repeated)]
        if lines:
            blocks.extend(_region_blocks(lines, region, number, body, pictures))
    return _mark_bylines(blocks)


def _region_blocks(
    lines: list[Line], region: Region, number: int, body: float, pictures: Sequence[Sequence[float]]
) -> Iterable[Block]:
    edges = _edges_by_class(lines, region, body)
    group: list[Line] = []
    for line in lines:
        if group and _starts_paragraph(group[-1], line, edges, body):
            yield from _blocks(group, edges, region, number, body, pictures)
            group = []
        group.append(line)
    if group:
        yield from _blocks(group, edges, region, number, body, pictures)


Edges = dict[str, tuple[float, float]]


def _edges_by_class(lines: list[Line], region: Region, body: float) -> Edges:
    """The left and right edges of the region's lines of each size class: a body column
    under a wider headline that no white space parts from it is measured on its own."""
    edges: Edges = {}
    for line in lines:
        kind = size_class(line.size, body)
        left, right = edges.get(kind, (line.left, line.right))
        edges[kind] = (min(left, line.left), max(right, line.right))
    return edges


def _starts_paragraph(previous: Line, line: Line, edges: Edges, body: float) -> bool:
    before, now = size_class(previous.size, body), size_class(line.size, body)
    if before != now:
        return True
    if now in ("headline", "subhead"):
        return line.top < previous.bottom - 1.0 * line.size  # a wrapped headline stays one
    if abs(line.size - previous.size) > 0.1 * line.size:
        return True
    em = line.size
    left, right = edges[now]
    indented = line.left - left >= _INDENT * em
    ended_short = previous.right < right - _SHORT * em
    return indented or ended_short or _JUMP_TO.match(line.text.strip()) is not None


def _blocks(
    lines: list[Line],
    edges: Edges,
    region: Region,
    number: int,
    body: float,
    pictures: Sequence[Sequence[float]],
) -> Iterable[Block]:
    """The paragraph of `lines`, as one block, or more when a jump line is run into it:
    `…的收成。（转第5版）` is the paragraph and a `jump_to`."""
    block = _block(lines, edges, region, number, body, pictures)
    if block.kind != "body":
        yield block
        return
    # Run into text, a jump line is only taken in its parentheses.
    start = _JUMP_FROM.match(block.text)
    start = start if start and start.group().lstrip()[:1] in "（(" else None
    end = _JUMP_TO.search(block.text)
    end = end if end and end.group()[:1] in "（(" else None
    text_start = start.end() if start else 0
    text_end = end.start() if end and end.start() > text_start else len(block.text)
    if start:
        yield replace(block, kind="jump_from", text=block.text[:text_start].strip())
    rest = block.text[text_start:text_end].strip()
    if rest:
        yield replace(block, text=rest, indented=block.indented and not start)
    if text_end < len(block.text):
        yield replace(block, kind="jump_to", text=block.text[text_end:].strip(), runs_on=False)


def _block(
    lines: list[Line],
    edges: Edges,
    region: Region,
    number: int,
    body: float,
    pictures: Sequence[Sequence[float]],
) -> Block:
    size = lines[0].size
    kind = size_class(size, body)
    if kind in ("headline", "subhead"):
        text = " ".join(clean_title(line.text) for line in lines)
    else:
        text = join_lines(line.prose for line in lines)
    stripped = text.strip()
    if region.framed:
        kind = "sidebar"
    elif _JUMP_TO.fullmatch(stripped) and len(stripped) <= 12:
        kind = "jump_to"
    elif _JUMP_FROM.match(stripped) and len(stripped) <= 12:
        kind = "jump_from"
    elif kind in ("small", "body") and _is_caption(lines, stripped, body, pictures):
        kind = "caption"
    elif kind == "small" and len(lines) == 1:
        text = byline_text(lines[0])  # a byline if it sits under a headline; see below
    em = lines[0].size
    left, right = edges[size_class(size, body)]
    indented = lines[0].left - left >= _INDENT * em
    runs_on = lines[-1].right >= right - _SHORT * em and not stripped.endswith(_FINAL)
    return Block(kind, text, lines[0].page, size, number, indented, runs_on)


def _is_caption(
    lines: list[Line], text: str, body: float, pictures: Sequence[Sequence[float]]
) -> bool:
    if _CAPTION_START.match(text) or (_CAPTION_END.search(text) and len(text) <= 120):
        return True
    if lines[0].size >= body * 0.92:
        return False
    top, bottom = lines[0].top, lines[-1].bottom
    left, right = min(line.left for line in lines), max(line.right for line in lines)
    for p_left, p_bottom, p_right, p_top, filled in pictures:
        if not filled or p_right < left or p_left > right:
            continue
        if 0 <= p_bottom - top <= 2 * body or 0 <= bottom - p_top <= 2 * body:
            return True
    return False


def _mark_bylines(blocks: list[Block]) -> list[Block]:
    """A small single line right after a headline or subhead is the article's byline."""
    marked: list[Block] = []
    for block in blocks:
        after_title = marked and marked[-1].kind in ("headline", "subhead", "byline")
        if block.kind == "small" and after_title and len(block.text) <= 40:
            block = Block("byline", block.text, block.page, block.size, block.region)
        marked.append(block)
    return marked


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one paragraph as one text: Chinese lines join with nothing, Latin words
    with a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and not (is_cjk(text[-1]) or is_cjk(line[0]) or text.endswith("-")):
            text += " "
        text += line
    return text


def byline_text(line: Line) -> str:
    """A byline line with its letter-spacing undone: two single characters apart by no
    more than the gaps round them are one name (`洪 勇  李 明` → `洪勇 李明`)."""
    runs = [run.text for run in line.runs]
    gaps = line.gaps()
    if len(runs) < 2:
        return line.text.strip()
    words: list[str] = [runs[0]]
    index = 1
    while index < len(runs):
        gap = gaps[index - 1]
        before_gap = gaps[index - 2] if index >= 2 else float("inf")
        after_gap = gaps[index] if index < len(gaps) else float("inf")
        pairs = (
            len(words[-1]) == 1
            and len(runs[index]) == 1
            and is_cjk(words[-1])
            and is_cjk(runs[index])
            and gap <= 1.6
            and gap <= before_gap
            and gap < after_gap
        )
        if pairs or gap <= 0.15:
            words[-1] += runs[index]
        else:
            words.append(runs[index])
        index += 1
    return " ".join(words)
