"""What counts as a word, the statuses a word can have, and the sentence a word sits in.
Pure functions. Qt-free.

A word is a stored jieba token made of Han characters only: numbers (Arabic or spelled in
Chinese numerals, unless the HSK lists know the token as a word, like 千万 "by all
means"), Latin words and punctuation never count, so they neither colour nor weigh in the
known share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from reader.messages import message
from reader.text.chars import is_all_han, is_han

NEW = "new"
KNOWN = "known"
IGNORED = "ignored"
LEARNING = ("learning1", "learning2", "learning3", "learning4")
STATUSES = (NEW, *LEARNING, KNOWN, IGNORED)
# Spellings accepted from a reader (the CLI, an import), each to its stored status.
_STATUS_SPELLINGS = {
    **{status: status for status in STATUSES},
    **{f"learning-{n}": f"learning{n}" for n in range(1, 5)},
    **{f"learning {n}": f"learning{n}" for n in range(1, 5)},
    **{str(n): f"learning{n}" for n in range(1, 5)},
    "learning": "learning1",
    "k": KNOWN,
    "i": IGNORED,
    "0": NEW,
    "n": NEW,
}
MAX_WORD_CHARS = 20
# Characters Chinese numbers are spelled with: a token of these alone is a number.
_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟")
# Where a sentence ends: after these (and any closing quotes right after them).
_SENTENCE_ENDS = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)")
MAX_SENTENCE_CHARS = 160


class WordRefused(ValueError):
    """A word or status that cannot be stored; the message says why, in words."""


def checked_status(status: str) -> str:
    """The stored spelling of `status` ("learning2", "known", …); WordRefused otherwise."""
    found = _STATUS_SPELLINGS.get(status.strip().lower())
    if found is None:
        raise WordRefused(
            message(
                "“{status}” is not a word status; use one of new, learning1–learning4, known, "
                "ignored.",
                status=status,
            )
        )
    return found


def is_learning(status: str) -> bool:
    return status in LEARNING


@lru_cache(maxsize=200_000)
def is_word(token: str) -> bool:
    """Whether the token counts as a word (see the module docstring)."""
    if len(token) > MAX_WORD_CHARS or not is_all_han(token):
        return False
    if len(token) > 1 and all(char in _NUMERAL_CHARS for char in token):
        from reader.learning.hsk import hsk_level

        return hsk_level(token, "3.0") is not None or hsk_level(token, "2.0") is not None
    return True


def checked_word(word: str) -> str:
    """`word` stripped, when it is a word; WordRefused with the reason otherwise."""
    cleaned = word.strip()
    if not cleaned or not any(is_han(char) for char in cleaned):
        raise WordRefused(
            message("“{word}” has no Chinese character; it is not a word.", word=word)
        )
    if not is_word(cleaned):
        raise WordRefused(
            message(
                "“{word}” is not a word (only Chinese characters, up to {limit}; no numbers, "
                "Latin letters or punctuation).",
                word=word,
                limit=MAX_WORD_CHARS,
            )
        )
    return cleaned


def word_counts(text: str, token_ends: Sequence[int]) -> Counter[str]:
    """How often each word occurs among the article's tokens."""
    # Every token counted first and each distinct one asked `is_word` once: an article
    # repeats its tokens about ten times over, and this runs at every import.
    starts = chain((0,), token_ends)  # one longer than the ends: strict=False
    running = Counter(text[start:end] for start, end in zip(starts, token_ends, strict=False))
    return Counter({token: n for token, n in running.items() if is_word(token)})


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from after the previous sentence end to after the
    next (closing quotes kept), trimmed of spaces, at most MAX_SENTENCE_CHARS around."""
    low = start
    floor = max(0, start - MAX_SENTENCE_CHARS // 2)
    while low > floor and text[low - 1] not in _SENTENCE_ENDS:
        low -= 1
    high = end
    ceiling = min(len(text), end + MAX_SENTENCE_CHARS // 2)
    while high < ceiling and text[high] not in _SENTENCE_ENDS:
        high += 1
    if high < len(text) and text[high] != "\n":
        high += 1
        while high < len(text) and text[high] in _CLOSERS:
            high += 1
    # Spaces, and the closing quote of the sentence before (。” …), are not this one.
    while low < start and (text[low].isspace() or text[low] in _CLOSERS):
        low += 1
    while high > end and text[high - 1].isspace():
        high -= 1
    return low, high
