"""The window's learning layer (issue 14) with real widgets: a key on a hovered word sets
its status everywhere (undoable), the view paints status colours, the list shows figures."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from reader.learning.statuses import status_of
from reader.ui.article_list import FIGURES_ROLE

TEXT = "我在银行工作。银行的行长很忙，他有3个孩子。"  # written for this test


@pytest.fixture
def window(text_window: Any) -> Any:
    return text_window(TEXT)


def hover_word(window: Any, word: str) -> int:
    view = window.reading_view
    index = next(i for i in range(len(view.tokens)) if view.tokens.word(i) == word)
    view._word_cursor.set_hovered(index)
    return index


def test_keys_on_a_hovered_word_set_its_status_and_undo(window: Any, qtbot: Any) -> None:
    view, library = window.reading_view, window.service.library
    hover_word(window, "行长")
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert status_of(library, "行长") == "learning2"
    sentence = library.conn.execute(
        "SELECT sentence FROM vocabulary WHERE word = '行长'"
    ).fetchone()[0]
    assert sentence == "银行的行长很忙，他有3个孩子。"
    hover_word(window, "银行")
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert status_of(library, "银行") == "known"
    assert "银行" in view.word_statuses.statuses
    window.service.undo_stack.undo()
    assert status_of(library, "银行") == "new"
    hover_word(window, "他")
    qtbot.keyClick(view, Qt.Key.Key_I)
    assert status_of(library, "他") == "ignored"


def test_the_view_paints_statuses_and_the_list_shows_figures(window: Any, qtbot: Any) -> None:
    view = window.reading_view
    window.vocabulary.set_mode("full")
    hover_word(window, "银行")
    qtbot.keyClick(view, Qt.Key.Key_K)
    view.viewport().repaint()
    painted = {TEXT[s:e] for s, e, _ in view.word_statuses.painted}
    assert "行长" in painted and "银行" not in painted  # known words stay plain
    assert "3" not in painted and "，" not in painted
    window.vocabulary.set_mode("unknown")
    view.viewport().repaint()
    assert {TEXT[s:e] for s, e, _ in view.word_statuses.painted} == painted
    window.vocabulary.set_mode("off")
    view.viewport().repaint()
    assert view.word_statuses.painted == []
    index = window.article_list.proxy.index(0, 0)
    assert index.data(FIGURES_ROLE) == "15 % known · 11 new"  # 2 of 13 running words
