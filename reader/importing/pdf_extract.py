"""The PDF extractor: a PDF file → `ExtractedDocument`. Qt-free.

The pages are read in a child process (`reader.importing.pdf_process`, which runs
`reader.importing.pdf_worker` on PDFium); here, in the importing process, their runs of
characters become regions and lines (`pdf_layout`), paragraphs with kinds (`pdf_blocks`)
and articles (`pdf_articles`). A PDF with no text at all is a scan and is refused; pages
without text among pages with text are reported as warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reader.importing.documents import ExtractedDocument, document_label
from reader.importing.outcomes import Checkpoint
from reader.importing.pdf_articles import build_articles
from reader.importing.pdf_blocks import furniture_keys, page_blocks
from reader.importing.pdf_layout import Region, body_size, page_regions
from reader.importing.pdf_process import read_pdf_pages
from reader.messages import Message, message
from reader.text.decode import ImportRefused

# Share of the extraction's progress the child's reading takes.
_READING = 0.8


def extract_pdf(
    file: BinaryIO, file_name: str, checkpoint: Checkpoint, *, pages: range | None = None
) -> ExtractedDocument:
    """The articles of the PDF in `file` (of pages `pages`, 0-based; None: all)."""

    def reading(fraction: float, stage: str) -> None:
        checkpoint(_READING * fraction, stage)

    document = read_pdf_pages(file, file_name, pages, reading)
    checkpoint(_READING, message("Finding articles"))
    if not any(page.runs for page in document.pages):
        pictures = any(page.images for page in document.pages)
        raise ImportRefused(_no_text_layer(file_name, pictures=pictures, chosen=pages is not None))
    body = body_size(document.pages)
    laid_out: list[tuple[list[Region], float, float]] = []
    for page in document.pages:
        regions, page_body = page_regions(page, body)
        laid_out.append((regions, page_body, page.height))
    repeated = furniture_keys(laid_out)
    blocks = []
    warnings: list[str] = []
    for page, (regions, page_body, height) in zip(document.pages, laid_out, strict=True):
        if not page.runs:
            warnings.append(
                message(
                    "page {page} of {file} has no text (a picture?)",
                    page=page.index + 1,
                    file=file_name,
                )
            )
        pictures = [box for box in page.boxes if box[4]]
        blocks.extend(page_blocks(regions, page_body, height, repeated, pictures))
    paragraphs, articles = build_articles(blocks, Path(file_name).stem)
    checkpoint(1.0, message("Finding articles"))
    return ExtractedDocument(paragraphs, articles, document_label("PDF", pages), warnings)


def _no_text_layer(file_name: str, *, pictures: bool, chosen: bool) -> Message:
    """A scan (or an empty PDF): whole sentences, so that each translates as one."""
    if pictures and chosen:
        return message(
            "{file}: this PDF has no text layer (its pages are pictures, as a scan's are); "
            "the pages chosen would need OCR (text recognition) first. Nothing was imported.",
            file=file_name,
        )
    if pictures:
        return message(
            "{file}: this PDF has no text layer (its pages are pictures, as a scan's are); "
            "it would need OCR (text recognition) first. Nothing was imported.",
            file=file_name,
        )
    if chosen:
        return message(
            "{file}: this PDF has no text layer; the pages chosen would need OCR (text "
            "recognition) first. Nothing was imported.",
            file=file_name,
        )
    return message(
        "{file}: this PDF has no text layer; it would need OCR (text recognition) first. "
        "Nothing was imported.",
        file=file_name,
    )
