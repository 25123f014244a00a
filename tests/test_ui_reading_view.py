"""ReadingView on its own: plain text only, the body_start mapping, layout for reading."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontMetricsF, QTextDocument

from reader.library.store import Article
from reader.ui.fonts import PREFERRED_CJK_FAMILIES, reading_font_family
from reader.ui.reading_view import MAX_LINE_EM, ReadingView


def make_article(text: str, title: str = "标题", byline: str = "作者") -> Article:
    return Article(7, 1, 0, title, byline, text, "file.txt")


def test_astral_characters_count_two_positions(qtbot: Any) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    body = "𠀀字\n第二段𠀁。"  # U+20000 and U+20001 are outside the BMP
    view.show_article(make_article(body))
    assert view.article_id == 7
    document = view.document()
    assert document.findBlock(view.body_start).text() == "𠀀字"
    # body offset 3 ("第") → body_start + UTF-16 length of body[:3] (𠀀 counts 2, "\n" 1)
    utf16_len = len(body[:3].encode("utf-16-le")) // 2
    second = document.findBlock(view.body_start + utf16_len)
    assert second.text() == "第二段𠀁。" and second.position() == view.body_start + utf16_len


def test_html_and_resources_are_never_interpreted(qtbot: Any) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    text = '<img src="file:///etc/passwd"> <a href="https://x">link</a> &lt;'
    view.show_article(make_article(text, title="<h1>T</h1>", byline="<i>b</i>"))
    assert view.toPlainText().splitlines() == ["<h1>T</h1>", "<i>b</i>", text]
    assert not any(f.isImageFormat() for f in view.document().allFormats())
    assert view.document().loadResource(QTextDocument.ResourceType.ImageResource, QUrl("x")) is None
    assert view.isReadOnly()


def test_article_without_byline_or_body(qtbot: Any) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_article(make_article("", byline=""))
    assert view.toPlainText() == "标题"
    assert view.body_start == len("标题")
    view.clear_article()
    assert view.article_id is None and view.toPlainText() == ""


def test_reading_font_and_line_width(qtbot: Any) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(1600, 600)
    view.show()
    view.show_article(make_article("字" * 500))
    family = reading_font_family()
    if family is not None:
        assert family in PREFERRED_CJK_FAMILIES
        assert view.document().defaultFont().family() == family
    assert view.document().defaultFont().pointSizeF() >= 14
    document = view.document()
    side = document.rootFrame().frameFormat().leftMargin()
    line_width = document.textWidth() - 2 * side - 2 * document.documentMargin()
    em = QFontMetricsF(document.defaultFont()).horizontalAdvance("字")
    assert side > 24  # a wide window gets margins, not 70-character lines
    assert line_width <= em * MAX_LINE_EM + 1
