"""Whole-word readings from a hand audit of the lexicon by frequency. Qt-free.

tools/audit_word_readings.py lists the common words of jieba's dictionary (2-4 characters,
holding a polyphone) whose readings disagree: Yuedu's, on the word alone and in neutral
frames, against pypinyin's phrase table and CC-CEDICT, or the lists against each other.
Each was judged by the 现代汉语词典's everyday reading; where Yuedu read an unambiguous word
wrongly (得分 dé, not děi; 缘分 fèn; 点儿 diǎnr, not diǎn ér), the word is in
resources/pinyin_word_readings.tsv with its reading and why. Words whose reading depends on
their sense (分子, 见长, 重重), proper names and words not judged with certainty are not.

A word's reading applies only where the word is one whole token, never across tokens nor
to a shorter word inside a token (部长会议 has its own line): above the word lists
(`reader.text.pinyin_words.WordReadings.cover_evidence` trusts it, so the model does not
decide) and again after `reader.text.pinyin_colloquial`, which may choose another CC-CEDICT
entry (不是 bú·shi, "fault"). The grammar and surname rules run after it. The reader's own
corrections stand above all of this. The file is read on the first lookup, not at import.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reader.text.pinyin_syllables import is_canonical

FILE_NAME = "pinyin_word_readings.tsv"

_lock = threading.Lock()
_table: dict[str, tuple[str, ...]] | None = None


def parse_word_readings(text: str) -> dict[str, tuple[str, ...]]:
    """The entries of a word-readings file: word → one canonical syllable per character.
    Lines starting with # and blank lines are skipped; a malformed line raises ValueError."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise ValueError(f"line {number}: expected word<TAB>pinyin<TAB>why")
        word, reading = fields[0].strip(), tuple(fields[1].split())
        if len(reading) != len(word) or not all(is_canonical(s) for s in reading):
            raise ValueError(f"line {number}: {word!r} needs one canonical syllable a character")
        if word in table:
            raise ValueError(f"line {number}: {word!r} is listed twice")
        table[word] = reading
    return table


def default_path() -> Path:
    from reader.paths import RESOURCES_DIR

    return RESOURCES_DIR / FILE_NAME


def word_readings() -> dict[str, tuple[str, ...]]:
    """The audited whole-word readings, read from the resources file on first call (empty
    when the file is missing: pinyin works without it)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                try:
                    text = default_path().read_text(encoding="utf-8")
                except OSError:
                    text = ""
                _table = parse_word_readings(text)
    return _table


def audited_reading(token: str) -> tuple[str, ...] | None:
    """The audited reading of `token` as a whole, one syllable per character, or None."""
    if len(token) < 2:
        return None
    return word_readings().get(token)
