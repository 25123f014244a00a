"""Readings inside tokens jieba glued wrongly or whose word-list reading is another sense,
for `reader.text.pinyin_grammar.apply_grammar` (run after its unit rules). Qt-free.

The word lists read a whole token, so a particle glued into it takes the word's reading:

- an adverbial with the particle 地 glued on (悄悄地, 难过地, 高高兴兴地) reads de there;
- 地下/地上/地道 (any 地X) after an adverbial and before an aspect particle or a direction
  is the particle 地 and a verb (不停地下着, 兴奋地上了车, 飞快地道了歉), not a place;
- 着 after 不/得 inside a token (睡不着, 用得着) is zháo;
- a verb with 着 that the lists read as a noun (穿着 chuānzhuó "attire") is the aspect
  particle zhe when an object follows (穿着一件红裙子), unless 的 makes it a noun;
- 一数, 一转 before a clause break (一数，发现…) is "as soon as" with a verb;
- A-not-A questions (重不重) read both A alike; 把…背上 at a clause's end is bēi; 这行吗 xíng;
- 好吃/好喝/好玩 between a pronoun and a noun object (她好吃零食) is hào;
- V得了 (吃得了, 办得了吗) is the potential complement: de liǎo;
- V不得 words (舍不得, 恨不得, 怪不得) read bude; 一觉醒来 is yī jiào xǐng lái;
- 头发 inside a longer token (白头发) is hair, fà; a degree adverb with 重 (太重) zhòng;
- a verb said twice (教教, 量量, 数数, 转转) is a verb: jiāo, liáng, shǔ, zhuàn.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.text.pinyin_senses import QUESTION as _QUESTION
from reader.text.pinyin_senses import adverbial
from reader.text.pinyin_sentences import is_clause_end, neighbour
from reader.text.pinyin_word_facts import EVERYDAY_WORDS

Tags = list[str | None]
Results = list[list[str | None]]

# Verb readings of characters that are also nouns or measure words, for reduplication.
_VERB_READING = {"教": "jiao1", "量": "liang2", "数": "shu3", "转": "zhuan4", "冲": "chong1"}
# Verbs of the V不得 words read with neutral tones (舍不得 shěbude, 怪不得 guàibude).
_BUDE = frozenset("舍恨怪巴顾由免要怨见少记使说动")
# Verbs of obtaining, whose 得了 is dé le (获得了, 赢得了), and question particles.
_OBTAIN = frozenset("获取赢博求夺抢换记觉懂值显使晓落不")  # (不得了 is bùdéliǎo)
_ASPECT = ("着", "了", "过", "来", "去", "起", "出")
# Degree adverbs: what follows them is an adjective (太重 is too heavy, never "again").
_DEGREE = frozenset("很太真挺更最超蛮好")


def _is(tag: str | None, *starts: str) -> bool:
    return tag is not None and tag.startswith(starts)


def _reduplicated(word: str) -> bool:
    half = len(word) // 2
    return len(word) >= 2 and (
        word[0] == word[1] or (len(word) % 2 == 0 and word[:half] == word[half:])
    )


def apply_glued(
    words: list[str],
    tags: Tags,
    results: Results,
    tag_of: Callable[[str], str | None],
) -> None:
    """Correct `results` (one list of readings per token) inside glued tokens (see the
    module docstring). `tag_of(word)`: jieba's part of speech of a word."""
    for index, word in enumerate(words):
        before = neighbour(words, index, -1)
        after = neighbour(words, index, 1)
        next_word = words[after] if after is not None else ""
        readings = results[index]
        if len(word) >= 3 and word.endswith("地") and not _is(tags[index], "n", "s", "ns"):
            stem = word[:-1]
            if adverbial(stem, tag_of(stem)) or _is(tags[index], "z", "d"):
                readings[-1] = "de5"  # 悄悄地, 难过地
        elif len(word) == 2 and word[0] == "地" and before is not None:
            repeated = before >= 2 and words[before] in (words[before - 1], words[before - 2])
            adverb = adverbial(words[before], tags[before], nouns=True) or repeated  # 一个接一个
            doubled = len(words[before]) in (2, 4) and words[before][0] == words[before][1]
            adverb_tag = _is(tags[before], "d", "ad")  # 不停/d: 雨不停地下。
            ending = (doubled or adverb_tag) and is_clause_end(next_word)
            if adverb and (next_word.startswith(_ASPECT) or ending):
                readings[0] = "de5"  # 不停地下着, 兴奋地上了车, 飞快地道了歉, 雨哗哗地下
        elif len(word) >= 3 and ("不着" in word or "得着" in word) and word not in EVERYDAY_WORDS:
            readings[word.index("着", 1)] = "zhao2"  # 睡不着, 用得着 (不着边际 zhuó: a fact)
        elif len(word) == 2 and word[1] == "着" and readings[1] == "zhuo2":
            before_word = words[before] if before is not None else ""
            takes = _is(tags[after] if after is not None else None, "m", "n", "r")
            if takes and before_word not in ("的", "之") and _is(tags[index], "v"):
                readings[1] = "zhe5"  # 穿着一件红裙子 (她的穿着 stays zhuó)
        elif word in ("一数", "一转") and is_clause_end(next_word):
            readings[1] = _VERB_READING[word[1]]  # 孩子们一数，…: as soon as they counted
        elif len(word) == 3 and word[1] == "不" and word[0] == word[2]:
            readings[2] = readings[0]  # 重不重, 难不难: the question says one word twice
        elif word == "背上" and is_clause_end(next_word) and "把" in "".join(words[:index]):
            readings[0] = "bei1"  # 把衣服背上: carry it (his 背上 is his back)
        elif word in ("这行", "那行") and next_word in ("吗", "吧", "不", "不行"):
            readings[1] = "xing2"  # 这行吗: is this all right
        elif word in ("好吃", "好喝", "好玩") and before is not None and after is not None:
            if _is(tags[before], "r") and _is(tags[after], "n") and next_word != "的":
                readings[0] = "hao4"  # 他好吃零食: is given to eating (菜很好吃 stays hǎo)
        elif word[1:] == "得了" and word[0] not in _OBTAIN:
            readings[1:] = ["de5", "liao3"]  # 吃得了, 受得了: can manage (获得了 stays dé le)
        elif len(word) == 2 and word[1] == "得" and tags[index] is None and next_word == "了":
            last = neighbour(words, after, 1) if after is not None else None
            if last is None or not words[last].strip("。！？!?") or words[last] in _QUESTION:
                readings[1] = "de5"  # 办得|了吗: can one manage
                results[after][0] = "liao3"
        elif len(word) >= 3 and word[0] in _BUDE and word[1:3] == "不得":
            readings[1:3] = ["bu5", "de5"]  # 舍不得, 怪不得: shěbude (了不得, 不得不 left)
        elif word == "觉醒" and before is not None and words[before] == "一" and next_word == "来":
            readings[0] = "jiao4"  # 一|觉醒|来: jieba's cut of 一觉醒来
        elif len(word) > 2 and "头发" in word:
            readings[word.index("头发") + 1] = "fa4"  # 白头发, 长头发: hair
        elif len(word) == 2 and word[1] == "重" and word[0] in _DEGREE:
            readings[1] = "zhong4"  # 太重, 真重: heavy or serious (多重 stays chóng, "multiple")
        elif len(word) == 2 and word[0] == word[1] and word[0] in _VERB_READING:
            readings[0] = readings[1] = _VERB_READING[word[0]]  # 教教我, 量量桌子
