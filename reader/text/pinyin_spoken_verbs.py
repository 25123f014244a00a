"""Round 7: everyday verbs of plain speech read by what they take, for
`reader.text.pinyin_spoken` (which tries these with its own rules). Qt-free. All readings
are the 现代汉语词典's; each rule answers only where the words around make the sense clear.

- 钻 going into or through (钻到, 钻进, 钻了个洞) is zuān; 钻 after a measure (一颗钻) zuàn.
- 卷 after a number, counting rolled things (一卷卫生纸, 两卷胶带), and after 把 before 成,
  起 (把纸卷成筒) is juǎn (上下两卷 juàn).
- 弹 of bouncing (弹得很高, 弹起来, 弹回) is tán. 曲 bent (曲着腿, 曲起) is qū.
- 舍 giving up (舍了命, 舍得) is shě. 盛 into a bowl (盛碗饭, 盛一碗) is chéng.
- 挑 carrying on a pole (挑着两筐菜, 挑着担子) is tiāo, raising the brows (挑了挑眉毛) tiǎo.
- 奔 heading for an age or a place (奔五十, 奔超市去) is bèn.
- 倒 after a verb of placing (挂倒了, 贴倒了: upside down) and after 往后 (reversing) is dào;
  changing buses (倒了两次车) and a thing falling by itself (院墙倒了) dǎo.
- 背 at a clause's end after a thing carried (这个黑锅我不背, 书包你自己背) is bēi.
- 扎 after 把 and hair (把头发扎起来) is zā; 和 before 面 or 泥 at a clause's end (一起和泥)
  huó; 空着 before an empty belly or hands (空着肚子) kōng; 吐了 up to 血 tù; 差得 chà; 担
  counting loads (这担水) dàn; 好 between a relative and a habit (他爸爸好喝酒) hào.
- 觉 in a clause about sleeping (这个觉我睡得很好), not in 觉得, 觉醒, is jiào.
- 看了一夜的门 kān; 强打着, 强忍着 qiǎng; 量好 liáng; 调 swapping places (调一下位置)
  diào, mixing a drink (调了一杯咖啡) or adjusted well (调得不错) tiáo; 背着 someone 偷偷 bèi;
  供 paying for schooling (供孩子上学) gōng; 好酒 of a drinker hào, 病好了 hǎo.
"""

from __future__ import annotations

from reader.text.pinyin_senses import Around, Rule, clause_after, ends_clause
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_verbs import CARRIED, MINDED, NUMBERS, PRONOUNS, RECITED

MEASURES = frozenset("条道个丝颗枚")


def units_before(around: Around) -> list[str]:
    """The units from the last clause break to this one."""
    out = []
    count = 1
    while not is_clause_end(word := around.word(-1, count)):
        out.append(word or "")
        count += 1
    return out


def _zuan(around: Around) -> str | None:  # 钻
    before, after = around.word(-1) or "", around.word(1) or ""
    if before[-1:] in MEASURES and (around.word(-2) or " ")[-1] in NUMBERS:
        return "zuan4"  # 一颗钻
    goes = ("到", "进", "出", "过", "入", "了", "个", "洞", "孔", "研", "空子", "来", "去")
    if around.alone and after.startswith(goes):
        return "zuan1"
    return None


# Things that come in rolls (一卷卫生纸 juǎn).
_ROLLED = tuple(
    "纸 卫生纸 胶带 胶布 胶卷 布 线 毛线 铁丝 钢丝 绳 地毯 席 铺盖 海报 画 保鲜膜".split()
)


def _juan(around: Around) -> str | None:  # 卷
    before, after = around.word(-1) or "", around.word(1) or ""
    if before[-1:] in NUMBERS and after.startswith(_ROLLED):
        return "juan3"
    if "把" in units_before(around) and after.startswith(("成", "起", "上", "好")):
        return "juan3"  # 把纸卷成一个筒 (jieba: 纸卷, a noun)
    curly = before.endswith(("很", "有点", "有些", "太", "天生", "自然", "特别"))
    if curly and (ends_clause(around) or after == "的"):
        return "juan3"  # 头发有点卷, 天生卷的: curly (试卷, 一卷 juàn are nouns)
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
    if after[:1] in NUMBERS and after[1:2] in ("十", ""):
        return "ben4"  # 奔五十: nearing an age
    if (around.word(2) or "").startswith(("去", "来", "而去")) and not is_clause_end(after):
        return "ben4"  # 奔超市去: heading for a place
    return None


