"""Preparing an import: a decoded file made into articles and tokens in an on-disk spool.
Qt-free.

Memory stays bounded whatever the file's size: the file is decoded a piece at a time, the
reflow and the split stream, and what they make waits in the spool (`reader.spool`) rather
than in memory. Two passes: the first decodes the file, keeps its text and paragraphs in
the spool and finds out whether it has chapters; the second reads the paragraphs back,
splits and segments one article at a time. `reader.importer.prepare_file` runs them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reader.importing.outcomes import CancelCheck, Checkpoint, ImportCancelled, ProgressCallback
from reader.library.store import NewArticle, NewSource
from reader.messages import message
from reader.spool import ImportSpool
from reader.text.decode import ImportRefused, decode_stream
from reader.text.long_paragraphs import cut_long_paragraphs
from reader.text.reflow import iter_lines, reflow_lines
from reader.text.segment import segment_ends
from reader.text.split import (
    CHAPTER_HEADINGS_NEEDED,
    ArticleDraft,
    derive_title,
    is_chapter_heading,
    iter_articles,
    part_title,
)

# Share of the progress bar the first pass (reading, decoding, joining lines) takes.
_FIRST_PASS = 0.1


class SpoolValues:
    """The values of one spool file's records (each a 1-tuple): iterable again and again."""

    def __init__(self, spool: ImportSpool, name: str) -> None:
        self._spool, self._name = spool, name

    def __iter__(self) -> Iterator[Any]:
        return (value for (value,) in self._spool.records(self._name))


@dataclass(frozen=True)
class PreparedImport:
    """A file made into articles and tokens, waiting in its spool to be stored. Its
    source's text and paragraphs, and its articles, are read from the spool as they are
    iterated. `discard()` removes the spool (it also goes when this object does)."""

    source: NewSource
    article_count: int
    spool: ImportSpool
    warnings: list[str] = field(default_factory=list)

    def iter_articles(self) -> Iterator[NewArticle]:
        for title, derived, byline, text, first, end, ends in self.spool.records("articles"):
            token_ends = array("I")
            token_ends.frombytes(ends)
            yield NewArticle(title, derived, byline, text, first, end, token_ends)

    @property
    def articles(self) -> list[NewArticle]:
        """All articles in memory at once: for updating a source in place, and tests."""
        return list(self.iter_articles())

    def discard(self) -> None:
        self.spool.discard()


@dataclass(frozen=True)
class _TextPass:
    """What the first pass learnt of the text."""

    encoding: str
    warnings: list[str]
    hard_wrapped: bool
    has_chapters: bool
    total_chars: int  # of the paragraphs


def make_checkpoint(file_name: str, report: ProgressCallback, cancelled: CancelCheck) -> Checkpoint:
    """A checkpoint that reports progress and raises `ImportCancelled` once `cancelled()`."""

    def checkpoint(fraction: float, stage: str) -> None:
        if cancelled():
            raise ImportCancelled(f"Import of {file_name} cancelled; nothing was saved.")
        report(fraction, stage)

    return checkpoint


def spool_import(
    file: BinaryIO,
    file_name: str,
    spool: ImportSpool,
    *,
    sha256: str,
    byte_count: int,
    encoding: str | None,
    report: ProgressCallback,
    cancelled: CancelCheck,
    batch_chars: int,
) -> PreparedImport:
    """Run both passes over `file` into `spool` (paragraphs are written in batches of about
    `batch_chars` characters). Raises `ImportRefused` for a file without readable text and
    `ImportCancelled` once `cancelled()` turns true; discarding the spool is the caller's."""

    checkpoint = make_checkpoint(file_name, report, cancelled)
    checkpoint(0.0, message("Reading"))
    text = _spool_text(file, file_name, spool, byte_count, encoding, checkpoint, batch_chars)
    if not text.total_chars:
        raise ImportRefused(message("{file} holds no readable text.", file=file_name))
    paragraphs = (paragraph for batch in SpoolValues(spool, "paragraphs") for paragraph in batch)
    drafts = iter_articles(
        paragraphs,
        chapters=text.has_chapters,
        hard_wrapped=text.hard_wrapped,
        fallback_title=Path(file_name).stem,
    )
    article_count = spool_articles(spool, drafts, text.total_chars, checkpoint)
    checkpoint(1.0, message("Saving"))
    source = spooled_source(spool, file_name, text.encoding, sha256, byte_count)
    return PreparedImport(source, article_count, spool, text.warnings)


