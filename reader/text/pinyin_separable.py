"""Separable words (离合词) split apart: a verb-object word keeps its reading when 了, 个 or a
number stands between its two halves (照了个相 xiàng, 请了三天假 jià, 上了一次当 dàng,
当了三年兵 dāng, 还了一半钱 huán, 种了几年地 zhòng). Qt-free.

The 现代汉语词典 marks such words with // (照相 zhào//xiàng): they are one word whose halves
may be parted. jieba then cuts the halves into tokens of their own, and a polyphonic half on
its own is read as the character's commonest reading or by a contextual model that never saw
the word whole (照了相 xiāng, 请了假 jiǎ). The halves are put back together here: a one-character
token, then only particles, numbers, measures and 好/大/小 (睡了个好觉), then one character
(the object), make a separable word when CC-CEDICT knows the two characters as a word and
jieba counts it as a common one; each polyphonic half then takes the word's reading where
all of CC-CEDICT's entries agree on it and it is not a neutral tone (a parted word is read in
full tones: 打了个招呼).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.text.pinyin_words import DictionaryLike

# What may stand between the verb and its object: aspect particles, 个, numbers, measures
# of times and spans, and the adjectives that qualify the object (睡了个好觉, 帮了个大忙).
_BETWEEN = frozenset("了过个一二两三四五六七八九十几半好大小次趟回场顿天年张笔通阵会儿")
# jieba's frequency from which a verb-object word counts as common (理发 94, 还价 14).
_COMMON = 10
# ...and from which a verb and the particle after it are a word of their own (为了 21073).
_COMMON_WORD = 100


def _agreed(word: str, dictionary: DictionaryLike) -> tuple[str | None, ...] | None:
    """Per character of `word`, the syllable all of CC-CEDICT's entries give it (None where
    they differ or give a neutral tone); None when CC-CEDICT does not know the word."""
    try:
        entries = [e for e in dictionary.readings(word) if len(e) == len(word)]
    except Exception:  # noqa: BLE001 - a broken dictionary must not stop pinyin
        return None
    entries = [tuple(s.lower() for s in e) for e in entries if not e[0][:1].isupper()]
    if not entries:
        return None
    out: list[str | None] = []
    for index in range(len(word)):
        syllables = {entry[index] for entry in entries}
        syllable = syllables.pop() if len(syllables) == 1 else None
        out.append(None if syllable is None or syllable.endswith("5") else syllable)
    return tuple(out)


def apply_separable(
    words: list[str],
    results: list[list[str | None]],
    dictionary: DictionaryLike | None,
    jieba_word: Callable[[str], tuple[int, str | None] | None],
    polyphonic: Callable[[str], bool],
) -> None:
    """Read the halves of each parted separable word as the word (see the module docstring).
    `jieba_word(word)`: (frequency, tag) in jieba's dictionary, or None."""
    if dictionary is None:
        return
    for index, token in enumerate(words):
        if len(token) > 1 and jieba_word(token) is not None:
            continue  # a word of its own; a glued unknown run (去理, 还个) may end in a verb
        offset = max((o for o, c in enumerate(token) if c not in _BETWEEN), default=-1)
        if offset < 0 or not "\u4e00" <= token[offset] <= "\u9fff":
            continue
        verb, between = token[offset], token[offset + 1 :]
        end = index + 1
        while end < len(words) and words[end] and set(words[end]) <= _BETWEEN:
            between += words[end]
            end += 1
        if not between or end >= len(words) or len(words[end]) != 1:
            continue
        if (jieba_word(verb + between[0]) or (0,))[0] >= _COMMON_WORD:
            continue  # 为了, 除了, 好好: a word of its own, not a verb and a particle
        obj = words[end]
        word = verb + obj
        if not polyphonic(verb) and not polyphonic(obj):
            continue
        if (jieba_word(word) or (0,))[0] < _COMMON:
            continue
        agreed = _agreed(word, dictionary)
        if agreed is None:
            continue
        if agreed[0] is not None and polyphonic(verb):
            results[index][offset] = agreed[0]
        if agreed[1] is not None and polyphonic(obj):
            results[end][0] = agreed[1]
