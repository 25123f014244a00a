"""What a typed query means: characters, or pinyin in any of its spellings. Qt-free.

Pinyin is accepted toneless (`yinhang`, `yin hang`, `yin'hang`), with tone numbers
(`yin2hang2`, `lv4`), with tone marks (`yínháng`, `lǜ`), or mixed; a query may also be the
initials of the syllables (`yh`), when asked. A run of letters is cut into syllables in
the fewest syllables of the inventory it can be cut into (`xian` is xian; xi an is typed
`xi'an`; a run with several such cuts searches them all), a digit or a mark ending or
marking the syllable it belongs to.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reader.messages import message
from reader.text.chars import is_han
from reader.text.pinyin_syllables import normalise

MAX_PARSES = 8
_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


class QueryRefused(ValueError):
    """A query that cannot be searched; the message says why, in words."""


@dataclass(frozen=True)
class Syllable:
    toneless: str  # canonical letters: "hang", "lu:"
    tone: int | None  # 1-5, or None: any


@lru_cache(maxsize=1)
def syllable_inventory() -> frozenset[str]:
    """Every toneless syllable pypinyin's character table uses (~420), canonical."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for listed in pinyin_dict.values():
        for marked in listed.split(","):
            try:
                found.add(normalise(marked)[:-1])
            except ValueError:
                continue
    return frozenset(found)


def has_search_text(query: str) -> bool:
    """Whether the query holds anything to search for: letters, digits or Han characters,
    not only spaces and punctuation."""
    return any(is_han(char) or unicodedata.category(char)[0] in "LN" for char in query)


def check_query(query: str) -> str:
    """The query to search for (trimmed), or `QueryRefused` with the reason."""
    trimmed = query.strip()
    if not trimmed:
        raise QueryRefused(message("The query is empty."))
    if not has_search_text(trimmed):
        raise QueryRefused(
            message("“{text}” is only punctuation or spaces; type some text.", text=trimmed)
        )
    return trimmed


def typed_letters(query: str) -> str:
    """The query in lower case, full-width letters and digits as ASCII: a Chinese input
    method left in full-width mode types ｙｉｎｈａｎｇ２."""
    return query.lower().translate(_HALF_WIDTH)


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def looks_like_pinyin(query: str) -> bool:
    """Latin letters (with tone marks, ü), digits 0-5, spaces and apostrophes only."""
    for char in unicodedata.normalize("NFD", typed_letters(query)):
        if not (("a" <= char <= "z") or char in "012345 '’:\u0308" or char in _MARKS):
            return False
    return any("a" <= char <= "z" for char in typed_letters(query))


# lüe and nüe as input methods and Pleco take them without the diaeresis: no other syllable
# is spelled so, and learners type 略 as lue.
_WITHOUT_DIAERESIS = {"lue": "lu:e", "nue": "nu:e"}


def _syllable_letters(typed: str) -> str:
    """A syllable's typed letters (ü as v) in canonical form: "lv" → "lu:", "lue" → "lu:e"."""
    letters = typed.replace("v", "u:")
    return _WITHOUT_DIAERESIS.get(letters, letters)


def _letters_and_tones(chunk: str) -> tuple[str, dict[int, int], set[int]]:
    """The chunk's letters (ü as "v"), the tone marked or numbered after each letter index,
    and the indexes after which a syllable must end (a digit)."""
    letters: list[str] = []
    tones: dict[int, int] = {}
    ends: set[int] = set()
    for char in unicodedata.normalize("NFD", chunk):
        if char in _MARKS:
            if letters:
                tones[len(letters) - 1] = _MARKS[char]
        elif char == "\u0308":  # ü = u + diaeresis
            if letters and letters[-1] == "u":
                letters[-1] = "v"
        elif char.isdigit():
            if letters:
                tones[len(letters) - 1] = 5 if char == "0" else int(char)
                ends.add(len(letters))
        elif char == ":":
            if letters and letters[-1] == "u":
                letters[-1] = "v"
        else:
            letters.append(char)
    return "".join(letters), tones, ends


def _cuts(letters: str, ends: set[int]) -> list[list[tuple[int, int]]]:
    """The ways to cut `letters` into the fewest syllables of the inventory, respecting
    `ends` (at most MAX_PARSES, longest syllables first).

    The fewest syllables only, as an input method reads a run of letters: `xian` is 先,
    not 西安 (typed `xi'an`), and `yinhang` is not yin ha ng. The fewest are counted from
    the end first, so that only cuts that finish are walked: trying every cut of a run
    that has none (`xianxian…q`) took time exponential in its length."""
    inventory = syllable_inventory()
    longest = max(map(len, inventory))
    size = len(letters)
    must_end = [index in ends for index in range(size + 1)]
    never = size + 1
    fewest = [never] * (size + 1)  # fewest[i]: the fewest syllables letters[i:] is cut into
    fewest[size] = 0
    stops: list[list[int]] = [[] for _ in range(size + 1)]  # where a fewest cut goes next
    for start in range(size - 1, -1, -1):
        for stop in range(min(size, start + longest), start, -1):  # longest first
            count = fewest[stop] + 1
            if count > fewest[start] or any(must_end[start + 1 : stop]):
                continue
            if _syllable_letters(letters[start:stop]) not in inventory:
                continue
            if count < fewest[start]:
                fewest[start], stops[start] = count, []
            stops[start].append(stop)
    if fewest[0] >= never:
        return []
    # Walked without recursion (a pasted run may be thousands of syllables), each cut kept
    # as a chain of (syllable, rest) so that a step copies nothing.
    found: list[list[tuple[int, int]]] = []
    pending: list[tuple[int, tuple | None]] = [(0, None)]
    while pending and len(found) < MAX_PARSES:
        start, chain = pending.pop()
        if start == size:
            cut: list[tuple[int, int]] = []
            while chain is not None:
                chain, syllable = chain
                cut.append(syllable)
            found.append(cut[::-1])
            continue
        for stop in reversed(stops[start]):  # so that the longest is taken first
            pending.append((stop, (chain, (start, stop))))
    return found


def parse_pinyin(query: str) -> list[tuple[Syllable, ...]]:
    """Every reading of `query` as a run of syllables (empty: it is not pinyin)."""
    if not looks_like_pinyin(query):
        return []
    chunks = [c for c in typed_letters(query).replace("’", " ").replace("'", " ").split() if c]
    parses: list[tuple[Syllable, ...]] = [()]
    for chunk in chunks:
        letters, tones, ends = _letters_and_tones(chunk)
        options = []
        for cut in _cuts(letters, ends):
            syllables = []
            for start, stop in cut:
                tone = next((tones[i] for i in range(start, stop) if i in tones), None)
                syllables.append(Syllable(_syllable_letters(letters[start:stop]), tone))
            options.append(tuple(syllables))
        if not options:
            return []
        parses = [done + option for done in parses for option in options][:MAX_PARSES]
    return [parse for parse in parses if parse]


def parse_initials(query: str) -> str:
    """The letters of an initials query (`yh`, `y h`): empty when it is not one."""
    letters = "".join(typed_letters(query).split()).replace("'", "")
    return letters if letters.isascii() and letters.isalpha() else ""
