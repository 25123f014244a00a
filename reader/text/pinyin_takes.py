"""Everyday verbs read by what they take or where they act, for `reader.text.pinyin_grammar`
(beside `pinyin_senses`, whose helpers they share). Qt-free.

Each rule reads one character standing as a unit and answers only where the words around it
make the sense clear; the word classes below are general (things carried, texts learned by
heart, vessels, fruit), not lists of sentences.

- 结 of bearing fruit (a fruit word in the clause: 树结了果子) is jiē.
- 散 of something coming loose (散着, 头发散了) is sǎn.
- 背 with a thing carried (背了一个大包) is bēi, with a text (背了一首诗) bèi.
- 倒 onto a place (倒在地上) is dǎo, into a vessel (倒在杯子里) dào; 把…倒了 (poured out)
  dào, but 把他推倒了 stays dǎo.
- 看 minding things or children (看着行李, 看着弟弟) is kān.
- 干 of a wet thing at a clause's end (衣服还没干) is gān; after a modal (再干) gàn.
- 空 left empty (空着, 空出) is kòng. 调 adjusting once (调了一下) is tiáo. 和 of mixing
  dough or mud (和了一团面) is huó.
"""

from __future__ import annotations

from reader.text.pinyin_senses import Around, Rule, clause_after, ends_clause
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_verbs import CARRIED, MINDED, NUMBERS, PRONOUNS, RECITED

# Things that come loose (头发散了 sǎn); things that get wet and dry (衣服干了 gān).
_LOOSE_THINGS = tuple("头发 鞋带 绳子 辫子 线 书页 页".split())  # 书的页都散了 (round 7)
_WET_THINGS = tuple("衣服 毛巾 头发 袜子 鞋 被子 床单 裤子 油漆 墙 地 路 布".split())
# Parts of the body that go dry (嗓子都干了 gān), whoever they belong to (他的嘴唇干了).
_DRYING = tuple("嗓子 嘴唇 喉咙 嘴巴 皮肤 眼睛 嘴 舌头".split())
# Things carried on the back (bēi) and texts learned by heart (bèi).
_CARRIED = (*CARRIED, "篓", "柴", "妹妹", "弟弟")
_RECITED = (*RECITED, "书", "词")
_FRUIT = tuple("果 瓜 籽 桃 梨 枣 穗 橘 葡萄 豆 莓".split())
_VESSEL_CHARS = frozenset("杯碗锅盆桶瓶壶缸罐盘")
# Things and people one minds (看着行李 kān), and what may stand between (看着这个包).
_MINDED = (*MINDED, *"行李 东西 摊 车 包 书包 背包 小孩 弟弟 妹妹 火 锅".split())
_WHILE = ("一会", "一下", "几天", "一天", "两天", "一晚")  # 看一会儿孩子
_THIS_THAT = tuple("这个 那个 这些 那些 我的 你的 他的 她的 这 那 点 点儿".split())
_THIS_THAT += tuple("一个 两个 三个 几个".split())  # 看着两个孩子 (round 7)
# What is mixed with water (和面 huó).
_KNEADED = ("面", "泥", "水泥", "灰")
# Modal words and adverbs after which a clause-final 干 is doing (gàn), not dry.
# (要, 会, 能 only before an object: 衣服会干的 is drying.)
_WILL = tuple("再 去 来 想 肯 一起 接着 继续 别 怎么 好好".split())
_STOPS = frozenset("。！？!?；;")
_COUNTS = NUMBERS - frozenset("每")


def _jie(around: Around) -> str | None:  # 结
    if not around.alone:
        return None
    clause = around.clause_before() + clause_after(around)
    if any(fruit in clause for fruit in _FRUIT) and "结婚" not in clause:
        return "jie1"  # 树结了果子, 苹果结得多
    return None


# Gatherings that break up (会散了, 电影散了, 人群散了: sàn).
_GATHERINGS = ("会", "会议", "电影", "戏", "课", "人群", "人", "酒席", "宴会", "晚会", "学")


def _san(around: Around) -> str | None:  # 散
    if not around.alone:
        return None
    if (around.word(1) or "").startswith("着"):
        return "san3"  # 头发散着
    if around.clause_before().rstrip("也都又全").endswith(_LOOSE_THINGS):
        return "san3"  # 头发散了, 把头发散开
    if around.word(1) == "了" and around.clause_before().endswith(_GATHERINGS):
        return "san4"  # 会议散了: broke up
    return None


