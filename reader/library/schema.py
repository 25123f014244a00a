"""The library's schema, as named migrations (sqlite-utils `Migrations`).

Released migrations are never edited: a schema change is a new function appended here.
All pending migrations run in one transaction when a library is opened.

sqlite-utils costs ~120 ms to import, more than a bare window takes to appear, so this
module does not import it: the steps are plain functions, handed to a `Migrations` set
only when `pending_steps` says there is work to do (a new or older library).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "yuedu.library"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' bookkeeping table

MigrationFunction = Callable[["Database"], None]

STEPS: list[tuple[str, MigrationFunction]] = []
KNOWN_MIGRATIONS: list[str] = []


def migration(name: str) -> Callable[[MigrationFunction], MigrationFunction]:
    """Register a migration step under `name`, in order of definition."""

    def register(function: MigrationFunction) -> MigrationFunction:
        STEPS.append((name, function))
        KNOWN_MIGRATIONS.append(name)
        return function

    return register


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    """Names of the steps recorded in the file, in the order they were applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [row[0] for row in rows]


def apply_pending(db: Database) -> None:
    """Apply every pending step through sqlite-utils; the caller holds the transaction."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, function in STEPS:
        migrations(name=name)(function)
    migrations.apply(db)


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


@migration("0002_reading_overrides")
def create_reading_overrides(db: Database) -> None:
    # The reader's own correction of how one occurrence of a word is read. Keyed by the
    # token's code-point span in the article text; `syllables` holds one canonical numbered
    # syllable per character, space-separated ("hang2 ye4"), "-" for a character with none.
    db.execute(
        """
        CREATE TABLE reading_overrides (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            syllables TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (article_id, start, end)
        )
        """
    )


@migration("0003_annotations")
def create_annotations(db: Database) -> None:
    # A reader's highlight: a code-point span [start, end) of the article text together with
    # a text-quote selector (the quote and up to 32 code points either side), so it can be
    # found again when the text changes. Tags are a JSON array in the row itself: listing an
    # article's annotations (the hot path: every article opened) is then one indexed range
    # read with no join, and a change to an annotation is one row written. Library-wide tag
    # queries (the tag list, the tag filter) scan through json_each, which is fast enough at
    # 100,000 annotations for something the reader does by hand.
    # No ON DELETE CASCADE: deleting an article that carries annotations fails (RESTRICT)
    # rather than taking the reader's notes with it.
    db.execute(
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
            start INTEGER NOT NULL CHECK (start >= 0),
            end INTEGER NOT NULL CHECK (end > start),
            quote TEXT NOT NULL CHECK (quote <> ''),
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL
                CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
            comment TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1))
        )
        """
    )
    db.execute("CREATE INDEX annotations_article_start ON annotations(article_id, start, end)")


@migration("0004_annotation_spans_index")
def index_annotation_spans(db: Database) -> None:
    # Opening an article paints its highlights from (id, start, end, colour, has a comment)
    # of its placed (not orphaned) annotations alone. An index holding exactly those, with
    # the equality columns first, answers from the index: 10,000 highlights load in ~10 ms
    # instead of ~35 ms. Listing an article's annotations (orphans too) uses it as well.
    db.execute(
        "CREATE INDEX annotations_spans ON annotations"
        "(article_id, orphaned, start, end, color, id, (comment <> ''))"
    )
    db.execute("DROP INDEX annotations_article_start")


@migration("0005_source_text_in_parts")
def split_source_text_into_parts(db: Database) -> None:
    # A source's decoded text and its paragraphs were one value each. A 200 MB file made
    # each a 200 MB value, which SQLite and Python must hold whole (and in UTF-8 besides)
    # to write or read: the import's memory grew with the file. Stored as ordered parts of
    # bounded size, they stream in and out. The text is the parts' concatenation, the
    # paragraphs the concatenation of the parts' lists.
    db.execute(
        """
        CREATE TABLE source_text (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            part INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (source_id, part)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE source_paragraphs (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            part INTEGER NOT NULL,
            paragraphs_json TEXT NOT NULL,
            PRIMARY KEY (source_id, part)
        )
        """
    )
    db.execute("INSERT INTO source_text SELECT id, 0, raw_text FROM sources")
    db.execute("INSERT INTO source_paragraphs SELECT id, 0, paragraphs_json FROM sources")
    db.execute("ALTER TABLE sources DROP COLUMN raw_text")
    db.execute("ALTER TABLE sources DROP COLUMN paragraphs_json")


@migration("0006_change_log")
def create_change_log(db: Database) -> None:
    # Every write through the door appends what it changed (ids as JSON) in its own
    # transaction, tagged with the writing process's origin, so that a window learns what
    # another process (the command line) changed and refreshes just that. `seq` only grows
    # (the door prunes the oldest rows), and PRAGMA data_version says when to look.
    db.execute(
        """
        CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY,
            op TEXT NOT NULL,
            payload TEXT NOT NULL,
            origin TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """
    )


