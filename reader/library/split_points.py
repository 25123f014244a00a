"""Where a split goes, what the new article is called, and which of the source's paragraphs
each part spans. Qt-free; used by `reader.library.article_edits`.

A split at a paragraph's start or end drops the line break between the two parts; inside a
paragraph it cuts there (inside a word, the word too). When the part after a paragraph
break opens with a headline-like line (short, no sentence punctuation, more text after
it), that line is the new article's title and leaves the text, as an import does with
headlines — unless a highlight or a corrected reading sits on it, then it stays.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from reader.library.article_cuts import (
    ArticleEditRefused,
    Body,
    annotation_rows,
    reading_rows,
)
from reader.messages import message
from reader.text.split import clean_title, derive_title, is_headline, remove_layout_spaces

_FALLBACK_TITLE_CHARS = 20


@dataclass(frozen=True)
class SplitPoint:
    cut_a: int  # the first part is text[:cut_a]
    cut_b: int  # the rest is text[cut_b:]
    rest_start: int  # where the rest starts, before a headline line was taken out
    headline: str | None  # the headline-like line the rest opens with


def _holds_work(conn: sqlite3.Connection, article_id: int, start: int, end: int) -> bool:
    marks = [(row[2], row[3]) for row in annotation_rows(conn, article_id) if not row[12]]
    marks += [(row[0], row[1]) for row in reading_rows(conn, article_id)]
    return any(mark_start < end and mark_end > start for mark_start, mark_end in marks)


def split_point(
    conn: sqlite3.Connection, body: Body, offset: int, *, keep_headline: bool = False
) -> SplitPoint:
    text, article_id = body.text, body.header.id
    if not 0 < offset < len(text):
        raise ArticleEditRefused(
            message(
                "Offset {offset} is not inside article {id} ({length} characters); split at "
                "an offset from 1 to {last}.",
                offset=offset,
                id=article_id,
                length=len(text),
                last=len(text) - 1,
            )
        )
    if text[offset - 1] == "\n":
        cut_a, cut_b = offset - 1, offset
    elif text[offset] == "\n":
        cut_a, cut_b = offset, offset + 1
    else:
        cut_a = cut_b = offset
    rest_start, headline = cut_b, None
    line_end = text.find("\n", cut_b)
    if cut_a < cut_b and line_end != -1 and is_headline(text[cut_b:line_end]):
        if text[line_end + 1 :].strip():
            headline = clean_title(text[cut_b:line_end])
            if not keep_headline and not _holds_work(conn, article_id, cut_b, line_end + 1):
                cut_b = line_end + 1
    if not text[:cut_a].strip() or not text[cut_b:].strip():
        raise ArticleEditRefused(
            message(
                "A split at offset {offset} would leave an article with no text; split "
                "between two passages.",
                offset=offset,
            )
        )
    return SplitPoint(cut_a, cut_b, rest_start, headline)


def title_for_rest(body: Body, point: SplitPoint) -> tuple[str, bool]:
    """(title, derived) for the part after the split: its headline, else one cut from its
    first sentence (derived)."""
    if point.headline:
        return point.headline, False
    rest = body.text[point.cut_b :]
    ends = [end - point.cut_b for end in body.token_ends if end > point.cut_b]
    title = derive_title(rest, ends) or rest.strip()[:_FALLBACK_TITLE_CHARS]
    return title, True


def _same_paragraph(source: str, body: str) -> bool:
    stripped = source.strip()
    return (
        stripped == body
        or remove_layout_spaces(stripped).strip() == body
        or bool(body)
        and stripped.startswith(body)  # a byline was cut from its end
    )


def _source_indices(conn: sqlite3.Connection, body: Body) -> list[int] | None:
    """The index in the source of each of the body's paragraphs, if they can all be found
    in order in the article's span (headlines and empty lines are the ones skipped)."""
    first, end = body.header.paragraphs
    rows = conn.execute(
        "SELECT paragraphs_json FROM source_paragraphs WHERE source_id = ? ORDER BY part",
        [body.header.source_id],
    )
    spanned: list[tuple[int, str]] = []
    index = 0
    for (paragraphs_json,) in rows:
        for paragraph in json.loads(paragraphs_json):
            if first <= index < end:
                spanned.append((index, paragraph))
            index += 1
        if index >= end:
            break
    wanted = body.text.split("\n")
    found: list[int] = []
    for index, paragraph in spanned:
        if len(found) < len(wanted) and _same_paragraph(paragraph, wanted[len(found)]):
            found.append(index)
    return found if len(found) == len(wanted) else None


def paragraph_spans(
    conn: sqlite3.Connection, body: Body, point: SplitPoint
) -> tuple[tuple[int, int], tuple[int, int]]:
    """[first, end) of the source's paragraphs for the first part and for the rest: the
    rest from the paragraph it starts in (its headline's, if it opens with one), the first
    part up to there (a paragraph cut in two is in both)."""
    first, end = body.header.paragraphs
    at = body.text.count("\n", 0, point.rest_start)  # the body paragraph the rest starts in
    indices = _source_indices(conn, body)
    start = indices[at] if indices else first + at
    start = max(first, min(start, end - 1))
    inside = point.cut_a == point.cut_b
    first_end = max(first + 1, start + (1 if inside else 0))
    return (first, first_end), (start, max(end, start + 1))
