"""Exporting the whole library from the window writes what `yuedu export` writes: the
articles that hold annotations, not an empty note for every other one; and with none,
nothing at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.ui.export_dialog import SCOPE_LIBRARY, ExportDialog, ExportRequest

EXPORT_TIMEOUT_MS = 60_000


def run_export(window: Any, qtbot: Any, request: ExportRequest, monkeypatch: Any) -> None:
    monkeypatch.setattr(ExportDialog, "get_request", staticmethod(lambda *a: (request, True)))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.exports.runner is None, timeout=EXPORT_TIMEOUT_MS)


@pytest.mark.parametrize("per_article", [True, False], ids=["folder", "one file"])
def test_the_library_export_holds_only_the_annotated_articles(
    ui_window: Any, ui_library: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any,
    per_article: bool,
) -> None:  # fmt: skip
    articles = ui_library.list_articles()
    annotated, *others = articles
    ui_window.service.create_annotation(annotated.id, 0, 2, "green", "a note")
    destination = tmp_path / ("vault" if per_article else "notes.md")
    ids = [a.id for a in articles]
    request = ExportRequest(ids, destination, per_article=per_article, scope=SCOPE_LIBRARY)
    run_export(ui_window, qtbot, request, monkeypatch)
    if per_article:
        notes = sorted(destination.glob("*.md"))
        assert [note.stem for note in notes] == [annotated.title]
        text = notes[0].read_text(encoding="utf-8")
    else:
        text = destination.read_text(encoding="utf-8")
    assert "a note" in text
    for other in others:
        assert other.title not in text


def test_a_library_without_annotations_writes_nothing_and_says_so(
    ui_window: Any, ui_library: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    folder = tmp_path / "vault"
    ids = [a.id for a in ui_library.list_articles()]
    request = ExportRequest(ids, folder, per_article=True, scope=SCOPE_LIBRARY)
    run_export(ui_window, qtbot, request, monkeypatch)
    assert not folder.exists() or not list(folder.iterdir())
    assert ui_window.statusBar().currentMessage() == (
        "No annotations to export; nothing was written."
    )
