"""Annotations kept from deleted articles in a Markdown export: a section (one document)
or a note of its own (a folder), grouped by the article each came from. Written when an
export of the whole library includes orphans (`ExportOptions.kept`). Qt-free.

    ## Kept from deleted articles

    ### from: Title (file.txt)

    > the quote

    - yellow · #tag · created 2024-03-01
    - Comment: …

No "Open in Yuedu" link: there is no article to open.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from reader.export.markdown_escape import blockquote, comment_item, escape_inline
from reader.export.rows import ROW_COLOR, ROW_COMMENT, ROW_CREATED, ROW_QUOTE, ROW_TAGS, Row

if TYPE_CHECKING:
    from reader.export.render import Renderer
    from reader.library.store import Library

KEPT_HEADING = "Kept from deleted articles"
KEPT_FILE_TITLE = "Kept from deleted articles"
_COLUMNS = "id, start, end, quote, color, comment, tags, created_at, orphaned"


def read_kept(library: Library) -> list[tuple[str, str, list[Row]]]:
    """(article title, file name, rows) per deleted article the kept annotations came
    from, in the order of their sources and places."""
    rows = library.conn.execute(
        f"SELECT from_title, from_file, {_COLUMNS} FROM annotations WHERE article_id IS NULL"
        " ORDER BY from_file, from_position, from_title, start, end, id"
    ).fetchall()
    return [
        (title, file_name, [row[2:] for row in group])
        for (title, file_name), group in groupby(rows, key=lambda row: (row[0], row[1]))
    ]


def kept_count(library: Library) -> int:
    return library.conn.execute(
        "SELECT count(*) FROM annotations WHERE article_id IS NULL"
    ).fetchone()[0]


def kept_markdown(library: Library, renderer: Renderer, level: int = 2) -> str:
    """The section (its heading at `level`), or "" when nothing was kept."""
    groups = read_kept(library)
    if not groups:
        return ""
    out = [
        f"{'#' * level} {KEPT_HEADING}\n\nThese annotations were kept when their articles were "
        "deleted; their quotes are as they were highlighted.\n"
    ]
    for title, file_name, rows in groups:
        source = f" ({escape_inline(file_name)})" if file_name else ""
        out.append(f"{'#' * (level + 1)} from: {escape_inline(title)}{source}\n")
        for row in rows:
            chunk = (
                f"{blockquote(row[ROW_QUOTE])}\n\n- {row[ROW_COLOR]}"
                f"{renderer.tag_text(row[ROW_TAGS])} · created {row[ROW_CREATED][:10]}\n"
            )
            comment = row[ROW_COMMENT]
            if comment and not comment.isspace():
                chunk += comment_item(comment)
            out.append(chunk)
    return "\n".join(out)
