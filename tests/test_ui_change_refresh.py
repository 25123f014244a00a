"""One refresh path: every committed write reaches the window's views as the door's
`Change` record — a highlight, its undo, a corrected reading, an import stored on the
worker's own connection, and a write by another process — and the service has no other
"something changed" signal left to bypass it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal

from reader.library import Library
from reader.library.change import Change
from reader.ui.library_service import LibraryService
from tests.shared_data import REPO_ROOT

WITHIN_MS = 5000


def test_the_service_announces_changes_only_as_records() -> None:
    signals = {name for name, value in vars(LibraryService).items() if isinstance(value, Signal)}
    changes = {name for name in signals if "change" in name or "updated" in name}
    assert changes == {"changed", "changed_elsewhere"}


def test_every_write_reaches_the_views_as_a_change(
    ui_window: Any, ui_library: Library, qtbot: Any, tmp_path: Path
) -> None:
    window, view = ui_window, ui_window.reading_view
    heard: list[Change] = []
    window.service.changed.connect(heard.append)
    window.service.changed_elsewhere.connect(heard.append)
    article_id = view.article_id
    assert article_id is not None

    # A highlight, and its undo: the view paints it, then no longer.
    made = window.service.create_annotation(article_id, 0, 2, "green")
    assert made is not None
    assert heard[-1].annotations == {made.id} and not heard[-1].external
    assert view.highlights.find(made.id) is not None
    window.service.undo_stack.undo()
    assert heard[-1].annotations == {made.id}
    assert view.highlights.find(made.id) is None

    # A corrected reading: the open article's readings take it from the record.
    assert window.service.set_reading_override(article_id, 0, 1, ("zhong4",))
    assert heard[-1].readings == {article_id}
    stored = window.service.reading_overrides(article_id)
    assert stored == {(0, 1): ("zhong4",)}
    assert view.readings is not None
    assert not view.readings.sync_overrides(stored)  # it had them already

    # Another process: the same kind of record, marked external, refreshes the view.
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(ui_library.path), "annotate", str(article_id),
         "--quote", ui_library.get_article(article_id).text[3:5]],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: bool(heard) and heard[-1].external, timeout=WITHIN_MS)
    assert heard[-1].annotated == {article_id}
    qtbot.waitUntil(lambda: len(view.highlights.annotations) == 1, timeout=WITHIN_MS)

    # An import, stored by the worker on a connection of its own: the list shows it.
    page = tmp_path / "autumn.txt"
    page.write_text("秋天到了，树叶黄了。\n农民伯伯在田里收庄稼。\n", encoding="utf-8")
    rows = window.article_list.model.rowCount()
    window.service.import_files([page])
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == rows + 1, timeout=WITHIN_MS)
    assert any(change.sources and not change.external for change in heard)
