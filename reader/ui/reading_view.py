"""The reading pane: one article as plain text, laid out for reading Chinese.

Imported text is never interpreted: it goes in through `QTextCursor.insertText`, and the
document refuses to load any resource, so `<img src=…>` or `&amp;` in a file stay characters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.library.store import Article
from reader.ui.fonts import reading_font_family

BODY_POINT_SIZE = 15.0
TITLE_SCALE = 1.45
BYLINE_SCALE = 0.85
LINE_HEIGHT_PERCENT = 130  # of the font's own line height, which CJK fonts make tall
PARAGRAPH_GAP_EM = 0.8
# A line of about 36 Chinese characters: longer lines are hard to track back to the start.
MAX_LINE_EM = 36
MIN_SIDE_MARGIN_PX = 24


class PlainTextDocument(QTextDocument):
    """A document that never fetches anything: imported text cannot make it load files."""

    def loadResource(self, type: int, name: QUrl) -> object:  # Qt's parameter names
        return None


class ReadingView(QTextEdit):
    """Read-only view of one article: title, byline, then the body's paragraphs.

    Offsets: the body is `Article.text`, paragraphs joined by "\\n". Each paragraph is one
    text block, and a block boundary is one document position, just like the "\\n" it
    replaces. So body offset `k` sits at document position
    `body_start + (UTF-16 length of text[:k])`: Qt positions count UTF-16 units, and a
    character outside the BMP counts 2. The conversion belongs in one shared converter,
    not here; this view only records `body_start`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        # Dropped files go to the window, which imports them; text is never dropped in here.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._document = PlainTextDocument(self)
        self._document.setUndoRedoEnabled(False)
        self.setDocument(self._document)
        self._article_id: int | None = None
        self._body_start = 0

        family = reading_font_family()
        body_font = QFont(family) if family else QFont(self.font())
        body_font.setPointSizeF(BODY_POINT_SIZE)
        self._document.setDefaultFont(body_font)
        self._body_font = body_font

    # -- what later features map against --------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return self._article_id

    @property
    def body_start(self) -> int:
        """Document position of the first character of the body (see the class docstring)."""
        return self._body_start

    # -- showing ---------------------------------------------------------------------------
    def show_article(self, article: Article) -> None:
        document = self._document
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()

        em = self._em_px()
        heading = QTextBlockFormat()
        heading.setBottomMargin(em * 0.4)
        heading.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        title_format = QTextCharFormat()
        title_format.setFontPointSize(BODY_POINT_SIZE * TITLE_SCALE)
        title_format.setFontWeight(QFont.Weight.Bold)
        cursor.setBlockFormat(heading)
        cursor.setBlockCharFormat(title_format)
        cursor.insertText(article.title, title_format)

        if article.byline:
            byline_block = QTextBlockFormat()
            byline_block.setBottomMargin(em * 0.6)
            byline_format = QTextCharFormat()
            byline_format.setFontPointSize(BODY_POINT_SIZE * BYLINE_SCALE)
            byline_format.setForeground(QColor(110, 110, 110))
            cursor.insertBlock(byline_block, byline_format)
            cursor.insertText(article.byline, byline_format)

        paragraph = QTextBlockFormat()
        paragraph.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        paragraph.setBottomMargin(em * PARAGRAPH_GAP_EM)
        paragraph.setTopMargin(0)
        paragraph.setTextIndent(em * 2)  # the customary two-character indent
        body_format = QTextCharFormat()
        body_format.setFontPointSize(BODY_POINT_SIZE)
        for index, text in enumerate(article.paragraphs):
            cursor.insertBlock(paragraph, body_format)
            if index == 0:
                self._body_start = cursor.position()
            cursor.insertText(text, body_format)
        if not article.paragraphs:
            self._body_start = document.characterCount() - 1

        cursor.endEditBlock()
        self._update_side_margins()  # clear() reset the root frame's margins
        self._article_id = article.id
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def clear_article(self) -> None:
        self._document.clear()
        self._update_side_margins()
        self._article_id = None
        self._body_start = 0

    # -- layout ----------------------------------------------------------------------------
    def _em_px(self) -> float:
        """Width of one Chinese character in the body font, in pixels."""
        return QFontMetricsF(self._body_font).horizontalAdvance("字")

    def _update_side_margins(self) -> None:
        max_text_width = self._em_px() * MAX_LINE_EM
        spare = self.viewport().width() - max_text_width
        side = max(MIN_SIDE_MARGIN_PX, int(spare / 2))
        root = self._document.rootFrame()
        frame_format: QTextFrameFormat = root.frameFormat()
        if frame_format.leftMargin() == side and frame_format.rightMargin() == side:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(MIN_SIDE_MARGIN_PX)
        frame_format.setBottomMargin(MIN_SIDE_MARGIN_PX)
        root.setFrameFormat(frame_format)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_side_margins()
