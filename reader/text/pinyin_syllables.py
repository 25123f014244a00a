"""One spelling for a pinyin syllable, and conversions to and from it.

The canonical syllable is CC-CEDICT's numbered form in lower case: ``"hang2"``,
``"lu:4"`` (lǜ: ü is written ``u:``), ``"de5"`` (5 is the neutral tone), ``"r5"``
(the erhua suffix). Everything Yuedu stores or passes between modules uses it;
tone marks are made only for display, by `to_tone_marks`.

Pure string functions: no imports beyond the standard library.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks for tones 1-4 (tone 5, the neutral tone, has none).
_COMBINING = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
_MARK_TO_TONE = {mark: tone for tone, mark in _COMBINING.items()}

_CANONICAL = re.compile(r"^([a-uw-z]+|[a-uw-z]*u:[a-uw-z]*|[a-uw-z]*e\^[a-uw-z]*)([1-5])$")
_VOWELS = "aeiouü"


def tone_number(syllable: str) -> int:
    """The tone (1-5, 5 neutral) of a canonical syllable: ``"hang2"`` → 2."""
    if not syllable or syllable[-1] not in "12345":
        raise ValueError(f"not a numbered syllable: {syllable!r}")
    return int(syllable[-1])


def split_tone(syllable: str) -> tuple[str, int]:
    """``"lu:4"`` → ``("lu:", 4)``."""
    return syllable[:-1], tone_number(syllable)


def _mark_index(letters: str) -> int | None:
    """Index of the letter that carries the tone mark, by the standard rules.

    a or e takes it; in "ou" the o does; otherwise the last vowel. A syllable with no
    vowel (m, n, ng, hm, hng) carries it on its m or n.
    """
    for vowel in "ae":
        position = letters.find(vowel)
        if position >= 0:
            return position
    position = letters.find("ou")
    if position >= 0:
        return position
    for position in range(len(letters) - 1, -1, -1):
        if letters[position] in _VOWELS or letters[position] == "ê":
            return position
    for position, letter in enumerate(letters):
        if letter in "mn":
            return position
    return None


def to_tone_marks(syllable: str) -> str:
    """``"lu:4"`` → ``"lǜ"``, ``"hang2"`` → ``"háng"``, ``"de5"`` → ``"de"``, ``"r5"`` → ``"r"``.

    The result is NFC-composed (one code point per marked vowel where Unicode has one).
    A string that is not a numbered syllable is returned unchanged.
    """
    if not syllable or syllable[-1] not in "12345":
        return syllable
    letters, tone = syllable[:-1], int(syllable[-1])
    letters = letters.replace("u:", "ü").replace("v", "ü").replace("e^", "ê")
    if tone == 5:
        return letters
    index = _mark_index(letters.lower())
    if index is None:
        return letters
    marked = letters[: index + 1] + _COMBINING[tone] + letters[index + 1 :]
    return unicodedata.normalize("NFC", marked)


def _from_marks(text: str) -> str:
    """A tone-marked syllable (``"lǜ"``, ``"háng"``, ``"de"``) in canonical form."""
    decomposed = unicodedata.normalize("NFD", text)
    tone = 5
    letters = []
    for char in decomposed:
        if char in _MARK_TO_TONE:
            tone = _MARK_TO_TONE[char]
        elif char == "\u0308":  # diaeresis: u + ¨ = ü
            letters.append(":")
        elif char == "\u0302":  # circumflex: e + ^ = ê
            letters.append("^")
        else:
            letters.append(char)
    return "".join(letters) + str(tone)


def normalise(text: str) -> str:
    """Any common spelling of one syllable in canonical form.

    Accepts numbered forms (``"Hang2"``, ``"lv4"``, ``"lü4"``, ``"lu:4"``, neutral ``"de"``,
    ``"de0"`` or ``"de5"``) and tone marks (``"háng"``, ``"lǜ"``, ``"de"``). Raises
    ValueError for anything else.
    """
    s = unicodedata.normalize("NFC", text.strip()).lower()
    if not s:
        raise ValueError("empty syllable")
    if s[-1].isdigit():
        letters, tone_text = s[:-1], s[-1]
    else:
        letters, tone_text = s, ""
    if any(c in _MARK_TO_TONE for c in unicodedata.normalize("NFD", letters)):
        if tone_text:
            raise ValueError(f"both a tone mark and a tone number: {text!r}")
        s = _from_marks(letters)
        letters, tone_text = s[:-1], s[-1]
    letters = letters.replace("ü", "u:").replace("v", "u:").replace("ê", "e^")
    tone = int(tone_text) if tone_text else 5
    if tone == 0:
        tone = 5
    result = f"{letters}{tone}"
    if not _CANONICAL.match(result) or tone > 5:
        raise ValueError(f"not a pinyin syllable: {text!r}")
    return result


def from_pypinyin(s: str) -> str:
    """pypinyin's ``Style.TONE3`` output (with ``neutral_tone_with_five=True``) in canonical form.

    ``"lv4"`` → ``"lu:4"``, ``"nü3"`` → ``"nu:3"``, ``"de5"`` → ``"de5"``; a syllable without
    a number (neutral tone when ``neutral_tone_with_five`` was not set) gets 5.
    """
    return normalise(s)


def is_canonical(s: str) -> bool:
    """True for a canonical syllable such as ``"hang2"`` or ``"lu:4"``."""
    return bool(_CANONICAL.match(s))


__all__ = [
    "from_pypinyin",
    "is_canonical",
    "normalise",
    "split_tone",
    "to_tone_marks",
    "tone_number",
]
