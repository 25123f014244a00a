"""Grammar that the contextual model misses in short everyday sentences. Qt-free.

g2pM learned its readings from encyclopaedia text, where 得 is mostly dé (获得) and 地 dì;
in plain speech the same characters are mostly particles. Each rule here reads one
polyphonic character standing as a token of its own, from the parts of speech (jieba's
dictionary tags) and the words around it, and fires only where the grammar is clear:

- 地 after an adverbial (an adjective, adverb, idiom, reduplication such as 慢慢, 一步一步)
  and before a verb or preposition is the particle de (慢慢地走).
- 得 before 了/过 is dé (得了第一名); between two numbers dé (三加二得五); after a verb or
  adjective the particle de (跑得快, 冷得要命); after a subject and before a verb děi (我得走).
- 还 before a noun or pronoun object, a complement (给, 回来, 清), 了, or at a clause end
  is huán (还书, 还我钱, 还给他); before a verb, adverb or adjective hái.
- A verb-or-noun character is the verb after a subject or modal and the noun (or measure
  word) after a number or demonstrative: 种 zhòng/zhǒng, 数 shǔ/shù.
- 转 turning round and round (at a clause end, before 得 or 圈, 转来转去) is zhuàn;
  after 左/右 it is zhuǎn. 冲 facing someone (冲着, 冲我) is chòng. 当 in 把…当 is dàng.
- 长 after a degree adverb (很长, 太长) is cháng; before 得, 大, 高, 满 zhǎng.
- A measure word after a number or demonstrative takes its measure reading (一只 zhī;
  `pinyin_measures`).
Collocations come first (`pinyin_complements`: 猜着了 zháo, 可得 děi; `pinyin_senses`, `_takes`);
readings inside tokens jieba glued (悄悄地, 不停地下着, 睡不着) are mended after (`pinyin_glued`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from reader.text.pinyin_complements import PARTICLE_RULES, apply_complements
from reader.text.pinyin_glued import apply_glued
from reader.text.pinyin_measures import DEMONSTRATIVES as _DEMONSTRATIVES
from reader.text.pinyin_measures import MEASURE, measure_word
from reader.text.pinyin_measures import NUMERALS as _NUMERALS
from reader.text.pinyin_senses import SENSE_RULES, first_answer
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_spoken import SPOKEN_CUT_AT, SPOKEN_RULES
from reader.text.pinyin_spoken_tokens import apply_spoken_tokens
from reader.text.pinyin_takes import TAKES_RULES
from reader.text.pinyin_verbs import DEGREE as _DEGREE
from reader.text.pinyin_verbs import PLURAL_PRONOUNS, PRONOUNS, VERB_RULES, stands_alone
from reader.text.pinyin_word_facts import EVERYDAY_WORDS

Tags = list[str | None]
Results = list[list[str | None]]

# (Character sets are frozensets, not strings: "" is in every string.)
_PRONOUNS = frozenset((*PRONOUNS, *PLURAL_PRONOUNS))
# After these, 还 is returning something, not "still".
_RETURN_COMPLEMENTS = ("给", "回", "清", "完", "了", "钱", "债")
_MUST_AFTER = frozenset("还也都就又总只才先真可")  # 还得/也得 + anything but 了过到: must


def _is(tag: str | None, *starts: str) -> bool:
    return tag is not None and tag.startswith(starts)


def _reduplicated(word: str) -> bool:
    """慢慢, 轻轻, 高高兴兴, 一步一步."""
    half = len(word) // 2
    return len(word) >= 2 and (
        word[0] == word[1] or (len(word) % 2 == 0 and word[:half] == word[half:])
    )


class _Around:
    """The non-blank tokens around one token, with their tags."""

    def __init__(self, words: list[str], tags: Tags, index: int, alone: bool = True) -> None:
        self.words = words
        self.tags = tags
        self.index = index
        # Whether jieba did not find this in a longer dictionary word (心脏, 试卷).
        self.alone = alone

    def _step(self, step: int, count: int = 1) -> int | None:
        index = self.index
        while count:
            index += step
            while 0 <= index < len(self.words) and not self.words[index].strip():
                index += step
            if not 0 <= index < len(self.words):
                return None
            count -= 1
        return index

    def word(self, step: int, count: int = 1) -> str | None:
        index = self._step(step, count)
        return None if index is None else self.words[index]

    def tag(self, step: int) -> str | None:
        index = self._step(step)
        return None if index is None else self.tags[index]

    def clause_before(self) -> str:
        """The text from the last clause break to this token."""
        out = []
        index = self.index - 1
        while index >= 0 and not (is_clause_end(self.words[index]) and self.words[index].strip()):
            out.append(self.words[index])
            index -= 1
        return "".join(reversed(out))


def _de_particle(around: _Around) -> str | None:  # 地
    before, after = around.word(-1), around.word(1)
    if before is None or is_clause_end(after) or is_clause_end(before):
        return None
    assert after is not None
    if after[:1] in "上下里面方区点球" and not _reduplicated(before):  # 地上 (慢慢地下山: de)
        return None
    # An adverbial: any word of two or more characters (jieba's tags of adverbials are
    # unreliable: 大声/m, 热情/n) but numbers, measures, pronouns, particles, places.
    adverbial = (
        _is(around.tag(-1), "a", "d", "z", "i", "l", "b")
        or _reduplicated(before)
        or before in (around.word(-2), around.word(-3))  # 一步一步地, 一个接一个地
        or (
            len(before) > 1
            and before[-1] not in _NUMERALS
            and before[-1] not in "块片个只的这那"
            and not _is(around.tag(-1), "f", "u", "p", "r", "c", "s", "t")
        )
    )
    return "de5" if adverbial else None


def _de_obtain_or_must(around: _Around) -> str | None:  # 得
    before, after = around.word(-1), around.word(1)
    if after is not None and after[:1] in ("了", "过", "到", "以"):
        return "de2"
    before_tag, after_tag = around.tag(-1), around.tag(1)
    digits = "零一二三四五六七八九十"
    if _is(before_tag, "m") and _is(after_tag, "m") and (before or "")[-1:] in digits:
        return "de2"
    if is_clause_end(after):
        return None
    if before in _MUST_AFTER and not _is(around.tag(1), "n"):  # 还得去/等 (not 又得病)
        return "dei3"
    if _is(before_tag, "v", "a", "b") and before not in _PRONOUNS:
        return "de5"
    if before is None or is_clause_end(before) or _is(before_tag, "r", "n", "t", "s", "d", "m"):
        verb = _is(after_tag, "v", "d", "a", "m", "p", "t", "z", "l", "i") or _reduplicated(after)
        verb = verb or after == around.word(1, 2)  # 商量商量 (jieba: a noun)
        if verb or after in ("早点", "快点"):  # 我得走, 这事得问问
            return "dei3"
    return None


def _hai_or_huan(around: _Around) -> str | None:  # 还
    after = around.word(1)
    if is_clause_end(after):
        return "huan2" if around.word(-1) is not None else None
    assert after is not None
    if after in _PRONOUNS or after.startswith(_RETURN_COMPLEMENTS):
        return "huan2"
    if _is(around.tag(1), "n") and not _is(around.tag(1), "nr"):
        # A short object (还书, 还车了), not a verb jieba calls a noun (还主演过).
        if len(after) == 1 or is_clause_end(around.word(1, 2)):
            return "huan2"
        return None
    if _is(around.tag(1), "v", "d", "a", "p", "c", "r", "t", "m") or after[:1] in "是有在没不":
        return "hai2"
    return None


def _verb_or_noun(verb: str, noun: str) -> Callable[[_Around], str | None]:
    """种, 数: the noun after a number, demonstrative, measure word or 的; else the verb."""

    def rule(around: _Around) -> str | None:
        before = around.word(-1) or ""
        after = around.word(1) or ""
        if before == "一" and around.word(-2) == around.words[around.index]:
            return verb  # 数一数, 种一种: a verb said twice
        several = (
            after[:1] in _NUMERALS
            or after[:1] in frozenset("以十百千")
            or _is(around.tag(1), "m", "q")
        )
        reduplicated = after[:2] == "一数" or (after == "一" and around.word(1, 2) == "数")
        # 数一下, 数一遍: counting once (数一百 stays "several hundred").
        reduplicated = reduplicated or after.startswith(("一下", "一遍", "一共"))
        following = around.word(1, 2) or ""
        reduplicated = reduplicated or (after == "一" and following.startswith(("下", "遍")))
        if noun == "shu4" and several and not reduplicated:
            return noun  # 数十年, 数以百计: several
        if (
            before[-1:] in _NUMERALS
            or before[-1:] in _DEMONSTRATIVES
            or before[-1:] in frozenset("个的")
        ):
            return noun
        if _is(around.tag(-1), "m"):
            return noun
        return verb

    return rule


def _zhuan(around: _Around) -> str | None:  # 转
    before, after = around.word(-1) or "", around.word(1)
    if before[-1:] in frozenset("左右后东西南北"):
        return "zhuan3"
    if after is not None and (after[:1] in "得圈" or after.startswith(("来", "个不停"))):
        return "zhuan4"
    if after == "动" and (is_clause_end(around.word(1, 2)) or around.word(1, 2) in ("着", "起来")):
        return "zhuan4"  # 风车转动: round an axis (转动身子 stays zhuǎn)
    if after is not None and after.startswith("了"):
        following = "".join(around.word(1, n) or "" for n in (2, 3, 4))
        rounds = following.lstrip("好").lstrip("一二两三四五六七八九十几")  # 转了三圈
        if rounds.startswith(("圈", "很久", "半天", "久")):
            return "zhuan4"
        return None
    if is_clause_end(after):
        return "zhuan4"
    return None


def _chong(around: _Around) -> str | None:  # 冲
    after = around.word(1)
    if after in _PRONOUNS or (after or "").startswith("着"):
        return "chong4"
    if is_clause_end(after) and (around.word(-1) or "").endswith(_DEGREE):
        return "chong4"
    if after == "得" and around.word(2) == "很" and is_clause_end(around.word(3)):
        return "chong4"  # 说话冲得很: blunt, strong
    return None


def _dang(around: _Around) -> str | None:  # 当
    if "把" in around.clause_before() and not is_clause_end(around.word(1)):
        return "dang4"
    return None


def _chang_or_zhang(around: _Around) -> str | None:  # 长
    after = around.word(1)
    if after is not None and after[:1] in "得大高满出成胖到":
        return "zhang3"
    grown = "".join(around.word(1, n) or "" for n in (1, 2, 3)).lstrip("了不少一点些")
    if grown.startswith(("个子", "个儿", "肉", "胡子", "牙", "痘")):
        return "zhang3"  # 长个子, 长了不少肉: growing
    features = ("一脸", "一身", "一头", "一岁", "一双", "一张", "一对", "满脸")
    if after in ("了", "着") and (around.word(2) or "").startswith(features):
        return "zhang3"  # 长了一脸胡子, 长着一双大眼睛: growing, having
    if (around.word(-1) or "").endswith(_DEGREE):
        return "chang2"
    return None


_TIED = ("带", "扣", "领巾", "围裙", "围巾", "丝巾")


def _ji_or_xi(around: _Around) -> str | None:  # 系
    # Only standing alone: at the end of a word (中文系上课) it is a department, xì.
    after = (around.word(1) or "") if around.alone else ""
    tied = (around.word(2) or "") if after in ("一下", "个") else after  # 系一下领带
    if after[:1] in frozenset("上好紧住着") or tied.endswith(("带", "扣", "领巾")):
        return "ji4"  # 系上, 系鞋带: to tie
    if after.startswith("在") and "把" in around.clause_before():
        return "ji4"  # 把绳子系在树上 (but 中文系在三楼 stays xì)
    if after == "了" and any((around.word(1, n) or "").endswith(_TIED) for n in range(2, 7)):
        return "ji4"  # 系了一条红领带
    return None


def _zhong_hit(around: _Around) -> str | None:  # 中
    before, after = around.word(-1) or "", around.word(1) or ""
    if len(before) == 1 and _is(around.tag(-1), "v") and after.startswith("了"):
        return "zhong4"  # 射中了, 猜中了: to hit
    return None


def _le_or_liao(around: _Around) -> str | None:  # 了
    if (around.word(-1) or "").endswith("不"):
        return "liao3"  # 吃不了, 受不了: can not (得了 in `pinyin_senses`)
    return None


# Characters whose rule is skipped when jieba glued them to the character before (土地,
# 人种, 旋转, 人数 are words), unless that is a pronoun, adverb or preposition (我数).
_NOT_AFTER_GLUE = frozenset("地种数转")
# …but in a run jieba glued without knowing it (tag None), these before it are no part of a
# word: places and directions (地上转), and modal verbs (要种, 想数).
_LOOSE_BEFORE = frozenset("上里下中地去来要会能想该敢得")

_RULES: dict[str, Callable[[_Around], str | None]] = {
    "地": _de_particle,
    "得": _de_obtain_or_must,
    "还": _hai_or_huan,
    "种": _verb_or_noun("zhong4", "zhong3"),
    "数": _verb_or_noun("shu3", "shu4"),
    "转": _zhuan,
    "冲": _chong,
    "当": _dang,
    "长": _chang_or_zhang,
    "系": _ji_or_xi,
    "中": _zhong_hit,
    "了": _le_or_liao,
    **VERB_RULES,  # 盛饭 chéng, 塞进 sāi, 背着 bēi, 倒茶 dào, 看孩子 kān, 吐了 tù, 调高 tiáo
}
# Words are cut around these.
_CUT_AT = frozenset(_RULES) | frozenset(MEASURE) | frozenset("觉结") | SPOKEN_CUT_AT
_RULES = first_answer(
    PARTICLE_RULES, first_answer({**SENSE_RULES, **TAKES_RULES}, _RULES)
)  # collocations first: 比…还 hái, 差一个 chà; 猜着了 zháo, 可得 děi


class _Unit(NamedTuple):
    """A stretch of text the rules see as one word: a token, or part of one."""

    text: str
    tag: str | None
    token: int
    offset: int


def _units(
    words: list[str],
    tags: Tags,
    settled: Callable[[int, int], bool],
    tag_of: Callable[[str], str | None],
) -> list[_Unit]:
    """The tokens as the rules see them. jieba glues unknown runs into one token (我累, 冷得,
    三加二得): those are cut into characters. A dictionary word holding a character a rule
    knows, whose reading the word lists did not settle (说得对, 种菜), is cut around it."""
    units: list[_Unit] = []
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if len(word) == 1 or not all("\u4e00" <= c <= "\u9fff" for c in word):
            units.append(_Unit(word, tag, index, 0))
            continue
        if tag is None:
            units.extend(_Unit(c, tag_of(c), index, o) for o, c in enumerate(word))
            continue
        if word in EVERYDAY_WORDS or (tag.startswith(("d", "i", "l")) and len(word) > 3):
            units.append(_Unit(word, tag, index, 0))  # 一个劲儿, 抓紧时间: read as words
            continue
        cuts = sorted(
            {0, len(word)}
            | {
                o + d
                for o, c in enumerate(word)
                if c in _CUT_AT and not settled(index, o)
                for d in (0, 1)
            }
        )
        for start, end in zip(cuts, cuts[1:], strict=False):
            piece = word[start:end]
            units.append(_Unit(piece, tag if piece == word else tag_of(piece), index, start))
    return units


def apply_grammar(
    words: list[str],
    tags: Tags,
    results: Results,
    settled: Callable[[int, int], bool] = lambda token, offset: False,
    tag_of: Callable[[str], str | None] = lambda word: None,
) -> None:
    """Correct `results` (one list of readings per token) where the grammar is clear.
    `settled(token, offset)`: the word lists fixed that character's reading (rules leave it);
    `tag_of(word)`: jieba's part of speech of a word."""
    units = _units(words, tags, settled, tag_of)
    unit_words = [u.text for u in units]
    unit_tags = [u.tag for u in units]
    for position, unit in enumerate(units):
        spoken = SPOKEN_RULES.get(unit.text)  # round 7: asked even after a glue (班数他)
        if spoken is not None and not settled(unit.token, unit.offset):
            alone = stands_alone(words[unit.token], unit.offset, tags[unit.token])
            reading = spoken(_Around(unit_words, unit_tags, position, alone))
            if reading is not None:
                results[unit.token][unit.offset] = reading
                continue
        if len(unit.text) == 1:
            rule = _RULES.get(unit.text)
            glued = (
                unit.text in _NOT_AFTER_GLUE
                and position > 0
                and units[position - 1].token == unit.token
                and not _is(units[position - 1].tag, "r", "d", "p")
                and not (tags[unit.token] is None and units[position - 1].text in _LOOSE_BEFORE)
                and units[position - 1].text not in ("好", "难")  # 好种: easy to grow
                and not (
                    position > 1
                    and units[position - 1].text == "一"
                    and units[position - 2].text == unit.text
                )
            )
            if rule is not None and not glued and not settled(unit.token, unit.offset):
                # jieba made it a token, or glued it to an unknown run (很脏, 我数).
                alone = stands_alone(words[unit.token], unit.offset, tags[unit.token])
                reading = rule(_Around(unit_words, unit_tags, position, alone))
                if reading is not None:
                    results[unit.token][unit.offset] = reading
                    continue
        measure_word(units, position, results, settled)
    apply_glued(words, tags, results, tag_of)  # 悄悄地 de, 不停地下着, 睡不着 zháo
    apply_complements(words, tags, results)  # 碰不得 bude, 很精神 jīngshen, 几户人家 jiā
    apply_spoken_tokens(words, results)  # 三服药 fù, 一行一行 háng, 拍片子 piān
