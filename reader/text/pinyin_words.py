"""What the word lists say of a word: pypinyin's phrase table and, when the dictionary has
been built (`reader.text.dictionary`), CC-CEDICT, per character of the word. Qt-free.

CC-CEDICT settles a character of a headword only where all the headword's entries agree on
it (还款 huán kuǎn, 单县 Shàn Xiàn); where they differ, their readings are choices for the
model. `combine` says how the two lists are weighed against each other. A token neither
knows is matched against both, longest first, by the words it contains (国家银行 → 国家 +
银行): `WordReadings.cover`. Given pypinyin's character table and jieba's tags (`CharTable`),
a reading the phrase table marks for a whole token is kept, and a short list of everyday
words overrides both lists (`reader.text.pinyin_word_facts`), as do the readings of whole
tokens found wrong in a hand audit of the lexicon (`reader.text.pinyin_word_readings`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from reader.text.chars import is_han
from reader.text.pinyin_syllables import is_canonical, normalise
from reader.text.pinyin_word_facts import everyday_readings_in, marks_reading
from reader.text.pinyin_word_readings import audited_reading

# Last characters of administrative place names (单县, 六安市, 朝阳区).
_PLACE_SUFFIXES = frozenset("县市区州省镇乡村旗盟")

# Particles and suffixes, neutral in the words CC-CEDICT writes them so (觉得, 接着, 什么).
_PARTICLES = frozenset("得着了过么子")

# Tone sandhi forms that some word lists write, and the dictionary tone shown instead.
_UNDO_SANDHI = {"一": {"yi2": "yi1", "yi4": "yi1"}, "不": {"bu2": "bu4"}}


class DictionaryLike(Protocol):
    """What pinyin needs of `reader.text.dictionary.Dictionary`: a word's readings, one
    syllable per character."""

    def readings(self, word: str) -> list[tuple[str, ...]]: ...


class CharTable(Protocol):
    """What `WordReadings` needs of `reader.text.pinyin_lexicon.Lexicon`: pypinyin's readings
    of a character (comma-separated, commonest first) and jieba's part of speech of a word."""

    def char_readings(self, char: str) -> str | None: ...

    def tag(self, word: str) -> str | None: ...


class Options(NamedTuple):
    """What the word lists say of one character of a word: its readings (first preferred)
    and whether the first is trusted over the model."""

    readings: tuple[str, ...]
    trusted: bool


class Evidence(NamedTuple):
    """Each list's readings of one character of a word, for the learned arbiter: the phrase
    table's (first preferred), CC-CEDICT's, whether they come from the token itself or from a
    word inside it, and the two `combine`d."""

    phrase: tuple[str, ...]
    dictionary: tuple[str, ...]
    whole: bool
    options: Options


def canonical_syllables(marked: Iterable[str]) -> tuple[str, ...]:
    out = []
    for syllable in marked:
        try:
            out.append(normalise(syllable))
        except ValueError:
            continue
    return tuple(dict.fromkeys(out))


def listed_readings(listed: str | None) -> tuple[str, ...]:
    """A character's readings as the lexicon lists them (comma-separated, tone marks, most
    common first), in numbered form."""
    return canonical_syllables(listed.split(",")) if listed else ()


def undo_sandhi(char: str, reading: str | None) -> str | None:
    """The dictionary tone of 一 or 不 for a sandhi form a word list wrote (yí → yī)."""
    table = _UNDO_SANDHI.get(char)
    if table is None or reading is None:
        return reading
    return table.get(reading, reading)


