"""The export dialog and the export it starts, driven through the real widgets; deep links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reader.library import Library
from reader.ui.export_dialog import SCOPE_CHOSEN, ExportDialog, ExportRequest
from tests.shared_data import SEED_PAGE

EXPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def seeded(imported_library: Any) -> Library:
    return imported_library(path=SEED_PAGE)


@pytest.fixture
def window(seeded: Library, shown_window: Any) -> Iterator[Any]:
    window = shown_window(seeded)
    yield window
    if window.exports.runner is not None:
        window.exports.runner.wait()


def test_the_dialog_builds_the_request_and_remembers_the_choices(
    seeded: Library, ui_settings: Any, qtbot: Any, tmp_path: Path
) -> None:
    articles = seeded.list_articles()
    dialog = ExportDialog(None, ui_settings, articles, articles[0].id)
    qtbot.addWidget(dialog)
    export_button = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.path_edit.clear()
    assert not export_button.isEnabled()  # nowhere to write yet
    dialog.scope_chosen.setChecked(True)
    for row in (1, 3):
        dialog.article_list.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.per_article.setChecked(True)
    dialog.pinyin_box.setChecked(True)
    dialog.orphans_box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "notes"))
    assert export_button.isEnabled()
    qtbot.mouseClick(export_button, Qt.MouseButton.LeftButton)
    request = dialog.request()
    assert request.article_ids == [articles[1].id, articles[3].id]
    assert (request.per_article, request.pinyin, request.orphans) == (True, True, False)
    assert request.destination == tmp_path / "notes"

    again = ExportDialog(None, ui_settings, articles, articles[0].id)
    qtbot.addWidget(again)
    remembered = again.request()
    assert remembered.scope == SCOPE_CHOSEN
    assert remembered.article_ids == request.article_ids
    assert (remembered.per_article, remembered.pinyin, remembered.orphans) == (True, True, False)
    assert remembered.destination == request.destination


def test_export_from_the_menu_writes_the_file_and_asks_before_overwriting(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    view = window.reading_view
    start = view.tokens.text.index("营商环境")
    window.service.create_annotation(view.article_id, start, start + 4, "green", "Key *term*")
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    request = ExportRequest([view.article_id], target, per_article=False)
    monkeypatch.setattr(ExportDialog, "get_request", staticmethod(lambda *a: (request, True)))

    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.exports.runner is None, timeout=EXPORT_TIMEOUT_MS)
    text = target.read_text(encoding="utf-8")
    assert "> 营商环境" in text and "Key *term*" in text
    assert window.statusBar().currentMessage().startswith("Exported to")

    asked: list[list[str]] = []
    monkeypatch.setattr(
        window.exports, "confirm_overwrite", lambda paths: asked.append(paths) or False
    )
    target.write_text("my own notes", encoding="utf-8")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=EXPORT_TIMEOUT_MS)
    assert asked == [[str(target)]]
    assert target.read_text(encoding="utf-8") == "my own notes"  # refused: left alone

    monkeypatch.setattr(window.exports, "confirm_overwrite", lambda paths: True)
    window.export_action.trigger()
    qtbot.waitUntil(
        lambda: target.read_text(encoding="utf-8") != "my own notes", timeout=EXPORT_TIMEOUT_MS
    )
    qtbot.waitUntil(lambda: window.exports.runner is None, timeout=EXPORT_TIMEOUT_MS)
    assert "> 营商环境" in target.read_text(encoding="utf-8")


def test_a_deep_link_opens_the_article_at_the_passage(window: Any, seeded: Library) -> None:
    articles = seeded.list_articles()
    last = seeded.get_article(articles[-1].id)
    start = last.text.index("宜居")
    annotation = window.service.create_annotation(last.id, start, start + 2, "pink")
    window.article_list.select_article(articles[0].id)
    assert window.reading_view.article_id == articles[0].id

    assert window.reading.open_deep_link(f"yuedu://article/{last.id}?annotation={annotation.id}")
    assert window.reading_view.article_id == last.id
    assert window.annotation_dock.current.id == annotation.id
    assert window.reading_view.highlights.flash_id == annotation.id
    assert not window.reading.open_deep_link("yuedu://article/notanumber")


def test_exporting_the_library_into_a_folder_writes_one_note_per_article(
    window: Any, seeded: Library, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    for summary in seeded.list_articles():
        window.service.create_annotation(summary.id, 3, 9, "blue")
    folder = tmp_path / "vault"
    ids = [a.id for a in seeded.list_articles()]
    request = ExportRequest(ids, folder, per_article=True, scope="library")
    monkeypatch.setattr(ExportDialog, "get_request", staticmethod(lambda *a: (request, True)))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.exports.runner is None, timeout=EXPORT_TIMEOUT_MS)
    notes = sorted(folder.glob("*.md"))
    assert len(notes) == len(ids)
    assert all("yuedu://article/" in note.read_text(encoding="utf-8") for note in notes)
