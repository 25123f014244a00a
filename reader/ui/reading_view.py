"""The reading pane: one article as plain text, laid out for reading Chinese, with the word
under the pointer (or the keyboard's word cursor) marked and announced, highlights painted
under the text and pinyin above it when the reader asks for it.

`ReadingView` is the QTextEdit that composes parts of one job each: `ArticleDocument` (the
document, body offsets ↔ Qt positions through `Utf16Map`), `LineGeometry` (laid-out lines,
cached per layout), `HighlightLayer`, `PinyinPainter`, `WordCursor`, `SelectionTracker`
(the selection as offsets, clicks on highlights), `Zoom`, `HighlightFlash` (going to a
highlight) and `reading_layers` (what is painted under and over the text, in order).
The view keeps the public API and the signals; it only asks, the window's controllers act.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from reader.library.store import Article
from reader.text.offsets import Snap
from reader.text.script_conversion import ScriptChoice
from reader.text.tokens import ArticleReadings, TokenIndex
from reader.ui.find_layer import FindLayer
from reader.ui.fonts import reading_font_family
from reader.ui.highlight_flash import HighlightFlash
from reader.ui.highlights import HighlightLayer
from reader.ui.pinyin_painter import PinyinPainter
from reader.ui.reading_document import MAX_LINE_EM, ArticleDocument, TextStyle
from reader.ui.reading_geometry import LineGeometry
from reader.ui.reading_layers import paint_over_text, paint_under_text
from reader.ui.reading_selection import SelectionTracker
from reader.ui.reading_style import ReadingStyle
from reader.ui.reading_zoom import Zoom
from reader.ui.tones import TONE_COLOURS_FIVE
from reader.ui.word_cursor import WordCursor
from reader.ui.word_status_layer import WordStatusLayer

__all__ = ["MAX_LINE_EM", "ReadingView"]


class ReadingView(QTextEdit):
    """Read-only view of one article: title, byline, then the body's paragraphs."""

    word_hovered = Signal(int, QRect)  # token index, the word's rectangle (global)
    word_left = Signal()  # no word under the pointer or word cursor any more
    # The marked word was let go: the text scrolled, zoomed or was laid out anew, or the
    # window lost focus. Its card goes at once (not after `word_left`'s grace period).
    word_released = Signal()
    context_menu_requested = Signal(int, QPoint)  # token index, global position
    zoom_step_requested = Signal(int)  # +1 / -1 (Ctrl + wheel)
    reading_position_changed = Signal(int)  # code-point offset at the top of the view
    first_painted = Signal()
    text_selected = Signal(int, int, QRect)  # body offsets [start, end), selection end (global)
    selection_cleared = Signal()
    annotations_clicked = Signal(list, QPoint)  # ids of the highlights under a click
    # A paint reaches below the highlights read so far (`HighlightLayer.complete_before`):
    # whoever set them is to set them all, at once.
    highlights_wanted = Signal()
    word_status_requested = Signal(int, str)  # token index, status (1–4/K/I/0/N on a word)
    fonts_applied = Signal()  # zoom or reading style: the body font changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        # Dropped files go to the window (its import controller); text is never dropped here.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.viewport().setMouseTracking(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._document = ArticleDocument(self)
        self.setDocument(self._document)
        self.tokens: TokenIndex | None = None
        self.readings: ArticleReadings | None = None
        self._painted_once = False

        self.pinyin_above = False
        self.spoken_tones = False  # 一 and 不 as said (View ▸ Spoken tones), not as written
        self.tone_colours = TONE_COLOURS_FIVE
        self._geometry = LineGeometry(self._document)
        self._pinyin = PinyinPainter(self._document, self._geometry)
        self._zoom = Zoom(reading_font_family())
        self._apply_fonts()
        self.verticalScrollBar().valueChanged.connect(self._announce_position)

        self.highlights = HighlightLayer()
        self.highlights_painted: list[str] = []
        self.word_statuses = WordStatusLayer()  # its controller sets mode and statuses
        self._flash = HighlightFlash(self)
        self.find_layer = FindLayer()  # the find bar's hits, drawn over the text

        # The parts' signals are passed on through Python slots, never signal-to-signal:
        # PySide6 has crashed forwarding Python-object arguments from one signal to another.
        self._word_cursor = WordCursor(self)
        self._word_cursor.entered.connect(lambda token, rect: self.word_hovered.emit(token, rect))
        self._word_cursor.left.connect(lambda: self.word_left.emit())
        self._word_cursor.released.connect(lambda: self.word_released.emit())
        self._selection = SelectionTracker(self)
        self._selection.settled.connect(
            lambda start, end, rect: self.text_selected.emit(start, end, rect)
        )
        self._selection.cleared.connect(lambda: self.selection_cleared.emit())
        self._selection.highlights_clicked.connect(
            lambda ids, point: self.annotations_clicked.emit(ids, point)
        )

    # -- what other code maps against -----------------------------------------------------
    @property
    def article_id(self) -> int | None:
        article = self._document.article
        return article.id if article is not None else None

    @property
    def article(self) -> Article | None:
        """The article as shown (to tell whether the library's copy has changed since)."""
        return self._document.article

    @property
    def body_start(self) -> int:
        """Document position of the first character of the body (see reading_document)."""
        return self._document.body_start

    @property
    def zoom_step(self) -> int:
        return self._zoom.step

    @property
    def hovered_token(self) -> int | None:
        """The token marked by the pointer or the word cursor."""
        return self._word_cursor.hovered

    @property
    def pinyin_font(self) -> QFont:
        """The font the pinyin above the text is painted in (it follows the zoom)."""
        return self._zoom.pinyin_font

    @property
    def pinyin_painted(self) -> list[int]:
        """Body offsets whose syllable the last paint drew."""
        return self._pinyin.painted

    def document_position(self, offset: int) -> int:
        """Document position of body code-point offset `offset`."""
        return self._document.document_position(offset)

    def offset_at_position(self, position: int, snap: Snap = Snap.BEFORE) -> int | None:
        """Body code-point offset of document position `position` (None in title/byline)."""
        return self._document.offset_at_position(position, snap)

    def em_px(self) -> float:
        """Width of one Chinese character in the body font, in pixels."""
        return self._zoom.em_px()

    # -- showing ---------------------------------------------------------------------------
    def show_article(
        self,
        article: Article,
        tokens: TokenIndex | None = None,
        readings: ArticleReadings | None = None,
    ) -> None:
        self.tokens = tokens
        self.readings = readings
        self._word_cursor.reset()
        self.highlights = HighlightLayer()
        self._render(article)
        self.setTextCursor(QTextCursor(self._document))  # at the start, without a layout pass
        self.verticalScrollBar().setValue(0)

    def set_script(self, script: ScriptChoice) -> None:  # simplified/traditional display
        if self._document.set_script(script):
            self._rerender_keeping_place()

    def clear_article(self) -> None:
        self.tokens = None
        self.readings = None
        self._word_cursor.reset()
        self._document.clear_article(self.viewport().width(), self.em_px())
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
        if shown != self.pinyin_above:
            self.pinyin_above = shown
            self._rerender_keeping_place()

    def set_tone_colours(self, scheme: str) -> None:
        self.tone_colours = scheme
        self.viewport().update()

    def set_spoken_tones(self, spoken: bool) -> None:
        self.spoken_tones = spoken
        self.viewport().update()

    def set_zoom_step(self, step: int) -> None:
        step = Zoom.clamp(step)
        if step != self._zoom.step:
            self._zoom.step = step
            self._apply_fonts()
            self._rerender_keeping_place()

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Preferences: font, size, line spacing, page width, pinyin size; laid out anew."""
        style.apply_to(self._zoom, self._document)
        self._apply_fonts()
        self._rerender_keeping_place()

    def _apply_fonts(self) -> None:
        self._zoom.apply(self.font())
        self._document.setDefaultFont(self._zoom.body_font)
        self._pinyin.set_font(self._zoom.pinyin_font)
        self.fonts_applied.emit()

    def _rerender_keeping_place(self) -> None:
        article = self._document.article
        if article is None:
            return
        top = self.cursorForPosition(QPoint(0, 0)).position()
        self._render(article)
        cursor = QTextCursor(self._document)
        cursor.setPosition(min(top, self._document.characterCount() - 1))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top())

    def _render(self, article: Article) -> None:
        style = TextStyle(
            point_size=self._zoom.point_size,
            em=self.em_px(),
            # The app's palette: widgets hear of a new theme only through posted events.
            byline_brush=QApplication.palette(self).placeholderText(),
            pinyin_room=self._pinyin.room if self.pinyin_above else None,
            families=self._zoom.families,
        )
        self._document.show_article(article, style, self.viewport().width())
        self._forget_geometry()
        self._word_cursor.release()

    def _forget_geometry(self) -> None:
        """The layout changed (text, width, fonts, line spacing): positions must be asked again."""
        self._geometry.forget()
        self._pinyin.forget()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # QTextEdit gave the document the widget's new font: the reading font comes back.
            self._apply_fonts()
            self._rerender_keeping_place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._document.fit_width(self.viewport().width(), self.em_px())
        self._forget_geometry()  # a new width wraps lines anew, margins changed or not
        if event.oldSize().width() != event.size().width():
            self._word_cursor.release()  # (a dock shown): the word moved from under the card

    # -- highlights ------------------------------------------------------------------------
    def set_annotations(self, annotations: list, complete_before: int | None = None) -> None:
        """The article's highlights as the store's spans (placed ones: an orphan has no
        place); with `complete_before`, those starting before it, the rest to follow."""
        selected = self.highlights.selected_id
        self.highlights.set_annotations(annotations, complete_before)
        self.highlights.selected_id = selected if self.highlights.find(selected or "") else None
        self.viewport().update()

    def select_annotation(self, annotation_id: str | None) -> None:
        self.highlights.selected_id = annotation_id
        self.viewport().update()

    def reveal_annotation(self, annotation_id: str) -> bool:
        """Scroll the highlight into view and flash it."""
        return self._flash.reveal(annotation_id)

    def _scroll(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering body offsets [start, end), one per line."""
        return self._geometry.span_rects(start, end, self._scroll())

    def spans_rects(self, spans: list[tuple[int, int]]) -> list[list[QRectF]]:
        """`span_rects` of each of `spans` (in text order, for speed)."""
        return self._geometry.spans_rects(spans, self._scroll())

    def visible_offsets(self, area: QRect | None = None) -> tuple[int, int]:
        """Body offsets [first, last) drawn in viewport `area` (default: all of it)."""
        area = area or self.viewport().rect()
        top = self.cursorForPosition(QPoint(0, area.top())).position()
        bottom = self.cursorForPosition(QPoint(area.width(), area.bottom())).position()
        return self._document.offsets_between(top, bottom)

    # -- the selection -----------------------------------------------------------------------
    def current_selection(self) -> tuple[int, int] | None:
        """The selected body text as code-point offsets, snapped outwards to whole
        characters (never half a surrogate pair) and clipped to the body."""
        return self._selection.current()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._selection.pressed(event)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)  # first: Qt settles the selection
        if event.button() == Qt.MouseButton.LeftButton:
            self._word_cursor.clicked()
        self._selection.released(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._selection.double_clicked(event):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # -- the word under a point, hover and word cursor ---------------------------------------
    def character_position_at(self, point: QPoint) -> int | None:
        """Document position of the character drawn under viewport `point`, if any."""
        return self._geometry.character_at(QPointF(point) + self._scroll())

    def token_at(self, point: QPoint) -> int | None:
        return self._word_cursor.token_at(point)

    def token_rect(self, index: int) -> QRect:
        """The token's rectangle in viewport coordinates (its first line if it wraps)."""
        return self._word_cursor.token_rect(index)

    def token_rect_global(self, index: int) -> QRect:
        return self._word_cursor.token_rect_global(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._word_cursor.pointer_moved(event)

    def leaveEvent(self, event: object) -> None:
        self._word_cursor.set_hovered(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._word_cursor.key_pressed(event):  # word cursor, Escape, status keys
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self._word_cursor.chinese_token_at(event.pos())
        if index is not None:
            self._word_cursor.release()  # the menu is about the word: no card over it
            self.context_menu_requested.emit(index, event.globalPos())
            event.accept()
            return
        super().contextMenuEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = Zoom.wheel_step(event)
        if step is not None:
            self.zoom_step_requested.emit(step)  # the window zooms and remembers the step
            event.accept()
            return
        super().wheelEvent(event)

    def _announce_position(self) -> None:
        if self._document.article is None:
            return
        offset = self.offset_at_position(self.cursorForPosition(QPoint(0, 0)).position())
        if offset is not None:
            self.reading_position_changed.emit(offset)

    # -- painting: statuses and highlight fills, the text, marks, find hits, pinyin ----------
    def paintEvent(self, event: QPaintEvent) -> None:
        under = paint_under_text(self, event)
        super().paintEvent(event)
        paint_over_text(self, event, under)
        if not self._painted_once:
            self._painted_once = True
            QTimer.singleShot(0, self.first_painted.emit)

    def paint_pinyin(self, area: QRect) -> None:
        """Pinyin above the characters in viewport `area` (reading_layers calls it last)."""
        assert self.readings is not None
        self._pinyin.paint(self, area, self.readings, self.tone_colours, self.spoken_tones)