class WordReadings:
    """The word readings of a loaded phrase table and (optional) dictionary, cached."""

    def __init__(
        self,
        phrases: dict[str, list[list[str]]],
        dictionary: DictionaryLike | None,
        chars: CharTable | None = None,
    ) -> None:
        """`chars`: for keeping the readings the phrase table marks (without it, they are
        priors like any other)."""
        self._phrases = phrases
        self._dictionary = dictionary
        self._chars = chars
        self._cache: dict[str, tuple[Evidence, ...] | None] = {}

    def of_word(self, word: str) -> tuple[Options, ...] | None:
        """Per character, what the word lists say of `word` as a whole, or None when neither
        the phrase table nor CC-CEDICT knows it."""
        found = self.evidence_of_word(word)
        return None if found is None else tuple(e.options for e in found)

    def evidence_of_word(self, word: str, whole: bool = True) -> tuple[Evidence, ...] | None:
        """Per character, each list's readings of `word` as a whole, or None when neither
        knows it."""
        if word in self._cache:
            found = self._cache[word]
            if found is None or found[0].whole == whole:
                return found
            return tuple(e._replace(whole=whole) for e in found)
        phrase_options: list[tuple[str, ...]] | None = None
        phrase = self._phrases.get(word)
        if phrase is not None and len(phrase) == len(word):
            phrase_options = [
                tuple(dict.fromkeys(undo_sandhi(c, r) for r in canonical_syllables(options)))
                for c, options in zip(word, phrase, strict=True)
            ]
            if not all(phrase_options):
                phrase_options = None
        entries = self._dictionary_readings(word)
        if phrase_options is None and not entries:
            result = None
        else:
            per_char = []
            place = word[-1] in _PLACE_SUFFIXES
            for index, char in enumerate(word):
                from_phrase = phrase_options[index] if phrase_options else ()
                from_dictionary = tuple(
                    dict.fromkeys(undo_sandhi(char, entry[index]) for entry in entries)
                )
                per_char.append(
                    Evidence(
                        from_phrase,
                        from_dictionary,
                        whole,
                        combine(from_phrase, from_dictionary, place, char in _PARTICLES),
                    )
                )
            result = tuple(per_char)
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[word] = result
        return result

    def _dictionary_readings(self, word: str) -> list[tuple[str, ...]]:
        """CC-CEDICT's readings of `word` (one syllable per character, valid ones only)."""
        if self._dictionary is None:
            return []
        try:
            found = self._dictionary.readings(word)
        except Exception:  # noqa: BLE001 - a broken dictionary must not stop pinyin
            return []
        out = []
        for reading in found:
            lowered = tuple(s.lower() for s in reading)
            if len(lowered) == len(word) and all(
                is_canonical(s) or not is_han(c) for s, c in zip(lowered, word, strict=True)
            ):
                out.append(lowered)
        return out

    def cover(self, word: str) -> list[Options | None]:
        """Per character of `word`: the word readings that cover it, from the whole word or
        else from the longest known words inside it (forward maximum matching)."""
        return [None if e is None else e.options for e in self.cover_evidence(word)]

    def cover_evidence(self, word: str) -> list[Evidence | None]:
        """`cover`, with each list's readings and whether they are the whole token's."""
        whole = self.evidence_of_word(word) if len(word) > 1 else None
        if whole is not None:
            cover: list[Evidence | None] = [
                self._kept_if_marked(word, char, e) for char, e in zip(word, whole, strict=True)
            ]
        else:
            cover = [None] * len(word)
            start = 0
            while start < len(word) - 1:
                for end in range(len(word) - (start == 0), start + 1, -1):
                    found = self.evidence_of_word(word[start:end], whole=False)
                    if found is not None:
                        cover[start:end] = found
                        start = end
                        break
                else:
                    start += 1
        for index, reading in enumerate(everyday_readings_in(word)):
            if reading is not None:
                known = cover[index] or Evidence((), (), False, Options((), False))
                cover[index] = known._replace(options=Options((reading,), True))
        for index, reading in enumerate(audited_reading(word) or ()):
            # The hand-audited reading of the whole token (`.pinyin_word_readings`).
            known = cover[index] or Evidence((), (), True, Options((), False))
            cover[index] = known._replace(options=Options((reading,), True))
        return cover

    def _kept_if_marked(self, word: str, char: str, evidence: Evidence) -> Evidence:
        """`evidence`, trusted when it is a reading the phrase table marks for the whole
        token (`pinyin_word_facts.marks_reading`)."""
        phrase = evidence.phrase
        if self._chars is None or len(phrase) != 1 or evidence.dictionary:
            return evidence
        commonest = listed_readings(self._chars.char_readings(char))[:1]
        first = undo_sandhi(char, commonest[0]) if commonest else None
        if not marks_reading(word, phrase[0], first, self._chars.tag(word)):
            return evidence
        return evidence._replace(options=Options(phrase, True))


def combine(
    from_phrase: tuple[str, ...],
    from_dictionary: tuple[str, ...],
    place: bool,
    particle: bool = False,
) -> Options:
    """One character's word readings from the phrase table and CC-CEDICT.

    CC-CEDICT is hand-checked, pypinyin's phrase table partly generated: where both know the
    word and CC-CEDICT is unambiguous, its reading is trusted, also against the phrase table
    (还款 huán, not hái), except that where the two differ only in CC-CEDICT's neutral tone
    the full tone is kept (认识 rènshí: the lists disagree on whether the syllable weakens),
    unless the character is a `particle` (说得过去 de, 显得 de, 意味着 zhe: the phrase table
    writes the full tone of what is a particle or suffix in the word).
    A reading from one list only is a prior that a near-certain model may override (吡咯 bǐluò,
    where the phrase table has gē), except CC-CEDICT's readings of administrative place names
    (单县 Shàn Xiàn), which the model, trained on other text, cannot know. Several readings
    (朝阳 zhāo/cháo) leave the choice to the model.
    """
    if len(from_dictionary) == 1:
        reading = from_dictionary[0]
        if len(from_phrase) == 1 and reading.endswith("5") and not particle:
            full = from_phrase[0]
            if full[:-1] == reading[:-1]:
                reading = full
        return Options((reading,), bool(from_phrase) or place)
    if len(from_phrase) == 1 and not from_dictionary:
        return Options(from_phrase, False)
    return Options(tuple(dict.fromkeys((*from_phrase, *from_dictionary))), False)


def open_default_dictionary() -> DictionaryLike | None:
    """The built CC-CEDICT dictionary, or None when it is missing or not built yet."""
    try:
        from reader.text import dictionary as dictionary_module
    except ImportError:
        return None
    try:
        return dictionary_module.Dictionary.open()
    except dictionary_module.DictionaryNotBuilt:
        return None
    except Exception:  # noqa: BLE001 - pinyin works without the dictionary
        return None
