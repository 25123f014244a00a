"""The readings an article shows, as the search index keeps them. Qt-free.

What the reading view shows of a token, highest first: the reader's correction of that
occurrence, the reader's reading of the word everywhere, the automatic reading. The first
two are stored and used as they are. The automatic one is, in the view, the resolver's
full result (word lists, then the g2pM context model; ~21 s per million characters); the
index uses its word-list layer alone (`PinyinResolver.resolve_lexical`, ~2 s per million
characters), which agrees with it except where the context model overrides or decides a
character (a polyphone standing alone: 行 in 我们行不行). bench/search.py measures how
often they agree.

Each reading is stored as three strings with one code point per character of the text,
so that a hit's offsets are the text's: the toneless syllable's number (from
`search_syllables`) as a code point from U+0100 on (two bytes of UTF-8 for the ~420
syllables), the tone digit, the first letter; " " where there is no reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.library.change import ChangeBuilder
from reader.library.records import unpack_token_ends
from reader.library.word_readings import decode
from reader.library.writes import search_index as index_writes

if TYPE_CHECKING:
    from reader.library.store import Library
    from reader.text.pinyin import PinyinResolver

CODE_BASE = 0x100
NO_READING = " "

_resolver: PinyinResolver | None = None


def lexical_resolver() -> PinyinResolver:
    """One resolver per process (its tables load once)."""
    global _resolver
    if _resolver is None:
        from reader.text.pinyin import PinyinResolver

        _resolver = PinyinResolver()
    return _resolver


def syllable_codes(library: Library) -> dict[str, str]:
    """Toneless syllable → the code point that stands for it in the index."""
    rows = library.conn.execute("SELECT id, syllable FROM search_syllables")
    return {syllable: chr(CODE_BASE + number) for number, syllable in rows}


def toneless(syllable: str) -> str:
    return syllable[:-1] if syllable[-1:].isdigit() else syllable


class ReadingEncoder:
    """Works out and encodes the shown readings of articles of one library."""

    def __init__(self, library: Library, resolver: PinyinResolver | None = None) -> None:
        self.library = library
        self.resolver = resolver or lexical_resolver()
        self.codes = syllable_codes(library)
        words = library.conn.execute("SELECT word, syllables FROM word_readings").fetchall()
        self.word_readings = {word: decode(stored) for word, stored in words}

    def shown_readings(self, article_id: int) -> tuple[str, list[str | None]] | None:
        """The article's text and one syllable (or None) per character, as shown."""
        conn = self.library.conn
        row = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return None
        text: str = row[0]
        blob = conn.execute(
            "SELECT token_ends FROM article_tokens WHERE article_id = ?", [article_id]
        ).fetchone()
        ends = unpack_token_ends(blob[0]) if blob else []
        if not ends or ends[-1] != len(text):
            ends = [len(text)] if text else []
        per_char: list[str | None] = []
        for readings in self.resolver.resolve_lexical(text, ends):
            per_char.extend(readings)
        start = 0
        for end in ends:
            word = self.word_readings.get(text[start:end])
            if word is not None and len(word) == end - start:
                per_char[start:end] = word
            start = end
        overrides = conn.execute(
            "SELECT start, end, syllables FROM reading_overrides WHERE article_id = ?",
            [article_id],
        )
        for first, last, stored in overrides:
            syllables = decode(stored)
            if len(syllables) == last - first and last <= len(text):
                per_char[first:last] = syllables
        return text, per_char

    def code_of(self, syllable: str, change: ChangeBuilder) -> str:
        bare = toneless(syllable)
        code = self.codes.get(bare)
        if code is None:
            number = index_writes.add_syllable(self.library.conn, change, bare)
            code = self.codes[bare] = chr(CODE_BASE + number)
        return code

    def encode_article(self, article_id: int, change: ChangeBuilder) -> tuple[str, str, str] | None:
        """(toneless, tones, initials) of the article as shown; None if it is gone."""
        shown = self.shown_readings(article_id)
        if shown is None:
            return None
        _, per_char = shown
        codes, tones, initials = [], [], []
        for syllable in per_char:
            if not syllable:
                codes.append(NO_READING)
                tones.append(NO_READING)
                initials.append(NO_READING)
                continue
            codes.append(self.code_of(syllable, change))
            tones.append(syllable[-1] if syllable[-1].isdigit() else "5")
            initials.append(syllable[0])
        return "".join(codes), "".join(tones), "".join(initials)
