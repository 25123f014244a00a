"""The hover card explains every word: a real `WordCard` showing what `compose_word_info`
makes of CC-CEDICT (built once per test session in a test folder)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt

from reader.text.dictionary import Dictionary, ensure_dictionary
from reader.text.word_info import WordInfo, compose_word_info
from reader.ui.word_card import WordCard


@pytest.fixture(scope="module")
def dictionary() -> Iterator[Dictionary]:
    with ensure_dictionary() as opened:
        yield opened


@pytest.fixture
def card(qtbot: Any) -> WordCard:
    shown = WordCard()
    qtbot.addWidget(shown)
    return shown


def info_for(
    dictionary: Dictionary, word: str, syllables: tuple[str | None, ...] | None
) -> WordInfo:
    return compose_word_info(
        article_id=1,
        token_index=0,
        start=0,
        end=len(word),
        word=word,
        syllables=syllables,
        overridden=False,
        dictionary=dictionary,
    )


def shown_lines(card: WordCard) -> list[str]:
    assert card.glosses_label.textFormat() == Qt.TextFormat.PlainText
    return card.glosses_label.text().splitlines()


def test_a_word_cedict_lacks_is_explained_by_its_longest_parts(
    card: WordCard, dictionary: Dictionary
) -> None:
    assert dictionary.lookup("银行行长") == []
    card.show_word(info_for(dictionary, "银行行长", ("yin2", "hang2", "hang2", "zhang3")), QRect())
    lines = shown_lines(card)
    assert lines[0] == "Not in the dictionary; its parts:"
    assert lines[1].startswith("银行  yínháng  bank; measure words: 家 jiā, 个 gè")
    assert lines[2] == "行长  hángzhǎng  bank president"
    assert not card.characters_label.isVisible()  # the parts say it; characters on request

    card.show_word(info_for(dictionary, "本报讯", ("ben3", "bao4", "xun4")), QRect())
    parts = [line.split("  ")[0] for line in shown_lines(card)[1:]]
    assert parts[0] == "本报" and set(parts[1:]) == {"讯"}


def test_references_follow_the_script_of_the_text(card: WordCard, dictionary: Dictionary) -> None:
    card.show_word(info_for(dictionary, "銀行", ("yin2", "hang2")), QRect())
    assert "measure words: 家 jiā, 個 gè" in shown_lines(card)[0]
    card.show_word(info_for(dictionary, "兴县", ("xing1", "xian4")), QRect())
    assert "吕梁 Lǚliáng" in card.glosses_label.text()
    assert "[" not in card.glosses_label.text()


def test_proper_nouns_keep_their_capitals(card: WordCard, dictionary: Dictionary) -> None:
    card.show_word(info_for(dictionary, "重庆", ("chong2", "qing4")), QRect())
    assert [button.text() for button in card.syllable_buttons] == ["Chóng", "qìng"]
    assert shown_lines(card)[0].startswith("Chóngqìng  Chongqing")
    card.show_word(info_for(dictionary, "银行", ("yin2", "hang2")), QRect())
    assert [button.text() for button in card.syllable_buttons] == ["yín", "háng"]
