"""A file's name as text the library can store. Qt-free.

On Linux a file name is bytes; Python hands one that is not valid UTF-8 to us with the
bad bytes as lone surrogates (PEP 383), which SQLite, JSON and a UTF-8 terminal refuse.
Chinese files often carry names in GBK/GB18030 (written on Windows, unpacked from a zip),
so such a name is read as GB18030 when it decodes cleanly, else with each undecodable byte
shown as U+FFFD."""

from __future__ import annotations

import os
from pathlib import Path


def readable_name(name: str) -> str:
    """`name` if it is valid Unicode, else its bytes decoded as GB18030 or, failing that,
    as UTF-8 with replacement characters. Never contains a surrogate."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return name
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def file_name_of(path: Path) -> str:
    """The name an imported file is stored, found and reported under."""
    return readable_name(path.name)


def readable_path(path: Path) -> str:
    """`str(path)` for messages, with every part readable (see `readable_name`)."""
    return readable_name(str(path))
