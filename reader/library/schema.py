"""The library's schema, as named migrations.

Released migrations are never edited: a schema change is a new function appended here.
All pending migrations run in one transaction when a library is opened.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "yuedu.library"

MigrationFunction = Callable[[Database], None]

library_migrations = Migrations(MIGRATION_SET)
KNOWN_MIGRATIONS: list[str] = []


def migration(name: str) -> Callable[[MigrationFunction], MigrationFunction]:
    """Register a migration under `name` and remember the name, so that a library
    holding migrations this version does not know can be recognised as newer."""
    KNOWN_MIGRATIONS.append(name)
    return library_migrations(name=name)


@migration("0001_sources_articles_tokens")
def create_sources_articles_tokens(db: Database) -> None:
    # A source is one imported file, kept whole (decoded, LF line endings) together with
    # the paragraphs the reflow made of it, so that a later split or merge of articles
    # can be recomputed from data rather than from the file on disk.
    db.execute(
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            encoding TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            byte_count INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            paragraphs_json TEXT NOT NULL
        )
        """
    )
    # An article is a run of the source's paragraphs [first_paragraph, end_paragraph).
    # `text` is the article body with paragraphs joined by "\n"; every stored offset
    # (tokens now, annotations later) counts code points into it.
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            title_is_derived INTEGER NOT NULL DEFAULT 0,
            byline TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            char_count INTEGER NOT NULL,
            first_paragraph INTEGER NOT NULL,
            end_paragraph INTEGER NOT NULL,
            UNIQUE (source_id, position)
        )
        """
    )
    # Tokens are stored as one blob per article: the end offsets of consecutive tokens as
    # little-endian uint32. A row per token would make a novel's import several times
    # slower for no query we need.
    db.execute(
        """
        CREATE TABLE article_tokens (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            segmenter TEXT NOT NULL,
            token_ends BLOB NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX articles_source ON articles(source_id, position)")
