"""Pinyin that is right in context: one reading per character of every token.

How a token's readings are chosen (`PinyinResolver.resolve`):

1. **Whole-word readings** (`reader.text.pinyin_words`). A token of two or more characters
   is looked up in pypinyin's phrase table and, when the dictionary has been built
   (`reader.text.dictionary`), in CC-CEDICT, which settles a character only where all the
   headword's entries agree on it (还款 huán kuǎn, 单县 Shàn Xiàn). A token found in neither
   is matched against both, longest first, by the words it contains (国家银行 → 国家 + 银行).
2. **The contextual model** (`reader.text.pinyin_model`: g2pM, a small bi-LSTM over the
   whole sentence, run on the sentences `reader.text.pinyin_sentences` cuts) gives, for each
   polyphonic character, a probability for each of its readings. It decides alone where no
   word reading covers the character, and it arbitrates where the word readings disagree:
   between the phrase table and CC-CEDICT, or among a phrase's alternatives (朝阳 zhāo/cháo).
   Where a word reading exists, the model overrides it only when it is nearly certain
   (p ≥ `OVERRIDE_PROBABILITY`) of another reading that is not merely the full-tone form of
   a dictionary neutral tone (`reader.text.pinyin_arbiter`).
3. **Surnames** (`reader.text.pinyin_surnames`). A polyphonic character with a surname
   reading, standing alone before a title (先生, 女士, 老师, 总, 某…) or after 姓, or in one
   token with a title (曾总), takes the surname reading: 曾先生 Zēng.

Tones are dictionary tones, as Pleco shows them: neutral tones where the dictionary has them
(了 le5 as a particle, 的 de5, 东西 dōngxi), and no spoken tone sandhi. In particular 一 is
always yī and 不 always bù (bu5 where the dictionary writes a neutral tone, as in 差不多
chàbuduō): the sandhi forms yí/yì/bú that some word lists carry are undone.

Syllables are canonical (`reader.text.pinyin_syllables`): "hang2", "lu:4", "de5".
Heavy imports (pypinyin, numpy, g2pM's weights, the dictionary) happen on first use or in
`warm_up()`, jieba's only in `resolve_text`; constructing a resolver is cheap. Qt-free.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from reader.text.chars import is_han
from reader.text.pinyin_arbiter import NON_HAN, OVERRIDE_PROBABILITY, Slot, decide
from reader.text.pinyin_model import ContextModel
from reader.text.pinyin_sentences import cut_long, sentence_token_ranges
from reader.text.pinyin_surnames import apply_surnames
from reader.text.pinyin_words import (
    DictionaryLike,
    WordReadings,
    canonical_syllables,
    open_default_dictionary,
    undo_sandhi,
)

__all__ = ["OVERRIDE_PROBABILITY", "PinyinResolver", "Readings"]

# Sentences per batch of the model.
_BATCH = 64

Readings = tuple[str | None, ...]


class PinyinResolver:
    """Resolves the pinyin of segmented text in context. See the module docstring."""

    def __init__(self, dictionary: DictionaryLike | None = None, *, use_dictionary: bool = True):
        """`dictionary`: a built `reader.text.dictionary.Dictionary` for the CC-CEDICT layer.
        When None and `use_dictionary`, the resolver opens the default one at warm-up if it
        has been built, and goes without it otherwise."""
        self._dictionary = dictionary
        self._want_dictionary = use_dictionary and dictionary is None
        self._lock = threading.Lock()
        self._loaded = False
        self._model: ContextModel | None = None
        self._words: WordReadings | None = None
        self._char_table: dict[int, str] = {}
        self._word_cache: dict[str, tuple[Slot, ...]] = {}
        self._char_cache: dict[str, tuple[str, ...]] = {}
        self._isolated_cache: dict[tuple[str, int], dict[str, float]] = {}

    # -- loading -------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load everything now (pypinyin's tables, the model, the dictionary if built)."""
        self._ensure_loaded()

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            from pypinyin.phrases_dict import phrases_dict
            from pypinyin.pinyin_dict import pinyin_dict

            self._char_table = pinyin_dict
            self._model = ContextModel()
            if self._want_dictionary:
                self._dictionary = open_default_dictionary()
            self._words = WordReadings(phrases_dict, self._dictionary)
            self._loaded = True

    @property
    def has_dictionary(self) -> bool:
        self._ensure_loaded()
        return self._dictionary is not None

    # -- readings of characters and words ---------------------------------------------

    def char_readings(self, char: str) -> tuple[str, ...]:
        """Readings of one character from pypinyin's table and g2pM's, most common first."""
        cached = self._char_cache.get(char)
        if cached is not None:
            return cached
        self._ensure_loaded()
        assert self._model is not None
        listed = self._char_table.get(ord(char))
        readings = list(canonical_syllables(listed.split(","))) if listed else []
        for reading in self._model.readings.get(char, ()):
            if reading not in readings:
                readings.append(reading)
        result = tuple(readings)
        self._char_cache[char] = result
        return result

    def alternatives(self, char: str) -> list[str]:
        """All readings of a Han character, canonical, most common first (for the UI's
        "correct this reading" menu). Empty for anything else."""
        if len(char) != 1 or not is_han(char):
            return []
        readings = list(self.char_readings(char))
        if self._dictionary is not None:
            try:
                for entry in self._dictionary.readings(char):
                    if len(entry) == 1 and entry[0].lower() not in readings:
                        readings.append(entry[0].lower())
            except Exception:  # noqa: BLE001 - the menu must not fail for a dictionary error
                pass
        return readings

    def _plan(self, word: str) -> tuple[Slot, ...]:
        plan = self._word_cache.get(word)
        if plan is not None:
            return plan
        assert self._model is not None and self._words is not None
        model = self._model
        cover = self._words.cover(word) if len(word) > 1 else [None]
        slots: list[Slot] = []
        for char, known in zip(word, cover, strict=True):
            if not is_han(char):
                slots.append(NON_HAN)
                continue
            if known is not None:
                if char in model.polyphones and not known.trusted:
                    slots.append(Slot(prior=known.readings[0], choices=known.readings))
                else:
                    slots.append(Slot(fixed=known.readings[0]))
                continue
            if char in model.polyphones:
                slots.append(Slot())
                continue
            readings = self.char_readings(char)
            slots.append(Slot(fixed=undo_sandhi(char, readings[0]) if readings else None))
        plan = tuple(slots)
        if len(self._word_cache) > 500_000:
            self._word_cache.clear()
        self._word_cache[word] = plan
        return plan

    # -- resolving -----------------------------------------------------------------------

    def resolve(self, text: str, token_ends: Sequence[int]) -> list[Readings]:
        """For each token (ending at each offset of `token_ends`, covering `text` exactly):
        one canonical syllable per code point, None for non-Han characters."""
        self._ensure_loaded()
        assert self._model is not None
        starts = [0, *token_ends[:-1]] if token_ends else []
        if token_ends and token_ends[-1] != len(text) or not token_ends and text:
            raise ValueError("token_ends must cover the text exactly")
        words = [text[s:e] for s, e in zip(starts, token_ends, strict=True)]
        plans = [self._plan(w) for w in words]
        results: list[list[str | None]] = [[slot.fixed for slot in plan] for plan in plans]
        # Which characters need the model, grouped by sentence.
        sentences: list[tuple[int, int, list[tuple[int, int, int]]]] = []
        for first, last in sentence_token_ranges(words):
            wanted: list[tuple[int, int, int]] = []  # (token, char in token, char in sentence)
            for index in range(first, last):
                for offset, slot in enumerate(plans[index]):
                    if slot is not NON_HAN and slot.fixed is None:
                        wanted.append((index, offset, starts[index] - starts[first] + offset))
            if wanted:
                sentences.extend(cut_long(starts[first], token_ends[last - 1], wanted, text))
        self._run_model(text, sentences, words, plans, results)
        apply_surnames(words, results, self.char_readings)
        return [tuple(r) for r in results]

    def resolve_lexical(self, text: str, token_ends: Sequence[int]) -> list[Readings]:
        """Like `resolve`, from the word lists alone: where the context model would decide
        a character, its word-list prior, else its most common reading. About ten times
        faster than `resolve` (no model run); the search index uses it (see reader.search)."""
        self._ensure_loaded()
        starts = [0, *token_ends[:-1]] if token_ends else []
        words = [text[s:e] for s, e in zip(starts, token_ends, strict=True)]
        results: list[list[str | None]] = []
        for word in words:
            readings: list[str | None] = []
            for char, slot in zip(word, self._plan(word), strict=True):
                if slot is NON_HAN:
                    readings.append(None)
                elif slot.fixed is not None or slot.prior is not None:
                    readings.append(slot.fixed if slot.fixed is not None else slot.prior)
                else:
                    known = self.char_readings(char)
                    readings.append(undo_sandhi(char, known[0]) if known else None)
            results.append(readings)
        apply_surnames(words, results, self.char_readings)
        return [tuple(r) for r in results]

    def _run_model(
        self,
        text: str,
        sentences: list[tuple[int, int, list[tuple[int, int, int]]]],
        words: list[str],
        plans: list[tuple[Slot, ...]],
        results: list[list[str | None]],
    ) -> None:
        assert self._model is not None
        order = sorted(range(len(sentences)), key=lambda i: sentences[i][1] - sentences[i][0])
        for batch_start in range(0, len(order), _BATCH):
            batch = [sentences[i] for i in order[batch_start : batch_start + _BATCH]]
            contexts = [text[start:end] for start, end, _ in batch]
            positions = [[p for _, _, p in wanted] for _, _, wanted in batch]
            distributions = self._model.probabilities(contexts, positions)
            for (_, _, wanted), dists in zip(batch, distributions, strict=True):
                for (token, offset, _), dist in zip(wanted, dists, strict=True):
                    slot = plans[token][offset]
                    char = words[token][offset]
                    isolated = (
                        self._isolated(words[token], offset) if len(slot.choices) > 1 else None
                    )
                    reading = decide(slot, dist, isolated)
                    if reading is None:
                        readings = self.char_readings(char)
                        reading = readings[0] if readings else None
                    results[token][offset] = undo_sandhi(char, reading)

    def _isolated(self, word: str, offset: int) -> dict[str, float]:
        """The model's distribution for one character of `word` with no context but the word:
        what it says of the word by rote, to tell from what the sentence tells it."""
        key = (word, offset)
        found = self._isolated_cache.get(key)
        if found is None:
            assert self._model is not None
            found = self._model.probabilities([word], [[offset]])[0][0]
            self._isolated_cache[key] = found
        return found

    def resolve_text(self, text: str) -> list[tuple[int, int, str, Readings]]:
        """Segment `text` (jieba, as at import) and resolve it: (start, end, word, readings)."""
        from reader.text.segment import segment_ends

        self._ensure_loaded()
        ends = segment_ends(text)
        readings = self.resolve(text, ends)
        spans = []
        start = 0
        for end, reading in zip(ends, readings, strict=True):
            spans.append((start, end, text[start:end], reading))
            start = end
        return spans
