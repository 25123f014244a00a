"""Findings of a tester driving the Chinese UI, each driven with qtbot on the real window:
the article list follows the text whichever way an article was opened; the word-status keys
act on the word pointed at whatever has the focus, except a text field."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.learning.statuses import status_of


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
    # Once the text is painted (an event later), not still the article shown before.
    qtbot.waitUntil(lambda: panel.selected_article_id() == 3)
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


STATUS_TEXT = "我在银行工作。行长很忙。"  # written for this test


@pytest.fixture
def bank_window(text_window: Any, qtbot: Any) -> Any:
    window = text_window(STATUS_TEXT)
    # Active, so that no late deactivation (another test's window) lets go of the word
    # pointed at between pointing and pressing.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def _point_at(window: Any, word: str) -> None:
    view = window.reading_view
    index = next(i for i in range(len(view.tokens)) if view.tokens.word(i) == word)
    view._word_cursor.set_hovered(index)  # as the pointer does; the card comes up
    assert window.cards.shown_token == index


def test_status_keys_act_on_the_pointed_word_with_the_focus_on_the_list(
    bank_window: Any, qtbot: Any
) -> None:
    window, library = bank_window, bank_window.service.library
    panel = window.article_list
    _click_article(window, panel.selected_article_id())  # the list has the focus
    _point_at(window, "银行")
    QTest.keyClick(panel.view, Qt.Key.Key_2)
    assert status_of(library, "银行") == "learning2"
    QTest.keyClick(panel.view, Qt.Key.Key_K)
    assert status_of(library, "银行") == "known"


def test_a_status_key_typed_in_a_text_field_stays_typing(bank_window: Any, qtbot: Any) -> None:
    window, library = bank_window, bank_window.service.library
    window.search.dock.open_search()
    field = window.search.dock.line_edit
    _point_at(window, "行长")
    QTest.keyClick(field, Qt.Key.Key_2)
    QTest.keyClick(window.article_list.filter_edit, Qt.Key.Key_K)
    assert field.text() == "2" and window.article_list.filter_edit.text() == "k"
    assert status_of(library, "行长") == "new"


def _restart(window: Any, library: Any, settings: Any, qtbot: Any) -> Any:
    from reader.ui.application import create_main_window

    window.close()
    again = create_main_window(library, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    return again


def test_the_vocabulary_dock_opened_before_quitting_is_open_after_a_restart(
    ui_window: Any, ui_library: Any, ui_settings: Any, qtbot: Any
) -> None:
    qtbot.waitExposed(ui_window)
    QTest.keyClick(
        ui_window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    first = ui_window.vocabulary.dock_controller.dock
    assert first is not None and first.isVisible()
    again = _restart(ui_window, ui_library, ui_settings, qtbot)
    try:
        controller = again.vocabulary.dock_controller
        assert controller is not None and controller.dock is not None
        assert controller.dock.isVisible()
        area = again.dockWidgetArea(controller.dock)
        assert area == Qt.DockWidgetArea.RightDockWidgetArea
        controller.dock.close()  # closed before quitting: closed after the next start
        third = _restart(again, ui_library, ui_settings, qtbot)
        try:
            kept = third.vocabulary.dock_controller
            assert kept is None or kept.dock is None or not kept.dock.isVisible()
        finally:
            third.pinyin.shutdown()
            third.service.shutdown()
    finally:
        again.pinyin.shutdown()
        again.service.shutdown()


def test_a_window_that_never_had_the_vocabulary_dock_does_not_build_it(
    ui_window: Any, ui_library: Any, ui_settings: Any, qtbot: Any
) -> None:
    qtbot.waitExposed(ui_window)
    again = _restart(ui_window, ui_library, ui_settings, qtbot)
    try:
        assert again.vocabulary.dock_controller is None  # still built on first use only
    finally:
        again.pinyin.shutdown()
        again.service.shutdown()


def _chars_a_line(window: Any) -> float:
    view = window.reading_view
    return (view.viewport().width() - 2 * view.document().documentMargin()) / view.em_px()


def test_a_narrow_window_keeps_a_readable_line_and_the_list_and_docks_give_way(
    ui_window: Any, qtbot: Any
) -> None:
    qtbot.waitExposed(ui_window)
    ui_window.search.dock.open_search()
    ui_window.annotation_dock.show()
    ui_window.resize(760, 600)
    qtbot.waitUntil(lambda: ui_window.width() == 760)
    assert _chars_a_line(ui_window) >= 12  # the list or the docks gave way, not the text
    ui_window.set_zoom_step(ui_window.reading_view.zoom_step + 3)  # bigger characters
    ui_window.resize(760, 600)
    qtbot.wait(50)
    assert _chars_a_line(ui_window) >= 12


def test_on_a_first_start_the_annotations_dock_has_room_for_its_filters(
    ui_window: Any, qtbot: Any
) -> None:
    """The docks give way in a narrow window, but a first start (no saved layout) still
    opens them at a readable width, not at that minimum."""
    from PySide6.QtGui import QFontMetrics

    qtbot.waitExposed(ui_window)
    dock = ui_window.annotation_dock
    em = QFontMetrics(dock.font()).horizontalAdvance("字")
    assert dock.isVisible() and dock.width() >= 20 * em


def test_the_import_progress_is_set_aside_while_the_update_question_is_asked(
    ui_window: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window, service = ui_window, ui_window.service
    qtbot.waitExposed(window)
    page = tmp_path / "changing.txt"
    page.write_text("第一版的文章。\n第二段。", encoding="utf-8")
    with qtbot.waitSignal(service.import_batch_finished, timeout=30000):
        service.import_files([page])
    page.write_text("第二版的文章，改过了。\n第二段。", encoding="utf-8")

    def show_progress_at_once(_count: int) -> None:  # as after a long file: already up
        window.imports.progress_dialog.show()

    seen: list[tuple[bool, bool]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        progress = window.imports.progress_dialog
        seen.append((box.isVisible(), progress is not None and progress.isVisible()))
        box.defaultButton().click()  # Update

    service.import_started.connect(show_progress_at_once)
    QTimer.singleShot(20, answer)
    with qtbot.waitSignal(service.import_batch_finished, timeout=30000):
        service.import_files([page])
    assert seen == [(True, False)]  # the question up, the progress not over it


def test_the_progress_comes_back_after_the_question_if_the_import_goes_on(
    ui_window: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    imports = ui_window.imports
    qtbot.waitExposed(ui_window)
    imports.progress_dialog = QProgressDialog("Importing…", "Cancel", 0, 10, ui_window)
    imports.progress_dialog.show()

    def skip() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, skip)
            return
        hidden_while_asked.append(not imports.progress_dialog.isVisible())
        box.reject()

    hidden_while_asked: list[bool] = []
    QTimer.singleShot(20, skip)
    assert imports.ask_update_or_new("changing.txt") == "skip"
    assert hidden_while_asked == [True]
    assert imports.progress_dialog.isVisible()
    imports.progress_dialog.close()
    imports.progress_dialog = None


def _status(window: Any) -> str:
    return str(window.statusBar().currentMessage())


def test_undoing_an_article_delete_says_undone_not_reading_saved(
    ui_window: Any, ui_library: Any, qtbot: Any
) -> None:
    window, service = ui_window, ui_window.service
    first = ui_library.list_articles()[0].id
    assert service.set_reading_override(first, 3, 4, ("chun1",))  # 春: a correction
    assert service.delete_article(first)
    window.undo_action.trigger()
    assert first in [a.id for a in ui_library.list_articles()]
    assert _status(window) != "Reading saved."
    assert _status(window).startswith("Undone: ")
    window.redo_action.trigger()
    assert _status(window).startswith("Redone: ")


def test_several_articles_deleted_are_said(ui_window: Any, ui_library: Any) -> None:
    from tests.test_ui_article_selection import menu_labels, select_rows

    first, _, third = [a.id for a in ui_library.list_articles()]
    select_rows(ui_window, [first, third])
    menu_labels(ui_window, first)["Delete the 2 selected articles…"].trigger()
    ui_window.article_selection.question.delete_button.click()
    assert _status(ui_window) == "Deleted 2 articles."


def test_words_marked_known_are_counted_in_the_status_bar(bank_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    window, library = bank_window, bank_window.service.library
    actions = {a.text(): a for m in window.menuBar().findChildren(type(window.menus["help"]))
               for a in m.actions()}  # fmt: skip
    actions["Mark the article's new words &known"].trigger()
    known = library.conn.execute(
        "SELECT COUNT(*) FROM word_status WHERE status = 'known'"
    ).fetchone()[0]
    assert known > 0 and _status(window) == f"Marked {known} word(s) known."

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setIntValue(1)
        dialog.accept()

    before = known
    QTimer.singleShot(20, answer)
    actions["I know &HSK up to…"].trigger()
    known = library.conn.execute(
        "SELECT COUNT(*) FROM word_status WHERE status = 'known'"
    ).fetchone()[0]
    assert _status(window) == f"Marked {known - before} word(s) known."


def test_an_exported_vocabulary_is_said(
    bank_window: Any, qtbot: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    import reader.ui.file_dialogs as file_dialogs

    window = bank_window
    out = tmp_path / "words.txt"
    monkeypatch.setattr(file_dialogs, "ask_save_file_name", lambda *args, **kwargs: str(out))
    _point_at(window, "银行")
    QTest.keyClick(window.reading_view, Qt.Key.Key_2)
    _point_at(window, "行长")
    QTest.keyClick(window.reading_view, Qt.Key.Key_3)
    window.vocabulary.export_vocabulary()
    assert out.is_file()
    assert _status(window) == "Exported 2 word(s) to words.txt."


def test_source_info_says_a_size_once_and_the_bytes_only_beside_a_rounded_size(
    imported_library: Any, shown_window: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.test_ui_source_actions import list_action

    small = imported_library("春天来了。\n", name="small.txt")
    big = imported_library("春天来了，花都开了。\n" * 120, name="big.txt")  # 3,720 bytes
    texts = []
    for library in (small, big):
        window = shown_window(library)
        article_id = window.service.articles()[0].id
        list_action(window, article_id, "Source file info…").trigger()
        [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        texts.append(box.text())
        box.close()
    small_size = len("春天来了。\n".encode())
    assert f"Size: {small_size} bytes\n" in texts[0] and texts[0].count("bytes") == 1
    assert "Size: 3.7 KB (3,720 bytes)\n" in texts[1]


def test_at_start_up_a_status_key_on_a_pointed_word_sets_its_status(
    bank_window: Any, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    window, library = bank_window, bank_window.service.library
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    _point_at(window, "银行")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # where the keyboard is
    assert status_of(library, "银行") == "learning2"
    assert window.article_list.filter_edit.text() == ""


def test_the_status_keys_stop_watching_once_no_word_is_pointed_at(
    bank_window: Any, qtbot: Any
) -> None:
    window = bank_window
    keys = window.vocabulary.status_keys
    _point_at(window, "银行")
    assert keys.armed
    window.reading_view._word_cursor.release()  # the text scrolled away under the pointer
    window.cards.hide()
    qtbot.waitUntil(lambda: not keys.armed, timeout=5000)
    QTest.keyClick(window.article_list.view, Qt.Key.Key_2)  # nothing pointed: nothing set
    assert status_of(window.service.library, "银行") == "new"


def test_two_articles_opened_at_once_leave_the_list_on_the_second(
    ui_window: Any, qtbot: Any
) -> None:
    """The list follows the text once it is painted: an article opened meanwhile (two links
    in a row) must not be undone by the first one's late follow."""
    view, panel = ui_window.reading_view, ui_window.article_list
    qtbot.waitExposed(ui_window)
    _click_article(ui_window, 1)
    ui_window.reading.show_article(3)
    ui_window.reading.show_article(2)
    opened_after: list[Any] = []
    ui_window.reading.article_opened.connect(opened_after.append)
    qtbot.waitUntil(lambda: panel.selected_article_id() == 2)
    qtbot.wait(50)
    assert view.article_id == 2 and panel.selected_article_id() == 2
    assert opened_after == []  # the list followed; it opened nothing again (3, then 2)
