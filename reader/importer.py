"""Import: a file → decode → reflow → split → segment → one transaction in the library.

Qt-free. `prepare_file` does all the work that takes time and touches no database, so the
GUI can run it in a worker thread and hand the result to the one writer on the main thread;
`store_import` writes it in one transaction. `import_path` does both, for the CLI.

Memory stays bounded whatever the file's size: the file is decoded a piece at a time, the
reflow and the split stream, and what they make waits in an on-disk spool
(`reader.spool`) rather than in memory. Two passes: the first decodes the file, keeps its
text and paragraphs in the spool and finds out whether it has chapters; the second reads
the paragraphs back, splits and segments one article at a time. Storing streams the spool
into the library, one article at a time, in one transaction.

A changed version of a file already imported (same file name, other content) can instead
update that source in place (`same_name_source`, then `store_update`): its articles keep
their ids, and annotations and reading corrections are placed again in the new text.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reader.library.files import LibraryFileRefused, refuse_library_file
from reader.library.store import Article, Library, NewArticle, NewSource, Source
from reader.spool import ImportSpool
from reader.text.decode import PIECE_CHARS, ImportRefused, decode_stream
from reader.text.reflow import iter_lines, reflow_lines
from reader.text.segment import segment_ends
from reader.text.split import (
    CHAPTER_HEADINGS_NEEDED,
    derive_title,
    is_chapter_heading,
    iter_articles,
    part_title,
)

if TYPE_CHECKING:  # the update path imports them when it runs: start-up never needs them
    from annotations.store import ReanchorReport

ProgressCallback = Callable[[float, str], None]
"""Called with the fraction done (0…1) and a short label of the current stage."""

CancelCheck = Callable[[], bool]
"""Returns True once the user asked to cancel."""

MAX_IMPORT_BYTES = 512 * 1024 * 1024
# Share of the progress bar the first pass (reading, decoding, joining lines) takes.
_FIRST_PASS = 0.1


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


class _SpoolValues:
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
class SourceUpdate:
    """What updating a source in place did."""

    source_id: int
    articles_updated: int  # matched to an article already there (same id), text changed
    articles_unchanged: int
    articles_added: list[int]
    # Gone from the file: kept (text and all, their annotations orphaned) when they hold
    # the reader's annotations or reading corrections, else removed.
    articles_kept: list[int]
    articles_removed: int
    annotations: ReanchorReport
    overrides_moved: int
    overrides_dropped: int


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    encoding: str
    article_ids: list[int]
    warnings: list[str]
    duplicate_of: Source | None = None
    update: SourceUpdate | None = None

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
    spool_folder: Path | None = None,
) -> PreparedImport:
    """`prepare_file` for bytes already in memory."""
    return prepare_file(
        io.BytesIO(data),
        file_name,
        sha256=content_hash(data),
        byte_count=len(data),
        encoding=encoding,
        progress=progress,
        is_cancelled=is_cancelled,
        spool_folder=spool_folder,
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
) -> PreparedImport:
    """Turn a seekable binary file (`byte_count` bytes with hash `sha256`) into articles
    with tokens, spooled in a new folder in `spool_folder` (default: the system's
    temporary folder). Raises `ImportRefused` for bad input and `ImportCancelled` when
    `is_cancelled()` turns true; either way the spool is gone."""
    _refuse_too_large(file_name, byte_count)
    try:
        spool = ImportSpool(spool_folder)
    except OSError as error:
        raise _spool_failed(file_name, error) from error
    try:
        return _prepare(
            file,
            file_name,
            spool,
            sha256=sha256,
            byte_count=byte_count,
            encoding=encoding,
            report=progress or _no_progress,
            cancelled=is_cancelled or _never_cancelled,
        )
    except OSError as error:  # a full disk, an I/O error: in the spool or the file
        spool.discard()
        raise _spool_failed(file_name, error) from error
    except BaseException:
        spool.discard()
        raise


def _spool_failed(file_name: str, error: OSError) -> ImportRefused:
    return ImportRefused(
        f"{file_name} could not be imported: {error.strerror or error} (while reading it or "
        "writing the import's temporary files beside the library). Nothing was saved; "
        "try again once there is room."
    )


Checkpoint = Callable[[float, str], None]
"""Reports progress (fraction, stage); raises ImportCancelled once the user cancelled."""


@dataclass(frozen=True)
class _TextPass:
    """What the first pass learnt of the text."""

    encoding: str
    warnings: list[str]
    hard_wrapped: bool
    has_chapters: bool
    total_chars: int  # of the paragraphs


def _prepare(
    file: BinaryIO,
    file_name: str,
    spool: ImportSpool,
    *,
    sha256: str,
    byte_count: int,
    encoding: str | None,
    report: ProgressCallback,
    cancelled: CancelCheck,
) -> PreparedImport:
    def checkpoint(fraction: float, stage: str) -> None:
        if cancelled():
            raise ImportCancelled(f"Import of {file_name} cancelled; nothing was saved.")
        report(fraction, stage)

    checkpoint(0.0, "Reading")
    text = _spool_text(file, file_name, spool, byte_count, encoding, checkpoint)
    if not text.total_chars:
        raise ImportRefused(f"{file_name} holds no readable text.")
    article_count = _spool_articles(file_name, spool, text, checkpoint)
    checkpoint(1.0, "Saving")
    source = NewSource(
        file_name=file_name,
        encoding=text.encoding,
        sha256=sha256,
        byte_count=byte_count,
        raw_text_parts=_SpoolValues(spool, "raw_text"),
        paragraph_parts=_SpoolValues(spool, "paragraphs"),
    )
    return PreparedImport(source, article_count, spool, text.warnings)


def _spool_text(
    file: BinaryIO,
    file_name: str,
    spool: ImportSpool,
    byte_count: int,
    encoding: str | None,
    checkpoint: Checkpoint,
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
                checkpoint(_FIRST_PASS * min(read, 1.0), "Joining lines")
                yield piece

        layout = reflow_lines(iter_lines(pieces()))
        headings = 0
        total_chars = 0
        batch: list[str] = []
        batch_chars = 0
        for paragraph in layout.paragraphs:
            batch.append(paragraph)
            batch_chars += len(paragraph)
            if headings < CHAPTER_HEADINGS_NEEDED and is_chapter_heading(paragraph):
                headings += 1
            if batch_chars >= PIECE_CHARS:
                records.write(batch)
                total_chars += batch_chars
                batch, batch_chars = [], 0
        if batch:
            records.write(batch)
            total_chars += batch_chars
    return _TextPass(
        stream.encoding,
        list(stream.warnings),
        layout.hard_wrapped,
        headings >= CHAPTER_HEADINGS_NEEDED,
        total_chars,
    )


def _spool_articles(
    file_name: str, spool: ImportSpool, text: _TextPass, checkpoint: Checkpoint
) -> int:
    """Second pass: read the paragraphs back, split them into articles and segment each,
    one at a time, into the spool's "articles" file. Returns the number of articles."""
    paragraphs = (paragraph for batch in _SpoolValues(spool, "paragraphs") for paragraph in batch)
    done_chars = 0
    article_count = 0
    first_title = ""  # of the article whose parts follow
    with spool.writer("articles") as records:
        for draft in iter_articles(
            paragraphs,
            chapters=text.has_chapters,
            hard_wrapped=text.hard_wrapped,
            fallback_title=Path(file_name).stem,
        ):
            checkpoint(_segment_fraction(done_chars, text.total_chars), "Segmenting words")

            def segment_progress(chars_done: int, base: int = done_chars) -> None:
                fraction = _segment_fraction(base + chars_done, text.total_chars)
                checkpoint(fraction, "Segmenting words")

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


