"""Round 9: everyday verbs of the kitchen and the yard, and 得 by what it stands between,
for `reader.text.pinyin_spoken` (which asks these before its own rules). Qt-free. All
readings are the 现代汉语词典's; each rule answers only where the words around make the
sense clear, otherwise None and the other rules and the model decide.

- 凉 before 一下, 一凉, 一会儿 or itself (凉一下再喝, 先凉凉再吃) is liàng: letting something
  cool, a verb; cool or cold (天凉了, 凉水, 心里一凉) stays liáng.
- 剥 standing free with a result or a count after it (剥掉, 剥干净, 剥个橘子) or in a 把
  clause is bāo, peeling; bō lives in words (剥削, 剥夺, 剥落).
- 划 in a passive clause (被刀划破了, 被人划了一道), before a body part (小心划手, 玻璃划了
  他的脚) or with a boat near (划着小船, 划龙舟) is huá; 划 of dividing or transferring
  (划分, 划到账户上) stays huà.
- 卷 after a food rolled up (鸡蛋卷, 奶油卷) and curly hair between 是…的 or after 又 or 有点儿
  (头发是卷的, 又黑又卷) is juǎn; 试卷, 三卷 stay juàn.
- 圈 after a farm animal (猪圈, 羊圈) or 圈里 where an animal is in the clause (牛在圈里) is
  juàn, a pen; penning animals in after 把 (把鸡圈起来, 把羊圈在院子里) is juān; a circle
  (一圈, 圆圈, 朋友圈) stays quān.
- 扇 taking 着, itself (扇一扇, 扇扇风), a result (扇旺, 扇灭) or used with something (用报纸
  扇) is shān, fanning; the measure and the fan (一扇门, 电扇) stay shàn.
- 曾 before a kin word (曾奶奶, 曾外婆, 曾祖父) is zēng: great-; 曾经 stays céng.
- 长 right after the unit it heads, cut from a token the word lists do not settle (家长会:
  jieba's one token, which neither list reads whole) is zhǎng.
- 转 before 不动 or after 不 at a clause's end (轮子转不动了, 电扇不转了) is zhuàn, turning
  round; 闷 before 热 (又闷又热) mēn, close and stuffy; 熬 of vegetables boiled soft (熬白菜,
  熬豆腐) āo (熬粥, 熬夜 áo); 抹 plastering (抹墙, 用水泥抹平) mò.
- 得 after a modal verb (才能得奖, 一定能得第一: jieba tags 才能 a verb) or before a prize or
  an illness (又得奖了, 得了病) is dé, obtaining; before an amount, or a verb and an amount
  (坐火车去得十个小时, 看病得花多少钱, 学开车得练好几个月) or 先 (得先学憋气) it is děi, must
  or needs: a complement cannot start with a number or 先.
"""

from __future__ import annotations

from reader.text.pinyin_senses import Around, Rule, clause_after, ends_clause
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_spoken_verbs import units_before

# Farm animals kept in a pen (猪圈 juàn).
_PENNED = ("猪", "羊", "牛", "马", "鸡", "鸭", "兔", "驴")


def _liang(around: Around) -> str | None:  # 凉
    ahead = clause_after(around, 3)  # standing alone or not: jieba's 凉凉 is one adjective
    if ahead.startswith(("凉快", "凉的", "凉爽", "凉凉的")):
        return None
    if ahead.startswith(("一下", "一凉", "一会", "凉")):
        return "liang4"  # 凉一下, 凉一凉, 先凉凉再喝: letting it cool
    if around.word(-1) == "凉" and ahead.startswith(("再", "就", "一下")):
        return "liang4"  # the second of 凉凉再喝
    return None


# What follows peeling in plain speech: a result, a count, or the thing peeled.
_PEELED = ("掉", "下", "干净", "完", "好", "个", "开", "一", "了", "着", "过", "皮", "壳")
_PEELED += ("豆", "香蕉", "栗子", "洋葱", "糖", "核桃", "瓜子", "土豆", "橙子", "桔", "橘", "虾")


