"""Saved web pages (.html, .htm, .xhtml): the article, its headline and byline. Qt-free.

The page is decoded by its byte-order mark or declared charset (GBK pages are read as
GB18030, as browsers do), else as a text file is (`html_text.decode_markup`), and parsed
without fetching anything (`html_text.parse_html`). The headline is the <h1> (or <h2>)
that the page's <title> or og:title names, else the title itself without the site's
name; the article is found as `page_content` describes; the byline comes from an element
the page marks as its author, a "作者：…" or "记者 …" line under the headline, a
newspaper's closing (张三 李四) or opening 新华社…电（记者 张三）, in that order.

The source keeps the headline, the lines under it (date, source, author) and the
article; the article's text is its paragraphs alone.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from reader.importing.article_parts import article_drafts
from reader.importing.documents import ExtractedDocument
from reader.importing.html_text import (
    Element,
    decode_markup,
    drop_element,
    drop_unread,
    element_text,
    html_blocks,
    parse_html,
    refuse_declared_entities,
    tag_name,
)
from reader.importing.outcomes import Checkpoint
from reader.importing.page_content import (
    article_elements,
    descriptor,
    drop_furniture,
    drop_link_lists,
)
from reader.messages import message
from reader.text.decode import ImportRefused
from reader.text.split import clean_title, derive_title, end_byline, iter_articles

# A saved page is at most a few megabytes; more is not an article.
MAX_PAGE_BYTES = 32 * 1024 * 1024
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|——|\s[-–—]\s)\s*")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_NAMES = (
    r"[\u4e00-\u9fff·]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff·]{2,4}){0,4}"
    r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}"
)
_BYLINE_IN_TEXT = re.compile(
    rf"(?:作者|撰文|文|By|by)\s*[：:/／]\s*({_NAMES})|(?:本报)?记者\s*[：:]?\s*({_NAMES})"
)
_AUTHOR_MARK = re.compile(r"author|byline|writer|reporter|作者", re.IGNORECASE)
# Marks of the lines under a headline. Not "editor": 责任编辑 closes the article.
_META_MARK = re.compile(r"author|byline|writer|reporter|info|meta|source|time|date|pub", re.I)
_META_WORDS = re.compile(r"来源|作者|记者|编辑|责编|发布|时间|字号|阅读|浏览|分享|打印|审核|校对")
_DATE = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}")
_EDITOR_LINE = re.compile(r"^[（(\[【]?\s*(?:责任编辑|责编|编辑|审核|校对|来源)\s*[：:]")
_PROSE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "blockquote"})
_META_MAX_CHARS = 100
_BYLINE_MAX_CHARS = 60
_LEADING_META_LINES = 4


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def _meta_content(root: Element, *keys: str) -> str:
    for element in root.iter():
        if tag_name(element) == "meta":
            key = (element.get("property") or element.get("name") or "").lower()
            if key in keys and element.get("content", "").strip():
                return " ".join(element.get("content", "").split())
    return ""


def _page_titles(root: Element) -> list[str]:
    """The page's own titles: og:title, and <title> without the site's name."""
    titles = [_meta_content(root, "og:title", "twitter:title")]
    title_element = next((e for e in root.iter() if tag_name(e) == "title"), None)
    if title_element is not None:
        pieces = _TITLE_SEPARATORS.split(" ".join("".join(title_element.itertext()).split()))
        titles.append(max(pieces, key=len))  # the headline is the longest piece
    return [title for title in titles if title]


def _headline(root: Element, titles: list[str]) -> Element | None:
    """The heading that the page's titles name; else the one <h1>, if there is one."""
    headings = [e for e in root.iter() if tag_name(e) in {"h1", "h2"}]
    headings = [h for h in headings if 2 <= len(_compact(element_text(h))) <= 120]
    compact_titles = [_compact(title) for title in titles]
    for level in ("h1", "h2"):
        for heading in headings:
            text = _compact(element_text(heading))
            if tag_name(heading) == level and any(
                text == title or (len(text) >= len(title) // 2 and (text in title or title in text))
                for title in compact_titles
            ):
                return heading
    first_level = [h for h in headings if tag_name(h) == "h1"]
    return first_level[0] if len(first_level) == 1 else None


def _byline_from(text: str, marked: bool) -> str:
    found = _BYLINE_IN_TEXT.search(text)
    if found:
        return _SPACES.sub(" ", found.group(1) or found.group(2)).strip()
    if marked and len(text) <= _BYLINE_MAX_CHARS and not _DATE.search(text):
        return re.sub(r"^(?:作者|文|By|by)\s*[：:/／]?\s*", "", text).strip()
    return ""


def _meta_lines(root: Element, headline: Element | None) -> tuple[list[str], str]:
    """Remove the short lines the page marks as author, source or date (and those just
    under the headline); their texts, and the byline among them."""
    lines: list[str] = []
    byline = ""
    candidates = [
        e
        for e in root.iter()
        if tag_name(e) not in {"html", "body"} and _META_MARK.search(descriptor(e))
    ]
    if headline is not None:
        following = headline.itersiblings()
        candidates.extend(e for _, e in zip(range(3), following, strict=False))
    for element in candidates:
        if element.getparent() is None or element is headline or _inside_prose(element):
            continue
        text = element_text(element)
        marked = bool(_AUTHOR_MARK.search(descriptor(element)))
        meta_like = marked or _META_MARK.search(descriptor(element)) or _is_meta_line(text)
        if not text or len(text) > _META_MAX_CHARS or "。" in text or not meta_like:
            continue
        byline = byline or _byline_from(text, marked)
        lines.append(text)
        drop_element(element)
    return lines, byline


def _inside_prose(element: Element) -> bool:
    """Whether the element is a part of a paragraph (a date within a sentence), not a
    line of its own."""
    own = len(_compact(element_text(element)))
    for ancestor in element.iterancestors():
        if tag_name(ancestor) in _PROSE_TAGS:
            return len(_compact(element_text(ancestor))) > own + 4
    return False


def _is_meta_line(text: str) -> bool:
    if len(text) > _META_MAX_CHARS or "。" in text:
        return False
    return bool(_META_WORDS.search(text)) or (
        bool(_DATE.search(text)) and len(text) <= 30 and "，" not in text
    )


def _split_body(texts: list[str], title: str) -> tuple[list[str], list[str], list[str]]:
    """(lines before the body: a repeated headline, date and source lines; the body;
    lines after it: editor and source notes)."""
    head: list[str] = []
    start = 0
    while start < len(texts) and len(head) < _LEADING_META_LINES:
        text = texts[start]
        if (title and _compact(text) == _compact(title)) or _is_meta_line(text):
            head.append(text)
            start += 1
        else:
            break
    end = len(texts)
    while end > start and _EDITOR_LINE.match(texts[end - 1]) and len(texts[end - 1]) <= 60:
        end -= 1
    return head, texts[start:end], texts[end:]


def _page_byline(root: Element) -> str:
    author = _meta_content(root, "author", "article:author", "byline")
    return author if re.fullmatch(_NAMES, author) else ""


def extract_web_page(file: BinaryIO, file_name: str, checkpoint: Checkpoint) -> ExtractedDocument:
    """The article of a saved web page (`reader.importing.documents` extractor)."""
    data = file.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ImportRefused(
            message(
                "{file} is larger than {limit} MB: too large for a saved web page.",
                file=file_name,
                limit=MAX_PAGE_BYTES // (1024 * 1024),
            )
        )
    checkpoint(0.0, message("Reading the page"))
    refuse_declared_entities(data, file_name)
    markup = decode_markup(data, file_name)
    root = parse_html(markup.text)
    if root is None:
        raise ImportRefused(message("{file} holds no readable text.", file=file_name))
    checkpoint(0.3, message("Finding the article"))
    titles = _page_titles(root)
    drop_unread(root)
    headline = _headline(root, titles)
    title = clean_title(element_text(headline)) if headline is not None else ""
    title = title or (clean_title(titles[0]) if titles else "")
    drop_furniture(root, headline)
    meta_lines, byline = _meta_lines(root, headline)
    texts: list[str] = []
    for container in article_elements(root):
        drop_link_lists(container)
        texts.extend(block.text for block in html_blocks(container).blocks)
    head, body, tail = _split_body(texts, title)
    if head and title and _compact(head[0]) == _compact(title):
        lead = [head.pop(0)]  # the headline, as the article's container shows it
    else:
        lead = [title] if title else []
    paragraphs = lead + meta_lines + head
    first_body = len(paragraphs)
    numbered = list(enumerate(body, start=first_body))
    if numbered:
        found = end_byline(numbered[-1][1])
        if found is not None:
            rest, closing = found
            byline = byline or closing
            numbered[-1] = (numbered[-1][0], rest) if rest else numbered[-1]
            if not rest:
                numbered.pop()
        if not byline and numbered:
            byline = next(iter_articles([numbered[0][1]], chapters=False)).byline
    byline = byline or _page_byline(root)
    paragraphs.extend(body)
    end = len(paragraphs)
    paragraphs.extend(tail)
    derived = not title
    if derived and numbered:
        title = derive_title("\n".join(text for _, text in numbered))
    drafts = article_drafts(title, derived, byline, numbered, 0, end)
    checkpoint(1.0, message("Finding the article"))
    if not drafts:
        raise ImportRefused(
            message("{file} holds no readable text: no article was found in it.", file=file_name)
        )
    return ExtractedDocument(paragraphs, drafts, "HTML", markup.warnings)
