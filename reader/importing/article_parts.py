"""One article of a structured document made into drafts, cut into parts when long.
Qt-free.

A text file's articles are cut by `reader.text.split` when longer than
`MAX_ARTICLE_CHARS`; a chapter of an EPUB or a web page is cut the same way, between
paragraphs, into parts titled "Title (2)", "Title (3)", … so that no article is too long
to read in a window.
"""

from __future__ import annotations

from reader.text.split import MAX_ARTICLE_CHARS, ArticleDraft, part_title

Numbered = tuple[int, str]
"""A paragraph of the article's body, with its index among the document's paragraphs."""


def article_drafts(
    title: str,
    title_is_derived: bool,
    byline: str,
    body: list[Numbered],
    first_paragraph: int,
    end_paragraph: int,
) -> list[ArticleDraft]:
    """The drafts of one article spanning [first_paragraph, end_paragraph) whose body is
    `body` (the span's paragraphs less its headline, bylines cut off); [] for no body."""
    parts: list[list[Numbered]] = []
    chars = 0
    for numbered in body:
        if not parts or chars >= MAX_ARTICLE_CHARS:
            parts.append([])
            chars = 0
        parts[-1].append(numbered)
        chars += len(numbered[1])
    drafts: list[ArticleDraft] = []
    for number, part in enumerate(parts, start=1):
        first = first_paragraph if number == 1 else part[0][0]
        end = parts[number][0][0] if number < len(parts) else end_paragraph
        drafts.append(
            ArticleDraft(
                title=title if number == 1 else part_title(title, number),
                title_is_derived=title_is_derived and number == 1,
                byline=byline,
                paragraphs=[text for _, text in part],
                first_paragraph=first,
                end_paragraph=end,
                part=number,
            )
        )
    return drafts