def _bao(around: Around) -> str | None:  # 剥
    if not around.alone:
        return None
    if clause_after(around, 3).startswith(_PEELED) or "把" in units_before(around):
        return "bao1"
    return None


_BODY = ("手", "脚", "脸", "腿", "胳膊", "皮肤", "手指", "额头")
_BOATS = ("船", "龙舟", "桨", "皮艇", "小船", "木筏")


def _hua(around: Around) -> str | None:  # 划
    # Alone or not: jieba glues 划着 into one verb; the words with huà (计划, 划分) are settled.
    ahead = clause_after(around, 5)
    if ahead.startswith(("到", "入", "为", "归", "分", "拨", "给", "清", "出")):
        return None  # 划到账户上, 划为, 划清界限: dividing and transferring (huà)
    if any(boat in ahead[:5] for boat in _BOATS):
        return "hua2"  # 划着小船, 划龙舟
    if any(part in ahead[:5] for part in _BODY):
        return "hua2"  # 小心划手, 玻璃划了他的脚
    if "被" in units_before(around) and (ahead[:1] in "了着破伤一" or ends_clause(around)):
        return "hua2"  # 被人划了一道, 被铁片划了
    return None


_ROLLED_FOOD = ("鸡蛋", "蛋", "奶油", "肉", "葱油", "面包", "海苔")


def _juan(around: Around) -> str | None:  # 卷
    before, after = around.word(-1) or "", around.word(1) or ""
    if before.endswith(_ROLLED_FOOD) and (is_clause_end(after) or after in ("的", "了")):
        return "juan3"  # 鸡蛋卷, 奶油卷: a roll
    curly = before in ("是", "又") or before.endswith(("有点儿", "有一点儿"))
    if curly and (ends_clause(around) or after == "的"):
        return "juan3"  # 头发是卷的, 又黑又卷
    return None


def _juan_pen(around: Around) -> str | None:  # 圈
    before, after = around.word(-1) or "", around.word(1) or ""
    if "把" in units_before(around) and after.startswith(("在", "起", "进")):
        return "juan1"  # 把鸡圈起来: penning them in (现汉 圈 juān)
    if before.endswith(_PENNED) and not (around.word(-2) or "").endswith(("一", "两", "几")):
        return "juan4"  # 猪圈, 羊圈: a pen
    clause = "".join(units_before(around))
    if after.startswith("里") and any(animal in clause for animal in _PENNED):
        return "juan4"  # 牛在圈里吃草
    return None


def _shan(around: Around) -> str | None:  # 扇
    if not around.alone:
        return None
    ahead = clause_after(around, 3)
    if ahead.startswith(("着", "一扇", "扇", "旺", "灭", "凉", "走", "了扇")):
        return "shan1"  # 扇着脸, 扇一扇, 扇扇风, 把火扇旺
    if "用" in "".join(units_before(around)) and (ends_clause(around) or ahead[:1] in "了着"):
        return "shan1"  # 用报纸扇
    return None


_KIN = ("祖", "孙", "爷爷", "奶奶", "外婆", "外公", "姥姥", "姥爷", "外祖")


def _zeng(around: Around) -> str | None:  # 曾
    return "zeng1" if (around.word(1) or "").startswith(_KIN) else None


# Units whose head 长 is (家长, 校长, 班长…), cut out of a token no list reads whole.
_HEADED = frozenset("家校班市村部组局处科队团厂院所县省镇乡站社连营船机")


def _zhang(around: Around) -> str | None:  # 长
    before, after = around.word(-1) or "", around.word(1) or ""
    if len(before) == 1 and before in _HEADED and not after.startswith(("里", "短")):
        return "zhang3"  # 家长会 (家长里短 is cháng)
    return None


