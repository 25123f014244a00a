"""Round 7: whole tokens of plain speech read by their neighbours, for
`reader.text.pinyin_grammar` (after its rules; `pinyin_spoken` reads single characters).
Qt-free. All readings are the 现代汉语词典's.

- 服药 after a number (三服药) is fù: doses (服药 "to take medicine" stays fú).
- 一行, 两行 said twice or before 行 (一行一行) or before what stands in rows (一行杨树, 两行
  字) are háng: rows.
- 片子 after 拍, 照, 张, 部 (拍片子, 这部片子) is piānzi: a film or an X-ray.
- 发卡 after a measure or a verb of wearing (别着一个发卡) is fàqiǎ, a hairpin (发卡银行 fā kǎ).
- 转一转, 转转 are zhuàn: strolling about.
- 一着, 这一着 at a clause's end or before 棋 (走错了一着) are zhāo: a move.
- 正中 before a target (正中靶心) is zhèngzhòng: hitting it (屋子正中 zhèngzhōng).
- 面包 between 和 and 饺子 (和面包饺子) is 和面 huómiàn and 包 bāo: kneading and wrapping.
- 着 after a verb of reaching in one token after 没 (没/借着) is zháo.
- 没 first in a two-character token before an everyday verb (没见) is méi.
- 好处 after 好 at a clause's end (要好好处) is 好好 + chǔ: getting along.
- 太差, 很差 (jieba's nouns) are chà; 好吃 between a person and what is eaten (她好吃甜的)
  hào.
- 不得 at a clause's end after a verb (马虎不得) is bu de; 长长了 is zhǎng cháng: grew long.
- 落下 before lessons (落下了好几节课) is làxia, 落在后面 là: fell behind.
- 觉醒 cut out of 一觉醒来 reads its 觉 jiào: a sleep.
- 结果 after a fruit tree at a clause's end (葡萄结果了) is jiēguǒ: bearing fruit.
- 铺 ending a noun jieba made of an object and the verb after 把, before a result (把床铺好:
  床/铺好), is pū: spreading (the bed 床铺 stays pù).
- 肚 right after an animal (猪肚, 羊肚儿, 爆肚) is dǔ, tripe as food (现汉 肚 dǔ; 鱼肚白
  dù stays).
- 地上, 地下 after a reduplication (哗哗地下个不停) read 地 de; 穿着 before a degree word
  (穿着很舒服) is chuānzhe, the verb and its aspect (the noun "dress" is chuānzhuó).
- 地道 after a degree word (not 多: 挖了很多地道) or before 的 (很地道, 地道的四川菜) is
  dìdao, authentic (现汉 地道 dì·dao); the tunnel (挖地道, 这条地道) stays dìdào.
- 核 before 儿 (桃核儿, 枣核儿) is hú (现汉 核 hú〈口〉, in 核儿 words; 果核 stays hé).
"""

from __future__ import annotations

from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_spoken import NEGATED, REACHED
from reader.text.pinyin_spoken_verbs import KIN
from reader.text.pinyin_verbs import DEGREE, NUMBERS

_ROW_MEASURES = ("一行", "两行", "几行")
# What stands in rows (一行杨树, 两行字: háng; 我们一行三人 is a party, xíng).
_IN_ROWS = tuple("字 小字 大字 诗 树 杨树 柳树 松树 白杨 大雁 脚印 眼泪 泪 代码 座位 房子".split())
_SPREAD = ("好", "平", "满", "上", "开", "整齐")  # results of spreading (把床铺好)
_ANIMALS = frozenset("猪羊牛鱼爆")  # before 肚, tripe (爆肚, a dish of it)
# Before a 片子 that is a film or an X-ray (拍片子, 一张片子, 这部片子: piānzi).
_FILMED = ("拍", "照", "张", "部", "拍了", "照了")
# Before a 发卡 that is a hairpin (别着一个发卡: fàqiǎ), not a card issuer (发卡银行 fā kǎ).
_WORN = ("个", "只", "枚", "别", "戴", "夹", "着")
# What a 正中 hits (正中靶心 zhèngzhòng), not the middle (屋子正中 zhèngzhōng).
_TARGETS = ("靶心", "红心", "要害", "下怀", "目标")
_FRUITING = tuple("树 果树 葡萄 苹果 桃树 梨树 枣树 开始".split())


def _person_before(word: str) -> bool:
    """A pronoun or a relative (他, 我弟弟)."""
    return word in ("我", "你", "他", "她", "您") or word.endswith(KIN)


def _next_word(words: list[str], index: int) -> str:
    for word in words[index + 1 :]:
        if word.strip():
            return word
    return ""


def _previous_word(words: list[str], index: int) -> str:
    for word in reversed(words[:index]):
        if word.strip():
            return word
    return ""


def _lesson_after(words: list[str], index: int) -> bool:
    """Whether the clause after `index` ends in lessons missed (落下了好几节课)."""
    ahead = ""
    for word in words[index + 1 : index + 6]:
        if is_clause_end(word):
            break
        ahead += word
    return ahead.endswith(("课", "功课", "作业", "进度"))


