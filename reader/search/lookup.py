"""Looking a word up in CC-CEDICT by characters, pinyin or English. Qt-free.

Ranked: an exact headword first (characters, or the whole pinyin), then entries that start
with the query, then those that contain it; English matches whole words of a gloss, a
gloss that is the word itself first. Within a rank, more frequent words first (jieba's
word frequencies, the segmenter's own dictionary), then shorter, then CEDICT's order.
The dictionary is its own SQLite file (`reader.text.dictionary`), read here read-only.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.search.pinyin_query import check_query, looks_like_pinyin, parse_pinyin, typed_letters
from reader.text.chars import is_han

DEFAULT_LIMIT = 30


@dataclass(frozen=True)
class LookupEntry:
    simplified: str
    traditional: str
    pinyin: tuple[str, ...]  # CEDICT's numbered syllables, as written ("Bei3", "jing1")
    glosses: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": " ".join(self.pinyin),
            "glosses": list(self.glosses),
        }


def _connect(path: Path | None) -> sqlite3.Connection:
    from reader.text.dictionary import ensure_dictionary

    dictionary = ensure_dictionary(path)  # builds it on first use (~2 s), as `yuedu pinyin`
    dictionary.close()
    uri = dictionary.path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def _entry(row: tuple) -> LookupEntry:
    traditional, simplified, pinyin, glosses = row
    return LookupEntry(simplified, traditional, tuple(pinyin.split()), tuple(glosses.split("/")))


def _by_characters(conn: sqlite3.Connection, query: str) -> list[tuple[int, int, tuple]]:
    rows = conn.execute(
        "SELECT id, traditional, simplified, pinyin, glosses FROM entries"
        " WHERE instr(simplified, ?1) > 0 OR instr(traditional, ?1) > 0",
        [query],
    ).fetchall()
    ranked = []
    for entry_id, traditional, simplified, pinyin, glosses in rows:
        if query in (simplified, traditional):
            rank = 0
        elif simplified.startswith(query) or traditional.startswith(query):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, len(simplified), entry_id, (traditional, simplified, pinyin, glosses)))
    return [(rank * 100 + length, entry_id, row) for rank, length, entry_id, row in ranked]


def _toneless(pinyin: str) -> list[tuple[str, str]]:
    return [(s[:-1] if s[-1:].isdigit() else s, s[-1:]) for s in pinyin.lower().split()]


def _by_pinyin(conn: sqlite3.Connection, query: str) -> list[tuple[int, int, tuple]]:
    found: dict[int, tuple[int, int, tuple]] = {}
    for parse in parse_pinyin(query):
        wanted = [(s.toneless, s.tone) for s in parse]
        first = wanted[0][0]
        rows = conn.execute(
            "SELECT id, traditional, simplified, pinyin, glosses FROM entries"
            " WHERE lower(pinyin) LIKE ?",
            [first + "%"],
        )
        for entry_id, traditional, simplified, pinyin, glosses in rows:
            syllables = _toneless(pinyin)
            if len(syllables) < len(wanted):
                continue
            if all(
                have == want and (tone is None or mark == str(tone))
                for (have, mark), (want, tone) in zip(syllables, wanted, strict=False)
            ):
                rank = 0 if len(syllables) == len(wanted) else 100
                key = rank + len(syllables)
                if entry_id not in found or found[entry_id][0] > key:
                    found[entry_id] = (key, entry_id, (traditional, simplified, pinyin, glosses))
    return list(found.values())


def _by_english(conn: sqlite3.Connection, query: str) -> list[tuple[int, int, tuple]]:
    """Glosses holding the query as whole words, as typed and without the punctuation
    around it (`bank,` `(bank)` `bank?` as typed or pasted), the better rank of the two."""
    typed = query.lower().split()
    bare = query.strip(_OUTER_PUNCTUATION).lower().split()
    best: dict[int, tuple[int, int, tuple]] = {}
    for words in (typed, bare) if bare and bare != typed else (typed,):
        for found in _by_english_words(conn, words):
            if found[1] not in best or found[0] < best[found[1]][0]:
                best[found[1]] = found
    return list(best.values())


_OUTER_PUNCTUATION = " \t.,;:!?()[]{}\"'“”‘’，。；：！？（）"


def _by_english_words(conn: sqlite3.Connection, words: list[str]) -> list[tuple[int, int, tuple]]:
    # Whole words, also where a word ends in punctuation of its own ("U.S."): \b would ask
    # for a letter after the final dot.
    body = r"\s+".join(re.escape(w) for w in words)
    pattern = re.compile(r"(?<!\w)" + body + r"(?!\w)")
    rows = conn.execute(
        "SELECT id, traditional, simplified, pinyin, glosses FROM entries"
        " WHERE instr(lower(glosses), ?) > 0",
        [" ".join(words)],
    ).fetchall()
    ranked = []
    for entry_id, traditional, simplified, pinyin, glosses in rows:
        glosses_lower = [g.lower() for g in glosses.split("/")]
        if not any(pattern.search(g) for g in glosses_lower):
            continue
        exact = any(g.strip() in (" ".join(words), "to " + " ".join(words)) for g in glosses_lower)
        rank = (0 if exact else 100) + len(simplified)
        ranked.append((rank, entry_id, (traditional, simplified, pinyin, glosses)))
    return ranked


def lookup(
    query: str, *, limit: int = DEFAULT_LIMIT, path: Path | None = None
) -> list[LookupEntry]:
    """Entries for `query` (characters, pinyin or English), best first; `QueryRefused`
    for an empty or punctuation-only query."""
    text = check_query(query)
    conn = _connect(path)
    try:
        if any(is_han(char) for char in text):  # CJK punctuation alone (“bank”) is English
            ranked = _by_characters(conn, text.strip(_OUTER_PUNCTUATION))
        else:
            text = typed_letters(text)  # ｂａｎｋ, typed in full-width mode, is bank
            syllables = text.strip(_OUTER_PUNCTUATION)  # “yinhang”, zhongguo. (xi'an kept)
            ranked = _by_pinyin(conn, syllables) if looks_like_pinyin(syllables) else []
            seen = {entry_id for _, entry_id, _ in ranked}
            ranked += [
                (rank + 1000, entry_id, row)
                for rank, entry_id, row in _by_english(conn, text)
                if entry_id not in seen
            ]
    finally:
        conn.close()
    frequency = _frequencies()
    ranked.sort(key=lambda item: (item[0] // 100, -frequency(item[2][1]), item[0], item[1]))
    return [_entry(row) for _, _, row in ranked[:limit]]


def _frequencies() -> Any:
    """Word → how often jieba's dictionary has seen it (0 for words it lacks)."""
    from reader.text.segment import _jieba

    tokenizer = _jieba()  # initialised
    return lambda word: tokenizer.FREQ.get(word, 0)
