"""What an annotation is: a coloured, commented, tagged span of an article's text.

Offsets count code points into `Article.text` (paragraphs joined by "\\n"), like every
other offset Yuedu stores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = "yellow"


@dataclass(frozen=True)
class Origin:
    """Where an annotation kept from a deleted article came from: what lists it as
    "from: <title>" and finds its text again when that source is imported again."""

    source_id: int | None
    file_name: str
    sha256: str
    title: str
    position: int | None  # the article's place in its source


@dataclass(frozen=True)
class Annotation:
    id: str
    article_id: int | None  # None: kept from a deleted article (see `origin`)
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    comment: str
    tags: tuple[str, ...]
    created_at: str
    updated_at: str
    orphaned: bool
    origin: Origin | None = None  # set when `article_id` is None


def normalize_tag(tag: str) -> str:
    """A tag as stored: surrounding spaces and leading '#'s removed; "" means no tag."""
    return tag.strip().lstrip("#").strip()


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as a set: normalised, the first spelling kept of tags equal but for case,
    ordered case-insensitively so that equal sets look equal."""
    if isinstance(tags, str):
        raise TypeError("tags must be a collection of strings, not one string")
    chosen: dict[str, str] = {}
    for tag in tags:
        if not isinstance(tag, str):
            raise TypeError(f"a tag must be a string, not {type(tag).__name__}")
        normalized = normalize_tag(tag)
        if normalized:
            chosen.setdefault(normalized.casefold(), normalized)
    return tuple(chosen[key] for key in sorted(chosen))


def check_color(color: str) -> str:
    if color not in COLORS:
        raise ValueError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")
    return color


def annotation_json(annotation: Annotation) -> dict[str, Any]:
    """The shape `yuedu annotations --json` and `yuedu annotate` print."""
    return {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "start": annotation.start,
        "end": annotation.end,
        "quote": annotation.quote,
        "color": annotation.color,
        "comment": annotation.comment,
        "tags": list(annotation.tags),
        "created_at": annotation.created_at,
        "updated_at": annotation.updated_at,
        "orphaned": annotation.orphaned,
        **({"from": origin_json(annotation.origin)} if annotation.origin is not None else {}),
    }


def origin_json(origin: Origin) -> dict[str, Any]:
    return {
        "source_id": origin.source_id,
        "file_name": origin.file_name,
        "sha256": origin.sha256,
        "title": origin.title,
        "position": origin.position,
    }


# What painting a highlight needs, and no more, read for every highlight of an article each
# time it opens: (id, start, end, colour, has a comment). A plain tuple, as SQLite returns
# it: building 10,000 named tuples would cost more than the query itself.
HighlightSpan = tuple[str, int, int, str, int]
SPAN_ID, SPAN_START, SPAN_END, SPAN_COLOR, SPAN_HAS_COMMENT = range(5)
