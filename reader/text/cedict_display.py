"""CC-CEDICT's readings and glosses written for people, as the hover card shows them. Qt-free.

CEDICT writes pinyin as numbered syllables ("Lu:3 liang2") and refers to other words with a
markup of its own: ``呂梁|吕梁[Lu:3 liang2]`` (traditional|simplified[pinyin]), ``次[ci4]``
(one form for both scripts), a bare ``[ruan3]`` ("Taiwan pr. [ruan3]"), ``山西|山西`` without
a reading, and measure words as ``CL:次[ci4],種|种[zhong3]``. Here the references become
"吕梁 Lǚliáng" in the script of the text being read, and the measure words a list.

Readings are spelled as words: a word's syllables run together (yínháng), a capitalised
syllable starts a new word as CEDICT's capitals mark the words of a name (Xīng Xiàn,
Táizhōng Xiàn), an apostrophe goes before a syllable that starts with a, o or e inside a
word (Lù'ān), and a long run of common syllables is written two by two (yīmǎ dāngxiān), the
way four-character phrases are usually spelled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from reader.text.pinyin_syllables import to_tone_marks

Script = Literal["simplified", "traditional"]
SIMPLIFIED: Script = "simplified"
TRADITIONAL: Script = "traditional"

# A numbered syllable as CEDICT writes it, capitals included: "Lu:3", "hang2", "r5", "xx5".
_SYLLABLE = re.compile(r"^[A-Za-z]+(?::[A-Za-z]*)?[1-5]$")
# A run of this many common syllables or more is spelled in pairs.
_PAIRED_FROM = 4

# A headword inside a gloss: no spaces, brackets, bars or ASCII punctuation. Ordinary English
# words match too and come back unchanged (`_render_reference`).
_HEAD = r"[^\s\[\]|,;:/()\"'.?!]+"
_REFERENCE = re.compile(
    rf"(?P<first>{_HEAD})(?:\|(?P<second>{_HEAD}))?(?:\s?\[(?P<pinyin>[^\]]*)\])?"
    r"|\[(?P<bare>[^\]]*)\]"
)
_MEASURE_WORDS = re.compile(r"^CL:\s*(?P<list>.+)$")
# The label of a measure-word list, for one word and for several; a window passes its own
# words (translated), the command line keeps these.
MEASURE_LABELS: tuple[str, str] = ("measure word", "measure words")


def is_syllable(token: str) -> bool:
    """True for a numbered pinyin syllable as CEDICT writes it ("Xing1", "lu:4", "r5")."""
    return bool(_SYLLABLE.match(token))


def _is_capitalised(syllable: str) -> bool:
    return syllable[:1].isupper()


def _join_run(marked: list[str]) -> str:
    """Tone-marked syllables of one word run together, with the apostrophe before a, o, e."""
    word = ""
    for syllable in marked:
        if word and syllable[:1].lower() in "aāáǎàoōóǒòeēéěè":
            word += "'"
        word += syllable
    return word


def _spell_word(syllables: list[str]) -> list[str]:
    """One word's numbered syllables (a capital first, or all common) as written pieces."""
    marked = [to_tone_marks(s) for s in syllables]
    if len(marked) >= _PAIRED_FROM and not any(_is_capitalised(s) for s in syllables):
        return [_join_run(marked[i : i + 2]) for i in range(0, len(marked), 2)]
    return [_join_run(marked)]


def spell_reading(syllables: Sequence[str]) -> str:
    """Numbered syllables as CEDICT writes them, spelled as words with tone marks:
    ("Chong2", "qing4") → "Chóngqìng", ("Xing1", "Xian4") → "Xīng Xiàn", ("na3", "r5") →
    "nǎr", ("yi1", "ma3", "dang1", "xian1") → "yīmǎ dāngxiān". Tokens that are no syllable
    ("C" of 3C, "," inside an idiom) stand as they are: letters as words of their own,
    punctuation after the word before."""
    pieces: list[str] = []
    word: list[str] = []

    def finish_word() -> None:
        if word:
            pieces.extend(_spell_word(word))
            word.clear()

    for token in syllables:
        if is_syllable(token):
            if _is_capitalised(token):
                finish_word()
            word.append(token)
            continue
        finish_word()
        if pieces and not any(ch.isalnum() for ch in token):
            pieces[-1] += token  # punctuation: "yī, èr"
        else:
            pieces.append(token)
    finish_word()
    return " ".join(pieces)


