"""Several articles at once in the article list (issue 16 §5): delete and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox

from reader.library import Library
from tests.conftest import UI_ARTICLES


def select_rows(window: Any, article_ids: list[int]) -> None:
    panel = window.article_list
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for article_id in article_ids:
        index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(article_id), 0))
        selection.select(
            index,
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def menu_labels(window: Any, article_id: int) -> dict[str, Any]:
    panel = window.article_list
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(article_id), 0))
    return {action.text(): action for action in panel.menu_for(index).actions()}


def titles(library: Library) -> list[str]:
    return [article.title for article in library.list_articles()]


def test_delete_several_asks_once_and_undoes_as_one_step(
    ui_window: Any, ui_library: Library
) -> None:
    first, second, third = [a.id for a in ui_library.list_articles()]
    ui_window.service.create_annotation(first, 0, 2, "yellow")
    select_rows(ui_window, [first, third])
    assert ui_window.article_selection.selected_ids() == [first, third]
    labels = menu_labels(ui_window, third)
    assert "Export the 2 selected articles…" in labels
    labels["Delete the 2 selected articles…"].trigger()
    box = ui_window.article_selection.question
    assert "Delete 2 articles?" in box.question.text()
    assert "1 highlight(s)" in box.delete_too_button.text()
    box.delete_too_button.click()
    box.delete_button.click()
    assert titles(ui_library) == [UI_ARTICLES[1][0]]
    ui_window.undo_action.trigger()  # one step puts both back, with the highlight
    assert titles(ui_library) == [title for title, _, _ in UI_ARTICLES]
    assert ui_library.conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 1


def test_cancel_deletes_nothing_and_one_row_has_no_group_entries(
    ui_window: Any, ui_library: Library
) -> None:
    first, second, _ = [a.id for a in ui_library.list_articles()]
    select_rows(ui_window, [first])
    assert not any("selected" in label for label in menu_labels(ui_window, first))
    select_rows(ui_window, [first, second])
    menu_labels(ui_window, first)["Delete the 2 selected articles…"].trigger()
    box = ui_window.article_selection.question
    box.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(titles(ui_library)) == 3


def test_export_several_chooses_them_in_the_dialog(
    ui_window: Any, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    first, _, third = [a.id for a in ui_library.list_articles()]
    for article_id in (first, third):
        ui_window.service.create_annotation(article_id, 0, 2, "yellow", f"note {article_id}")
    select_rows(ui_window, [first, third])
    menu_labels(ui_window, first)["Export the 2 selected articles…"].trigger()
    dialog = ui_window.article_selection.dialog
    assert dialog.scope_chosen.isChecked() and dialog.chosen_ids() == [first, third]
    out = tmp_path / "chosen.md"
    dialog.one_file.setChecked(True)
    dialog.path_edit.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(out.is_file, timeout=20000)
    text = out.read_text(encoding="utf-8")
    assert f"note {first}" in text and f"note {third}" in text
