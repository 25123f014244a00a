"""The library store: one SQLite file holding sources, articles and their tokens.

Qt-free. The UI reaches it only through `reader.ui.library_service.LibraryService`.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from reader.library.schema import KNOWN_MIGRATIONS, library_migrations

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
    """An open library file. Use `Library.open(path)`; close it when done."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date.

        A file written by a newer Yuedu, or one that is not a Yuedu library, raises
        `LibraryError` and is not modified.
        """
        path = Path(path)
        if path.exists() and path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file.")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
            db = Database(connection)
            library = cls(db, path)
            library._prepare()
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"{path} is not a usable library file ({error}).") from error
        return library

    @classmethod
    def in_memory(cls) -> Library:
        library = cls(Database(memory=True), None)
        library._prepare()
        return library

    def _prepare(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        self._refuse_newer_schema()
        if self.path is not None:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":  # pragma: no cover - e.g. a network file system
                pass
        # One transaction for every pending migration: a crash half-way leaves the old
        # schema whole. (Migrations.apply nests each step in a savepoint inside it.)
        with self.db.atomic():
            library_migrations.apply(self.db)

    def _refuse_newer_schema(self) -> None:
        tables = set(self.db.table_names())
        if "_sqlite_migrations" not in tables:
            if tables - {"sqlite_sequence"}:
                raise LibraryError(
                    f"{self.path} is an SQLite file but not a Yuedu library; it was left as is."
                )
            return
        applied = {m.name for m in library_migrations.applied(self.db)}
        unknown = applied - set(KNOWN_MIGRATIONS)
        if unknown:
            raise NewerSchemaError(
                f"{self.path} was written by a newer version of Yuedu "
                f"(it has schema steps {', '.join(sorted(unknown))} that this version does "
                "not know). It was not changed; please update Yuedu to open it."
            )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_steps(self) -> list[str]:
        return [m.name for m in library_migrations.applied(self.db)]

    # -- sources -------------------------------------------------------------------------
    def source_by_hash(self, sha256: str) -> Source | None:
        row = self.db.execute(
            "SELECT id, file_name, encoding, sha256, imported_at FROM sources WHERE sha256 = ?",
            [sha256],
        ).fetchone()
        return Source(*row) if row else None

    def add_source(self, source: NewSource, articles: Sequence[NewArticle]) -> list[int]:
        """Store a source and its articles in one transaction; returns the article ids."""
        ids: list[int] = []
        with self.db.atomic():
            cursor = self.db.execute(
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
                cursor = self.db.execute(
                    "INSERT INTO articles (source_id, position, title, title_is_derived, byline,"
                    " text, char_count, first_paragraph, end_paragraph)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        source_id,
                        position,
                        article.title,
                        int(article.title_is_derived),
                        article.byline,
                        article.text,
                        len(article.text),
                        article.first_paragraph,
                        article.end_paragraph,
                    ],
                )
                article_id = cursor.lastrowid
                assert article_id is not None
                self.db.execute(
                    "INSERT INTO article_tokens (article_id, segmenter, token_ends)"
                    " VALUES (?, ?, ?)",
                    [article_id, SEGMENTER_ID, pack_token_ends(article.token_ends)],
                )
                ids.append(article_id)
        return ids

    # -- articles ------------------------------------------------------------------------
    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self) -> list[ArticleSummary]:
        rows = self.db.execute(
            "SELECT id, source_id, position, title, byline, char_count FROM articles"
            " ORDER BY source_id, position"
        ).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def get_article(self, article_id: int) -> Article | None:
        row = self.db.execute(
            "SELECT a.id, a.source_id, a.position, a.title, a.byline, a.text, s.file_name"
            " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        return Article(*row) if row else None

    def token_ends(self, article_id: int) -> list[int]:
        row = self.db.execute(
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
