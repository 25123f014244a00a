"""The reader fixes how an import split the text: rename an article, change its byline,
split it at an offset, merge it with the next one, delete it, and undo or redo each. Qt-free;
the window (through its service) and the command line (`yuedu article …`) both call these.

Each edit is ONE write through the door (`LibrarySession.write`): text, tokens, order,
highlights and reading corrections change together or not at all, and the door's record
names every article touched. Each returns a record of what it did; `undo(record)` and
`redo(record)` replay it, again one write each, keeping the articles' ids (a split redone
makes the same article it made the first time, when that id is still free).

Highlights and reading corrections stay on their text: a split moves those after the cut
to the new article, a merge those of the second article to the first, with shifted
offsets. A split through a highlight or a corrected word is refused (never clipped: that
would change what the reader marked). Deleting an article that holds the reader's work
needs `force`; its undo puts back the article, its tokens, highlights and corrections
exactly, under the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.library import writes
from reader.library.article_cuts import (
    ArticleEditRefused,
    Body,
    Cut,
    Header,
    annotation_rows,
    check_cut,
    cut_body,
    join_bodies,
    plan_cut,
    read_body,
    read_header,
    reading_rows,
)
from reader.library.records import NewArticle, pack_token_ends
from reader.messages import message

if TYPE_CHECKING:
    from reader.library.store import Library

__all__ = [
    "ArticleEditRefused",
    "BylineSet",
    "Deleted",
    "Merged",
    "Renamed",
    "Split",
    "delete",
    "merge",
    "next_article",
    "redo",
    "rename",
    "set_byline",
    "split",
    "split_suggestion",
    "undo",
    "work_on",
]

MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class Renamed:
    article_id: int
    before: tuple[str, bool]  # (title, derived)
    after: tuple[str, bool]


@dataclass(frozen=True)
class BylineSet:
    article_id: int
    before: str
    after: str


@dataclass(frozen=True)
class Split:
    first: Header  # as it was
    new_id: int
    offset: int
    title: str | None  # as asked (None: the headline there, or one derived)
    cut: Cut
    moved: tuple[int, ...]  # articles moved on one place to make room
    clipped: tuple[tuple[Any, ...], ...]  # highlights that reached into the line break


@dataclass(frozen=True)
class Merged:
    first: Header  # both as they were
    second: Header
    join_at: int  # the first's length before
    between: Cut  # what was put between the two texts: a line break, or its headline line


@dataclass(frozen=True)
class Deleted:
    header: Header
    body: Body
    readings: tuple[tuple[int, int, str, str], ...]
    annotations: tuple[tuple[Any, ...], ...]
    kept: bool = False  # the annotations were kept as orphans, not deleted


Edit = Renamed | BylineSet | Split | Merged | Deleted


# -- reading -------------------------------------------------------------------------------
def next_article(library: Library, article_id: int) -> int | None:
    """The article after `article_id` in its source's order, if any."""
    header = read_header(library.conn, article_id)
    row = library.conn.execute(
        "SELECT id FROM articles WHERE source_id = ? AND position > ? ORDER BY position LIMIT 1",
        [header.source_id, header.position],
    ).fetchone()
    return row[0] if row else None


def work_on(library: Library, article_id: int) -> tuple[int, int]:
    """(highlights and comments, corrected readings) the article holds."""
    conn = library.conn
    read_header(conn, article_id)
    return len(annotation_rows(conn, article_id)), len(reading_rows(conn, article_id))


def split_suggestion(library: Library, article_id: int, offset: int) -> tuple[str, bool]:
    """The title a split at `offset` would give the new article and whether it is derived
    (no headline there); ArticleEditRefused if the split cannot be made."""
    body = read_body(library.conn, article_id)
    from reader.library.split_points import split_point, title_for_rest

    point = split_point(library.conn, body, offset)
    check_cut(library.conn, body, plan_cut(body, point.cut_a, point.cut_b))
    return title_for_rest(body, point)


# -- the edits -----------------------------------------------------------------------------
def _clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ArticleEditRefused(message("A title cannot be empty."))
    if len(cleaned) > MAX_TITLE_CHARS:
        raise ArticleEditRefused(
            message("A title has at most {limit} characters.", limit=MAX_TITLE_CHARS)
        )
    return cleaned


def rename(library: Library, article_id: int, title: str) -> Renamed:
    title = _clean_title(title)
    with library.session.write("Rename article") as change:
        header = read_header(library.conn, article_id)
        writes.set_title(library.conn, change, article_id, title, False)
    return Renamed(article_id, (header.title, header.title_is_derived), (title, False))