def store_import(
    library: Library, prepared: PreparedImport, *, is_cancelled: CancelCheck | None = None
) -> ImportOutcome:
    """Write a prepared import in one transaction (or report it as a duplicate). When
    `is_cancelled()` turns true before the transaction commits, it is rolled back and
    `ImportCancelled` raised."""
    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None:
        return duplicate
    articles = _until_cancelled(prepared.iter_articles(), prepared, is_cancelled)
    ids = library.add_source(prepared.source, articles)
    return ImportOutcome(
        prepared.source.file_name, prepared.source.encoding, ids, list(prepared.warnings)
    )


def _raise_if_cancelled(prepared: PreparedImport, is_cancelled: CancelCheck | None) -> None:
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
        _raise_if_cancelled(prepared, is_cancelled)
        yield article
    _raise_if_cancelled(prepared, is_cancelled)


@dataclass(frozen=True)
class ImportFile:
    """A file opened for import: its size and content hash, read once up front."""

    path: Path
    byte_count: int
    sha256: str

    def open(self) -> BinaryIO:
        try:
            return open(self.path, "rb")
        except OSError as error:
            raise _unreadable(self.path, error) from error


def _unreadable(path: Path, error: OSError) -> ImportRefused:
    if isinstance(error, FileNotFoundError):
        return ImportRefused(f"{path}: no such file.")
    if isinstance(error, PermissionError):
        return ImportRefused(f"{path}: permission denied.")
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return ImportRefused(f"{path} is a folder, not a text file.")
    return ImportRefused(f"{path}: cannot be read ({error.strerror or error}).")


