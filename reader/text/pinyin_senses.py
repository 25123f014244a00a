"""Collocations that tell the senses of everyday polyphones apart, for
`reader.text.pinyin_grammar`. Qt-free.

Each rule reads one character standing as a unit (`pinyin_grammar._Around`) and answers a
reading only where the words around it make the sense clear; otherwise None, and the
character's older rule (if any) or the model decides. Rules for characters that already
have one in `pinyin_grammar` or `pinyin_verbs` are tried first (`first_answer`). Verbs read
by what they take (背包 bēi, 倒在地上 dǎo, 看着行李 kān) are in `pinyin_takes`.

- 地 after a strong adverbial (慢慢, 不停) before a verb of going up or down (下山, 下了) is
  the particle de.
- 着 after 不 or 得 (睡不着, 用得着) is zháo; after a verb of finding, reaching or a fright
  followed by its object and 了 (找着钥匙了, 吓着了) zháo.
- 得 between a one-character verb and a degree word (结得特别多, 处得很好) is the particle,
  and so it is in a verb's potential form (穿得下, 搬得动, 办得了), whose 了 is liǎo.
- 还 in a comparison (比昨天还热) is hái; before a loan or debt (还房贷) huán.
- 为 before a demonstrative (为这件事, 为此) is wèi. 长 after 有点, 比较, 变 is cháng.
- 冲 after a degree word at a clause's end (太冲了) is chòng. 当 between a subject or an
  adverb and a pronoun that starts a clause (我还当你不来了, 你当他是谁) is dàng.
- 转 spinning (转着, 转动的) is zhuàn. 数 before 到 (从一数到十) is shǔ.
- 重 standing free before a one-character verb (重说, 重写) is chóng: again; after a degree
  word (很重, 特别重) zhòng.
- 好 between a pronoun and a habit's verb-object (他好喝酒, 他好吃零食) is hào.
- 乐 standing free before 了, 得, 坏 (她乐了) is lè.
- 没 standing free is méi (mò only in words: 沉没, 淹没).
- 差 before an amount (差五分, 差一个人, 差点儿, 差了) is chà. 应 before a verb is yīng.
- 难, 少 standing free (not in a word such as 灾难, 少年) are nán, shǎo.
- 觉 as the measure of sleep (一觉, 睡好觉) is jiào.
- 处 as a verb (处得, 处在, 处于, 处理) is chǔ.
- 中 winning or being hit (他中了) is zhòng.
- 假 at the end of "asking for / having" leave (请了三天假) is jià.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.text.pinyin_measures import NUMERALS
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_verbs import DEGREE, PRONOUNS, STRONG_DEGREE


class Around(Protocol):
    """What a rule sees of the units around one (see `pinyin_grammar._Around`)."""

    alone: bool

    def word(self, step: int, count: int = 1) -> str | None: ...

    def tag(self, step: int) -> str | None: ...

    def clause_before(self) -> str: ...


Rule = Callable[[Around], str | None]

_NUMERALS = NUMERALS - frozenset("每")
_ADVERBS_BEFORE_DANG = ("还", "只", "就", "总", "都", "真", "别", "又", "竟")
# Verbs whose result 着 marks (zháo): finding, reaching, catching (shared with
# pinyin_complements), and being frightened or frozen.
FINDING = frozenset("找睡猜买借摸够逮抓碰见")
RESULT_VERBS = FINDING | frozenset("吓冻")
# Sentence-final particles of a question (shared with pinyin_complements, pinyin_glued), and
# all those that close a clause.
QUESTION = ("吗", "呢", "吧")
_QUESTION = (*QUESTION, "啊", "呀", "没有")
# Last characters of verbs of falling, putting or reaching (摔倒, 扔到, 掉在, 放下).
# Verbs of habits one is given to (好喝酒 hào), as the first character of a verb-object.
_HABITS = frozenset("打喝吃玩抽赌")
# Verbs of naming or taking as, after which 为 is wéi (称他为, 把…视为, 以…为).
_NAMING = tuple("称 叫 选 视 认 作 把 以 被 变 成 当".split())
_CALL = tuple("称 叫 选 视 认 以 尊".split())
_A_BIT = ("一点", "点", "一些", "些")
# Degree adverbs before 重 alone (not 多重 multiple, 也重写 again).
_HEAVY_DEGREE = (*STRONG_DEGREE, "这么", "那么", "有点", "比较", "相当")
# Results and directions a verb takes in its potential form, V得X / V不X (穿得下, 搬不动,
# 看得懂, 办得了); after a one-character verb, 得 before them is the particle.
POTENTIAL_COMPLEMENTS = frozenset(
    ["下", "完", "动", "起", "住", "上", "出", "开", "懂", "见", "清", "了", "进", "回"]
)


def ends_with(word: str | None) -> bool:
    """`word` (the one after) closes the clause: nothing, punctuation, a final particle."""
    return is_clause_end(word) or word in _QUESTION


_RESULT_ENDINGS = frozenset("倒到在落掉下上进出回住")
_PLACES = frozenset("上面 下面 上边 下边 上方 下方 上头 下头 底下 上下".split())


def _is(tag: str | None, *starts: str) -> bool:
    return tag is not None and tag.startswith(starts)


def ends_clause(around: Around, step: int = 1) -> bool:
    """Whether the clause ends after `step` units (a bare 了 counts as its end)."""
    after = around.word(step)
    if after in ("了", "的"):  # 干了。 会干的。
        after = around.word(step + 1)
    return is_clause_end(after) or after in _QUESTION


def clause_after(around: Around, limit: int = 6) -> str:
    out = []
    for count in range(1, limit + 1):
        word = around.word(1, count)
        if is_clause_end(word):
            break
        out.append(word or "")
    return "".join(out)


def adverbial(word: str | None, tag: str | None, *, nouns: bool = False) -> bool:
    """慢慢, 不停, 高兴, 飞快: a word that stands before the particle 地. jieba tags many
    such words as verbs (兴奋, 飞快); verbs ending in a result or direction (摔倒, 扔到) are
    left out: 摔倒地上 is the ground. `nouns`: count nouns too (jieba's 生气/n)."""
    if not word or len(word) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return False
    if word[0] == word[1] or (
        len(word) % 2 == 0 and word[: len(word) // 2] == word[len(word) // 2 :]
    ):
        return True
    if _is(tag, "v"):
        return word[-1] not in _RESULT_ENDINGS
    return _is(tag, "d", "z", "a", "b", "i", "l") or (
        nouns and _is(tag, "n") and not _is(tag, "nr", "ns")
    )


def _di_or_de(around: Around) -> str | None:  # 地
    before, after = around.word(-1) or "", around.word(1) or ""
    repeated = before in (around.word(-2), around.word(-3))  # 一遍又一遍地
    if not (adverbial(before, around.tag(-1)) or repeated) or after in _PLACES:
        return None
    if not after.startswith(("上", "下", "方", "点", "道")):
        return None
    if len(after) > 1 or (around.word(1, 2) or "").startswith(("了", "着", "来", "去")):
        return "de5"  # 慢慢地下山, 高兴地上学, 一遍又一遍地点着头, 认真地方方正正
    return None


def _zhe_or_zhao(around: Around) -> str | None:  # 着
    before, after = around.word(-1) or "", around.word(1)
    if before.endswith(("不", "得")) and len(before) == 1:
        return "zhao2"  # 睡不着, 用得着
    if _is(around.tag(-1), "n") and after in ("了", "起来", "起"):
        return "zhao2"  # 灯着了, 火着起来了: after a noun, not a verb, it is catching fire
    if before[-1:] in RESULT_VERBS and len(before) == 1:
        if is_clause_end(after) and before != "睡":
            return "zhao2"  # 才找着
        # An object: a noun, or a pronoun or a verbal noun (见着他了, 找着工作了).
        taken = _is(around.tag(1), "n", "r", "vn") and not (after or "").startswith(("这", "那"))
        if after == "了" or (taken and around.word(1, 2) == "了"):
            if ends_clause(around, 1 if after == "了" else 2):
                return "zhao2"  # 找着了, 找着钥匙了
        if taken and around.word(-2) in ("才", "终于", "总算") and ends_clause(around, 2):
            return "zhao2"  # 才找着钥匙: at last found (正找着 is still looking)
    return None


def _de_complement(around: Around) -> str | None:  # 得
    before, after = around.word(-1) or "", around.word(1) or ""
    if before in PRONOUNS and (after == "自己" or (around.word(1, 2) or "").startswith(_A_BIT)):
        return "dei3"  # 我得自己做饭, 你得小心一点
    if len(before) != 1 or before in PRONOUNS or _is(around.tag(-1), "r", "d", "p", "c"):
        return None
    if before in _NUMERALS:
        return None
    if after.startswith("到处"):
        return "de5"  # 洒得到处都是 (not 得到)
    if after in POTENTIAL_COMPLEMENTS and (after != "了" or ends_with(around.word(2))):
        return "de5"  # 穿得下, 搬得动, 办得了: can (a verb's potential form, as 穿不下)
    if after.startswith(
        (*DEGREE, "十分", "越来越", "不", "没法", "没办法", "要命", "受不了")
    ) and not after.startswith(("多", "好好")):
        return "de5"  # 结得特别多, 处得很好, 跑得不快
    return None


def _hai_or_huan(around: Around) -> str | None:  # 还
    after = around.word(1) or ""
    if _is(around.tag(1), "j") or after.endswith(("贷", "款", "债", "账")):
        return "huan2"  # 还房贷, 还贷款
    returned = after.startswith(("给", "钱", "书", "债", "回", "清"))  # 比我还钱还得快
    if "比" in around.clause_before() and after not in PRONOUNS and not returned:
        return "hai2"  # 比昨天还热
    return None


def _chong(around: Around) -> str | None:  # 冲
    if (around.word(-1) or "").endswith(DEGREE) and ends_clause(around):
        return "chong4"  # 太冲了
    return None


def _dang(around: Around) -> str | None:  # 当
    before, after = around.word(-1) or "", around.word(1) or ""
    subject = before in PRONOUNS or before.endswith(_ADVERBS_BEFORE_DANG)
    if subject and after in PRONOUNS and (around.word(1, 2) or "")[:1] not in ("的", "面", "着"):
        return "dang4"  # 我还当你不来了, 你当他是谁
    if before.endswith(("就", "只", "权", "全")) and after.startswith(("没", "不", "是")):
        return "dang4"  # 就当没看见, 只当是玩笑
    return None


def _zhuan(around: Around) -> str | None:  # 转
    after = around.word(1) or ""
    if after.startswith("着") or (after == "动" and around.word(1, 2) == "的"):
        return "zhuan4"
    if (around.word(1, 2) if after == "了" else after) == "起来":
        return "zhuan4"  # 转了起来: starting to spin
    return None


def _shu(around: Around) -> str | None:  # 数
    if (around.word(1) or "").startswith("到"):
        return "shu3"  # 从一数到十
    return None


def _cha(around: Around) -> str | None:  # 差
    if not around.alone:
        return None
    after = around.word(1) or ""
    if after[:1] in _NUMERALS or _is(around.tag(1), "m") or after.startswith(("点", "了")):
        return "cha4"  # 差五分, 差一个人, 差点儿, 差了一点
    if (around.word(-1) or "").endswith(DEGREE) and ends_clause(around):
        return "cha4"  # 很差
    return None


def _ying(around: Around) -> str | None:  # 应
    if not around.alone:
        return None
    after = around.word(1) or ""
    phrase = _is(around.tag(-1), "n", "r") and _is(around.tag(1), "l")  # 学生应遵守纪律
    if after.startswith(("该", "当")) or _is(around.tag(1), "v", "p") or phrase:
        return "ying1"  # 我应做的事
    if ends_clause(around) and (around.word(-1) or "").endswith(("没", "没有", "不", "人")):
        return "ying4"  # 他没有应
    return None


def _free(reading: str) -> Rule:
    """难, 少 outside words (灾难, 少年): the adjective, after a degree word or 不 (太难, 很少)
    or before a verb, 了 or 的 (少说, 难为, 难了), or at a clause's end."""

    def rule(around: Around) -> str | None:
        if not around.alone:
            return None
        before, after = around.word(-1) or "", around.word(1) or ""
        degree = before.endswith((*DEGREE, "不", "别", "越"))
        verb = _is(around.tag(1), "v", "p") or after.startswith(("了", "的", "得", "点", "些"))
        return reading if degree or verb or ends_clause(around) else None

    return rule


def _jue_or_jiao(around: Around) -> str | None:  # 觉
    before = around.word(-1) or ""
    if before[-1:] in _NUMERALS or before.endswith(("一大", "睡")):
        return "jiao4"  # 一觉, 睡一大觉
    clause = around.clause_before()
    if "睡" in clause[-3:] or ("睡" in clause and ends_clause(around)):
        return "jiao4"  # 睡好觉, 睡个觉, 睡了一个好觉
    return None


def _chu(around: Around) -> str | None:  # 处
    after = around.word(1) or ""
    if around.alone and after.startswith(("得", "在", "于", "理", "不来", "好", "了", "过", "久")):
        return "chu3"
    return None


def _zhong(around: Around) -> str | None:  # 中
    before, after = around.word(-1), around.word(1) or ""
    subject = (
        before is None or is_clause_end(before) or before in PRONOUNS or _is(around.tag(-1), "t")
    )
    prize = after == "了" and "奖" in clause_after(around, 3)
    if around.alone and (prize or subject and after.startswith(("了", "奖"))):
        return "zhong4"  # 他中了一百万, 彩票中了大奖
    return None


def _jia(around: Around) -> str | None:  # 假
    if not around.alone or around.word(1) == "的":  # 是假的: fake
        return None
    if around.clause_before().endswith(("请", "请了", "放", "放了", "休")):
        return "jia4"  # 请了假我就走
    if ends_clause(around) and any(verb in around.clause_before() for verb in ("请", "放", "休")):
        return "jia4"  # 请了三天假
    return None


def _wei(around: Around) -> str | None:  # 为
    after = around.word(1) or ""
    if around.alone and after.startswith(("这", "那", "此")) and not _is(around.tag(-1), "v"):
        return "wei4"  # 为这件事生气, 为此
    naming = any(verb in around.clause_before() for verb in _NAMING)  # 称他为英雄, 以…为
    if around.alone and any(verb in around.clause_before() for verb in _CALL):
        if (around.word(-1) or "") in PRONOUNS and _is(around.tag(1), "n"):
            return "wei2"  # 大家称他为英雄, 选他为队长
    if (around.word(-1) or "") in PRONOUNS and _is(around.tag(1), "n") and not naming:
        if _is(around.tag(2), "v") or _is(around.tag(2), "d"):
            return "wei4"  # 他为朋友做了一件好事
    return None


def _chang(around: Around) -> str | None:  # 长
    before = around.word(-1) or ""
    if before.endswith(("有点", "有些", "比较", "变", "不够")):
        return "chang2"  # 有点长, 变长了
    if before.endswith("不") and is_clause_end(around.word(1)):
        return "chang2"  # 头发不长。
    return None


def _mei(around: Around) -> str | None:  # 没
    if around.alone and not (around.word(-1) or "").endswith(("沉", "淹", "埋", "吞", "隐", "出")):
        return "mei2"  # 没来: not (沉没, 淹没 are words)
    return None


def _le_or_yue(around: Around) -> str | None:  # 乐
    if around.alone and (around.word(1) or "").startswith(("了", "得", "坏", "开", "呵", "着")):
        return "le4"  # 她乐了, 乐得合不拢嘴 (yuè only in words: 音乐, 乐器)
    return None


def _hao(around: Around) -> str | None:  # 好
    before, after = around.word(-1) or "", around.word(1) or ""
    if before in PRONOUNS and len(after) > 1 and after[0] in _HABITS:
        return "hao4"  # 他好打篮球, 他好喝酒: is given to (好喜欢 stays hǎo)
    return None


def _liao_can(around: Around) -> str | None:  # 了
    verb = around.word(-2) or ""
    potential = len(verb) == 1 and verb not in PRONOUNS and verb not in _NUMERALS
    if around.word(-1) == "得" and potential and ends_with(around.word(1)):
        return "liao3"  # 办得了, 走得了: can (not 他得了奖, 我得了第一)
    return None


def _chong_or_zhong(around: Around) -> str | None:  # 重
    after = around.word(1) or ""
    if around.alone and (around.word(-1) or "") in _HEAVY_DEGREE:
        return "zhong4"  # 很重, 挺重: heavy or serious (a degree adverb takes an adjective)
    if around.alone and len(after) == 1 and _is(around.tag(1), "v") and after not in "了着过":
        return "chong2"  # 重说一遍, 重写: again
    if around.alone and (around.word(-1) or "").endswith(DEGREE):
        return "zhong4"  # 很重, 特别重: heavy or serious (a degree word takes an adjective)
    return None


SENSE_RULES: dict[str, Rule] = {
    "了": _liao_can,
    "重": _chong_or_zhong,
    "好": _hao,
    "乐": _le_or_yue,
    "没": _mei,
    "为": _wei,
    "长": _chang,
    "地": _di_or_de,
    "着": _zhe_or_zhao,
    "得": _de_complement,
    "还": _hai_or_huan,
    "冲": _chong,
    "当": _dang,
    "转": _zhuan,
    "数": _shu,
    "差": _cha,
    "应": _ying,
    "难": _free("nan2"),
    "少": _free("shao3"),
    "觉": _jue_or_jiao,
    "处": _chu,
    "中": _zhong,
    "假": _jia,
}


def first_answer(first: dict[str, Rule], then: dict[str, Rule]) -> dict[str, Rule]:
    """One rule per character: `first`'s answer, else `then`'s."""

    def chained(a: Rule, b: Rule) -> Rule:
        return lambda around: a(around) or b(around)

    merged = dict(then)
    for char, rule in first.items():
        merged[char] = chained(rule, then[char]) if char in then else rule
    return merged
