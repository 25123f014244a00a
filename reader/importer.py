"""Import: a file → decode → reflow → split → segment → one transaction in the library.

Qt-free. The front of the import pipeline, whose parts are in `reader.importing`: this
module inspects a file (`inspect_file`: its size and hash, refusing the library's own
files and files over `MAX_IMPORT_BYTES`), prepares it (`prepare_file`, `prepare_path`,
`prepare_import`) and holds `import_path`, which does all of it; it re-exports the public
names of the parts, and callers import them from here.

`prepare_file` does all the work that takes time and touches no database (the two passes
of `reader.importing.passes`, into an on-disk spool, so memory stays bounded whatever the
file's size), so the GUI can run it in a worker thread and hand the result to the one
writer; `store_import` (`reader.importing.storing`) writes it in one transaction, streaming
the spool into the library one article at a time. `import_path` does both, for the CLI.

A changed version of a file already imported (same file name, other content) can instead
update that source in place (`plan_import`/`closest_namesake` in `reader.importing.targets`
choose which, then `store_update`, in `reader.importing.updating`): its articles keep their
ids, and annotations and reading corrections are placed again in the new text.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.importing.documents import (
    HEAD_BYTES,
    PDF,
    extractor_for,
    extractor_name,
    spool_document,
)
from reader.importing.file_names import file_name_of, readable_path
from reader.importing.outcomes import (
    CancelCheck,
    Checkpoint,
    ImportCancelled,
    ImportOutcome,
    ProgressCallback,
    SourceUpdate,
)
from reader.importing.passes import PreparedImport, spool_import
from reader.importing.storing import duplicate_outcome, spool_folder_for, store_import
from reader.importing.targets import (
    ImportPlan,
    closest_namesake,
    names_other_encoding,
    plan_import,
    rereading_target,
)
from reader.importing.updating import (
    SAME_ARTICLE_SIMILARITY,
    match_articles,
    same_name_source,
    store_update,
    text_similarity,
)
from reader.library.files import (
    IMPORT_AS_TEXT,
    LibraryFileRefused,
    is_library_file,
    refuse_unreadable_input,
)
from reader.library.store import Library
from reader.messages import message
from reader.spool import ImportSpool
from reader.text.decode import PIECE_CHARS, ImportRefused

__all__ = [
    "MAX_IMPORT_BYTES",
    "SAME_ARTICLE_SIMILARITY",
    "CancelCheck",
    "Checkpoint",
    "ImportCancelled",
    "ImportFile",
    "ImportOutcome",
    "ImportPlan",
    "ImportRefused",
    "PreparedImport",
    "ProgressCallback",
    "SourceUpdate",
    "closest_namesake",
    "content_hash",
    "duplicate_outcome",
    "import_path",
    "inspect_file",
    "match_articles",
    "names_other_encoding",
    "plan_import",
    "prepare_file",
    "prepare_import",
    "prepare_path",
    "rereading_target",
    "same_name_source",
    "selection_hash",
    "spool_folder_for",
    "store_import",
    "store_update",
    "text_similarity",
]

# The largest file imported. It, and the size of the paragraph batches the first pass
# spools (`PIECE_CHARS`, the decoder's piece size), are read from this module at each call.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


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
    spool_folder: Path | None = None,
    pages: range | None = None,
) -> PreparedImport:
    """`prepare_file` for bytes already in memory."""
    return prepare_file(
        io.BytesIO(data),
        file_name,
        sha256=selection_hash(content_hash(data), pages),
        byte_count=len(data),
        encoding=encoding,
        progress=progress,
        is_cancelled=is_cancelled,
        spool_folder=spool_folder,
        pages=pages,
    )


def prepare_file(
    file: BinaryIO,
    file_name: str,
    *,
    sha256: str,
    byte_count: int,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    spool_folder: Path | None = None,
    pages: range | None = None,
) -> PreparedImport:
    """Turn a seekable binary file (`byte_count` bytes with hash `sha256`) into articles
    with tokens — a text file, or a structured one (`reader.importing.documents`) — spooled
    in a new folder in `spool_folder` (default: the system's temporary folder). `pages`
    (0-based page indexes) imports only those pages of a file that has pages (a PDF); the
    caller gives the hash of that selection (`selection_hash`). Raises `ImportRefused` for
    bad input and `ImportCancelled` when `is_cancelled()` turns true; either way the spool
    is gone."""
    _refuse_too_large(file_name, byte_count)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    extractor = extractor_for(file_name, head)
    if pages is not None and extractor is None:
        raise ImportRefused(
            message(
                "{file} has no pages: a page range can be chosen for PDF files only.",
                file=file_name,
            )
        )
    if pages is not None and (pages.start < 0 or pages.step != 1 or not pages):
        raise ImportRefused(
            message("{file}: the page range chosen is empty. Nothing was imported.", file=file_name)
        )
    try:
        spool = ImportSpool(spool_folder)
    except OSError as error:
        raise _spool_failed(file_name, error) from error
    report, cancelled = progress or _no_progress, is_cancelled or _never_cancelled
    try:
        if extractor is not None:
            return spool_document(
                file,
                file_name,
                extractor,
                spool,
                sha256=sha256,
                byte_count=byte_count,
                report=report,
                cancelled=cancelled,
                pages=pages,
            )
        return spool_import(
            file,
            file_name,
            spool,
            sha256=sha256,
            byte_count=byte_count,
            encoding=encoding,
            report=report,
            cancelled=cancelled,
            batch_chars=PIECE_CHARS,
        )
    except OSError as error:  # a full disk, an I/O error: in the spool or the file
        spool.discard()
        raise _spool_failed(file_name, error) from error
    except BaseException:
        spool.discard()
        raise


def _spool_failed(file_name: str, error: OSError) -> ImportRefused:
    return ImportRefused(
        message(
            "{file} could not be imported: {reason} (while reading it or writing the "
            "import's temporary files beside the library). Nothing was saved; try again "
            "once there is room.",
            file=file_name,
            reason=error.strerror or str(error),
        )
    )


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def selection_hash(sha256: str, pages: range | None) -> str:
    """The hash a source made of some pages of a file is stored under: the file's own
    hash for all of it, else one of the hash and the pages, so that other pages of the
    same file are not taken for a duplicate and the same pages again are."""
    if pages is None:
        return sha256
    return content_hash(f"{sha256} pages {pages.start + 1}-{pages.stop}".encode())


@dataclass(frozen=True)
class ImportFile:
    """A file opened for import: its size and content hash, read once up front."""

    path: Path
    byte_count: int
    sha256: str
    pages: range | None = None  # only these pages (0-based) of a PDF; None: all of it

    @property
    def file_name(self) -> str:
        """The name the file is stored and reported under (always valid Unicode)."""
        return file_name_of(self.path)

    @property
    def source_hash(self) -> str:
        """The hash the source is stored (and found as a duplicate) under."""
        return selection_hash(self.sha256, self.pages)

    def open(self) -> BinaryIO:
        try:
            return open(self.path, "rb")
        except OSError as error:
            raise _unreadable(self.path, error) from error


def _unreadable(path: Path, error: OSError) -> ImportRefused:
    if isinstance(error, FileNotFoundError):
        return ImportRefused(message("{path}: no such file.", path=readable_path(path)))
    if isinstance(error, PermissionError):
        return ImportRefused(message("{path}: permission denied.", path=readable_path(path)))
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return ImportRefused(
            message("{path} is a folder, not a text file.", path=readable_path(path))
        )
    return ImportRefused(
        message(
            "{path}: cannot be read ({reason}).",
            path=readable_path(path),
            reason=error.strerror or str(error),
        )
    )


def inspect_file(
    path: Path, *, library_path: Path | None = None, pages: range | None = None
) -> ImportFile:
    """Size and SHA-256 of a file to import, read in pieces (a large file is never held
    whole); `ImportRefused` when it cannot be read, or when it is one of the files of the
    library at `library_path` (recognised without opening it: opening and closing it would
    drop this process's SQLite locks on the live library)."""
    try:
        refuse_unreadable_input(path, library_path, IMPORT_AS_TEXT)
    except LibraryFileRefused as error:
        raise ImportRefused(*error.args) from None  # its words, translatable as they were
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            _refuse_too_large(file_name_of(path), status.st_size)
            digest = hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as error:
        raise _unreadable(path, error) from error
    return ImportFile(path, status.st_size, digest, pages)


def has_pages(path: Path, *, library_path: Path | None = None) -> bool:
    """Whether the file at `path` will be imported as a document with pages (a PDF), told as
    the import tells it: by its first bytes, else by its name. So a PDF saved as `.txt` is
    asked its pages like any other. The library's own files are never opened (see
    `inspect_file`), nor anything but a regular file; those and an unreadable file are
    judged by their name, and the import then says what is wrong with them."""
    head = b""
    if not is_library_file(path, library_path):
        try:
            if stat.S_ISREG(os.stat(path).st_mode):
                with open(path, "rb") as file:
                    head = file.read(HEAD_BYTES)
        except OSError:
            pass
    return extractor_name(path.name, head) == PDF


def _refuse_too_large(file_name: str, byte_count: int) -> None:
    if byte_count > MAX_IMPORT_BYTES:
        raise ImportRefused(
            message(
                "{file} is {size} MB; Yuedu imports text files up to {limit} MB.",
                file=file_name,
                size=byte_count // (1024 * 1024),
                limit=MAX_IMPORT_BYTES // (1024 * 1024),
            )
        )


def prepare_path(
    source: ImportFile,
    *,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    spool_folder: Path | None = None,
) -> PreparedImport:
    """`prepare_file` for a file on disk, inspected by `inspect_file`."""
    with source.open() as file:
        return prepare_file(
            file,
            source.file_name,
            sha256=source.source_hash,
            byte_count=source.byte_count,
            encoding=encoding,
            progress=progress,
            is_cancelled=is_cancelled,
            spool_folder=spool_folder,
            pages=source.pages,
        )


def import_path(
    library: Library,
    path: Path,
    *,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    pages: range | None = None,
) -> ImportOutcome:
    """Import the file at `path` (of a PDF, only its pages `pages`, 0-based, when given).
    The very file of a source again adds nothing, brings back what was deleted of it, or,
    with another `encoding` named than it was read in, reads that source again in place."""
    from reader.importing.returning import is_whole

    source = inspect_file(path, library_path=library.path, pages=pages)
    duplicate = duplicate_outcome(library, source.source_hash, source.file_name)
    existing = duplicate.duplicate_of if duplicate is not None else None
    redecode = existing is not None and names_other_encoding(encoding, existing)
    if duplicate is not None and existing is not None and not redecode:
        if is_whole(library, existing.id):
            return duplicate  # (else it brings back the articles deleted of it)
    prepared = prepare_path(
        source,
        encoding=encoding,
        progress=progress,
        is_cancelled=is_cancelled,
        spool_folder=spool_folder_for(library),
    )
    try:
        if redecode and existing is not None:
            return store_update(library, prepared, existing.id, is_cancelled=is_cancelled)
        return store_import(library, prepared, is_cancelled=is_cancelled)
    finally:
        prepared.discard()
