"""过 as the experiential aspect particle (我去过北京, 这个人我见过) reads guo, neutral, as
the 现代汉语词典 writes it; the verb (过马路, 过年) and the lexical words it ends
(通过, 经过, 错过, 难过) stay guò. Qt-free.

The contextual model and the word lists give guò everywhere. The particle is told by where
it stands:

- a token of a verb and 过 that neither word list knows (学过, 去过, 看过: jieba glues them,
  CC-CEDICT and pypinyin's phrase table list only lexical words such as 通过, 走过, 没过);
  jieba's tag of the first character is too rough to ask for a verb (学 n, 下 f), so only
  pronouns, numbers, adverbs and the like are left out (我过, 一过, 再过两天);
- a token 过 of its own right after a verb or adjective (见 过, 讨论 过, 年轻 过);
- a token of a negation or adverb, a verb and 过 that neither list knows as a word (没吃过,
  都去过, 从没见过, 没学过, 没听说过: jieba's idioms);
- the middle of a token of a one-character verb, 过 and its object that neither list knows
  (吃过饭, 见过面), unless the verb and 过 are a word of their own (经过, 通过).

After a modal verb (不能过, 才能过, 可以过) it is the verb, passing, and stays guò.
Before 来, 去, 得 or 不 it is a verb's complement (过来, 过得去) and stays guò; before a 了
that ends the clause (or comes before 吗, 呢…) it is the particle (看过了, 尝过了吗) unless the
verb is one of passing or going beyond (走过了, 跳过了, 睡过了 "overslept", 坐过了 "rode past").
"""

from __future__ import annotations

from typing import Protocol

from reader.text.pinyin_sentences import is_clause_end, neighbour_word
from reader.text.pinyin_words import DictionaryLike

ASPECT = "guo5"
_COMPLEMENT_NEXT = ("了", "来", "去", "得", "不")
# Verbs that 过了 follows as their complement, guò: passing by or over, going beyond.
_PASSING = frozenset("走跑跳飞游爬跨越穿绕开驶滑冲挤闯翻漂渡熬度挺混躲逃忍撑睡坐骑错")
_PASSING |= frozenset("超胜比赛闪晃经通")
# jieba's parts of speech of words that 过 may follow as an aspect particle; of the first
# character of a glued token, those after which it is the verb (我过, 再过两天, 一过).
_VERBAL = ("v", "a", "p")
_NOT_VERBAL = ("r", "m", "d", "c", "q", "u")
# Adverbs jieba glues before a verb and 过 (没吃过, 都去过).
_BEFORE_VERB = ("没", "没有", "都", "也", "曾", "还", "从没", "还没", "也没", "都没", "不曾")
# Modal verbs jieba tags as verbs: after them 过 is the verb, passing (车不能过, 才能过).
_MODALS = frozenset(("能", "不能", "才能", "可以", "不可以", "敢", "不敢", "应该", "没法"))
# Sentence-final particles: 看过了吗 ends its clause as 看过了。 does.
_FINAL_PARTICLES = frozenset(("吗", "呢", "吧", "啊", "呀", "嘛", "啦"))


class WordTables(Protocol):
    def tag(self, word: str) -> str | None: ...

    def phrase(self, word: str) -> list[list[str]] | None: ...


def _lexical(word: str, dictionary: DictionaryLike | None, tables: WordTables) -> bool:
    """Whether a word list knows `word` as a word of its own (通过, 没过)."""
    if tables.phrase(word) is not None:
        return True
    if dictionary is None:
        return False
    try:
        return bool(dictionary.readings(word))
    except Exception:  # noqa: BLE001 - a broken dictionary must not stop pinyin
        return True  # unknown: leave the reading alone


def _verbal(word: str, tables: WordTables) -> bool:
    """Whether `word` is a verb or adjective for jieba, or (unknown to it, like 他来) ends
    in one-character verb."""
    tag = tables.tag(word)
    if tag is None and len(word) > 1:
        tag = tables.tag(word[-1])
    return bool(tag) and tag.startswith(_VERBAL)


def _verb_char(word: str, tables: WordTables) -> bool:
    """A one-character word jieba tags as a time or place word that is a verb before 过
    (当过, 下过, 上过, 中过)."""
    return len(word) == 1 and word in "当下上中" and (tables.tag(word) or "")[:1] in ("t", "f")


def _adverb_and_verb(head: str, tables: WordTables) -> bool:
    """Whether `head` (a token without its 过) is an adverb of `_BEFORE_VERB` and a verb:
    没吃, 都去, 没学 (jieba tags 学 a noun, as it does many verbs: any one character but a
    pronoun, number, adverb… will do, as for 学过), 没听说."""
    for adverb in sorted(_BEFORE_VERB, key=len, reverse=True):
        verb = head[len(adverb) :]
        if head.startswith(adverb) and verb:
            if len(verb) == 1:
                return not (tables.tag(verb) or "r").startswith(_NOT_VERBAL)
            return _verbal(verb, tables)
    return False


def apply_aspect(
    words: list[str],
    results: list[list[str | None]],
    dictionary: DictionaryLike | None,
    tables: WordTables,
) -> None:
    """Give 过 the aspect reading where it is the particle (see the module docstring)."""
    for index, word in enumerate(words):
        middle = len(word) == 3 and word[1] == "过" and word[2] not in _COMPLEMENT_NEXT
        verb = _verbal(word[0], tables) or _verb_char(word[0], tables)
        if middle and results[index][1] == "guo4" and verb:
            if not _lexical(word, dictionary, tables) and not _lexical(
                word[:2], dictionary, tables
            ):
                results[index][1] = ASPECT  # 吃过饭, 见过面: a verb, 过 and its object
            continue
        if not word.endswith("过") or results[index][-1] not in ("guo4", "guo1"):
            continue
        after = neighbour_word(words, index, 1) or ""
        verb_char = word[-2] if len(word) > 1 else (neighbour_word(words, index, -1) or "")[-1:]
        closing = neighbour_word(words, index, 2)  # 看过了。 看过了吗？
        done = after == "了" and (is_clause_end(closing) or closing in _FINAL_PARTICLES)
        if after.startswith(_COMPLEMENT_NEXT) and not (done and verb_char not in _PASSING):
            continue  # 跳过了, 过来 (but 看过了: the particle)
        if len(word) == 2:
            first = tables.tag(word[0]) or "r"
            if not _lexical(word, dictionary, tables) and not first.startswith(_NOT_VERBAL):
                results[index][-1] = ASPECT
        elif len(word) == 1 and index > 0 and words[index - 1] in _MODALS:
            continue  # 车还不能过, 等绿灯亮了才能过: can pass (guò)
        elif len(word) == 1 and index > 0 and _verbal(words[index - 1], tables):
            results[index][-1] = ASPECT
        elif len(word) == 1 and index > 0 and _verb_char(words[index - 1], tables):
            results[index][-1] = ASPECT  # 当过老师, 下过雨: jieba tags 当 t, 下 f
        elif len(word) >= 3 and _adverb_and_verb(word[:-1], tables):
            if not _lexical(word, dictionary, tables):
                results[index][-1] = ASPECT
