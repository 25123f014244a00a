"""What an export reads of the library: one article and its annotations as raw rows. Qt-free."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library.store import Library

# One annotation as the export reads it: raw columns, no objects (100,000 of them per run).
_ROW_COLUMNS = "id, start, end, quote, color, comment, tags, created_at, orphaned"
(
    ROW_ID,
    ROW_START,
    ROW_END,
    ROW_QUOTE,
    ROW_COLOR,
    ROW_COMMENT,
    ROW_TAGS,
    ROW_CREATED,
    ROW_ORPHANED,
) = range(9)
Row = tuple[Any, ...]


@dataclass(frozen=True)
class ArticleData:
    id: int
    title: str
    byline: str
    text: str
    source_file_name: str
    imported_at: str
    rows: list[Row]  # placed annotations first, each group in text order


def read_article(library: Library, article_id: int, *, orphans: bool) -> ArticleData:
    """The article and its annotations (without the orphaned ones unless `orphans`). KeyError
    for an unknown article."""
    found = library.conn.execute(
        "SELECT a.title, a.byline, a.text, s.file_name, s.imported_at"
        " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if found is None:
        raise KeyError(f"there is no article with id {article_id}")
    placed_only = "" if orphans else " AND orphaned = 0"
    rows = library.conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM annotations WHERE article_id = ?{placed_only}"
        " ORDER BY orphaned, start, end, id",
        [article_id],
    ).fetchall()
    return ArticleData(article_id, *found, rows)


def all_tags(rows: Iterable[Row]) -> list[str]:
    """Every tag of the rows once (case-insensitively), sorted case-insensitively."""
    chosen: dict[str, str] = {}
    for tags_json in {row[ROW_TAGS] for row in rows}:  # few distinct sets: decode each once
        for tag in json.loads(tags_json):
            chosen.setdefault(tag.casefold(), tag)
    return [chosen[key] for key in sorted(chosen)]
