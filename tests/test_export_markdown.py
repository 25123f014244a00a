"""The Markdown export, parsed back with markdown-it-py (CommonMark): one blockquote per
annotation holding exactly its quote, no HTML and no link that comes from article text,
comments contained in their annotation whatever they hold; YAML front matter that parses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotations.store import AnnotationStore
from reader.export import (
    ExportOptions,
    context_markdown,
    deep_link,
    escape_line,
    export_article_markdown,
    parse_deep_link,
    yaml_string,
)
from reader.library import Library
from reader.library.store import NewArticle, NewSource

EXPORTED_AT = "2024-03-05T08:00:00+00:00"
PARSER = MarkdownIt("commonmark")


def front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    assert markdown.startswith("---\n")
    head, _, body = markdown[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def blockquote_texts(tokens: list[Token]) -> list[str]:
    """The text of each top-level blockquote: its paragraphs joined by a blank line, soft
    breaks as line breaks. (A comment's own block quotes are inside its list item.)"""
    texts: list[str] = []
    paragraphs: list[str] | None = None
    for token in tokens:
        if token.type == "blockquote_open" and token.level == 0:
            paragraphs = []
        elif token.type == "blockquote_close" and token.level == 0:
            assert paragraphs is not None
            texts.append("\n\n".join(paragraphs))
            paragraphs = None
        elif token.type == "inline" and paragraphs is not None:
            assert token.level == 2, "only paragraphs in a quote's blockquote"
            paragraphs.append(inline_text(token))
    return texts


def inline_text(token: Token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def expected_quote_text(quote: str) -> str:
    """What a blockquote can show of a quote: no line breaks at its ends, blank lines as
    one paragraph break."""
    lines = quote.strip("\n").split("\n")
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def one_article_library(title: str, byline: str, text: str) -> Library:
    library = Library.in_memory()
    library.add_source(
        NewSource.whole("hostile.txt", "UTF-8", "f" * 64, len(text), text, text.split("\n")),
        [NewArticle(title, False, byline, text, 0, 1, [len(text)])],
    )
    return library


def check_structure(markdown: str, quotes: list[str]) -> list[Token]:
    meta, body = front_matter(markdown)
    tokens = PARSER.parse(body)
    kinds = {token.type for token in walk(tokens)}
    assert "html_block" not in kinds and "html_inline" not in kinds
    assert blockquote_texts(tokens) == [expected_quote_text(q) for q in quotes]
    # At the top level only the title and the orphans' heading: a comment's headings are
    # inside its list item.
    top_headings = [t.tag for t in tokens if t.type == "heading_open" and t.level == 0]
    assert top_headings in (["h1"], ["h1", "h2"])
    assert meta["annotations"] == len(quotes)
    return tokens


# -- escaping: article text stays text -------------------------------------------------------

HOSTILE_QUOTES = [
    "# 不是标题",
    "> 不是引用",
    "- 不是列表",
    "1. 不是编号",
    "2) 也不是",
    "+ 加号",
    "=== 下划线",
    "*强调* 与 **加粗** 与 _下划线_",
    "[链接](https://example.com) 和 ![图](x.png)",
    "<b>标签</b> <script>alert(1)</script>",
    "表格 | 列 | 列",
    "`代码` ~~删除~~ $数学$ %%注释%% ==高亮== #标签 ^块",
    "&amp; &copy; &#x41;",
    "    四个空格",
    "结尾的空格  ",
    "https://example.com/ 裸链接 www.example.com",
    "反斜杠 \\ 和 \\*",
    "```\n围栏",
    "第一行\n# 第二行\n> 第三行",
]


@pytest.mark.parametrize("quote", HOSTILE_QUOTES)
def test_hostile_quote_renders_as_its_literal_characters(quote: str) -> None:
    text = "前文。" + quote + "。后文"
    library = one_article_library("标题", "", text)
    start = text.index(quote)
    AnnotationStore(library).add(1, start, start + len(quote))
    markdown = export_article_markdown(library, 1, ExportOptions(), exported_at=EXPORTED_AT)
    tokens = check_structure(markdown, [quote])
    links = [t for t in walk(tokens) if t.type == "link_open"]
    assert [t.attrs["href"] for t in links] == [
        deep_link(1, AnnotationStore(library).search()[0].id)
    ]
    assert not any(
        t.type in ("image", "em_open", "strong_open", "code_inline") for t in walk(tokens)
    )


def test_escape_line_only_touches_what_needs_it() -> None:
    assert escape_line("兴县县委县政府紧紧抓住") == "兴县县委县政府紧紧抓住"
    assert escape_line("1.5万亩") == "1\\.5万亩"
    assert escape_line("a_b*c") == "a\\_b\\*c"
    assert escape_line(" x ") == "&#32;x&#32;"


@pytest.mark.parametrize(
    "title",
    [
        "兴县: \"新\" #1 '引号' [x]",
        "- 列表",
        "a\\b",
        "@at",
        "null",
        "yes",
        "1.0",
        "  ",
        "\u2028\x85\x7f",
    ],
)
def test_front_matter_strings_stay_valid_yaml(title: str) -> None:
    parsed = yaml.safe_load(f"title: {yaml_string(title)}\n")
    assert parsed == {"title": title}


def test_front_matter_fields(tmp_path: Path) -> None:
    library = one_article_library('兴县：新"局面" # 一', "记者: 张三", "正文里有兴县。")
    store = AnnotationStore(library)
    store.add(1, 4, 6, tags=["vocab", "Policy"])
    store.add(1, 0, 2, tags=["policy", "地名"])
    meta, _ = front_matter(
        export_article_markdown(library, 1, ExportOptions(), exported_at=EXPORTED_AT)
    )
    assert meta["title"] == '兴县：新"局面" # 一'
    assert meta["byline"] == "记者: 张三"
    assert meta["source"] == "hostile.txt"
    assert meta["exported"] == EXPORTED_AT
    assert meta["annotations"] == 2
    assert meta["tags"] == ["Policy", "vocab", "地名"]
    assert set(meta) == {"title", "byline", "source", "imported", "exported", "annotations", "tags"}


def test_inline_tags_are_whole_obsidian_tags_and_the_front_matter_keeps_them_as_stored() -> None:
    """Obsidian ends a tag at a space or at a character a tag cannot hold (a backslash
    included): "#to review" tagged "to", and the escaped "#to\\_review" tagged "to"."""
    library = one_article_library("标题", "记者", "正文里有兴县。")
    store = AnnotationStore(library)
    store.add(1, 0, 2, tags=["to review", "to_review", "政策 解读", "place/县", "C++", "..."])
    markdown = export_article_markdown(library, 1, ExportOptions(), exported_at=EXPORTED_AT)
    meta, body = front_matter(markdown)
    assert meta["tags"] == ["...", "C++", "place/县", "to review", "to_review", "政策 解读"]
    [item] = [line for line in body.splitlines() if line.startswith("- yellow")]
    assert " · #C #place/县 #to-review #to_review #政策-解读 · created " in item
    rendered = MarkdownIt("commonmark").render(item)
    assert "#C #place/县 #to-review #to_review #政策-解读" in rendered  # no markup made


# -- comments: their Markdown kept, contained ------------------------------------------------

HOSTILE_COMMENTS = [
    "---",
    "# heading\n\nmore",
    "```\nunclosed fence <b>bold</b>",
    "~~~",
    "<div>\n<script>alert(1)</script>\n</div>",
    "line\n===",
    "> quoted\n>",
    "- a\n```\n<b>x</b>",
    "    indented code <i>",
    "[ref]: https://example.com\n[ref]",
    "*emphasis* and [a link](https://example.com) and <https://example.com>",
    "1. one\n2. two\n\n\n\nfar below",
    "\\`<b>` escaped backtick",
    "<!-- comment -->",
    "<?php ?>",
    "trailing backslash \\",
]


@pytest.mark.parametrize("comment", HOSTILE_COMMENTS)
def test_a_hostile_comment_leaves_every_other_annotation_intact(comment: str) -> None:
    text = "第一句话。第二句话。第三句话。"
    library = one_article_library("标题", "", text)
    store = AnnotationStore(library)
    store.add(1, 0, 4, comment="before")
    store.add(1, 5, 9, comment=comment)
    store.add(1, 10, 14, comment="after")
    markdown = export_article_markdown(library, 1, ExportOptions(), exported_at=EXPORTED_AT)
    tokens = check_structure(markdown, ["第一句话", "第二句话", "第三句话"])
    # Each annotation's list follows its blockquote at the top level; the comment is inside.
    top = [t.type for t in tokens if t.level == 0]
    assert top.count("bullet_list_open") == 3
    assert "after" in markdown.split("第三句话")[1]


def test_comment_markdown_survives() -> None:
    library = one_article_library("标题", "", "第一句话。")
    AnnotationStore(library).add(
        1, 0, 4, comment="*em* **strong** [link](https://example.com)\n\n- item"
    )
    markdown = export_article_markdown(library, 1, ExportOptions(), exported_at=EXPORTED_AT)
    tokens = PARSER.parse(front_matter(markdown)[1])
    kinds = [t.type for t in walk(tokens)]
    assert "em_open" in kinds and "strong_open" in kinds
    hrefs = [t.attrs["href"] for t in walk(tokens) if t.type == "link_open"]
    assert "https://example.com" in hrefs


quote_characters = st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\r\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
)
hostile_pieces = st.one_of(
    quote_characters,
    st.sampled_from(list("#>-*_[]()<>|`~!&$^%=:\\ \n\t1.") + ["<b>", "](", "://", "```"]),
)
hostile_text = st.lists(hostile_pieces, min_size=1, max_size=20).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=hostile_text, comment=hostile_text, title=hostile_text)
def test_hypothesis_hostile_quotes_and_comments(quote: str, comment: str, title: str) -> None:
    text = "开头。" + quote + "。结尾"
    if not expected_quote_text(quote).strip(" \t\n"):
        quote = quote + "字"
        text = "开头。" + quote + "。结尾"
    library = one_article_library(title, title, text)
    store = AnnotationStore(library)
    start = text.index(quote)
    store.add(1, 0, 2, comment=comment)
    store.add(1, start, start + len(quote), comment=comment)
    store.add(1, len(text) - 2, len(text), comment="last")
    for options in (ExportOptions(), ExportOptions(context=True)):
        markdown = export_article_markdown(library, 1, options, exported_at=EXPORTED_AT)
        meta, body = front_matter(markdown)
        assert meta["title"] == title
        tokens = PARSER.parse(body)
        kinds = {t.type for t in walk(tokens)}
        assert "html_block" not in kinds and "html_inline" not in kinds
        texts = blockquote_texts(tokens)
        assert texts == [expected_quote_text(q) for q in ("开头", quote, "结尾")]
        top_lists = [t for t in tokens if t.type == "bullet_list_open" and t.level == 0]
        assert len(top_lists) == 3
        links = [t.attrs["href"] for t in walk(tokens) if t.type == "link_open"]
        article_links = [h for h in links if str(h).startswith("yuedu:")]
        assert len(article_links) == 3


