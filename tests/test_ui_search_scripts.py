"""Searching across scripts in the window (issue 15): the Search dock's and the find bar's
"Match simplified and traditional"; Ctrl+F in an article shown converted (View ▸ Script)
finds the characters shown and highlights the stored ones; the pinyin index prepared off
the main thread, the dock saying so meanwhile."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from reader.search import index
from reader.text.script_conversion import ScriptChoice
from reader.ui.search_results import HIT_ROLE

pytest.importorskip("opencc")

# Written for these tests: a page stored in traditional characters.
TRADITIONAL_PAGE = "經濟\n後來經濟發展很快，他的頭髮白了。幹部們都很忙。\n"
SIMPLIFIED_PAGE = "春天\n后来经济发展很快。\n"
PREPARING_PINYIN = "Preparing the pinyin index…"


def _window(imported_library: Any, shown_window: Any) -> Any:
    library = imported_library(TRADITIONAL_PAGE, name="traditional.txt")
    window = shown_window(library)
    window.reading.show_article(window.service.articles()[0].id)
    return window


def _dock_asked(imported_library: Any, shown_window: Any, query: str) -> tuple[Any, Any]:
    """The window over the traditional page, its Search dock open and asked `query`."""
    window = _window(imported_library, shown_window)
    dock = window.search.dock
    dock.open_search()
    dock.line_edit.setText(query)
    dock.ask()
    return window, dock


def test_the_dock_matches_both_scripts_when_asked(
    imported_library: Any, shown_window: Any, qtbot: Any
) -> None:
    window, dock = _dock_asked(imported_library, shown_window, "发展")  # the page: 發展
    assert dock.results.topLevelItemCount() == 0
    dock.any_script_box.setChecked(True)  # asks again; the folded texts are prepared first
    assert dock.status.text() == "Preparing the search index…"
    qtbot.waitUntil(lambda: dock.results.topLevelItemCount() == 1, timeout=20000)
    row = dock.results.topLevelItem(0).child(0)
    hit = row.data(0, HIT_ROLE)  # what the row opens: stored offsets of 發展
    assert window.reading_view.article.text[hit.start : hit.end] == "發展"
    assert "發展" in row.text(0)
    dock.line_edit.setText("幹部")  # one-to-many: 干 ↔ 幹/乾
    dock.ask()
    assert dock.results.topLevelItemCount() == 1


def test_ctrl_f_in_a_simplified_view_of_a_traditional_article_highlights_the_stored_characters(
    imported_library: Any, shown_window: Any, qtbot: Any
) -> None:
    window = _window(imported_library, shown_window)
    view, bar = window.reading_view, window.search.find_bar
    stored = view.article.text
    window.script_choice.set_article_choice(ScriptChoice.SIMPLIFIED)
    assert "发展" in view.toPlainText() and "发展" not in stored
    window.search.open_find_bar()  # Ctrl+F
    assert bar.isVisible()
    bar.line_edit.insert("发展")  # typed in the script shown
    at = stored.index("發展")
    assert view.find_layer.hits == [(at, at + 2)] and bar.count_label.text() == "1 of 1"
    bar.line_edit.setText("头发")
    [(start, end)] = view.find_layer.hits
    assert stored[start:end] == "頭髮"
    # The highlight lands on the shown characters: stored offsets → shown document.
    document = view.document().toPlainText()
    assert document[view.document_position(start) : view.document_position(end)] == "头发"
    bar.line_edit.setText("頭髮")  # the stored script: not what is shown …
    assert view.find_layer.hits == []
    bar.any_script_box.setChecked(True)  # … unless either script is asked for
    assert view.find_layer.hits == [(start, end)]
    window.script_choice.set_article_choice(ScriptChoice.AS_WRITTEN)
    bar.any_script_box.setChecked(False)
    bar.line_edit.setText("发展")
    assert view.find_layer.hits == []


def test_the_first_pinyin_search_prepares_the_index_without_blocking_the_window(
    imported_library: Any, shown_window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    library = imported_library(SIMPLIFIED_PAGE, name="spring.txt")
    window = shown_window(library)
    dock, preparation = window.search.dock, window.search.preparation
    assert index.missing_readings(library)  # nothing prepared yet
    held = threading.Event()
    real_ensure = index.ensure_readings

    def held_ensure(library: Any, *args: Any) -> int:
        if threading.current_thread() is threading.main_thread():
            # The engine's own check, once prepared: nothing left to work out here.
            assert not index.missing_readings(library, *args[:1])
        else:
            held.wait(timeout=30)
        return real_ensure(library, *args)

    monkeypatch.setattr(index, "ensure_readings", held_ensure)
    dock.open_search()
    dock.line_edit.setText("fazhan")
    dock.ask()  # returns at once: the readings are worked out on a pool thread
    assert dock.status.text() == PREPARING_PINYIN
    assert dock.results.topLevelItemCount() == 0 and preparation.running
    ticked: list[bool] = []
    QTimer.singleShot(10, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the main thread's event loop runs meanwhile
    assert preparation.running
    with qtbot.waitSignal(preparation.ready, timeout=30000):
        held.set()
    assert dock.results.topLevelItemCount() == 1, dock.status.text()  # ran once ready
    assert "发展" in dock.results.topLevelItem(0).child(0).text(0)
    assert not index.missing_readings(window.service.library)
    dock.line_edit.setText("jingji")  # prepared now: answered at once
    dock.ask()
    assert dock.results.topLevelItemCount() == 1 and not preparation.running


def test_no_hits_says_what_would_find_them(
    imported_library: Any, shown_window: Any, qtbot: Any
) -> None:
    _, dock = _dock_asked(imported_library, shown_window, "发展")
    dock.any_script_box.setChecked(True)  # prepares the index across scripts, then finds it
    qtbot.waitUntil(lambda: dock.results.topLevelItemCount() == 1, timeout=20000)
    dock.any_script_box.setChecked(False)  # asks again: nothing in this script
    assert dock.results.topLevelItemCount() == 0
    label = dock.any_script_box.text()
    assert dock.status.text() == f"No hits. With {label}: 1 hit(s), written in the other script."
    dock.line_edit.setText("經濟 發展")
    dock.ask()
    assert dock.status.text().startswith("No hits. The query holds a space")
    assert dock.status.wordWrap()  # the sentence wraps in the narrow dock, none of it cut
