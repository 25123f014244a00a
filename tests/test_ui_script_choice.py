"""View ▸ Script (issue 16 §4): the display converted, the stored text and offsets not."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextCursor

from reader.text.script_conversion import ScriptChoice
from reader.text.word_info import WordInfo
from reader.ui.script_controller import with_shown_form
from reader.ui.word_card import WordCard

pytest.importorskip("opencc")

TRADITIONAL_PAGE = "後來\n他在皇后那裏幹活，頭髮白了。乾隆年間發展很快。\n"


def _open_traditional_page(imported_library: Any, shown_window: Any) -> Any:
    library = imported_library(TRADITIONAL_PAGE)
    window = shown_window(library)
    article_id = window.service.articles()[0].id
    window.reading.show_article(article_id)
    return window


def test_a_highlight_made_in_the_simplified_view_lands_on_the_written_characters(
    imported_library: Any, shown_window: Any
) -> None:
    window = _open_traditional_page(imported_library, shown_window)
    view = window.reading_view
    stored = view.article.text
    assert "頭髮" in stored
    window.script_choice.set_article_choice(ScriptChoice.SIMPLIFIED)
    shown = view.toPlainText()
    assert "头发" in shown and "頭髮" not in shown and "乾隆" in shown and "皇后" in shown
    assert view.article.text == stored  # only the display changed
    # Select 头发 in the document as the reader would, by document positions.
    document_text = view.document().toPlainText()
    where = document_text.index("头发")
    cursor = QTextCursor(view.document())
    cursor.setPosition(where)
    cursor.setPosition(where + 2, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    annotation_id = window.highlights.highlight_selection("yellow")
    assert annotation_id is not None
    annotation = window.service.annotation(annotation_id)
    assert stored[annotation.start : annotation.end] == "頭髮"
    # And back: the stored offsets land on 头发 in the shown document.
    start = view.document_position(annotation.start)
    assert document_text[start : view.document_position(annotation.end)] == "头发"


def test_the_choice_is_per_article_with_a_default(
    imported_library: Any, shown_window: Any, tmp_path: Any
) -> None:
    window = _open_traditional_page(imported_library, shown_window)
    controller = window.script_choice
    article_id = window.reading_view.article_id
    controller.set_article_choice(ScriptChoice.SIMPLIFIED)
    assert controller.choice_for(article_id) is ScriptChoice.SIMPLIFIED
    assert controller.choice_for(article_id + 1000) is ScriptChoice.AS_WRITTEN
    controller.default_actions[ScriptChoice.TRADITIONAL].trigger()
    assert controller.choice_for(article_id + 1000) is ScriptChoice.TRADITIONAL
    assert controller.choice_for(article_id) is ScriptChoice.SIMPLIFIED  # its own stays
    controller.article_actions[ScriptChoice.AS_WRITTEN].trigger()
    assert "頭髮" in window.reading_view.toPlainText()
    # Showing the article again asks for its choice.
    controller.set_article_choice(ScriptChoice.SIMPLIFIED)
    window.reading_view.clear_article()
    window.reading.show_article(article_id)
    assert "头发" in window.reading_view.toPlainText()


def test_the_card_shows_both_forms(imported_library: Any, shown_window: Any, qtbot: Any) -> None:
    window = _open_traditional_page(imported_library, shown_window)
    view = window.reading_view
    window.script_choice.set_article_choice(ScriptChoice.SIMPLIFIED)
    start = view.article.text.index("頭髮")
    info = WordInfo(view.article_id, 0, start, start + 2, "頭髮", None, False)
    shown_info = with_shown_form(info, view.document())
    assert shown_info.shown_word == "头发" and shown_info.script == "simplified"
    card = WordCard()
    qtbot.addWidget(card)
    card.set_info(shown_info)
    assert "头发" in card.word_label.text() and "頭髮" in card.word_label.text()
    # As written: only the word, once.
    window.script_choice.set_article_choice(ScriptChoice.AS_WRITTEN)
    card.set_info(with_shown_form(info, view.document()))
    assert card.word_label.text() == "頭髮"


def test_the_view_menu_has_the_script_submenu(ui_window: Any) -> None:
    titles = [
        action.text()
        for menu_action in ui_window.menuBar().actions()
        if menu_action.menu() is not None
        for action in menu_action.menu().actions()
    ]
    assert "&Script" in titles
