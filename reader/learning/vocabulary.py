"""The vocabulary a reader keeps: each rated word with its status, the reading it was met
with, a gloss, its HSK levels, the sentence where it was met and a note. Qt-free; the
window's Vocabulary dock, `yuedu vocab list` and the exports read it from here.

Glosses (and the reading of a word rated without one, e.g. from the command line) come
from the dictionary when one is given; without one those fields stay empty.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from reader.learning.hsk import hsk_level
from reader.learning.words import LEARNING

if TYPE_CHECKING:
    from reader.library.store import Library

MAX_GLOSSES = 4


class EntrySource(Protocol):
    def lookup(self, word: str) -> list: ...  # list[DictionaryEntry]


@dataclass(frozen=True)
class VocabularyEntry:
    word: str
    status: str
    pinyin: tuple[str, ...]  # numbered syllables, as read where it was met ("hang2", …)
    gloss: str
    hsk: int | None  # HSK 3.0 (7: the band 7–9)
    hsk2: int | None  # HSK 2.0
    sentence: str
    word_start: int | None  # where the word sits in `sentence`
    article_id: int | None
    sentence_start: int | None  # where the sentence sits in the article
    article_title: str
    met_at: str | None
    updated_at: str
    note: str
    frequency: int  # occurrences in the library

    def json(self) -> dict[str, Any]:
        """The shape of `yuedu vocab list --json`."""
        return {
            "word": self.word,
            "status": self.status,
            "pinyin": " ".join(self.pinyin),
            "gloss": self.gloss,
            "hsk": self.hsk,
            "sentence": self.sentence,
            "article_id": self.article_id,
            "updated_at": self.updated_at,
        }


_QUERY = """
SELECT s.word, s.status, s.updated_at, coalesce(v.pinyin, ''), coalesce(v.sentence, ''),
       v.word_start, v.article_id, v.start, coalesce(v.article_title, ''), v.met_at,
       coalesce(v.note, ''), v.updated_at,
       (SELECT coalesce(sum(count), 0) FROM article_words w WHERE w.word = s.word)
FROM word_status s LEFT JOIN vocabulary v ON v.word = s.word
"""


def _dictionary_fields(
    word: str, dictionary: EntrySource | None, met: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], str]:
    if dictionary is None:
        return (), ""
    entries = dictionary.lookup(word)
    if not entries:
        return _fields_from_parts(word, dictionary, met)
    from reader.text.cedict_display import render_gloss, script_of

    # Written for people, as the word card writes them: a flashcard showing
    # "CL:家[jia1],個|个[ge4]" teaches CEDICT's markup, not the measure word.
    script = script_of(word, entries)
    glosses = [gloss for entry in entries[:2] for gloss in entry.glosses][:MAX_GLOSSES]
    return tuple(entries[0].pinyin), "; ".join(render_gloss(g, script) for g in glosses)


def _fields_from_parts(
    word: str, dictionary: EntrySource, met: tuple[str, ...]
) -> tuple[tuple[str, ...], str]:
    """A word the dictionary lacks, as the word card explains it: by its longest dictionary
    parts (银行行长 → "银行 bank + 行长 bank president"), so that its flashcard is not
    blank. A part read several ways is glossed (and the word given pinyin) only when the
    reading the word was met with tells which: a polyphone's first entry could be the
    wrong one (委 wēi "winding" for 委 wěi), and a wrong gloss on a card is worse than none."""
    from reader.text.cedict_display import render_gloss, script_of
    from reader.text.word_info import word_parts

    parts = word_parts(dictionary, word, met or None)  # entries of the reading met first
    if len(parts) < 2 or not all(entries for _, entries in parts):
        return (), ""
    glossed, readings = [], []
    for part, entries in parts:
        found = {tuple(entry.pinyin) for entry in entries}
        readings.append(next(iter(found)) if len(found) == 1 else None)
        sure = met or len(found) == 1
        gloss = render_gloss(entries[0].glosses[0], script_of(part, entries)) if sure else ""
        glossed.append(f"{part} {gloss}".strip())
    known = all(reading is not None for reading in readings)
    pinyin = tuple(s for reading in readings if reading for s in reading) if known else ()
    return pinyin, " + ".join(glossed)


def vocabulary(
    library: Library,
    statuses: Collection[str] = LEARNING,
    dictionary: EntrySource | None = None,
) -> list[VocabularyEntry]:
    """The words of the given statuses, the most recently changed first."""
    wanted = list(statuses)
    marks = ", ".join("?" for _ in wanted)
    rows = library.conn.execute(
        _QUERY + f" WHERE s.status IN ({marks}) ORDER BY s.updated_at DESC, s.word", wanted
    ).fetchall()
    entries = []
    for row in rows:
        word, status, updated_at, pinyin, sentence, word_start, article_id = row[:7]
        sentence_start, title, met_at, note, note_updated, frequency = row[7:]
        met = tuple(s for s in pinyin.split(" ") if s and s != "-")
        found_pinyin, gloss = _dictionary_fields(word, dictionary, met)
        syllables = met or found_pinyin
        entries.append(
            VocabularyEntry(
                word,
                status,
                syllables,
                gloss,
                hsk_level(word, "3.0"),
                hsk_level(word, "2.0"),
                sentence,
                word_start,
                article_id,
                sentence_start,
                title,
                met_at,
                max(updated_at, note_updated or ""),
                note,
                frequency,
            )  # fmt: skip
        )
    return entries


def word_place(library: Library, entry: VocabularyEntry) -> tuple[int, int, int] | None:
    """Where the dock's "go to the sentence" lands: (article, start, end) of the word in the
    sentence it was met in, or of the sentence when the word is no longer at its place
    there; None when the sentence has no place (its article was deleted or rewritten)."""
    if entry.article_id is None or entry.sentence_start is None:
        return None
    article = library.get_article(entry.article_id)
    if article is None:
        return None
    low = entry.sentence_start
    high = low + len(entry.sentence)
    if article.text[low:high] != entry.sentence:
        return None
    if entry.word_start is not None:
        start = low + entry.word_start
        if article.text[start : start + len(entry.word)] == entry.word:
            return entry.article_id, start, start + len(entry.word)
    return entry.article_id, low, high