def inspect_file(path: Path, *, library_path: Path | None = None) -> ImportFile:
    """Size and SHA-256 of a file to import, read in pieces (a large file is never held
    whole); `ImportRefused` when it cannot be read, or when it is one of the files of the
    library at `library_path` (recognised without opening it: opening and closing it would
    drop this process's SQLite locks on the live library)."""
    try:
        refuse_library_file(path, library_path, "import it as a text")
    except LibraryFileRefused as error:
        raise ImportRefused(str(error)) from None
    if path.is_dir():
        raise ImportRefused(f"{path} is a folder, not a text file.")
    try:
        # A pipe or a device would block the open or never end: only regular files.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ImportRefused(f"{path} is not a regular file.")
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            _refuse_too_large(path.name, status.st_size)
            digest = hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as error:
        raise _unreadable(path, error) from error
    return ImportFile(path, status.st_size, digest)


def _refuse_too_large(file_name: str, byte_count: int) -> None:
    if byte_count > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{file_name} is {byte_count // (1024 * 1024)} MB; Yuedu imports text files up to "
            f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB."
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
            source.path.name,
            sha256=source.sha256,
            byte_count=source.byte_count,
            encoding=encoding,
            progress=progress,
            is_cancelled=is_cancelled,
            spool_folder=spool_folder,
        )


def spool_folder_for(library: Library) -> Path | None:
    """Where imports into `library` spool: beside it (the system's temporary folder may
    be a small RAM disk), or the temporary folder for a library in memory."""
    return library.path.parent if library.path is not None else None