# Verbs of being able, after which 得 is never the complement particle.
_MODALS = ("能", "才能", "不能", "一定能", "没能", "可以", "才会", "就会", "也会", "会")
_WON = ("奖", "病", "第一", "冠军", "金牌", "满分", "高分", "一等奖", "大奖")
# Complements of a potential form (装得下三本书, 拿得动两箱): 得 there is the particle.
_COMPLEMENTS = frozenset("下上出进起来去完动了着过住开见到好清懂回满")
_FIRST = ("先", "提前", "马上", "赶紧", "赶快", "立刻")
# Amounts a need is counted in (得十个小时, 得花多少钱); 好几 and 半 only after a verb (得练
# 好几个月), since right after 得 they are a complement's (忙得好几天没睡, 累得半死).
# A number counts a need only with a unit of time, money or people (得两个人抬; but 吓得两腿
# 发软 is a complement).
_AMOUNT = ("一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "几", "百", "千")
_HOW_MUCH = ("多少", "多久", "多长")
_UNITS = ("小时", "钟头", "分钟", "天", "年", "月", "周", "星期", "块", "元", "钱", "个人", "斤")


def _de(around: Around) -> str | None:  # 得
    before, after = around.word(-1) or "", around.word(1) or ""
    if is_clause_end(after) or after.startswith(("了", "过", "到")):
        return None
    if before in _MODALS or after.startswith(_WON):
        return "de2"  # 才能得奖, 又得奖了: obtaining
    if before[-1:].isdigit() or before[-1:] in "零一二三四五六七八九十百千万":
        return None  # 三加二得五
    if after.startswith(_FIRST):
        return "dei3"  # 学游泳得先学憋气
    verb = len(after) == 1 and after not in _COMPLEMENTS  # 装得下三本书: a potential form
    amount = clause_after(around, 4)[1 if verb else 0 :]  # 得练好几个月: past the verb
    counted = amount.startswith(_HOW_MUCH) or (
        amount.startswith((*_AMOUNT, *(("好几", "半") if verb else ())))
        and any(unit in amount[:6] for unit in _UNITS)
    )
    return "dei3" if counted else None  # 坐火车去得十个小时, 看病得花多少钱: needs


def _zhuan(around: Around) -> str | None:  # 转
    if clause_after(around, 2).startswith(("不动", "得动")):
        return "zhuan4"  # 轮子转不动了
    if around.word(-1) == "不" and ends_clause(around):
        return "zhuan4"  # 电扇不转了: stopped turning
    return None


def _men(around: Around) -> str | None:  # 闷
    ahead = clause_after(around, 2)
    return "men1" if ahead.startswith(("又热", "热")) else None


# Vegetables boiled soft in water (现汉 熬 āo: 熬白菜, 熬豆腐); 熬粥, 熬夜 stay áo.
_BOILED = ("白菜", "豆腐", "冬瓜", "萝卜", "茄子", "土豆", "菜")


def _ao(around: Around) -> str | None:  # 熬
    ahead = clause_after(around, 4).lstrip("了").lstrip("一两锅盘碗大小")
    return "ao1" if ahead.startswith(_BOILED) else None


_PLASTER = ("水泥", "泥", "石灰", "灰", "墙")


def _mo(around: Around) -> str | None:  # 抹
    ahead, clause = clause_after(around, 3), "".join(units_before(around))
    if ahead.startswith(_PLASTER) or (ahead[:1] == "平" and any(p in clause for p in _PLASTER)):
        return "mo4"  # 抹墙, 用水泥把地面抹平: plastering
    return None


CHORE_RULES: dict[str, Rule] = {
    "转": _zhuan,
    "闷": _men,
    "熬": _ao,
    "抹": _mo,
    "凉": _liang,
    "剥": _bao,
    "划": _hua,
    "卷": _juan,
    "圈": _juan_pen,
    "扇": _shan,
    "曾": _zeng,
    "长": _zhang,
    "得": _de,
}
