"""Which of the library's articles a backup's article is, when its source is already in the
library (matched by sha256). Qt-free.

The same source can be cut differently on both sides: the reader split or merged articles
after the backup, or before it. Adding such an article again would put its text in the
library twice, so an article of the backup that lies inside one of the library's (same
paragraphs, its text within the other's) goes into that one, and one that the library holds
as several articles goes into those, each span into the part that holds it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LibraryArticle:
    id: int
    position: int
    text: str
    first_paragraph: int
    end_paragraph: int

    def shares_paragraphs(self, first: int, end: int) -> bool:
        # An article split inside a paragraph leaves both parts with that paragraph.
        return self.first_paragraph <= max(first, end - 1) and first <= max(
            self.first_paragraph, self.end_paragraph - 1
        )


@dataclass(frozen=True)
class Placement:
    """Where the spans of one backup article go: parts (library article id, start, end) of
    the backup article's text, each held whole by that library article from its own 0."""

    parts: tuple[tuple[int, int, int], ...]

    @classmethod
    def whole(cls, article_id: int, length: int, at: int = 0) -> Placement:
        """The backup article's text (`length` long) is the library article's from its
        offset `at`: every span of it is there, `at` further on."""
        return cls(((article_id, -at, length),))

    def place(self, start: int, end: int) -> tuple[int, int] | None:
        """(library article id, the shift to add to the offsets) of the part holding
        [start, end); None when the span crosses from one part into the next."""
        for article_id, low, high in self.parts:
            if low <= start and end <= high:
                return article_id, -low
        return None

    @property
    def first_article(self) -> int:
        return self.parts[0][0]


def library_articles(conn: sqlite3.Connection, source_id: int) -> list[LibraryArticle]:
    rows = conn.execute(
        "SELECT id, position, text, first_paragraph, end_paragraph FROM articles"
        " WHERE source_id = ? ORDER BY position",
        [source_id],
    ).fetchall()
    return [LibraryArticle(*row) for row in rows]


def match_article(article: dict[str, Any], existing: list[LibraryArticle]) -> Placement | None:
    """Where the backup's `article` is in the library's articles of its source; None: it
    is not there and is to be added."""
    text: str = article["text"]
    for candidate in existing:  # the same place and text first, then the same text
        if candidate.position == article["position"] and candidate.text == text:
            return Placement.whole(candidate.id, len(text))
    for candidate in existing:
        if candidate.text == text:
            return Placement.whole(candidate.id, len(text))
    if not text:
        return None
    sharing = [
        candidate
        for candidate in existing
        if candidate.text
        and candidate.shares_paragraphs(article["first_paragraph"], article["end_paragraph"])
    ]
    for candidate in sharing:  # the library merged what the backup has as parts
        at = candidate.text.find(text)
        if at >= 0:
            return Placement.whole(candidate.id, len(text), at)
    parts: list[tuple[int, int, int]] = []  # the library split what the backup has whole
    cursor = 0
    for candidate in sharing:
        at = text.find(candidate.text, cursor)
        if at >= 0:
            parts.append((candidate.id, at, at + len(candidate.text)))
            cursor = at + len(candidate.text)
    held = "".join(text[low:high] for _, low, high in parts)
    # Only when the parts hold all of the text but the spaces a split drops between them
    return (
        Placement(tuple(parts))
        if parts and "".join(held.split()) == "".join(text.split())
        else None
    )
