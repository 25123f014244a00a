"""Page furniture: the lines a printed or saved page repeats around its articles — page
numbers, a browser's header and footer, a paper's running head — that the reflow drops."""

from __future__ import annotations

import re

_DIGIT = "[0-9０-９]"
_DATE = rf"{_DIGIT}{{4}}\s*年\s*{_DIGIT}{{1,2}}\s*月\s*{_DIGIT}{{1,2}}\s*日"
_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
_EDITION = rf"(?:第\s*{_DIGIT}{{1,3}}\s*版|{_DIGIT}{{1,3}}\s*版)"
# A section or paper name in a running head (`要闻`, `县域经济`, `XX日报`): a few
# characters with no sentence or clause marks.
_SECTION = r"[^\s（）()《》，。！？：:；、]{2,10}"
# Wide space: a running head spreads its parts across the page width.
_GAP = r"(?:[ \t\u00a0]{2,}|\u3000+)"

_PAGE_FOOTER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+"
    r"|[Pp]age\s+\d+(?:\s+of\s+\d+)?"
    r"|https?://\S+(?:\s+\d+\s*/\s*\d+)?"
    r"|\d{1,4}/\d{1,2}/\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s.{0,80})?"
    r"|[^（(《\s]{2,12}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.\s*)?"
    r"(?:第\s*\d+\s*版|\d+\s*版)(?:\s*[^（）()\s]{0,12})?)$"
)
# A paper's running head: the date with its weekday, and the paper's name, a section or an
# edition number around them, in any order (`2026年1月9日  星期五      县域经济`,
# `要闻    2025年3月2日 星期日`, `2025年3月2日 星期日 第3版 经济`,
# `兴县报 2025年12月10日 星期三 综合新闻`). Without an edition number the parts are set off
# by wide space, or stand apart on both sides of the date: a diary's
# `2025年3月2日 星期日 晴转多云` has words after the date only and stays text, as does any
# line with sentence or clause marks.
_DATED = re.compile(rf"{_DATE}\s*{_WEEKDAY}|{_WEEKDAY}\s*{_DATE}")
_EDITION_WORD = re.compile(_EDITION)
_HEAD_WORD = re.compile(rf"{_EDITION}|{_SECTION}")
_HEAD_WORDS = re.compile(rf"{_EDITION}|\S+")
_CLAUSE_MARK = re.compile(r"[。！？!?，,；;：:、]")
# More parts than this around the date: a line of text, not a running head.
_HEAD_MAX_WORDS = 4


def _is_running_head(line: str) -> bool:
    dated = _DATED.search(line)
    if dated is None or _CLAUSE_MARK.search(line):
        return False
    before, after = line[: dated.start()], line[dated.end() :]
    words = _HEAD_WORDS.findall(before) + _HEAD_WORDS.findall(after)
    if not words or len(words) > _HEAD_MAX_WORDS:
        return False
    if not all(_HEAD_WORD.fullmatch(word) for word in words):
        return False
    if any(_EDITION_WORD.fullmatch(word) for word in words):
        return True
    if re.search(_GAP, before) or re.search(_GAP, after):
        return True
    # Single spaces: a part on each side of the date, each set off by a space.
    return bool(before.strip() and after.strip()) and before[-1].isspace() and after[0].isspace()


def is_page_furniture(line: str) -> bool:
    """A page number, a browser's header or footer, or a paper's running head (`line` is
    stripped of its indentation)."""
    return bool(_PAGE_FOOTER.match(line)) or _is_running_head(line)
