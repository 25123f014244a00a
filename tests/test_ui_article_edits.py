"""The article edits in the window, driven through the real widgets: the list's context
menu and the view's "Split article here" reach the controller and the service, undo and
redo put the library back, the view follows when the article shown is gone, derived titles
are lighter in the list and not printed above their sentence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotations.store import AnnotationStore
from reader.library import Library
from reader.ui.article_list import ARTICLE_ID_ROLE, TITLE_DERIVED_ROLE, ArticleItemDelegate
from reader.ui.delete_dialog import DeleteArticlesDialog
from tests.conftest import UI_ARTICLES


def ids(library: Library) -> list[int]:
    return [summary.id for summary in library.list_articles()]


def listed_titles(window: Any) -> list[str]:
    return [summary.title for summary in window.article_list.model.articles()]


def list_action(window: Any, article_id: int, label: str) -> Any:
    """The action `label` of the list's context menu on the row of `article_id`."""
    panel = window.article_list
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(article_id), 0))
    menu = panel.menu_for(index)
    return next(action for action in menu.actions() if action.text() == label)


def the_dialog(window: Any, kind: type) -> Any:
    [dialog] = [d for d in window.findChildren(kind) if d.isVisible()]
    return dialog


def select_text(view: Any, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_rename_from_the_list_s_menu_and_undo_redo(ui_window: Any, ui_library: Library) -> None:
    first = ids(ui_library)[0]
    list_action(ui_window, first, "Rename…").trigger()
    dialog = the_dialog(ui_window, QInputDialog)
    assert dialog.textValue() == UI_ARTICLES[0][0]
    dialog.setTextValue("新的题目")
    dialog.accept()
    assert ui_library.get_article(first).title == "新的题目"  # type: ignore[union-attr]
    assert listed_titles(ui_window)[0] == "新的题目"  # the list refreshed by itself
    assert ui_window.windowTitle() == "Yuedu — 新的题目"  # and the article shown
    ui_window.undo_action.trigger()
    assert listed_titles(ui_window)[0] == UI_ARTICLES[0][0]
    ui_window.redo_action.trigger()
    assert listed_titles(ui_window)[0] == "新的题目"


def test_byline_from_the_list_s_menu(ui_window: Any, ui_library: Library) -> None:
    first = ids(ui_library)[0]
    list_action(ui_window, first, "Edit byline…").trigger()
    dialog = the_dialog(ui_window, QInputDialog)
    dialog.setTextValue("记者 王五")
    dialog.accept()
    assert ui_library.get_article(first).byline == "记者 王五"  # type: ignore[union-attr]
    assert "记者 王五" in ui_window.reading_view.toPlainText()
    ui_window.undo_action.trigger()
    assert ui_library.get_article(first).byline == UI_ARTICLES[0][1]  # type: ignore[union-attr]


def test_split_here_from_the_view_s_menu_and_undo_redo(ui_window: Any, ui_library: Library) -> None:
    view, cards = ui_window.reading_view, ui_window.cards
    first = view.article_id
    text = ui_library.get_article(first).text  # type: ignore[union-attr]
    at = text.index("第二段")
    select_text(view, at, at + 3)
    cards.on_context_menu(0, QPoint(10, 10))
    [split] = [a for a in cards.context_menu.actions() if a.text() == "Split article here"]
    split.trigger()
    dialog = the_dialog(ui_window, QInputDialog)  # no headline there: a title is asked
    offered = dialog.textValue()
    assert offered == "第二段花开"
    dialog.accept()  # left as offered: stays marked derived

    [_, new, *_] = ids(ui_library)
    assert ui_library.get_article(first).text == "第一段春天。"  # type: ignore[union-attr]
    assert ui_library.get_article(new).text == "第二段花开。"  # type: ignore[union-attr]
    assert len(listed_titles(ui_window)) == 4
    assert view.article_id == first and view.toPlainText().endswith("第一段春天。")
    ui_window.article_list.select_article(new)
    # A derived title is not printed above the sentence it came from.
    assert view.article_id == new
    # (The byline, copied from the article split, comes first; then the text, once.)
    assert view.toPlainText() == f"{UI_ARTICLES[0][1]}\n第二段花开。"

    ui_window.undo_action.trigger()  # the article shown is gone: its first part is shown
    assert len(ids(ui_library)) == 3 and view.article_id == first
    assert ui_library.get_article(first).text == text  # type: ignore[union-attr]
    ui_window.redo_action.trigger()
    assert ids(ui_library)[1] == new  # the same id again


def test_a_refused_split_says_why_and_changes_nothing(ui_window: Any, ui_library: Library) -> None:
    first = ui_window.reading_view.article_id
    AnnotationStore(ui_library).add(first, 2, 9)
    before = ui_library.get_article(first)
    ui_window.article_edits.split_at(first, 5)
    box = the_dialog(ui_window, QMessageBox)
    assert "inside the highlight" in box.text()
    assert ui_library.get_article(first) == before and len(ids(ui_library)) == 3
    assert ui_window.service.undo_stack.count() == 0


def test_merge_with_next_and_undo(ui_window: Any, ui_library: Library) -> None:
    first, second, third = ids(ui_library)
    assert not list_action(ui_window, third, "Merge with next").isEnabled()  # the last
    ui_window.article_list.select_article(second)
    list_action(ui_window, first, "Merge with next").trigger()
    assert ids(ui_library) == [first, third]
    merged = ui_library.get_article(first).text  # type: ignore[union-attr]
    # The second's headline becomes a line between the two texts.
    assert merged == UI_ARTICLES[0][2] + "\n" + UI_ARTICLES[1][0] + "\n" + UI_ARTICLES[1][2]
    # The article shown was merged away: the merged one is shown.
    assert ui_window.reading_view.article_id == first
    ui_window.undo_action.trigger()
    assert ids(ui_library) == [first, second, third]
    assert ui_library.get_article(second).text == UI_ARTICLES[1][2]  # type: ignore[union-attr]


def test_delete_asks_and_undo_puts_it_back_with_its_highlights(
    ui_window: Any, ui_library: Library
) -> None:
    first, second, third = ids(ui_library)
    note = AnnotationStore(ui_library).add(first, 0, 3, comment="春")
    list_action(ui_window, first, "Delete…").trigger()
    box = the_dialog(ui_window, DeleteArticlesDialog)
    assert "1 highlight" in box.delete_too_button.text() and box.keep_button.isChecked()
    box.delete_too_button.click()  # the reader chooses to delete the highlight too
    [delete] = [b for b in box.buttons.buttons() if b.text() == "Delete"]
    delete.click()
    assert ids(ui_library) == [second, third]
    assert AnnotationStore(ui_library).count() == 0
    assert ui_window.reading_view.article_id == second  # the next one is shown
    ui_window.undo_action.trigger()
    assert ids(ui_library) == [first, second, third]
    assert AnnotationStore(ui_library).get(note.id) == note
    ui_window.article_list.select_article(first)
    assert ui_window.reading_view.highlights.find(note.id) is not None


def test_cancelling_the_delete_keeps_the_article(ui_window: Any, ui_library: Library) -> None:
    first = ids(ui_library)[0]
    list_action(ui_window, first, "Delete…").trigger()
    the_dialog(ui_window, DeleteArticlesDialog).reject()
    assert first in ids(ui_library) and ui_window.service.undo_stack.count() == 0


def test_derived_titles_are_lighter_in_the_list(ui_window: Any, ui_library: Library) -> None:
    first = ids(ui_library)[0]
    new = ui_window.service.split_article(first, UI_ARTICLES[0][2].index("第二段"))
    panel = ui_window.article_list
    rows = {
        int(panel.model.index(row, 0).data(ARTICLE_ID_ROLE)): panel.model.index(row, 0)
        for row in range(panel.model.rowCount())
    }
    assert rows[new].data(TITLE_DERIVED_ROLE) is True
    assert rows[first].data(TITLE_DERIVED_ROLE) is False
    palette = panel.view.palette()
    delegate = panel.view.itemDelegate()
    assert isinstance(delegate, ArticleItemDelegate)
    lighter = delegate.title_colour(palette, False, True)
    assert lighter == palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.PlaceholderText)
    assert lighter != delegate.title_colour(palette, False, False)


