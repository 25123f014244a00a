"""CC-CEDICT's markup and readings written for people, as the hover card shows them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.text.cedict_display import (
    SIMPLIFIED,
    TRADITIONAL,
    entry_text,
    render_gloss,
    script_of,
    spell_reading,
)


@pytest.mark.parametrize(
    ("syllables", "spelled"),
    [
        (("Chong2", "qing4"), "Chóngqìng"),  # a name: one word, its capital kept
        (("Xing1", "Xian4"), "Xīng Xiàn"),  # each capital starts a word
        (("Lu:3", "liang2"), "Lǚliáng"),  # u: is ü, and takes the mark
        (("Lu4", "an1"), "Lù'ān"),  # apostrophe before a syllable starting with a, o, e
        (("Xi1", "an1"), "Xī'ān"),
        (("yin2", "hang2"), "yínháng"),
        (("shi4", "qing5"), "shìqing"),  # tone 5 is neutral: no mark
        (("na3", "r5"), "nǎr"),  # erhua joins its syllable, no apostrophe
        (("yi1", "ma3", "dang1", "xian1"), "yīmǎ dāngxiān"),  # four common syllables: pairs
        (("Tai2", "zhong1", "Xian4"), "Táizhōng Xiàn"),
        (("san1", "C"), "sān C"),  # a letter is a word of its own
        (("yi1", ",", "er4"), "yī, èr"),  # punctuation goes with the word before
        (("nu:3",), "nǚ"),
    ],
)
def test_readings_are_spelled_as_words(syllables: tuple[str, ...], spelled: str) -> None:
    assert spell_reading(syllables) == spelled


def test_measure_words_are_listed_in_the_script_of_the_text() -> None:
    gloss = "CL:次[ci4],種|种[zhong3]"
    assert render_gloss(gloss, SIMPLIFIED) == "measure words: 次 cì, 种 zhǒng"
    assert render_gloss(gloss, TRADITIONAL) == "measure words: 次 cì, 種 zhǒng"
    assert render_gloss("CL:把[ba3]") == "measure word: 把 bǎ"
    assert render_gloss("CL:個|个[ge4],本[ben3],張|张[zhang1]") == (
        "measure words: 个 gè, 本 běn, 张 zhāng"
    )


def test_references_become_word_and_reading() -> None:
    gloss = "Xing county in Lüliang 呂梁|吕梁[Lu:3 liang2], Shanxi 山西"
    assert render_gloss(gloss, SIMPLIFIED) == "Xing county in Lüliang 吕梁 Lǚliáng, Shanxi 山西"
    assert render_gloss(gloss, TRADITIONAL) == "Xing county in Lüliang 呂梁 Lǚliáng, Shanxi 山西"
    assert render_gloss("see 智商[zhi4 shang1]") == "see 智商 zhìshāng"
    assert render_gloss("see also 加密貨幣|加密货币[jia1 mi4 huo4 bi4]") == (
        "see also 加密货币 jiāmì huòbì"
    )
    assert render_gloss("variant of 衄[nu:4]") == "variant of 衄 nǜ"
    assert render_gloss("old variant of 戴[dai4]", TRADITIONAL) == "old variant of 戴 dài"
    assert render_gloss("erhua variant of 哪兒|哪儿[na3 r5]") == "erhua variant of 哪儿 nǎr"
    assert render_gloss("(contrasted with 後天|后天 [hou4 tian1])", TRADITIONAL) == (
        "(contrasted with 後天 hòutiān)"
    )


def test_bare_readings_and_unread_references() -> None:
    assert render_gloss("Taiwan pr. [ruan3]") == "Taiwan pr. ruǎn"
    assert render_gloss("also written 鎖吶|锁呐") == "also written 锁呐"
    assert render_gloss("also written 鎖吶|锁呐", TRADITIONAL) == "also written 鎖吶"


@pytest.mark.parametrize(
    "gloss",
    ["bank", "to walk; to go", "either/or and|or", "(idiom) to take the lead", "<b>x</b> &amp;"],
)
def test_glosses_without_markup_are_unchanged(gloss: str) -> None:
    assert render_gloss(gloss) == gloss
    assert render_gloss(gloss, TRADITIONAL) == gloss


@dataclass(frozen=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool = False
    written_pinyin: tuple[str, ...] = ()


SHUANG = Entry("雙", "双", ("shuang1",), ("two",))


def test_the_script_is_the_one_the_word_is_written_in() -> None:
    assert script_of("双", [SHUANG]) == SIMPLIFIED
    assert script_of("雙", [SHUANG]) == TRADITIONAL
    same = Entry("本", "本", ("ben3",), ("root",))
    assert script_of("本", [same]) == SIMPLIFIED


def test_an_entry_line_keeps_cedict_capitals_and_renders_its_glosses() -> None:
    chongqing = Entry(
        "重慶",
        "重庆",
        ("chong2", "qing4"),
        ("Chongqing city, short name 渝[Yu2]",),
        is_proper_noun=True,
        written_pinyin=("Chong2", "qing4"),
    )
    assert entry_text(chongqing, SIMPLIFIED, 6) == "Chóngqìng  Chongqing city, short name 渝 Yú"
    many = Entry("行", "行", ("xing2",), tuple(f"sense {n}" for n in range(8)))
    assert entry_text(many, SIMPLIFIED, 3) == "xíng  sense 0; sense 1; sense 2; …"