@migration("0007_word_readings")
def create_word_readings(db: Database) -> None:
    # The reader's reading of a word wherever it occurs ("行长 is always háng zhǎng"): kept
    # by the word's characters, applied in every article and every later import, below a
    # correction of one occurrence (`reading_overrides`) and above the automatic reading.
    # `syllables` is stored as in `reading_overrides`.
    db.execute(
        """
        CREATE TABLE word_readings (
            word TEXT PRIMARY KEY,
            syllables TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@migration("0008_search_index")
def create_search_index(db: Database) -> None:
    # What "find" searches (reader.search). `search_docs` holds, per article, the text as
    # indexed (the FTS table's external content: an entry is removed by giving FTS5 the old
    # text, so the old text must survive the article's own update) and its readings as
    # shown, one code point per character of the text, so that offsets carry over:
    # `toneless` a code for each Han character's syllable without tone (`search_syllables`
    # numbers them), `tones` its tone digit, `initials` its first letter, " " elsewhere.
    # The readings are NULL until a pinyin search first needs them (reader.search.index).
    # The trigram FTS table answers queries of three or more characters with candidate
    # articles (detail=none keeps it small; every hit is confirmed in the text).
    db.execute(
        """
        CREATE TABLE search_docs (
            article_id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            toneless TEXT,
            tones TEXT,
            initials TEXT
        )
        """
    )
    db.execute(
        "CREATE TABLE search_syllables (id INTEGER PRIMARY KEY, syllable TEXT NOT NULL UNIQUE)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_docs',"
        " content_rowid='article_id', detail='none', tokenize='trigram')"
    )
    # Existing libraries: the characters now (SQL alone, ~1.5 s per million characters),
    # the readings when first wanted.
    db.execute("INSERT INTO search_docs (article_id, text) SELECT id, text FROM articles")
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


@migration("0009_vocabulary")
def create_vocabulary(db: Database) -> None:
    # Each word's learning status, by its characters, library-wide. A word set back to
    # "new" keeps its row: its `updated_at` decides which side wins when a backup is merged.
    db.execute(
        """
        CREATE TABLE word_status (
            word TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('new', 'learning1', 'learning2',
                'learning3', 'learning4', 'known', 'ignored')),
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    # The vocabulary a reader keeps: a note, the reading met, and the sentence where the
    # word was met as text plus (article, offsets, 32 code points either side), so that it
    # is found again when the article's text changes, like a highlight. `article_id` is no
    # foreign key: when the article goes (a merge, a delete) the sentence stays, and the
    # door's hook places it in the article that took its text, else leaves it NULL.
    db.execute(
        """
        CREATE TABLE vocabulary (
            word TEXT PRIMARY KEY,
            note TEXT NOT NULL DEFAULT '',
            pinyin TEXT NOT NULL DEFAULT '',
            sentence TEXT NOT NULL DEFAULT '',
            article_id INTEGER,
            start INTEGER,
            "end" INTEGER,
            word_start INTEGER,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            article_title TEXT NOT NULL DEFAULT '',
            met_at TEXT,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX vocabulary_article ON vocabulary(article_id)")
    # Each article's words and how often each occurs (derived from its text and tokens,
    # kept by the door's before-commit hook), and its running totals: the article list's
    # "92 % known · 37 new" is read from `article_word_stats` alone, and marking a word
    # moves the totals of just the articles that hold it (the index by word).
    db.execute(
        """
        CREATE TABLE article_words (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            word TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (article_id, word)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_words_word ON article_words(word, article_id, count)")
    db.execute(
        """
        CREATE TABLE article_word_stats (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            running INTEGER NOT NULL,
            known_running INTEGER NOT NULL,
            ignored_running INTEGER NOT NULL,
            new_words INTEGER NOT NULL,
            fingerprint TEXT NOT NULL
        )
        """
    )
    from reader.learning.counts import count_existing_articles

    count_existing_articles(db.conn)


@migration("0010_annotations_outlive_articles")
def let_annotations_outlive_articles(db: Database) -> None:
    # Deleting an article may keep its annotations as orphans: `article_id` becomes
    # nullable and each remembers where it came from (`from_*`). A table rebuild by
    # SQLite's 12-step procedure, in `reader.library.annotations_rebuild`.
    from reader.library.annotations_rebuild import rebuild_annotations_for_0010

    rebuild_annotations_for_0010(db.conn)


@migration("0011_search_folded_script")
def add_search_folded_script(db: Database) -> None:
    from reader.library.search_migrations import add_search_folded_script as step

    step(db)


@migration("0012_search_index_over_articles")
def index_articles_text_in_place(db: Database) -> None:
    from reader.library.search_migrations import index_articles_text_in_place as step

    step(db)
