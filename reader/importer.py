"""Import: file bytes → decode → reflow → split → segment → one transaction in the library.

Qt-free. `prepare_import` does all the work that takes time and touches no database, so the
GUI can run it in a worker thread and hand the result to the one writer on the main thread;
`store_import` writes it in one transaction. `import_path` does both, for the CLI.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.library.store import Library, NewArticle, NewSource, Source
from reader.text.decode import DecodedText, ImportRefused, decode_bytes
from reader.text.reflow import reflow
from reader.text.segment import segment_ends
from reader.text.split import derive_title, split_articles

ProgressCallback = Callable[[float, str], None]
"""Called with the fraction done (0…1) and a short label of the current stage."""

CancelCheck = Callable[[], bool]
"""Returns True once the user asked to cancel."""

MAX_IMPORT_BYTES = 512 * 1024 * 1024


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class PreparedImport:
    source: NewSource
    articles: list[NewArticle]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    encoding: str
    article_ids: list[int]
    warnings: list[str]
    duplicate_of: Source | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


def _no_progress(fraction: float, stage: str) -> None:
    return None


def _never_cancelled() -> bool:
    return False


def prepare_import(
    data: bytes,
    file_name: str,
    *,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> PreparedImport:
    """Turn a file's bytes into articles with tokens. Raises `ImportRefused` for bad input
    and `ImportCancelled` when `is_cancelled()` turns true."""
    report = progress or _no_progress
    cancelled = is_cancelled or _never_cancelled

    def checkpoint(fraction: float, stage: str) -> None:
        if cancelled():
            raise ImportCancelled(f"Import of {file_name} cancelled; nothing was saved.")
        report(fraction, stage)

    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{file_name} is {len(data) // (1024 * 1024)} MB; Yuedu imports text files up to "
            f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB."
        )
    checkpoint(0.0, "Reading")
    decoded: DecodedText = decode_bytes(data, file_name=file_name, encoding=encoding)
    checkpoint(0.05, "Joining lines")
    layout = reflow(decoded.text)
    checkpoint(0.1, "Finding articles")
    drafts = split_articles(
        layout.paragraphs, hard_wrapped=layout.hard_wrapped, fallback_title=Path(file_name).stem
    )
    if not drafts:
        raise ImportRefused(f"{file_name} holds no readable text.")

    total_chars = sum(len(d.text) for d in drafts) or 1
    done_chars = 0
    articles: list[NewArticle] = []
    for draft in drafts:
        checkpoint(0.1 + 0.9 * done_chars / total_chars, "Segmenting words")

        def segment_progress(chars_done: int, base: int = done_chars) -> None:
            checkpoint(0.1 + 0.9 * (base + chars_done) / total_chars, "Segmenting words")

        ends = segment_ends(draft.text, progress=segment_progress)
        # A title cut from the first sentence is cut again between words, now known.
        title = derive_title(draft.text, ends) if draft.title_is_derived else draft.title
        articles.append(
            NewArticle(
                title=title or draft.title,
                title_is_derived=draft.title_is_derived,
                byline=draft.byline,
                text=draft.text,
                first_paragraph=draft.first_paragraph,
                end_paragraph=draft.end_paragraph,
                token_ends=ends,
            )
        )
        done_chars += len(draft.text)
    checkpoint(1.0, "Saving")
    source = NewSource(
        file_name=file_name,
        encoding=decoded.encoding,
        sha256=content_hash(data),
        byte_count=len(data),
        raw_text=decoded.text,
        paragraphs=layout.paragraphs,
    )
    return PreparedImport(source, articles, list(decoded.warnings) + list(layout.warnings))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def duplicate_outcome(library: Library, sha256: str, file_name: str) -> ImportOutcome | None:
    """If a file with this content hash was imported before, the outcome that says so
    (nothing is written); else None."""
    existing = library.source_by_hash(sha256)
    if existing is None:
        return None
    ids = [a.id for a in library.list_articles() if a.source_id == existing.id]
    return ImportOutcome(
        file_name=file_name,
        encoding=existing.encoding,
        article_ids=ids,
        warnings=[
            f"{file_name} is already in the library (imported {existing.imported_at} as "
            f"{existing.file_name}); nothing was added."
        ],
        duplicate_of=existing,
    )


def store_import(library: Library, prepared: PreparedImport) -> ImportOutcome:
    """Write a prepared import in one transaction (or report it as a duplicate)."""
    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None:
        return duplicate
    ids = library.add_source(prepared.source, prepared.articles)
    return ImportOutcome(
        prepared.source.file_name, prepared.source.encoding, ids, list(prepared.warnings)
    )


def read_file_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ImportRefused(f"{path} is a folder, not a text file.")
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportRefused(f"{path}: no such file.") from error
    except PermissionError as error:
        raise ImportRefused(f"{path}: permission denied.") from error
    except OSError as error:
        raise ImportRefused(f"{path}: cannot be read ({error.strerror or error}).") from error


def import_path(
    library: Library,
    path: Path,
    *,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ImportOutcome:
    data = read_file_bytes(path)
    duplicate = duplicate_outcome(library, content_hash(data), path.name)
    if duplicate is not None:
        return duplicate
    prepared = prepare_import(
        data, path.name, encoding=encoding, progress=progress, is_cancelled=is_cancelled
    )
    return store_import(library, prepared)
