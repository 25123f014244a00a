"""Files whose own structure gives their articles: PDF pages, EPUB chapters, web pages.
Qt-free.

A text file is split by reading its lines (`reader.importing.passes`). A PDF knows which
line is a headline by its font size, an EPUB its chapters from its table of contents, a
saved web page its article from its markup: for those an extractor turns the file into an
`ExtractedDocument` — every paragraph of the source, and the articles as spans over them —
and `spool_document` segments and spools it exactly as a text file's articles are, so the
rest of the import (storing, updating, duplicates) cannot tell the two apart.

Extractors are found by what the file's first bytes say it is (`sniffed_extractor`: a PDF, an
EPUB, a web page saved under any name), else by its suffix in `EXTRACTORS` ("module:function"
names, so that no parser is imported before a file of its kind is opened). Each takes the open
binary file, its name and a checkpoint, and raises `ImportRefused` with a reason in words
for a file it cannot read. One whose file has pages (a PDF) also takes `pages=` (a range
of 0-based page indexes) when the import was asked for only some of them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reader.importing.outcomes import CancelCheck, ProgressCallback
from reader.importing.passes import (
    PreparedImport,
    make_checkpoint,
    spool_articles,
    spooled_source,
)
from reader.messages import message
from reader.spool import ImportSpool
from reader.text.decode import ImportRefused
from reader.text.split import ArticleDraft


@dataclass(frozen=True)
class ExtractedDocument:
    """A structured file made into paragraphs and the articles that span them.

    `articles[i].first_paragraph`/`end_paragraph` index `paragraphs`; paragraphs outside
    every article (a page footer kept for the record, a caption) stay in the source's text.
    `format_label` is stored where a text file's encoding goes ("PDF", "EPUB", "HTML")."""

    paragraphs: list[str]
    articles: list[ArticleDraft]
    format_label: str
    warnings: list[str] = field(default_factory=list)


# (file, file name, checkpoint), and `pages=` for a paged format asked for some pages.
Extractor = Callable[..., ExtractedDocument]

PDF = "reader.importing.pdf_extract:extract_pdf"
EPUB = "reader.importing.epub:extract_epub"
WEB_PAGE = "reader.importing.web_page:extract_web_page"
# Suffix (lower case) → "module:function" of its extractor.
EXTRACTORS: dict[str, str] = {
    ".pdf": PDF,
    ".epub": EPUB,
    ".html": WEB_PAGE,
    ".htm": WEB_PAGE,
    ".xhtml": WEB_PAGE,
}

# How many bytes of a file's start `extractor_for` needs to tell its kind.
HEAD_BYTES = 512
_LEADING = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 byte-order mark and blank space before a tag
_HTML_OPENING = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def sniffed_extractor(head: bytes) -> str | None:
    """The extractor a file's first bytes call for, whatever its name: a PDF downloaded as
    `.txt`, an EPUB without its suffix, a web page saved as text. Only signatures that a
    plain text cannot start with by chance count; anything else is left to the suffix."""
    if head.startswith(b"PK\x03\x04"):
        # An EPUB's first entry is the uncompressed file "mimetype" (OCF 3.0, §4.3).
        return EPUB if head[30:58] == b"mimetypeapplication/epub+zip" else None
    start = head.lstrip(_LEADING)
    if start.startswith(b"%PDF-"):
        return PDF
    if _HTML_OPENING.match(start):
        return WEB_PAGE
    return None


# Share of the progress bar extraction takes; segmenting takes the rest.
_EXTRACTING = 0.2


def page_range(text: str) -> range:
    """`"30-37"` (pages 30 to 37, as people count them) or `"5"` → the 0-based range of
    those pages; ValueError with the reason in words for anything else."""
    parts = [part.strip() for part in text.replace("–", "-").split("-")]
    if len(parts) == 1:
        parts.append(parts[0])
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        raise ValueError(
            message(
                "{text} is not a page range: write it as 30-37, or 5 for one page",
                text=repr(text),
            )
        )
    first, last = int(parts[0]), int(parts[1])
    if first < 1 or last < first:
        raise ValueError(
            message(
                "{text} is not a page range: pages count from 1, first to last", text=repr(text)
            )
        )
    return range(first - 1, last)


