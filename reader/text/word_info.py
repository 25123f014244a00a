"""What the hover card says about one occurrence of a word. Qt-free.

Composed from the token, its reading (the reader's correction, else the resolver's), and the
dictionary; the card only displays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reader.text.chars import is_han


class EntrySource(Protocol):
    """The part of `reader.text.dictionary.Dictionary` the card needs."""

    def lookup(self, word: str) -> list: ...  # list[DictionaryEntry]


@dataclass(frozen=True)
class WordInfo:
    article_id: int
    token_index: int
    start: int
    end: int
    word: str
    syllables: tuple[str | None, ...] | None  # None while the resolver has not answered
    overridden: bool
    entries: list = field(default_factory=list)  # DictionaryEntry, the reading in use first
    char_entries: list[tuple[str, list]] = field(default_factory=list)
    alternatives: list[list[str]] = field(default_factory=list)  # per character
    dictionary_ready: bool = True


def _reading_key(pinyin: Sequence[str]) -> tuple[str, ...]:
    return tuple(s.lower() for s in pinyin)


def order_entries(entries: Sequence, syllables: Sequence[str | None] | None) -> list:
    """Entries whose reading is the one in use come first, common words before proper
    nouns of the same reading (商 shāng "commerce" before "Shang Dynasty"); otherwise
    dictionary order."""
    wanted = _reading_key([s or "" for s in syllables]) if syllables else None
    return sorted(
        entries,
        key=lambda entry: (
            wanted is not None and _reading_key(entry.pinyin) != wanted,
            entry.is_proper_noun,
        ),
    )


def alternatives_for(char: str, current: str | None, dictionary: EntrySource | None) -> list[str]:
    """Readings a reader may choose for `char`: the current one first, then every reading
    CC-CEDICT gives the character on its own."""
    choices: list[str] = [current] if current else []
    if dictionary is not None and is_han(char):
        for entry in dictionary.lookup(char):
            if len(entry.pinyin) == 1:
                syllable = entry.pinyin[0].lower()
                if syllable not in choices:
                    choices.append(syllable)
    return choices


def compose_word_info(
    *,
    article_id: int,
    token_index: int,
    start: int,
    end: int,
    word: str,
    syllables: tuple[str | None, ...] | None,
    overridden: bool,
    dictionary: EntrySource | None,
) -> WordInfo:
    entries = order_entries(dictionary.lookup(word), syllables) if dictionary else []
    chars = [ch for ch in word]
    char_entries: list[tuple[str, list]] = []
    if dictionary is not None and len(chars) > 1:
        for position, ch in enumerate(chars):
            if is_han(ch):
                char_syllable = syllables[position] if syllables else None
                char_entries.append(
                    (
                        ch,
                        order_entries(
                            dictionary.lookup(ch), [char_syllable] if char_syllable else None
                        ),
                    )
                )
    alternatives = [
        alternatives_for(ch, syllables[i] if syllables else None, dictionary)
        for i, ch in enumerate(chars)
    ]
    return WordInfo(
        article_id=article_id,
        token_index=token_index,
        start=start,
        end=end,
        word=word,
        syllables=syllables,
        overridden=overridden,
        entries=entries,
        char_entries=char_entries,
        alternatives=alternatives,
        dictionary_ready=dictionary is not None,
    )
