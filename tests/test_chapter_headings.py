"""A chapter heading is a paragraph of its own and opens its chapter, whatever the heading's
form (第一章, 第1章, 第十二回, 卷一; with or without a title), however many chapters, short or
long paragraphs, with or without blank lines, one paragraph a line or wrapped as a PDF's
text is. The import's own path: reflow, then split; and once through the file import."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.importer import import_path
from reader.library.store import Library
from reader.text.reflow import reflow
from reader.text.split import is_chapter_heading, split_articles

NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
TITLES = ["开始", "中间", "结束", "出发", "进城", "回乡", "夜雨", "重逢", "别离", "归来"]
# Heading forms: numbered in words or digits, as 章, 回 or 卷, titled or bare.
HEADINGS = {
    "第一章 开始": lambda i, title: f"第{NUMERALS[i]}章 {title}",
    "第1章 开始": lambda i, title: f"第{i + 1}章 {title}",
    "第1章": lambda i, title: f"第{i + 1}章",
    "第十二回 开始": lambda i, title: f"第{NUMERALS[i + 2]}回 {title}",
    "卷一 开始": lambda i, title: f"卷{NUMERALS[i]} {title}",
    "卷一": lambda i, title: f"卷{NUMERALS[i]}",
    "第一章：开始": lambda i, title: f"第{NUMERALS[i]}章：{title}",
}
SENTENCES = ["今天天气很好。", "银行行长来了。", "这是新的内容。", "他们走了很久才到。"]


def _chapter(i: int, paragraphs_per_chapter: int, long: bool) -> list[str]:
    paragraphs = []
    for p in range(paragraphs_per_chapter):
        sentence = SENTENCES[(i + p) % len(SENTENCES)]
        paragraphs.append(sentence * (8 if long else 1) if long else f"{sentence[:-1]}{i}。")
    return paragraphs


def _book(heading: str, count: int, paragraphs: int, long: bool) -> list[tuple[str, list[str]]]:
    make = HEADINGS[heading]
    return [(make(i, TITLES[i]), _chapter(i, paragraphs, long)) for i in range(count)]


def _text(book: list[tuple[str, list[str]]], blank: bool) -> str:
    separator = "\n\n" if blank else "\n"
    return separator.join(separator.join([h, *body]) for h, body in book) + "\n"


def _articles(text: str) -> list[tuple[str, list[str]]]:
    layout = reflow(text)
    drafts = split_articles(layout.paragraphs, hard_wrapped=layout.hard_wrapped)
    return [(draft.title, draft.paragraphs) for draft in drafts]


@pytest.mark.parametrize("heading", list(HEADINGS))
@pytest.mark.parametrize(
    ("count", "paragraphs", "long"),
    [(2, 1, False), (3, 1, False), (3, 2, False), (5, 1, True), (10, 1, False), (10, 3, True)],
)
@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "no-blank-lines"])
def test_each_heading_opens_its_chapter(
    heading: str, count: int, paragraphs: int, long: bool, blank: bool
) -> None:
    book = _book(heading, count, paragraphs, long)
    assert _articles(_text(book, blank)) == book


def test_the_testers_file_imports_as_three_chapters(tmp_path: Path) -> None:
    path = tmp_path / "sp.txt"
    path.write_text(
        "第一章 开始\n\n今天天气很好。\n\n第二章 中间\n\n银行行长来了。\n\n"
        "第三章 结束\n\n这是新的内容。\n",
        "utf-8",
    )
    library = Library.open(tmp_path / "lib.sqlite")
    outcome = import_path(library, path)
    articles = [library.get_article(article_id) for article_id in outcome.article_ids]
    assert [(a.title, a.text) for a in articles if a is not None] == [
        ("第一章 开始", "今天天气很好。"),
        ("第二章 中间", "银行行长来了。"),
        ("第三章 结束", "这是新的内容。"),
    ]


def _wrap(paragraph: str, width: int) -> list[str]:
    """A paragraph as a PDF's text has it: indented two cells, cut at the column."""
    text = "\u3000\u3000" + paragraph
    return [text[i : i + width] for i in range(0, len(text), width)]


@pytest.mark.parametrize("heading", list(HEADINGS))
@pytest.mark.parametrize("blank_after_every_line", [False, True])
def test_a_heading_in_hard_wrapped_text_is_never_joined_to_what_follows(
    heading: str, blank_after_every_line: bool
) -> None:
    book = [
        (h, ["".join(SENTENCES[(i + j + k) % 4] for k in range(6)) for j in range(2)])
        for i, (h, _) in enumerate(_book(heading, 4, 2, False))
    ]
    lines = list(
        itertools.chain.from_iterable(
            [h, *itertools.chain.from_iterable(_wrap(p, 17) for p in body)] for h, body in book
        )
    )
    separator = "\n\n" if blank_after_every_line else "\n"
    layout = reflow(separator.join(lines) + "\n")
    assert layout.hard_wrapped
    drafts = split_articles(layout.paragraphs, hard_wrapped=True)
    assert [(draft.title, draft.paragraphs) for draft in drafts] == book


def test_what_is_not_a_chapter_heading() -> None:
    for line in ["第一节课上，老师让我们读书。", "卷一卷纸", "第三章节", "卷起袖子"]:
        assert not is_chapter_heading(line), line
    for line in ["卷十二", "卷三 风雪", "第1章", "第十二回　重逢"]:
        assert is_chapter_heading(line), line
