"""Round 7: everyday words of plain speech read by what is around them, for
`reader.text.pinyin_grammar`. Qt-free.

Each rule reads one character standing as a unit (`pinyin_grammar._Around`) and answers a
reading only where the words around it make the sense clear; otherwise None and the older
rules or the model decide. Unlike the older rules these are tried also where jieba glued the
character to the word before it (我们班数他, 他曲着腿, 球弹得), since each one asks for
words after it that only the one sense takes. All readings are the 现代汉语词典's. Verbs read
by what they take (钻进 zuān, 挂倒了 dào, 盛碗饭 chéng…) are in `pinyin_spoken_verbs`,
whole tokens (三服药 fù, 拍片子 piān) in `pinyin_spoken_tokens`.

- 当 after 上了/上过 at a clause's end (上了当, 上过他的当) is dàng, "being fooled"; so is 当
  in 拿…当 and in 当…用 (一个人当两个人用): "to treat as".
- 数 before a person and a 最 later in the clause (全家数他最高) is shǔ: "to rank first".
- 转 before 个不停 (转个不停) and said twice (转一转, 转转) is zhuàn.
- 缝 after a measure word (一条缝, 一道缝) is the noun fèng.
- 长 between two 又 (又窄又长) is cháng; 为谁 wèi.
- 横 after a degree word (太横了: rude) is hèng. 禁 after a degree word or before a verb of
  wear (很禁穿, 禁洗) is jīn. 闷 of stuffy air or weather (天气很闷) is mēn.
- 中 of being hit by heat, poison or a shot (中了暑, 中毒, 中了一枪) is zhòng.
- 眯 of dust in the eye (沙子眯了眼) is mí (眯着眼, 眯了眯眼 stay mī).
- 相 at a clause's end after 一副 (一副老实相) is xiàng; 没过 up to a body part (水没过了膝盖)
  mò.
- 难 after 有 at a clause's end (朋友有难) is nàn, a calamity.
- Less common everyday words: 宁 before a verb (宁死也不说) nìng; 闷着头 mēn; 翘 of a flat
  thing warping (画翘了) qiáo; 色儿 shǎir; 着 of a fire burning (火着得很旺) zháo. (落 là, 扒,
  抹 mā, 蒙 mēng and other verbs of handling and mishaps: `pinyin_spoken_acts`.)
- 着 after a harm one is warned of (小心别热着) is zháo; 得 after a verb before a degree
  word (歌唱得特别好) de, after a pronoun before a verb jieba calls a noun (你得回家了) děi;
  还 in 把…还上 huán; 得 after a topic (这件事得, 这钱得) děi.
- 着 after 一 before a move in chess or a clause's end (走错了一着, 一着好棋) is zhāo;
  after 没 and a verb of reaching (没见着, 没找着) or alone after 没 at a clause's end
  (火柴也没着) is zháo; 没 before an everyday one-character verb (没见, 没吃) is méi.
"""

from __future__ import annotations

from reader.text.pinyin_chores import CHORE_RULES
from reader.text.pinyin_senses import (
    RESULT_VERBS,
    Around,
    Rule,
    clause_after,
    ends_clause,
    first_answer,
)
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_spoken_acts import SPOKEN_ACT_RULES
from reader.text.pinyin_spoken_verbs import MEASURES as _MEASURES
from reader.text.pinyin_spoken_verbs import SPOKEN_VERB_RULES
from reader.text.pinyin_spoken_verbs import units_before as _units_before
from reader.text.pinyin_verbs import DEGREE, PRONOUNS, STRONG_DEGREE
from reader.text.pinyin_verbs import NUMBERS as _NUMBERS

_PEOPLE = (*PRONOUNS, "小", "老")  # 数小王最…, 数老李最…


def _dang(around: Around) -> str | None:  # 当
    before = around.clause_before()
    after = around.word(1)
    if before.endswith(("上了", "上过")) and (is_clause_end(after) or after == "了"):
        return "dang4"  # 上了当: fooled
    if "上" in before and before.endswith("的") and is_clause_end(after):
        return "dang4"  # 上了他的当
    if "拿" in _units_before(around) and not is_clause_end(after):
        return "dang4"  # 拿他当朋友 (the verb 拿 on its own: not 加拿大)
    ahead = clause_after(around, 5)
    if ahead.endswith("用") and (before.endswith("人") or before.endswith(tuple(_MEASURES))):
        return "dang4"  # 一个人当两个人用
    return None


