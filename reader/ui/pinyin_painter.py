"""Pinyin above the characters (View ▸ Pinyin above the text): each Han character's syllable
for this occurrence, centred over it in a small font, tone-coloured if the reader wants, and
painted for the visible lines only, so a long article scrolls as fast with pinyin as without.

The document makes the room (a line distance and letter spacing, see `ArticleDocument`);
this painter only draws into it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText, QTextBlock
from PySide6.QtWidgets import QTextEdit

from reader.text.tokens import ArticleReadings
from reader.ui.reading_document import ArticleDocument
from reader.ui.reading_geometry import LineGeometry
from reader.ui.tones import TONE_COLOURS_NONE, is_dark, marked, tone_colour

# Lines are looked for from a little above the area to repaint: the pinyin of a line whose
# characters lie just below the area's top edge is drawn above them, inside the area.
LOOK_ABOVE_PX = 40
PINYIN_GAP_PX = 2  # between a syllable and its character

# One character's place: (x of its centre, width of its cell, body code-point offset).
Cell = tuple[float, float, int]


class PinyinPainter:
    def __init__(self, document: ArticleDocument, geometry: LineGeometry) -> None:
        self._document = document
        self._geometry = geometry
        self.font = QFont()
        self.height = 0.0  # of one line of pinyin, pixels
        # Per block number, line by line: (line top, cells); see `block_cells`.
        self._cells: dict[int, list[tuple[float, list[Cell]]]] = {}
        self._static_texts: dict[str, QStaticText] = {}
        # What the last paint drew (body offsets): tests check it covers the visible part
        # and only that.
        self.painted: list[int] = []

    @property
    def room(self) -> float:
        """Pixels the document keeps above each line for the pinyin."""
        return self.height + PINYIN_GAP_PX

    def set_font(self, font: QFont) -> None:
        self.font = font
        self.height = QFontMetricsF(font).height()
        self._static_texts.clear()  # prepared for the old font

    def forget(self) -> None:
        """The layout changed: where each character is must be measured again."""
        self._cells.clear()

    def block_cells(self, block: QTextBlock) -> list[tuple[float, list[Cell]]]:
        """Where each character of `block` gets its pinyin, line by line: (line top,
        [(x centre, cell width, offset)]), relative to the block; computed once per layout."""
        number = block.blockNumber()
        cached = self._cells.get(number)
        if cached is not None:
            return cached
        document = self._document
        placed: list[tuple[float, list[Cell]]] = []
        block_position = block.position()
        start_offset = document.offset_at_position(block_position)
        spacing = document.letter_spacing
        if start_offset is not None:
            lines = self._geometry.block(block).lines
            end_offset = start_offset + len(block.text())  # block.text() counts code points
            code_point = start_offset
            # Each character's UTF-16 range within the block, from the document's converter.
            utf16 = document.document_position(code_point) - block_position
            for line in lines:
                cells: list[Cell] = []
                while utf16 < line.end and code_point < end_offset:
                    after = document.document_position(code_point + 1) - block_position
                    left = line.xs[utf16 - line.start]
                    right = line.xs[min(after, line.end) - line.start]
                    # The letter spacing sits after the glyph: centre on the glyph itself.
                    cells.append(((left + right - spacing) / 2, right - left, code_point))
                    utf16 = after
                    code_point += 1
                placed.append((line.y, cells))
        self._cells[number] = placed
        return placed

    def paint(
        self,
        view: QTextEdit,
        area: QRect,
        readings: ArticleReadings,
        tone_colours: str,
        spoken: bool = False,
    ) -> None:
        """Draw the syllables of the lines that meet `area` (viewport coordinates); with
        `spoken`, 一 and 不 in their spoken tones."""
        per_char = readings.spoken_per_char() if spoken else readings.per_char
        document = self._document
        layout = document.documentLayout()
        scroll_x = view.horizontalScrollBar().value()
        scroll_y = view.verticalScrollBar().value()
        painter = QPainter(view.viewport())
        painter.setFont(self.font)
        palette = view.palette()
        dark = is_dark(palette.base().color())
        plain = palette.text().color()
        coloured = tone_colours != TONE_COLOURS_NONE
        pens: dict[str, QColor] = {}  # last digit of the syllable (its tone) → colour

        def pen_for(syllable: str) -> QColor:
            tone = syllable[-1]
            colour = pens.get(tone)
            if colour is None:
                colour = (
                    tone_colour(syllable, dark_background=dark, scheme=tone_colours)
                    if coloured
                    else None
                ) or plain
                pens[tone] = colour
            return colour

        first_line_top = area.top() - self.height
        last_line_top = area.bottom() + 2 * self.height
        top = QPoint(0, max(0, area.top() - LOOK_ABOVE_PX))
        block = document.findBlock(max(view.cursorForPosition(top).position(), document.body_start))
        painted: list[int] = []
        current_pen: QColor | None = None
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() - scroll_y > last_line_top:
                break
            left = rect.x() - scroll_x
            for line_top, cells in self.block_cells(block):
                line_y = rect.y() + line_top - scroll_y
                if not first_line_top <= line_y <= last_line_top:
                    continue
                baseline_top = line_y - self.height
                for x, cell, offset in cells:
                    syllable = per_char[offset]
                    if syllable is None:
                        continue
                    static = self._static_text(syllable)
                    colour = pen_for(syllable)
                    if colour != current_pen:
                        painter.setPen(colour)
                        current_pen = colour
                    width = static.size().width()
                    origin = QPointF(left + x - min(width, cell) / 2, baseline_top)
                    if width <= cell:
                        painter.drawStaticText(origin, static)
                    else:  # squeeze a long syllable into its cell rather than overlap
                        painter.save()
                        painter.translate(origin)
                        painter.scale(cell / width, 1.0)
                        painter.drawStaticText(QPointF(0, 0), static)
                        painter.restore()
                    painted.append(offset)
            block = block.next()
        painter.end()
        self.painted = painted

    def _static_text(self, syllable: str) -> QStaticText:
        static = self._static_texts.get(syllable)
        if static is None:
            static = QStaticText(marked(syllable))
            static.prepare(font=self.font)
            self._static_texts[syllable] = static
        return static
