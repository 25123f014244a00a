"""Every database error reaches the reader in words, in the window (issue 10, point 3).

Failures are injected into the live window's own SQLite connection with an authorizer that
denies reading or writing one table: SQLite itself then fails the statement, exactly where a
disk error or a damaged page would. The window must say so (a bar that stays, or a
message), never report "Saved." for a write that did not commit, and never be left showing
one article's text while the list points at another."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.library import Library
from reader.library.change import Change
from tests.test_ui_annotations import select

SETTLE_MS = 2000


@pytest.fixture
def deny(ui_library: Library) -> Iterator[Any]:
    """deny(action, table): SQLite refuses that action on that table until `deny(None)`."""

    def set_denial(action: int | None, table: str = "") -> None:
        if action is None:
            ui_library.conn.set_authorizer(None)
            return

        def authorizer(code: int, first: str | None, *_: object) -> int:
            return sqlite3.SQLITE_DENY if (code, first) == (action, table) else sqlite3.SQLITE_OK

        ui_library.conn.set_authorizer(authorizer)

    yield set_denial
    ui_library.conn.set_authorizer(None)


def visible_boxes(window: Any) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def close_boxes(window: Any) -> None:
    for box in visible_boxes(window):
        box.close()


def test_a_failed_read_is_said_wholly_in_the_window_s_language(
    ui_window: Any, ui_library: Library, qapp: Any, deny: Any
) -> None:
    """What could not be read is part of the sentence: under a Chinese window it is Chinese
    too, not "阅读无法从文库读取the article"."""
    from reader.ui.languages import SIMPLIFIED_CHINESE, install_translators, remove_translators

    first, second, _ = ui_library.list_articles()
    ui_window.article_list.select_article(first.id)
    translators = install_translators(qapp, SIMPLIFIED_CHINESE)
    try:
        deny(sqlite3.SQLITE_READ, "articles")
        ui_window.article_list.select_article(second.id)
        message = ui_window.error_bar.message
    finally:
        remove_translators(qapp, translators)
    assert message.startswith("阅读无法从文库读取文章（"), message
    assert "the " not in message


def test_a_failed_read_when_opening_an_article_leaves_the_window_consistent(
    ui_window: Any, ui_library: Library, qtbot: Any, deny: Any
) -> None:
    first, second, _ = ui_library.list_articles()
    ui_window.article_list.select_article(first.id)
    assert ui_window.reading_view.article_id == first.id
    shown_text = ui_window.reading_view.toPlainText()

    deny(sqlite3.SQLITE_READ, "articles")
    ui_window.article_list.select_article(second.id)  # the reader clicks another article

    assert ui_window.error_bar.isVisible()
    assert "could not read the article" in ui_window.error_bar.message
    # Not half-switched: the text and the list still agree on the first article.
    assert ui_window.reading_view.article_id == first.id
    assert ui_window.reading_view.toPlainText() == shown_text
    assert ui_window.article_list.selected_article_id() == first.id

    deny(None)
    qtbot.mouseClick(ui_window.error_bar.retry_button, Qt.MouseButton.LeftButton)
    assert not ui_window.error_bar.isVisible()
    ui_window.article_list.select_article(second.id)
    assert ui_window.reading_view.article_id == second.id


def test_a_failed_read_of_the_highlights_is_said_over_the_new_article(
    ui_window: Any, ui_library: Library, deny: Any
) -> None:
    first, second, _ = ui_library.list_articles()
    ui_window.article_list.select_article(first.id)
    deny(sqlite3.SQLITE_READ, "annotations")
    ui_window.article_list.select_article(second.id)
    assert ui_window.reading_view.article_id == second.id  # its text was read
    assert "could not read the article's highlights" in ui_window.error_bar.message


def test_a_failed_refresh_of_the_list_keeps_the_rows_and_says_so(
    ui_window: Any, ui_library: Library, deny: Any
) -> None:
    rows = ui_window.article_list.model.rowCount()
    deny(sqlite3.SQLITE_READ, "articles")
    ui_window.changes.apply(Change(op="Import", sources=frozenset({99})))
    assert ui_window.article_list.model.rowCount() == rows == 3
    assert "could not read the list of articles" in ui_window.error_bar.message


def test_the_error_bar_offers_check_library(
    ui_window: Any, ui_library: Library, qtbot: Any, deny: Any
) -> None:
    deny(sqlite3.SQLITE_READ, "articles")
    ui_window.changes.apply(Change(op="Import", sources=frozenset({99})))
    deny(None)
    qtbot.mouseClick(ui_window.error_bar.check_button, Qt.MouseButton.LeftButton)
    boxes = visible_boxes(ui_window)
    assert [box.windowTitle() for box in boxes] == ["Check library"]
    assert "sound" in boxes[0].text()
    close_boxes(ui_window)


def highlight_first_characters(window: Any) -> str | None:
    select(window.reading_view, 0, 3)
    return window.highlights.highlight_selection("yellow")


def test_a_highlight_that_did_not_commit_is_never_reported_saved(
    ui_window: Any, ui_library: Library, qtbot: Any, deny: Any
) -> None:
    article = ui_library.list_articles()[0]
    ui_window.article_list.select_article(article.id)
    ui_window.statusBar().clearMessage()
    deny(sqlite3.SQLITE_INSERT, "annotations")

    assert highlight_first_characters(ui_window) is None
    [box] = visible_boxes(ui_window)
    assert box.windowTitle() == "Not saved" and "not saved" in box.text()
    assert "Saved" not in ui_window.statusBar().currentMessage()
    assert ui_window.service.undo_stack.count() == 0
    assert ui_library.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    close_boxes(ui_window)

    deny(None)
    assert highlight_first_characters(ui_window) is not None
    assert ui_window.statusBar().currentMessage() == "Saved."


def test_an_undo_that_did_not_commit_says_so_and_keeps_the_highlight(
    ui_window: Any, ui_library: Library, deny: Any
) -> None:
    article = ui_library.list_articles()[0]
    ui_window.article_list.select_article(article.id)
    assert highlight_first_characters(ui_window) is not None
    ui_window.statusBar().clearMessage()
    deny(sqlite3.SQLITE_DELETE, "annotations")

    ui_window.undo_action.trigger()

    [box] = visible_boxes(ui_window)
    assert box.windowTitle() == "Not saved"
    assert "Saved" not in ui_window.statusBar().currentMessage()
    assert ui_library.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    assert len(ui_window.reading_view.highlights.annotations) == 1
    # The history does not claim the undo happened: nothing to redo, nothing left to undo.
    assert not ui_window.service.undo_stack.canRedo()
    assert ui_window.service.undo_stack.count() == 0
    close_boxes(ui_window)


def test_an_unexpected_error_in_a_slot_reaches_the_bar_in_words(ui_window: Any) -> None:
    import sys

    from reader.ui.error_bar import report_unexpected_errors

    restore = report_unexpected_errors(ui_window.error_bar)
    try:
        try:
            raise KeyError("article 7")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    assert ui_window.error_bar.isVisible()
    assert "Something went wrong" in ui_window.error_bar.message
    assert "KeyError" in ui_window.error_bar.message
