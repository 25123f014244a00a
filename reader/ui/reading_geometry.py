"""Where the laid-out text of the reading view lies: per block, its rectangle and, per line,
the x of every cursor position. Asked of Qt once per layout and kept, so that highlights and
pinyin are placed by arithmetic alone while the reader scrolls.

Positions here are Qt's (UTF-16 units within a block); body offsets are turned into them by
the document (`ArticleDocument.document_position`), never here.
"""

from __future__ import annotations

from bisect import bisect_right
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
    xs: list[float]


class BlockGeometry(NamedTuple):
    rect: QRectF  # the block's bounding rectangle, document coordinates
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
            xs = [
                line.cursorToX(position)[0]
                for position in range(first, first + line.textLength() + 1)
            ]
            lines.append(Line(first, first + line.textLength(), line.y(), line.height(), xs))
        geometry = BlockGeometry(
            self._document.documentLayout().blockBoundingRect(block),
            lines,
            [line.end for line in lines],
        )
        if lines or not block.length() > 1:  # a block not laid out yet is asked again later
            self._blocks[number] = geometry
        return geometry

    def span_rects(self, start: int, end: int, scroll: QPointF) -> list[QRectF]:
        """Rectangles covering body offsets [start, end), one per line, in the coordinates
        of a viewport scrolled by `scroll`."""
        first = self._document.document_position(start)
        last = self._document.document_position(end)
        scroll_x, scroll_y = scroll.x(), scroll.y()
        rects: list[QRectF] = []
        block = self._document.findBlock(first)
        while block.isValid() and block.position() < last:
            block_rect, lines, line_ends = self.block(block)
            base = block.position()
            left_in_block, right_in_block = first - base, last - base
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
                rects.append(
                    QRectF(
                        block_rect.x() + x1 - scroll_x,
                        block_rect.y() + line.y - scroll_y,
                        x2 - x1,
                        line.height,
                    )
                )
            block = block.next()
        return rects

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