def set_byline(library: Library, article_id: int, byline: str) -> BylineSet:
    byline = " ".join(byline.split())
    with library.session.write("Edit byline") as change:
        header = read_header(library.conn, article_id)
        writes.set_byline(library.conn, change, article_id, byline)
    return BylineSet(article_id, header.byline, byline)


def split(
    library: Library,
    article_id: int,
    offset: int,
    title: str | None = None,
    *,
    new_id: int | None = None,
) -> Split:
    """Cut the article at code-point `offset`: the text from there becomes a new article
    right after it. At a paragraph's start (or end) the line break between goes; inside a
    word, the word is cut in two. The new title: `title`, else the headline-like line
    there (taken out of the text, unless something of the reader's is on it), else one
    derived from its first sentence."""
    asked = _clean_title(title) if title is not None else None
    conn = library.conn
    with library.session.write("Split article") as change:
        body = read_body(conn, article_id)
        # Where to cut needs the splitter's headline rules (reader.text.split, with its
        # patterns): imported on the first split, not when the window starts.
        from reader.library.split_points import paragraph_spans, split_point, title_for_rest

        point = split_point(conn, body, offset, keep_headline=asked is not None)
        cut = plan_cut(body, point.cut_a, point.cut_b)
        check_cut(conn, body, cut)
        new_title, derived = (asked, False) if asked is not None else title_for_rest(body, point)
        first_span, rest_span = paragraph_spans(conn, body, point)
        header = body.header
        new = Header(
            new_id or 0, header.source_id, header.position + 1, new_title, derived,
            header.byline, rest_span,
        )  # fmt: skip
        made, moved, clipped = cut_body(conn, change, body, cut, new, first_span)
    return Split(header, made, offset, asked, cut, tuple(moved), tuple(clipped))


def merge(library: Library, article_id: int, next_id: int) -> Merged:
    """Append the next article of the same source to `article_id` (its headline a line
    between them), with its highlights and reading corrections; the next article is gone."""
    conn = library.conn
    with library.session.write("Merge articles") as change:
        first = read_body(conn, article_id)
        second = read_body(conn, next_id)
        if next_article(library, article_id) != next_id:
            raise ArticleEditRefused(
                message(
                    "Article {next} is not the one after article {id} in its source; only an "
                    "article and the next one can be merged.",
                    next=next_id,
                    id=article_id,
                )
            )
        between = _between(len(first.text), second.header)
        spans = (
            min(first.header.paragraphs[0], second.header.paragraphs[0]),
            max(first.header.paragraphs[1], second.header.paragraphs[1]),
        )
        join_bodies(conn, change, first, second, between, spans)
        if not first.header.byline and second.header.byline:
            writes.set_byline(conn, change, article_id, second.header.byline)
    return Merged(first.header, second.header, len(first.text), between)


def _between(join_at: int, second: Header) -> Cut:
    """What joins two texts (`joining_line`), as a cut at `join_at`."""
    line, ends = joining_line(second.title, second.title_is_derived)
    return Cut(join_at, join_at + len(line), line, ends, False)


def joining_line(title: str, title_is_derived: bool) -> tuple[str, tuple[int, ...]]:
    """What a merge puts between two texts, with its token ends: a line break; and the
    second's headline as a line of its own, so that merging a wrong split gives back the
    line the split had made a title of (a title derived from the text is in the text
    already)."""
    if title_is_derived or not title.strip():
        return "\n", (1,)
    from reader.text.segment import segment_ends

    line = f"\n{title}\n"
    return line, (1, *(1 + end for end in segment_ends(title)), len(line))


def delete(
    library: Library, article_id: int, *, force: bool = False, keep_annotations: bool = False
) -> Deleted:
    """Delete the article, its tokens and reading corrections, and its highlights — or,
    with `keep_annotations`, keep those as orphans that remember where they came from
    (listed apart, placed again when the text is imported again). One that holds
    highlights or corrections is refused unless `force` (the window asks first); keeping
    the annotations needs no `force` for them."""
    conn = library.conn
    with library.session.write("Delete article") as change:
        body = read_body(conn, article_id)
        annotations = annotation_rows(conn, article_id)
        readings = reading_rows(conn, article_id)
        lost = (not keep_annotations and annotations) or readings
        if lost and not force:
            raise ArticleEditRefused(
                message(
                    "Article {id} holds {highlights} highlight(s) and {readings} corrected "
                    "reading(s); delete it with --force, or keep the highlights with "
                    "--keep-annotations (undo in the window puts it back).",
                    id=article_id,
                    highlights=len(annotations),
                    readings=len(readings),
                )
            )
        ids = [row[0] for row in annotations]
        if keep_annotations:
            writes.detach_annotations(conn, change, article_id, ids, _origin(library, body))
        else:
            for annotation_id in ids:
                writes.delete_annotation(conn, change, annotation_id, article_id)
        if readings:
            change.readings_of(article_id)
        writes.delete_article(conn, change, article_id, body.header.source_id)
        change.source(body.header.source_id)
    return Deleted(
        body.header, body, tuple(readings), tuple(annotations), keep_annotations and bool(ids)
    )


