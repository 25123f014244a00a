"""Highlights and comments through the real widgets: the selection bar, shortcuts, the
Annotations dock, undo/redo, overlaps, astral characters, and what ends up in SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.importer import import_path
from reader.library import Library

TEXT = (
    "政府工作报告提出，要加快开发区建设。\n第二段讲招商引资和营商环境。\n甲𠮷乙😀丙，最后一段。\n"
)
SETTLE_MS = 2000


@pytest.fixture
def annotated_library(imported_library: Any) -> Library:
    return imported_library(TEXT)  # as tmp_path/page.txt: the re-import test reuses the name


@pytest.fixture
def window(annotated_library: Library, shown_window: Any) -> Any:
    return shown_window(annotated_library)


def stored(library: Library, article_id: int) -> list[Any]:
    from annotations.store import AnnotationStore

    return AnnotationStore(library).for_article(article_id)


def select(view: Any, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def offsets_of(view: Any, phrase: str) -> tuple[int, int]:
    start = view.tokens.text.index(phrase)
    return start, start + len(phrase)


def highlight_with_bar(window: Any, qtbot: Any, phrase: str, colour: str = "yellow") -> Any:
    view = window.reading_view
    select(view, *offsets_of(view, phrase))
    qtbot.waitUntil(window.selection_bar.isVisible, timeout=SETTLE_MS)
    with qtbot.waitSignal(window.service.changed):
        qtbot.mouseClick(window.selection_bar.colour_buttons[colour], Qt.MouseButton.LeftButton)
    return window.annotation_dock.current


def test_selecting_text_and_clicking_a_colour_stores_and_shows_a_highlight(
    window: Any, annotated_library: Library, qtbot: Any
) -> None:
    view = window.reading_view
    annotation = highlight_with_bar(window, qtbot, "开发区建设", "green")
    [row] = stored(annotated_library, view.article_id)
    assert (row.quote, row.color) == ("开发区建设", "green")
    assert row.id == annotation.id
    assert (row.start, row.end) == offsets_of(view, "开发区建设")
    assert not window.selection_bar.isVisible()
    view.viewport().repaint()
    assert row.id in view.highlights_painted
    qtbot.waitUntil(lambda: window.annotation_dock.listed_ids() == [row.id])


def test_shortcut_highlights_the_selection(window: Any, annotated_library: Library) -> None:
    view = window.reading_view
    select(view, *offsets_of(view, "营商环境"))
    view.setFocus()
    QTest.keySequence(window, "Ctrl+4")
    [row] = stored(annotated_library, view.article_id)
    assert (row.quote, row.color) == ("营商环境", "pink")


def test_recolour_comment_tags_undo_redo_delete(
    window: Any, annotated_library: Library, qtbot: Any
) -> None:
    view, dock = window.reading_view, window.annotation_dock
    annotation = highlight_with_bar(window, qtbot, "招商引资")
    article = view.article_id

    qtbot.mouseClick(dock.editor_colour_buttons["blue"], Qt.MouseButton.LeftButton)
    assert stored(annotated_library, article)[0].color == "blue"

    dock.comment_editor.setFocus()
    QTest.keyClicks(dock.comment_editor, "Key **term**")
    qtbot.waitUntil(lambda: stored(annotated_library, article)[0].comment == "Key **term**")
    QTest.keyClick(dock.comment_editor, Qt.Key.Key_Return)
    QTest.keyClicks(dock.comment_editor, "second line")
    qtbot.waitUntil(lambda: "second line" in stored(annotated_library, article)[0].comment)

    dock.tags_edit.setFocus()
    dock.tags_edit.setText("#policy vocab #Policy")
    dock.tags_edit.editingFinished.emit()
    assert stored(annotated_library, article)[0].tags == ("policy", "vocab")

    window.undo_action.trigger()  # tags
    assert stored(annotated_library, article)[0].tags == ()
    window.undo_action.trigger()  # the whole comment, typed in two bursts: one step
    assert stored(annotated_library, article)[0].comment == ""
    window.undo_action.trigger()  # colour
    assert stored(annotated_library, article)[0].color == "yellow"
    window.undo_action.trigger()  # the highlight itself
    assert stored(annotated_library, article) == []
    view.viewport().repaint()
    assert view.highlights_painted == []
    window.redo_action.trigger()
    [back] = stored(annotated_library, article)
    assert back.id == annotation.id and back.color == "yellow"
    window.redo_action.trigger()
    assert stored(annotated_library, article)[0].color == "blue"

    window.highlights.select_annotation(annotation.id)
    qtbot.mouseClick(dock.delete_button, Qt.MouseButton.LeftButton)
    assert stored(annotated_library, article) == []
    assert not dock.editor.isVisible()
    QTest.keySequence(window, "Ctrl+Z")
    assert [a.id for a in stored(annotated_library, article)] == [annotation.id]


def test_overlapping_highlights_both_paint_and_a_click_lets_the_reader_pick(
    window: Any, annotated_library: Library, qtbot: Any
) -> None:
    view = window.reading_view
    first = highlight_with_bar(window, qtbot, "政府工作报告", "yellow")
    second = highlight_with_bar(window, qtbot, "工作报告提出", "blue")
    view.viewport().repaint()
    assert {first.id, second.id} <= set(view.highlights_painted)
    start, _ = offsets_of(view, "报告")
    rect = view.span_rects(start, start + 1)[0]
    with qtbot.waitSignal(view.annotations_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert set(clicked.args[0]) == {first.id, second.id}
    menu = window.highlights.overlap_menu
    assert len(menu.actions()) == 2
    next(a for a in menu.actions() if a.text().startswith("政府")).trigger()
    assert window.annotation_dock.current.id == first.id
    # A click on a place with one highlight selects it straight away.
    start, _ = offsets_of(view, "提出")
    rect = view.span_rects(start, start + 1)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.annotation_dock.current.id == second.id


def test_selections_snap_to_whole_astral_characters(
    window: Any, annotated_library: Library, qtbot: Any
) -> None:
    view = window.reading_view
    start, _ = offsets_of(view, "𠮷")
    end, _ = offsets_of(view, "丙")
    cursor = QTextCursor(view.document())
    # From the middle of 𠮷's surrogate pair to the middle of 😀's.
    cursor.setPosition(view.document_position(start) + 1)
    cursor.setPosition(view.document_position(end) - 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.current_selection() == (start, end)
    qtbot.waitUntil(window.selection_bar.isVisible, timeout=SETTLE_MS)
    qtbot.mouseClick(window.selection_bar.colour_buttons["purple"], Qt.MouseButton.LeftButton)
    [row] = stored(annotated_library, view.article_id)
    assert row.quote == "𠮷乙😀" == view.tokens.text[row.start : row.end]


def test_a_comment_typed_just_before_closing_is_saved(
    window: Any, annotated_library: Library, qtbot: Any
) -> None:
    view, dock = window.reading_view, window.annotation_dock
    select(view, *offsets_of(view, "最后一段"))
    QTest.keySequence(window, "Ctrl+M")  # highlight and comment
    assert dock.comment_editor.hasFocus() or dock.current is not None
    # Chinese arrives from an input method as committed text, i.e. an insertion.
    dock.comment_editor.insertPlainText("写完就关")
    window.close()  # well within the debounce: the close must save it
    [row] = stored(annotated_library, view.article_id)
    assert row.comment == "写完就关"


def test_dock_filters_and_library_view(
    window: Any, annotated_library: Library, qtbot: Any, tmp_path: Path
) -> None:
    dock, view = window.annotation_dock, window.reading_view
    yellow = highlight_with_bar(window, qtbot, "开发区", "yellow")
    green = highlight_with_bar(window, qtbot, "营商环境", "green")
    qtbot.waitUntil(lambda: dock.listed_ids() == [yellow.id, green.id])  # text order
    dock.color_filter.setCurrentIndex(dock.color_filter.findData("green"))
    qtbot.waitUntil(lambda: dock.listed_ids() == [green.id])
    dock.color_filter.setCurrentIndex(0)
    dock.text_filter.setText("开发")
    qtbot.waitUntil(lambda: dock.listed_ids() == [yellow.id])
    dock.text_filter.clear()

    other = tmp_path / "other.txt"
    other.write_text("另一篇文章，讲银行和重庆。\n", encoding="utf-8")
    [other_id] = import_path(annotated_library, other).article_ids
    window.service.create_annotation(other_id, 0, 3, "blue")
    qtbot.waitUntil(lambda: dock.listed_ids() == [yellow.id, green.id])  # this article only
    dock.library_switch.setChecked(True)
    qtbot.waitUntil(lambda: dock.count_label.text() == "3 annotations")
    assert len(dock.group_titles()) == 2
    third = next(i for i in dock.listed_ids() if i not in (yellow.id, green.id))
    index = dock.model.index_of(third)
    rect = dock.tree.visualRect(index)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.article_id == other_id
    assert dock.current.id == third


def test_a_failed_write_is_reported_and_nothing_is_shown_as_saved(
    window: Any, annotated_library: Library, qtbot: Any, monkeypatch: Any
) -> None:
    view = window.reading_view
    store = window.service.annotation_store

    def disk_full(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "add", disk_full)
    failures: list[str] = []
    window.service.write_failed.connect(failures.append)
    select(view, *offsets_of(view, "开发区"))
    QTest.keySequence(window, "Ctrl+1")
    assert failures and "disk is full" in failures[0]
    assert stored(annotated_library, view.article_id) == []
    view.viewport().repaint()
    assert view.highlights_painted == []
    assert window.service.undo_stack.count() == 0


def test_reimporting_a_changed_file_asks_and_updates_in_place(
    window: Any, annotated_library: Library, qtbot: Any, tmp_path: Path
) -> None:
    view = window.reading_view
    article = view.article_id
    kept = highlight_with_bar(window, qtbot, "营商环境", "green")
    lost = highlight_with_bar(window, qtbot, "最后一段", "pink")
    asked: list[str] = []
    window.service.update_policy = lambda name: asked.append(name) or "update"
    changed = tmp_path / "page.txt"  # same name as the imported file, new text
    changed.write_text(
        "新加的第一段。\n政府工作报告提出，要加快开发区建设。\n第二段讲招商引资和营商环境。\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.service.import_batch_finished, timeout=60_000):
        window.service.import_files([changed])
    assert asked == ["page.txt"]
    assert view.article_id == article  # same article, updated in place
    assert view.tokens.text.startswith("新加的第一段")
    rows = {a.id: a for a in stored(annotated_library, article)}
    assert rows[kept.id].quote == "营商环境" and not rows[kept.id].orphaned
    assert view.tokens.text[rows[kept.id].start : rows[kept.id].end] == "营商环境"
    assert rows[lost.id].orphaned  # its paragraph is gone: kept, flagged
    assert annotated_library.article_count() == 1
    dock = window.annotation_dock
    qtbot.waitUntil(lambda: lost.id in dock.listed_ids())
    assert dock.group_titles()[-1] == "Orphaned"
    assert "1 orphaned" in window.statusBar().currentMessage()


LONG_TEXT = "\n".join(["很长的文章里有很多段落，每一段都不短。" * 20] * 20)


def long_article(imported_library: Any) -> tuple[Library, int, str]:
    """A library holding one article longer than the first screen's highlight read."""
    library = imported_library(LONG_TEXT, name="long.txt")
    [article] = library.list_articles()
    return library, article.id, library.get_article(article.id).text


