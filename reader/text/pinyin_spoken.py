"""Round 7: everyday verbs and adjectives of plain speech read by what is around them, for
`reader.text.pinyin_grammar`. Qt-free.

Each rule reads one character standing as a unit (`pinyin_grammar._Around`) and answers a
reading only where the words around it make the sense clear; otherwise None and the older
rules or the model decide. Unlike the older rules these are tried also where jieba glued the
character to the word before it (我们班数他, 他曲着腿, 球弹得), since each one asks for
words after it that only the one sense takes. All readings are the 现代汉语词典's.

- 当 after 上了/上过 at a clause's end (上了当, 上过他的当) is dàng, "being fooled"; so is 当
  in 拿…当 and in 当…用 (一个人当两个人用): "to treat as".
- 数 before a person and a 最 later in the clause (全家数他最高) is shǔ: "to rank first".
- 转 before 个不停 (转个不停) and said twice (转一转, 转转) is zhuàn.
- 钻 going into or through (钻到, 钻进, 钻了个洞) is zuān; 钻 after a measure (一颗钻) zuàn.
- 缝 after a measure word (一条缝, 一道缝) is the noun fèng.
- 卷 after a number, counting rolled things (一卷卫生纸, 两卷胶带) is juǎn (上下两卷 juàn).
- 弹 of bouncing (弹得很高, 弹起来, 弹回) is tán. 曲 bent (曲着腿, 曲起) is qū.
- 舍 giving up (舍了命, 舍得) is shě. 盛 into a bowl (盛碗饭, 盛一碗) is chéng.
- 挑 carrying on a pole (挑着两筐菜, 挑着担子) is tiāo, raising the brows (挑了挑眉毛) tiǎo.
- 觉 in a clause about sleeping (这个觉我睡得很好), not in 觉得, 觉醒, is jiào.
- 奔 heading for an age or a place (奔五十, 奔超市去) is bèn.
- 倒 after a verb of placing (挂倒了, 放倒了: upside down) and after 往后 (reversing) is dào;
  changing buses (倒了两次车) and a thing falling by itself (院墙倒了) dǎo.
- 横 after a degree word (太横了: rude) is hèng. 禁 after a degree word or before a verb of
  wear (很禁穿, 禁洗) is jīn. 闷 of stuffy air or weather (天气很闷) is mēn.
- 中 of being hit by heat, poison or a shot (中了暑, 中毒, 中了一枪) is zhòng.
- 眯 of dust in the eye (沙子眯了眼) is mí (眯着眼, 眯了眯眼 stay mī).
- 落 leaving something behind (我落了一本书在你家; 被大家落在后面) is là.
- 相 at a clause's end after 一副 (一副老实相) is xiàng; 扎 after 把 and hair (把头发扎起来) zā;
  和 before 面 or 泥 at a clause's end (一起和泥) huó; 没过 up to a body part (水没过了膝盖)
  mò; 卷 after 把 before 成, 起 (把纸卷成筒) juǎn.
- 空着 before an empty belly or hands (空着肚子) is kōng; 吐了 up to 血 tù; 差得 chà; 担
  counting loads (这担水) dàn; 好 between a relative and a habit (他爸爸好喝酒) hào.
- 背 at a clause's end after a thing carried (这个黑锅我不背, 书包你自己背) is bēi.
- 难 after 有 at a clause's end (朋友有难) is nàn, a calamity.
- 着 after 一 before a move in chess or a clause's end (走错了一着, 一着好棋) is zhāo;
  after 没 and a verb of reaching (没见着, 没找着) or alone after 没 at a clause's end
  (火柴也没着) is zháo; 没 before an everyday one-character verb (没见, 没吃) is méi.
"""

from __future__ import annotations

from reader.text.pinyin_senses import PRONOUNS, Around, Rule, clause_after, ends_clause
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_verbs import DEGREE

_NUMBERS = frozenset("一二两三四五六七八九十几半每")
_MEASURES = frozenset("条道个丝颗枚")
_PEOPLE = (*PRONOUNS, "小", "老")  # 数小王最…, 数老李最…


def _units_before(around: Around) -> list[str]:
    """The units from the last clause break to this one."""
    out = []
    count = 1
    while not is_clause_end(word := around.word(-1, count)):
        out.append(word or "")
        count += 1
    return out


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
    if after.startswith(_PEOPLE) and "最" in clause_after(around, 4):
        return "shu3"  # 全家数他最高
    return None


def _zhuan(around: Around) -> str | None:  # 转
    if around.word(1) == "个" and (around.word(2) or "").startswith("不停"):
        return "zhuan4"  # 转个不停
    if (around.word(1), around.word(2)) == ("一", "转") or around.word(-2) == "转一":
        return "zhuan4"  # 转一转: strolling about
    return None