def _origin(library: Library, body: Body) -> tuple[Any, ...]:
    """What an annotation kept from `body`'s article remembers (`writes.ORIGIN_COLUMNS`)."""
    header = body.header
    file_name, sha256 = library.conn.execute(
        "SELECT file_name, sha256 FROM sources WHERE id = ?", [header.source_id]
    ).fetchone()
    return (header.source_id, file_name, sha256, header.title, header.position)


# -- undo and redo -------------------------------------------------------------------------
def _put_back(library: Library, deleted: Deleted) -> None:
    conn, header, body = library.conn, deleted.header, deleted.body
    with library.session.write("Restore article") as change:
        writes.make_room(conn, change, header.source_id, header.position)
        draft = NewArticle(
            header.title, header.title_is_derived, header.byline, body.text,
            *header.paragraphs, body.token_ends,
        )  # fmt: skip
        article_id = writes.insert_article_as(
            conn, change, header.id, header.source_id, header.position, draft
        )
        packed = pack_token_ends(body.token_ends)
        writes.write_tokens(conn, change, article_id, body.segmenter, packed)
        for start, end, syllables, updated_at in deleted.readings:
            writes.set_reading(conn, change, article_id, (start, end), syllables, updated_at)
        for row in deleted.annotations:
            if not deleted.kept:
                writes.put_annotation(conn, change, [row[0], article_id, *row[2:]])
                continue
            # Kept as an orphan: back in place as it was, with whatever colour, comment
            # and tags the reader gave it since (one the reader deleted stays deleted).
            span, selector, orphaned = (row[2], row[3]), (row[4], row[5], row[6]), row[12]
            writes.attach_annotation(
                conn, change, row[0], article_id, span, selector, bool(orphaned)
            )


def _unsplit(library: Library, done: Split) -> None:
    conn = library.conn
    with library.session.write("Undo split") as change:
        first, rest = read_body(conn, done.first.id), read_body(conn, done.new_id)
        join_bodies(conn, change, first, rest, done.cut, done.first.paragraphs)
        writes.move_back(conn, change, done.first.source_id, list(done.moved))
        for row in done.clipped:
            writes.put_annotation(conn, change, row)


def _unmerge(library: Library, done: Merged) -> None:
    conn = library.conn
    with library.session.write("Undo merge") as change:
        body = read_body(conn, done.first.id)
        cut = done.between
        if body.text[cut.cut_a : cut.cut_b] != cut.removed:
            raise ArticleEditRefused(
                message("The merged article's text changed since; cannot undo.")
            )
        check_cut(conn, body, cut)
        cut_body(conn, change, body, cut, done.second, done.first.paragraphs)
        writes.set_byline(conn, change, done.first.id, done.first.byline)


def undo(library: Library, done: Edit) -> None:
    """Put the library back as it was before `done` (one write)."""
    if isinstance(done, Renamed):
        with library.session.write("Undo rename") as change:
            read_header(library.conn, done.article_id)
            writes.set_title(library.conn, change, done.article_id, *done.before)
    elif isinstance(done, BylineSet):
        with library.session.write("Undo byline") as change:
            read_header(library.conn, done.article_id)
            writes.set_byline(library.conn, change, done.article_id, done.before)
    elif isinstance(done, Split):
        _unsplit(library, done)
    elif isinstance(done, Merged):
        _unmerge(library, done)
    else:
        _put_back(library, done)


def redo(library: Library, done: Edit) -> Edit:
    """Make `done` again (one write); returns the new record (a split's is the same)."""
    if isinstance(done, Renamed):
        with library.session.write("Rename article") as change:
            read_header(library.conn, done.article_id)
            writes.set_title(library.conn, change, done.article_id, *done.after)
        return done
    if isinstance(done, BylineSet):
        return set_byline(library, done.article_id, done.after)
    if isinstance(done, Split):
        return split(library, done.first.id, done.offset, done.title, new_id=done.new_id)
    if isinstance(done, Merged):
        return merge(library, done.first.id, done.second.id)
    return delete(library, done.header.id, force=True, keep_annotations=done.kept)
