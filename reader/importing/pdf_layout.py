"""A PDF page's runs of characters → regions in reading order → lines. Qt-free.

Sizes are measured against the page's body size (the most common size by character
count), never in absolute points, so a tabloid set in 10 points reads like a broadsheet
set in 12. Reading order comes from cutting the page at its white space (recursive XY
cut): a white band down the whole height of a region is a column gutter, and the
columns are read left to right, each to its end; a white band across its whole width,
taller than the lines' own leading, separates blocks read top to bottom. Producers that
write side-by-side columns line by line across the page are read column by column that
way. A region that is a single line is never cut down the middle: the gaps in it are
letter-spacing (`洪  勇`), not gutters.

Text in a frame (a drawn rectangle holding a small share of the page's text and no
headline) is a sidebar; it gets regions of its own, marked `framed`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.importing.pdf_process import PdfPage
from reader.text.chars import is_cjk

# White space needed to cut, as a share of the body size: across (taller than a line's
# leading), and down (a gutter).
_ACROSS_GAP = 0.8
_DOWN_GAP = 0.7
_SINGLE_LINE_GAP = 3.0  # a gap this wide does split a single line (two headlines side by side)
_FRAME_TEXT_SHARE = 0.4
HEADLINE_RATIO = 1.5
SUBHEAD_RATIO = 1.08
SMALL_RATIO = 0.92


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    runs: list[Run]
    page: int
    framed: bool = False

    @property
    def left(self) -> float:
        return self.runs[0].left

    @property
    def right(self) -> float:
        return max(run.right for run in self.runs)

    @property
    def top(self) -> float:
        return max(run.top for run in self.runs)

    @property
    def bottom(self) -> float:
        return min(run.bottom for run in self.runs)

    @property
    def size(self) -> float:
        """The size most of its characters have."""
        sizes: Counter[float] = Counter()
        for run in self.runs:
            sizes[run.size] += len(run.text)
        return sizes.most_common(1)[0][0]

    @property
    def text(self) -> str:
        """Its runs, with a space where a gap parts them."""
        return "".join(self.pieces(keep_cjk_gaps=True))

    @property
    def prose(self) -> str:
        """Its text as running prose: a gap between two Chinese characters (or one and a
        digit) is letter-spacing or justification, not a space; spaces the file itself
        holds stay."""
        return "".join(self.pieces(keep_cjk_gaps=False))

    def pieces(self, *, keep_cjk_gaps: bool) -> Iterable[str]:
        previous: Run | None = None
        for run in self.runs:
            if previous is not None and run.left - previous.right > 0.15 * run.size:
                before, after = previous.text[-1], run.text[0]
                spacing = (is_cjk(before) or before.isdigit()) and (
                    is_cjk(after) or after.isdigit()
                )
                if keep_cjk_gaps or not spacing:
                    yield " "
            yield run.text
            previous = run

    def gaps(self) -> list[float]:
        """The gap before each run after the first, in ems."""
        return [
            (after.left - before.right) / max(after.size, 1.0)
            for before, after in zip(self.runs, self.runs[1:], strict=False)
        ]


@dataclass
class Region:
    """Lines read together, top to bottom."""

    lines: list[Line]
    framed: bool = False
    left: float = field(init=False)
    right: float = field(init=False)

    def __post_init__(self) -> None:
        self.left = min(line.left for line in self.lines)
        self.right = max(line.right for line in self.lines)


def body_size(pages: Iterable[PdfPage]) -> float:
    """The most common font size by character count (sizes rounded to half points)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for run in page.runs:
            sizes[round(float(run[1]) * 2) / 2] += len(run[0])
    return sizes.most_common(1)[0][0] if sizes else 12.0


def page_regions(page: PdfPage, document_body: float) -> tuple[list[Region], float]:
    """The page's regions in reading order, and the body size used to find them."""
    runs = [
        Run(str(r[0]), float(r[1]), float(r[2]), float(r[3]), float(r[4]), float(r[5]))
        for r in page.runs
    ]
    runs = [run for run in runs if run.size > 0 and run.text]
    if not runs:
        return [], document_body
    own_chars = sum(len(run.text) for run in runs)
    body = body_size([page]) if own_chars >= 300 else document_body
    framed_groups, free = _take_framed(runs, page.boxes, body)
    regions = [Region(lines) for lines in _cut(free, body, page.index) if lines]
    for group in framed_groups:
        for lines in _cut(group, body, page.index):
            for line in lines:
                line.framed = True
            regions.append(Region(lines, framed=True))
    return regions, body


