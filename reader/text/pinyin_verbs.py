"""Everyday verbs whose reading depends on what they take, for `reader.text.pinyin_grammar`.
Qt-free.

Each rule reads one character standing as a unit of its own (`pinyin_grammar._Around`:
`word(step)`, `tag(step)`, `alone`) and answers a reading only where the words after it
make the sense clear; otherwise None and the model's reading stands.

- 背 carrying on one's back (背着, 背起, 背上书包, 背孩子) is bēi; the back, reciting (背课文)
  and the rest stay bèi.
- 倒 pouring (倒一杯, 倒茶, 倒水, 倒掉, 倒进) and the adverb "after all, but" (倒是, 倒不,
  倒也, 倒挺) is dào; falling (倒了, 倒在地上, 倒下, and completing a verb: 吹倒了) is dǎo.
- 看 minding a child or a house (看孩子, 看家, 看门) is kān.
- 吐 vomiting (吐了 at a clause's end, 想吐, 吐血, 吐得) is tù; spitting something out
  (吐痰, 吐出) stays tǔ.
- 藏 hiding (藏起来, 藏在, 藏好, 藏着) is cáng; Tibet (西藏, 藏族) stays zàng.
- 教 as a verb of its own (教英语, 教我, 教书) is jiāo; 教 in words (教室, 教育) is jiào.
- 调 adjusting (调高, 调低, 调好, 调整, 调一下) is tiáo; 调子, 调动 stay diào.
- 干 after a verb it completes (晒干, 擦干, 吹干), or after a degree word at a clause's end
  (很干), is gān: dry.
- 盛, 塞, 脏, 待, 卷, 量, 扇, 为, 切, 钉, 划, 露, 铺, 削 standing free and followed by what the
  verb takes (also past a 了: 露了一手) read otherwise than in the words they are bound in
  (`_FREE_WORD`: 盛饭 chéng, 塞进 sāi, 很脏 zāng, 量一下 liáng, 为你 wèi, 切菜 qiē,
  钉了 dìng, 划船 huá, 露一手 lòu, 铺了 pū, 削苹果 xiāo).
  A character counts as free (`stands_alone`) in a token of its own, in a run jieba did not
  know, before a complement in one token with it (塞进) or after a degree word (很脏).
  More colloquial verbs of this kind (卡住 qiǎ, 嚼 jiáo, 血 xiě, 弹吉他 tán…) are listed
  with their other readings' words in `_FREE_WORD`; after 地 any of them is the verb.
- Round 6: 撒 scattering sǎ (撒了一地, 撒种), 燎 liǎo, 吁 xū, 嗑 kè, 掖 yē, 奔着 bèn, 叉着腿
  chǎ; what a free verb takes also counts past a number and its measure (扎了一根马尾辫 zā).
- 劲 after 使, 有, 用, 费 is jìn (强劲 jìng). After 把, 落在 is là and 圈在 juān. 折 breaking by
  itself (腿折了) is shé. 刀把儿 is bà.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_word_facts import ALONE_READINGS


class Around(Protocol):
    """What a rule sees of the units around one (see `pinyin_grammar._Around`)."""

    alone: bool

    def word(self, step: int, count: int = 1) -> str | None: ...

    def tag(self, step: int) -> str | None: ...

    def clause_before(self) -> str: ...


# Word lists the rule modules share (pinyin_senses, _grammar, _complements, _spoken*, _takes
# import them from here): each exists once, and a module needing a wider one adds to it.
# The characters a count starts with (一只, 两次, 每次, 几个).
NUMBERS = frozenset("一二两三四五六七八九十几半每")
_NUMBER_START = NUMBERS - frozenset("二")  # before a vessel or measure two is 两 (倒两杯)
_VESSELS = frozenset("杯碗瓶壶勺点些")
# The degree adverbs every degree list starts from (很脏, 太长, 特别重).
STRONG_DEGREE = ("很", "太", "真", "挺", "特别", "非常")
# Degree words before an adjective (很脏, 太长, 有点冲 chòng, 有点脏 zāng).
DEGREE = (*STRONG_DEGREE, "多", "好", "最", "更", "这么", "那么", "也", "有点", "有些", "比较")
# Pronouns (the subject of 我得走, the object of 还我), and their plurals.
PRONOUNS = ("我", "你", "他", "她", "它", "您", "咱", "大家", "别人", "人家", "自己")
PLURAL_PRONOUNS = ("我们", "你们", "他们", "她们", "它们", "咱们")
# What is carried on the back (背书包 bēi), recited (背课文 bèi), minded (看孩子 kān).
CARRIED = ("包", "书包", "背包", "行李", "箱子", "筐", "孩子")
RECITED = ("课文", "单词", "诗", "台词", "公式", "口诀")
MINDED = ("门", "家", "孩子", "仓库", "店")
# For whom one acts: 为人民服务, 为病人着想 (wèi).
_BENEFICIARIES = tuple("人民 国家 社会 孩子 朋友 家人 我们 你们 病人 顾客 学生 群众 百姓".split())
# Spells of time after 吐了 (吐了一晚上).
_SPELLS = ("一晚上", "一夜", "一整夜", "一天", "好几", "几次", "两次", "三次", "一地", "一身")
_CHILDREN = ("孩子", "小孩", "孩儿", "娃", "宝宝", "弟弟", "妹妹", "孙子", "孙女", "儿子", "女儿")


def _bei(around: Around) -> str | None:  # 背
    after = around.word(1) or ""
    if after.startswith(("着", "起", "走", "回", "到", "上书包", "包", "书包", "行李")):
        return "bei1"
    if after.startswith(_CHILDREN) or after in PRONOUNS or after == "人":
        return "bei1"
    if after == "上" and (around.word(1, 2) or "").startswith(("书包", "包", "行李", "孩子")):
        return "bei1"
    return None


# What one does upside down or backwards (倒着放, 倒着走: dào).
_UPSIDE_DOWN = tuple("放 走 写 拿 挂 念 背 数 插 开")


def _dao(around: Around) -> str | None:  # 倒
    after = around.word(1) or ""
    if after.startswith(("是", "不", "也", "挺", "很", "没", "还")):
        return "dao4"  # the adverb: 这倒不错
    if after == "着" and (around.word(2) or "").startswith(_UPSIDE_DOWN):
        return "dao4"  # 倒着放, 倒着走: upside down, backwards
    if after.startswith(("过来", "过去")) and "把" in around.clause_before():
        return "dao4"  # 把瓶子倒过来: turned upside down
    pour = ("水", "茶", "酒", "咖啡", "牛奶", "饮料", "垃圾", "掉", "进", "入", "满", "杯", "碗")
    following = around.word(1, 2) or ""
    before = around.word(-1) or ""
    ends = is_clause_end(after) or (after == "了" and is_clause_end(around.word(1, 2)))
    if len(before) == 1 and (around.tag(-1) or "").startswith("v") and ends:
        return "dao3"  # 吹倒了, 摔倒: falling, completing a verb
    if after == "了":  # 倒了一杯, 倒了水; 树倒了 stays dǎo
        after, following = following, around.word(1, 3) or ""
    if after.startswith(pour):
        return "dao4"
    if after[:1] in _NUMBER_START and (after[1:2] or following[:1]) in _VESSELS:
        return "dao4"  # 倒一杯, 倒两碗
    return None


def _jin(around: Around) -> str | None:  # 劲
    before = around.word(-1) or ""
    if around.alone and before in ("使", "点", "有", "没", "用", "加", "费", "是", "的", "股"):
        return "jin4"  # 使点劲, 有劲, 浑身是劲, 一股劲: strength (强劲, 劲敌, 风劲 stay jìng)
    return None


def _kan(around: Around) -> str | None:  # 看
    after = around.word(1) or ""
    minded = ("孩子", "小孩", "孩儿", "娃娃", "宝宝", "孙子", "孙女")
    if after.startswith(minded) or after in ("家", "门"):
        return "kan1"  # minding a child (看孙子) or the house
    return None


def _tu(around: Around) -> str | None:  # 吐
    after = around.word(1) or ""
    if after.startswith(("痰", "口水", "出", "核", "舌头", "字", "露", "槽")):
        return None
    if is_clause_end(after) or after.startswith(("血", "得", "个不停")):
        return "tu4"
    spell = "".join(around.word(1, n) or "" for n in (2, 3, 4))  # what follows 吐了
    if after == "了" and (is_clause_end(around.word(1, 2)) or spell.startswith(_SPELLS)):
        return "tu4"  # 吐了。 吐了一晚上: vomited (a spell of time, not what was spat)
    if (around.word(-1) or "").endswith(("想", "要", "又", "就")) and after.startswith("了"):
        return "tu4"
    return None


def _put_by_ba(reading: str, places: tuple[str, ...]) -> Callable[[Around], str | None]:
    """把X落在, 把鸡圈在: after 把, a verb of leaving or penning (the literal 落 luò, 圈
    quān stay where no 把 put something somewhere)."""

    def rule(around: Around) -> str | None:
        if around.alone and "把" in around.clause_before():
            if (around.word(1) or "").startswith(places):
                return reading
        return None

    return rule


def _she(around: Around) -> str | None:  # 折
    """腿折了, 一碰就折了: breaking by itself is shé (折了一枝花, 把纸折了 stay zhé)."""
    if around.alone and around.word(1) == "了" and is_clause_end(around.word(2)):
        if "把" not in around.clause_before():
            return "she2"
    return None


def _ba_handle(around: Around) -> str | None:  # 把
    return "ba4" if around.word(1) == "儿" else None  # 刀把儿: a handle


def _cang(around: Around) -> str | None:  # 藏
    after = around.word(1) or ""
    if after.startswith(("起", "在", "好", "着", "到", "进", "了", "东西", "钱", "哪")):
        return "cang2"
    return None


def _jiao(around: Around) -> str | None:  # 教
    return "jiao1" if around.alone and not is_clause_end(around.word(1)) else None


def _tiao(around: Around) -> str | None:  # 调
    after = around.word(1) or ""
    if after[:1] in frozenset("高低大小好亮暗快慢匀准") or after.startswith(("一下", "整", "节")):
        return "tiao2"
    if after == "到" and (around.word(2) or " ")[0] in _NUMBER_START | frozenset("二0123456789"):
        return "tiao2"  # 把空调调到二十六度 (调到北京 stays diào)
    return None


def _gan(around: Around) -> str | None:  # 干
    before, after = around.word(-1) or "", around.word(1)
    if before.endswith(("晒", "擦", "吹", "烘", "晾", "烤", "弄", "拧", "喝", "吸")):
        return "gan1"
    if before.endswith((*STRONG_DEGREE, "有点")) and is_clause_end(after):
        return "gan1"
    if (after or "").startswith("完"):
        return "gan4"  # 干完了: finished doing (干 of drying takes no 完)
    if after == "了" and ((around.word(2) or "") + (around.word(3) or ""))[1:2] in ("杯", "碗"):
        return "gan1"  # 干了这杯酒: drained (干了一天活 stays gàn)
    return None


# Characters that, standing as a word of their own and followed by what such a verb or
# adjective takes, read otherwise than in the words they are bound in: 盛饭 chéng (盛大
# shèng), 塞进 sāi (堵塞 sè), 脏了 zāng (心脏 zàng), 待一会儿 dāi (等待 dài), 卷起 juǎn
# (试卷 juàn). Never inside a word of jieba's dictionary.
_FREE_WORD: dict[str, tuple[str, tuple[str, ...]]] = {
    "盛": ("cheng2", ("了", "饭", "汤", "一", "满", "不下", "到", "进", "好")),
    "塞": ("sai1", ("进", "到", "满", "了", "在", "给", "住")),
    "脏": ("zang1", ("了", "衣服", "东西", "碗", "袜子", "鞋", "手", "水", "兮兮")),
    "待": ("dai1", ("在", "着", "一会", "了", "几")),
    "卷": ("juan3", ("起", "成", "了", "上", "走")),
    # 量一下 liáng: measuring (数量 liàng); 扇扇子 shān: fanning (一扇门 shàn); 为你 wèi.
    "量": ("liang2", ("一", "了", "过", "体温", "身高", "尺寸", "血压")),
    "扇": ("shan1", ("扇子", "风", "了", "一下", "耳光", "他", "她", "我")),
    "为": ("wei4", (*PRONOUNS, *_BENEFICIARIES)),
    # Cutting, nailing, rowing or scratching, showing off: 切菜 qiē (一切 qiè), 钉了 dìng
    # (钉子 dīng), 划船 huá (计划 huà), 露一手 lòu (露水 lù).
    "切": ("qie1", ("菜", "肉", "成", "开", "好", "碎", "一下", "西瓜", "水果", "苹果", "蛋糕")),
    "钉": ("ding4", ("了", "在", "上", "进", "好", "住", "一")),
    "划": ("hua2", ("船", "破", "伤", "开", "火柴", "水", "桨")),
    "露": (
        "lou4",
        ("了一手", "一手", "脸", "馅", "了馅", "富", "面", "了个", "了面", "头", "一下", "了一下"),
    ),
    # Spreading and peeling as verbs: 铺床 pū (铺子 pù), 削苹果 xiāo (削减 xuē).
    "铺": (
        "pu1",
        ("了", "上", "在", "好", "满", "平", "成", "床", "路", "开", "着", "一层", "地毯", "桌布"),
    ),
    "削": ("xiao1", ("了", "苹果", "梨", "皮", "铅笔", "好", "掉", "个", "一个")),
    # Colloquial verbs whose other readings live only in words: 卡住 qiǎ (卡片 kǎ), 粘在
    # zhān (很粘 nián), 屏住 bǐng (屏幕 píng), 蒙住 méng (瞎蒙 mēng), 挑了 tiāo (挑战 tiǎo),
    # 撇嘴 piě (撇开 piē), 趟水 tāng (一趟 tàng), 咽下 yàn (咽部 yān), 缝衣服 féng (裂缝
    # fèng), 刨坑 páo (刨子 bào), 太薄 báo (薄弱 bó).
    "卡": ("qia3", ("住", "在", "着", "了")),
    # Tying tight or cutting in is lēi (现汉 勒 lēi: ～紧; 勒索, 勒令 lè are words).
    "勒": ("lei1", ("紧", "得", "住", "死", "出", "疼")),
    "粘": ("zhan1", ("在", "住", "上", "了", "到", "好", "起来")),
    "屏": ("bing3", ("住", "息", "气")),
    "蒙": ("meng2", ("住", "上", "着", "在")),
    "挑": ("tiao1", ("了", "一", "个", "水", "担", "选", "出", "好")),
    "撇": ("pie3", ("嘴", "了撇")),
    "趟": ("tang1", ("水", "过", "河", "着水", "着泥", "着河")),
    "咽": ("yan4", ("下", "了", "不下", "进", "口水", "唾沫")),
    "薄": ("bao2", ("片", "薄的", "一层")),
    "缝": ("feng2", ("衣服", "了", "上", "好", "扣子", "补", "一下", "几针")),
    "刨": ("pao2", ("坑", "土", "地", "了个", "出")),
    # Playing strings, saving up, shelling, tying up hair: 弹吉他 tán (子弹 dàn), 攒钱 zǎn
    # (攒尖 cuán), 剥玉米 bāo (剥削 bō), 扎辫子 zā (扎针 zhā).
    "弹": ("tan2", ("吉他", "琴", "钢琴", "琵琶", "古筝", "一首", "了一首", "曲子")),
    "攒": ("zan3", ("钱", "了", "一点", "点", "下", "够", "起来")),
    "剥": ("bao1", ("玉米", "皮", "橘子", "桔子", "花生", "蒜", "了", "开", "鸡蛋", "虾")),
    "扎": ("za1", ("辫", "小辫", "头发", "马尾", "着两", "着小辫", "着辫", "成")),
    # Scattering grain is sǎ (现汉 撒 sǎ: 撒种, 撒了一地), letting go sā (撒网, 撒谎: words);
    # singeing liǎo (燎了眉毛; 燎原 liáo); sighing xū (吁了一口气; 呼吁 yù); cracking seeds
    # kè (嗑瓜子); tucking yē (掖在口袋里; 奖掖 yè).
    "撒": (
        "sa3",
        ("种", "一地", "在", "满", "盐", "糖", "胡椒", "一层", "一点", "点", "一把", "些", "了一地")
        + ("了一层", "了一点", "了点", "了一把", "了些"),
    ),
    "燎": ("liao3", ("了", "焦", "着了")),
    "吁": ("xu1", ("了一口气", "了口气", "一口气", "口气")),
    "嗑": ("ke4", ("瓜子", "了", "着")),
    "掖": ("ye1", ("在", "进", "好", "着")),
    # Heading for is bèn (现汉 奔 bèn: 奔着目标; 奔跑 bēn); straddling chǎ (叉着腿; 叉腰 chā).
    "奔": ("ben4", ("着", "向")),
    "叉": ("cha3", ("着腿", "着两腿", "开腿", "开两腿", "开双腿")),
    # Tired is lèi (累得, 累坏; 积累 lěi), shut in mēn (闷在屋里; 闷闷不乐 mèn), flushed zhàng
    # (脸涨得通红; 涨价 zhǎng), all 现汉.
    "累": ("lei4", ("得", "坏", "死", "着了")),
    "闷": ("men1", ("在",)),
    "涨": ("zhang4", ("红", "得通红", "得满脸通红", "得发紫")),
    # Fainting is yūn (晕过去; 晕车 yùn); wringing níng (拧毛巾; 拧开 nǐng).
    "晕": ("yun1", ("过去", "了过去", "倒")),
    "拧": ("ning2", ("毛巾", "手巾", "衣服", "干")),
    # Offering to gods or ancestors, or confessing, is gòng (供了一尊佛, 供出; 提供 gōng).
    # Running over is yà (轧断了腿; 轧钢 zhá is a word).
    "轧": ("ya4", ("断", "死", "伤", "坏", "平", "过", "到", "着")),
    # Picking over vegetables is zhái (现汉 择 zhái: 择菜; 选择 zé).
    "择": ("zhai2", ("菜", "韭菜", "芹菜", "菠菜", "青菜", "豆角", "豆芽", "干净")),
    # A boat moored is bó (泊在岸边; 湖泊 pō is a word).
    "泊": ("bo2", ("在", "着", "于")),
    # Shouting is hè (喝了一声, 喝道; 喝水 hē).
    "喝": ("he4", ("一声", "了一声", "道", "倒彩")),
    "供": ("gong4", ("佛", "菩萨", "牌位", "祖宗", "祖先", "出", "奉", "着")),
}
# Read so whatever follows them (血 xiě, 嚼 jiáo, 刨 páo…: `pinyin_word_facts`); what they
# take above still tells them free inside a token (刨坑).
_FREE_WORD.update(
    (char, (reading, (*_FREE_WORD.get(char, ("", ()))[1], "")))
    for char, reading in ALONE_READINGS.items()
)


def _free_word(reading: str, takes: tuple[str, ...]) -> Callable[[Around], str | None]:
    def rule(around: Around) -> str | None:
        if not around.alone:
            return None
        after = around.word(1) or ""
        # 很脏, 太薄, 鼻子有点塞: an adjective after a degree word at a clause's end.
        degree = reading in ("zang1", "bao2", "sai1") and (around.word(-1) or "").endswith(DEGREE)
        degree = degree and is_clause_end(after)
        # 露了一手, 撒了一地 (past a 了 or 着, two units: 一/地 are cut apart)
        following = (around.word(2) or "") + (around.word(3) or "")
        past = after + following if after in ("了", "着", "得") else after  # 涨得通红
        # …and what it takes past a number with its measure: 扎了一根马尾辫, 撒一把盐
        step = 2 if after in ("了", "着") else 1
        number = around.word(step) or " "
        counted = number[0] in _NUMBER_START and (around.tag(step) or "")[:1] == "m"
        taken = step + 1 if len(number) > 1 else step + 2  # 一根|马尾辫, 一|把|毛巾
        counted = counted and (around.word(taken) or "").startswith(takes)
        verb = around.word(-1) == "地"  # 不停地扇: after the adverbial particle, a verb
        if after.startswith(takes) or past.startswith(takes) or counted or degree or verb:
            return reading
        return None

    return rule


# Adverbs jieba glues to the verb after them (先量 n, 再盛): the verb still stands alone.
_GLUED_ADVERBS = ("先", "再", "又", "就", "才", "快", "别")


def stands_alone(word: str, offset: int, tag: str | None) -> bool:
    """Whether a character stands as a word of its own: its own token, in an unknown run, in
    a verb with its complement (塞进) or with what it takes (切菜), or after a degree adverb
    (很脏) or an adverb jieba glued to it (先量)."""
    if len(word) == 1 or tag is None:
        return True
    if offset == 0 and len(word) == 2 and word[1] in "进出起上下到满住开走回掉得在于破":
        return True
    takes = _FREE_WORD[word[0]][1] if offset == 0 and word[0] in _FREE_WORD else ()
    if word[1:].startswith(tuple(take for take in takes if take)):
        return True  # a free verb glued to what it takes (切菜, 盛饭; not 粘膜 for 粘 alone)
    return offset > 0 and (word[:offset] in DEGREE or word[:offset] in _GLUED_ADVERBS)


VERB_RULES: dict[str, Callable[[Around], str | None]] = {
    "背": _bei,
    "倒": _dao,
    "看": _kan,
    "吐": _tu,
    "藏": _cang,
    "教": _jiao,
    "调": _tiao,
    "干": _gan,
    "劲": _jin,
    "落": _put_by_ba("la4", ("在", "下")),
    "圈": _put_by_ba("juan1", ("在", "起来", "进")),
    "折": _she,
    "把": _ba_handle,
    **{char: _free_word(reading, takes) for char, (reading, takes) in _FREE_WORD.items()},
}
