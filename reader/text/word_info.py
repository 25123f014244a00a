"""What the hover card says about one occurrence of a word. Qt-free.

Composed from the token, its reading (the reader's correction, else the resolver's), and the
dictionary; the card only displays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reader.text.cedict_display import SIMPLIFIED, TRADITIONAL, Script, script_of
from reader.text.chars import is_han
from reader.text.word_parts import dictionary_parts


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
    # A word the dictionary lacks: its longest dictionary parts (银行行长 → 银行, 行长), each
    # with its entries, the reading in use first; empty for a word the dictionary has.
    parts: list[tuple[str, list]] = field(default_factory=list)
    # The script the text is written in, for the glosses' references (吕梁 or 呂梁).
    script: Script = SIMPLIFIED
    # `syllables` as the card's pinyin line shows them: with CEDICT's capitals when the entry
    # shown first is a proper noun read as here (Chóng qìng), else the same as `syllables`.
    shown_syllables: tuple[str | None, ...] | None = None
    # The learning layer's view of the word (issue 14), filled by the card's controller:
    # its status ("new", "learning1"…"learning4", "known", "ignored"; None: not a word that
    # can have one) and its HSK levels (3.0, where 7 is the band 7–9; 2.0), None when unlisted.
    status: str | None = None
    hsk: int | None = None
    hsk2: int | None = None
    # The word as the view shows it when the display is converted (頭髮 written, 头发 shown).
    shown_word: str | None = None


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


def _entries_in_context(
    dictionary: EntrySource, word: str, syllables: Sequence[str | None] | None
) -> list:
    return order_entries(dictionary.lookup(word), syllables if syllables else None)


def word_parts(
    dictionary: EntrySource, word: str, syllables: Sequence[str | None] | None
) -> list[tuple[str, list]]:
    """The longest dictionary parts of a word the dictionary lacks, each with its entries
    ordered by the part's reading here (see `reader.text.word_parts`)."""
    parts: list[tuple[str, list]] = []
    position = 0
    for part in dictionary_parts(word, lambda text: bool(dictionary.lookup(text))):
        part_syllables = syllables[position : position + len(part)] if syllables else None
        if any(is_han(ch) for ch in part):
            parts.append((part, _entries_in_context(dictionary, part, part_syllables)))
        position += len(part)
    return parts


def _script(word: str, entries: list, parts: list[tuple[str, list]]) -> Script:
    """The word's own entries tell its script; a word the dictionary lacks is traditional
    when a part is written in traditional only and none in simplified only."""
    if entries:
        return script_of(word, entries)
    votes = {script_of(part, part_entries) for part, part_entries in parts if part_entries}
    simplified_only = any(
        entry.simplified == part != entry.traditional
        for part, part_entries in parts
        for entry in part_entries
    )
    return TRADITIONAL if TRADITIONAL in votes and not simplified_only else SIMPLIFIED


def capitalised_syllables(
    entries: Sequence, syllables: tuple[str | None, ...] | None
) -> tuple[str | None, ...] | None:
    """`syllables` with CEDICT's capitals (Chong2 qing4, Xing1 Xian4) when the first of
    `entries` (the one the card shows first) is a proper noun read exactly as here."""
    if not entries or syllables is None or not entries[0].is_proper_noun:
        return syllables
    entry = entries[0]
    written = tuple(getattr(entry, "written_pinyin", ()) or ())
    if len(written) != len(syllables) or _reading_key(entry.pinyin) != _reading_key(
        [s or "" for s in syllables]
    ):
        return syllables
    return tuple(
        written_syllable if syllable else syllable
        for syllable, written_syllable in zip(syllables, written, strict=True)
    )


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
    entries = _entries_in_context(dictionary, word, syllables) if dictionary else []
    parts = (
        word_parts(dictionary, word, syllables)
        if dictionary is not None and not entries and len(word) > 1
        else []
    )
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
        parts=parts,
        script=_script(word, entries, parts),
        shown_syllables=capitalised_syllables(entries, syllables),
    )