def _take_framed(
    runs: list[Run], boxes: Sequence[Sequence[float]], body: float
) -> tuple[list[list[Run]], list[Run]]:
    """Runs inside a frame that holds a sidebar, frame by frame; and the other runs."""
    total = sum(len(run.text) for run in runs)
    groups: list[list[Run]] = []
    taken: set[int] = set()
    # Smallest frames first: a sidebar inside a larger frame belongs to the small one.
    for left, bottom, right, top, _filled in sorted(
        boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])
    ):
        inside = [
            index
            for index, run in enumerate(runs)
            if index not in taken
            and left - 1 <= run.left
            and run.right <= right + 1
            and bottom - 1 <= run.bottom
            and run.top <= top + 1
        ]
        if not inside:
            continue
        chars = sum(len(runs[index].text) for index in inside)
        has_headline = any(runs[index].size >= HEADLINE_RATIO * body for index in inside)
        if chars > _FRAME_TEXT_SHARE * total or has_headline:
            continue  # a frame round a whole article or the page: not a sidebar
        groups.append([runs[index] for index in inside])
        taken.update(inside)
    return groups, [run for index, run in enumerate(runs) if index not in taken]


def _cut(runs: list[Run], body: float, page: int) -> list[list[Line]]:
    """Recursive XY cut: the runs' regions in reading order, each as its lines."""
    if not runs:
        return []
    if _is_single_line(runs):
        down = _gaps([(run.left, run.right) for run in runs], _SINGLE_LINE_GAP * body)
    else:
        down = _gaps([(run.left, run.right) for run in runs], _DOWN_GAP * body)
    if down and not _fragmentary(_split(runs, down, across=False)):
        return [
            region for part in _split(runs, down, across=False) for region in _cut(part, body, page)
        ]
    across = _gaps([(run.bottom, run.top) for run in runs], _ACROSS_GAP * body)
    if across:
        parts = _split(runs, across, across=True)
        return [region for part in parts for region in _cut(part, body, page)]
    return [_lines(runs, page)]


def _fragmentary(parts: list[list[Run]]) -> bool:
    """Whether cutting down would leave a part of lone characters: the gaps are then the
    letter-spacing of a headline over several lines, lined up, not a gutter."""
    return any(all(len(run.text) <= 2 for run in part) for part in parts)


def _is_single_line(runs: list[Run]) -> bool:
    return max(run.bottom for run in runs) < min(run.top for run in runs)


def _gaps(spans: list[tuple[float, float]], minimum: float) -> list[float]:
    """Middles of the gaps at least `minimum` wide between the spans' union."""
    ordered = sorted(spans)
    cuts: list[float] = []
    reach = ordered[0][1]
    for low, high in ordered[1:]:
        if low - reach >= minimum:
            cuts.append((low + reach) / 2)
        reach = max(reach, high)
    return cuts


def _split(runs: list[Run], cuts: list[float], *, across: bool) -> list[list[Run]]:
    """Runs parted at `cuts`: left to right, or (across) top to bottom."""
    parts: list[list[Run]] = [[] for _ in range(len(cuts) + 1)]
    for run in runs:
        position = run.middle if across else (run.left + run.right) / 2
        slot = sum(1 for cut in cuts if position > cut)
        parts[slot].append(run)
    if across:
        parts.reverse()  # PDF y grows upwards: the top part is read first
    return [part for part in parts if part]


def _lines(runs: list[Run], page: int) -> list[Line]:
    """Runs grouped into lines (by their vertical middles), top to bottom, each left to
    right."""
    ordered = sorted(runs, key=lambda run: -run.middle)
    lines: list[list[Run]] = []
    for run in ordered:
        if lines:
            last = lines[-1]
            middle = sum(r.middle for r in last) / len(last)
            height = max(r.top - r.bottom for r in last)
            if abs(run.middle - middle) <= 0.45 * max(height, run.top - run.bottom):
                last.append(run)
                continue
        lines.append([run])
    return [Line(sorted(line, key=lambda run: run.left), page) for line in lines]


def size_class(size: float, body: float) -> str:
    """`headline`, `subhead`, `body` or `small`, by size against the body size."""
    ratio = size / body if body else 1.0
    if ratio >= HEADLINE_RATIO:
        return "headline"
    if ratio >= SUBHEAD_RATIO:
        return "subhead"
    if ratio > SMALL_RATIO:
        return "body"
    return "small"
