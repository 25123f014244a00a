"""Setting words' statuses, library-wide, and undoing it. Qt-free; the window (through its
controller) and the command line (`yuedu vocab …`) both call these.

Each call is one write through the door. A word rated as learning for the first time keeps
the sentence it was met in (the occurrence the reader pointed at, else its first occurrence
in the library). Bulk steps — every new word of an article known, every HSK word up to a
level known — return a `StatusStep` that `undo` takes back, again in one write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.learning.hsk import checked_level, checked_scheme, words_up_to
from reader.learning.sentences import sentence_entry
from reader.learning.words import (
    KNOWN,
    NEW,
    checked_status,
    checked_word,
    is_learning,
    is_word,
)
from reader.library import writes

if TYPE_CHECKING:
    from reader.library.store import Library


@dataclass(frozen=True)
class Met:
    """An occurrence the reader pointed at: the token [start, end) of an article, and the
    reading shown for it (numbered syllables, one per character, if known)."""

    article_id: int
    start: int
    end: int
    syllables: tuple[str | None, ...] | None = None


@dataclass(frozen=True)
class StatusStep:
    """What one status write did, to undo it: each word with its status before (None: it
    had none)."""

    op: str
    status: str
    before: tuple[tuple[str, str | None], ...]

    @property
    def count(self) -> int:
        return len(self.before)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def status_of(library: Library, word: str) -> str:
    row = library.conn.execute("SELECT status FROM word_status WHERE word = ?", [word]).fetchone()
    return row[0] if row else NEW


def statuses(library: Library) -> dict[str, str]:
    """Every rated word's status (words not here are new)."""
    from reader.learning.counts import rated_statuses

    return rated_statuses(library.conn)


def _first_occurrence(library: Library, word: str) -> Met | None:
    row = library.conn.execute(
        "SELECT article_id FROM article_words WHERE word = ? ORDER BY article_id LIMIT 1", [word]
    ).fetchone()
    if row is None:
        return None
    for start, end, token in library.tokens(row[0]):
        if token == word:
            return Met(row[0], start, end)
    return None


def _keep_sentence(library: Library, change: object, word: str, met: Met | None) -> None:
    conn = library.conn
    row = conn.execute("SELECT sentence FROM vocabulary WHERE word = ?", [word]).fetchone()
    if row is not None and row[0]:
        return  # met before: the first sentence stays
    entry: dict[str, object] = {"word": word, "note": "", "pinyin": "", "sentence": ""}
    for place in (met, _first_occurrence(library, word)):
        article = library.get_article(place.article_id) if place is not None else None
        if place is None or article is None or article.text[place.start : place.end] != word:
            continue  # a stale pointer (the text changed under it): the first occurrence
        entry.update(
            sentence_entry(article.text, place.start, place.end, article.id, article.title)
        )
        if place.syllables:
            entry["pinyin"] = " ".join(s or "-" for s in place.syllables)
        break
    old = conn.execute("SELECT note FROM vocabulary WHERE word = ?", [word]).fetchone()
    stamp = now()
    entry.update(note=old[0] if old else "", met_at=stamp, updated_at=stamp)
    writes.put_vocabulary(conn, change, entry)  # type: ignore[arg-type]


def set_status(library: Library, word: str, status: str, *, met: Met | None = None) -> StatusStep:
    """Give `word` the status (see `words.checked_status` for the spellings); WordRefused
    for something that is not a word or not a status, nothing written."""
    word = checked_word(word)
    status = checked_status(status)
    with library.session.write(f"Mark {word} {status}") as change:
        before = writes.set_status(library.conn, change, word, status, now())
        if is_learning(status):
            _keep_sentence(library, change, word, met)
    return StatusStep(f"Mark {word} {status}", status, ((word, before[0] if before else None),))


def set_statuses(library: Library, words: Iterable[str], status: str, op: str) -> StatusStep:
    """Many words at once, one write (words that are not words are passed over)."""
    status = checked_status(status)
    stamp = now()
    before: list[tuple[str, str | None]] = []
    with library.session.write(op) as change:
        for word in dict.fromkeys(words):
            if not is_word(word):
                continue
            previous = writes.set_status(library.conn, change, word, status, stamp)
            if previous is None or previous[0] != status:
                before.append((word, previous[0] if previous else None))
    return StatusStep(op, status, tuple(before))


def new_words_of(library: Library, article_id: int) -> list[str]:
    rows = library.conn.execute(
        "SELECT w.word FROM article_words w LEFT JOIN word_status s ON s.word = w.word"
        " WHERE w.article_id = ? AND (s.status IS NULL OR s.status = 'new') ORDER BY w.word",
        [article_id],
    )
    return [row[0] for row in rows]


def mark_article_known(library: Library, article_id: int) -> StatusStep:
    """Every new word of the article known (the moment a reader finishes a text)."""
    return set_statuses(
        library, new_words_of(library, article_id), KNOWN, "Mark the article's new words known"
    )


def known_up_to_hsk(library: Library, level: int, scheme: str = "3.0") -> StatusStep:
    """Every word of the scheme's levels 1..`level` that is new becomes known (learning,
    ignored and known words keep theirs). HskRefused for a level or scheme that is not."""
    scheme = checked_scheme(scheme)
    checked_level(level, scheme)
    rated = set(
        row[0] for row in library.conn.execute("SELECT word FROM word_status WHERE status <> 'new'")
    )
    unrated = [word for word in words_up_to(level, scheme) if word not in rated]
    return set_statuses(library, unrated, KNOWN, f"I know HSK {scheme} up to {level}")


def undo(library: Library, step: StatusStep) -> None:
    """Put each word of `step` back to its status before (one write)."""
    stamp = now()
    with library.session.write(f"Undo {step.op}") as change:
        for word, status in step.before:
            writes.set_status(library.conn, change, word, status or NEW, stamp)


def set_note(library: Library, word: str, note: str) -> None:
    word = checked_word(word)
    with library.session.write(f"Note on {word}") as change:
        writes.set_note(library.conn, change, word, note.strip(), now())
