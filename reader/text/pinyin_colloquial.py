"""Words CC-CEDICT reads two ways, one of them the everyday, colloquial one. Qt-free.

CC-CEDICT gives some common words two entries: a literary or technical sense read in full
tones and an everyday sense with a neutral tone (便宜 biànyí "expedient" / piányi "cheap",
大夫 dàfū "senior official" / dàifu "doctor", 东西 dōngxī "east and west" / dōngxi "thing").
The contextual model, trained on encyclopaedia text, leans to the first, and choosing each
character on its own can even mix the two (biànyi). In plain text the everyday sense is far
the commoner: a token that is such a word, common in jieba's frequencies, takes the whole
neutral-tone entry, unless a neighbouring word names the other sense (东西方向, 南北).
Where the entries differ only in whether a polyphonic character weakens (土地 tǔdì / tǔdi,
多少 duōshǎo / duōshao, 好处 hǎochù / hǎochu) the choice stays with the model: there the
full-tone sense is as common.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.text.pinyin_words import DictionaryLike

# jieba's frequency from which a word counts as everyday (便宜 ~ 4000, 大夫 ~ 3600).
EVERYDAY_FREQUENCY = 1000
# Neighbours that point to the full-tone sense of a direction word (东西南北, 东西方向).
_OTHER_SENSE = ("南北", "方向", "两边", "两侧", "走向", "距离", "贯通")


def colloquial_entry(
    word: str,
    dictionary: DictionaryLike | None,
    polyphonic: Callable[[str], bool] = lambda char: False,
) -> tuple[str, ...] | None:
    """The neutral-tone entry of `word` when CC-CEDICT reads it two ways, only one of them
    with a neutral tone (proper nouns' entries left aside), and they differ in a syllable's
    letters or only in the tone of characters that are not `polyphonic`; else None."""
    if dictionary is None or len(word) < 2:
        return None
    try:
        entries = [e for e in dictionary.readings(word) if e and not e[0][:1].isupper()]
    except Exception:  # noqa: BLE001 - a broken dictionary must not stop pinyin
        return None
    entries = [tuple(s.lower() for s in e) for e in entries if len(e) == len(word)]
    entries = list(dict.fromkeys(entries))
    if len(entries) != 2:
        return None
    neutral = [e for e in entries if any(s.endswith("5") for s in e)]
    if len(neutral) != 1:
        return None
    other = entries[1] if entries[0] == neutral[0] else entries[0]
    differ = [i for i, (a, b) in enumerate(zip(neutral[0], other, strict=True)) if a != b]
    if any(neutral[0][i][:-1] != other[i][:-1] for i in differ):
        return neutral[0]
    if any(polyphonic(word[i]) for i in differ):
        return None
    return neutral[0]


def apply_colloquial(
    words: list[str],
    results: list[list[str | None]],
    dictionary: DictionaryLike | None,
    jieba_word: Callable[[str], tuple[int, str | None] | None],
    polyphonic: Callable[[str], bool],
) -> None:
    """Give each everyday two-entry word (see the module docstring) its neutral-tone entry.
    `jieba_word(word)`: (frequency, tag) in jieba's dictionary, or None."""
    for index, word in enumerate(words):
        if word.endswith("儿") and len(word) > 1 and _is_erhua(word, dictionary, jieba_word):
            results[index][-1] = "r5"  # 块儿 kuàir: the model, seeing 儿 apart, said ér
            continue
        if len(word) < 2 or (jieba_word(word) or (0,))[0] < EVERYDAY_FREQUENCY:
            continue
        entry = colloquial_entry(word, dictionary, polyphonic)
        if entry is None:
            continue
        near = [w for w in words[max(0, index - 2) : index + 3] if w != word]
        if any(w.startswith(_OTHER_SENSE) or w.endswith(_OTHER_SENSE) for w in near):
            continue
        results[index] = list(entry)


# Words whose 儿 is a child or a person, read in full, that CC-CEDICT lacks (孙儿 sūn'ér,
# 弃儿, 弄潮儿 nòngcháo'ér); those it lists (幸运儿, 混血儿, 新生儿, 产儿) it reads so itself.
_CHILD_WORDS = ("孙儿", "弃儿", "产儿", "妇儿", "侄儿", "患儿", "潮儿", "馨儿", "生儿")


def _is_erhua(
    word: str,
    dictionary: DictionaryLike | None,
    jieba_word: Callable[[str], tuple[int, str | None] | None],
) -> bool:
    """Whether the final 儿 of the token `word` is the suffix r. By CC-CEDICT where it lists
    the word (玩儿 wánr, 头儿 tóur; not 女儿 nǚ'ér, nor 花儿, listed both ways). A token it
    lacks (jieba's 块儿, 整个儿, 一会儿 in 不一会儿, 没错儿: the model read ér in 99 of the
    120 commonest) is erhua unless its end is a listed word with 儿 in full (小女儿, 好男儿),
    a word for a child, or it is a name (王聪儿)."""
    if dictionary is None:
        return False
    for start in range(len(word) - 1):
        try:
            entries = dictionary.readings(word[start:])
        except Exception:  # noqa: BLE001 - a broken dictionary must not stop pinyin
            return False
        if entries:
            return all(entry and entry[-1].lower() == "r5" for entry in entries)
        if start == 0 and (jieba_word(word) or (0, None))[1] == "nr":
            return False
    return not word.endswith(_CHILD_WORDS)
