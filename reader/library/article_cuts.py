"""Cutting one article's body in two and joining two bodies into one, with everything that
sits on the text: tokens, highlights and comments, reading corrections. Qt-free; the
building blocks of `reader.library.article_edits` (split, merge and their undos), run
inside one of its writes.

A cut keeps `text[:cut_a]` in the article and moves `text[cut_b:]` to another; what lies
between (the "\\n" between two paragraphs, or a headline line that became the new
article's title) is dropped and handed back by the join that undoes it, with its tokens.
What sits on the text moves with it, its offsets shifted, so the quote under each
highlight is the same passage before and after.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.library import writes
from reader.library.change import ChangeBuilder
from reader.library.records import SEGMENTER_ID, NewArticle, pack_token_ends, unpack_token_ends
from reader.messages import message

# Prefix and suffix of an annotation's text-quote selector (as `annotations.anchoring`).
CONTEXT_LENGTH = 32
_ID, _ARTICLE, _START, _END, _QUOTE, _PREFIX, _SUFFIX = range(7)
_ORPHANED = 12


class ArticleEditRefused(ValueError):
    """The edit cannot be made as asked (said in words); nothing was changed."""


@dataclass(frozen=True)
class Header:
    """An article's row but its body."""

    id: int
    source_id: int
    position: int
    title: str
    title_is_derived: bool
    byline: str
    paragraphs: tuple[int, int]  # [first, end) of the source's paragraphs


@dataclass(frozen=True)
class Body:
    header: Header
    text: str
    token_ends: list[int]
    segmenter: str


def read_header(conn: sqlite3.Connection, article_id: int) -> Header:
    row = conn.execute(
        "SELECT id, source_id, position, title, title_is_derived, byline, first_paragraph,"
        " end_paragraph FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise ArticleEditRefused(message("There is no article with id {id}.", id=article_id))
    return Header(*row[:4], bool(row[4]), row[5], (row[6], row[7]))


def read_body(conn: sqlite3.Connection, article_id: int) -> Body:
    header = read_header(conn, article_id)
    (text,) = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    tokens = conn.execute(
        "SELECT segmenter, token_ends FROM article_tokens WHERE article_id = ?", [article_id]
    ).fetchone()
    segmenter, ends = (tokens[0], unpack_token_ends(tokens[1])) if tokens else (SEGMENTER_ID, [])
    return Body(header, text, ends, segmenter)


def annotation_rows(conn: sqlite3.Connection, article_id: int) -> list[tuple[Any, ...]]:
    return conn.execute(
        f"SELECT {writes.ANNOTATION_COLUMNS} FROM annotations WHERE article_id = ?"
        " ORDER BY start, end",
        [article_id],
    ).fetchall()


def reading_rows(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, int, str, str]]:
    return conn.execute(
        "SELECT start, end, syllables, updated_at FROM reading_overrides WHERE article_id = ?"
        " ORDER BY start",
        [article_id],
    ).fetchall()


def _placed(row: Sequence[Any], article_id: int, text: str, start: int, end: int) -> list[Any]:
    """The annotation row on `article_id` at [start, end) of `text`, its selector anew."""
    placed = list(row)
    placed[_ARTICLE], placed[_START], placed[_END] = article_id, start, end
    placed[_QUOTE] = text[start:end]
    placed[_PREFIX] = text[max(0, start - CONTEXT_LENGTH) : start]
    placed[_SUFFIX] = text[end : end + CONTEXT_LENGTH]
    return placed


def _shifted(row: Sequence[Any], article_id: int, text: str, shift: int) -> list[Any]:
    """The row moved by `shift` onto `article_id`: a placed annotation gets its selector from
    the text there; an orphan keeps its quote and context (what finds it again)."""
    start, end = row[_START] + shift, row[_END] + shift
    if row[_ORPHANED]:
        moved = list(row)
        moved[_ARTICLE], moved[_START], moved[_END] = article_id, max(0, start), max(1, end)
        return moved
    return _placed(row, article_id, text, start, end)


def _quoted(text: str, limit: int = 24) -> str:
    flat = text.replace("\n", " ")
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"


@dataclass(frozen=True)
class Cut:
    """Where a body is cut: `text[:cut_a]` stays, `text[cut_b:]` goes. `removed_ends`: the
    token ends of what lies between, relative to `cut_a`; `fused`: the cut fell inside a
    token, which a join makes one again."""

    cut_a: int
    cut_b: int
    removed: str
    removed_ends: tuple[int, ...]
    fused: bool


def plan_cut(body: Body, cut_a: int, cut_b: int) -> Cut:
    ends = body.token_ends
    return Cut(
        cut_a,
        cut_b,
        body.text[cut_a:cut_b],
        tuple(end - cut_a for end in ends if cut_a < end <= cut_b),
        cut_a == cut_b and cut_a not in set(ends),
    )


