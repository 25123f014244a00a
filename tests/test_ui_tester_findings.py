"""Findings of a tester driving the Chinese UI, each driven with qtbot on the real window:
the article list follows the text whichever way an article was opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _click_article(window: Any, article_id: int) -> None:
    panel = window.article_list
    row = panel.model.row_of(article_id)
    index = panel.proxy.mapFromSource(panel.model.index(row, 0))
    rect = panel.view.visualRect(index)
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_follows_an_article_opened_from_the_search_dock(
    ui_window: Any, qtbot: Any
) -> None:
    view, dock, panel = ui_window.reading_view, ui_window.search.dock, ui_window.article_list
    qtbot.waitExposed(ui_window)
    _click_article(ui_window, 1)
    assert view.article_id == 1 and panel.selected_article_id() == 1
    dock.open_search()
    dock.line_edit.insert("秋天来了")  # only in article 3
    QTest.keyClick(dock.line_edit, Qt.Key.Key_Return)
    tree = dock.results
    assert tree.topLevelItemCount() == 1
    hit_item = tree.topLevelItem(0).child(0)
    rect = tree.visualItemRect(hit_item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.article_id == 3)
    assert panel.selected_article_id() == 3  # not still the article shown before
    selected = panel.view.selectionModel().selectedRows()
    assert [int(index.data(Qt.ItemDataRole.UserRole + 1)) for index in selected] == [3]
    _click_article(ui_window, 1)  # the old article loads again when clicked
    assert view.article_id == 1 and panel.selected_article_id() == 1


def test_a_click_on_the_current_row_shows_it_when_the_text_shows_another(
    ui_window: Any, qtbot: Any
) -> None:
    view, panel = ui_window.reading_view, ui_window.article_list
    qtbot.waitExposed(ui_window)
    _click_article(ui_window, 2)
    assert view.article_id == 2
    view.clear_article()  # the text emptied (e.g. a failed refresh) while row 2 stays current
    assert panel.selected_article_id() == 2 and view.article_id is None
    _click_article(ui_window, 2)
    assert view.article_id == 2