def spooled_source(
    spool: ImportSpool, file_name: str, encoding: str, sha256: str, byte_count: int
) -> NewSource:
    """The source of a spooled import: its text and paragraphs are read back from the
    spool's "raw_text" and "paragraphs" files as they are stored."""
    return NewSource(
        file_name=file_name,
        encoding=encoding,
        sha256=sha256,
        byte_count=byte_count,
        raw_text_parts=SpoolValues(spool, "raw_text"),
        paragraph_parts=SpoolValues(spool, "paragraphs"),
    )


def _spool_text(
    file: BinaryIO,
    file_name: str,
    spool: ImportSpool,
    byte_count: int,
    encoding: str | None,
    checkpoint: Checkpoint,
    batch_chars: int,
) -> _TextPass:
    """First pass: decode the file and reflow it, writing its text and its paragraphs (in
    batches) to the spool's "raw_text" and "paragraphs" files; find out whether it has
    chapters."""
    start = file.tell()
    stream = decode_stream(file, file_name=file_name, encoding=encoding)
    with spool.writer("raw_text") as raw_records, spool.writer("paragraphs") as records:

        def pieces() -> Iterator[str]:
            for piece in stream.pieces:
                raw_records.write(piece)
                read = (file.tell() - start) / max(byte_count, 1)
                checkpoint(_FIRST_PASS * min(read, 1.0), message("Joining lines"))
                yield piece

        layout = reflow_lines(iter_lines(pieces()))
        headings = 0
        total_chars = 0
        batch: list[str] = []
        batch_size = 0
        for paragraph in cut_long_paragraphs(layout.paragraphs):
            batch.append(paragraph)
            batch_size += len(paragraph)
            if headings < CHAPTER_HEADINGS_NEEDED and is_chapter_heading(paragraph):
                headings += 1
            if batch_size >= batch_chars:
                records.write(batch)
                total_chars += batch_size
                batch, batch_size = [], 0
        if batch:
            records.write(batch)
            total_chars += batch_size
    return _TextPass(
        stream.encoding,
        list(stream.warnings),
        layout.hard_wrapped,
        headings >= CHAPTER_HEADINGS_NEEDED,
        total_chars,
    )


def spool_articles(
    spool: ImportSpool, drafts: Iterable[ArticleDraft], total_chars: int, checkpoint: Checkpoint
) -> int:
    """Second pass: segment each article drafted from the paragraphs, one at a time, into
    the spool's "articles" file. Returns the number of articles. Text files and structured
    documents (`reader.importing.documents`) both end here."""
    done_chars = 0
    article_count = 0
    first_title = ""  # of the article whose parts follow
    with spool.writer("articles") as records:
        for draft in drafts:
            checkpoint(_segment_fraction(done_chars, total_chars), message("Segmenting words"))

            def segment_progress(chars_done: int, base: int = done_chars) -> None:
                fraction = _segment_fraction(base + chars_done, total_chars)
                checkpoint(fraction, message("Segmenting words"))

            body = draft.text
            ends = segment_ends(body, progress=segment_progress)
            # A title cut from the first sentence is cut again between words, now known.
            title = (derive_title(body, ends) if draft.title_is_derived else "") or draft.title
            if draft.part == 1:
                first_title = title
            else:
                title = part_title(first_title, draft.part)
            records.write(
                title,
                draft.title_is_derived,
                draft.byline,
                body,
                draft.first_paragraph,
                draft.end_paragraph,
                ends.tobytes(),
            )
            article_count += 1
            done_chars += len(body)
    return article_count


def _segment_fraction(done_chars: int, total_chars: int) -> float:
    return _FIRST_PASS + (1 - _FIRST_PASS) * min(done_chars / total_chars, 1.0)
