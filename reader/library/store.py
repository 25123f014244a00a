"""The library store: one SQLite file holding sources, articles and their tokens.

Qt-free. The UI reaches it only through `reader.ui.library_service.LibraryService`.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.schema import KNOWN_MIGRATIONS, applied_steps, apply_pending

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000


class LibraryError(Exception):
    """A library file that cannot be used; the message is meant for the user."""


class NewerSchemaError(LibraryError):
    """The file was written by a newer Yuedu; it is left untouched."""


@dataclass(frozen=True)
class Source:
    id: int
    file_name: str
    encoding: str
    sha256: str
    imported_at: str


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    source_id: int
    position: int
    title: str
    byline: str
    char_count: int


@dataclass(frozen=True)
class Article:
    id: int
    source_id: int
    position: int
    title: str
    byline: str
    text: str
    source_file_name: str

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []


@dataclass(frozen=True)
class NewArticle:
    """What an import hands to the store for one article."""

    title: str
    title_is_derived: bool
    byline: str
    text: str
    first_paragraph: int
    end_paragraph: int
    token_ends: Sequence[int]


@dataclass(frozen=True)
class NewSource:
    file_name: str
    encoding: str
    sha256: str
    byte_count: int
    raw_text: str
    paragraphs: Sequence[str]


SEGMENTER_ID = "jieba-0.42"


_INSERT_ARTICLE = (
    "INSERT INTO articles (position, title, title_is_derived, byline, text, char_count,"
    " first_paragraph, end_paragraph, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _article_values(position: int, article: NewArticle) -> list[object]:
    """An article's columns in `_INSERT_ARTICLE`'s order, without its source id."""
    return [
        position,
        article.title,
        int(article.title_is_derived),
        article.byline,
        article.text,
        len(article.text),
        article.first_paragraph,
        article.end_paragraph,
    ]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def pack_token_ends(ends: Sequence[int]) -> bytes:
    packed = array("I", ends)
    if packed.itemsize != 4:  # pragma: no cover - every platform we ship on has 4-byte I
        packed = array("L", ends)
    return packed.tobytes()


def unpack_token_ends(blob: bytes) -> list[int]:
    return array("I", blob).tolist()


class Library:
    """An open library file. Use `Library.open(path)`; close it when done.

    Reads and writes go through the `sqlite3` connection with explicit SQL; `db`, the
    sqlite-utils view of the same connection, is built on first use (migrations, tests,
    scripts), keeping sqlite-utils' import off the start-up path.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date.

        A file written by a newer Yuedu, or one that is not a Yuedu library, raises
        `LibraryError` and is not modified.
        """
        path = Path(path)
        if path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"Cannot create the folder for {path} ({error}).") from error
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            library = cls(conn, path)
            library._prepare()
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise LibraryError(f"{path} is not a usable library file ({error}).") from error
        except LibraryError:
            if conn is not None:
                conn.close()
            raise
        return library

    @classmethod
    def in_memory(cls) -> Library:
        library = cls(sqlite3.connect(":memory:", isolation_level=None), None)
        library._prepare()
        return library

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def _prepare(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        applied = self._refuse_newer_schema()
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        if set(KNOWN_MIGRATIONS) - set(applied):
            # One transaction for every pending step: a crash half-way leaves the old
            # schema whole. (sqlite-utils nests each step in a savepoint inside it.)
            with self.transaction():
                apply_pending(self.db)

    def _refuse_newer_schema(self) -> list[str]:
        tables = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        applied = applied_steps(self.conn)
        if not applied:
            if tables - {"sqlite_sequence", "_sqlite_migrations"}:
                raise LibraryError(
                    f"{self.path} is an SQLite file but not a Yuedu library; it was left as is."
                )
            return applied
        unknown = set(applied) - set(KNOWN_MIGRATIONS)
        if unknown:
            raise NewerSchemaError(
                f"{self.path} was written by a newer version of Yuedu "
                f"(it has schema steps {', '.join(sorted(unknown))} that this version does "
                "not know). It was not changed; please update Yuedu to open it."
            )
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE, so a writer waits for the lock up front rather
        than failing half-way); nested use becomes a savepoint."""
        conn = self.conn
        if conn.in_transaction:
            conn.execute("SAVEPOINT nested")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO SAVEPOINT nested")
                conn.execute("RELEASE SAVEPOINT nested")
                raise
            conn.execute("RELEASE SAVEPOINT nested")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

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

    def add_source(self, source: NewSource, articles: Sequence[NewArticle]) -> list[int]:
        """Store a source and its articles in one transaction; returns the article ids."""
        ids: list[int] = []
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO sources (file_name, encoding, sha256, byte_count, imported_at,"
                " raw_text, paragraphs_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    source.file_name,
                    source.encoding,
                    source.sha256,
                    source.byte_count,
                    _now(),
                    source.raw_text,
                    json.dumps(list(source.paragraphs), ensure_ascii=False),
                ],
            )
            source_id = cursor.lastrowid
            for position, article in enumerate(articles):
                cursor = self.conn.execute(
                    _INSERT_ARTICLE, [*_article_values(position, article), source_id]
                )
                article_id = cursor.lastrowid
                assert article_id is not None
                self.conn.execute(
                    "INSERT INTO article_tokens (article_id, segmenter, token_ends)"
                    " VALUES (?, ?, ?)",
                    [article_id, SEGMENTER_ID, pack_token_ends(article.token_ends)],
                )
                ids.append(article_id)
        return ids

    # -- articles ------------------------------------------------------------------------
    def article_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self) -> list[ArticleSummary]:
        rows = self.conn.execute(
            "SELECT id, source_id, position, title, byline, char_count FROM articles"
            " ORDER BY source_id, position"
        ).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def get_article(self, article_id: int) -> Article | None:
        row = self.conn.execute(
            "SELECT a.id, a.source_id, a.position, a.title, a.byline, a.text, s.file_name"
            " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        return Article(*row) if row else None

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
        with self.transaction():
            self.conn.execute(
                "INSERT INTO reading_overrides (article_id, start, end, syllables, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, start, end)"
                " DO UPDATE SET syllables = excluded.syllables, updated_at = excluded.updated_at",
                [article_id, start, end, encoded, _now()],
            )

    def clear_reading_override(self, article_id: int, start: int, end: int) -> bool:
        with self.transaction():
            cursor = self.conn.execute(
                "DELETE FROM reading_overrides WHERE article_id = ? AND start = ? AND end = ?",
                [article_id, start, end],
            )
        return cursor.rowcount > 0

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
        with self.transaction():
            self.conn.execute(
                "UPDATE sources SET encoding = ?, sha256 = ?, byte_count = ?, imported_at = ?,"
                " raw_text = ?, paragraphs_json = ? WHERE id = ?",
                [
                    source.encoding,
                    source.sha256,
                    source.byte_count,
                    _now(),
                    source.raw_text,
                    json.dumps(list(source.paragraphs), ensure_ascii=False),
                    source_id,
                ],
            )
            # Positions are unique per source: park every article on a negative one first.
            self.conn.execute(
                "UPDATE articles SET position = -1 - id WHERE source_id = ?", [source_id]
            )
            for position, (existing_id, article) in enumerate(articles):
                values = _article_values(position, article)
                if existing_id is None:
                    cursor = self.conn.execute(_INSERT_ARTICLE, [*values, source_id])
                    assert cursor.lastrowid is not None
                    article_id = cursor.lastrowid
                else:
                    cursor = self.conn.execute(
                        "UPDATE articles SET position = ?, title = ?, title_is_derived = ?,"
                        " byline = ?, text = ?, char_count = ?, first_paragraph = ?,"
                        " end_paragraph = ? WHERE id = ? AND source_id = ?",
                        [*values, existing_id, source_id],
                    )
                    if cursor.rowcount != 1:
                        raise ValueError(f"article {existing_id} is not in source {source_id}")
                    article_id = existing_id
                self.conn.execute(
                    "INSERT INTO article_tokens (article_id, segmenter, token_ends)"
                    " VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
                    " segmenter = excluded.segmenter, token_ends = excluded.token_ends",
                    [article_id, SEGMENTER_ID, pack_token_ends(article.token_ends)],
                )
                ids.append(article_id)
            for position, article_id in enumerate(keep_article_ids, start=len(articles)):
                self.conn.execute(
                    "UPDATE articles SET position = ? WHERE id = ? AND source_id = ?",
                    [position, article_id, source_id],
                )
            # Deleted last, after the new articles took ids above theirs: SQLite gives a new
            # row the largest id plus one, so a removed article's id is never handed to
            # another article (a window may still remember it).
            for article_id in remove_article_ids:
                self.conn.execute(
                    "DELETE FROM articles WHERE id = ? AND source_id = ?", [article_id, source_id]
                )
        return ids

    def move_reading_overrides(
        self, article_id: int, moves: dict[tuple[int, int], tuple[int, int] | None]
    ) -> None:
        """Re-key the article's reading overrides after its text changed: (start, end) →
        new (start, end), or None to drop it. Overrides not named are left as they are."""
        with self.transaction():
            rows = self.conn.execute(
                "SELECT start, end, syllables, updated_at FROM reading_overrides"
                " WHERE article_id = ?",
                [article_id],
            ).fetchall()
            moving = [row for row in rows if (row[0], row[1]) in moves]
            for start, end, _, _ in moving:  # all out first, so new keys never collide
                self.conn.execute(
                    "DELETE FROM reading_overrides WHERE article_id = ? AND start = ? AND end = ?",
                    [article_id, start, end],
                )
            for start, end, syllables, updated_at in moving:
                target = moves[(start, end)]
                if target is None:
                    continue
                self.conn.execute(
                    "INSERT OR REPLACE INTO reading_overrides"
                    " (article_id, start, end, syllables, updated_at) VALUES (?, ?, ?, ?, ?)",
                    [article_id, *target, syllables, updated_at],
                )
