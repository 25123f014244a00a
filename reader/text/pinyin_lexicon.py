"""The word tables pinyin needs, in one indexed SQLite file: jieba's dictionary (frequency
and part of speech of each word, and its prefixes) and pypinyin's phrase and character
tables. Qt-free.

Loading those tables the usual way costs about a second (jieba unmarshals 600,000 prefixes,
pypinyin parses two JSON files), which is most of what `yuedu pinyin` spent on one sentence.
So they are copied once, on first use, into a file beside the CC-CEDICT dictionary (it is a
cache: it can always be rebuilt, and its name carries the versions of both packages), and
afterwards a sentence looks up only the words it holds.

`segmenter()` gives a jieba tokenizer that reads its word frequencies from this file: it
runs jieba's own code on the same numbers, so it cuts exactly as `jieba.cut` does.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import uuid
from collections.abc import Iterator, Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# Bump when the tables or how they are filled change.
SCHEMA_VERSION = 1
_CACHE_LIMIT = 200_000


def _package_folder(name: str) -> Path:
    spec = find_spec(name)  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def default_lexicon_path() -> Path:
    """Beside the built dictionary (the per-user cache folder, or `YUEDU_DICTIONARY`'s)."""
    from importlib.metadata import version

    from reader.text.dictionary import default_dictionary_path

    name = f"pinyin-lexicon-jieba{version('jieba')}-pypinyin{version('pypinyin')}"
    return default_dictionary_path().parent / f"{name}-v{SCHEMA_VERSION}.sqlite3"


def _jieba_frequencies(path: Path) -> tuple[dict[str, tuple[int, str | None]], int]:
    """jieba's `gen_pfdict` on its dictionary file, keeping each word's tag too: every word
    with its frequency, every prefix of a word with 0, and the sum of the frequencies."""
    table: dict[str, tuple[int, str | None]] = {}
    total = 0
    with open(path, "rb") as handle:
        for line in handle:
            fields = line.strip().decode("utf-8").split(" ")
            word, frequency = fields[0], int(fields[1])
            table[word] = (frequency, fields[2] if len(fields) > 2 else None)
            total += frequency
            for end in range(1, len(word) + 1):
                table.setdefault(word[:end], (0, None))
    return table, total


def build_lexicon(path: Path) -> None:
    """Write the lexicon to `path` (atomically: a finished file or none)."""
    jieba_folder = _package_folder("jieba")
    pypinyin_folder = _package_folder("pypinyin")
    words, total = _jieba_frequencies(jieba_folder / "dict.txt")
    phrases = json.loads((pypinyin_folder / "phrases_dict.json").read_text(encoding="utf-8"))
    chars = json.loads((pypinyin_folder / "pinyin_dict.json").read_text(encoding="utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex}.partial")
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(
            "CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL, tag TEXT)"
            " WITHOUT ROWID;"
            "CREATE TABLE phrases (word TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE chars (code INTEGER PRIMARY KEY, readings TEXT NOT NULL);"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        )
        connection.executemany(
            "INSERT INTO words VALUES (?, ?, ?)", ((w, f, t) for w, (f, t) in words.items())
        )
        connection.executemany(
            "INSERT INTO phrases VALUES (?, ?)",
            ((w, json.dumps(r, ensure_ascii=False)) for w, r in phrases.items()),
        )
        connection.executemany(
            "INSERT INTO chars VALUES (?, ?)", ((int(c), r) for c, r in chars.items())
        )
        connection.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        connection.commit()
    finally:
        connection.close()
    os.replace(partial, path)


class Lexicon:
    """Read-only lookups in a built lexicon file, memoised."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        row = self._connection.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()
        self.total = int(row[0])
        self._words: dict[str, tuple[int, str | None] | None] = {}
        self._phrases: dict[str, list[list[str]] | None] = {}

    @classmethod
    def open(cls, path: Path | None = None) -> Lexicon:
        """The lexicon at `path` (default: `default_lexicon_path()`), built first if absent."""
        path = path if path is not None else default_lexicon_path()
        if path.is_file():
            try:
                return cls(path)
            except (sqlite3.Error, TypeError, ValueError):
                pass  # damaged: build it anew
        try:
            build_lexicon(path)
        except (OSError, sqlite3.Error):
            # The cache folder cannot be written: a private copy for this run.
            import tempfile

            path = Path(tempfile.mkdtemp(prefix="yuedu-lexicon-")) / path.name
            build_lexicon(path)
        return cls(path)

    def _one(self, sql: str, key: Any) -> Any:
        with self._lock:
            return self._connection.execute(sql, (key,)).fetchone()

    def word(self, word: str) -> tuple[int, str | None] | None:
        """(frequency, part of speech) of a word of jieba's dictionary; frequency 0 (and no
        tag) for a prefix of one; None for anything else."""
        if word in self._words:
            return self._words[word]
        row = self._one("SELECT freq, tag FROM words WHERE word = ?", word)
        found = (row[0], row[1]) if row else None
        if len(self._words) > _CACHE_LIMIT:
            self._words.clear()
        self._words[word] = found
        return found

    def tag(self, word: str) -> str | None:
        """jieba's part of speech of `word` ("v", "n", "d", "uj"…), None when unknown."""
        found = self.word(word)
        return found[1] if found else None

    def phrase(self, word: str) -> list[list[str]] | None:
        """pypinyin's readings of a phrase, per character (tone marks), or None."""
        if word in self._phrases:
            return self._phrases[word]
        row = self._one("SELECT readings FROM phrases WHERE word = ?", word)
        found = json.loads(row[0]) if row else None
        if len(self._phrases) > _CACHE_LIMIT:
            self._phrases.clear()
        self._phrases[word] = found
        return found

    def char_readings(self, char: str) -> str | None:
        """pypinyin's readings of one character, comma-separated with tone marks."""
        row = self._one("SELECT readings FROM chars WHERE code = ?", ord(char))
        return row[0] if row else None

    def close(self) -> None:
        self._connection.close()


class PhraseTable(Mapping[str, list[list[str]]]):
    """pypinyin's phrase table as a mapping over the lexicon (only `get` and `[]` are used)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._lexicon.phrase(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        found = self._lexicon.phrase(word)
        return default if found is None else found

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the phrase table is looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("the phrase table is looked up, not counted")


class _Frequencies(Mapping[str, int]):
    """jieba's FREQ table (word or prefix → frequency) as lookups in the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __getitem__(self, word: str) -> int:
        found = self._lexicon.word(word)
        if found is None:
            raise KeyError(word)
        return found[0]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lexicon.word(word) is not None

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        found = self._lexicon.word(word)
        return default if found is None else found[0]

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the frequencies are looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("the frequencies are looked up, not counted")


def _import_jieba() -> Any:
    """jieba, imported without pkg_resources when that is not loaded yet: jieba's _compat
    imports it (0.1-0.2 s) only to find its dictionary file, and falls back to a plain path
    when it is missing. With the lexicon the file is not even read."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def segmenter(lexicon: Lexicon) -> Any:
    """A jieba tokenizer whose word frequencies are read from `lexicon` on demand: it cuts as
    `jieba.cut` does without loading jieba's whole dictionary."""
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = _Frequencies(lexicon)
    tokenizer.total = lexicon.total
    tokenizer.initialized = True
    return tokenizer
