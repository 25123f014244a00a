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

from reader.importing.documents import ExtractedDocument, describe_pages
from reader.importing.outcomes import Checkpoint
from reader.importing.pdf_articles import build_articles
from reader.importing.pdf_blocks import furniture_keys, page_blocks
from reader.importing.pdf_layout import Region, body_size, page_regions
from reader.importing.pdf_process import read_pdf_pages
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
    checkpoint(_READING, "Finding articles")
    if not any(page.runs for page in document.pages):
        pictures = sum(page.images for page in document.pages)
        what = "it" if pages is None else "the pages chosen"
        raise ImportRefused(
            f"{file_name}: this PDF has no text layer"
            + (" (its pages are pictures, as a scan's are)" if pictures else "")
            + f"; {what} would need OCR (text recognition) first. Nothing was imported."
        )
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
            warnings.append(f"page {page.index + 1} of {file_name} has no text (a picture?)")
        pictures = [box for box in page.boxes if box[4]]
        blocks.extend(page_blocks(regions, page_body, height, repeated, pictures))
    paragraphs, articles = build_articles(blocks, Path(file_name).stem)
    checkpoint(1.0, "Finding articles")
    label = "PDF" if pages is None else f"PDF, {describe_pages(pages)}"
    return ExtractedDocument(paragraphs, articles, label, warnings)