def _shu(around: Around) -> str | None:  # 数
    after = around.word(1) or ""
    if around.word(-1) in ("没", "有", "没有") and ends_clause(around):
        return "shu4"  # 心里没数: no idea how things stand
    if around.word(-1) in ("在", "正在", "还在"):
        return "shu3"  # 他在数星星: counting
    if (around.word(-1) or "").endswith("人") and after.startswith(("最", "多", "少", "不", "太")):
        return "shu4"  # 班人/数最多 (jieba): the number of people
    if after.startswith(_PEOPLE) and "最" in clause_after(around, 4):
        return "shu3"  # 全家数他最高
    if after == "到" and (around.word(2) or " ")[0] in _NUMBERS:
        return "shu3"  # 从一数到十: counting up to
    return None


def _zhuan(around: Around) -> str | None:  # 转
    if around.word(1) == "个" and (around.word(2) or "").startswith("不停"):
        return "zhuan4"  # 转个不停
    if (around.word(1), around.word(2)) == ("一", "转") or around.word(-2) == "转一":
        return "zhuan4"  # 转一转: strolling about
    return None


def _after_measure(reading: str) -> Rule:
    """缝: the noun after a number or demonstrative and a measure word (一条缝)."""

    def rule(around: Around) -> str | None:
        before, after = around.word(-1) or "", around.word(1) or ""
        sewn = after.startswith(("衣", "扣", "补", "被", "裤", "袜", "鞋", "针"))
        if before[-1:] in _MEASURES and len(before) <= 2 and not sewn:
            return reading
        return None

    return rule


def _after_degree(reading: str, also: tuple[str, ...] = ()) -> Rule:
    """横, 禁: an adjective after a degree word (太横了 hèng, 很禁穿 jīn), or before what the
    sense takes (禁穿, 禁洗)."""

    def rule(around: Around) -> str | None:
        before, after = around.word(-1) or "", around.word(1) or ""
        ends = is_clause_end(after) or after in ("了", "的", "啦")
        if before.endswith(DEGREE) and len(before) <= 2 and (ends or after.startswith(also)):
            return reading
        if also and after.startswith(also):
            return reading
        return None

    return rule


_AIR = ("天气", "屋", "房间", "空气", "车里", "教室", "厨房", "车厢")


def _men(around: Around) -> str | None:  # 闷
    clause = around.clause_before()
    air = any(a in clause for a in _AIR) and "心" not in clause
    if (around.word(-1) or "").endswith(DEGREE) and air:
        return "men1"  # 天气很闷: stuffy
    if clause_after(around, 2).lstrip("着").startswith("头"):
        return "men1"  # 闷着头干活: silently
    return None


# What one is struck by (中暑 zhòng).
_STRUCK = frozenset("暑 毒 枪 一枪 弹 箭 一箭 奖 头奖 大奖 彩 彩票 计 圈套 邪".split())


def _zhong(around: Around) -> str | None:  # 中
    after = around.word(1) or ""
    if after == "了":
        after = around.word(2) or ""
    if after in _STRUCK:
        return "zhong4"
    return None


def _mi(around: Around) -> str | None:  # 眯
    if around.word(1) == "了" and around.word(2) != "眯" and "眼" in clause_after(around, 5):
        return "mi2"  # 沙子眯了眼
    return None


# Verbs whose result 着 marks (没见着 zháo), and everyday verbs that 没 negates (没吃 méi).
REACHED = RESULT_VERBS | frozenset("遇赶听看吃喝等抢接拿要")
# Harms one is warned of (小心别热着, 别累着 zháo).
_HARMED = frozenset("热冻累吓凉摔碰烫伤晒撑冰")
NEGATED = REACHED | frozenset("吃喝去来看听说做写想到有带拿穿用洗学问等干")


_MOVES = ("棋", "好棋", "妙棋", "险棋", "臭棋", "高棋")


