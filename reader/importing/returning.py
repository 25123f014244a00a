"""Imports that bring back what the reader deleted but kept annotations of. Qt-free.

Deleting an article may keep its annotations as orphans that remember their source
(`annotations.reattach`). When a file's text comes back, they are placed again:

- a new source (a file imported anew, under its name or not) or a source updated in place:
  in the articles that import added (`place_kept`);
- the very file already in the library (same content hash), which is otherwise a
  duplicate that adds nothing: the articles of it that the library lacks and in which kept
  annotations find their passage are added back to their source, at their place, and the
  annotations placed in them (`bring_back`). Deleted articles nobody kept anything of stay
  deleted.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.outcomes import ImportOutcome
from reader.importing.passes import PreparedImport
from reader.library import writes
from reader.library.store import SEGMENTER_ID, Library, pack_token_ends
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


def bring_back(library: Library, prepared: PreparedImport, source_id: int) -> ImportOutcome | None:
    """The file of `source_id` imported again: add back, in one write, the articles the
    source lacks in which kept annotations find their passage, and place those there.
    None when there is nothing to bring back (the import is a plain duplicate)."""
    if not has_kept(library):
        return None
    from annotations.reattach import Candidate, plan_places, waiting_for
    from reader.importing.updating import match_articles

    conn = library.conn
    name = prepared.source.file_name
    with library.session.write(f"Import {name}") as change:
        kept = waiting_for(library, source_id)
        present = [
            article
            for summary in library.list_articles()
            if summary.source_id == source_id
            and (article := library.get_article(summary.id)) is not None
        ]
        articles = prepared.articles
        # What the library lacks: the file's articles that match none of the source's
        # (by title in order, else by text; as an update in place matches them).
        matches = match_articles(present, articles)
        missing = [
            Candidate(index, article.title, index, article.text)
            for index, (article, match) in enumerate(zip(articles, matches, strict=True))
            if match is None
        ]
        places = plan_places(kept, missing)
        if not places:
            return None
        ids: dict[int, int] = {}
        for index in sorted({key for key, _ in places.values()}):
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
    return ImportOutcome(
        name,
        prepared.source.encoding,
        list(ids.values()),
        [
            message(
                "{file} is already in the library; {articles} deleted article(s) came back "
                "with {annotations} annotation(s) you had kept.",
                file=name,
                articles=len(ids),
                annotations=len(places),
            )
        ],
        change=library.session.last_change,
    )
