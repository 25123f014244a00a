"""The article library: SQLite through sqlite-utils. Qt-free."""

from reader.library.store import (
    Article,
    ArticleSummary,
    Library,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    NewerSchemaError,
    Source,
)

__all__ = [
    "Article",
    "ArticleSummary",
    "Library",
    "LibraryBusy",
    "LibraryDamaged",
    "LibraryError",
    "NewerSchemaError",
    "Source",
]
