"""Import: file bytes → decode → reflow → split → segment → one transaction in the library.

Qt-free. `prepare_import` does all the work that takes time and touches no database, so the
GUI can run it in a worker thread and hand the result to the one writer on the main thread;
`store_import` writes it in one transaction. `import_path` does both, for the CLI.

A changed version of a file already imported (same file name, other content) can instead
update that source in place (`same_name_source`, then `store_update`): its articles keep
their ids, and annotations and reading corrections are placed again in the new text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.store import Article, Library, NewArticle, NewSource, Source
from reader.text.decode import DecodedText, ImportRefused, decode_bytes
from reader.text.reflow import reflow
from reader.text.segment import segment_ends
from reader.text.split import derive_title, split_articles

if TYPE_CHECKING:  # the update path imports them when it runs: start-up never needs them
    from annotations.store import ReanchorReport

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


def store_update(library: Library, prepared: PreparedImport, source_id: int) -> ImportOutcome:
    """Update source `source_id` in place with a changed version of its file, in one
    transaction: articles matched by `match_articles` keep their ids and get the new text
    and tokens; new ones are added; ones gone from the file are removed, or kept with
    their annotations orphaned when they hold the reader's work. Every annotation is
    re-anchored and every reading correction moved (or dropped)."""
    from annotations.store import AnnotationStore, ReanchorReport

    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None:
        return duplicate
    annotation_store = AnnotationStore(library)
    with library.transaction():
        old_articles = [
            article
            for summary in library.list_articles()
            if summary.source_id == source_id
            and (article := library.get_article(summary.id)) is not None
        ]
        matches = match_articles(old_articles, prepared.articles)
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
            for old_id, article in zip(matches, prepared.articles, strict=True)
            if old_id is not None and old_text[old_id] != article.text
        }
        ids = library.update_source(
            source_id,
            prepared.source,
            list(zip(matches, prepared.articles, strict=True)),
            keep_article_ids=keep,
            remove_article_ids=remove,
        )
        report = ReanchorReport()
        updated = unchanged = 0
        for old_id, article in zip(matches, prepared.articles, strict=True):
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
