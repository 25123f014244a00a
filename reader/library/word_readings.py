"""The reader's readings of whole words: "行长 is háng zhǎng wherever it occurs". Qt-free.

A correction of one occurrence (`Library.set_reading_override`) fixes one place; a word
reading fixes every place the word is a token, in every article, including articles
imported later (readings are chosen when an article is shown, so nothing is stored per
article). Precedence, highest first: the occurrence's correction, the word's reading, the
automatic reading.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.library import writes
from reader.messages import message
from reader.text.chars import is_cjk
from reader.text.pinyin_syllables import normalise

if TYPE_CHECKING:
    from reader.library.store import Library

Syllables = tuple[str | None, ...]
MAX_WORD_CHARS = 20
_TONE_MARKS = frozenset("\u0304\u0301\u030c\u0300")  # macron, acute, caron, grave
# Syllables CC-CEDICT writes that pypinyin's character table lacks: the r of erhua
# (一点儿 yi1 dian3 r5) and a few rare readings (biu1, bia1, ging1, sei2).
_MORE_SYLLABLES = frozenset({"r", "biu", "bia", "ging", "sei"})


class WordReadingRefused(ValueError):
    """A word or a reading that cannot be stored; the message says why, in words."""


def encode(syllables: Sequence[str | None]) -> str:
    return " ".join("-" if s is None else s for s in syllables)


def decode(stored: str) -> Syllables:
    return tuple(None if s == "-" else s for s in stored.split(" "))


def checked_reading(word: str, syllables: Sequence[str | None], *, typed: bool = True) -> Syllables:
    """`syllables` in canonical numbered form (pin1, lu:4), one per character of `word`;
    `WordReadingRefused` for a word that is not Chinese or a reading that does not fit.
    A reading `typed` now must give its tones and real syllables; one restored from a
    backup need only be well formed (an older Yuedu stored what it was given, and a
    restore refusing it would refuse the whole backup)."""
    if not word or len(word) > MAX_WORD_CHARS or not any(is_cjk(char) for char in word):
        raise WordReadingRefused(
            message(
                "“{word}” is not a Chinese word of up to {limit} characters.",
                word=word,
                limit=MAX_WORD_CHARS,
            )
        )
    if len(syllables) != len(word):
        raise WordReadingRefused(
            message(
                "“{word}” has {characters} character(s) but {syllables} syllable(s) were given.",
                word=word,
                characters=len(word),
                syllables=len(syllables),
            )
        )
    given = [s for char, s in zip(word, syllables, strict=True) if is_cjk(char) and s]
    if typed and given and not any(_has_tone(s) for s in given):
        # "hang zhang" would be stored as two neutral tones, which is never what was meant.
        raise WordReadingRefused(
            message(
                "“{pinyin}” gives no tones; write them as numbers (hang2 zhang3) or marks "
                "(háng zhǎng), 5 for the neutral tone.",
                pinyin=" ".join(given),
            )
        )
    canonical: list[str | None] = []
    for char, syllable in zip(word, syllables, strict=True):
        if not is_cjk(char):
            canonical.append(None)
            continue
        try:
            spelled = syllable or ""
            canonical.append(_known_syllable(spelled) if typed else normalise(spelled))
        except ValueError:
            raise WordReadingRefused(
                message(
                    "“{syllable}” is not a pinyin syllable (for {char}).",
                    syllable=syllable,
                    char=char,
                )
            ) from None
    return tuple(canonical)


def _has_tone(syllable: str) -> bool:
    """Whether a typed syllable says its tone: a number, or a mark over a vowel."""
    spelled = unicodedata.normalize("NFD", syllable)
    return any(char.isdigit() or char in _TONE_MARKS for char in spelled)


def _known_syllable(syllable: str) -> str:
    """`syllable` in canonical form when it is a syllable of Mandarin (ValueError if not):
    the letters must be a syllable's, not only look like one (`xx2`, `zhv3`)."""
    canonical = normalise(syllable)
    from reader.search.pinyin_query import syllable_inventory

    if canonical[:-1] not in syllable_inventory() | _MORE_SYLLABLES:
        raise ValueError(f"not a syllable of Mandarin: {syllable!r}")
    return canonical


def word_readings(library: Library) -> dict[str, Syllables]:
    rows = library.conn.execute("SELECT word, syllables FROM word_readings ORDER BY word")
    return {word: decode(stored) for word, stored in rows}


def set_word_reading(library: Library, word: str, syllables: Sequence[str | None]) -> Syllables:
    """Store how `word` is read everywhere (replacing an earlier reading); returns it."""
    reading = checked_reading(word, syllables)
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with library.session.write(f"Read {word} as {encode(reading)} everywhere") as change:
        writes.set_word_reading(library.conn, change, word, encode(reading), now)
    return reading


def unset_word_reading(library: Library, word: str) -> bool:
    """Back to the automatic reading of `word` everywhere; False if it had none."""
    with library.session.write(f"Automatic reading of {word} everywhere") as change:
        return writes.unset_word_reading(library.conn, change, word)
