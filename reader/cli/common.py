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


def refuse_input_file(path: Path, library_path: Path, doing: str) -> None:
    """A file a command reads: never the library's own files, a folder, a pipe or a device
    (which would block the read forever); refused before anything opens it."""
    from reader.library.files import LibraryFileRefused, refuse_unreadable_input

    try:
        refuse_unreadable_input(path, library_path, doing)
    except LibraryFileRefused as error:
        raise CommandError(str(error)) from None


def checked_output_file(output: str, library_path: Path, *, force: bool, doing: str) -> Path:
    """The file a command's `-o` names, checked before anything is read or written, the one
    check of `export`, `backup` and `vocab export`: not empty, not the library's own files,
    not a folder, device or pipe (a link is followed: its target is what gets written), in
    a folder that exists, and not an existing file unless `force`."""
    from reader.export.atomic_write import NotARegularFile, written_target

    if not output:
        raise CommandError("-o names no file (an empty path); nothing was written")
    path = Path(output)
    refuse_own_file(path, library_path, doing)
    try:
        target = written_target(path)
    except NotARegularFile as error:
        raise CommandError(str(error)) from None
    if not target.parent.is_dir():
        # A link whose target's folder is gone names that folder, not the link's own.
        via = "" if target.parent == path.parent.resolve() else f" ({path} is a link to {target})"
        raise CommandError(
            f"the folder {target.parent if via else path.parent} does not exist{via}; "
            "nothing was written"
        )
    if target.exists() and not force:
        raise CommandError(f"{path} already exists; nothing was written (--force overwrites)")
    return path


def checked_library_path(path: Path) -> None:
    """A library is a regular file, or a path where none exists yet: a folder, a pipe or a
    device is refused before SQLite is asked to open it (a pipe would block it forever)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except (OSError, ValueError) as error:
        raise CommandError(f"cannot use the library {path}: {error}", EXIT_LIBRARY) from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise CommandError(
            f"{path} is {kind}, so it cannot be a library; nothing was opened", EXIT_LIBRARY
        )


def print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


@contextmanager
def open_library(path: Path, *, create: bool = False) -> Iterator[Library]:
    """The library, checked. Only commands that write (`create`) make a new one, and its
    folder; a command that only reads says there is none and creates nothing."""
    checked_library_path(path)
    if not create and not path.exists():
        raise CommandError(
            f"there is no library at {path}; nothing was created (`yuedu import FILE` makes one)",
            EXIT_LIBRARY,
        )
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
