"""Updating a source in place with a changed version of its file (same file name, other
content): its articles keep their ids, and annotations and reading corrections are placed
again in the new text. Qt-free; `annotations` is imported only when an update runs."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from reader.importing.outcomes import CancelCheck, ImportOutcome, SourceUpdate
from reader.importing.passes import PreparedImport
from reader.importing.storing import duplicate_outcome, raise_if_cancelled
from reader.library import writes
from reader.library.store import Article, Library, NewArticle, Source
from reader.messages import message

# Articles whose titles differ are still the same article if this much of their text
# (character bigrams, Jaccard) is shared.
SAME_ARTICLE_SIMILARITY = 0.5
# Texts shorter than this are matched by similarity alone, not by one holding the other;
# nor is a text shorter than this part of the other (a merge of up to five chapters).
MIN_HELD_LENGTH = 20
MIN_PART_OF_LENGTH = 0.2


def same_name_source(library: Library, file_name: str) -> Source | None:
    """The most recent source imported from a file of this name, if any."""
    sources = library.sources_named(file_name)
    return sources[0] if sources else None


def bigrams(text: str) -> set[str]:
    """The text's character bigrams (the text itself when it is one character)."""
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def text_similarity(first: str, second: str) -> float:
    """Jaccard similarity of the two texts' character bigrams (0…1): cheap, and blind to
    where the edits are, which is what matching a chapter to its edited self needs."""
    if first == second:
        return 1.0
    a, b = bigrams(first), bigrams(second)
    return len(a & b) / len(a | b)


def _likeness(old: str, new: str, old_grams: set[str], new_grams: set[str]) -> float:
    """How much `new` is a version of `old` (their `bigrams` given): their
    `text_similarity`; or, where the reader merged or split the old article
    (`reader.importing.update_cuts`), how much of one the other holds, when that is nearly
    all of it and the shorter is a fair part of the longer (a long chapter holds half the
    bigrams of almost any short text: a 60-character preface would take a 20,000-character
    chapter's place). One intersection serves all three measures."""
    from reader.importing.update_cuts import HELD

    if old == new:
        return 1.0
    shared = len(old_grams & new_grams)
    similarity = shared / (len(old_grams) + len(new_grams) - shared)
    shorter, longer = sorted((len(old), len(new)))
    if shorter < MIN_HELD_LENGTH or shorter < longer * MIN_PART_OF_LENGTH:
        return similarity
    held = shared / min(len(old_grams), len(new_grams))  # the smaller set's share held
    return max(similarity, held) if held >= HELD else similarity


def match_articles(old: Sequence[Article], new: Sequence[NewArticle]) -> list[int | None]:
    """For each new article, the id of the old article it is a version of, or None.

    Titles are aligned in order first (difflib over the title lists: same title, same
    article; duplicates resolved by order). Within a run whose titles changed, articles
    are paired in order by how alike their texts are (`_likeness`), each text's bigrams
    made once. Nothing is matched twice or out of order."""
    matches: list[int | None] = [None] * len(new)
    matcher = SequenceMatcher(None, [a.title for a in old], [n.title for n in new], autojunk=False)
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        if kind == "equal":
            for offset in range(i2 - i1):
                matches[j1 + offset] = old[i1 + offset].id
        elif kind == "replace":
            old_grams = {i: bigrams(old[i].text) for i in range(i1, i2)}
            next_old = i1
            for j in range(j1, j2):
                new_text, new_grams = new[j].text, bigrams(new[j].text)
                scored = [
                    (_likeness(old[i].text, new_text, old_grams[i], new_grams), i)
                    for i in range(next_old, i2)
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
    replacing: int | None = None,
) -> ImportOutcome:
    """Update source `source_id` in place with a changed version of its file, in one
    transaction: articles matched by `match_articles` keep their ids and get the new text
    and tokens; new ones are added; ones gone from the file are removed, or kept with
    their annotations orphaned when they hold the reader's work. Every annotation is
    re-anchored and every reading correction moved (or dropped). A cancel (see
    `store_import`) rolls it all back. The very file of `source_id` is read again (in
    the encoding the import names); `replacing`, a copy of the file imported as a new
    source (see `reader.importing.targets`), is removed first."""
    from annotations.store import AnnotationStore, ReanchorReport
    from reader.importing.returning import bring_back, place_kept
    from reader.importing.update_cuts import follow_reader_cuts, keep_reader_titles

    duplicate = duplicate_outcome(library, prepared.source.sha256, prepared.source.file_name)
    if duplicate is not None and duplicate.duplicate_of is not None:
        if duplicate.duplicate_of.id not in (source_id, replacing):
            return bring_back(library, prepared, duplicate.duplicate_of.id) or duplicate
    articles = prepared.articles
    annotation_store = AnnotationStore(library)
    with library.session.write(f"Update {prepared.source.file_name}") as change:
        if replacing is not None:
            writes.delete_source(library.conn, change, replacing)
        old_articles = [
            article
            for summary in library.list_articles()
            if summary.source_id == source_id
            and (article := library.get_article(summary.id)) is not None
        ]
        matches = match_articles(old_articles, articles)
        articles, matches = follow_reader_cuts(old_articles, articles, matches)
        keep_reader_titles(old_articles, articles, matches, library.source_paragraphs(source_id))
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
        added = [i for i, old_id in zip(ids, matches, strict=True) if old_id is None]
        notes = place_kept(library, source_id, added)
        raise_if_cancelled(prepared, is_cancelled)
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
    warnings = list(prepared.warnings) + notes
    if replacing is not None:
        warnings.append(
            message(
                "{file}: source {copy}, the copy of it imported as a new source, was removed "
                "(source {source} was updated with it instead).",
                file=prepared.source.file_name,
                copy=replacing,
                source=source_id,
            )
        )
    if keep:
        warnings.append(
            message(
                "{file}: {count} article(s) no longer in the file were kept because they hold "
                "your annotations or reading corrections (annotations are listed as orphaned).",
                file=prepared.source.file_name,
                count=len(keep),
            )
        )
    return ImportOutcome(
        prepared.source.file_name,
        prepared.source.encoding,
        ids + keep,
        warnings,
        update=update,
        change=library.session.last_change,
    )
