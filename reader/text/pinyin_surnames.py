"""Surnames: a polyphonic character with a surname reading, standing alone before a title
(先生, 女士, 老师, 总, 某…) or after 姓, or in one token with a title (曾总) or with 姓 (姓单),
takes the surname reading (曾先生 Zēng, 姓单 Shàn). Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.text.pinyin_sentences import neighbour_word

if TYPE_CHECKING:
    from reader.text.pinyin_lexicon import Lexicon
    from reader.text.pinyin_words import DictionaryLike

# Titles: a surname character just before one (as a token of its own, or in one token with
# it) is read as a surname: 曾先生, 单老师, 解某.
_TITLES = frozenset(
    "先生 女士 小姐 老师 教授 总 某 师傅 医生 大夫 太太 夫人 同学 同志 经理 主任 书记 院长 "
    "局长 部长 校长 处长 科长 董事长 总裁 队长 大爷 大妈 阿姨 大哥 大姐 老板 律师 工 氏".split()
)
# Polyphonic characters whose reading as a surname differs from their everyday one.
_SURNAME_READINGS = {
    "曾": "zeng1",
    "单": "shan4",
    "解": "xie4",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "区": "ou1",
    "盖": "ge3",
    "乐": "yue4",
    "翟": "zhai2",
    "覃": "qin2",
    "召": "shao4",
    "缪": "miao4",
    "种": "chong2",
    "纪": "ji3",
    "任": "ren2",
    "华": "hua4",
    "秘": "bi4",
    "宁": "ning4",
    "过": "guo1",
    "应": "ying1",
    "燕": "yan1",
    "谌": "chen2",
    "员": "yun4",
    "繁": "po2",
    "尉": "wei4",
    "隗": "wei3",
    "句": "gou1",
    "闭": "bi4",
    "薄": "bo2",
    "卜": "bu3",
    "都": "du1",
    "长": "chang2",
    "晟": "cheng2",
    "洗": "xian3",
    "冼": "xian3",
    "蕃": "pi2",
    "万": "wan4",
    "藏": "zang4",
    "和": "he2",
    "折": "she2",
    "曲": "qu1",  # 曲老师 Qū (歌曲 qǔ)
}


def apply_surnames(
    words: list[str],
    results: list[list[str | None]],
    char_readings: Callable[[str], tuple[str, ...]],
    dictionary: DictionaryLike | None = None,
    lexicon: Lexicon | None = None,
) -> None:
    """Give the first character of each token of `words` its surname reading, in `results`
    (one list of readings per token), where it stands as a surname and `char_readings` lists
    that reading for it. A token CC-CEDICT (`dictionary`) or the phrase table (`lexicon`)
    knows as a word is not a surname with a title (员工 yuángōng, 华氏 Huáshì; 曾总 is no
    word)."""

    def is_word(word: str) -> bool:
        return bool(dictionary is not None and dictionary.readings(word)) or bool(
            lexicon is not None and lexicon.phrase(word) is not None
        )

    for index, word in enumerate(words):
        if len(word) == 2 and word[0] == "姓" and word[1] in _SURNAME_READINGS:
            # jieba glues 姓 to a surname it does not know as a word (姓单, 姓朴, 姓查).
            if _SURNAME_READINGS[word[1]] in char_readings(word[1]):
                results[index][1] = _SURNAME_READINGS[word[1]]
            continue
        reading = _SURNAME_READINGS.get(word[:1])
        if reading is None or (results[index][0] or "").endswith("5"):
            continue  # (a particle already: 当过老师 guo, not the surname Guō)
        if len(word) > 1:
            # One token of surname and title: 解某, 曾总.
            is_surname = word[1:] in _TITLES and not is_word(word)
        else:
            after = neighbour_word(words, index, 1)
            is_surname = after in _TITLES or neighbour_word(words, index, -1) == "姓"
        if is_surname:
            if reading in char_readings(word[0]):
                results[index][0] = reading
