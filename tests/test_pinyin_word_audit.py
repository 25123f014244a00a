"""The hand-audited whole-word readings (resources/pinyin_word_readings.tsv,
reader/text/pinyin_word_readings.py): corrected words read right in plain sentences, the
file well-formed, applied to whole tokens only, and read only when pinyin is needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_word_facts import EVERYDAY_WORDS, apply_word_facts
from reader.text.pinyin_word_readings import (
    audited_reading,
    default_path,
    parse_word_readings,
    word_readings,
)
from tests.shared_data import REPO_ROOT


@pytest.fixture(scope="module")
def resolver() -> PinyinResolver:
    from reader.text.dictionary import ensure_dictionary

    built = PinyinResolver(ensure_dictionary())
    built.warm_up()
    return built


def readings_of(resolver: PinyinResolver, text: str, word: str) -> list[str | None]:
    """The readings of `word`'s characters at its first occurrence in `text`, in context."""
    flat = [r for *_, readings in resolver.resolve_text(text) for r in readings]
    start = text.index(word)
    return flat[start : start + len(word)]


# Sentences with a word the audit corrected; readings by the 现代汉语词典, written by hand.
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("他这次考试得分很高。", "得分", ["de2", "fen1"]),
        ("能遇到你是我们的缘分。", "缘分", ["yuan2", "fen4"]),
        ("请给我一点儿水。", "一点儿", ["yi1", "dian3", "r5"]),
        ("你待会儿再来吧。", "待会儿", ["dai1", "hui4", "r5"]),
        ("他是一位有名的数学家。", "数学家", ["shu4", "xue2", "jia1"]),
        ("接种疫苗可以预防疾病。", "接种", ["jie1", "zhong4"]),
        ("这支特种部队很厉害。", "特种部队", ["te4", "zhong3", "bu4", "dui4"]),
        ("请你先选中这个文件。", "选中", ["xuan3", "zhong4"]),
        ("老人突然昏倒在路边。", "昏倒", ["hun1", "dao3"]),
        ("这件衣服的价格不菲。", "不菲", ["bu4", "fei3"]),
        ("他猛地站了起来。", "猛地", ["meng3", "de5"]),
        ("这不是我的书。", "不是", ["bu4", "shi4"]),
        ("他想尽办法帮助我们。", "想尽", ["xiang3", "jin4"]),
        ("阅读是生活的重要组成部分。", "组成部分", ["zu3", "cheng2", "bu4", "fen4"]),
        ("天边的朝霞红得像火。", "朝霞", ["zhao1", "xia2"]),
        ("窗外刮起了一阵旋风。", "旋风", ["xuan4", "feng1"]),
    ],
)
def test_corrected_words_in_sentences(
    resolver: PinyinResolver, text: str, word: str, expected: list[str]
) -> None:
    assert readings_of(resolver, text, word) == expected


def test_the_file_is_well_formed(resolver: PinyinResolver) -> None:
    table = parse_word_readings(default_path().read_text(encoding="utf-8"))
    assert len(table) > 100
    for word, reading in table.items():
        assert 2 <= len(word) <= 6, word
        assert len(reading) == len(word), word
        for char, syllable in zip(word, reading, strict=True):
            known = set(resolver.alternatives(char))
            # A neutral tone is a weakened reading the character has in full tone.
            letters = {k[:-1] for k in known}
            assert syllable in known or (syllable.endswith("5") and syllable[:-1] in letters), (
                word,
                char,
                syllable,
                sorted(known),
            )


def test_the_file_agrees_with_the_everyday_words() -> None:
    for word, reading in word_readings().items():
        if word in EVERYDAY_WORDS:
            assert EVERYDAY_WORDS[word].split() == list(reading), word


def test_malformed_lines_are_refused() -> None:
    assert parse_word_readings("# header\n\n得分\tde2 fen1\twhy\n") == {"得分": ("de2", "fen1")}
    for bad in ("得分\tde2\twhy", "得分\tde2 fen\twhy", "得分", "得分\tde2 fen1\n得分\tde2 fen1"):
        with pytest.raises(ValueError):
            parse_word_readings(bad)


def test_applied_to_whole_tokens_only() -> None:
    assert audited_reading("得分") == ("de2", "fen1")
    assert audited_reading("总得分") is None  # not inside a longer token
    # 一块/儿 cut apart: 儿 keeps what the resolver gave it, 一块 is not 一块儿.
    words = ["一块", "儿"]
    results: list[list[str | None]] = [["yi1", "kuai4"], ["er2"]]
    apply_word_facts(words, results)
    assert results == [["yi1", "kuai4"], ["er2"]]
    whole: list[list[str | None]] = [["yi1", "kuai4", "er2"]]
    apply_word_facts(["一块儿"], whole)
    assert whole == [["yi1", "kuai4", "r5"]]


def test_the_file_is_not_read_before_pinyin_is_needed() -> None:
    code = (
        "import reader.text.pinyin as p, reader.text.pinyin_word_readings as w;"
        "p.PinyinResolver(use_dictionary=False);"
        "print(w._table is None)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "True"