def test_context_is_the_sentence_with_the_quote_in_bold() -> None:
    text = "第一句。他说“你好”，然后走了。第三句。"
    start = text.index("“你好”")
    lines = context_markdown(text, start, start + 4)
    assert lines == ["他说“**你好**”，然后走了。"]
    tokens = PARSER.parse(lines[0])
    strong = [t for t in walk(tokens) if t.type == "strong_open"]
    assert len(strong) == 1


# -- deep links ------------------------------------------------------------------------------


def test_deep_links_round_trip() -> None:
    annotation = "0b7e0c1e-3c2e-4f4e-9a7e-5c1f0e2b9d11"
    assert parse_deep_link(deep_link(12, annotation)) == (12, annotation)
    assert parse_deep_link("yuedu://article/7") == (7, None)
    assert parse_deep_link("YUEDU://article/7/") == (7, None)


@pytest.mark.parametrize(
    "url",
    [
        "https://article/1",
        "yuedu://articles/1",
        "yuedu://article/x",
        "yuedu://article/",
        "yuedu://article/1?annotation=nope",
        "yuedu://article/1?annotation=a&annotation=b",
        "yuedu://article/1?other=1",
        "yuedu://article/١",
    ],
)
def test_bad_deep_links_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        parse_deep_link(url)