# Verbs of placing, after which 倒 is upside down or backwards (挂倒了 dào).
_PLACED = frozenset("挂贴插写拿穿戴装说念读")  # 说倒了 (放倒 is felling: dǎo)
# What is poured (倒了: poured, not fallen).
_POURED = ("垃圾", "水", "茶", "酒", "汤", "药", "剩饭", "剩菜")


def _dao(around: Around) -> str | None:  # 倒
    before, after = around.word(-1) or "", around.word(1) or ""
    if before in PRONOUNS and after.startswith(("觉得", "希望", "愿意", "想", "真")):
        return "dao4"  # 我倒觉得挺好: rather
    clause = around.clause_before()
    if len(before) == 1 and before in _PLACED:
        return "dao4"  # 挂倒了
    if clause.endswith(("往后", "向后")):
        return "dao4"  # 往后倒: reversing
    ahead = clause_after(around, 4)
    counted = after in ("了", "过") or after[:1] in NUMBERS  # 倒了两次, 倒一次, 倒三趟
    if counted and "车" in ahead and any(m in ahead for m in "次趟回"):
        return "dao3"  # 倒了两次车, 要倒三趟公交车: changing buses
    ends = after == "了" and is_clause_end(around.word(2))
    if ends and "把" not in clause and "被" not in clause and not any(p in clause for p in _POURED):
        if len(before) > 1 and not before.endswith(("我", "你", "他", "她", "们")):
            return "dao3"  # 院墙倒了: fell (垃圾倒了 stays poured)
    return None


# Things carried on the back, put before a clause-final 背 (这个黑锅我不背 bēi).
_CARRIED = ("黑锅", "锅", *CARRIED, "东西", "重")
# Those one does something behind the back of (背着妈妈偷偷出去 bèi).
_ELDERS = tuple("爸爸 妈妈 爸妈 父母 老师 家人 大家 领导 老婆 丈夫 爷爷 奶奶".split())


def _bei(around: Around) -> str | None:  # 背
    clause = around.clause_before()
    ahead = clause_after(around, 6)
    if ahead.startswith("着") and ahead[1:].startswith(_ELDERS):
        if any(secret in ahead for secret in ("偷偷", "悄悄", "私自", "偷")):
            return "bei4"  # 背着妈妈偷偷出去: behind her back (背着妈妈上楼 stays bēi)
    done = ends_clause(around) or (around.word(1) or "")[:1] in ("得", "不")
    if around.alone and done and any(t in clause for t in _CARRIED):
        if not any(text in clause for text in RECITED):
            return "bei1"  # 这个黑锅我不背, 这个锅背得不值
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
    after, before = around.word(1) or "", around.word(-1) or ""
    if before.endswith(("次", "趟")) and "出" in units_before(around) and ends_clause(around):
        return "chai1"  # 出两次差: business trips
    if before.endswith(("很", "太", "真", "挺", "特别", "非常")):
        return "cha4"  # 办得太差了: poor
    if after == "得" or before == "得":
        return "cha4"  # 差得很远, 考得差: falling short, poor
    if after in PRONOUNS and (around.word(2) or " ")[0] in NUMBERS:
        return "cha4"  # 你差我五块钱: owing
    return None


# Goods counted by the load on a carrying pole (这担水 dàn).
_LOADS = ("水", "柴", "菜", "粮", "米", "货", "粪", "土")


def _dan(around: Around) -> str | None:  # 担
    before = around.word(-1) or ""
    counted = before[-1:] in NUMBERS or before in ("这", "那", "这一", "那一")
    if counted and (around.word(1) or "").startswith(_LOADS):
        return "dan4"
    return None


# People one speaks of by kin or role, before a habit (他爸爸好喝酒 hào).
KIN = tuple(
    "爸爸 妈妈 爷爷 奶奶 哥哥 姐姐 弟弟 妹妹 丈夫 老公 舅舅 叔叔 朋友 邻居 同事 孩子".split()
)


