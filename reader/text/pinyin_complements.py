"""Complements, particles and two-tone words in everyday sentences (round 6), for
`reader.text.pinyin_grammar`. Qt-free.

Unit rules (`PARTICLE_RULES`, tried before `pinyin_senses`' and the grammar's own):

- 着 is zháo, the result of a verb, after a verb of finding or of harm when 了 follows
  (猜着了答案, 烫着了), when the clause ends after a verb of harm (别烫着), or when a warning
  puts a person after it (别吓着孩子, 小心冻着手); and 着了凉, 着了火, 着了迷 (catching a
  chill, fire, a craze) whatever comes before. The durative zhe stays elsewhere (躺着看书).
- 得 after 可 "really must" and before a verb or an amount is děi (天冷了，可得多穿点), and
  between a person and 上 a place (他得上医院); 钱都还上了 is huán; 着什么急 zháo.
- 咳 opening a sentence before a comma or ！ is the interjection hāi (咳，你怎么又忘了); the
  cough ké stays everywhere else.

Token pass (`apply_complements`, after the unit rules):

- 这一行 is a line of work or of text, háng (这一行人 stays xíng); 量一量 liáng.
- 重重地 heavily is zhòngzhòng (困难重重, layer on layer, stays chóngchóng).
- 粘 and 拧 after a degree word at a clause's end are sticky nián and stubborn nìng (很粘,
  很拧; 粘在 zhān, 拧毛巾 níng); 空着手 kōng zhe (jieba: 空/着手), 正当的 zhèngdàng,
  折跟头 zhē, 折了本 shé.
- 蒙 after a verb that dazes and before 了 is mēng (打蒙了, 问蒙了).
- 弄 standing alone is the verb nòng, not an alley (593弄, 王家弄 lòng).
- 多少 in a question (多少钱？) is duō·shao, 地方 before what a region runs (地方政府) dìfāng,
  陆 among capital numerals (陆佰元) liù.
- V不得 at a clause's end, a one-character verb's "must not" (碰不得, 惹不得, 吃不得), reads
  ·bu·de like 舍不得 (`pinyin_glued`); 不得不, 不得了 and 求之不得 stay.
- Words whose 现汉 entries split by tone between an adjective with a neutral tone and a noun
  in full tones (`TWO_TONE_WORDS`: 精神 jīng·shen "lively" / jīngshén "spirit", 大意
  dà·yi "careless" / dàyì "gist", 地道 dì·dao "genuine" / dìdào "tunnel", 大方 dà·fang
  "generous" / dàfāng "experts"): after a degree word (很精神, 太大意, glued or not) the
  adjective, after 的 (他的精神, 文章的大意) the noun. 人家 counted by households (几户人家)
  is rénjiā, not the pronoun rén·jia.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.text.pinyin_senses import FINDING
from reader.text.pinyin_senses import QUESTION as _QUESTION
from reader.text.pinyin_sentences import is_clause_end, neighbour, neighbour_word
from reader.text.pinyin_verbs import PLURAL_PRONOUNS, PRONOUNS, STRONG_DEGREE


class Around(Protocol):
    """What a rule sees of the units around one (see `pinyin_grammar._Around`)."""

    alone: bool
    words: list[str]

    def word(self, step: int, count: int = 1) -> str | None: ...

    def tag(self, step: int) -> str | None: ...

    def clause_before(self) -> str: ...


Results = list[list[str | None]]
Tags = list[str | None]


# Who must (他得上医院: děi).
_PERSONS = frozenset((*PRONOUNS, *PLURAL_PRONOUNS)) - frozenset(
    ("它", "它们", "别人", "人家", "自己")
)
# Verbs whose result 着 marks: finding, reaching (as in pinyin_senses) and harm that befalls
# someone (烫着, 摔着, 碰着, 吓着, 冻着, 呛着, 噎着, 闪着腰).
_HARM = frozenset("吓冻烫摔伤撞磕砸呛噎熏闪扭硌绊")
# Words of warning before a harmed person (别吓着孩子, 小心烫着手, 怕冻着他).
_WARNINGS = ("别", "不要", "小心", "当心", "怕", "可别", "千万别", "会")
_PEOPLE = ("我", "你", "他", "她", "您", "孩子", "小孩", "人", "老人", "宝宝", "手", "脚", "腰")
# What one catches: a chill, fire, a craze (着了凉, 着了火, 着了迷, 着了魔, 着了慌).
_CAUGHT = ("凉", "火", "迷", "魔", "慌", "急")


def _zhao_result(around: Around) -> str | None:  # 着
    before, after = around.word(-1) or "", around.word(1)
    if after == "了" and (around.word(2) or "").startswith(_CAUGHT):
        return "zhao2"  # 他着了凉, 厨房着了火
    if after == "什么" and (around.word(2) or "").startswith("急"):
        return "zhao2"  # 着什么急: 着急 split by 什么
    verb = before[-1:]
    if verb not in FINDING and verb not in _HARM:
        return None
    if after == "了":
        return "zhao2"  # 猜着了答案, 开水烫着了
    if verb in _HARM and is_clause_end(after):
        return "zhao2"  # 小心别烫着。
    if verb in _HARM and (after or "").startswith(_PEOPLE):
        if any(word in around.clause_before() for word in _WARNINGS):
            return "zhao2"  # 别吓着孩子
    return None


def _dei_must(around: Around) -> str | None:  # 得
    before, after = around.word(-1) or "", around.word(1)
    if before in _PERSONS and after == "上" and around.word(2) not in (None, "了"):
        return "dei3"  # 他得上医院: has to go to (他得上了 … is obtaining)
    if before != "可" or is_clause_end(after):
        return None
    if (around.word(-2) or "").endswith(("不", "唾手", "无")):
        return None  # 不可得, 唾手可得: to be had
    return "dei3"  # 可得多穿点, 这可得小心


def _huan_paid_off(around: Around) -> str | None:  # 还
    if around.word(1) == "上" and around.word(2) == "了" and is_clause_end(around.word(3)):
        return "huan2"  # 钱都还上了: paid back (他还上了大学 stays hái)
    return None


def _zhe_turn(around: Around) -> str | None:  # 折
    """折跟头 "to somersault" is zhē (现汉 折 zhē ①), 折了本 "lost money" shé."""
    after = around.word(1)
    following = "".join(around.word(1, n) or "" for n in (1, 2, 3))
    if around.alone and following.lstrip("了个一两三几").startswith(("跟头", "跟斗")):
        return "zhe1"
    if around.alone and after == "了" and around.word(2) == "本":
        return "she2"
    return None


def _interjection(reading: str) -> Callable[[Around], str | None]:
    """A character that opens a clause and is cut off by a comma or exclamation mark is an
    interjection, read in full (现汉 咳 hāi, 呀 yā ～，下雪了！), not the neutral sentence-final
    particle a model leans to. (唉 is left alone: āi answers or sighs, ài regrets, 现汉.)"""

    def rule(around: Around) -> str | None:
        if is_clause_end(around.word(-1)) and around.word(1) in ("，", "！", ",", "!", "…"):
            return reading
        return None

    return rule


def _hu_mahjong(around: Around) -> str | None:  # 和
    """他和了 at mahjong or cards is hú (现汉 和 hú: 打麻将或斗纸牌时某一家的牌合乎规定的要求)."""
    if around.alone and around.word(1) in ("了", "牌", "啦"):
        if any(game in "".join(around.words) for game in ("麻将", "打牌", "牌")):
            return "hu2"
    return None


def _liang_again(around: Around) -> str | None:  # 量
    """量一量: the verb said twice, liáng (数一数 and 种一种 are in `pinyin_grammar`)."""
    if around.word(-1) == "一" and around.word(-2) == "量":
        return "liang2"
    return None


PARTICLE_RULES: dict[str, Callable[[Around], str | None]] = {
    "和": _hu_mahjong,
    "量": _liang_again,
    "着": _zhao_result,
    "得": _dei_must,
    "还": _huan_paid_off,
    "咳": _interjection("hai1"),
    "呀": _interjection("ya1"),
    "折": _zhe_turn,
}

# Word → (adjective reading after a degree word, noun reading after 的), per 现汉.
TWO_TONE_WORDS: dict[str, tuple[str, str]] = {
    "精神": ("jing1 shen5", "jing1 shen2"),
    "大意": ("da4 yi5", "da4 yi4"),
    "地道": ("di4 dao5", "di4 dao4"),
    "大方": ("da4 fang5", "da4 fang1"),
    "便当": ("bian4 dang5", "bian4 dang1"),  # 挺便当 "handy" / 便当 a lunch box
}
# 地方 dìfāng, local as against central (现汉 地方 dìfāng ①), before what a region runs.
_LOCAL = tuple("政府 官员 财政 法规 保护 戏 性 病 志 部队 干部 特色 当局 经济 民族".split())
# What "more or less" 多少 (duōshǎo) stands before: a verb or a modal, not a thing counted.
_MORE_OR_LESS = ("有点", "有些", "也", "还", "都", "会", "能", "知道", "懂", "吃", "喝", "带", "给")
# Verbs that leave one dazed, mēng (现汉 蒙 mēng ②: 打蒙了, 吓蒙了, 问蒙了).
_DAZING = frozenset("打吓问砸摔骂说弄搞绕转听看")
# Capital numerals (支票上的 壹贰叁…): among them 陆 is six, liù.
_CAPITALS = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角整")
# Degree words before an adjective (很精神, 太大意, 挺地道, 真大方, 不够大方).
_DEGREE = (*STRONG_DEGREE, "最", "更", "十分", "这么", "那么", "够", "蛮")
# Sentence-final particles after V不得 (碰不得吗).


def _two_tone(words: list[str], index: int, results: Results) -> None:
    word = words[index]
    before = neighbour(words, index, -1)
    for stem, (adjective, noun) in TWO_TONE_WORDS.items():
        split = before is not None and word == stem[1:] and words[before].endswith(stem[0])
        if split and words[before][:-1].endswith(_DEGREE):  # jieba's 很大/方
            first, second = adjective.split()
            results[before][-1], results[index][0] = first, second
            return
        if not word.endswith(stem):
            continue
        head = word[: -len(stem)]
        previous = head or (words[before] if before is not None else "")
        start = len(head)
        if previous.endswith(_DEGREE):
            results[index][start:] = adjective.split()
        elif previous == "的" and not head:
            results[index][start:] = noun.split()
        return


def _next(words: list[str], index: int) -> str:
    return neighbour_word(words, index, 1) or ""


def _previous(words: list[str], index: int) -> str:
    return neighbour_word(words, index, -1) or ""


# Each token rule: (words, tags, index of the token, results), correcting results in place.
TokenRule = Callable[[list[str], Tags, int, Results], None]


def _bude(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 不得
    before, following = neighbour(words, index, -1), _next(words, index)
    if before is None or len(words[before]) != 1 or not (tags[before] or "").startswith("v"):
        return
    if is_clause_end(following) or following in (*_QUESTION, "的"):
        results[index][:] = ["bu5", "de5"]  # 碰不得。 惹不得的


def _duoshao(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 多少
    """多少 asking how many (多少钱？) is duō·shao; "more or less" (多少有点) duōshǎo."""
    following = "".join(words[index + 1 : index + 6])
    if following.startswith(_MORE_OR_LESS):
        return  # 你多少吃点吧？ 多少有点: more or less
    clause = following.split("，")[0].split(",")[0]
    if clause.endswith(("？", "?")) or clause.startswith("钱"):
        results[index][1] = "shao5"


def _nong(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 弄
    """弄 standing alone is the verb nòng (弄坏了, 在弄什么), unless it names an alley: after
    a number or a family name's 家 (593弄, 王家弄) or before 堂 (lòng)."""
    previous = _previous(words, index)
    if previous[-1:].isdigit() or previous.endswith(("家", "小", "里", "号", "条")):
        return
    if not _next(words, index).startswith(("堂", "口")):
        results[index][0] = "nong4"


