"""Start-up: the sample page for an empty library, library errors, and no jieba on the way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.library.store import Library
from reader.paths import SAMPLE_PAGE
from reader.ui.application import create_main_window, import_sample_if_empty, run_gui
from reader.ui.main_window import MainWindow

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_empty_library_gets_the_sample_page(tmp_path: Path, ui_settings: Any, qtbot: Any) -> None:
    library = Library.open(tmp_path / "new.sqlite3")
    try:
        outcome = import_sample_if_empty(library)
        assert outcome is not None and outcome.file_name == SAMPLE_PAGE.name
        assert library.article_count() == len(outcome.article_ids) > 0
        window = create_main_window(library, ui_settings)
        qtbot.addWidget(window)
        assert window.reading_view.article_id == outcome.article_ids[0]
        assert window.reading_view.toPlainText().strip()
    finally:
        library.close()


def test_library_with_articles_is_left_alone(ui_library: Library) -> None:
    before = ui_library.article_count()
    assert import_sample_if_empty(ui_library) is None
    assert ui_library.article_count() == before


def test_unusable_library_shows_the_error_and_exits_1(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_library = tmp_path / "other.sqlite3"
    not_a_library.write_bytes(b"<b>garbage</b>" * 200)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)

    assert run_gui(not_a_library, ["yuedu"]) == 1

    assert len(shown) == 1
    assert "not a usable library file" in shown[0].text()
    assert shown[0].textFormat().name == "PlainText"


def test_run_gui_shows_the_window_and_returns_the_exit_status(
    ui_library: Library, ui_settings: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ui_library.path
    ui_library.close()
    shown: list[Any] = []

    def exec_and_quit() -> int:
        window = next(
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        shown.append(window.windowTitle())
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", exec_and_quit)
    assert run_gui(path, ["yuedu"]) == 0
    assert shown and shown[0].startswith("Yuedu — ")


def test_opening_the_window_does_not_load_the_segmenter(ui_library: Library) -> None:
    """jieba takes about a second to load: a library that has articles must not pay it."""
    ui_library.close()
    script = f"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from reader.library.store import Library
from reader.ui.application import create_main_window, import_sample_if_empty
app = QApplication([])
library = Library.open(Path({str(ui_library.path)!r}))
import_sample_if_empty(library)
settings = QSettings({str(Path(ui_library.path).with_suffix(".ini"))!r}, QSettings.Format.IniFormat)
window = create_main_window(library, settings)
window.show()
app.processEvents()
print(json.dumps({{
    "shown": window.reading_view.article_id,
    "loaded": [m for m in ("jieba", "pypinyin", "reader.text.segment", "reader.importer",
                           "pypdfium2", "opencc")
               if m in sys.modules],
}}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["shown"] is not None
    assert report["loaded"] == []
