"""Libraries as older versions of Yuedu wrote them, for migration tests."""

from __future__ import annotations

import json
from pathlib import Path

from reader.importer import prepare_import
from reader.library import Library, schema
from reader.library.store import SEGMENTER_ID, pack_token_ends


def write_version_1_library(path: Path, text_file: Path) -> None:
    """A library at schema step 0001 holding `text_file`, written the way Yuedu then wrote
    it: the source's whole text and paragraphs in its own row."""
    prepared = prepare_import(text_file.read_bytes(), text_file.name)
    saved = list(schema.STEPS), list(schema.KNOWN_MIGRATIONS)
    try:
        del schema.STEPS[1:], schema.KNOWN_MIGRATIONS[1:]
        # Written as that version wrote it: its own SQL, no change log (it had none).
        with Library.open(path) as library, library.session.door(), library.transaction():
            conn = library.conn
            source = prepared.source
            cursor = conn.execute(
                "INSERT INTO sources (file_name, encoding, sha256, byte_count, imported_at,"
                " raw_text, paragraphs_json) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00+00:00',"
                " ?, ?)",
                [
                    source.file_name,
                    source.encoding,
                    source.sha256,
                    source.byte_count,
                    "".join(source.raw_text_parts),
                    json.dumps([p for part in source.paragraph_parts for p in part]),
                ],
            )
            source_id = cursor.lastrowid
            # Articles and tokens are stored as they were then: their tables are unchanged.
            for position, article in enumerate(prepared.iter_articles()):
                cursor = conn.execute(
                    "INSERT INTO articles (position, title, title_is_derived, byline, text,"
                    " char_count, first_paragraph, end_paragraph, source_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [position, article.title, int(article.title_is_derived), article.byline,
                     article.text, len(article.text), article.first_paragraph,
                     article.end_paragraph, source_id],
                )  # fmt: skip
                conn.execute(
                    "INSERT INTO article_tokens (article_id, segmenter, token_ends)"
                    " VALUES (?, ?, ?)",
                    [cursor.lastrowid, SEGMENTER_ID, pack_token_ends(article.token_ends)],
                )
    finally:
        schema.STEPS[:], schema.KNOWN_MIGRATIONS[:] = saved
        prepared.discard()
