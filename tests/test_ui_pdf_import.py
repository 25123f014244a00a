"""A PDF dropped on the window is imported through the worker thread and the PDF reader's
child process; a PDF that crashes the reader is a warning, and the window goes on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import UI_ARTICLES
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.importing import pdf_process
from reader.ui.file_dialogs import TEXT_FILES_FILTER, parse_filters
from reader.ui.main_window import MainWindow
from tests.pdf_samples import newspaper_pdf


def drop(window: MainWindow, qtbot: Any, path: Path) -> Any:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.service.import_batch_finished, timeout=60_000) as done:
        window.dropEvent(event)
    assert event.isAccepted()
    return done.args[0]


def test_a_dropped_pdf_is_imported(ui_window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    report = drop(ui_window, qtbot, page)
    assert report.failures == [] and len(report.added_article_ids) == 3
    assert ui_window.service.article_count() == len(UI_ARTICLES) + 3
    # The first new article is shown: the farm story, its two columns in order.
    assert ui_window.reading_view.article_id == report.added_article_ids[0]
    shown = ui_window.reading_view.toPlainText().replace(" ", "")
    assert shown.index("各地抢抓农时") < shown.index("农机合作社") < shown.index("南部山区")


def test_a_pdf_that_crashes_the_reader_is_a_warning(
    ui_window: MainWindow, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        pdf_process, "WORKER_COMMAND", [sys.executable, "-c", "import os; os.abort()"]
    )
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    report = drop(ui_window, qtbot, page)
    assert report.added_article_ids == []
    assert [name for name, _ in report.failures] == ["page.pdf"]
    assert "this PDF could not be read" in report.failures[0][1]
    assert ui_window.service.article_count() == len(UI_ARTICLES)
    assert ui_window.isVisible()


def test_the_import_dialog_offers_pdf_files() -> None:
    first = parse_filters(TEXT_FILES_FILTER)[0]
    assert first.admits("page.PDF") and first.admits("novel.txt")


def test_file_import_asks_which_pages_of_a_pdf(
    ui_window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    """File ▸ Import… on a PDF asks for its pages; a range that is not one is said and
    asked again; the pages chosen are what is imported."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from tests.dialogs import choose_file_in_next_dialog, when_shown

    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    said: list[str] = []

    def answer(text: str, then: Any = None) -> Any:
        def act(dialog: QInputDialog) -> None:
            dialog.setTextValue(text)
            if then is not None:
                when_shown(QMessageBox, then)
            dialog.accept()

        return act

    def close_box(box: QMessageBox) -> None:
        said.append(box.text())
        when_shown(QInputDialog, answer("2"))
        box.accept()

    choose_file_in_next_dialog(page)
    when_shown(QInputDialog, answer("3-1", then=close_box))
    with qtbot.waitSignal(ui_window.service.import_batch_finished, timeout=60_000) as done:
        ui_window.import_action.trigger()
    report = done.args[0]
    assert said and "not a page range" in said[0]
    assert report.failures == []
    [outcome] = report.outcomes
    assert outcome.encoding == "PDF, page 2"
    texts = [ui_window.service.article(i).text for i in report.added_article_ids]
    assert texts and not any("各地抢抓农时" in text for text in texts)  # page 1's lead


def test_cancelling_the_pages_question_imports_nothing(
    ui_window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests.dialogs import choose_file_in_next_dialog, when_shown

    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    choose_file_in_next_dialog(page)
    when_shown(QInputDialog, lambda dialog: dialog.reject())
    ui_window.import_action.trigger()
    qtbot.wait(300)
    assert not ui_window.service.is_importing
    assert ui_window.service.article_count() == len(UI_ARTICLES)
