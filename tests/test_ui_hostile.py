"""Imported text is shown as text everywhere: no markup is interpreted, no resource loaded,
no link followed — in the reading view, the article list, the window title, the dock and the
hover card."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reader.library.store import Library, NewArticle, NewSource

HOSTILE = '<img src=x> <a href="file:///etc/passwd">link</a> <script>alert(1)</script> &amp; 银行'
TITLE = "<b>粗体</b> &amp; <i>标题</i>"
BYLINE = "<a href='x'>记者</a>"


def test_markup_in_imported_text_stays_characters(
    tmp_path: Any, ui_settings: Any, qtbot: Any
) -> None:
    from reader.ui.application import create_main_window

    library = Library.open(tmp_path / "lib.sqlite3")
    [article_id] = library.add_source(
        NewSource.whole("x.txt", "UTF-8", "h" * 64, 1, HOSTILE, [HOSTILE]),
        [NewArticle(TITLE, False, BYLINE, HOSTILE, 0, 1, [len(HOSTILE) - 2, len(HOSTILE)])],
    )
    window = create_main_window(library, ui_settings)
    qtbot.addWidget(window)
    window.show()
    view = window.reading_view
    assert view.toPlainText().splitlines() == [TITLE, BYLINE, HOSTILE]
    document = view.document()
    assert not any(
        f.isImageFormat() or (f.isCharFormat() and f.toCharFormat().isAnchor())
        for f in document.allFormats()
    )
    assert window.windowTitle().endswith(TITLE)
    model = window.article_list.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == TITLE

    annotation = window.service.create_annotation(article_id, 0, 11, "yellow", "<b>x</b>")
    window.highlights.select_annotation(annotation.id)
    dock = window.annotation_dock
    assert dock.quote_label.textFormat() == Qt.TextFormat.PlainText
    assert dock.quote_label.text() == "<img src=x>"
    assert dock.comment_editor.toPlainText() == "<b>x</b>"
    # Every label in the window that can show imported text is plain text.
    for label in window.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    window.close()
    window.pinyin.shutdown()
    window.service.shutdown()
    library.close()
