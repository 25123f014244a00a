"""The document the reading view shows: one article as plain text (title, byline, then the
body's paragraphs), laid out for reading Chinese, and the mapping between the body's
code-point offsets and Qt's document positions.

Imported text is never interpreted: it goes in through `QTextCursor.insertText`, and the
document refuses to load any resource, so `<img src=…>` or `&amp;` in a file stay characters.

Offsets: the body is `Article.text`, paragraphs joined by "\\n". Each paragraph is one text
block and a block boundary is one document position, like the "\\n" it replaces. So body
offset `k` (code points) sits at document position `body_start + utf16(k)`. Every conversion
goes through `reader.text.offsets.ShownTextMap` (`document_position`, `offset_at_position`); no
other code of the reading view counts UTF-16 units.

Script: the document may show the article converted to simplified or traditional
characters (`script`, `script_for`). Only the display changes: the map then goes from stored
offsets through the conversion's position map to the shown text's positions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import (
    QBrush,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)

from reader.library.store import Article
from reader.text.offsets import ShownTextMap, Snap
from reader.text.script_conversion import ScriptChoice, ShownText, convert, shown_text

TITLE_SCALE = 1.45
BYLINE_SCALE = 0.85
# In pinyin-above mode characters move apart, so that a syllable as wide as "zhuàng" fits
# over its character; wider ones are squeezed, never overlapped. With the pinyin at 55 % of
# the characters' size, 0.8 em leaves 9 of CEDICT's 1,322 marked syllables (shuāng,
# zhuàng…) to squeeze, by at most an eighth.
PINYIN_LETTER_SPACING_EM = 0.8
LINE_HEIGHT_PERCENT = 130  # of the font's own line height, which CJK fonts make tall
PARAGRAPH_GAP_EM = 0.8
# A line of about 36 Chinese characters: longer lines are hard to track back to the start.
MAX_LINE_EM = 36
MIN_SIDE_MARGIN_PX = 24


class TextStyle(NamedTuple):
    """What the layout depends on besides the article."""

    point_size: float  # of the body font
    em: float  # width of one Chinese character in the body font, pixels
    byline_brush: QBrush  # the palette's placeholder text: the byline is secondary
    pinyin_room: float | None  # pixels kept above every line for pinyin; None: no pinyin
    # The reading font's family, set on every format so that the text keeps it whatever
    # happens to the widget's font (a style or system font change); None: the widget's font.
    families: list[str] | None = None


class ArticleDocument(QTextDocument):
    """One article as a document that never fetches anything, and where its body lies."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.article: Article | None = None
        self.body_start = 0  # document position of the body's first character
        # The letter spacing the body was built with (pinyin-above mode): the pinyin painter
        # centres each syllable on the glyph, not on the glyph and the space after it.
        self.letter_spacing = 0.0
        # Preferences ▸ line spacing and page width; the next layout uses them.
        self.line_height_percent = LINE_HEIGHT_PERCENT
        self.max_line_em = MAX_LINE_EM
        self._offsets = ShownTextMap("")
        # The script to show an article in, asked on every new article (per-article choice).
        self.script_for: Callable[[int], ScriptChoice] = _as_written
        self.script = ScriptChoice.AS_WRITTEN  # the shown article's
        self.shown: ShownText | None = None  # the body as shown; None: as written

    def loadResource(self, type: int, name: QUrl) -> object:  # Qt's parameter names
        return None

    # -- body offsets ↔ document positions ---------------------------------------------------
    def document_position(self, offset: int) -> int:
        """Document position of body code-point offset `offset`."""
        return self.body_start + self._offsets.to_utf16(offset)

    def offset_at_position(self, position: int, snap: Snap = Snap.BEFORE) -> int | None:
        """Body code-point offset of document position `position` (None in title/byline)."""
        if self.article is None or position < self.body_start:
            return None
        offset = self._offsets.to_code_point(position - self.body_start, snap)
        return offset if offset <= len(self.article.text) else None

    def offsets_between(self, top: int, bottom: int) -> tuple[int, int]:
        """Body offsets [first, last) of the text from document position `top` to `bottom`
        (a view's visible area; a title or byline in it counts as the body's start)."""
        first = self.offset_at_position(max(top, self.body_start)) or 0
        last = self.offset_at_position(max(bottom, self.body_start), Snap.AFTER) or 0
        return first, min(len(self.article.text) if self.article else 0, last + 1)

    # -- building ------------------------------------------------------------------------------
    def show_article(self, article: Article, style: TextStyle, viewport_width: int) -> None:
        """Replace the content with `article`, laid out in `style`."""
        if article is not self.article:  # laid out anew (zoom, pinyin): the same offsets
            self.script = self.script_for(article.id)
            self._convert(article)
        self.article = article
        self.clear()
        # clear() reset the root frame's margins: set them before the text goes in, so the
        # document is laid out once, not twice.
        self.fit_width(viewport_width, style.em, force=True)
        self._build(article, style)

    def set_script(self, script: ScriptChoice) -> bool:
        """Show the article in `script` from the next layout; whether that changes anything."""
        if script is self.script:
            return False
        self.script = script
        if self.article is not None:
            self._convert(self.article)
        return True

    def shown_form(self, start: int, end: int) -> str | None:
        """Stored text [start, end) as shown, when the display is converted; else None."""
        return self.shown.shown_slice(start, end) if self.shown is not None else None

    def _convert(self, article: Article) -> None:
        converted = self.script is not ScriptChoice.AS_WRITTEN
        self.shown = shown_text(article.text, self.script) if converted else None
        self._offsets = ShownTextMap(article.text, self.shown)

    def clear_article(self, viewport_width: int, em: float) -> None:
        self.article = None
        self.shown = None
        self._offsets = ShownTextMap("")
        self.clear()
        self.fit_width(viewport_width, em, force=True)
        self.body_start = 0

    def fit_width(self, viewport_width: int, em: float, *, force: bool = False) -> bool:
        """Side margins that keep lines to about MAX_LINE_EM characters in a wide view.
        Returns whether the margins changed (then the layout did too)."""
        spare = viewport_width - em * self.max_line_em
        side = max(MIN_SIDE_MARGIN_PX, int(spare / 2))
        root = self.rootFrame()
        frame_format: QTextFrameFormat = root.frameFormat()
        if not force and frame_format.leftMargin() == side and frame_format.rightMargin() == side:
            return False
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(MIN_SIDE_MARGIN_PX)
        frame_format.setBottomMargin(MIN_SIDE_MARGIN_PX)
        root.setFrameFormat(frame_format)
        return True

    def _build(self, article: Article, style: TextStyle) -> None:
        size, em = style.point_size, style.em
        cursor = QTextCursor(self)
        cursor.beginEditBlock()

        # A title cut from the first sentence is not printed above that very sentence.
        fresh = article.title_is_derived  # the document's first block is still empty
        if not article.title_is_derived:
            heading = QTextBlockFormat()
            heading.setBottomMargin(em * 0.4)
            heading.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            title_format = QTextCharFormat()
            title_format.setFontPointSize(size * TITLE_SCALE)
            title_format.setFontWeight(QFont.Weight.Bold)
            if style.families:
                title_format.setFontFamilies(style.families)
            cursor.setBlockFormat(heading)
            cursor.setBlockCharFormat(title_format)
            cursor.insertText(convert(article.title, self.script), title_format)

        if article.byline:
            byline_block = QTextBlockFormat()
            byline_block.setBottomMargin(em * 0.6)
            byline_format = QTextCharFormat()
            byline_format.setFontPointSize(size * BYLINE_SCALE)
            byline_format.setForeground(style.byline_brush)
            if style.families:
                byline_format.setFontFamilies(style.families)
            _next_block(cursor, byline_block, byline_format, fresh)
            fresh = False
            cursor.insertText(convert(article.byline, self.script), byline_format)

        paragraph = QTextBlockFormat()
        room = style.pinyin_room
        if room is not None:
            # Room above every line for its pinyin: a fixed gap between lines, and as much
            # above each paragraph's first line.
            paragraph.setLineHeight(room, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
            paragraph.setTopMargin(room)
        else:
            paragraph.setLineHeight(
                self.line_height_percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            paragraph.setTopMargin(0)
        paragraph.setBottomMargin(em * PARAGRAPH_GAP_EM)
        paragraph.setTextIndent(em * 2)  # the customary two-character indent
        body_format = QTextCharFormat()
        body_format.setFontPointSize(size)
        if style.families:
            body_format.setFontFamilies(style.families)
        self.letter_spacing = em * PINYIN_LETTER_SPACING_EM if room is not None else 0.0
        if room is not None:
            body_format.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            body_format.setFontLetterSpacing(self.letter_spacing)
        paragraphs = self.shown.shown.split("\n") if self.shown is not None else article.paragraphs
        for index, text in enumerate(paragraphs if article.text else []):
            _next_block(cursor, paragraph, body_format, fresh and index == 0)
            if index == 0:
                self.body_start = cursor.position()
            cursor.insertText(text, body_format)
        if not article.text:
            self.body_start = self.characterCount() - 1

        cursor.endEditBlock()


def _as_written(_article_id: int) -> ScriptChoice:
    return ScriptChoice.AS_WRITTEN


def _next_block(
    cursor: QTextCursor, block: QTextBlockFormat, char_format: QTextCharFormat, fresh: bool
) -> None:
    """Start a block in these formats: the document's first (still empty) block when
    `fresh`, else a new one after the cursor."""
    if fresh:
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(char_format)
        cursor.setCharFormat(char_format)
    else:
        cursor.insertBlock(block, char_format)
