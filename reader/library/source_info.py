"""What the library knows of the file an article came from (issue 16 §5, "Source file
info"): its name, encoding, when it was imported, its size, and how many articles it gave.
The library keeps the file's name, never its folder: a re-import asks for the file."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.store import Library
from reader.messages import message


@dataclass(frozen=True)
class SourceDetails:
    source_id: int
    file_name: str
    encoding: str
    imported_at: str  # ISO 8601, as stored
    byte_count: int
    sha256: str
    article_count: int


def source_details(library: Library, article_id: int) -> SourceDetails | None:
    """The source of article `article_id`; None when there is no such article."""
    row = library.conn.execute(
        "SELECT s.id, s.file_name, s.encoding, s.imported_at, s.byte_count, s.sha256,"
        " (SELECT COUNT(*) FROM articles WHERE source_id = s.id)"
        " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return SourceDetails(*row) if row else None


def size_text(byte_count: int) -> str:
    """A file size as people read it: 812 bytes, 18.4 KB, 2.1 MB (units of 1,000)."""
    if byte_count < 1000:
        return message("{count} bytes", count=byte_count)
    if byte_count < 1_000_000:
        return f"{byte_count / 1000:.1f} KB"
    return f"{byte_count / 1_000_000:.1f} MB"