def _kernels_and_tripe(words: list[str], results: list[list[str | None]]) -> None:
    """核 just before 儿, in one token or across two (jieba: 桃核/儿), is hú; 肚 just after an
    animal (猪肚, jieba's 炒/猪/肚 too) and not in 鱼肚白 or a belly's skin (肚皮) is dǔ."""
    for index, word in enumerate(words):
        following = word + (words[index + 1][:1] if index + 1 < len(words) else "")
        preceding = (words[index - 1][-1:] if index > 0 else "") + word
        for offset, char in enumerate(word):
            if char == "核" and following[offset + 1 : offset + 2] == "儿":
                results[index][offset] = "hu2"
            after = following[offset + 1 : offset + 2]
            if char == "肚" and preceding[offset : offset + 1] in _ANIMALS and after not in "白皮":
                results[index][offset] = "du3"


def apply_spoken_tokens(words: list[str], results: list[list[str | None]]) -> None:
    """Readings of whole tokens told by their neighbours: 三服药 fù, 一行一行 háng, 拍片子
    piān, 别着发卡 fàqiǎ, 转一转 zhuàn, 走错了一着 zhāo, 正中靶心 zhòng."""
    for index, word in enumerate(words):
        before, after = _previous_word(words, index), _next_word(words, index)
        if word == "服药" and before[-1:] in NUMBERS:
            results[index][0] = "fu4"  # 三服药: three doses (服药 "take medicine" stays fú)
        elif word in _ROW_MEASURES and (after == word or before == word or after == "行"):
            results[index][-1] = "hang2"  # 一行一行: rows
        elif word in _ROW_MEASURES and after.startswith(_IN_ROWS):
            results[index][-1] = "hang2"  # 一行一行: rows
        elif word == "片子" and before.endswith(_FILMED):
            results[index][:] = ["pian1", "zi5"]
        elif word == "发卡" and before.endswith(_WORN):
            results[index][:] = ["fa4", "qia3"]
        elif word in ("转一转", "转转"):
            for offset, char in enumerate(word):
                if char == "转":
                    results[index][offset] = "zhuan4"  # strolling about
        elif word in ("一着", "这一着", "那一着") and (is_clause_end(after) or after[:1] == "棋"):
            results[index][-1] = "zhao1"  # 走错了一着: a move in chess
        elif word == "正中" and after.startswith(_TARGETS):
            results[index][1] = "zhong4"
        elif word == "面包" and before == "和" and after.startswith(("饺子", "包子", "馄饨")):
            results[max(i for i in range(index) if words[i].strip())][0] = "huo2"
            results[index][1] = "bao1"  # 和面包饺子 (jieba: 和/面包/饺子): kneading, wrapping
        elif len(word) == 2 and word[0] == "没" and word[1] in NEGATED:
            results[index][0] = "mei2"  # 没见, 没吃 (a token jieba made): not (mò only in 没收…)
        elif len(word) == 2 and word[1] == "着" and word[0] in REACHED and before == "没":
            results[index][1] = "zhao2"  # 没借着 (jieba: 没/借着): not got
        elif word == "好处" and before == "好" and (is_clause_end(after) or after == "一处"):
            results[index][1] = "chu3"  # 要好好处 (jieba: 好/好处): get along
        elif word == "一处" and before == "好处" and _previous_word(words, index - 1) == "好":
            results[index][1] = "chu3"  # 好好处一处
        elif word == "不得" and is_clause_end(after) and before and before != "不":
            results[index][1] = "de5"  # 马虎不得, 急不得: must not be
        elif len(word) == 2 and word[1] == "差" and word[0] in "很太真挺":
            results[index][1] = "cha4"  # 太差/n (jieba): poor
        elif word == "好吃" and _person_before(before) and not is_clause_end(after):
            results[index][0] = "hao4"  # 她好吃甜的: is fond of eating (这个好吃 stays hǎo)
        elif word == "长长" and after == "了":
            results[index][:] = ["zhang3", "chang2"]  # 头发长长了: grew long
        elif word in ("落在后面", "落在后头", "落在最后"):
            results[index][0] = "la4"  # 别落在后面 (one token for jieba): fall behind
        elif word == "落下" and _lesson_after(words, index):
            results[index][0] = "la4"  # 落下了好几节课: fell behind in
        elif len(word) == 2 and word[1] == "铺" and before == "把" and after in _SPREAD:
            results[index][1] = "pu1"  # 把床铺好 (jieba: 把/床铺/好): make the bed
        elif word == "觉醒" and before.endswith("一") and after.startswith("来"):
            results[index][0] = "jiao4"  # 一觉醒来 (jieba: 一/觉醒/来): after a sleep
        elif (
            word == "结果"
            and before.endswith(_FRUITING)
            and (after == "了" or is_clause_end(after))
        ):
            results[index][0] = "jie1"  # 葡萄结果了: bore fruit (the result: jiéguǒ)
        elif word in ("地上", "地下") and len(before) == 2 and before[0] == before[1]:
            results[index][0] = "de5"  # 哗哗地下个不停, 慢慢地上楼: 地 after a reduplication
        elif word == "穿着" and after.startswith(DEGREE) and not before.endswith("的"):
            results[index][1] = "zhe5"  # 这双鞋穿着很舒服 (他的穿着很朴素: the noun, zhuó)
        elif word == "地道" and (before.endswith(DEGREE) and before[-1:] != "多" or after == "的"):
            results[index][1] = "dao5"  # 很地道, 地道的北京话: authentic (挖地道 stays dào)
    _kernels_and_tripe(words, results)  # 桃核儿 hú, 猪肚 dǔ