def _zuan(around: Around) -> str | None:  # 钻
    before, after = around.word(-1) or "", around.word(1) or ""
    if before[-1:] in _MEASURES and (around.word(-2) or " ")[-1] in _NUMBERS:
        return "zuan4"  # 一颗钻
    goes = ("到", "进", "出", "过", "入", "了", "个", "洞", "孔", "研", "空子", "来", "去")
    if around.alone and after.startswith(goes):
        return "zuan1"
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


# Things that come in rolls (一卷卫生纸 juǎn).
_ROLLED = tuple("纸 卫生纸 胶带 胶布 布 线 毛线 铁丝 钢丝 绳 地毯 席 铺盖 海报 画 保鲜膜".split())


def _juan(around: Around) -> str | None:  # 卷
    before, after = around.word(-1) or "", around.word(1) or ""
    if before[-1:] in _NUMBERS and after.startswith(_ROLLED):
        return "juan3"
    if "把" in _units_before(around) and after.startswith(("成", "起", "上", "好")):
        return "juan3"  # 把纸卷成一个筒 (jieba: 纸卷, a noun)
    return None


def _takes(reading: str, takes: tuple[str, ...]) -> Rule:
    """A verb before what only it takes (弹得很高 tán, 曲着腿 qū, 舍了命 shě)."""

    def rule(around: Around) -> str | None:
        if clause_after(around, 3).startswith(takes):
            return reading
        return None

    return rule


def _sheng(around: Around) -> str | None:  # 盛
    after = around.word(1) or ""
    if after.startswith(("碗", "盘", "勺", "一碗", "一勺", "一盘", "两碗", "半碗")):
        return "cheng2"  # 盛碗饭: into a bowl
    return None


def _ben(around: Around) -> str | None:  # 奔
    after = around.word(1) or ""
    if after[:1] in _NUMBERS and after[1:2] in ("十", ""):
        return "ben4"  # 奔五十: nearing an age
    if (around.word(2) or "").startswith(("去", "来", "而去")) and not is_clause_end(after):
        return "ben4"  # 奔超市去: heading for a place
    return None


# Verbs of placing, after which 倒 is upside down or backwards (挂倒了 dào).
_PLACED = frozenset("挂贴插写拿穿戴装")  # (放倒 is felling: dǎo)
# What is poured (倒了: poured, not fallen).
_POURED = ("垃圾", "水", "茶", "酒", "汤", "药", "剩饭", "剩菜")


def _dao(around: Around) -> str | None:  # 倒
    before, after = around.word(-1) or "", around.word(1) or ""
    clause = around.clause_before()
    if len(before) == 1 and before in _PLACED:
        return "dao4"  # 挂倒了
    if clause.endswith(("往后", "向后")):
        return "dao4"  # 往后倒: reversing
    ahead = clause_after(around, 4)
    if after in ("了", "过") and "车" in ahead and "次" in ahead:
        return "dao3"  # 倒了两次车: changing buses
    ends = after == "了" and is_clause_end(around.word(2))
    if ends and "把" not in clause and "被" not in clause and not any(p in clause for p in _POURED):
        if len(before) > 1 and not before.endswith(("我", "你", "他", "她", "们")):
            return "dao3"  # 院墙倒了: fell (垃圾倒了 stays poured)
    return None


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


def _la(around: Around) -> str | None:  # 落
    clause = around.clause_before()
    if "被" in clause and (around.word(1) or "").startswith("在") and "后" in clause_after(around):
        return "la4"  # 被大家落在后面
    before = around.word(-1) or ""
    if before in PRONOUNS and around.word(1) == "了" and "在" in clause_after(around, 6):
        return "la4"  # 我落了一本书在你家
    return None


# Verbs whose result 着 marks (没见着 zháo), and everyday verbs that 没 negates (没吃 méi).
_REACHED = frozenset("找睡猜买借摸够逮抓碰见吓冻遇赶")
_NEGATED = _REACHED | frozenset("吃喝去来看听说做写想到有带拿穿用洗学问等干")


_MOVES = ("棋", "好棋", "妙棋", "险棋", "臭棋", "高棋")


def _zhao(around: Around) -> str | None:  # 着
    before, after = around.word(-1) or "", around.word(1)
    if before in ("一", "这一", "那一") and (
        is_clause_end(after) or clause_after(around, 2).startswith(_MOVES)
    ):
        return "zhao1"  # 走了一着好棋: a move (一着急 stays zháo)
    if before == "没" and (is_clause_end(around.word(1)) or around.word(1) == "呢"):
        return "zhao2"  # 火柴也没着: did not catch fire
    if before in _REACHED and around.word(-2) == "没":
        return "zhao2"  # 没见着他, 没找着
    return None


# What water rises over (水没过了膝盖 mò).
_BODY = ("膝", "腰", "头顶", "脚", "脖子", "胸", "腿", "肩", "头")


def _mei(around: Around) -> str | None:  # 没
    if around.word(1) == "过" and clause_after(around, 5)[1:].lstrip("了他她我你的").startswith(
        _BODY
    ):
        return "mo4"  # 水没过了膝盖: rose over (没过多久 stays méi)
    if (around.word(1) or " ") in _NEGATED:
        return "mei2"  # 没见, 没吃 (mò only in words: 没收, 淹没)
    return None


