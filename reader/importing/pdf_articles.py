"""A PDF's paragraphs (`pdf_blocks.Block`, in reading order, page after page) → articles.
Qt-free.

A headline starts an article; a subhead right under it (副题) and the body that follows,
column after column, are its text, and a small line under the headline its byline. An
article that says `（转第2版）` is set aside and picked up where a page says `（上接第1版）`
(the oldest one waiting, or the one whose title a repeated headline there matches); an
article not so marked that runs to the foot of a page goes on at the top of the next
page when that starts with body text. Captions and sidebars stay in the source's
paragraphs, outside every article, as do jump lines and stray small print.

A PDF whose sizes tell no headlines (a novel, a report set in one size) is split by its
words instead, as a text file is (`reader.text.split.split_articles`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.importing.pdf_blocks import Block, join_lines
from reader.text.split import (
    MAX_ARTICLE_CHARS,
    ArticleDraft,
    derive_title,
    end_byline,
    part_title,
    split_articles,
)

_OUTSIDE = ("caption", "sidebar", "jump_to", "jump_from")
_LONG_SMALL_TEXT = 30  # small print this long is text (a brief set small), not a note


@dataclass
class _Article:
    title: str
    indexes: list[int] = field(default_factory=list)  # paragraphs in its span
    body: list[str] = field(default_factory=list)  # its text, paragraph by paragraph
    runs_on: bool = False  # its last paragraph broke off at a column's or a page's foot
    byline: str = ""
    jumped_from_page: int | None = None  # page of its `转第N版`, while it waits


def build_articles(
    blocks: list[Block], fallback_title: str
) -> tuple[list[str], list[ArticleDraft]]:
    """The paragraphs kept from the blocks and the articles spanning them."""
    paragraphs = [block.text for block in blocks]
    if not any(block.kind == "headline" for block in blocks):
        return paragraphs, _split_by_words(paragraphs, blocks, fallback_title)
    articles: list[_Article] = []
    current: _Article | None = None
    waiting: list[_Article] = []
    page = -1
    for index, block in enumerate(blocks):
        new_page = block.page != page
        page = block.page
        if new_page and current is not None and current.jumped_from_page is not None:
            current = None
        if block.kind == "headline":
            if current is not None and not current.body and current.indexes:
                current.title = f"{current.title} {block.text}"  # a headline in two blocks
                current.indexes.append(index)
                continue
            current = _Article(block.text, [index])
            articles.append(current)
        elif block.kind == "jump_from":
            resumed = _resume(waiting, current, page)
            if resumed is not None:
                if current is not None and current is not resumed and not current.body:
                    articles.remove(current)  # a headline repeated over the continuation
                waiting.remove(resumed)
                resumed.jumped_from_page = None
                current = resumed
        elif block.kind == "jump_to":
            if current is not None:
                current.jumped_from_page = page
                waiting.append(current)
        elif block.kind in _OUTSIDE:
            continue
        elif block.kind == "byline" and current is not None and not current.body:
            current.byline = block.text
            current.indexes.append(index)
        elif block.kind in ("body", "subhead") or _is_text(block):
            if current is None:
                current = _Article("", [])
                articles.append(current)
            current.indexes.append(index)
            _add_text(current, block)
    drafts: list[ArticleDraft] = []
    for article in articles:
        drafts.extend(_drafts(article, paragraphs, fallback_title))
    return paragraphs, drafts


def _add_text(article: _Article, block: Block) -> None:
    """A paragraph broken off at the foot of a column (or page) goes on in the next
    column's first line, which is then not indented: the two are one paragraph."""
    text = block.text.strip()
    if article.body and article.runs_on and not block.indented and block.kind == "body":
        article.body[-1] = join_lines([article.body[-1], text])
    else:
        article.body.append(text)
    article.runs_on = block.runs_on and block.kind == "body"


def _is_text(block: Block) -> bool:
    return block.kind in ("small", "byline") and len(block.text) >= _LONG_SMALL_TEXT


def _resume(waiting: list[_Article], current: _Article | None, page: int) -> _Article | None:
    """The waiting article a `上接…` continues: the one whose title the headline over it
    repeats, else the one waiting longest from an earlier page."""
    if not waiting:
        return None
    if current is not None and not current.body and current.title:
        for article in waiting:
            if _same_title(article.title, current.title):
                return article
    earlier = [article for article in waiting if (article.jumped_from_page or 0) < page]
    return earlier[0] if earlier else None


def _same_title(first: str, second: str) -> bool:
    a, b = first.replace(" ", ""), second.replace(" ", "")
    shorter = min(len(a), len(b))
    return shorter >= 4 and a[:shorter] == b[:shorter]


def _drafts(article: _Article, paragraphs: list[str], fallback_title: str) -> list[ArticleDraft]:
    body = list(article.body)
    byline = article.byline
    if body:
        found = end_byline(body[-1])
        if found is not None:
            rest, end = found
            byline = byline or end
            body[-1] = rest
    body = [text for text in body if text]
    if not article.indexes:
        return []
    title, derived = article.title, False
    if not title:
        title, derived = (derive_title("\n".join(body)) if body else ""), True
    title = title or fallback_title or "Untitled"
    if not body:
        body = [title]
    first, end = min(article.indexes), max(article.indexes) + 1
    parts = _cut_for_length(body)
    return [
        ArticleDraft(
            title if number == 1 else part_title(title, number),
            derived if number == 1 else False,
            byline,
            part,
            first,
            end,
            number,
        )
        for number, part in enumerate(parts, start=1)
    ]


def _cut_for_length(body: list[str]) -> list[list[str]]:
    """Parts of at most `MAX_ARTICLE_CHARS` (as the text splitter cuts a long article)."""
    parts: list[list[str]] = [[]]
    chars = 0
    for text in body:
        if chars >= MAX_ARTICLE_CHARS and parts[-1]:
            parts.append([])
            chars = 0
        parts[-1].append(text)
        chars += len(text)
    return parts


def _split_by_words(
    paragraphs: list[str], blocks: list[Block], fallback_title: str
) -> list[ArticleDraft]:
    """No headline by size: the text splitter finds the articles (or chapters) in the
    paragraphs that are text; captions, sidebars and jump lines stay outside."""
    text_indexes = [i for i, block in enumerate(blocks) if block.kind not in _OUTSIDE]
    if not text_indexes:
        return []
    texts = [paragraphs[i] for i in text_indexes]
    drafts = split_articles(texts, fallback_title=fallback_title)
    return [
        ArticleDraft(
            draft.title,
            draft.title_is_derived,
            draft.byline,
            draft.paragraphs,
            text_indexes[draft.first_paragraph],
            text_indexes[draft.end_paragraph - 1] + 1,
            draft.part,
        )
        for draft in drafts
    ]
