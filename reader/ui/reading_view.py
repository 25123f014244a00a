"""The reading pane: one article as plain text, laid out for reading Chinese, with the word
under the pointer (or the keyboard's word cursor) marked and announced, and pinyin painted
above the characters when the reader asks for it.

Imported text is never interpreted: it goes in through `QTextCursor.insertText`, and the
document refuses to load any resource, so `<img src=…>` or `&amp;` in a file stay characters.

Offsets: the body is `Article.text`, paragraphs joined by "\\n". Each paragraph is one text
block and a block boundary is one document position, like the "\\n" it replaces. So body
offset `k` (code points) sits at document position `body_start + utf16(k)`; the conversion is
`reader.text.offsets.Utf16Map`'s, never done here by hand.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStaticText,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotations.model import SPAN_END, SPAN_ID, SPAN_START
from reader.library.store import Article
from reader.text.offsets import Snap, Utf16Map
from reader.text.tokens import ArticleReadings, TokenIndex
from reader.ui.fonts import reading_font_family
from reader.ui.highlights import HighlightLayer
from reader.ui.tones import TONE_COLOURS_FIVE, is_dark, marked, tone_colour

BODY_POINT_SIZE = 15.0
TITLE_SCALE = 1.45
BYLINE_SCALE = 0.85
PINYIN_SCALE = 0.45
# In pinyin-above mode characters move apart, so that a syllable as wide as "zhuàng" fits
# over its character; wider ones are squeezed, never overlapped.
PINYIN_LETTER_SPACING_EM = 0.6
LINE_HEIGHT_PERCENT = 130  # of the font's own line height, which CJK fonts make tall
PARAGRAPH_GAP_EM = 0.8
# A line of about 36 Chinese characters: longer lines are hard to track back to the start.
MAX_LINE_EM = 36
MIN_SIDE_MARGIN_PX = 24
ZOOM_STEP_FACTOR = 1.1
ZOOM_MIN, ZOOM_MAX = -6, 12
SELECTION_SETTLE_MS = 200
FLASH_MS = 900


class _Line(NamedTuple):
    """One laid-out line of a block: its UTF-16 range within the block, its top and height,
    and the x of each cursor position from `start` to `end` (block coordinates)."""

    start: int
    end: int
    y: float
    height: float
    xs: list[float]


class PlainTextDocument(QTextDocument):
    """A document that never fetches anything: imported text cannot make it load files."""

    def loadResource(self, type: int, name: QUrl) -> object:  # Qt's parameter names
        return None


class ReadingView(QTextEdit):
    """Read-only view of one article: title, byline, then the body's paragraphs."""

    word_hovered = Signal(int, QRect)  # token index, the word's rectangle (global)
    word_left = Signal()  # no word under the pointer or word cursor any more
    context_menu_requested = Signal(int, QPoint)  # token index, global position
    zoom_step_requested = Signal(int)  # +1 / -1 (Ctrl + wheel)
    reading_position_changed = Signal(int)  # code-point offset at the top of the view
    first_painted = Signal()
    text_selected = Signal(int, int, QRect)  # body offsets [start, end), selection end (global)
    selection_cleared = Signal()
    annotations_clicked = Signal(list, QPoint)  # ids of the highlights under a click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        # Dropped files go to the window, which imports them; text is never dropped in here.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.viewport().setMouseTracking(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._document = PlainTextDocument(self)
        self._document.setUndoRedoEnabled(False)
        self.setDocument(self._document)
        self._article: Article | None = None
        self._body_start = 0
        self._offsets = Utf16Map("")
        self.tokens: TokenIndex | None = None
        self.readings: ArticleReadings | None = None
        self.hovered_token: int | None = None
        self._painted_once = False
        self.pinyin_painted: list[int] = []

        self._zoom_step = 0
        self.pinyin_above = False
        self.tone_colours = TONE_COLOURS_FIVE
        # Pinyin positions per block number: see `_block_pinyin`.
        self._pinyin_layout: dict[int, list[tuple[float, list[tuple[float, float, int]]]]] = {}
        self._geometry: dict[int, tuple[QRectF, list[_Line], list[int]]] = {}
        self._letter_spacing = 0.0
        self._static_texts: dict[str, QStaticText] = {}
        self._family = reading_font_family()
        self._apply_fonts()
        self.verticalScrollBar().valueChanged.connect(self._announce_position)

        self.highlights = HighlightLayer()
        self.highlights_painted: list[str] = []
        # A selection is announced once it has settled (mouse released, or no key for a
        # moment), so the floating bar does not flicker while the reader drags.
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_SETTLE_MS)
        self._selection_timer.timeout.connect(self._announce_selection)
        self.selectionChanged.connect(self._selection_timer.start)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._press_position: QPoint | None = None

    # -- what other code maps against -----------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    @property
    def article(self) -> Article | None:
        """The article as shown (to tell whether the library's copy has changed since)."""
        return self._article

    @property
    def body_start(self) -> int:
        """Document position of the first character of the body (see the module docstring)."""
        return self._body_start

    @property
    def zoom_step(self) -> int:
        return self._zoom_step

    def document_position(self, offset: int) -> int:
        """Document position of body code-point offset `offset`."""
        return self._body_start + self._offsets.to_utf16(offset)

    def offset_at_position(self, position: int, snap: Snap = Snap.BEFORE) -> int | None:
        """Body code-point offset of document position `position` (None in title/byline)."""
        if self._article is None or position < self._body_start:
            return None
        offset = self._offsets.to_code_point(position - self._body_start, snap)
        return offset if offset <= len(self._article.text) else None

    # -- showing ---------------------------------------------------------------------------
    def show_article(
        self,
        article: Article,
        tokens: TokenIndex | None = None,
        readings: ArticleReadings | None = None,
    ) -> None:
        self._article = article
        self.tokens = tokens
        self.readings = readings
        self._offsets = Utf16Map(article.text)
        self.hovered_token = None
        self.highlights = HighlightLayer()
        self._render()
        self.setTextCursor(QTextCursor(self._document))  # at the start, without a layout pass
        self.verticalScrollBar().setValue(0)

    def clear_article(self) -> None:
        self._article = None
        self.tokens = None
        self.readings = None
        self.hovered_token = None
        self._offsets = Utf16Map("")
        self._document.clear()
        self._update_side_margins(force=True)
        self._body_start = 0
        self._forget_geometry()
        self.highlights = HighlightLayer()

    def set_readings(self, readings: ArticleReadings | None) -> None:
        self.readings = readings
        self.viewport().update()

    def readings_updated(self) -> None:
        """New readings arrived for the shown article: repaint the pinyin."""
        if self.pinyin_above:
            self.viewport().update()

    def set_pinyin_above(self, shown: bool) -> None:
        if shown == self.pinyin_above:
            return
        self.pinyin_above = shown
        self._rerender_keeping_place()

    def set_tone_colours(self, scheme: str) -> None:
        self.tone_colours = scheme
        self.viewport().update()

    def set_zoom_step(self, step: int) -> None:
        step = max(ZOOM_MIN, min(ZOOM_MAX, step))
        if step == self._zoom_step:
            return
        self._zoom_step = step
        self._apply_fonts()
        self._rerender_keeping_place()

    def _point_size(self) -> float:
        return BODY_POINT_SIZE * ZOOM_STEP_FACTOR**self._zoom_step

    def _apply_fonts(self) -> None:
        body_font = QFont(self._family) if self._family else QFont(self.font())
        body_font.setPointSizeF(self._point_size())
        self._document.setDefaultFont(body_font)
        self._body_font = body_font
        pinyin_font = QFont(self.font())
        pinyin_font.setPointSizeF(max(7.0, self._point_size() * PINYIN_SCALE))
        self._pinyin_font = pinyin_font
        self._pinyin_height = QFontMetricsF(pinyin_font).height()
        self._static_texts.clear()

    def _rerender_keeping_place(self) -> None:
        if self._article is None:
            return
        top = self.cursorForPosition(QPoint(0, 0)).position()
        self._render()
        cursor = QTextCursor(self._document)
        cursor.setPosition(min(top, self._document.characterCount() - 1))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top())

    def _render(self) -> None:
        article = self._article
        assert article is not None
        document = self._document
        document.clear()
        # clear() reset the root frame's margins: set them before the text goes in, so the
        # document is laid out once, not twice.
        self._update_side_margins(force=True)
        self._forget_geometry()
        size = self._point_size()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()

        em = self._em_px()
        heading = QTextBlockFormat()
        heading.setBottomMargin(em * 0.4)
        heading.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        title_format = QTextCharFormat()
        title_format.setFontPointSize(size * TITLE_SCALE)
        title_format.setFontWeight(QFont.Weight.Bold)
        cursor.setBlockFormat(heading)
        cursor.setBlockCharFormat(title_format)
        cursor.insertText(article.title, title_format)

        if article.byline:
            byline_block = QTextBlockFormat()
            byline_block.setBottomMargin(em * 0.6)
            byline_format = QTextCharFormat()
            byline_format.setFontPointSize(size * BYLINE_SCALE)
            byline_format.setForeground(self.palette().placeholderText())
            cursor.insertBlock(byline_block, byline_format)
            cursor.insertText(article.byline, byline_format)

        paragraph = QTextBlockFormat()
        if self.pinyin_above:
            # Room above every line for its pinyin: a fixed gap between lines, and as much
            # above each paragraph's first line.
            room = self._pinyin_height + 2
            paragraph.setLineHeight(room, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
            paragraph.setTopMargin(room)
        else:
            paragraph.setLineHeight(
                LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            paragraph.setTopMargin(0)
        paragraph.setBottomMargin(em * PARAGRAPH_GAP_EM)
        paragraph.setTextIndent(em * 2)  # the customary two-character indent
        body_format = QTextCharFormat()
        body_format.setFontPointSize(size)
        self._letter_spacing = em * PINYIN_LETTER_SPACING_EM if self.pinyin_above else 0.0
        if self.pinyin_above:
            body_format.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            body_format.setFontLetterSpacing(self._letter_spacing)
        for index, text in enumerate(article.paragraphs):
            cursor.insertBlock(paragraph, body_format)
            if index == 0:
                self._body_start = cursor.position()
            cursor.insertText(text, body_format)
        if not article.paragraphs:
            self._body_start = document.characterCount() - 1

        cursor.endEditBlock()
        self._update_extra_selections()

    # -- highlights and selections ---------------------------------------------------------
    def set_annotations(self, annotations: list) -> None:
        """The article's annotations (orphans are skipped: they have no place to show)."""
        selected = self.highlights.selected_id
        self.highlights.set_annotations(annotations)
        self.highlights.selected_id = selected if self.highlights.find(selected or "") else None
        self.viewport().update()

    def select_annotation(self, annotation_id: str | None) -> None:
        self.highlights.selected_id = annotation_id
        self.viewport().update()

    def reveal_annotation(self, annotation_id: str) -> bool:
        """Scroll the highlight into view and flash it."""
        span = self.highlights.find(annotation_id)
        if span is None:
            return False
        cursor = QTextCursor(self._document)
        cursor.setPosition(self.document_position(span[SPAN_END]))
        self.setTextCursor(cursor)
        cursor.setPosition(self.document_position(span[SPAN_START]))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.highlights.flash_id = annotation_id
        self._flash_timer.start(FLASH_MS)
        self.viewport().update()
        return True

    def _end_flash(self) -> None:
        self.highlights.flash_id = None
        self.viewport().update()

    def current_selection(self) -> tuple[int, int] | None:
        """The selected body text as code-point offsets, snapped outwards to whole
        characters (never half a surrogate pair) and clipped to the body."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._article is None:
            return None
        first = max(cursor.selectionStart(), self._body_start)
        last = cursor.selectionEnd()
        if last <= first:
            return None
        start = self.offset_at_position(first, Snap.BEFORE)
        end = self.offset_at_position(last, Snap.AFTER)
        if start is None or end is None:
            return None
        end = min(end, len(self._article.text))
        return (start, end) if end > start else None

    def selection_end_rect(self) -> QRect:
        """Where the selection ends, in global coordinates (for the floating bar)."""
        cursor = QTextCursor(self.textCursor())
        cursor.setPosition(cursor.selectionEnd())
        rect = self.cursorRect(cursor)
        return QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _announce_selection(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._selection_timer.start()  # still dragging
            return
        selection = self.current_selection()
        if selection is None:
            self.selection_cleared.emit()
        else:
            self.text_selected.emit(selection[0], selection[1], self.selection_end_rect())

    def _block_geometry(self, block: QTextBlock) -> tuple[QRectF, list[_Line], list[int]]:
        """The block's rectangle and, per line, the x of every cursor position: asked of Qt
        once per layout, then highlights and pinyin are placed by arithmetic alone."""
        number = block.blockNumber()
        cached = self._geometry.get(number)
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
            lines.append(_Line(first, first + line.textLength(), line.y(), line.height(), xs))
        geometry = (
            self._document.documentLayout().blockBoundingRect(block),
            lines,
            [line.end for line in lines],
        )
        if lines or not block.length() > 1:  # a block not laid out yet is asked again later
            self._geometry[number] = geometry
        return geometry

    def _forget_geometry(self) -> None:
        """The layout changed (text, width, fonts, line spacing): positions must be asked again."""
        self._geometry.clear()
        self._pinyin_layout.clear()

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering body offsets [start, end), one per line."""
        first = self.document_position(start)
        last = self.document_position(end)
        scroll_x = self.horizontalScrollBar().value()
        scroll_y = self.verticalScrollBar().value()
        rects: list[QRectF] = []
        block = self._document.findBlock(first)
        while block.isValid() and block.position() < last:
            block_rect, lines, line_ends = self._block_geometry(block)
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

    def visible_offsets(self, area: QRect | None = None) -> tuple[int, int]:
        """Body offsets [first, last) drawn in viewport `area` (default: all of it)."""
        area = area or self.viewport().rect()
        top = self.cursorForPosition(QPoint(0, area.top())).position()
        bottom = self.cursorForPosition(QPoint(area.width(), area.bottom())).position()
        first = self.offset_at_position(max(top, self._body_start)) or 0
        last = self.offset_at_position(max(bottom, self._body_start), Snap.AFTER) or 0
        return first, min(len(self._article.text) if self._article else 0, last + 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_position = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_position = self._press_position, None
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (point - pressed).manhattanLength() > 3 or self.textCursor().hasSelection():
            self._selection_timer.start()
            return
        position = self.character_position_at(point)
        offset = self.offset_at_position(position) if position is not None else None
        if offset is None:
            return
        under = [span[SPAN_ID] for span in self.highlights.at(offset)]
        if under:
            self.annotations_clicked.emit(under, self.viewport().mapToGlobal(point))

    # -- layout ----------------------------------------------------------------------------
    def _em_px(self) -> float:
        """Width of one Chinese character in the body font, in pixels."""
        return QFontMetricsF(self._body_font).horizontalAdvance("字")

    def _update_side_margins(self, force: bool = False) -> None:
        max_text_width = self._em_px() * MAX_LINE_EM
        spare = self.viewport().width() - max_text_width
        side = max(MIN_SIDE_MARGIN_PX, int(spare / 2))
        root = self._document.rootFrame()
        frame_format: QTextFrameFormat = root.frameFormat()
        if not force and frame_format.leftMargin() == side and frame_format.rightMargin() == side:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(MIN_SIDE_MARGIN_PX)
        frame_format.setBottomMargin(MIN_SIDE_MARGIN_PX)
        root.setFrameFormat(frame_format)
        self._forget_geometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_side_margins()
        self._forget_geometry()

    # -- finding the word under a point ----------------------------------------------------
    def character_position_at(self, point: QPoint) -> int | None:
        """Document position of the character drawn under viewport `point`, if any."""
        scrolled = QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        layout = self._document.documentLayout()
        position = layout.hitTest(scrolled, Qt.HitTestAccuracy.ExactHit)
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
        if scrolled.x() - block_x < line.cursorToX(relative)[0]:
            relative -= 1
        if relative < 0 or relative >= block.length() - 1:
            return None
        return block.position() + relative

    def token_at(self, point: QPoint) -> int | None:
        if self.tokens is None:
            return None
        position = self.character_position_at(point)
        if position is None:
            return None
        offset = self.offset_at_position(position)
        if offset is None:
            return None
        return self.tokens.index_at(offset)

    def token_rect(self, index: int) -> QRect:
        """The token's rectangle in viewport coordinates (its first line if it wraps)."""
        assert self.tokens is not None
        start, end = self.tokens.span(index)
        cursor = QTextCursor(self._document)
        cursor.setPosition(self.document_position(start))
        first = self.cursorRect(cursor)
        cursor.setPosition(self.document_position(end))
        last = self.cursorRect(cursor)
        if last.top() == first.top():
            return first.united(last)
        return first.adjusted(0, 0, int(self._em_px()), 0)

    def token_rect_global(self, index: int) -> QRect:
        rect = self.token_rect(index)
        return QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())

    # -- hover and word cursor -------------------------------------------------------------
    def _set_hovered(self, index: int | None) -> None:
        if index == self.hovered_token:
            return
        self.hovered_token = index
        self._update_extra_selections()
        if index is None:
            self.word_left.emit()
        else:
            self.word_hovered.emit(index, self.token_rect_global(index))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return  # selecting text: no card
        index = self.token_at(event.position().toPoint())
        if index is not None and self.tokens is not None and not self.tokens.is_chinese(index):
            index = None
        self._set_hovered(index)

    def leaveEvent(self, event: object) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def move_word_cursor(self, step: int) -> int | None:
        """Alt+Left/Right: mark the previous/next Chinese word and show its card."""
        if self.tokens is None:
            return None
        current = self.hovered_token
        if current is None:
            # Start from what the reader sees: the first word at the top of the view.
            top = self.offset_at_position(self.cursorForPosition(QPoint(0, 0)).position())
            if top is not None:
                current = self.tokens.index_at(top)
                if current is not None and self.tokens.is_chinese(current):
                    current -= step
        target = self.tokens.next_chinese(current, step)
        if target is None:
            return None
        cursor = QTextCursor(self._document)
        cursor.setPosition(self.document_position(self.tokens.span(target)[0]))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._set_hovered(target)
        return target

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_word_cursor(1 if event.key() == Qt.Key.Key_Right else -1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.hovered_token is not None:
            self._set_hovered(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.token_at(event.pos())
        if index is not None and self.tokens is not None and self.tokens.is_chinese(index):
            self.context_menu_requested.emit(index, event.globalPos())
            event.accept()
            return
        super().contextMenuEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _update_extra_selections(self) -> None:
        selections = []
        if self.hovered_token is not None and self.tokens is not None:
            start, end = self.tokens.span(self.hovered_token)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._document)
            cursor.setPosition(self.document_position(start))
            cursor.setPosition(self.document_position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            mark = QColor(self.palette().highlight().color())
            mark.setAlpha(45)
            selection.format.setBackground(mark)
            selections.append(selection)
        self.setExtraSelections(selections)

    def _announce_position(self) -> None:
        if self._article is None:
            return
        offset = self.offset_at_position(self.cursorForPosition(QPoint(0, 0)).position())
        if offset is not None:
            self.reading_position_changed.emit(offset)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        highlighted = self._article is not None and self.highlights.annotations
        if highlighted:
            placed = self.highlights.layout(self.visible_offsets(event.rect()), self.span_rects)
            dark = is_dark(self.palette().base().color())
            painter = QPainter(self.viewport())
            # Under the text: the fills, translucent so that overlaps show both colours.
            self.highlights_painted = self.highlights.paint_fills(
                painter, placed, dark_background=dark
            )
            painter.end()
        else:
            self.highlights_painted = []
        super().paintEvent(event)
        if highlighted:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.highlights.paint_marks(painter, placed, dark_background=dark)
            painter.end()
        if self.pinyin_above and self.readings is not None:
            self._paint_pinyin(event.rect())
        if not self._painted_once:
            self._painted_once = True
            QTimer.singleShot(0, self.first_painted.emit)

    def _block_pinyin(
        self, block: QTextBlock
    ) -> list[tuple[float, list[tuple[float, float, int]]]]:
        """Where each character of `block` gets its pinyin, line by line: (line top,
        [(x centre, cell width, offset)]), relative to the block; computed once per layout."""
        number = block.blockNumber()
        cached = self._pinyin_layout.get(number)
        if cached is not None:
            return cached
        placed: list[tuple[float, list[tuple[float, float, int]]]] = []
        start_offset = self.offset_at_position(block.position())
        spacing = self._letter_spacing
        if start_offset is not None:
            _, lines, _ = self._block_geometry(block)
            text = block.text()
            # Walk the characters: UTF-16 index within the block, and code-point offset.
            utf16, code_point = 0, start_offset
            for line in lines:
                cells: list[tuple[float, float, int]] = []
                while utf16 < line.end and code_point - start_offset < len(text):
                    char = text[code_point - start_offset]
                    width = 2 if ord(char) > 0xFFFF else 1
                    left = line.xs[utf16 - line.start]
                    right = line.xs[min(utf16 + width, line.end) - line.start]
                    # The letter spacing sits after the glyph: centre on the glyph itself.
                    cells.append(((left + right - spacing) / 2, right - left, code_point))
                    utf16 += width
                    code_point += 1
                placed.append((line.y, cells))
        self._pinyin_layout[number] = placed
        return placed

    def _paint_pinyin(self, area: QRect) -> None:
        readings = self.readings
        assert readings is not None
        per_char = readings.per_char
        layout = self._document.documentLayout()
        scroll_x = self.horizontalScrollBar().value()
        scroll_y = self.verticalScrollBar().value()
        painter = QPainter(self.viewport())
        painter.setFont(self._pinyin_font)
        dark = is_dark(self.palette().base().color())
        plain = self.palette().text().color()
        coloured = self.tone_colours == TONE_COLOURS_FIVE
        pens: dict[str, QColor] = {}  # last digit of the syllable (its tone) → colour

        def pen_for(syllable: str) -> QColor:
            tone = syllable[-1]
            colour = pens.get(tone)
            if colour is None:
                colour = (
                    tone_colour(syllable, dark_background=dark) if coloured else None
                ) or plain
                pens[tone] = colour
            return colour

        first_line_top = area.top() - self._pinyin_height
        last_line_top = area.bottom() + 2 * self._pinyin_height
        top_position = self.cursorForPosition(QPoint(0, max(0, area.top() - 40))).position()
        block = self._document.findBlock(max(top_position, self._body_start))
        painted: list[int] = []
        current_pen: QColor | None = None
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() - scroll_y > last_line_top:
                break
            left = rect.x() - scroll_x
            for line_top, cells in self._block_pinyin(block):
                top = rect.y() + line_top - scroll_y
                if not first_line_top <= top <= last_line_top:
                    continue
                baseline_top = top - self._pinyin_height
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
        # What the last paint drew (body offsets): tests check it covers the visible part
        # and only that.
        self.pinyin_painted = painted

    def _static_text(self, syllable: str) -> QStaticText:
        static = self._static_texts.get(syllable)
        if static is None:
            static = QStaticText(marked(syllable))
            static.prepare(font=self._pinyin_font)
            self._static_texts[syllable] = static
        return static
