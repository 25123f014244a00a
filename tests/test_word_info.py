"""What the hover card is told: glosses in the order a reader needs them."""

from __future__ import annotations

from dataclasses import dataclass

from reader.text.word_info import alternatives_for, compose_word_info, order_entries


@dataclass(frozen=True)
class Entry:
    pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool = False
    traditional: str = ""
    simplified: str = ""


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


@dataclass(frozen=True)
class Headword:
    traditional: str
    simplified: str
    pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool = False
    written_pinyin: tuple[str, ...] = ()


def headword(trad: str, simp: str, pinyin: str, gloss: str, proper: bool = False) -> Headword:
    written = tuple(pinyin.split())
    return Headword(trad, simp, tuple(s.lower() for s in written), (gloss,), proper, written)


PARTS_DICTIONARY = FakeDictionary(
    {
        "银行": [headword("銀行", "银行", "yin2 hang2", "bank")],
        "銀行": [headword("銀行", "银行", "yin2 hang2", "bank")],
        "行长": [headword("行長", "行长", "hang2 zhang3", "bank president")],
        "行長": [headword("行長", "行长", "hang2 zhang3", "bank president")],
        "行": [HANG, XING],
        "长": [headword("長", "长", "zhang3", "chief"), headword("長", "长", "chang2", "long")],
        "重庆": [headword("重慶", "重庆", "Chong2 qing4", "Chongqing", proper=True)],
        "商": [headword("商", "商", "Shang1", "Shang Dynasty", True), SHANG],
    }
)


def compose(word: str, syllables: tuple[str | None, ...] | None) -> object:
    return compose_word_info(
        article_id=1,
        token_index=0,
        start=0,
        end=len(word),
        word=word,
        syllables=syllables,
        overridden=False,
        dictionary=PARTS_DICTIONARY,
    )


def test_a_word_the_dictionary_lacks_is_explained_by_its_longest_parts() -> None:
    info = compose("银行行长", ("yin2", "hang2", "hang2", "zhang3"))
    assert info.entries == []
    assert [part for part, _ in info.parts] == ["银行", "行长"]
    assert info.parts[1][1][0].glosses == ("bank president",)
    assert info.script == "simplified"
    # Written in traditional characters, the references follow the text.
    assert compose("銀行行長", None).script == "traditional"
    # A word the dictionary has needs no parts.
    assert compose("银行", ("yin2", "hang2")).parts == []


def test_parts_entries_follow_the_reading_in_context() -> None:
    info = compose("行长行", ("hang2", "zhang3", "xing2"))
    assert [part for part, _ in info.parts] == ["行长", "行"]
    assert info.parts[1][1] == [XING, HANG]


def test_proper_nouns_keep_cedict_capitals_on_the_pinyin_line() -> None:
    assert compose("重庆", ("chong2", "qing4")).shown_syllables == ("Chong2", "qing4")
    # Read otherwise here, the name's capitals do not apply.
    assert compose("重庆", ("zhong4", "qing4")).shown_syllables == ("zhong4", "qing4")
    # 商 "commerce" is shown before the dynasty: no capital.
    assert compose("商", ("shang1",)).shown_syllables == ("shang1",)
    assert compose("重庆", None).shown_syllables is None