def test_the_view_prints_a_real_title_but_not_a_derived_one(qtbot: Any) -> None:
    from reader.library.store import Article
    from reader.ui.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    body = "春天来了，花开了。\n第二段。"
    for derived, byline, expected in (
        (False, "", ["春天来了", body.split("\n")[0], "第二段。"]),
        (True, "", body.split("\n")),
        (True, "记者", ["记者", *body.split("\n")]),
    ):
        view.show_article(Article(7, 1, 0, "春天来了", byline, body, "f.txt", derived))
        assert view.toPlainText().splitlines() == expected
        # Offsets still map onto the body, with or without a heading above it.
        assert view.document().findBlock(view.document_position(10)).text() == "第二段。"
        assert view.document().findBlock(view.body_start).text() == body.split("\n")[0]


def test_the_list_draws_a_byline_with_markup_as_its_characters(ui_window: Any, qtbot: Any) -> None:
    """The rows' lines are laid out once and drawn again (QStaticText): in its plain-text
    format, so "Byline <i>" is those characters, never the start of italics."""
    from PySide6.QtCore import Qt

    panel = ui_window.article_list
    qtbot.waitExposed(ui_window)
    panel.view.viewport().repaint()
    delegate = panel.view.itemDelegate()
    drawn = list(delegate._lines.values())
    with_markup = [line for line in drawn if "Byline <i>" in line.text()]
    assert with_markup, [line.text() for line in drawn]
    assert all(line.textFormat() == Qt.TextFormat.PlainText for line in drawn)
