"""EPUB books: one article per chapter, titled from the table of contents. Qt-free.

The files of the spine are read in order and made into paragraphs (`html_text`); every
table-of-contents entry that points into a file (at its start, or at an element id within
it) starts an article there, titled as the table of contents titles it. Text before the
first entry of a file continues the article before it (a chapter split over files), or,
at the start of the book, is an article of its own, titled from its heading. A chapter's
heading is its title, not its text: it stays in the source's paragraphs, out of the
article's body. Files without text (a cover picture) give no article; the navigation
document is not read as part of the book.

A book with no table of contents is split at its files, and a file holding several
chapter headings (第一章, 第二章, …) at those, as a text file is.

All of it is read through `EpubArchive` (bounded, checked ZIP reading) and parsed without
entity expansion or fetching (`epub_package`, `html_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import unquote

from reader.importing.article_parts import article_drafts
from reader.importing.documents import ExtractedDocument
from reader.importing.epub_archive import ARCHIVE_ERRORS, EpubArchive, damaged
from reader.importing.epub_package import Package, TocEntry, read_package
from reader.importing.html_text import (
    BlockText,
    decode_markup,
    html_blocks,
    parse_html,
    refuse_declared_entities,
)
from reader.importing.outcomes import Checkpoint
from reader.messages import message
from reader.text.decode import ImportRefused
from reader.text.split import ArticleDraft, clean_title, derive_title, has_chapters, iter_articles

# A heading longer than this is not taken for a chapter's title.
_TITLE_MAX_CHARS = 60
# Headings at the top of a chapter with no title of its own that make its title.
_TITLE_HEADINGS = 2
_TITLES_AT_ONE_PLACE = 3
_SPACES = re.compile(r"[\s\u3000\u00a0·:：.、]+")


@dataclass
class _Chapter:
    """Where an article starts among the paragraphs, and its title from the TOC."""

    title: str
    first: int
    end: int = 0


class _Book:
    """The book's paragraphs, the heading level of each, and its chapters."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.levels: list[int] = []
        self.chapters: list[_Chapter] = []

    def add_file(self, text: BlockText, entries: list[TocEntry]) -> None:
        offset = len(self.paragraphs)
        self.paragraphs.extend(block.text for block in text.blocks)
        self.levels.extend(block.heading for block in text.blocks)
        starts: dict[int, list[str]] = {}
        for entry in entries:
            index = text.anchors.get(unquote(entry.fragment), 0) if entry.fragment else 0
            starts.setdefault(min(index, len(text.blocks)), []).append(entry.title)
        if not starts and text.blocks and (not self.chapters or not self.chapters[-1].title):
            # Not in the TOC, and not after a chapter that is (front matter, or a book
            # with no TOC): an article of its own.
            starts[0] = []
        for index in sorted(starts):
            # Entries at one place (a part and its first chapter) share the article.
            titles = list(dict.fromkeys(starts[index]))[:_TITLES_AT_ONE_PLACE]
            self.chapters.append(_Chapter(clean_title(" ".join(titles)), offset + index))

    def drafts(self) -> list[ArticleDraft]:
        drafts: list[ArticleDraft] = []
        for number, chapter in enumerate(self.chapters):
            chapter.end = (
                self.chapters[number + 1].first
                if number + 1 < len(self.chapters)
                else len(self.paragraphs)
            )
            if chapter.end > chapter.first:
                drafts.extend(self._chapter_drafts(chapter))
        return drafts

    def _chapter_drafts(self, chapter: _Chapter) -> list[ArticleDraft]:
        indexes = range(chapter.first, chapter.end)
        if not chapter.title:
            texts = [self.paragraphs[i] for i in indexes]
            if has_chapters(texts):
                return [_shifted(d, chapter.first) for d in iter_articles(texts, chapters=True)]
        title = chapter.title
        body = [(i, self.paragraphs[i]) for i in indexes]
        headings: list[str] = []
        while body and self.levels[body[0][0]] and len(body[0][1]) <= _TITLE_MAX_CHARS:
            heading = body[0][1]
            if title:
                if _compact(heading) in _compact(title):
                    pass  # the TOC's title, repeated
                elif _compact(title) in _compact(heading):
                    title = clean_title(heading)  # the heading says more
                else:
                    break
            elif len(headings) < _TITLE_HEADINGS:
                headings.append(heading)
            else:
                break
            body.pop(0)
        if headings:
            title = clean_title(" ".join(headings))
        derived = not title
        if derived and body:
            title = derive_title("\n".join(text for _, text in body))
        return article_drafts(title, derived, "", body, chapter.first, chapter.end)


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def _shifted(draft: ArticleDraft, offset: int) -> ArticleDraft:
    return ArticleDraft(
        draft.title,
        draft.title_is_derived,
        draft.byline,
        draft.paragraphs,
        draft.first_paragraph + offset,
        draft.end_paragraph + offset,
        draft.part,
    )


def _read_chapters(archive: EpubArchive, package: Package, checkpoint: Checkpoint) -> _Book:
    entries_by_file: dict[str, list[TocEntry]] = {}
    for entry in package.toc:
        entries_by_file.setdefault(entry.path, []).append(entry)
    book = _Book()
    count = len(package.spine)
    for number, item in enumerate(package.spine):
        checkpoint(number / count, message("Reading chapters"))
        if not item.is_html or item.path == package.nav_path:
            continue
        label = f"{archive.label} ({item.path})"
        if not archive.has(item.path):
            package.warnings.append(
                message(
                    "{file}: the chapter file {chapter} is missing.",
                    file=archive.label,
                    chapter=item.path,
                )
            )
            continue
        data = archive.read(item.path)
        refuse_declared_entities(data, label)
        markup = decode_markup(data, label, must_be_unicode=True)
        package.warnings.extend(markup.warnings)
        text = html_blocks(parse_html(markup.text))
        book.add_file(text, entries_by_file.get(item.path, []))
    checkpoint(1.0, message("Reading chapters"))
    return book


def extract_epub(file: BinaryIO, file_name: str, checkpoint: Checkpoint) -> ExtractedDocument:
    """The chapters of an EPUB (`reader.importing.documents` extractor)."""
    archive = EpubArchive(file, file_name)
    try:
        package = read_package(archive)
        book = _read_chapters(archive, package, checkpoint)
    except ARCHIVE_ERRORS as error:  # a damaged archive found late, by lxml or expat
        raise damaged(file_name, error) from error
    drafts = book.drafts()
    if not drafts:
        raise ImportRefused(message("{file} holds no readable text.", file=file_name))
    return ExtractedDocument(book.paragraphs, drafts, "EPUB", package.warnings)
