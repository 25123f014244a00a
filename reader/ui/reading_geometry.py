"""Where the laid-out text of the reading view lies: per block, its rectangle and, per line,
the x of every cursor position. Asked of Qt once per layout (a line's x when first wanted)
and kept, so that highlights and pinyin are placed by arithmetic alone while the reader
scrolls.

Positions here are Qt's (UTF-16 units within a block); body offsets are turned into them by
the document (`ArticleDocument.document_position`), never here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QTextBlock

from reader.ui.reading_document import ArticleDocument


class Line(NamedTuple):
    """One laid-out line of a block: its UTF-16 range within the block, its top and height,
    and the x of each cursor position from `start` to `end` (block coordinates)."""

    start: int
    end: int
    y: float
    height: float
    xs: LineXs


class LineXs:
    """The x of each cursor position of one line, asked of Qt the first time one is wanted:
    a paint places only the lines it shows, not every line of the blocks it touches."""

    __slots__ = ("_block", "_index", "_xs")

    def __init__(self, block: QTextBlock, index: int) -> None:
        self._block = block
        self._index = index
        self._xs: list[float] | None = None

    def __getitem__(self, index: int) -> float:
        xs = self._xs
        if xs is None:
            line = self._block.layout().lineAt(self._index)
            first = line.textStart()
            xs = self._xs = [
                line.cursorToX(position)[0]
                for position in range(first, first + line.textLength() + 1)
            ]
        return xs[index]


class BlockGeometry(NamedTuple):
    x: float  # the block's top left, document coordinates (kept as floats: asking
    y: float  # a QRectF for them costs a call into Qt per highlight painted)
    lines: list[Line]
    line_ends: list[int]  # `Line.end` of each line, for bisecting


class LineGeometry:
    """The cache of block geometry for one document; `forget` whenever the layout changes
    (text, width, fonts, line spacing)."""

    def __init__(self, document: ArticleDocument) -> None:
        self._document = document
        self._blocks: dict[int, BlockGeometry] = {}

    def forget(self) -> None:
        self._blocks.clear()

    def block(self, block: QTextBlock) -> BlockGeometry:
        number = block.blockNumber()
        cached = self._blocks.get(number)
        if cached is not None:
            return cached
        text_layout = block.layout()
        lines = []
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            first = line.textStart()
            xs = LineXs(block, index)
            lines.append(Line(first, first + line.textLength(), line.y(), line.height(), xs))
        rect = self._document.documentLayout().blockBoundingRect(block)
        geometry = BlockGeometry(rect.x(), rect.y(), lines, [line.end for line in lines])
        if lines or not block.length() > 1:  # a block not laid out yet is asked again later
            self._blocks[number] = geometry
        return geometry

    def span_rects(self, start: int, end: int, scroll: QPointF) -> list[QRectF]:
        """Rectangles covering body offsets [start, end), one per line, in the coordinates
        of a viewport scrolled by `scroll`."""
        return self.spans_rects([(start, end)], scroll)[0]

    def spans_rects(self, spans: Iterable[tuple[int, int]], scroll: QPointF) -> list[list[QRectF]]:
        """`span_rects` of each of `spans`, at once: spans in text order (as the highlights
        are) walk the blocks forwards instead of looking each one's up in Qt, so a screen
        with hundreds of highlights costs a little arithmetic per highlight."""
        document = self._document
        to_position = document.document_position
        scroll_x, scroll_y = scroll.x(), scroll.y()
        found: list[list[QRectF]] = []
        geometries: dict[int, BlockGeometry] = {}  # by block position, for this call
        block: QTextBlock | None = None
        base = end_of_block = 0
        for start, end in spans:
            first, last = to_position(start), to_position(end)
            if block is None or not block.isValid() or first < base:
                block = document.findBlock(first)
                base = block.position()
                end_of_block = base + block.length()
            while first >= end_of_block and block.isValid():
                block = block.next()
                base = block.position()
                end_of_block = base + block.length()
            rects: list[QRectF] = []
            current, current_base, current_end = block, base, end_of_block
            while current.isValid() and current_base < last:
                geometry = geometries.get(current_base)
                if geometry is None:
                    geometry = geometries[current_base] = self.block(current)
                block_x, block_y, lines, line_ends = geometry
                left_x, top_y = block_x - scroll_x, block_y - scroll_y
                left_in_block, right_in_block = first - current_base, last - current_base
                index = max(0, bisect_right(line_ends, left_in_block) - 1)
                for line in lines[index:]:
                    if line.start >= right_in_block:
                        break
                    left = max(left_in_block, line.start)
                    right = min(right_in_block, line.end)
                    if left >= right:
                        continue
                    x1 = line.xs[left - line.start]
                    x2 = line.xs[right - line.start]
                    rects.append(QRectF(left_x + x1, top_y + line.y, x2 - x1, line.height))
                if current_end >= last:
                    break  # the next block starts at or after the span's end
                current = current.next()
                current_base = current.position()
                current_end = current_base + current.length()
            found.append(rects)
        return found

    def character_at(self, point: QPointF) -> int | None:
        """Document position of the character drawn under `point` (document coordinates),
        if any: not the nearest cursor position, the character whose cell holds the point."""
        layout = self._document.documentLayout()
        position = layout.hitTest(point, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        block = self._document.findBlock(position)
        text_layout = block.layout()
        relative = position - block.position()
        line = text_layout.lineForTextPosition(relative)
        if not line.isValid():
            return None
        block_x = layout.blockBoundingRect(block).x()
        # hitTest gives the nearer edge; the character is the one whose cell holds x.
        if point.x() - block_x < line.cursorToX(relative)[0]:
            relative -= 1
        if relative < 0 or relative >= block.length() - 1:
            return None
        return block.position() + relative
