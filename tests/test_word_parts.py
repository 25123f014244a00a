"""A word the dictionary lacks is cut into its longest dictionary parts."""

from __future__ import annotations

import pytest

from reader.text.word_parts import dictionary_parts

WORDS = {"银行", "行长", "本报", "报讯", "一起", "起来", "中华", "人民", "共和国", "人民共和国"}


def is_word(text: str) -> bool:
    return text in WORDS


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("银行行长", ["银行", "行长"]),  # not 银 + 行行 + 长 or four characters
        ("本报讯", ["本报", "讯"]),  # 本 + 报讯 has as many parts: the longer first wins
        ("中华人民共和国", ["中华", "人民共和国"]),  # fewest parts, not the greedy 中华+人民+共和国
        ("一起来", ["一起", "来"]),
        ("银行", ["银", "行"]),  # the whole word is never its own part
        ("甲乙丙", ["甲", "乙", "丙"]),  # nothing longer: single characters
        ("𠮷银行", ["𠮷", "银行"]),  # code points, not UTF-16 units
        ("行", ["行"]),
        ("", []),
    ],
)
def test_fewest_and_longest_parts(word: str, parts: list[str]) -> None:
    assert dictionary_parts(word, is_word) == parts
    assert "".join(parts) == word
