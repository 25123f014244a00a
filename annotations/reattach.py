"""Annotations kept from a deleted article find their article again. Qt-free.

When the reader deletes an article but keeps its annotations, each remembers where it
came from (`Annotation.origin`: the source's id, file name and content hash, the
article's title and place). When that text enters the library again — the same file
imported again, a changed version of it updated in place or imported anew — the kept
annotations "waiting" for that source are placed in the articles it brought, with the
ordinary re-anchoring (`annotations.anchoring.reanchor`: the quote at its old offset with
its context, else the best-scoring verbatim or approximate occurrence): an article of the
same title is tried first, then one at the same place, then the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library import writes

if TYPE_CHECKING:
    from annotations.model import Annotation
    from reader.library.store import Library

# Kept annotations waiting for a source: of one of its deleted articles (its id), or of a
# source with its content (a library restored elsewhere) or its file name (a version).
_WAITING = "article_id IS NULL AND (from_source_id = ? OR from_sha256 = ? OR from_file = ?)"


@dataclass(frozen=True)
class Candidate:
    """An article the kept annotations may belong to: `key` names it to the caller (an id,
    or an index into articles not stored yet)."""

    key: int
    title: str
    position: int
    text: str


def waiting_for(library: Library, source_id: int) -> list[Annotation]:
    """The kept annotations waiting for the source (its deleted articles' and, by content
    hash or file name, those of a source like it), oldest first."""
    from annotations.store import AnnotationStore

    row = library.conn.execute(
        "SELECT file_name, sha256 FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    if row is None:
        return []
    file_name, sha256 = row
    store = AnnotationStore(library)
    ids = library.conn.execute(
        f"SELECT id FROM annotations WHERE {_WAITING} ORDER BY created_at, id",
        [source_id, sha256, file_name],
    ).fetchall()
    found = (store.get(annotation_id) for (annotation_id,) in ids)
    return [annotation for annotation in found if annotation is not None]


def settled_hashes(library: Library) -> frozenset[str]:
    """Content hashes of the files whose import again would add nothing: those of the
    sources whose articles still cover all of their file (nothing of it was deleted, so
    nothing can come back; `reader.importing.returning.is_whole`)."""
    from reader.importing.returning import is_whole

    rows = library.conn.execute("SELECT id, sha256 FROM sources").fetchall()
    return frozenset(sha256 for source_id, sha256 in rows if is_whole(library, source_id))


def plan_places(
    kept: Iterable[Annotation], candidates: Sequence[Candidate]
) -> dict[str, tuple[int, tuple[int, int]]]:
    """Where each kept annotation goes: its id → (candidate key, span); those whose
    passage is in none of the candidates are left out (they keep waiting)."""
    from annotations.anchoring import reanchor

    places: dict[str, tuple[int, tuple[int, int]]] = {}
    for annotation in kept:
        origin = annotation.origin
        title = origin.title if origin is not None else None
        position = origin.position if origin is not None else None
        ordered = sorted(
            candidates, key=lambda c: (c.title != title, c.position != position, c.position)
        )
        for candidate in ordered:
            span = reanchor(candidate.text, annotation)
            if span is not None:
                places[annotation.id] = (candidate.key, span)
                break
    return places


def reattach(library: Library, source_id: int, article_ids: Sequence[int]) -> int:
    """Place the kept annotations waiting for `source_id` in the articles `article_ids`
    (new ones of that source), in one write; returns how many were placed."""
    from annotations.anchoring import selector

    conn = library.conn
    with library.session.write("Place kept highlights") as change:
        kept = waiting_for(library, source_id)
        if not kept or not article_ids:
            return 0
        candidates = []
        texts: dict[int, str] = {}
        for article_id in article_ids:
            row = conn.execute(
                "SELECT title, position, text FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row is not None:
                candidates.append(Candidate(article_id, *row))
                texts[article_id] = row[2]
        placed = 0
        for annotation_id, (article_id, span) in plan_places(kept, candidates).items():
            quote = selector(texts[article_id], *span)
            placed += writes.attach_annotation(conn, change, annotation_id, article_id, span, quote)
    return placed
