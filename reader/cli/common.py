"""What every command shares: exit statuses, errors in one line, opening the library
(checked), and refusing the library's own files as a command's input or output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reader.library import Article, Library, LibraryError

EXIT_OK = 0
EXIT_LIBRARY = 1
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def refuse_own_file(path: Path, library_path: Path, doing: str) -> None:
    """The library's own files are never a command's input or output (see
    `reader.library.files`): refused before anything opens them."""
    from reader.library.files import LibraryFileRefused, refuse_library_file

    try:
        refuse_library_file(path, library_path, doing)
    except LibraryFileRefused as error:
        raise CommandError(str(error)) from None


def print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


@contextmanager
def open_library(path: Path) -> Iterator[Library]:
    try:
        # The full check costs a read of the file: small next to any command's work, and a
        # damaged library is then refused with a way out rather than failing half-way.
        library = Library.open_checked(path)
    except LibraryError as error:
        raise CommandError(str(error), EXIT_LIBRARY) from error
    try:
        yield library
    finally:
        library.close()


def article_json(article: Article, *, paragraphs: bool = False) -> dict[str, Any]:
    value: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "text": article.text,
    }
    if paragraphs:
        value["paragraphs"] = article.paragraphs
    return value
