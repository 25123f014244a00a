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
# A paper's running head: the date with its weekday, and an edition number or a section
# name set off by wide space, in either order (`2026年1月9日  星期五      县域经济`,
# `要闻    2025年3月2日 星期日`, `2025年3月2日 星期日 第3版 经济`). A date and weekday
# alone, or with a word after one space (a diary's `…星期五 晴`), stay text.
_RUNNING_HEAD = re.compile(
    rf"^(?:{_SECTION}\s+)?{_DATE}\s*{_WEEKDAY}\s*{_EDITION}(?:\s+{_SECTION}){{0,2}}$"
    rf"|^(?:{_SECTION}{_GAP})?{_DATE}\s*{_WEEKDAY}(?:{_GAP}{_SECTION}){{1,2}}$"
    rf"|^{_SECTION}{_GAP}{_DATE}\s*{_WEEKDAY}$"
)


def is_page_furniture(line: str) -> bool:
    """A page number, a browser's header or footer, or a paper's running head (`line` is
    stripped of its indentation)."""
    return bool(_PAGE_FOOTER.match(line) or _RUNNING_HEAD.match(line))
