"""Find in the article (Ctrl+F) and search the library (Ctrl+Shift+F), driven with qtbot
on the real window; a command-line write while the window is open is found at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.library import Library
from tests.test_ui_external_changes import yuedu


def test_ctrl_f_finds_every_hit_steps_through_them_and_esc_closes(
    ui_window: Any, qtbot: Any
) -> None:
    view, search = ui_window.reading_view, ui_window.search
    assert view.article_id == 1  # 第一段春天。\n第二段花开。
    qtbot.waitExposed(ui_window)
    view.setFocus()
    QTest.keyClick(ui_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = search.find_bar
    qtbot.waitUntil(bar.isVisible)
    assert bar.line_edit.hasFocus()
    bar.line_edit.insert("段")  # typed (QTest cannot type CJK keys)
    assert view.find_layer.hits == [(2, 3), (9, 10)]
    assert view.find_layer.current == 0 and bar.count_label.text() == "1 of 2"
    QTest.keyClick(bar.line_edit, Qt.Key.Key_Return)
    assert view.find_layer.current == 1 and bar.count_label.text() == "2 of 2"
    QTest.keyClick(bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.find_layer.current == 0
    QTest.keyClick(ui_window, Qt.Key.Key_F3)
    assert view.find_layer.current == 1
    QTest.keyClick(ui_window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.find_layer.current == 0
    bar.line_edit.setText("chuntian")  # pinyin, as shown: 春天 (readings prepared first)
    qtbot.waitUntil(lambda: view.find_layer.hits == [(3, 5)], timeout=20000)
    bar.line_edit.setText("冬天")
    assert view.find_layer.hits == [] and bar.count_label.text() == "No hits"
    bar.line_edit.setText("段")
    QTest.keyClick(bar.line_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.find_layer.hits == []


def test_ctrl_shift_f_lists_hits_by_article_and_opens_one_at_the_hit(
    ui_window: Any, qtbot: Any
) -> None:
    view, dock = ui_window.reading_view, ui_window.search.dock
    qtbot.waitExposed(ui_window)
    QTest.keyClick(
        ui_window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(dock.isVisible)
    assert dock.line_edit.hasFocus()
    dock.line_edit.insert("第二段")  # typed (QTest cannot type CJK keys)
    QTest.keyClick(dock.line_edit, Qt.Key.Key_Return)
    tree = dock.results
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert titles == ["春天的故事 (1)", "Markup stays text (1)"]
    hit_item = tree.topLevelItem(1).child(0)
    assert "第二段" in hit_item.text(0) and "[text]" in hit_item.text(0)
    rect = tree.visualItemRect(hit_item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.article_id == 2)
    at = view.article.text.index("第二段")  # type: ignore[union-attr]
    assert view.find_layer.hits == [(at, at + 3)] and at > 0  # flashed
    qtbot.waitUntil(lambda: view.find_layer.hits == [], timeout=3000)  # the flash ends
    dock.line_edit.setText("，")
    dock.ask()
    assert tree.topLevelItemCount() == 0 and "punctuation" in dock.status.text()


def test_a_cli_write_while_the_window_is_open_is_found(
    ui_window: Any, ui_library: Library, qtbot: Any, tmp_path: Path
) -> None:
    dock = ui_window.search.dock
    winter = tmp_path / "winter.txt"
    winter.write_text("冬天\n\n冬天下雪了，很冷。\n", encoding="utf-8")
    yuedu(ui_library, "import", str(winter))
    yuedu(ui_library, "article", "rename", "3", "深秋")
    dock.open_search()
    dock.line_edit.setText("下雪")
    dock.ask()
    assert dock.results.topLevelItemCount() == 1
    assert dock.results.topLevelItem(0).text(0).startswith("冬天")
    dock.line_edit.setText("xiaxue")
    dock.ask()  # the readings are prepared first, off the main thread
    qtbot.waitUntil(lambda: dock.results.topLevelItemCount() == 1, timeout=20000)
    dock.line_edit.setText("深秋")
    dock.ask()
    assert dock.results.topLevelItemCount() == 1


def test_rebuild_search_index_is_in_the_help_menu(ui_window: Any) -> None:
    action = ui_window.search.actions["rebuild"]
    ui_window.search.find_bar.hide()
    action.trigger()
    assert "rebuilt: 3 article(s)" in ui_window.statusBar().currentMessage()


def test_the_search_options_are_as_the_reader_left_them_in_the_next_session(
    ui_window: Any, shown_window: Any, qtbot: Any
) -> None:
    dock, bar = ui_window.search.dock, ui_window.search.find_bar
    assert not dock.whole_word_box.isChecked() and not bar.initials_box.isChecked()
    dock.open_search()
    bar.show()
    qtbot.mouseClick(dock.whole_word_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.initials_box, Qt.MouseButton.LeftButton)
    assert dock.whole_word_box.isChecked() and bar.initials_box.isChecked()
    # The next window (same settings): the boxes as left, and no search asked at start-up.
    later = shown_window(ui_window.service.library)
    assert later.search.dock.whole_word_box.isChecked()
    assert later.search.find_bar.initials_box.isChecked()
    assert not later.search.dock.initials_box.isChecked()
    assert not later.search.find_bar.any_script_box.isChecked()
    assert later.search.dock.status.text() == "" and later.search.find_bar.count_label.text() == ""