def _hao(around: Around) -> str | None:  # 好
    before, after = around.word(-1) or "", clause_after(around, 2)
    person = before.endswith((*KIN, "人")) or before in PRONOUNS  # 这个人好吹牛
    if after.startswith(("吃惊", "吃力", "玩儿", "打交道")):
        return None  # 我好吃惊: so; 他好打交道: easy to deal with (hǎo)
    if person and len(after) > 1 and after[0] in "打喝吃玩抽赌哭吹":
        return "hao4"  # 他爸爸好喝酒: is given to (这酒好喝 stays hǎo)
    if after.startswith("面子"):
        return "hao4"  # 人好面子 (jieba: 人好/面子): keen on face
    single = around.word(1) or ""
    drinker = before in PRONOUNS or before.endswith(KIN)
    if drinker and single in ("酒", "色", "赌") and ends_clause(around, 2):
        return "hao4"  # 他好酒，…: given to drink (这是好酒 stays hǎo)
    if before.endswith(("病", "伤", "感冒")) and single == "了":
        return "hao3"  # 他的病好了: well again
    return None


def _tiao(around: Around) -> str | None:  # 挑
    ahead = clause_after(around, 4)
    if "眉" in ahead:
        return "tiao3"  # 挑了挑眉毛: raising
    if ahead.startswith(("着两", "着一", "着几", "着担", "着扁担", "着水", "这担", "一担", "两担")):
        return "tiao1"  # 挑着两筐菜: carrying on a pole
    if around.alone and ahead.startswith(("点", "些", "几个", "一些", "一点", "两个")):
        return "tiao1"  # 挑点水果: choosing
    return None


def _jiao(around: Around) -> str | None:  # 觉
    after = around.word(1) or ""
    if after[:1] in ("得", "悟", "醒", "察") or after.startswith("出"):
        return None
    if "睡" in around.clause_before() + clause_after(around, 5):
        return "jiao4"  # 这个觉我睡得很好: a sleep
    return None


# What one minds for a spell (看了一夜的门 kān; 看了一夜的书 stays kàn).
_MINDED = (*MINDED, "摊子")


def _kan(around: Around) -> str | None:  # 看
    ahead = clause_after(around, 5)
    if ahead.startswith("了") and "的" in ahead and ahead.endswith(_MINDED):
        return "kan1"
    return None


def _liang(around: Around) -> str | None:  # 量
    if around.alone and (around.word(1) or "") in ("好", "完", "出", "量"):
        return "liang2"  # 量好了吗: measured
    return None


# What is swapped round (调座位 diào) and what is mixed in a glass (调一杯咖啡 tiáo).
_SWAPPED = ("位置", "座位", "位子", "顺序", "岗位", "班")


def _diao_tiao(around: Around) -> str | None:  # 调
    ahead = clause_after(around, 4)
    if any(swapped in ahead for swapped in _SWAPPED):
        return "diao4"
    if ahead.lstrip("了").startswith(("一杯", "一碗", "两杯", "杯", "酒", "凉菜")):
        return "tiao2"
    channels = any(c in ahead for c in ("台", "频道", "档"))
    if ahead.startswith("到") and channels and "把" in units_before(around):
        return "tiao2"  # 把电视调到体育台: tuned (被调到电视台工作 stays diào)
    if ahead.startswith("得") and "被" not in around.clause_before():
        return "tiao2"  # 味道调得不错: adjusted (被调得很远 stays diào)
    return None


def _gong(around: Around) -> str | None:  # 供
    ahead = clause_after(around, 6)
    if any(school in ahead for school in ("上学", "读书", "念书", "上大学", "读大学")):
        return "gong1"  # 供着三个孩子上学: paying for (供着一尊佛 stays gòng)
    return None


def _qiang(around: Around) -> str | None:  # 强
    if clause_after(around, 2).startswith(("打着", "忍着", "撑着", "装着", "打起")):
        return "qiang3"  # 强打着精神: forcing oneself
    return None


SPOKEN_VERB_RULES: dict[str, Rule] = {
    "钻": _zuan,
    "卷": _juan,
    "弹": _takes("tan2", ("得", "起", "回")),
    "曲": _takes("qu1", ("着", "起腿", "起膝")),
    "舍": _takes("she3", ("了命", "得", "不得", "弃")),
    "盛": _sheng,
    "挑": _tiao,
    "奔": _ben,
    "倒": _dao,
    "背": _bei,
    "扎": _za,
    "和": _huo,
    "空": _kong,
    "吐": _tu,
    "差": _cha,
    "担": _dan,
    "好": _hao,
    "觉": _jiao,
    "看": _kan,
    "强": _qiang,
    "供": _gong,
    "量": _liang,
    "调": _diao_tiao,
}
