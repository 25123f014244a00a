"""The library store: one SQLite file holding sources, articles and their tokens.

Qt-free. The UI reaches it only through `reader.ui.library_service.LibraryService`. The
records it hands out and takes in are in `reader.library.records`, its errors in
`reader.library.errors` (both re-exported here, where callers import them from), its
transaction in `reader.library.transaction`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library import writes
from reader.library.errors import (
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    NewerSchemaError,
    damaged_library_error,
    failed_to_open,
    newer_schema,
    not_a_library,
    read_only_library,
    unusable_library,
)
from reader.library.file_access import connect_library
from reader.library.records import (
    SEGMENTER_ID,
    Article,
    ArticleSummary,
    NewArticle,
    NewSource,
    Source,
    pack_token_ends,
    unpack_token_ends,
)
from reader.library.schema import KNOWN_MIGRATIONS, applied_steps, apply_pending
from reader.library.session import GuardedConnection, LibrarySession
from reader.library.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

# What callers import from here, the records and errors among them.
__all__ = [
    "BUSY_TIMEOUT_MS",
    "SEGMENTER_ID",
    "Article",
    "ArticleSummary",
    "Library",
    "LibraryBusy",
    "LibraryDamaged",
    "LibraryError",
    "NewArticle",
    "NewSource",
    "NewerSchemaError",
    "Source",
    "damaged_library_error",
    "pack_token_ends",
    "unpack_token_ends",
]

# How long a write waits for another program (another Yuedu, a backup tool) to release the
# file before giving up with LibraryBusy. `Library.open(busy_timeout_ms=…)` overrides it.
BUSY_TIMEOUT_MS = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Library:
    """An open library file. Use `Library.open(path)`; close it when done.

    Reads and writes go through the `sqlite3` connection with explicit SQL; `db`, the
    sqlite-utils view of the same connection, is built on first use (migrations, tests,
    scripts), keeping sqlite-utils' import off the start-up path.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self.read_only: str | None = None  # why changes cannot be saved, when they cannot
        self._db: Database | None = None
        # The door: every write below goes through it (see reader.library.session).
        self.session = LibrarySession(self)
        # Per-article word counts follow every write that changes an article's text.
        from reader.learning.counts import keep_word_counts

        self.session.add_before_commit(keep_word_counts)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open_checked(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Library:
        """`open`, after a full start-up check of the file (`PRAGMA quick_check` and
        `foreign_key_check`): a damaged file raises `LibraryDamaged` and is not modified."""
        from reader.library.safety import check_library

        path = Path(path)
        if not path.is_dir():
            check = check_library(path)
            if check.damaged:  # a newer or unreadable file: `open` says so in its words
                raise damaged_library_error(path, check.problems)
        return cls.open(path, busy_timeout_ms=busy_timeout_ms)

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date.

        A file written by a newer Yuedu (`NewerSchemaError`), one that is not a Yuedu library
        (`LibraryError`), or one that SQLite finds damaged or not a database at all
        (`LibraryDamaged`) is refused and not modified. A write waits up to
        `busy_timeout_ms` for a lock held by another program, then raises `LibraryBusy`.
        """
        path = Path(path)
        if path.is_dir():
            raise unusable_library(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise unusable_library(path, error) from error
        conn: sqlite3.Connection | None = None
        try:
            conn, read_only = connect_library(path, busy_timeout_ms / 1000, GuardedConnection)
            library = cls(conn, path)
            library.read_only = read_only
            library._prepare(busy_timeout_ms)
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            if isinstance(error, LibraryBusy):
                raise
            raise failed_to_open(path, error) from error
        except LibraryError:
            if conn is not None:
                conn.close()
            raise
        return library

    @classmethod
    def in_memory(cls) -> Library:
        library = cls(
            sqlite3.connect(":memory:", isolation_level=None, factory=GuardedConnection), None
        )
        library._prepare()
        return library

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def _prepare(self, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        applied = self._refuse_newer_schema()
        pending = set(KNOWN_MIGRATIONS) - set(applied)
        if self.read_only is not None and self.path is not None:
            if pending:  # an older library: read as it is, it would be misread
                raise read_only_library(self.path, self.read_only, doing="update")
            return
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        if pending:
            # One transaction for every pending step: a crash half-way leaves the old
            # schema whole. (sqlite-utils nests each step in a savepoint inside it.)
            with self.session.door(), self.transaction():
                apply_pending(self.db)

    def _refuse_newer_schema(self) -> list[str]:
        tables = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        applied = applied_steps(self.conn)
        if not applied:
            if tables - {"sqlite_sequence", "_sqlite_migrations"}:
                raise not_a_library(self.path)
            return applied
        unknown = set(applied) - set(KNOWN_MIGRATIONS)
        if unknown:
            raise newer_schema(self.path, unknown)
        return applied

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE, so a writer waits for the lock up front rather
        than failing half-way); nested use becomes a savepoint. See
        `reader.library.transaction`."""
        return transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_steps(self) -> list[str]:
        return applied_steps(self.conn)

    # -- sources -------------------------------------------------------------------------
    def source_by_hash(self, sha256: str) -> Source | None:
        row = self.conn.execute(
            "SELECT id, file_name, encoding, sha256, imported_at FROM sources WHERE sha256 = ?",
            [sha256],
        ).fetchone()
        return Source(*row) if row else None

    def source_hashes(self) -> frozenset[str]:
        """The content hashes of every source imported."""
        return frozenset(row[0] for row in self.conn.execute("SELECT sha256 FROM sources"))

    def add_source(self, source: NewSource, articles: Iterable[NewArticle]) -> list[int]:
        """Store a source and its articles in one transaction; returns the article ids.
        Parts and articles are written as they come, so `articles` may be a generator
        reading them from disk."""
        ids: list[int] = []
        with self.session.write(f"Import {source.file_name}") as change:
            source_id = writes.insert_source(self.conn, change, source, _now())
            writes.write_source_parts(
                self.conn, change, source_id, source.raw_text_parts, source.paragraph_parts
            )
            for position, article in enumerate(articles):
                article_id = writes.insert_article(self.conn, change, source_id, position, article)
                writes.write_tokens(
                    self.conn, change, article_id, SEGMENTER_ID, pack_token_ends(article.token_ends)
                )
                ids.append(article_id)
        return ids

    def source_text(self, source_id: int) -> str:
        """The source's decoded text (LF line endings), whole."""
        rows = self.conn.execute(
            "SELECT text FROM source_text WHERE source_id = ? ORDER BY part", [source_id]
        )
        return "".join(row[0] for row in rows)

    def source_paragraphs(self, source_id: int) -> list[str]:
        """The paragraphs the reflow made of the source's text, in order."""
        rows = self.conn.execute(
            "SELECT paragraphs_json FROM source_paragraphs WHERE source_id = ? ORDER BY part",
            [source_id],
        )
        return [paragraph for row in rows for paragraph in json.loads(row[0])]

    # -- articles ------------------------------------------------------------------------
    def article_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self) -> list[ArticleSummary]:
        rows = self.conn.execute(
            "SELECT id, source_id, position, title, byline, char_count, title_is_derived"
            " FROM articles ORDER BY source_id, position"
        ).fetchall()
        return [ArticleSummary(*row[:6], bool(row[6])) for row in rows]

    def get_article(self, article_id: int) -> Article | None:
        row = self.conn.execute(
            "SELECT a.id, a.source_id, a.position, a.title, a.byline, a.text, s.file_name,"
            " a.title_is_derived FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE a.id = ?",
            [article_id],
        ).fetchone()
        return Article(*row[:7], bool(row[7])) if row else None

    def token_ends(self, article_id: int) -> list[int]:
        row = self.conn.execute(
            "SELECT token_ends FROM article_tokens WHERE article_id = ?", [article_id]
        ).fetchone()
        return unpack_token_ends(row[0]) if row else []

    def tokens(self, article_id: int) -> list[tuple[int, int, str]]:
        """(start, end, word) for every token of the article, in order."""
        article = self.get_article(article_id)
        if article is None:
            return []
        spans: list[tuple[int, int, str]] = []
        start = 0
        for end in self.token_ends(article_id):
            spans.append((start, end, article.text[start:end]))
            start = end
        return spans

    # -- reading overrides ---------------------------------------------------------------
    def reading_overrides(self, article_id: int) -> dict[tuple[int, int], tuple[str | None, ...]]:
        """The reader's corrections for an article: (start, end) → one syllable per char."""
        rows = self.conn.execute(
            "SELECT start, end, syllables FROM reading_overrides WHERE article_id = ?",
            [article_id],
        )
        return {
            (start, end): tuple(None if s == "-" else s for s in syllables.split(" "))
            for start, end, syllables in rows
        }

    def set_reading_override(
        self, article_id: int, start: int, end: int, syllables: Sequence[str | None]
    ) -> None:
        """Store how the token at [start, end) is read; one syllable per code point."""
        if end - start != len(syllables) or start < 0:
            raise ValueError("one syllable per character of the token is needed")
        article = self.get_article(article_id)
        if article is None or end > len(article.text):
            raise ValueError(f"no token [{start}, {end}) in article {article_id}")
        encoded = " ".join("-" if s is None else s for s in syllables)
        with self.session.write("Correct reading") as change:
            writes.set_reading(self.conn, change, article_id, (start, end), encoded, _now())

    def clear_reading_override(self, article_id: int, start: int, end: int) -> bool:
        with self.session.write("Use the automatic reading") as change:
            return writes.clear_reading(self.conn, change, article_id, (start, end))

    # -- re-import: a changed version of an imported file -------------------------------
    def sources_named(self, file_name: str) -> list[Source]:
        """Sources imported from a file of this name, the most recent first."""
        rows = self.conn.execute(
            "SELECT id, file_name, encoding, sha256, imported_at FROM sources"
            " WHERE file_name = ? ORDER BY id DESC",
            [file_name],
        ).fetchall()
        return [Source(*row) for row in rows]

    def update_source(
        self,
        source_id: int,
        source: NewSource,
        articles: Sequence[tuple[int | None, NewArticle]],
        *,
        keep_article_ids: Sequence[int] = (),
        remove_article_ids: Sequence[int] = (),
    ) -> list[int]:
        """Replace a source's content in place, in one transaction: each (existing id or
        None, article) is updated under its id or added, in the order given; articles in
        `keep_article_ids` (gone from the file but holding the reader's work) stay, text
        and all, after them; those in `remove_article_ids` are deleted. Returns the ids
        of `articles`, in order. Annotations and reading overrides are the caller's to
        move (in the same transaction)."""
        ids: list[int] = []
        conn = self.conn
        with self.session.write(f"Update {source.file_name}") as change:
            writes.update_source(conn, change, source_id, source, _now())
            writes.write_source_parts(
                conn, change, source_id, source.raw_text_parts, source.paragraph_parts
            )
            # Positions are unique per source: park every article on a negative one first.
            writes.park_positions(conn, change, source_id)
            for position, (existing_id, article) in enumerate(articles):
                if existing_id is None:
                    article_id = writes.insert_article(conn, change, source_id, position, article)
                else:
                    writes.update_article(conn, change, existing_id, source_id, position, article)
                    article_id = existing_id
                packed = pack_token_ends(article.token_ends)
                writes.write_tokens(conn, change, article_id, SEGMENTER_ID, packed)
                ids.append(article_id)
            for position, article_id in enumerate(keep_article_ids, start=len(articles)):
                writes.move_article(conn, change, article_id, source_id, position)
            # Deleted last, after the new articles took ids above theirs: SQLite gives a new
            # row the largest id plus one, so a removed article's id is never handed to
            # another article (a window may still remember it).
            for article_id in remove_article_ids:
                writes.delete_article(conn, change, article_id, source_id)
        return ids

    def move_reading_overrides(
        self, article_id: int, moves: dict[tuple[int, int], tuple[int, int] | None]
    ) -> None:
        """Re-key the article's reading overrides after its text changed: (start, end) →
        new (start, end), or None to drop it. Overrides not named are left as they are."""
        with self.session.write("Move reading corrections") as change:
            rows = self.conn.execute(
                "SELECT start, end, syllables, updated_at FROM reading_overrides"
                " WHERE article_id = ?",
                [article_id],
            ).fetchall()
            moving = [row for row in rows if (row[0], row[1]) in moves]
            for start, end, _, _ in moving:  # all out first, so new keys never collide
                writes.clear_reading(self.conn, change, article_id, (start, end))
            for start, end, syllables, updated_at in moving:
                target = moves[(start, end)]
                if target is not None:
                    writes.set_reading(self.conn, change, article_id, target, syllables, updated_at)
