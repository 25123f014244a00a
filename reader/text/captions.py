"""A picture's credit line (`本报记者  钱程摄`, `新华社记者 方喆 摄`): the last line of
its caption, kept at the end of the text; never a headline or a byline."""

from __future__ import annotations

import re

from reader.text.markers import CREDIT_WORDS, bare_names, byline_line

_CREDIT_WORD = re.compile(
    r"(\s*)(?:" + "|".join(sorted(CREDIT_WORDS, key=len, reverse=True)) + ")$"
)
# Longer than this, a line is text, not a credit.
_CREDIT_MAX_CHARS = 48


def is_photo_credit(line: str) -> bool:
    """A line that is only a picture's credit: a byline (`本报记者  钱程摄`, `新华社记者 方喆
    摄`) or names set off by a space (`张三 供图`), then 摄, 摄影, 供图 or 制图. It ends the
    caption's text; it is never a headline or a byline. `他在拍摄` is not one."""
    text = line.strip()
    credit = _CREDIT_WORD.search(text)
    if credit is None or len(text) > _CREDIT_MAX_CHARS:
        return False
    names = text[: credit.start()]
    if byline_line(names) is not None:
        return True
    return bool(credit.group(1)) and bare_names(names) is not None
