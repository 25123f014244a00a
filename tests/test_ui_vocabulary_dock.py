"""Issue 14's card and dock, and issue 15's lookup, with real widgets: the card's status
buttons take the keys' undoable path and show HSK levels; the Vocabulary dock lists,
filters, sorts, keeps notes and goes to the sentence; the Dictionary tab shows HSK levels,
tone colours and how many articles hold the word, and opens the first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt

from reader.learning import statuses as st
from reader.learning.statuses import status_of
from reader.library.store import Library, NewArticle, NewSource
from reader.text.segment import segment_ends
from reader.ui import vocabulary_dock as vd

# Samples written for these tests.
LEFT = Qt.MouseButton.LeftButton
BANK = "我在银行工作。银行的行长很忙，他有3个孩子。"
SCHOOL = "孩子们在学校学习汉语。老师说银行下午关门。"


@pytest.fixture
def window(shown_window: Any, qtbot: Any) -> Any:
    library = Library.in_memory()
    raw = BANK + "\n" + SCHOOL
    library.add_source(
        NewSource.whole("bank.txt", "utf-8", "c" * 64, len(raw), raw, [BANK, SCHOOL]),
        [
            NewArticle("银行", False, "", BANK, 0, 1, segment_ends(BANK)),
            NewArticle("学校", False, "", SCHOOL, 1, 2, segment_ends(SCHOOL)),
        ],
    )
    window = shown_window(library)
    qtbot.waitUntil(lambda: window.reading_view.tokens is not None, timeout=5000)
    return window


def show_card_for(window: Any, word: str) -> Any:
    view = window.reading_view
    index = next(i for i in range(len(view.tokens)) if view.tokens.word(i) == word)
    view._word_cursor.set_hovered(index)
    window.cards.on_word_hovered(index, QRect(100, 100, 20, 20))
    return window.cards.card


def checked(card: Any) -> list[str]:
    return [status for status, button in card.status_buttons.items() if button.isChecked()]


def test_card_buttons_set_the_status_everywhere_and_undo(window: Any, qtbot: Any) -> None:
    library = window.service.library
    card = show_card_for(window, "银行")
    assert card.hsk_label.text() == "HSK 3.0: 2 · HSK 2.0: 3"
    assert checked(card) == ["new"]
    qtbot.mouseClick(card.status_buttons["learning2"], LEFT)
    assert status_of(library, "银行") == "learning2"
    assert checked(card) == ["learning2"]
    qtbot.mouseClick(card.status_buttons["known"], LEFT)
    assert status_of(library, "银行") == "known"
    assert window.reading_view.word_statuses.statuses["银行"] == "known"
    window.service.undo_stack.undo()
    assert status_of(library, "银行") == "learning2"
    assert checked(card) == ["learning2"]  # the card follows the undo
    window.service.undo_stack.undo()
    assert status_of(library, "银行") == "new" and checked(card) == ["new"]

    card = show_card_for(window, "行长")
    assert card.hsk_label.text() == "Not on the HSK lists"
    qtbot.mouseClick(card.status_buttons["ignored"], LEFT)
    assert status_of(library, "行长") == "ignored"
    card = show_card_for(window, "3")  # a number is no word: no status, no buttons
    assert card.info.status is None
    assert not any(button.isVisible() for button in card.status_buttons.values())


def test_dock_lists_filters_sorts_keeps_notes_and_goes_to_the_sentence(
    window: Any, qtbot: Any
) -> None:
    library = window.service.library
    bank, school = (row[0] for row in library.conn.execute("SELECT id FROM articles ORDER BY id"))
    st.set_status(library, "行长", "1", met=st.Met(bank, 10, 12))
    st.set_status(library, "银行", "3", met=st.Met(school, 14, 16, ("yin2", "hang2")))
    st.set_status(library, "工作", "known")
    assert window.vocabulary.dock_controller is None  # not built at start-up
    view_menu = next(a.menu() for a in window.menuBar().actions() if "View" in a.text())
    action = next(a for a in view_menu.actions() if a.text() == "&Vocabulary")
    action.trigger()
    dock = window.vocabulary.dock_controller.dock
    qtbot.waitUntil(dock.isVisible)
    assert sorted(dock.visible_words()) == ["行长", "银行"]  # learning words only

    dock.status_box.setCurrentIndex(dock.status_box.findText("All kept words"))
    assert sorted(dock.visible_words()) == ["工作", "行长", "银行"]
    dock.level_box.setCurrentIndex(dock.level_box.findText("HSK 1"))
    assert dock.visible_words() == ["工作"]
    dock.level_box.setCurrentIndex(dock.level_box.findText("Not on HSK"))
    assert dock.visible_words() == ["行长"]
    dock.level_box.setCurrentIndex(0)
    dock.text_box.setText("关门")  # in the sentence of 银行
    assert dock.visible_words() == ["银行"]
    dock.text_box.setText("yinhang")  # pinyin as read where it was met, typed toneless
    assert dock.visible_words() == ["银行"]
    assert dock.table.item(dock.row_of("银行"), vd.PINYIN).text() == "yín háng"
    dock.text_box.clear()

    dock.table.sortByColumn(vd.HSK, Qt.SortOrder.AscendingOrder)
    assert dock.visible_words() == ["工作", "银行", "行长"]  # 1, 2, on no list

    # A status set elsewhere (the card, a key) arrives through the door's Change record.
    show_card_for(window, "孩子")
    qtbot.mouseClick(window.cards.card.status_buttons["learning4"], LEFT)
    qtbot.waitUntil(lambda: "孩子" in dock.visible_words(), timeout=2000)
    # Hidden, it lists again when shown.
    dock.hide()
    show_card_for(window, "忙")
    qtbot.mouseClick(window.cards.card.status_buttons["learning1"], LEFT)
    assert "忙" not in dock.visible_words()
    action.trigger()
    assert "忙" in dock.visible_words()

    row = dock.row_of("行长")
    dock.table.item(row, vd.NOTE).setText("the bank's head")
    assert (
        library.conn.execute("SELECT note FROM vocabulary WHERE word = '行长'").fetchone()[0]
        == "the bank's head"
    )
    assert dock.table.item(dock.row_of("行长"), vd.NOTE).text() == "the bank's head"

    dock.table.cellDoubleClicked.emit(dock.row_of("银行"), vd.SENTENCE)
    view = window.reading_view
    qtbot.waitUntil(lambda: view.article_id == school, timeout=5000)
    assert view.find_layer.hits == [(14, 16)]  # the word flashes where it was met
    assert window.article_list.selected_article_id() == school


def test_lookup_shows_hsk_tone_colours_and_the_articles_with_the_word(
    window: Any, qtbot: Any
) -> None:
    controller = window.search
    panel = controller.dock.lookup
    controller.lookup("银行")
    first = panel.entries.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "银行"
    assert "HSK 3.0: 2 · HSK 2.0: 3" in first.text()
    html = panel.entries.itemWidget(first).text()
    assert '<span style="color:#b35f00">yín</span>' in html  # tone 2, orange
    assert '<span style="color:#b35f00">háng</span>' in html
    assert "2 article(s)" in panel.status.text()  # both samples hold 银行
    controller.lookup("学校")
    assert "1 article(s)" in panel.status.text()
    assert panel.jump_button.isEnabled()
    qtbot.mouseClick(panel.jump_button, LEFT)
    school = library_id(window, SCHOOL)
    qtbot.waitUntil(lambda: window.reading_view.article_id == school, timeout=5000)
    assert window.reading_view.find_layer.hits == [(SCHOOL.index("学校"), 6)]


def library_id(window: Any, text: str) -> int:
    row = window.service.library.conn.execute("SELECT id FROM articles WHERE text = ?", [text])
    return row.fetchone()[0]