def _bei(around: Around) -> str | None:  # 背
    if not around.alone:
        return None
    ahead = clause_after(around, 4)
    if not (around.word(1) or "").startswith(("了", "一", "过", "个")):
        return None
    if any(thing in ahead for thing in _CARRIED):
        return "bei1"  # (first: 书包 holds 书)
    if any(thing in ahead for thing in _RECITED):
        return "bei4"
    return None


def _dao(around: Around) -> str | None:  # 倒
    after = around.word(1) or ""
    down = around.word(1, 2) if after == "了" else after
    if (down or "").startswith(("下去", "下来", "下了")) and "把" not in around.clause_before():
        return "dao3"  # 倒了下去: falling (把水倒下去 stays pouring)
    before = around.word(-1) or ""
    pushed = len(before) == 1 and (around.tag(-1) or "").startswith("v")  # 推倒了
    if ends_clause(around) and "把" in around.clause_before() and not pushed:
        return "dao4"  # 把那杯水倒了: poured out
    if after != "在":
        return None
    place = around.word(1, 2) or ""
    if place == "了":
        place = around.word(1, 3) or ""
    if is_clause_end(place):
        return None
    return "dao4" if any(c in _VESSEL_CHARS for c in place) else "dao3"


def _kan(around: Around) -> str | None:  # 看
    after = around.word(1) or ""
    guard = around.clause_before().endswith(("有人", "有保安", "有警察", "有门卫", "有专人"))
    if guard and after == "着" and ends_clause(around, 2):
        return "kan1"  # 要有人看着。: someone to keep watch (有人看着你 stays kàn)
    if after == "着" or after.startswith(_WHILE):
        ahead = [around.word(1, n) or "" for n in (2, 3)]
        after = ahead[1] if ahead[0] in _THIS_THAT else ahead[0]  # 看着这个包, 看一会儿孩子
    if after.startswith(_MINDED) and after != "家里":
        return "kan1"  # 看着行李, 看着这个包
    return None


def _sentence_before(around: Around) -> str:
    """The words from the last sentence end (not comma) to this unit."""
    out = []
    count = 1
    while (word := around.word(-1, count)) is not None and word.strip() not in _STOPS:
        out.append(word)
        count += 1
    return "".join(reversed(out))


def _gan(around: Around) -> str | None:  # 干
    if not around.alone:
        return None
    before = around.word(-1) or ""
    if not ends_clause(around):
        return "gan4" if before.endswith((*_WILL, "要", "会", "能")) else None  # 再干别的
    if before.endswith(_WILL):
        return "gan4"  # 我们明天再干, 你想干
    if any(part in around.clause_before() for part in _DRYING):
        return "gan1"  # 嗓子都干了, 嘴唇干了
    clause = _sentence_before(around)
    if any(p in clause for p in PRONOUNS) or not any(t in clause for t in _WET_THINGS):
        return None
    return "gan1"  # 衣服还没干, 毛巾已经干了


def _kong(around: Around) -> str | None:  # 空
    if around.alone and (around.word(1) or "").startswith(("着", "出")):
        return "kong4"  # 空着, 空出: left empty
    if around.alone and (around.word(1) or " ")[0] in _COUNTS:
        return "kong4"  # 空两格, 空一行: leaving space (现汉 空 kòng ③ 腾出来)
    return None


def _tiao(around: Around) -> str | None:  # 调
    if around.word(1) == "了" and (around.word(1, 2) or "").startswith(("一下", "高", "低", "好")):
        return "tiao2"  # 调了一下
    return None


def _huo(around: Around) -> str | None:  # 和
    if around.alone and around.word(1) in ("了", "着", "好"):
        clause = around.clause_before() + clause_after(around, 4)
        if any(thing in clause for thing in _KNEADED):
            return "huo2"  # 和了一团面
    return None


TAKES_RULES: dict[str, Rule] = {
    "结": _jie,
    "散": _san,
    "背": _bei,
    "倒": _dao,
    "看": _kan,
    "干": _gan,
    "空": _kong,
    "调": _tiao,
    "和": _huo,
}
