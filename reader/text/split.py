"""Split a document's paragraphs into articles, and give each a title and a byline.

A news page holds several articles, found by `page_spans` from their headline blocks,
bylines, source lines, leads and end marks (`markers`). A novel with chapter headings
(`第一回`, `第十二章`, `卷一`) is split into chapters. Any other text is one article.

The result records which source paragraphs each article spans, so a later split or merge
is a change of data, not a re-import. Paragraphs stream through, one article at a time.
The names other modules use (`is_lead`, `is_headline`, `end_byline`, `derive_title`,
`clean_title`, `remove_layout_spaces`, `MAX_ARTICLE_CHARS`) are importable from here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.text.chapters import is_chapter_heading as is_chapter_heading
from reader.text.markers import end_byline as end_byline
from reader.text.markers import is_headline as is_headline
from reader.text.markers import is_lead as is_lead
from reader.text.markers import lead_byline
from reader.text.page_spans import MAX_ARTICLE_CHARS as MAX_ARTICLE_CHARS
from reader.text.page_spans import Numbered, Span, newspaper_spans
from reader.text.titles import clean_title as clean_title
from reader.text.titles import derive_title as derive_title
from reader.text.titles import join_headlines
from reader.text.titles import remove_layout_spaces as remove_layout_spaces


@dataclass(frozen=True)
class ArticleDraft:
    title: str
    title_is_derived: bool
    byline: str
    paragraphs: list[str]
    first_paragraph: int
    end_paragraph: int
    part: int = 1  # 2, 3, … for the parts a very long article was cut into

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


# A text with this many chapter headings or more is split into chapters.
CHAPTER_HEADINGS_NEEDED = 2


def has_chapters(paragraphs: Iterable[str]) -> bool:
    """Whether the text is split into chapters (see CHAPTER_HEADINGS_NEEDED)."""
    headings = itertools.islice(filter(is_chapter_heading, paragraphs), CHAPTER_HEADINGS_NEEDED)
    return sum(1 for _ in headings) == CHAPTER_HEADINGS_NEEDED


def _chapter_spans(paragraphs: Iterable[Numbered]) -> Iterator[Span]:
    current = Span([], [])
    for index, paragraph in paragraphs:
        if is_chapter_heading(paragraph):
            if current.headlines or current.body:
                yield current
            current = Span([(index, paragraph)], [])
        elif current.is_full:
            yield current
            current = current.continuation((index, paragraph))
        else:
            current.add((index, paragraph))
    if current.headlines or current.body:
        yield current


def _draft(span: Span, hard_wrapped: bool, fallback_title: str, first_title: str) -> ArticleDraft:
    body: list[str] = []
    for index, paragraph in span.body:
        text = span.byline_rest if index == span.byline_paragraph else paragraph
        if hard_wrapped:
            text = remove_layout_spaces(text)
        text = text.strip()
        if text:
            body.append(text)
    byline = " ".join(span.byline_lines) or span.meta_author or span.byline
    if not byline and body:
        byline = lead_byline(body[0])
    if span.part > 1:
        title, derived = part_title(first_title, span.part), False
    elif span.headlines:
        title = join_headlines([paragraph for _, paragraph in span.headlines], hard_wrapped)
        derived = False
    else:
        title = derive_title("\n".join(body)) if body else ""
        derived = True
    if not body:
        # A headline with nothing under it: keep its words as the text.
        body = [title] if title else [paragraph.strip() for _, paragraph in span.meta]
    return ArticleDraft(
        title=title or fallback_title or "Untitled",
        title_is_derived=derived,
        byline=byline,
        paragraphs=body,
        first_paragraph=span.first,
        end_paragraph=span.end,
        part=span.part,
    )


def part_title(first_title: str, part: int) -> str:
    """The title of part `part` (2, 3, …) of an article cut for length."""
    return f"{first_title} ({part})"


def iter_articles(
    paragraphs: Iterable[str],
    *,
    chapters: bool,
    hard_wrapped: bool = False,
    fallback_title: str = "",
) -> Iterator[ArticleDraft]:
    """Articles made of `paragraphs`, one at a time, holding only the article being made
    (`chapters`: see `has_chapters`). With `hard_wrapped`, layout spaces are removed from
    body text; prose keeps its characters exactly."""
    numbered = enumerate(paragraphs)
    spans = _chapter_spans(numbered) if chapters else newspaper_spans(numbered)
    first_title = ""
    for span in spans:
        draft = _draft(span, hard_wrapped, fallback_title, first_title)
        if draft.part == 1:
            first_title = draft.title
        yield draft


def split_articles(
    paragraphs: Sequence[str], *, hard_wrapped: bool = False, fallback_title: str = ""
) -> list[ArticleDraft]:
    """Articles made of `paragraphs` (see `iter_articles`)."""
    return list(
        iter_articles(
            paragraphs,
            chapters=has_chapters(paragraphs),
            hard_wrapped=hard_wrapped,
            fallback_title=fallback_title,
        )
    )
