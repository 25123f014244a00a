"""Storing a prepared import: one transaction in the library, or a report that the file
is there already. Qt-free."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.importing.outcomes import CancelCheck, ImportCancelled, ImportOutcome
from reader.importing.passes import PreparedImport
from reader.library.store import Library, NewArticle
from reader.library.wording import stored_time_in_words
from reader.messages import message


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
            message(
                "{file} is already in the library (imported {when} as {name}); nothing was added.",
                file=file_name,
                when=stored_time_in_words(existing.imported_at),
                name=existing.file_name,
            )
        ],
        duplicate_of=existing,
    )


def store_import(
    library: Library, prepared: PreparedImport, *, is_cancelled: CancelCheck | None = None
) -> ImportOutcome:
    """Write a prepared import in one transaction (or report it as a duplicate). When
    `is_cancelled()` turns true before the transaction commits, it is rolled back and
    `ImportCancelled` raised."""
    from reader.importing.returning import bring_back, place_kept

    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None:
        assert duplicate.duplicate_of is not None
        return bring_back(library, prepared, duplicate.duplicate_of.id) or duplicate
    articles = _until_cancelled(prepared.iter_articles(), prepared, is_cancelled)
    with library.session.write(f"Import {prepared.source.file_name}"):
        ids = library.add_source(prepared.source, articles)
        source = library.source_by_hash(prepared.source.sha256)
        notes = place_kept(library, source.id, ids) if source is not None else []
    return ImportOutcome(
        prepared.source.file_name,
        prepared.source.encoding,
        ids,
        list(prepared.warnings) + notes,
        change=library.session.last_change,
    )


def raise_if_cancelled(prepared: PreparedImport, is_cancelled: CancelCheck | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise ImportCancelled(
            f"Import of {prepared.source.file_name} cancelled; nothing was saved."
        )


def _until_cancelled(
    articles: Iterator[NewArticle], prepared: PreparedImport, is_cancelled: CancelCheck | None
) -> Iterator[NewArticle]:
    """`articles`, checking for a cancel before each and once more after the last (still
    inside the caller's transaction, so that a cancel rolls it all back)."""
    for article in articles:
        raise_if_cancelled(prepared, is_cancelled)
        yield article
    raise_if_cancelled(prepared, is_cancelled)


def spool_folder_for(library: Library) -> Path | None:
    """Where imports into `library` spool: beside it (the system's temporary folder may
    be a small RAM disk), or the temporary folder for a library in memory."""
    return library.path.parent if library.path is not None else None