def _local(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 地方
    if _next(words, index).startswith(_LOCAL):
        results[index][1] = "fang1"  # 地方政府 (这个地方 stays dì·fang)


def _households(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 人家
    if _previous(words, index).endswith("户"):
        results[index][:] = ["ren2", "jia1"]  # 几户人家: households


def _line_of_work(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 一行
    if _previous(words, index) in ("这", "那", "哪") and not _next(words, index).startswith("人"):
        results[index][1] = "hang2"  # 干这一行: a line of work (这一行人 xíng)


def _heavily(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 重重
    if words[index] == "重重地" or _next(words, index) == "地":
        results[index][:2] = ["zhong4", "zhong4"]  # 重重地摔了一跤 (困难重重 chóngchóng)


def _dazed(words: list[str], tags: Tags, index: int, results: Results) -> None:  # …蒙
    word = words[index]
    verb = word[0] if len(word) == 2 else (words[index - 1] if index else "")
    if verb in _DAZING and _next(words, index) == "了":
        results[index][-1] = "meng1"  # 打蒙了, 问蒙了 (one token or two): dazed


def _capital_six(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 陆
    word = words[index]
    before_text = words[index - 1] if index else ""
    text = before_text + word + (words[index + 1] if index + 1 < len(words) else "")
    at = len(before_text) + word.index("陆")
    if _CAPITALS & {text[at - 1 : at], text[at + 1 : at + 2]} - {""}:
        results[index][word.index("陆")] = "liu4"  # 陆佰元, 叁仟陆


def _empty_handed(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 着手
    """空着手 "empty-handed", which jieba cuts …空/着手: kōng zhe (着手 zhuóshǒu is setting
    about)."""
    if _previous(words, index).endswith("空") and index > 0:
        before = neighbour(words, index, -1)
        assert before is not None
        results[before][-1] = "kong1"
        results[index][0] = "zhe5"


# What 正当 "legitimate" (zhèngdàng) qualifies; 正当 "just when" (zhèngdāng) takes a clause.
_LEGITIMATE = ("的", "权益", "权利", "理由", "防卫", "手段", "要求", "利益", "职业", "行为", "收入")


def _legitimate(words: list[str], tags: Tags, index: int, results: Results) -> None:  # 正当
    rest = words[index][2:] or _next(words, index)  # 正当|的要求, 正当权益 (one token)
    if rest.startswith(_LEGITIMATE):
        results[index][:2] = ["zheng4", "dang4"]  # 正当的要求 (正当…之际 zhèngdāng)


# Adjectives read so after a degree word at a clause's end: 很粘 nián (粘在 zhān), 很拧
# nìng, stubborn (拧毛巾 níng).
_AFTER_DEGREE = {"粘": "nian2", "拧": "ning4"}


def _after_degree(words: list[str], tags: Tags, index: int, results: Results) -> None:
    following = _next(words, index)
    if _previous(words, index).endswith(_DEGREE) and following:
        if is_clause_end(following) or following in ("了", "的", *_QUESTION):
            results[index][0] = _AFTER_DEGREE[words[index]]  # 米饭很粘, 脾气很拧


_TOKEN_RULES: dict[str, TokenRule] = {
    "着手": _empty_handed,
    **{word: _after_degree for word in _AFTER_DEGREE},
    "不得": _bude,
    "多少": _duoshao,
    "弄": _nong,
    "地方": _local,
    "人家": _households,
    "一行": _line_of_work,
    "重重": _heavily,
    "重重地": _heavily,
    **{word: _dazed for word in ("蒙", *(verb + "蒙" for verb in _DAZING))},
}


def apply_complements(words: list[str], tags: Tags, results: Results) -> None:
    """The token pass of the module docstring: a rule per token (`_TOKEN_RULES`), 陆 among
    capital numerals, and the two-tone words."""
    for index, word in enumerate(words):
        if "陆" in word:
            _capital_six(words, tags, index, results)
        if word.startswith("正当"):
            _legitimate(words, tags, index, results)
        rule = _TOKEN_RULES.get(word)
        if rule is not None:
            rule(words, tags, index, results)
        else:
            _two_tone(words, index, results)
