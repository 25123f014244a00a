"""Measure words in everyday sentences, for `reader.text.pinyin_grammar`. Qt-free.

A measure word right after a number or demonstrative takes its measure reading: 一只鸟 zhī,
一把刀 bǎ, 两种 zhǒng, 一斗米 dǒu, 一沓纸 dá, 一撮盐 cuō (一撮毛 zuǒ), 一泡尿 pāo. 场 counts
a happening's course as cháng (一场大雨, 一场病) and a performance or match as chǎng (一场球赛,
这场电影).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

NUMERALS = frozenset("一二两三四五六七八九十百千万几半每")
DEMONSTRATIVES = frozenset("这那哪各某该此本每多几")
Results = list[list[str | None]]
# A measure word's reading after a number or demonstrative (一只鸟 zhī, 一把刀 bǎ).
MEASURE = {
    "只": "zhi1",
    "种": "zhong3",
    "把": "ba3",
    "扇": "shan4",
    "间": "jian1",
    "处": "chu4",
    "场": "chang3",
    "分": "fen1",
    "行": "hang2",
    "数": "shu4",
    "服": "fu4",
    "通": "tong4",
    # Round 6 (现汉): 一斗米 dǒu (斗争 dòu), 一沓纸 dá (纷至沓来 tà), 一撮盐 cuō (一撮毛
    # zuǒ), 一泡尿 pāo (泡 pào a bubble).
    "斗": "dou3",
    "沓": "da2",
    "撮": "cuo1",
    "泡": "pao1",
    # Round 7: a night's stay is xiǔ (现汉 宿 xiǔ: 住了一宿; 宿舍 sù).
    "宿": "xiu3",
}
# Measures read so only after a number, not after 多, 这…: 许多斗争 (dòu), 这泡 (pào).
_AFTER_NUMBERS_ONLY = frozenset("斗泡宿")
# What 斗 after a number is not a measure before (一斗就输, 不断斗争), and what 泡 counts.
_NOT_DOU = ("争", "殴", "志", "气", "嘴", "智", "法", "牛", "鸡", "蟋蟀", "地主", "败")
_PAO_COUNTS = ("尿", "屎", "粪")
# 撮 counts tufts of hair as zuǒ (一撮毛, 一撮胡子, 一撮长鬓角).
_TUFTS = ("毛", "胡子", "头发", "白发", "黑毛", "长", "短", "鬓", "卷发", "刘海")
# What 场 cháng counts (a spell of weather, an illness, a fight, a dream, a fright…).
HAPPENINGS = tuple("雨 雪 风 暴雨 冰雹 病 灾 战 战争 争论 梦 误会 虚惊 官司 火 劫 噩梦 哭".split())
HAPPENINGS += ("架", "仗", "空欢喜")  # round 7: 打了一场架
# Verbs whose spell a clause-final 一场 counts (大哭了一场, 病了一场: cháng; 演了三场 chǎng).
_SPELLS = frozenset("哭闹吵病忙醉笑")


class Unit(Protocol):
    """A stretch of text the grammar sees as one word (`pinyin_grammar._Unit`)."""

    @property
    def text(self) -> str: ...
    @property
    def token(self) -> int: ...
    @property
    def offset(self) -> int: ...


def measure_word(
    units: Sequence[Unit], position: int, results: Results, settled: Callable[[int, int], bool]
) -> None:
    """一只, 这把, 两种: a measure word right after a number or demonstrative, in one unit
    with it or just after it, and not followed by a verb reading (一行人 stays xíng)."""
    unit = units[position]
    last = unit.text[-1]
    reading = MEASURE.get(last)
    offset = unit.offset + len(unit.text) - 1
    if reading is None or settled(unit.token, offset):
        return
    if len(unit.text) > 1:
        before = unit.text[-2]
    else:
        before = units[position - 1].text[-1:] if position else ""
    asked = len(unit.text) == 1 and position > 0 and units[position - 1].text == "多少"
    if before not in NUMERALS and (before not in DEMONSTRATIVES or last in _AFTER_NUMBERS_ONLY):
        if not asked:  # 多少行字: how many rows
            return
    following = units[position + 1].text if position + 1 < len(units) else ""
    if last == "斗" and following.startswith(_NOT_DOU):
        return
    if last == "泡" and not following.startswith(_PAO_COUNTS):
        return
    if last == "撮" and following.lstrip("儿白黑灰小").startswith(_TUFTS):  # 一撮白头发
        reading = "zuo3"
    if last == "行" and following.startswith("人"):
        return
    if last == "场" and following.lstrip("大小").startswith(HAPPENINGS):
        reading = "chang2"  # 一场大雨, 一场病: the course of a happening (一场球 chǎng)
    earlier = "".join(u.text for u in units[max(0, position - 3) : position])
    if last == "场" and following[:1] in "。！，；!,;" and _SPELLS & set(earlier):
        reading = "chang2"  # 他大哭了一场: a spell of crying
    if last == "服" and not following.startswith(("药", "中药", "汤药", "草药")):
        return  # 三服中药 fù; 一服 otherwise is no measure (这服装)
    if last == "通" and following.strip("。！？，；!?,;") and not following.startswith("了"):
        return  # 骂了一通 tòng (a bout), but 一通电话 stays tōng
    results[unit.token][offset] = reading
