"""A character's senses as the card's Characters section shows them. Qt-free.

CC-CEDICT lists a simplified character once per traditional form: 历 is 曆 "calendar", 歷
"to experience; history", and 厤 and 歴, "old variant of 歷|历[li4]". A reader of the text
needs every sense, once per reading, and not the lines that only say the character is a
variant of itself ("variant of 历" under 历): so the entries of one reading are merged, in
dictionary order, and a "… variant of X" gloss is dropped when X, in the script of the
text, is the character shown. "variant of" glosses that name another character stay
(那 "variant of 哪[na3]").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.cedict_display import MEASURE_LABELS, Script, entry_text, written_syllables

# "variant of 歷|历[li4]", "old variant of 畝|亩[mu3]", "archaic variant of 汝[ru3]": the
# whole gloss names one other form, traditional|simplified or one form for both.
_VARIANT_OF = re.compile(
    r"^(?:[\w-]+\s+)*variant of\s+(?P<first>[^\s\[\]|,;]+)(?:\|(?P<second>[^\s\[\]|,;]+))?"
    r"(?:\s?\[[^\]]*\])?$"
)


@dataclass(frozen=True)
class ReadingSenses:
    """The senses of one reading of a character, merged from all its entries; shaped like a
    dictionary entry for `entry_text`."""

    pinyin: tuple[str, ...]
    written_pinyin: tuple[str, ...]
    glosses: tuple[str, ...]
    is_proper_noun: bool


def is_variant_of_itself(gloss: str, char: str, script: Script) -> bool:
    """True when `gloss` only says `char` is a variant of `char` as written in `script`."""
    match = _VARIANT_OF.match(gloss.strip())
    if match is None:
        return False
    first, second = match.group("first", "second")
    named = first if second is None or script == "traditional" else second
    return named == char


def reading_senses(char: str, entries: Sequence, script: Script) -> list[ReadingSenses]:
    """`entries` (a character's, in the card's order) merged per reading (proper nouns apart
    from common words), without the glosses that call `char` a variant of itself; a reading
    left with no gloss is left out, unless no reading has any (then the entries stand)."""
    merged: dict[tuple[tuple[str, ...], bool], ReadingSenses] = {}
    for entry in entries:
        key = (tuple(s.lower() for s in entry.pinyin), bool(entry.is_proper_noun))
        kept = tuple(g for g in entry.glosses if not is_variant_of_itself(g, char, script))
        known = merged.get(key)
        if known is None:
            merged[key] = ReadingSenses(
                key[0], written_syllables(entry), kept, bool(entry.is_proper_noun)
            )
        else:
            new = tuple(g for g in kept if g not in known.glosses)
            merged[key] = ReadingSenses(
                known.pinyin, known.written_pinyin, known.glosses + new, known.is_proper_noun
            )
    senses = [reading for reading in merged.values() if reading.glosses]
    if senses or not merged:
        return senses
    return [
        ReadingSenses(
            tuple(s.lower() for s in entry.pinyin),
            written_syllables(entry),
            tuple(entry.glosses),
            bool(entry.is_proper_noun),
        )
        for entry in entries
    ]


def character_lines(
    char: str,
    entries: Sequence,
    script: Script,
    max_readings: int,
    max_glosses: int,
    measure_labels: tuple[str, str] = MEASURE_LABELS,
) -> list[str]:
    """The card's lines for one character: "历  lì  calendar; to experience; …", one per
    reading (at most `max_readings`)."""
    return [
        f"{char}  {entry_text(reading, script, max_glosses, measure_labels)}"
        for reading in reading_senses(char, entries, script)[:max_readings]
    ]
