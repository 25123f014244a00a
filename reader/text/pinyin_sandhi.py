"""Spoken tones of 一 and 不 (tone sandhi), for a view that wants to show pinyin as it is
said rather than as the dictionary writes it. Off by default: the resolver gives dictionary
tones, and this pure function turns them into spoken ones when asked. Qt-free.

- 不 bù is bú before a fourth tone (不是 búshì, 不对 búduì); between a repeated verb it is
  neutral (是不是 shìbushì). A dictionary neutral tone (差不多 chàbuduō) stays.
- 一 yī is yí before a fourth tone (一个 yígè, 一样 yíyàng) and yì before the other tones
  (一天 yìtiān, 一起 yìqǐ, 一年 yìnián); between a repeated verb it is neutral (看一看).
  It stays yī where it is a number said as such: an ordinal or date (第一, 初一, 星期一,
  一月, 一号), a digit among digits (一九九八, 十一), or at the end of a word or phrase
  (统一, 唯一, "一").
"""

from __future__ import annotations

from collections.abc import Sequence

_DIGITS = frozenset("零〇一二三四五六七八九两")
_NUMBER_CHARS = _DIGITS | frozenset("十百千万亿")
# Before these, 一 names a date or an ordinal and keeps its tone (一月, 一号).
_ORDINAL_AFTER = frozenset("月号")
# After these, 一 is an ordinal or a date (第一, 初一, 星期一, 周一).
_ORDINAL_BEFORE = frozenset("第初期周")


def _tone(reading: str | None) -> int | None:
    if reading is None or not reading[-1:].isdigit():
        return None
    return int(reading[-1])


def spoken_tones(
    text: str,
    readings: Sequence[str | None],
    token_ends: Sequence[int] | None = None,
) -> list[str | None]:
    """`readings` (one canonical syllable or None per code point of `text`) with the tone
    sandhi of 一 and 不 applied. `token_ends` (the segmentation's end offsets), when given,
    keeps 一 at the end of a word as yī (统一思想). Other readings are returned unchanged."""
    if len(readings) != len(text):
        raise ValueError("one reading per character of the text is needed")
    ends = set(token_ends) if token_ends is not None else set()
    starts = {0, *ends}
    out = list(readings)
    for index, char in enumerate(text):
        reading = readings[index]
        previous = text[index - 1] if index > 0 else ""
        following = text[index + 1] if index + 1 < len(text) else ""
        next_tone = _tone(readings[index + 1]) if index + 1 < len(text) else None
        repeated = bool(previous) and previous == following
        if char == "不" and reading == "bu4":
            if repeated:
                out[index] = "bu5"
            elif next_tone == 4:
                out[index] = "bu2"
        elif char == "一" and reading == "yi1":
            # The last character of a word of two or more (统一, 唯一).
            word_end = index + 1 in ends and index not in starts
            out[index] = _yi(previous, following, next_tone, repeated, word_end)
    return out


def _yi(
    previous: str, following: str, next_tone: int | None, repeated: bool, word_end: bool
) -> str:
    if next_tone is None:
        return "yi1"  # at a phrase end, or before anything not Chinese
    if repeated:
        return "yi5"  # 看一看, however jieba cut it (看一|看书)
    if word_end:
        return "yi1"  # 统一思想
    if previous in _ORDINAL_BEFORE or following in _ORDINAL_AFTER:
        return "yi1"
    if previous in _NUMBER_CHARS or following in _DIGITS:
        return "yi1"  # 十一, 一九九八
    return "yi2" if next_tone in (4, 5) else "yi4"