def test_a_long_article_paints_its_top_at_once_and_gets_every_highlight_right_after(
    imported_library: Any, shown_window: Any, qtbot: Any
) -> None:
    from reader.ui.highlight_controller import FIRST_SCREEN_CHARS

    library, article_id, text = long_article(imported_library)
    assert len(text) > FIRST_SCREEN_CHARS + 100
    store_window = shown_window(library)
    near = store_window.service.create_annotation(article_id, 10, 15, "yellow")
    far = store_window.service.create_annotation(article_id, len(text) - 20, len(text) - 5, "blue")
    [other_id] = import_path(
        library, write_text_file(library, "other.txt", "另一篇。\n")
    ).article_ids
    store_window.reading.show_article(other_id)
    store_window.reading.show_article(article_id)
    view = store_window.reading_view
    assert view.highlights.find(near.id) is not None  # on the first screen: there at once
    qtbot.waitUntil(lambda: view.highlights.find(far.id) is not None)  # the rest follows
    store_window.reading.show_article(other_id)
    assert store_window.reading.open_deep_link(f"yuedu://article/{article_id}?annotation={far.id}")
    assert view.highlights.flash_id == far.id  # revealed even before the rest was loaded


def write_text_file(library: Library, name: str, text: str) -> Path:
    path = library.path.parent / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_paint_below_the_highlights_read_so_far_reads_them_all_first(
    imported_library: Any, shown_window: Any
) -> None:
    """Opening reads only the first screen's highlights; a paint that reaches further
    before the rest arrives (the window grown at once) must not show the text bare."""
    library, article_id, text = long_article(imported_library)
    store_window = shown_window(library, (500, 300))
    spans = [(start, start + 3) for start in range(0, len(text) - 3, 200)]
    made = [store_window.service.create_annotation(article_id, s, e, "green") for s, e in spans]
    view = store_window.reading_view
    view.clear_article()  # and open it anew: with the first screen's highlights only
    store_window.reading.show_article(article_id)
    assert view.highlights.complete_before is not None  # only the top was read
    bottom = made[-1]
    assert bottom is not None and view.highlights.find(bottom.id) is None  # not read yet
    # Scroll to it before the rest arrives (the caret moved there, as a reader might).
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(bottom.start))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    view.viewport().grab()  # paints that part now, synchronously
    assert view.highlights.find(bottom.id) is not None
    assert bottom.id in view.highlights_painted


def test_a_long_article_with_nothing_below_its_first_screen_is_read_once(
    imported_library: Any, shown_window: Any
) -> None:
    """No second read and no second paint when the first screen's read was all there is."""
    library, article_id, _ = long_article(imported_library)
    store_window = shown_window(library)
    near = store_window.service.create_annotation(article_id, 10, 15, "yellow")
    view = store_window.reading_view
    view.clear_article()
    store_window.reading.show_article(article_id)
    assert near is not None and view.highlights.find(near.id) is not None
    assert view.highlights.complete_before is None  # complete: nothing left to load
