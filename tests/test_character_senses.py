"""The card's Characters section gives each character all its senses, merged per reading,
without the glosses that call the character a variant of itself (real CC-CEDICT, built once
per test session in a test folder), and the card shows them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect

from reader.text.character_senses import character_lines, is_variant_of_itself
from reader.text.dictionary import Dictionary, ensure_dictionary
from reader.text.word_info import compose_word_info
from reader.ui.word_card import WordCard


@pytest.fixture(scope="module")
def dictionary() -> Iterator[Dictionary]:
    with ensure_dictionary() as opened:
        yield opened


def lines_for(dictionary: Dictionary, char: str, script: str = "simplified") -> list[str]:
    return character_lines(char, dictionary.lookup(char), script, 4, 20)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("char", "meaning"),
    [
        ("历", "to experience"),
        ("历", "calendar"),
        ("亩", "classifier for fields"),
        ("规", "a rule"),
        ("于", "(used in comparison) than"),
    ],
)
def test_every_sense_of_a_character_stays_and_no_self_variant(
    dictionary: Dictionary, char: str, meaning: str
) -> None:
    lines = lines_for(dictionary, char)
    assert any(meaning in line for line in lines), lines
    assert not any(f"variant of {char}" in line for line in lines), lines


def test_one_line_per_reading_with_its_senses_once(dictionary: Dictionary) -> None:
    lines = lines_for(dictionary, "历")
    assert len(lines) == 1  # lì, from four entries
    assert lines[0].startswith("历  lì  ")
    glosses = lines[0].split("  ", 2)[2].split("; ")
    assert len(glosses) == len(set(glosses))
    assert "history" in glosses


def test_a_variant_of_another_character_stays(dictionary: Dictionary) -> None:
    assert any("variant of 哪 nǎ" in line for line in lines_for(dictionary, "那"))


def test_what_is_a_variant_of_itself_depends_on_the_script_read() -> None:
    gloss = "old variant of 歷|历[li4]"
    assert is_variant_of_itself(gloss, "历", "simplified")
    assert not is_variant_of_itself(gloss, "歴", "traditional")  # says which one it stands for
    assert is_variant_of_itself(gloss, "歷", "traditional")
    assert is_variant_of_itself("variant of 于[yu2]", "于", "simplified")
    assert not is_variant_of_itself("variant of 哪[na3]", "那", "simplified")
    assert not is_variant_of_itself("a variant of the game", "的", "simplified")


def test_the_card_shows_the_merged_senses(qtbot: Any, dictionary: Dictionary) -> None:
    card = WordCard()
    qtbot.addWidget(card)
    info = compose_word_info(
        article_id=1,
        token_index=0,
        start=0,
        end=3,
        word="经历过",
        syllables=("jing1", "li4", "guo4"),
        overridden=False,
        dictionary=dictionary,
    )
    card.show_word(info, QRect())
    card.characters_button.setChecked(True)
    shown = card.characters_label.text()
    assert "历  lì  " in shown and "to experience" in shown and "calendar" in shown
    assert "variant of 历" not in shown
