"""The reading view with pinyin and the dictionary, driven through the real widgets: hover
cards, the word cursor, corrections that are stored, pinyin above the text, zoom."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from reader.importer import import_path
from reader.library import Library
from reader.ui.application import create_main_window

TEXT = "他在银行工作，我们一起行动。\n孩子长大了，我去重庆出差。\n甲𠮷乙😀丙，ABC 123。\n"
READINGS_TIMEOUT_MS = 120_000


@pytest.fixture
def reading_library(imported_library: Any) -> Library:
    return imported_library(TEXT, name="reading.txt")


def open_window(library: Library, settings: Any, qtbot: Any) -> Any:
    window = create_main_window(library, settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return wait_for_readings(window, qtbot)


def wait_for_readings(window: Any, qtbot: Any) -> Any:
    view = window.reading_view
    qtbot.waitUntil(lambda: window.pinyin.dictionary is not None, timeout=READINGS_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: all(view.readings.is_resolved(i) for i in range(len(view.tokens))),
        timeout=READINGS_TIMEOUT_MS,
    )
    return window


@pytest.fixture
def reading_window(reading_library: Library, shown_window: Any, qtbot: Any) -> Any:
    return wait_for_readings(shown_window(reading_library, (1000, 700)), qtbot)


def hover(window: Any, word: str, occurrence: int = 0) -> int:
    """Move the mouse over the middle of `word`; returns its token index."""
    view = window.reading_view
    start = -1
    for _ in range(occurrence + 1):
        start = view.tokens.text.index(word, start + 1)
    index = view.tokens.index_at(start)
    assert view.tokens.word(index) == word, f"{word!r} is not one token"
    QTest.mouseMove(view.viewport(), view.token_rect(index).center())
    return index


def card_syllables(window: Any) -> list[str]:
    return [button.text() for button in window.cards.card.syllable_buttons]


def test_hovering_a_word_shows_its_contextual_pinyin_and_gloss(
    reading_window: Any, qtbot: Any
) -> None:
    window = reading_window
    index = hover(window, "银行")
    card = window.cards.card
    qtbot.waitUntil(card.isVisible)
    assert window.reading_view.hovered_token == index
    assert card.info.word == "银行"
    assert card_syllables(window) == ["yín", "háng"]
    assert "bank" in card.glosses_label.text()
    hover(window, "行动")
    qtbot.waitUntil(lambda: card.info.word == "行动")
    assert card_syllables(window) == ["xíng", "dòng"]
    hover(window, "长大")
    qtbot.waitUntil(lambda: card.info.word == "长大")
    assert card_syllables(window)[0] == "zhǎng"


def test_punctuation_latin_and_numbers_get_no_card(reading_window: Any, qtbot: Any) -> None:
    window = reading_window
    hover(window, "银行")
    qtbot.waitUntil(window.cards.card.isVisible)
    hover(window, "ABC")
    assert window.reading_view.hovered_token is None
    qtbot.waitUntil(lambda: not window.cards.card.isVisible(), timeout=2000)


def test_astral_characters_do_not_shift_the_hovered_word(reading_window: Any, qtbot: Any) -> None:
    window = reading_window
    view = window.reading_view
    text = view.tokens.text
    offset = text.index("丙")
    # Point at 丙 by its own rectangle, found through the one offset converter.
    QTest.mouseMove(view.viewport(), view.token_rect(view.tokens.index_at(offset)).center())
    qtbot.waitUntil(window.cards.card.isVisible)
    assert window.cards.card.info.word.endswith("丙")
    assert window.cards.card.info.start <= offset < window.cards.card.info.end


def test_keyboard_word_cursor_moves_between_chinese_words(reading_window: Any, qtbot: Any) -> None:
    window = reading_window
    view = window.reading_view
    view.setFocus()
    with qtbot.waitSignal(view.word_hovered):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    first = view.hovered_token
    assert view.tokens.word(first) == "他"
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.tokens.word(view.hovered_token) == "银行"
    assert window.cards.card.info.word == "银行"
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.tokens.word(view.hovered_token) == "在"
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.hovered_token is None


def test_a_corrected_reading_is_stored_and_shown_after_reopening(
    reading_library: Library, ui_settings: Any, qtbot: Any
) -> None:
    window = open_window(reading_library, ui_settings, qtbot)
    article_id = window.reading_view.article_id
    hover(window, "银行")
    card = window.cards.card
    qtbot.waitUntil(card.isVisible)
    menu = card.correction_menu(card.info)
    read_hang = next(a for a in menu.actions() if a.text() == "Read 行 as")
    xing = next(a for a in read_hang.menu().actions() if a.text() == "xíng")
    with qtbot.waitSignal(window.service.changed):
        xing.trigger()
    start = window.reading_view.tokens.text.index("银行")
    assert reading_library.reading_overrides(article_id) == {(start, start + 2): ("yin2", "xing2")}
    assert card_syllables(window) == ["yín", "xíng"]
    assert card.corrected_label.isVisible()
    window.pinyin.shutdown()
    window.close()

    again = open_window(reading_library, ui_settings, qtbot)
    hover(again, "银行")
    qtbot.waitUntil(again.cards.card.isVisible)
    assert card_syllables(again) == ["yín", "xíng"]
    assert again.cards.card.info.overridden
    # And back to the automatic reading.
    menu = again.cards.card.correction_menu(again.cards.card.info)
    reset = next(a for a in menu.actions() if a.text() == "Use the automatic reading")
    with qtbot.waitSignal(again.service.changed):
        reset.trigger()
    assert reading_library.reading_overrides(article_id) == {}
    assert card_syllables(again) == ["yín", "háng"]
    again.pinyin.shutdown()


def test_pinyin_above_paints_the_visible_part_only(
    tmp_path: Path, ui_settings: Any, qtbot: Any
) -> None:
    long_text = "我们一起去银行，然后去重庆出差。" * 400  # ~6,400 characters, one paragraph
    source = tmp_path / "long.txt"
    source.write_text("\n".join([long_text[i : i + 800] for i in range(0, len(long_text), 800)]))
    library = Library.open(tmp_path / "long.sqlite3")
    import_path(library, source)
    window = open_window(library, ui_settings, qtbot)
    view = window.reading_view
    window.pinyin_above_action.trigger()
    assert view.pinyin_above and ui_settings.value("reading/pinyin_above", type=bool)
    view.viewport().repaint()
    painted = view.pinyin_painted
    assert painted, "nothing painted"
    first_visible = view.offset_at_position(view.cursorForPosition(QPoint(0, 0)).position()) or 0
    last_visible = view.offset_at_position(
        view.cursorForPosition(QPoint(view.viewport().width(), view.viewport().height())).position()
    )
    assert last_visible is not None
    # Every painted syllable belongs to a character near the visible region, ...
    margin = 120
    assert min(painted) >= max(0, first_visible - margin)
    assert max(painted) <= last_visible + margin
    assert len(painted) < len(view.tokens.text) / 4
    # ... and the visible Han characters all have their pinyin painted.
    visible_han = [
        i for i in range(first_visible, last_visible) if view.readings.per_char[i] is not None
    ]
    assert set(visible_han) <= set(painted)
    # The painted syllables are the readings: 银行 is háng.
    bank = view.tokens.text.index("银行") + 1
    assert view.readings.per_char[bank] == "hang2"
    # Scrolling paints another part.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.viewport().repaint()
    assert min(view.pinyin_painted) > max(painted)
    window.pinyin.shutdown()
    window.service.shutdown()
    library.close()


def test_zoom_and_tone_colours_are_remembered(
    reading_library: Library, ui_settings: Any, qtbot: Any
) -> None:
    window = open_window(reading_library, ui_settings, qtbot)
    view = window.reading_view
    size = view.document().defaultFont().pointSizeF()
    view.setFocus()
    QTest.keySequence(window, "Ctrl+=")
    QTest.keySequence(window, "Ctrl+=")
    assert view.zoom_step == 2
    assert view.document().defaultFont().pointSizeF() > size
    window.tone_colour_actions["none"].trigger()
    hover(window, "银行")
    qtbot.waitUntil(window.cards.card.isVisible)
    assert all(b.styleSheet() == "" for b in window.cards.card.syllable_buttons)
    window.close()
    window.pinyin.shutdown()

    again = open_window(reading_library, ui_settings, qtbot)
    assert again.reading_view.zoom_step == 2
    assert again.reading_view.tone_colours == "none"
    QTest.keySequence(again, "Ctrl+0")
    assert again.reading_view.zoom_step == 0
    again.pinyin.shutdown()
