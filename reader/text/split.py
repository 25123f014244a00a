"""Split a document's paragraphs into articles, and give each a title and a byline.

A newspaper page holds several articles: each starts with a lead (`本报讯`, `本报X月X日电`,
`新华社…电`) and ends with a byline in full-width parentheses (`（张明提 梁桂连）`);
headlines may sit detached before or after their article. A novel with chapter headings
(`第一回`, `第十二章`) is split into chapters. Any other text is one article.

The result records which source paragraphs each article spans, so a later split or merge
is a change of data, not a re-import.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.text.chars import is_cjk

_LEAD = re.compile(
    r"^(?:本报讯|本报[^\s，。！？]{0,12}?电|新华社[^\s，。！？]{0,16}?电"
    r"|中新社[^\s，。！？]{0,16}?电|人民网[^\s，。！？]{0,16}?电)"
)
# A byline right after the lead, as in 新华社北京3月5日电（记者 张三）.
_LEAD_BYLINE = re.compile(_LEAD.pattern + r"\s*[（(]\s*([^（）()]{2,30}?)\s*[）)]")
_ROLE = r"(?:本报记者|特约记者|见习记者|记者|通讯员|实习生|摄影|编辑)"
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"(?:{_ROLE}\s*)?{_NAME}(?:[\s\u3000、]+(?:{_ROLE}\s*)?{_NAME}){{0,7}}"
# A byline at the end of a paragraph; it must follow a sentence end or a space, so that
# `中小学校（园）` or an aside in parentheses is not mistaken for one.
_END_BYLINE = re.compile(rf"(?:^|(?<=[。！？；…”’」』.!?\s]))[（(]\s*({_NAMES})\s*[）)]\s*$")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+[回章节卷](?:$|[\s\u3000：:·.、])")
_SENTENCE = re.compile(r"^.*?[。！？．!?](?:[”’」』])?")
_CLAUSE_BREAK = "，、；：,;:"
_HEADLINE_MAX_CHARS = 40
# An article longer than this is cut, between paragraphs, into parts titled "Title (2)", …:
# a text with no chapters or articles (a huge file of plain prose) would otherwise be one
# article too long to read in a window, and held whole in memory while it is imported.
# The longest chapter of a long novel is about a tenth of it.
MAX_ARTICLE_CHARS = 100_000
_TITLE_MAX_CHARS = 20
_SPACES = " \t\u00a0"


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


# -- cleaning ----------------------------------------------------------------------------


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def remove_layout_spaces(text: str) -> str:
    """Drop the spaces a PDF's justification put into Chinese text: between two CJK
    characters (`讲 述 共 产 党` → `讲述共产党`) and between CJK and digits (`2021 年`).
    Spaces between Latin words stay."""
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        ch = text[index]
        if ch in _SPACES:
            run_end = index
            while run_end < length and text[run_end] in _SPACES:
                run_end += 1
            before = out[-1] if out else ""
            after = text[run_end] if run_end < length else ""
            if (
                before
                and after
                and (
                    (is_cjk(before) and (is_cjk(after) or _is_digit(after)))
                    or (_is_digit(before) and is_cjk(after))
                )
            ):
                index = run_end
                continue
            if before and after:
                out.append(" ")
            index = run_end
            continue
        out.append(ch)
        index += 1
    return "".join(out)


def clean_title(title: str) -> str:
    """Headlines keep the space between their parts (`…战略 建设…`) but lose letter-spacing
    (`兴 县 实 施` → `兴县实施`)."""
    title = re.sub(r"[\s\u3000]+", " ", title).strip()
    parts = title.split(" ")
    if len(parts) >= 3 and sum(1 for part in parts if len(part) == 1) >= len(parts) * 0.6:
        return remove_layout_spaces(title)
    return title


def _clean_byline(byline: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", byline).strip()


# -- classifying paragraphs --------------------------------------------------------------


def is_lead(paragraph: str) -> bool:
    return bool(_LEAD.match(paragraph))


def end_byline(paragraph: str) -> tuple[str, str] | None:
    """(paragraph without the byline, byline) when the paragraph ends with one."""
    match = _END_BYLINE.search(paragraph)
    if match is None:
        return None
    return paragraph[: match.start()].rstrip(), _clean_byline(match.group(1))


def is_headline(paragraph: str) -> bool:
    """A short line that is not a sentence: no sentence punctuation at its end."""
    stripped = paragraph.strip()
    if not stripped or len(stripped) > _HEADLINE_MAX_CHARS or is_lead(stripped):
        return False
    if stripped[-1] in "。！？．!?，、；：,;:…）)”’":
        return False
    return not any(mark in stripped for mark in "。！？")


def is_chapter_heading(paragraph: str) -> bool:
    return len(paragraph) <= 50 and bool(_CHAPTER.match(paragraph))


def derive_title(text: str, word_ends: Sequence[int] | None = None) -> str:
    """A short title from an article's first sentence, without its lead. When `word_ends`
    (token end offsets into `text`) is given, a cut falls between words."""
    first = text.split("\n", 1)[0]
    offset = 0
    lead = _LEAD_BYLINE.match(first) or _LEAD.match(first)
    if lead:
        offset = lead.end()
    while offset < len(first) and (first[offset] in _SPACES + "\u3000" or first[offset] in "，：:"):
        offset += 1
    rest = first[offset:]
    sentence_match = _SENTENCE.match(rest)
    sentence = sentence_match.group(0) if sentence_match else rest
    sentence = sentence.rstrip("。！？．!?”’」』")
    if len(sentence) <= _TITLE_MAX_CHARS:
        return sentence.strip()
    # Prefer the longest run of whole clauses that fits.
    cut = max(
        (i for i, ch in enumerate(sentence[: _TITLE_MAX_CHARS + 1]) if ch in _CLAUSE_BREAK),
        default=-1,
    )
    if cut >= 8:
        return sentence[:cut].strip()
    cut = _TITLE_MAX_CHARS
    if word_ends is not None:
        boundaries = [end - offset for end in word_ends if 0 < end - offset <= _TITLE_MAX_CHARS]
        if boundaries and boundaries[-1] >= _TITLE_MAX_CHARS // 2:
            cut = boundaries[-1]
    return sentence[:cut].strip() + "…"


# -- splitting ---------------------------------------------------------------------------


Numbered = tuple[int, str]
"""A paragraph with its index in the source."""


@dataclass
class _Span:
    """An article being collected: its headline and body paragraphs."""

    headlines: list[Numbered]
    body: list[Numbered]
    byline: str = ""
    byline_paragraph: int | None = None
    byline_rest: str = ""
    part: int = 1
    chars: int = 0

    def add(self, numbered: Numbered) -> None:
        self.body.append(numbered)
        self.chars += len(numbered[1])

    @property
    def is_full(self) -> bool:
        return self.chars >= MAX_ARTICLE_CHARS and bool(self.body)

    @classmethod
    def starting(cls, numbered: Numbered, headlines: list[Numbered], part: int = 1) -> _Span:
        """An article (or part `part` of one) whose body starts with `numbered`."""
        span = cls(headlines, [], part=part)
        span.add(numbered)
        return span

    def continuation(self, numbered: Numbered) -> _Span:
        """The next part of this article, starting with `numbered`."""
        return _Span.starting(numbered, [], part=self.part + 1)

    @property
    def first(self) -> int:
        return min(index for index, _ in self.headlines + self.body)

    @property
    def end(self) -> int:
        return max(index for index, _ in self.headlines + self.body) + 1


# A text with this many chapter headings or more is split into chapters.
CHAPTER_HEADINGS_NEEDED = 2


def has_chapters(paragraphs: Iterable[str]) -> bool:
    """Whether the text is split into chapters (see CHAPTER_HEADINGS_NEEDED)."""
    headings = itertools.islice(filter(is_chapter_heading, paragraphs), CHAPTER_HEADINGS_NEEDED)
    return sum(1 for _ in headings) == CHAPTER_HEADINGS_NEEDED


def _chapter_spans(paragraphs: Iterable[Numbered]) -> Iterator[_Span]:
    current = _Span([], [])
    for index, paragraph in paragraphs:
        if is_chapter_heading(paragraph):
            if current.headlines or current.body:
                yield current
            current = _Span([(index, paragraph)], [])
        elif current.is_full:
            yield current
            current = current.continuation((index, paragraph))
        else:
            current.add((index, paragraph))
    if current.headlines or current.body:
        yield current


def _newspaper_spans(paragraphs: Iterable[Numbered]) -> Iterator[_Span]:
    # The last finished article is held back: a headline after it may still be its own.
    held: _Span | None = None
    current: _Span | None = None
    pending: list[Numbered] = []
    for index, paragraph in paragraphs:
        if current is None:
            if is_headline(paragraph):
                pending.append((index, paragraph))
                continue
            current = _Span.starting((index, paragraph), pending)
            pending = []
        elif (is_lead(paragraph) and current.body) or current.is_full:
            if held is not None:
                yield held
            if is_lead(paragraph):
                next_span = _Span.starting((index, paragraph), [])
            else:  # too long to go on: the rest is the article's next part
                next_span = current.continuation((index, paragraph))
            held, current = current, next_span
        else:
            current.add((index, paragraph))
        found = end_byline(paragraph)
        if found is not None:
            current.byline_rest, current.byline = found
            current.byline_paragraph = index
            if held is not None:
                yield held
            held, current = current, None
    if current is not None:
        if held is not None:
            yield held
        held = current
    if pending:
        if held is not None and not held.headlines:
            # A headline detached after its article, as on the last line of the seed page.
            held.headlines = pending
        elif held is not None:
            held.body.extend(pending)  # never drop text we cannot place
        else:
            held = _Span([], pending)
    if held is not None:
        yield held


def _draft(span: _Span, hard_wrapped: bool, fallback_title: str, first_title: str) -> ArticleDraft:
    body: list[str] = []
    for index, paragraph in span.body:
        text = span.byline_rest if index == span.byline_paragraph else paragraph
        if hard_wrapped:
            text = remove_layout_spaces(text)
        text = text.strip()
        if text:
            body.append(text)
    byline = span.byline
    if not byline and body:
        lead_byline = _LEAD_BYLINE.match(body[0])
        if lead_byline:
            byline = _clean_byline(lead_byline.group(1))
    if span.part > 1:
        title, derived = part_title(first_title, span.part), False
    elif span.headlines:
        title = clean_title(" ".join(paragraph for _, paragraph in span.headlines))
        derived = False
    else:
        title = derive_title("\n".join(body)) if body else ""
        derived = True
    if not body:
        # A headline with nothing under it: keep its words as the text.
        body = [title]
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
    spans = _chapter_spans(numbered) if chapters else _newspaper_spans(numbered)
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