# Things carried on the back, put before a clause-final 背 (这个黑锅我不背 bēi).
_CARRIED = ("黑锅", "书包", "背包", "包", "行李", "箱子", "筐", "孩子")
_RECITED = ("课文", "单词", "诗", "台词", "公式", "口诀")


def _bei(around: Around) -> str | None:  # 背
    clause = around.clause_before()
    if around.alone and ends_clause(around) and any(t in clause for t in _CARRIED):
        if not any(text in clause for text in _RECITED):
            return "bei1"
    return None


def _xiang(around: Around) -> str | None:  # 相
    if "副" in around.clause_before() and ends_clause(around):
        return "xiang4"  # 一副老实相: a look
    return None


def _za(around: Around) -> str | None:  # 扎
    clause = around.clause_before()
    if "把" in clause and any(hair in clause for hair in ("头发", "辫", "马尾")):
        return "za1"  # 把头发扎起来: tying up
    return None


def _huo(around: Around) -> str | None:  # 和
    if around.word(1) in ("面", "泥", "水泥") and ends_clause(around, 2):
        return "huo2"  # 一起和泥: mixing with water
    return None


def _kong(around: Around) -> str | None:  # 空
    if around.word(1) == "着" and (around.word(2) or "").startswith(("肚子", "手", "两手", "双手")):
        return "kong1"  # 空着肚子: empty (这个位子空着 stays kòng)
    return None


def _tu(around: Around) -> str | None:  # 吐
    if around.word(1) == "了" and clause_after(around, 4).endswith("血"):
        return "tu4"  # 吐了一口血 (吐了一口痰 stays tǔ)
    return None


def _cha(around: Around) -> str | None:  # 差
    return "cha4" if around.word(1) == "得" else None  # 差得很远: falling short


# Goods counted by the load on a carrying pole (这担水 dàn).
_LOADS = ("水", "柴", "菜", "粮", "米", "货", "粪", "土")


def _dan(around: Around) -> str | None:  # 担
    before = around.word(-1) or ""
    counted = before[-1:] in _NUMBERS or before in ("这", "那", "这一", "那一")
    if counted and (around.word(1) or "").startswith(_LOADS):
        return "dan4"
    return None


# People one speaks of by kin or role, before a habit (他爸爸好喝酒 hào).
_KIN = tuple("爸爸 妈妈 爷爷 奶奶 哥哥 姐姐 弟弟 妹妹 丈夫 老公 舅舅 叔叔 朋友 邻居 同事".split())


def _hao(around: Around) -> str | None:  # 好
    before, after = around.word(-1) or "", clause_after(around, 2)
    if before.endswith(_KIN) and len(after) > 1 and after[0] in "打喝吃玩抽赌":
        return "hao4"  # 他爸爸好喝酒: is given to (这酒好喝 stays hǎo)
    return None


def _tiao(around: Around) -> str | None:  # 挑
    ahead = clause_after(around, 4)
    if "眉" in ahead:
        return "tiao3"  # 挑了挑眉毛: raising
    if ahead.startswith(("着两", "着一", "着几", "着担", "着扁担", "着水")):
        return "tiao1"  # 挑着两筐菜: carrying on a pole
    return None


def _jiao(around: Around) -> str | None:  # 觉
    after = around.word(1) or ""
    if after[:1] in ("得", "悟", "醒", "察") or after.startswith("出"):
        return None
    if "睡" in around.clause_before() + clause_after(around, 5):
        return "jiao4"  # 这个觉我睡得很好: a sleep
    return None


def _nan(around: Around) -> str | None:  # 难
    if (around.word(-1) or "").endswith("有") and is_clause_end(around.word(1)):
        return "nan4"  # 朋友有难
    return None


SPOKEN_RULES: dict[str, Rule] = {
    "当": _dang,
    "数": _shu,
    "转": _zhuan,
    "钻": _zuan,
    "缝": _after_measure("feng4"),
    "卷": _juan,
    "弹": _takes("tan2", ("得", "起", "回")),
    "曲": _takes("qu1", ("着", "起腿", "起膝")),
    "舍": _takes("she3", ("了命", "得", "不得", "弃")),
    "盛": _sheng,
    "挑": _tiao,
    "奔": _ben,
    "倒": _dao,
    "横": _after_degree("heng4"),
    "禁": _after_degree("jin1", ("穿", "洗", "晒", "摔", "磨", "脏", "冻", "饿")),
    "闷": _men,
    "中": _zhong,
    "眯": _mi,
    "落": _la,
    "难": _nan,
    "着": _zhao,
    "相": _xiang,
    "扎": _za,
    "和": _huo,
    "空": _kong,
    "吐": _tu,
    "差": _cha,
    "担": _dan,
    "好": _hao,
    "觉": _jiao,
    "背": _bei,
    "没": _mei,
}