def describe_pages(pages: range) -> str:
    """The pages of a range as people count them: `pages 30-37`, `page 5`."""
    if len(pages) == 1:
        return f"page {pages.start + 1}"
    return f"pages {pages.start + 1}-{pages.stop}"


# A document's label is stored where a text's encoding goes: its format, and for some pages
# of a PDF which ones. Written by `document_label`, read back (to say it in the reader's
# language) by `read_document_label`; both here, so the two cannot drift apart.
_LABEL = re.compile(r"(PDF|EPUB|HTML)(?:, pages? (\d+)(?:-(\d+))?)?")


def document_label(format_label: str, pages: range | None = None) -> str:
    """`"PDF"`, `"PDF, pages 3-5"`, `"PDF, page 2"`: what is stored for the source."""
    return format_label if pages is None else f"{format_label}, {describe_pages(pages)}"


def read_document_label(stored: str) -> tuple[str, range | None] | None:
    """The format and pages (0-based, None for all) of a stored document label; None when
    `stored` is a text's encoding instead."""
    label = _LABEL.fullmatch(stored)
    if label is None:
        return None
    kind, first, last = label.groups()
    if first is None:
        return kind, None
    return kind, range(int(first) - 1, int(last or first))


def extractor_name(file_name: str, head: bytes = b"") -> str | None:
    """The `"module:function"` of `extractor_for`'s extractor, without importing it (PDF,
    EPUB, WEB_PAGE), or None for text."""
    return sniffed_extractor(head) or EXTRACTORS.get(Path(file_name).suffix.lower())


def extractor_for(file_name: str, head: bytes = b"") -> Extractor | None:
    """The extractor for a file of this name starting with the bytes `head` (at least
    `HEAD_BYTES` of them, when the file has as many), or None for text (decoded and split by
    line). What the bytes say wins over the name."""
    target = extractor_name(file_name, head)
    if target is None:
        return None
    module_name, function_name = target.split(":")
    extractor: Extractor = getattr(importlib.import_module(module_name), function_name)
    return extractor


def check_document(document: ExtractedDocument, file_name: str) -> None:
    """Refuse a document that an extractor made with no text, or with spans that do not
    fit its paragraphs (a bug, caught before anything is stored)."""
    if not any(paragraph.strip() for paragraph in document.paragraphs) or not document.articles:
        raise ImportRefused(message("{file} holds no readable text.", file=file_name))
    count = len(document.paragraphs)
    for draft in document.articles:
        if not 0 <= draft.first_paragraph < draft.end_paragraph <= count:
            raise ImportRefused(
                message(
                    "{file} could not be read: its articles do not fit its text.", file=file_name
                )
            )


def spool_document(
    file: BinaryIO,
    file_name: str,
    extractor: Extractor,
    spool: ImportSpool,
    *,
    sha256: str,
    byte_count: int,
    report: ProgressCallback,
    cancelled: CancelCheck,
    pages: range | None = None,
) -> PreparedImport:
    """Extract `file` (only its pages `pages`, when given) and spool its articles,
    segmented, as `spool_import` does for text."""
    checkpoint = make_checkpoint(file_name, report, cancelled)
    checkpoint(0.0, message("Reading"))

    def extraction_progress(fraction: float, stage: str) -> None:
        checkpoint(_EXTRACTING * min(max(fraction, 0.0), 1.0), stage)

    if pages is None:
        document = extractor(file, file_name, extraction_progress)
    else:
        document = extractor(file, file_name, extraction_progress, pages=pages)
    check_document(document, file_name)
    with spool.writer("raw_text") as raw_records, spool.writer("paragraphs") as records:
        raw_records.write("\n".join(document.paragraphs))
        records.write(document.paragraphs)
    total_chars = sum(len(draft.text) for draft in document.articles)

    def after_extraction(fraction: float, stage: str) -> None:
        checkpoint(_EXTRACTING + (1 - _EXTRACTING) * fraction, stage)

    article_count = spool_articles(spool, document.articles, total_chars, after_extraction)
    checkpoint(1.0, message("Saving"))
    source = spooled_source(spool, file_name, document.format_label, sha256, byte_count)
    return PreparedImport(source, article_count, spool, list(document.warnings))