def _zhao(around: Around) -> str | None:  # 着
    before, after = around.word(-1) or "", around.word(1)
    if before.endswith(("火", "柴", "炉子", "煤", "灯")) and after == "得":
        return "zhao2"  # 火着得很旺: burning
    if before in ("这", "那") and clause_after(around, 2).startswith(_MOVES):
        return "zhao1"  # 那着棋下错了
    if before in ("一", "这一", "那一") and (
        is_clause_end(after) or clause_after(around, 2).startswith(_MOVES)
    ):
        return "zhao1"  # 走了一着好棋: a move (一着急 stays zháo)
    if before == "没" and (is_clause_end(around.word(1)) or around.word(1) == "呢"):
        return "zhao2"  # 火柴也没着: did not catch fire
    reached = before in REACHED and around.word(-2) == "没"
    if reached or (len(before) == 2 and before[0] == "没" and before[1] in REACHED):
        return "zhao2"  # 没见着他, 没找着, 他没听着
    met = before in ("碰", "遇", "撞") and after in PRONOUNS and ends_clause(around, 2)
    if met:
        return "zhao2"  # 在这儿碰着你: ran into
    warned = around.word(-2) in ("别", "不要", "小心", "当心", "小心别")
    if before in _HARMED and warned and ends_clause(around):
        return "zhao2"  # 小心别热着: harmed
    return None


# What water rises over (水没过了膝盖 mò).
_BODY = ("膝", "腰", "头顶", "脚", "脖子", "胸", "腿", "肩", "头")


def _mei(around: Around) -> str | None:  # 没
    if around.word(1) == "过" and clause_after(around, 5)[1:].lstrip("了他她我你的").startswith(
        _BODY
    ):
        return "mo4"  # 水没过了膝盖: rose over (没过多久 stays méi)
    if (around.word(1) or " ") in NEGATED:
        return "mei2"  # 没见, 没吃 (mò only in words: 没收, 淹没)
    return None


def _xiang(around: Around) -> str | None:  # 相
    if "副" in around.clause_before() and ends_clause(around):
        return "xiang4"  # 一副老实相: a look
    return None


def _chang(around: Around) -> str | None:  # 长
    if around.word(1) in ("这么", "那么") and (around.word(2) or "")[:1] in "快高大胖壮":
        return "zhang3"  # 怎么长这么快: growing (这么长 stays cháng)
    if "比" in _units_before(around) and ends_clause(around):
        return "chang2"  # 这条河比那条长: longer
    both = around.clause_before().count("又") >= 2 or clause_after(around, 2).startswith("又")
    if around.word(-1) == "又" and both and (ends_clause(around) or around.word(1) == "又"):
        return "chang2"  # 又窄又长, 又长又宽: long (又长高了 stays zhǎng)
    ahead = clause_after(around, 3)
    if ahead[:1] in _NUMBERS and ("岁" in ahead or "辈" in ahead):
        return "zhang3"  # 他比我长两岁: older
    return None


def _dang_this(around: Around) -> str | None:  # 当
    if around.word(1) in ("这", "那", "这里", "这儿", "那里") and (around.word(2) or "").startswith(
        "是"
    ):
        return "dang4"  # 你当这是你家啊: taking it for
    return _dang(around)


def _wei(around: Around) -> str | None:  # 为
    return "wei4" if around.word(1) == "谁" else None  # 为谁工作: for whom


def _nan(around: Around) -> str | None:  # 难
    if (around.word(-1) or "").endswith("有") and is_clause_end(around.word(1)):
        return "nan4"  # 朋友有难
    return None


# One-character verbs whose 得 before a degree word is the particle (歌唱得特别好 de).
_VERB_ENDS = frozenset("唱写说跑做画跳吃讲弹打踢学考洗玩睡走读念算修干弄")
# Verbs at the head of what a subject must do (你得回家了 děi).
_MUST_DO = frozenset("回去走做写睡买找跑学练等问说看听想带拿交洗换")


def _de(around: Around) -> str | None:  # 得
    before, after = around.word(-1) or "", around.word(1) or ""
    degree = after.startswith((*STRONG_DEGREE, "十分"))
    if len(before) > 1 and before[-1] in _VERB_ENDS and degree and before not in PRONOUNS:
        return "de5"  # 唱歌唱得特别好听 (jieba: 唱/歌唱/得)
    first = ("先", "再", "马上", "赶紧", "赶快", "早点", "好好", "自己")
    if before in PRONOUNS and after.startswith(first):
        return "dei3"  # 我得先洗个澡: must first
    if before in PRONOUNS and after[:1] in _MUST_DO and not after.startswith(("到", "出")):
        return "dei3"  # 你得回家了 (jieba: 回家/n)
    if after in ("要命", "要死", "不得了", "慌") or (len(after) == 3 and after[1] == "不"):
        return "de5"  # 气得说不出话, 累得要命: to the point that
    if before == "不" and ends_clause(around) and around.word(-2) not in (None, "不"):
        return "de5"  # 急不得, 马虎不得: must not be (不得不 stays dé)
    if (
        before[-1:] in ("事", "话", "钱")
        and not is_clause_end(after)
        and after[:1] not in "了过到来出"
    ):
        return "dei3"  # 这件事得特别小心, 这钱得省着花: a topic that must be dealt with
    return None


