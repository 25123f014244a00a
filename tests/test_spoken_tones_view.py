"""View ▸ Spoken tones of 一 and 不 (issue 13 §2): off by default; on, the pinyin above the
text and the card show 一 and 不 as said (yí ge, bú shì) while corrections and the stored
readings keep dictionary tones; the choice is remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.text.tokens import ArticleReadings, TokenIndex

TEXT = "我买了一个苹果，不是两个。"
ENDS = [1, 2, 3, 5, 7, 8, 10, 12, 13]  # 我 买 了 一个 苹果 ， 不是 两个 。
RESOLVED = [("wo3",), ("mai3",), ("le5",), ("yi1", "ge4"), ("ping2", "guo3"), (None,),
            ("bu4", "shi4"), ("liang3", "ge4"), (None,)]  # fmt: skip


def test_spoken_readings_follow_the_readings() -> None:
    readings = ArticleReadings(TokenIndex(TEXT, ENDS), {})
    readings.set_resolved(0, RESOLVED)
    spoken = readings.spoken_per_char()
    assert spoken[3:5] == ["yi2", "ge4"] and spoken[8:10] == ["bu2", "shi4"]
    assert readings.per_char[3] == "yi1"  # the written readings are untouched
    assert readings.shown_reading(3, spoken=True) == ("yi2", "ge4")
    assert readings.shown_reading(3, spoken=False) == ("yi1", "ge4")
    readings.set_override(3, 5, ("yi1", "tian1"))  # a reader's correction: 一天 yì tiān
    assert readings.spoken_per_char()[3:5] == ["yi4", "tian1"]


@pytest.fixture
def window(tmp_path: Path, ui_settings: Any, qtbot: Any) -> Iterator[Any]:
    from reader.ui.application import create_main_window

    library = Library.open(tmp_path / "lib.sqlite3")
    source = NewSource.whole("apple.txt", "UTF-8", "a" * 64, len(TEXT), TEXT, [TEXT])
    library.add_source(source, [NewArticle("苹果", False, "", TEXT, 0, 1, ENDS)])
    window = create_main_window(library, ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.reading_view.readings.set_resolved(0, RESOLVED)
    yield window
    window.service.shutdown()
    window.pinyin.shutdown()
    library.close()


def test_the_view_option_shows_spoken_tones_and_is_remembered(
    window: Any, ui_settings: Any, qtbot: Any
) -> None:
    from reader.ui.application import create_main_window

    action = window.spoken_tones_action
    assert not action.isChecked()  # dictionary tones by default, as in Pleco
    assert window.cards.word_info(3).shown_syllables == ("yi1", "ge4")
    action.trigger()
    assert window.reading_view.spoken_tones
    info = window.cards.word_info(3)
    assert info.shown_syllables == ("yi2", "ge4")
    assert info.syllables == ("yi1", "ge4")  # what a correction starts from stays written
    assert window.cards.word_info(6).shown_syllables == ("bu2", "shi4")
    again = create_main_window(window.service._library, ui_settings)
    qtbot.addWidget(again)
    assert again.spoken_tones_action.isChecked() and again.reading_view.spoken_tones
    again.service.shutdown()
    again.pinyin.shutdown()


def test_pinyin_above_the_text_paints_the_spoken_tones(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.reading_view
    window.set_pinyin_above(True)
    asked: list[bool] = []
    original = view.readings.spoken_per_char
    monkeypatch.setattr(view.readings, "spoken_per_char", lambda: asked.append(True) or original())
    view.viewport().repaint()
    assert not asked  # off: the written tones are painted
    window.spoken_tones_action.trigger()
    view.viewport().repaint()
    assert asked