def check_cut(conn: sqlite3.Connection, body: Body, cut: Cut) -> None:
    """Refuse a cut through a highlight or through a word whose reading was corrected: the
    reader's work would be split in two or lose its word."""
    a, b = cut.cut_a, cut.cut_b
    for row in annotation_rows(conn, body.header.id):
        start, end = row[_START], row[_END]
        if row[_ORPHANED] or end <= a or start >= b:
            continue
        if (start < a and end <= b) or (start >= a and end > b):
            continue  # it only reaches into the line break: cut there, it stays whole
        raise ArticleEditRefused(
            message(
                "The split point is inside the highlight {quote}; split before or after it.",
                quote=_quoted(row[_QUOTE]),
            )
        )
    for start, end, _, _ in reading_rows(conn, body.header.id):
        if end > a and start < b:
            raise ArticleEditRefused(
                message(
                    "The split point is inside {quote}, whose reading you corrected; split "
                    "before or after it.",
                    quote=_quoted(body.text[start:end]),
                )
            )


def cut_body(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    body: Body,
    cut: Cut,
    new: Header,
    paragraphs: tuple[int, int],
) -> tuple[int, list[int], list[tuple[Any, ...]]]:
    """Cut `body` at `cut` (checked by `check_cut`): the rest becomes the article `new`
    (its id if free — 0 for any —, at its position, making room), the first part keeps `paragraphs`.
    Returns the new id, the ids moved on to make room, and the annotations clipped at a
    line break (as they were: a join puts them back)."""
    a, b, text = cut.cut_a, cut.cut_b, body.text
    first_text, rest = text[:a], text[b:]
    first_ends = [end for end in body.token_ends if end < a] + [a]
    rest_ends = [end - b for end in body.token_ends if end > b]
    moved = writes.make_room(conn, change, new.source_id, new.position)
    draft = NewArticle(
        new.title, new.title_is_derived, new.byline, rest, *new.paragraphs, rest_ends
    )
    new_id = writes.insert_article_as(
        conn, change, new.id or None, new.source_id, new.position, draft
    )
    writes.write_tokens(conn, change, new_id, body.segmenter, pack_token_ends(rest_ends))
    writes.set_body(conn, change, body.header.id, first_text, paragraphs)
    writes.write_tokens(conn, change, body.header.id, body.segmenter, pack_token_ends(first_ends))
    clipped: list[tuple[Any, ...]] = []
    for row in annotation_rows(conn, body.header.id):
        start, end = row[_START], row[_END]
        if row[_ORPHANED]:
            placed = _shifted(row, new_id, rest, -b) if start >= b else None
        elif start >= a:  # wholly after the cut, or reaching back only into the break
            placed = _placed(row, new_id, rest, max(start, b) - b, end - b)
        else:
            placed = _placed(row, body.header.id, first_text, start, min(end, a))
        if placed is not None and (start < b < end or start < a < end):
            clipped.append(row)
        if placed is not None and list(row) != placed:
            writes.put_annotation(conn, change, placed)
    for start, end, _, _ in reading_rows(conn, body.header.id):
        if start >= b:
            writes.move_reading(
                conn, change, body.header.id, (start, end), new_id, (start - b, end - b)
            )
    return new_id, moved, clipped


def join_bodies(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    first: Body,
    second: Body,
    between: Cut,
    paragraphs: tuple[int, int],
) -> None:
    """Append `second` to `first` with `between.removed` (and its tokens) in the middle;
    everything on `second` moves to `first`, and `second` is deleted."""
    join_at = len(first.text)
    shift = join_at + len(between.removed)
    text = first.text + between.removed + second.text
    ends = list(first.token_ends)
    ends += [join_at + end for end in between.removed_ends]
    ends += [shift + end for end in second.token_ends]
    if between.fused and not between.removed and first.text and second.text:
        ends.remove(join_at)  # the word the cut went through is one again
    writes.set_body(conn, change, first.header.id, text, paragraphs)
    writes.write_tokens(conn, change, first.header.id, first.segmenter, pack_token_ends(ends))
    for row in annotation_rows(conn, first.header.id):
        if not row[_ORPHANED] and row[_END] + CONTEXT_LENGTH >= join_at:  # its suffix grows
            placed = _placed(row, first.header.id, text, row[_START], row[_END])
            if list(row) != placed:
                writes.put_annotation(conn, change, placed)
    for row in annotation_rows(conn, second.header.id):
        writes.put_annotation(conn, change, _shifted(row, first.header.id, text, shift))
    for start, end, _, _ in reading_rows(conn, second.header.id):
        writes.move_reading(
            conn, change, second.header.id, (start, end), first.header.id,
            (start + shift, end + shift),
        )  # fmt: skip
    writes.delete_article(conn, change, second.header.id, second.header.source_id)
    change.source(second.header.source_id)  # its order lost an article