def _huan(around: Around) -> str | None:  # 还
    if around.word(1) == "上" and "把" in _units_before(around):
        return "huan2"  # 把钱还上: paid back
    return None


def _chong(around: Around) -> str | None:  # 冲
    return "chong4" if around.word(1) in ("谁", "人") else None  # 冲谁说的, 冲人发火


def _lei(around: Around) -> str | None:  # 累
    before, after = around.word(-1) or "", around.word(1) or ""
    if "累" in (before, after) or not around.alone:
        return None  # 果实累累 léi
    if is_clause_end(after) or after in ("吗", "呢", "吧", "啊", "不", "死", "坏"):
        return "lei4"  # 你累吗: tired
    return None


def _zhong_heavy(around: Around) -> str | None:  # 重
    before = around.word(-1) or ""
    return "zhong4" if before.endswith(("越来越", "越")) else None  # 病越来越重了: heavy


# One-character verbs whose potential form V得了 is liǎo (来得了吗: can come).
_CAN_DO = frozenset("来去走办做干拿搬修受吃喝跑睡用")


def _liao(around: Around) -> str | None:  # 了
    before = around.word(-1) or ""
    ends = is_clause_end(around.word(1)) or around.word(1) in ("吗", "呢", "吧")
    if len(before) == 2 and before[1] == "得" and before[0] in _CAN_DO and ends:
        return "liao3"  # 明天你来得了吗 (jieba: 来得/了)
    return None


def _ning(around: Around) -> str | None:  # 宁
    before, after = around.word(-1) or "", around.word(1) or ""
    subject = before in PRONOUNS or is_clause_end(before) or before in ("也", "就", "都")
    if subject and after[:1] in ("死", "肯", "可", "愿", "为", "做", "要", "饿", "站", "走"):
        return "ning4"  # 宁死也不说: rather
    return None


# Flat things that warp as they dry (画翘了 qiáo).
_FLAT = tuple("画 纸 木板 板子 桌面 地板 书皮 封面 照片 墙纸 门板".split())


def _qiao(around: Around) -> str | None:  # 翘
    if ends_clause(around) and any(f in around.clause_before() for f in _FLAT):
        return "qiao2"  # 墙上的画翘了: warped
    return None


def _shai(around: Around) -> str | None:  # 色
    return "shai3" if around.word(1) == "儿" else None  # 这布的色儿: colour (口)


SPOKEN_RULES: dict[str, Rule] = {
    **SPOKEN_VERB_RULES,
    **SPOKEN_ACT_RULES,  # 落 là, 扒 bā, 抹 mā, 蒙 mēng, 呛 qiāng, 镐 gǎo, 车 jū
    "当": _dang_this,
    "数": _shu,
    "转": _zhuan,
    "缝": _after_measure("feng4"),
    "横": _after_degree("heng4"),
    "禁": _after_degree("jin1", ("穿", "洗", "晒", "摔", "磨", "脏", "冻", "饿")),
    "闷": _men,
    "中": _zhong,
    "眯": _mi,
    "难": _nan,
    "着": _zhao,
    "相": _xiang,
    "长": _chang,
    "为": _wei,
    "没": _mei,
    "宁": _ning,
    "翘": _qiao,
    "色": _shai,
    "得": _de,
    "重": _zhong_heavy,
    "了": _liao,
    "冲": _chong,
    "累": _lei,
    "还": _huan,
}
SPOKEN_RULES = first_answer(CHORE_RULES, SPOKEN_RULES)  # round 9: 凉一下 liàng, 才能得奖 dé
# Characters of these rules cut out of the dictionary words holding them (宁死/nr, 钻到):
# the rarer ones only; common ones (着, 好, 没, 重, 相, 色…) stay inside their words
# (没法, 好几圈, 接着), where cutting them would hand the words' parts to other rules.
SPOKEN_CUT_AT = frozenset(SPOKEN_RULES) - frozenset("着好没和差难空重了冲累相色强车")