def import_path(
    library: Library,
    path: Path,
    *,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ImportOutcome:
    source = inspect_file(path, library_path=library.path)
    duplicate = duplicate_outcome(library, source.sha256, path.name)
    if duplicate is not None:
        return duplicate
    prepared = prepare_path(
        source,
        encoding=encoding,
        progress=progress,
        is_cancelled=is_cancelled,
        spool_folder=spool_folder_for(library),
    )
    try:
        return store_import(library, prepared)
    finally:
        prepared.discard()


# -- updating a source in place --------------------------------------------------------------
# Articles whose titles differ are still the same article if this much of their text
# (character bigrams, Jaccard) is shared.
SAME_ARTICLE_SIMILARITY = 0.5


def same_name_source(library: Library, file_name: str) -> Source | None:
    """The most recent source imported from a file of this name, if any."""
    sources = library.sources_named(file_name)
    return sources[0] if sources else None


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def text_similarity(first: str, second: str) -> float:
    """Jaccard similarity of the two texts' character bigrams (0…1): cheap, and blind to
    where the edits are, which is what matching a chapter to its edited self needs."""
    if first == second:
        return 1.0
    a, b = _bigrams(first), _bigrams(second)
    return len(a & b) / len(a | b)


def match_articles(old: Sequence[Article], new: Sequence[NewArticle]) -> list[int | None]:
    """For each new article, the id of the old article it is a version of, or None.

    Titles are aligned in order first (difflib over the title lists: same title, same
    article; duplicates resolved by order). Within a run whose titles changed, articles
    are paired in order by text similarity. Nothing is matched twice or out of order."""
    matches: list[int | None] = [None] * len(new)
    matcher = SequenceMatcher(None, [a.title for a in old], [n.title for n in new], autojunk=False)
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        if kind == "equal":
            for offset in range(i2 - i1):
                matches[j1 + offset] = old[i1 + offset].id
        elif kind == "replace":
            next_old = i1
            for j in range(j1, j2):
                scored = [
                    (text_similarity(old[i].text, new[j].text), i) for i in range(next_old, i2)
                ]
                if not scored:
                    break
                best_similarity, best = max(scored)
                if best_similarity >= SAME_ARTICLE_SIMILARITY:
                    matches[j] = old[best].id
                    next_old = best + 1
    return matches


def _token_spans(token_ends: Sequence[int]) -> dict[int, int]:
    spans: dict[int, int] = {}
    start = 0
    for end in token_ends:
        spans[start] = end
        start = end
    return spans


def _override_moves(
    library: Library, article_id: int, old_text: str, new_article: NewArticle
) -> dict[tuple[int, int], tuple[int, int] | None]:
    """Where each reading correction goes: the same word at the place its old offset maps
    to, if that is still a token of its own; otherwise it is dropped (a correction is
    quick to redo, and one on the wrong word would be wrong without anyone seeing it)."""
    from annotations.anchoring import PositionMap

    overrides = library.reading_overrides(article_id)
    if not overrides:
        return {}
    position_map = PositionMap(old_text, new_article.text)
    tokens = _token_spans(new_article.token_ends)
    moves: dict[tuple[int, int], tuple[int, int] | None] = {}
    for start, end in overrides:
        word = old_text[start:end]
        new_start = position_map.map(start).offset
        new_end = new_start + len(word)
        fits = new_article.text[new_start:new_end] == word and tokens.get(new_start) == new_end
        moves[(start, end)] = (new_start, new_end) if fits else None
    return moves


def store_update(
    library: Library,
    prepared: PreparedImport,
    source_id: int,
    *,
    is_cancelled: CancelCheck | None = None,
) -> ImportOutcome:
    """Update source `source_id` in place with a changed version of its file, in one
    transaction: articles matched by `match_articles` keep their ids and get the new text
    and tokens; new ones are added; ones gone from the file are removed, or kept with
    their annotations orphaned when they hold the reader's work. Every annotation is
    re-anchored and every reading correction moved (or dropped). A cancel (see
    `store_import`) rolls it all back."""
    from annotations.store import AnnotationStore, ReanchorReport

    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None:
        return duplicate
    articles = prepared.articles
    annotation_store = AnnotationStore(library)
    with library.session.write(f"Update {prepared.source.file_name}"):
        old_articles = [
            article
            for summary in library.list_articles()
            if summary.source_id == source_id
            and (article := library.get_article(summary.id)) is not None
        ]
        matches = match_articles(old_articles, articles)
        matched = set(matches)
        gone = [a for a in old_articles if a.id not in matched]
        keep = [
            a.id for a in gone if annotation_store.count(a.id) or library.reading_overrides(a.id)
        ]
        remove = [a.id for a in gone if a.id not in keep]
        old_text = {a.id: a.text for a in old_articles}
        # Overrides are planned against the old rows, before the texts change.
        override_moves = {
            old_id: _override_moves(library, old_id, old_text[old_id], article)
            for old_id, article in zip(matches, articles, strict=True)
            if old_id is not None and old_text[old_id] != article.text
        }
        ids = library.update_source(
            source_id,
            prepared.source,
            list(zip(matches, articles, strict=True)),
            keep_article_ids=keep,
            remove_article_ids=remove,
        )
        report = ReanchorReport()
        updated = unchanged = 0
        for old_id, article in zip(matches, articles, strict=True):
            if old_id is None:
                continue
            if old_text[old_id] == article.text:
                unchanged += 1
            else:
                updated += 1
            report += annotation_store.reanchor_article(old_id, old_text[old_id], article.text)
        for article_id, moves in override_moves.items():
            library.move_reading_overrides(article_id, moves)
        for article_id in keep:
            report += annotation_store.orphan_article(article_id)
        _raise_if_cancelled(prepared, is_cancelled)
    all_moves = [target for moves in override_moves.values() for target in moves.values()]
    update = SourceUpdate(
        source_id=source_id,
        articles_updated=updated,
        articles_unchanged=unchanged,
        articles_added=[i for i, old_id in zip(ids, matches, strict=True) if old_id is None],
        articles_kept=keep,
        articles_removed=len(remove),
        annotations=report,
        overrides_moved=sum(1 for target in all_moves if target is not None),
        overrides_dropped=sum(1 for target in all_moves if target is None),
    )
    warnings = list(prepared.warnings)
    if keep:
        warnings.append(
            f"{prepared.source.file_name}: {len(keep)} article(s) no longer in the file were "
            "kept because they hold your annotations or reading corrections (annotations "
            "are listed as orphaned)."
        )
    return ImportOutcome(
        prepared.source.file_name,
        prepared.source.encoding,
        ids + keep,
        warnings,
        update=update,
    )
