"""Word readings in the window: the word's context menu reads it so everywhere, undo and redo
take it back and forth, every occurrence repaints through the door's record, and the
Readings of words dialog lists and removes them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.library.word_readings import set_word_reading, word_readings
from reader.ui.word_readings_dialog import WordReadingsDialog

TEXT = "银行行长说，行长很忙。"
ENDS = [2, 4, 5, 6, 8, 9, 10, 11]  # 银行 | 行长 | 说 | ， | 行长 | 很 | 忙 | 。
RESOLVED = [("yin2", "hang2"), ("xing2", "zhang3"), ("shuo1",), (None,),
            ("xing2", "zhang3"), ("hen3",), ("mang2",), (None,)]  # fmt: skip


@pytest.fixture
def window(tmp_path: Path, ui_settings: Any, qtbot: Any) -> Iterator[Any]:
    from reader.ui.application import create_main_window

    library = Library.open(tmp_path / "lib.sqlite3")
    source = NewSource.whole("bank.txt", "UTF-8", "b" * 64, len(TEXT), TEXT, [TEXT])
    library.add_source(source, [NewArticle("银行", False, "", TEXT, 0, 1, ENDS)])
    window = create_main_window(library, ui_settings)
    window.library = library  # for the test's own reads
    qtbot.addWidget(window)
    window.show()
    readings = window.reading_view.readings
    readings.set_resolved(0, RESOLVED)  # as the pinyin worker would (wrongly: xíngzhǎng)
    yield window
    window.service.shutdown()
    window.pinyin.shutdown()
    library.close()


def popup_actions(qtbot: Any) -> dict[str, Any]:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    actions = {action.text(): action for action in menu.actions() if action.text()}
    menu.close()
    return actions


def test_the_context_menu_reads_a_word_so_everywhere_with_undo(window: Any, qtbot: Any) -> None:
    view, service = window.reading_view, window.service
    window.cards.on_context_menu(1, QPoint(10, 10))
    actions = popup_actions(qtbot)
    assert "Automatic reading of “行长” everywhere" not in actions
    set_correct = "Read “行长” as xíng zhǎng everywhere"
    assert set_correct in actions  # the reading shown now is offered
    # The reader first corrects one occurrence to háng zhǎng, then makes that the word's.
    assert service.set_reading_override(view.article_id, 2, 4, ("hang2", "zhang3"))
    window.cards.on_context_menu(1, QPoint(10, 10))
    popup_actions(qtbot)["Read “行长” as háng zhǎng everywhere"].trigger()
    assert word_readings(window.library) == {"行长": ("hang2", "zhang3")}
    assert view.readings.per_char[6:8] == ["hang2", "zhang3"]  # the other occurrence too
    service.undo_stack.undo()
    assert word_readings(window.library) == {}
    assert view.readings.per_char[6:8] == ["xing2", "zhang3"]
    service.undo_stack.redo()
    assert view.readings.per_char[6:8] == ["hang2", "zhang3"]
    window.cards.on_context_menu(4, QPoint(10, 10))
    popup_actions(qtbot)["Automatic reading of “行长” everywhere"].trigger()
    assert word_readings(window.library) == {}
    assert view.readings.per_char[6:8] == ["xing2", "zhang3"]


def test_the_dialog_lists_and_removes_word_readings(window: Any, qtbot: Any) -> None:
    service = window.service
    set_word_reading(window.library, "行长", ["hang2", "zhang3"])
    dialog = WordReadingsDialog(service.word_readings, window)
    qtbot.addWidget(dialog)
    dialog.reading_change_requested.connect(
        lambda word, syllables: service.set_word_reading(word, syllables)
    )
    assert dialog.words_listed() == ["行长"]
    assert dialog.table.item(0, 1).text() == "háng zhǎng"
    assert not dialog.empty_label.isVisibleTo(dialog)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.words_listed() == [] and dialog.empty_label.isVisibleTo(dialog)
    assert word_readings(window.library) == {}
    service.undo_stack.undo()  # the removal is undoable too
    assert word_readings(window.library) == {"行长": ("hang2", "zhang3")}


def test_a_correction_of_one_occurrence_is_one_undoable_step(window: Any) -> None:
    view, service = window.reading_view, window.service
    stack = service.undo_stack
    assert service.set_reading_override(view.article_id, 2, 4, ("hang2", "zhang3"))
    assert stack.undoText() == "Reading of 行长 here"
    assert view.readings.per_char[2:4] == ["hang2", "zhang3"]
    assert view.readings.per_char[6:8] == ["xing2", "zhang3"]  # only this occurrence
    stack.undo()
    assert window.library.reading_overrides(view.article_id) == {}
    assert view.readings.per_char[2:4] == ["xing2", "zhang3"]
    stack.redo()
    assert window.library.reading_overrides(view.article_id) == {(2, 4): ("hang2", "zhang3")}
    assert view.readings.per_char[2:4] == ["hang2", "zhang3"]
    # "Use the automatic reading" is a step too, and undoing it brings the correction back.
    assert service.set_reading_override(view.article_id, 2, 4, None)
    assert view.readings.per_char[2:4] == ["xing2", "zhang3"]
    stack.undo()
    assert view.readings.per_char[2:4] == ["hang2", "zhang3"]
    count = stack.count()
    assert service.set_reading_override(view.article_id, 2, 4, ("hang2", "zhang3"))
    assert stack.count() == count  # the same reading again: no step
