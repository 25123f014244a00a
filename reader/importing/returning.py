"""Imports of a file already in the library that bring back what the reader deleted of
it. Qt-free.

Deleting an article may keep its annotations as orphans that remember their source
(`annotations.reattach`). When a file's text comes back, they are placed again:

- a new source (a file imported anew, under its name or not) or a source updated in place:
  in the articles that import added (`place_kept`);
- the very file already in the library (same content hash), which adds nothing while its
  source is whole (`is_whole`): the articles of it that the source lacks (deleted ones, or
  all of them once every article was deleted) are added back to it, at their place, and
  the annotations kept of them placed in them (`bring_back`). The articles still there are
  left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.outcomes import ImportOutcome
from reader.importing.passes import PreparedImport
from reader.library import writes
from reader.library.store import SEGMENTER_ID, Library, NewArticle, pack_token_ends
from reader.messages import message


def has_kept(library: Library) -> bool:
    """Whether any annotation kept from a deleted article waits (one indexed look)."""
    row = library.conn.execute("SELECT 1 FROM annotations WHERE article_id IS NULL LIMIT 1")
    return row.fetchone() is not None


def place_kept(library: Library, source_id: int, article_ids: Sequence[int]) -> list[str]:
    """Place the kept annotations waiting for the source in its new articles (inside the
    caller's write); the note for the import's report, if any were placed."""
    if not article_ids or not has_kept(library):
        return []
    from annotations.reattach import reattach

    placed = reattach(library, source_id, article_ids)
    if not placed:
        return []
    return [f"{placed} kept annotation(s) of a deleted article found their text again."]


def _missing(library: Library, source_id: int, articles: Sequence[NewArticle]) -> list[int]:
    """Indexes of the file's articles that none of the source's articles covers a
    paragraph of (the source is this very file, so their paragraph ranges are the same
    numbering; a split, merged or retitled article still covers its paragraphs)."""
    present = library.conn.execute(
        "SELECT first_paragraph, end_paragraph FROM articles WHERE source_id = ?", [source_id]
    ).fetchall()

    def covered(first: int, end: int) -> bool:
        return any(
            max(first, start) < min(end, stop) or (first == end and start <= first < stop)
            for start, stop in present
        )

    return [i for i, a in enumerate(articles) if not covered(a.first_paragraph, a.end_paragraph)]


def is_whole(library: Library, source_id: int) -> bool:
    """Whether the source's articles still cover every paragraph of its file (nothing of
    it was deleted), told without reading the file again."""
    conn = library.conn
    count = conn.execute(
        "SELECT coalesce(sum(json_array_length(paragraphs_json)), 0) FROM source_paragraphs"
        " WHERE source_id = ?",
        [source_id],
    ).fetchone()[0]
    ranges = conn.execute(
        "SELECT first_paragraph, end_paragraph FROM articles WHERE source_id = ?"
        " ORDER BY first_paragraph",
        [source_id],
    ).fetchall()
    reached = 0
    for first, end in ranges:
        if first > reached:
            return False
        reached = max(reached, end)
    return reached >= count


def bring_back(library: Library, prepared: PreparedImport, source_id: int) -> ImportOutcome | None:
    """The file of `source_id` imported again: add back, in one write, the articles of it
    the source lacks (deleted ones), at their place, and place there the annotations kept
    of them. None when nothing is missing (the import is a plain duplicate)."""
    articles = prepared.articles
    missing = _missing(library, source_id, articles)
    if not missing:
        return None
    from annotations.reattach import Candidate, plan_places, waiting_for

    conn = library.conn
    name = prepared.source.file_name
    with library.session.write(f"Import {name}") as change:
        kept = waiting_for(library, source_id) if has_kept(library) else []
        candidates = [Candidate(i, articles[i].title, i, articles[i].text) for i in missing]
        places = plan_places(kept, candidates)
        ids: dict[int, int] = {}
        for index in missing:
            writes.make_room(conn, change, source_id, index)
            article = articles[index]
            article_id = writes.insert_article(conn, change, source_id, index, article)
            packed = pack_token_ends(article.token_ends)
            writes.write_tokens(conn, change, article_id, SEGMENTER_ID, packed)
            change.source(source_id)
            ids[index] = article_id
        from annotations.anchoring import selector

        for annotation_id, (index, span) in places.items():
            quote = selector(articles[index].text, *span)
            writes.attach_annotation(conn, change, annotation_id, ids[index], span, quote)
    note = message(
        "{file}: {articles} article(s) of it that had been deleted from the library were "
        "imported again.",
        file=name,
        articles=len(ids),
    )
    notes = [note]
    if places:
        notes.append(
            message(
                "{file}: {annotations} annotation(s) you had kept of deleted articles were "
                "placed in them again.",
                file=name,
                annotations=len(places),
            )
        )
    return ImportOutcome(
        name,
        prepared.source.encoding,
        list(ids.values()),
        notes,
        change=library.session.last_change,
    )
