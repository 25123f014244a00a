"""What the hover card is told: glosses in the order a reader needs them."""

from __future__ import annotations

from dataclasses import dataclass

from reader.text.word_info import alternatives_for, compose_word_info, order_entries


@dataclass(frozen=True)
class Entry:
    pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool = False


class FakeDictionary:
    def __init__(self, entries: dict[str, list[Entry]]) -> None:
        self.entries = entries

    def lookup(self, word: str) -> list[Entry]:
        return list(self.entries.get(word, []))


XING = Entry(("xing2",), ("to walk",))
HANG = Entry(("hang2",), ("row", "profession"))
SHANG_DYNASTY = Entry(("shang1",), ("Shang Dynasty",), is_proper_noun=True)
SHANG = Entry(("shang1",), ("commerce",))


def test_the_reading_in_use_comes_first_and_common_before_proper() -> None:
    assert order_entries([XING, HANG], ("hang2",)) == [HANG, XING]
    assert order_entries([SHANG_DYNASTY, SHANG], ("shang1",)) == [SHANG, SHANG_DYNASTY]
    assert order_entries([XING, HANG], None) == [XING, HANG]


def test_alternatives_put_the_current_reading_first_then_the_dictionarys() -> None:
    dictionary = FakeDictionary({"行": [XING, HANG]})
    assert alternatives_for("行", "hang2", dictionary) == ["hang2", "xing2"]
    assert alternatives_for("，", None, dictionary) == []


def test_multi_character_words_carry_their_characters_glosses() -> None:
    dictionary = FakeDictionary({"银行": [Entry(("yin2", "hang2"), ("bank",))], "行": [XING, HANG]})
    info = compose_word_info(
        article_id=1,
        token_index=3,
        start=5,
        end=7,
        word="银行",
        syllables=("yin2", "hang2"),
        overridden=False,
        dictionary=dictionary,
    )
    assert info.entries[0].glosses == ("bank",)
    assert [char for char, _ in info.char_entries] == ["银", "行"]
    assert info.char_entries[1][1] == [HANG, XING]  # 行 as read here first
    assert info.alternatives == [["yin2"], ["hang2", "xing2"]]


def test_without_a_dictionary_the_card_says_it_is_being_prepared() -> None:
    info = compose_word_info(
        article_id=1,
        token_index=0,
        start=0,
        end=1,
        word="行",
        syllables=None,
        overridden=False,
        dictionary=None,
    )
    assert not info.dictionary_ready and info.entries == []
