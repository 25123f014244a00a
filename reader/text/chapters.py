"""Chapter headings (`第十二回`, `第1章 开始`, `卷一`): what splits a novel into chapters,
and a line that is never wrapped text nor joined to the text after it. Qt-free."""

from __future__ import annotations

import re

# The numbered mark, then the line's end or a space or mark before the chapter's title.
_CHAPTER = re.compile(
    r"^(?:第[一二三四五六七八九十百千零〇两\d]+[回章节卷]|卷[一二三四五六七八九十百千零〇两\d]+)"
    r"(?:$|[\s\u3000：:·.、])"
)


def is_chapter_heading(paragraph: str) -> bool:
    return len(paragraph) <= 50 and bool(_CHAPTER.match(paragraph))