def _choose(first: str, second: str | None, script: Script) -> str:
    """CEDICT writes traditional|simplified; one form serves both."""
    if second is None:
        return first
    return second if script == SIMPLIFIED else first


def _render_reference(match: re.Match[str], script: Script) -> str:
    bare = match.group("bare")
    if bare is not None:
        return spell_reading(bare.split())
    first, second, pinyin = match.group("first", "second", "pinyin")
    if pinyin is None and second is None:
        return first  # a plain word ("Shanxi", or 山西 with no reading): as written
    if pinyin is None:
        if all(ord(ch) < 128 for ch in first + (second or "")):
            return match.group(0)  # "and|or" in English: not CEDICT's markup
        return _choose(first, second, script)
    word = _choose(first, second, script)
    return f"{word} {spell_reading(pinyin.split())}"


def _render_references(text: str, script: Script) -> str:
    return _REFERENCE.sub(lambda match: _render_reference(match, script), text)


def render_gloss(
    gloss: str, script: Script = SIMPLIFIED, measure_labels: tuple[str, str] = MEASURE_LABELS
) -> str:
    """One CEDICT gloss as plain text for people, in `script`:
    "CL:次[ci4],種|种[zhong3]" → "measure words: 次 cì, 种 zhǒng";
    "see 智商[zhi4 shang1]" → "see 智商 zhìshāng"; "Taiwan pr. [ruan3]" → "Taiwan pr. ruǎn".
    The result is text to show as text (never markup)."""
    measure = _MEASURE_WORDS.match(gloss.strip())
    if measure is not None:
        # Split at the commas between references, not inside a bracket.
        items = [item.strip() for item in re.split(r",(?![^\[]*\])", measure.group("list"))]
        words = [_render_references(item, script) for item in items if item]
        label = measure_labels[0] if len(words) == 1 else measure_labels[1]
        return f"{label}: {', '.join(words)}"
    return _render_references(gloss, script)


def script_of(word: str, entries: Sequence) -> Script:  # DictionaryEntry-like entries
    """The script `word` is written in, as far as the dictionary tells: traditional when an
    entry's traditional form is the word and no entry's simplified form is; else
    simplified (also when the word reads the same in both)."""
    if any(entry.simplified == word for entry in entries):
        return SIMPLIFIED
    if any(entry.traditional == word for entry in entries):
        return TRADITIONAL
    return SIMPLIFIED


def written_syllables(entry: object) -> tuple[str, ...]:
    """An entry's syllables with CEDICT's capitals where the entry keeps them, else its
    lower-cased ones (an entry made without them, as tests' stand-ins are)."""
    written = getattr(entry, "written_pinyin", ())
    return tuple(written) if written else tuple(entry.pinyin)  # type: ignore[attr-defined]


def entry_text(
    entry: object,
    script: Script,
    max_glosses: int,
    measure_labels: tuple[str, str] = MEASURE_LABELS,
) -> str:
    """One entry as a line of the card: its reading spelled as words, then its glosses
    (at most `max_glosses`, "…" for the rest), markup rendered in `script`."""
    reading = spell_reading(written_syllables(entry))
    glosses_all: Sequence[str] = entry.glosses  # type: ignore[attr-defined]
    glosses = "; ".join(render_gloss(g, script, measure_labels) for g in glosses_all[:max_glosses])
    if len(glosses_all) > max_glosses:
        glosses += "; …"
    return f"{reading}  {glosses}"
