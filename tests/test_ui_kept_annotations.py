"""Deleting articles while keeping their highlights, driven through the real window: the
delete question offers keep (chosen unless the reader picks otherwise) or delete too; kept
highlights are listed under "Orphaned" in the Annotations dock as "from: <title>", can
still be edited there; undo puts the article back with them placed on it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from annotations.store import AnnotationStore
from reader.library import Library
from reader.ui.annotation_list_model import AnnotationGroup
from reader.ui.delete_dialog import DeleteArticlesDialog
from tests.conftest import UI_ARTICLES


def ids(library: Library) -> list[int]:
    return [summary.id for summary in library.list_articles()]


def row_index(window: Any, article_id: int) -> Any:
    panel = window.article_list
    return panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(article_id), 0))


def list_action(window: Any, article_id: int, label: str) -> Any:
    menu = window.article_list.menu_for(row_index(window, article_id))
    return next(action for action in menu.actions() if action.text() == label)


def the_question(window: Any) -> DeleteArticlesDialog:
    [dialog] = [d for d in window.findChildren(DeleteArticlesDialog) if d.isVisible()]
    return dialog


def orphan_group(dock: Any) -> AnnotationGroup | None:
    groups = [e for e in dock.model.rows if isinstance(e, AnnotationGroup) and e.article_id is None]
    return groups[0] if groups else None


def test_delete_keeps_the_highlights_by_default_and_lists_them_as_orphans(
    ui_window: Any, ui_library: Library, qtbot: Any
) -> None:
    first, second, third = ids(ui_library)
    store = AnnotationStore(ui_library)
    note = ui_window.service.create_annotation(first, 0, 3, "green", "春天的笔记")
    assert note is not None
    dock = ui_window.annotation_dock
    dock.show()
    dock.library_switch.setChecked(True)

    list_action(ui_window, first, "Delete…").trigger()
    question = the_question(ui_window)
    assert question.keep_button.isVisible() and question.keep_button.isChecked()
    assert "1 highlight(s)" in question.keep_button.text()
    question.delete_button.click()

    assert ids(ui_library) == [second, third]
    kept = store.get(note.id)
    assert kept is not None and kept.article_id is None and kept.orphaned
    assert (kept.quote, kept.comment, kept.color) == ("第一段", "春天的笔记", "green")
    assert "Orphaned" in ui_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: orphan_group(dock) is not None)
    group = orphan_group(dock)
    assert group is not None and [a.id for a in group.annotations] == [note.id]
    row = dock.model.index_of(note.id)
    assert f"from: {UI_ARTICLES[0][0]}" in row.data(Qt.ItemDataRole.DisplayRole)

    # Clicked, it opens in the editor (there is no article to show it in); edits save.
    dock.tree.clicked.emit(row)
    assert dock.current is not None and dock.current.id == note.id
    assert f"from: {UI_ARTICLES[0][0]}" in dock.quote_label.text()
    dock.editor_colour_buttons["pink"].click()
    assert store.get(note.id).color == "pink"  # type: ignore[union-attr]

    # Undo the colour, then the delete: the article is back with the highlight on it.
    ui_window.undo_action.trigger()
    ui_window.undo_action.trigger()
    assert ids(ui_library) == [first, second, third]
    back = store.get(note.id)
    assert back is not None  # as it was (undoing the colour stamped a new edit time)
    assert replace(back, updated_at=note.updated_at) == note
    qtbot.waitUntil(lambda: orphan_group(dock) is None)
    ui_window.article_list.select_article(first)
    assert ui_window.reading_view.highlights.find(note.id) is not None


def test_several_deleted_at_once_keep_theirs_and_undo_as_one_step(
    ui_window: Any, ui_library: Library
) -> None:
    first, second, third = ids(ui_library)
    notes = [ui_window.service.create_annotation(i, 0, 2, "yellow") for i in (first, third)]
    panel = ui_window.article_list
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for article_id in (first, third):
        selection.select(
            row_index(ui_window, article_id),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    list_action(ui_window, third, "Delete the 2 selected articles…").trigger()
    question = ui_window.article_selection.question
    assert "2 highlight(s)" in question.keep_button.text() and question.keeps
    question.delete_button.click()

    assert ids(ui_library) == [second]
    kept = AnnotationStore(ui_library).search(orphaned=True)
    assert {a.id for a in kept} == {n.id for n in notes if n is not None}
    assert {a.origin.title for a in kept if a.origin} == {UI_ARTICLES[0][0], UI_ARTICLES[2][0]}
    ui_window.undo_action.trigger()
    assert ids(ui_library) == [first, second, third]
    placed = AnnotationStore(ui_library).search()
    assert sorted(a.article_id for a in placed) == [first, third]  # type: ignore[type-var]
    assert not any(a.orphaned for a in placed)


def test_an_article_without_highlights_offers_no_choice(
    ui_window: Any, ui_library: Library
) -> None:
    first, second, third = ids(ui_library)
    list_action(ui_window, second, "Delete…").trigger()
    question = the_question(ui_window)
    assert not question.keep_button.isVisible() and not question.delete_too_button.isVisible()
    question.delete_button.click()
    assert ids(ui_library) == [first, third]


def test_importing_the_file_again_in_the_window_brings_the_article_back_with_them(
    ui_window: Any, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "walk.txt"
    path.write_text(
        "第一回 早上\n我们沿着河边慢慢地走。\n第二回 中午\n太阳很大，我们在树下吃午饭。\n",
        encoding="utf-8",
    )
    service = ui_window.service
    with qtbot.waitSignal(service.import_batch_finished, timeout=60_000):
        service.import_files([path])
    texts = {a.id: ui_library.get_article(a.id).text for a in ui_library.list_articles()}  # type: ignore[union-attr]
    noon_id = next(i for i, text in texts.items() if "在树下吃午饭" in text)
    text = texts[noon_id]
    start = text.index("在树下吃午饭")
    note = service.create_annotation(noon_id, start, start + 6, "pink", "好地方")
    assert note is not None
    assert service.delete_article(noon_id, keep_annotations=True)
    assert AnnotationStore(ui_library).get(note.id).article_id is None  # type: ignore[union-attr]

    # The very file again: not "already in the library" (no question asked either), the
    # chapter comes back and the kept highlight is placed on it.
    with qtbot.waitSignal(service.import_batch_finished, timeout=60_000) as done:
        service.import_files([path])
    [outcome] = done.args[0].outcomes
    assert not outcome.is_duplicate and len(outcome.article_ids) == 1
    back = AnnotationStore(ui_library).get(note.id)
    assert back is not None and back.article_id == outcome.article_ids[0]
    assert not back.orphaned and back.comment == "好地方"
    ui_window.article_list.select_article(back.article_id)
    qtbot.waitUntil(lambda: ui_window.reading_view.highlights.find(note.id) is not None)


def test_a_search_finds_a_kept_note_and_opens_it_in_the_dock(
    ui_window: Any, ui_library: Library, qtbot: Any
) -> None:
    from PySide6.QtTest import QTest

    first = ids(ui_library)[0]
    note = ui_window.service.create_annotation(first, 0, 3, "blue", "记得查这个词")
    assert note is not None
    list_action(ui_window, first, "Delete…").trigger()
    the_question(ui_window).delete_button.click()  # keeping them, the default
    assert first not in ids(ui_library)

    dock = ui_window.search.dock
    dock.open_search()
    dock.line_edit.setText("查这个词")
    dock.ask()
    tree = dock.results
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
    assert tree.topLevelItem(0).text(0) == "Kept notes (1)"
    hit_item = tree.topLevelItem(0).child(0)
    assert f"from: {UI_ARTICLES[0][0]}" in hit_item.text(0)
    rect = tree.visualItemRect(hit_item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    annotations = ui_window.annotation_dock
    qtbot.waitUntil(lambda: annotations.current is not None and annotations.current.id == note.id)
    assert annotations.isVisible() and annotations.editor.isVisible()
