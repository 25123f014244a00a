"""Pinyin in context: syllable spelling, the resolver's choices, alignment, and dev accuracy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_syllables import (
    from_pypinyin,
    is_canonical,
    normalise,
    to_tone_marks,
    tone_number,
)
from tests.shared_data import REPO_ROOT, SHARED, needs_shared

# -- syllables ----------------------------------------------------------------------------

MARKED_VOWELS = {
    "a": "āáǎàa",
    "e": "ēéěèe",
    "i": "īíǐìi",
    "o": "ōóǒòo",
    "u": "ūúǔùu",
    "u:": "ǖǘǚǜü",
}


@pytest.mark.parametrize("vowel", sorted(MARKED_VOWELS))
@pytest.mark.parametrize("tone", [1, 2, 3, 4, 5])
def test_every_vowel_and_tone_round_trips(vowel: str, tone: int) -> None:
    syllable = f"l{vowel}{tone}"
    marked = to_tone_marks(syllable)
    assert marked == "l" + MARKED_VOWELS[vowel][tone - 1]
    assert normalise(marked) == syllable
    assert tone_number(syllable) == tone


@pytest.mark.parametrize(
    ("syllable", "marked"),
    [
        ("lu:4", "lǜ"),
        ("nu:3", "nǚ"),
        ("lu:e4", "lüè"),
        ("nu:e4", "nüè"),
        ("de5", "de"),
        ("r5", "r"),
        ("hang2", "háng"),
        ("hao3", "hǎo"),  # a before o
        ("xie2", "xié"),  # e
        ("gou3", "gǒu"),  # ou: the o
        ("liu2", "liú"),  # otherwise the last vowel
        ("gui4", "guì"),
        ("zhuang1", "zhuāng"),
        ("jiong3", "jiǒng"),
        ("er2", "ér"),
        ("m2", "ḿ"),
        ("ng3", "ňg"),
        ("n4", "ǹ"),
        ("e^2", "ế"),
    ],
)
def test_tone_mark_placement(syllable: str, marked: str) -> None:
    assert to_tone_marks(syllable) == marked
    assert normalise(marked) == syllable


def test_from_pypinyin_and_normalise_spellings() -> None:
    assert from_pypinyin("lv4") == "lu:4"
    assert from_pypinyin("nü3") == "nu:3"
    assert from_pypinyin("de5") == "de5"
    assert from_pypinyin("lüe4") == "lu:e4"
    assert normalise("Hang2") == "hang2"
    assert normalise("de") == "de5"
    assert normalise("de0") == "de5"
    assert normalise("LÜ4") == "lu:4"
    assert is_canonical("lu:4") and is_canonical("r5") and not is_canonical("lv4")
    for bad in ["", "hang9", "háng2", "好", "a-b3"]:
        with pytest.raises(ValueError):
            normalise(bad)
    with pytest.raises(ValueError):
        tone_number("hang")


# -- the resolver -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def resolver() -> PinyinResolver:
    from reader.text.dictionary import ensure_dictionary

    built = PinyinResolver(ensure_dictionary())
    built.warm_up()
    return built


def reading_of(resolver: PinyinResolver, sentence: str, target: str) -> list[str | None]:
    """The readings of `target` (its first occurrence) in `sentence`, resolved in context."""
    flat = [s for _, _, _, readings in resolver.resolve_text(sentence) for s in readings]
    index = sentence.index(target)
    return flat[index : index + len(target)]


WORDS_IN_CONTEXT = [
    ("我去银行取钱。", "银行", ["yin2", "hang2"]),
    ("我们要立即采取行动。", "行动", ["xing2", "dong4"]),
    ("兴县位于山西省西北部。", "兴县", ["xing1", "xian4"]),
    ("孩子们都长大了。", "长大", ["zhang3", "da4"]),
    ("他住在北京市朝阳区。", "朝阳", ["chao2", "yang2"]),
    ("清晨，一轮朝阳从东方升起。", "朝阳", ["zhao1", "yang2"]),
    ("我们要着力解决这个问题。", "着力", ["zhuo2", "li4"]),
    ("为了孩子，他努力工作。", "为了", ["wei4", "le5"]),
    ("他每个月按时还款。", "还款", ["huan2", "kuan3"]),
    ("我很了解他的想法。", "了解", ["liao3", "jie3"]),
    ("孩子已经睡着了。", "睡着", ["shui4", "zhao2"]),
    ("他明天要去上海出差。", "出差", ["chu1", "chai1"]),
    ("这两种颜色差不多。", "差不多", ["cha4", "bu5", "duo1"]),
    ("这是一个薄弱环节。", "薄弱", ["bo2", "ruo4"]),
    ("推进供给侧结构性改革。", "供给", ["gong1", "ji3"]),
    ("重庆是一座山城。", "重庆", ["chong2", "qing4"]),
    ("单县在山东省西南部。", "单县", ["shan4", "xian4"]),
    ("六安是安徽的城市。", "六安", ["lu4", "an1"]),
    ("他曾经来过这里。", "曾经", ["ceng2", "jing1"]),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), WORDS_IN_CONTEXT)
def test_words_in_context(
    resolver: PinyinResolver, sentence: str, word: str, expected: list[str]
) -> None:
    assert reading_of(resolver, sentence, word) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("曾先生今天不在家。", "zeng1"),
        ("曾女士是我们的老师。", "zeng1"),
        ("单老师来了。", "shan4"),
        ("解某被警方带走。", "xie4"),
        ("他姓曾。", "zeng1"),
    ],
)
def test_surname_before_a_title_or_after_xing(
    resolver: PinyinResolver, sentence: str, expected: str
) -> None:
    char = next(c for c in sentence if c in "曾单解")
    assert reading_of(resolver, sentence, char) == [expected]


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("公司的员工都很努力。", "员工", ["yuan2", "gong1"]),  # not the surname Yùn with 工
        ("今天华氏九十度。", "华氏", ["hua2", "shi4"]),
        ("他说曾工也来。", "曾工", ["zeng1", "gong1"]),  # no word: a surname and a title
    ],
)
def test_a_listed_word_is_no_surname_with_a_title(
    resolver: PinyinResolver, sentence: str, word: str, expected: list[str]
) -> None:
    assert [r.lower() for r in reading_of(resolver, sentence, word)] == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("周末我们去公园玩儿。", "玩儿", ["wan2", "r5"]),
        ("你在这儿等一会儿。", "一会儿", ["yi1", "hui4", "r5"]),
        ("不一会儿，雨就停了。", "不一会儿", ["bu4", "yi1", "hui4", "r5"]),
        ("我们一块儿去吧。", "块儿", ["kuai4", "r5"]),
        ("他把蛋糕整个儿吃了。", "整个儿", ["zheng3", "ge4", "r5"]),
        ("你说得没错儿。", "没错儿", ["mei2", "cuo4", "r5"]),
        ("他有一个小女儿。", "小女儿", ["xiao3", "nv3", "er2"]),
        ("他是这个时代的弄潮儿。", "弄潮儿", ["nong4", "chao2", "er2"]),
        ("孩子们在幼儿园唱歌。", "幼儿园", ["you4", "er2", "yuan2"]),  # 儿 in full
        ("医院里有很多婴儿。", "婴儿", ["ying1", "er2"]),
    ],
)
def test_er_is_the_suffix_r_where_the_word_has_no_other_reading(
    resolver: PinyinResolver, sentence: str, word: str, expected: list[str]
) -> None:
    # (CC-CEDICT's ü is u:, which the views write ǚ: the same reading.)
    assert [r.replace("u:", "v") for r in reading_of(resolver, sentence, word)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("我还得去一趟超市。", "dei3"),  # jieba's 去一趟 has no part of speech
        ("我们还得等一会儿。", "dei3"),  # jieba calls 等 a particle (etc.)
        ("这件事大家都得听他的。", "dei3"),
        ("他也得了一场大病。", "de2"),  # obtained
        ("这还得了？", "de2"),
        ("他又得病了，在家休息。", "de2"),  # 得病, 得奖: obtaining before a noun
        ("她这次也得奖了。", "de2"),
    ],
)
def test_de_after_an_adverb_is_must_unless_obtaining(
    resolver: PinyinResolver, sentence: str, expected: str
) -> None:
    assert reading_of(resolver, sentence, "得") == [expected]


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("我从来没学过画画。", "没学过", ["mei2", "xue2", "guo5"]),  # jieba: 学 a noun
        ("你没听说过这件事吗？", "没听说过", ["mei2", "ting1", "shuo1", "guo5"]),
        ("这道菜你尝过了吗？", "尝过", ["chang2", "guo5"]),  # 了 before 吗 ends it too
        ("他们都没通过考试。", "通过", ["tong1", "guo4"]),  # a word: passed
    ],
)
def test_guo_after_a_negated_verb_or_before_le_ma_is_the_particle(
    resolver: PinyinResolver, sentence: str, word: str, expected: list[str]
) -> None:
    assert reading_of(resolver, sentence, word) == expected


def test_yi_and_bu_keep_dictionary_tones_without_sandhi(resolver: PinyinResolver) -> None:
    assert reading_of(resolver, "我一定去。", "一定") == ["yi1", "ding4"]
    assert reading_of(resolver, "他买了一个苹果。", "一个") == ["yi1", "ge4"]
    assert reading_of(resolver, "一天过去了。", "一") == ["yi1"]
    assert reading_of(resolver, "你不要去。", "不要") == ["bu4", "yao4"]
    assert reading_of(resolver, "这样不对。", "不对") == ["bu4", "dui4"]
    # A dictionary neutral tone is a dictionary tone, not sandhi: it stays.
    assert reading_of(resolver, "两个差不多。", "不") == ["bu5"]


def test_particles_have_the_neutral_tone(resolver: PinyinResolver) -> None:
    assert reading_of(resolver, "我看了一本书。", "了") == ["le5"]
    assert reading_of(resolver, "这是我的书。", "的") == ["de5"]
    assert reading_of(resolver, "他笑着说。", "着") == ["zhe5"]


def test_alignment_with_astral_latin_digits_and_newlines(resolver: PinyinResolver) -> None:
    text = "𠮷野家在東京，ABC公司2024年上市。\n第二段：好！"
    spans = resolver.resolve_text(text)
    assert "".join(word for _, _, word, _ in spans) == text
    for start, end, word, readings in spans:
        assert text[start:end] == word
        assert len(readings) == len(word)
        for char, reading in zip(word, readings, strict=True):
            if char.isascii() or char in "，。：！\n":
                assert reading is None
            elif char != "𠮷":
                assert reading is not None and is_canonical(reading)
    flat = {text[i]: r for i, r in enumerate(r for *_, rs in spans for r in rs)}
    assert flat["東"] == "dong1" and flat["京"] == "jing1"


def test_resolve_follows_the_given_token_ends(resolver: PinyinResolver) -> None:
    text = "银行行长\n很忙。"
    ends = [2, 4, 5, 6, 7, 8]
    readings = resolver.resolve(text, ends)
    assert [len(r) for r in readings] == [2, 2, 1, 1, 1, 1]
    assert readings[0] == ("yin2", "hang2")
    assert readings[1] == ("hang2", "zhang3")
    assert readings[2] == (None,)
    assert resolver.resolve("", []) == []
    with pytest.raises(ValueError):
        resolver.resolve("银行", [1])


def test_long_paragraph_resolves_every_character(resolver: PinyinResolver) -> None:
    sentence = "他在银行工作了很多年，后来长大的孩子们也都了解了这个行业，" * 12 + "。"
    spans = resolver.resolve_text(sentence * 3)
    assert sum(len(r) for *_, r in spans) == len(sentence) * 3
    flat = [r for *_, rs in spans for r in rs]
    assert flat[sentence.index("银行") + 1] == "hang2"
    assert flat[len(sentence) * 2 + sentence.index("长大")] == "zhang3"


def test_alternatives(resolver: PinyinResolver) -> None:
    assert {"xing2", "hang2"} <= set(resolver.alternatives("行"))
    assert resolver.alternatives("绿")[0] == "lu:4"
    assert resolver.alternatives("的")[0] == "de5"
    assert resolver.alternatives("a") == []
    assert resolver.alternatives("银行") == []


def test_constructing_is_cheap_and_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from reader.text.pinyin import PinyinResolver\n"
        "PinyinResolver()\n"
        "heavy = {'numpy', 'g2pM', 'jieba', 'pypinyin'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


def test_works_without_the_dictionary() -> None:
    bare = PinyinResolver(use_dictionary=False)
    assert not bare.has_dictionary
    assert reading_of(bare, "我去银行取钱。", "银行") == ["yin2", "hang2"]


@needs_shared
def test_dev_accuracy_smoke(resolver: PinyinResolver) -> None:
    sys.path.insert(0, str(REPO_ROOT / "bench"))
    try:
        import pinyin_accuracy
    finally:
        sys.path.remove(str(REPO_ROOT / "bench"))
    folder = SHARED / "pinyin"
    items = pinyin_accuracy.load(folder / "dev.sent", folder / "dev.lb", limit=500)
    accuracy = pinyin_accuracy.accuracy(items, pinyin_accuracy.ours(items, resolver))
    assert accuracy >= 96.0
