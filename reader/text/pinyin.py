"""Pinyin that is right in context: one reading per character of every token.

How a token's readings are chosen (`PinyinResolver.resolve`):

1. **Whole-word readings** (`reader.text.pinyin_words`). A token of two or more characters
   is looked up in pypinyin's phrase table and, when the dictionary has been built
   (`reader.text.dictionary`), in CC-CEDICT, which settles a character only where all the
   headword's entries agree on it (还款 huán kuǎn, 单县 Shàn Xiàn). A token found in neither
   is matched against both, longest first, by the words it contains (国家银行 → 国家 + 银行).
   Kept: marked readings (一宿 xiǔ), everyday words (掉色 shǎi; `.pinyin_word_facts`), audited
   tokens (得分 dé; `.pinyin_word_readings`). Tables: `.pinyin_lexicon`'s SQLite copy, per word.
2. **The contextual model** (`reader.text.pinyin_model`: g2pM, a small bi-LSTM over the
   whole sentence, run on the sentences `reader.text.pinyin_sentences` cuts) gives, for each
   polyphonic character the word lists do not settle, a probability for each reading.
3. **The learned arbiter** (`reader.text.pinyin_arbiter.LearnedArbiter`, weights in
   resources/pinyin_arbiter.json, fitted by bench/train_pinyin_arbiter.py on the dev split
   with k-fold cross-validation) picks among the candidate readings from generic features
   (`reader.text.pinyin_features`): the model's probabilities in the sentence and for the
   word alone, what each word list says, the character's own readings, the old hand-set
   rule's choice (`decide`) and the parts of speech around it. Where the phrase table
   itself lists several readings (朝阳 zhāo/cháo), or a multi-character word has one listed
   reading (`keeps_word_reading`: 晃眼 huǎng), the hand-set rule decides. Without the
   resources file the hand-set rule decides everywhere.
4. **Everyday words and grammar** (`.pinyin_colloquial`, `.pinyin_word_facts`, `.pinyin_grammar`,
   `.pinyin_verbs`, `.pinyin_separable`, `.pinyin_aspect`): a common word CC-CEDICT reads two
   ways takes its neutral-tone entry (便宜 piányi), an everyday word jieba cuts apart its
   reading (和/面 huómiàn); 地, 得, 还, 种, 数, 转, 冲, 当, 长, measure words and everyday
   verbs read by their grammar (慢慢地 de, 我得走 děi, 还书 huán, 一只 zhī, 倒茶 dào), parted
   words as the word (照了个相 xiàng), 见过 guo.
5. **Surnames** (`reader.text.pinyin_surnames`) before a title or after 姓: 曾先生 Zēng.

Tones are dictionary tones, as Pleco shows them: neutral tones where the dictionary has them
(了 le5 as a particle, 的 de5, 东西 dōngxi), and no spoken tone sandhi: 一 is always yī and 不
always bù (bu5 where the dictionary writes a neutral tone: 差不多 chàbuduō); sandhi forms
(yí/yì/bú) in word lists are undone. Spoken tones: `reader.text.pinyin_sandhi.spoken_tones`.

Syllables are canonical (`reader.text.pinyin_syllables`): "hang2", "lu:4", "de5". Heavy
imports (numpy, g2pM, the lexicon, the dictionary) happen on first use or in `warm_up()`,
jieba's only in `resolve_text`; constructing a resolver is cheap. Qt-free.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

from reader.text.chars import is_han
from reader.text.pinyin_arbiter import (
    NON_HAN,
    OVERRIDE_PROBABILITY,
    ArbiterNotUsable,
    LearnedArbiter,
    Slot,
    decide,
    keeps_word_reading,
)
from reader.text.pinyin_aspect import apply_aspect
from reader.text.pinyin_colloquial import apply_colloquial
from reader.text.pinyin_features import Context, candidate_features
from reader.text.pinyin_grammar import apply_grammar
from reader.text.pinyin_lexicon import Lexicon, PhraseTable, segmenter
from reader.text.pinyin_model import ContextModel
from reader.text.pinyin_sentences import cut_long, neighbour, sentence_token_ranges
from reader.text.pinyin_separable import apply_separable
from reader.text.pinyin_surnames import apply_surnames
from reader.text.pinyin_word_facts import apply_word_facts
from reader.text.pinyin_words import (
    DictionaryLike,
    WordReadings,
    listed_readings,
    open_default_dictionary,
    undo_sandhi,
)

__all__ = ["OVERRIDE_PROBABILITY", "PinyinResolver", "Readings"]

# Sentences per batch of the model.
_BATCH = 64

Readings = tuple[str | None, ...]


class Choice(NamedTuple):
    """One polyphonic character as the arbiter saw it: its offset in the text, its
    candidate readings, and their feature rows (`reader.text.pinyin_features.FEATURES`)."""

    index: int
    candidates: tuple[str, ...]
    rows: list[list[float]]


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
        self._lexicon: Lexicon | None = None
        self._arbiter: LearnedArbiter | None = None
        self._segmenter: Any = None
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
            self._lexicon = lexicon = Lexicon.open()
            self._model = ContextModel()
            if self._want_dictionary:
                self._dictionary = open_default_dictionary()
            self._words = WordReadings(PhraseTable(self._lexicon), self._dictionary, lexicon)
            try:
                self._arbiter = LearnedArbiter.load()
            except ArbiterNotUsable:
                self._arbiter = None  # the hand-set rule alone (`decide`)
            self._loaded = True

    def use_arbiter(self, arbiter: LearnedArbiter | None) -> None:
        """Decide with `arbiter` (None: the hand-set rule alone); for fitting and measuring."""
        self._ensure_loaded()
        self._arbiter = arbiter

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
        assert self._model is not None and self._lexicon is not None
        readings = list(listed_readings(self._lexicon.char_readings(char)))
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
        cover = self._words.cover_evidence(word) if len(word) > 1 else [None]
        slots: list[Slot] = []
        for char, known in zip(word, cover, strict=True):
            if not is_han(char):
                slots.append(NON_HAN)
                continue
            if char in model.polyphones and not (known is not None and known.options.trusted):
                # A polyphonic character goes to the arbiter with what the lists say, unless
                # they settle it (CC-CEDICT's one reading of the token or a word inside it,
                # confirmed by the phrase table): a model trained on encyclopaedia text is
                # sometimes sure and wrong in everyday sentences (午觉 wǔjiào, not wǔjué).
                if known is None:
                    slots.append(Slot())
                else:
                    options = known.options
                    slots.append(
                        Slot(
                            prior=options.readings[0],
                            choices=options.readings,
                            trusted=options.trusted,
                            evidence=known,
                        )
                    )
                continue
            if known is not None:
                slots.append(Slot(fixed=known.options.readings[0]))
                continue
            guess = (self.char_readings(char) or (None,))[0]  # its commonest reading
            slots.append(Slot(fixed=undo_sandhi(char, guess), guessed=True) if guess else Slot())
        plan = tuple(slots)
        if len(self._word_cache) > 500_000:
            self._word_cache.clear()
        self._word_cache[word] = plan
        return plan

    # -- resolving -----------------------------------------------------------------------

    def resolve(self, text: str, token_ends: Sequence[int]) -> list[Readings]:
        """For each token (ending at each offset of `token_ends`, covering `text` exactly):
        one canonical syllable per code point, None for non-Han characters."""
        return self._resolve(text, token_ends, None)

    def explain(self, text: str, token_ends: Sequence[int]) -> list[Choice]:
        """What the arbiter was shown for each polyphonic character of `text`, in text
        order (for fitting the arbiter and for looking into a wrong reading)."""
        collected: list[Choice] = []
        self._resolve(text, token_ends, collected)
        return sorted(collected, key=lambda choice: choice.index)

    def _resolve(
        self, text: str, token_ends: Sequence[int], collect: list[Choice] | None
    ) -> list[Readings]:
        self._ensure_loaded()
        assert self._model is not None and self._lexicon is not None
        starts = [0, *token_ends[:-1]] if token_ends else []
        if token_ends and token_ends[-1] != len(text) or not token_ends and text:
            raise ValueError("token_ends must cover the text exactly")
        words = [text[s:e] for s, e in zip(starts, token_ends, strict=True)]
        plans = [self._plan(w) for w in words]
        tags = [self._lexicon.tag(w) if w.strip() else None for w in words]
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
        self._prepare_isolated(words, plans)
        readings_in_context = self._run_model(text, sentences)
        for (token, offset), dist in readings_in_context.items():
            reading = self._choose(words, tags, plans, token, offset, dist, starts, collect)
            results[token][offset] = undo_sandhi(words[token][offset], reading)
        fixed = lambda t, o: plans[t][o].fixed is not None and not plans[t][o].guessed  # noqa: E731
        everyday = (self._dictionary, self._lexicon.word, self._model.polyphones.__contains__)
        apply_colloquial(words, results, *everyday)
        apply_word_facts(words, results)  # 和/面 huómiàn, 血 xiě
        apply_grammar(words, tags, results, fixed, self._lexicon.tag)
        apply_separable(words, results, *everyday)  # 照了个相 xiàng
        apply_aspect(words, results, self._dictionary, self._lexicon)  # 见过 guo
        apply_surnames(words, results, self.char_readings, self._dictionary, self._lexicon)
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
        apply_surnames(words, results, self.char_readings, self._dictionary, self._lexicon)
        return [tuple(r) for r in results]

    def _run_model(
        self, text: str, sentences: list[tuple[int, int, list[tuple[int, int, int]]]]
    ) -> dict[tuple[int, int], dict[str, float]]:
        """The model's distribution for each (token, offset) wanted, in its sentence."""
        assert self._model is not None
        found: dict[tuple[int, int], dict[str, float]] = {}
        order = sorted(range(len(sentences)), key=lambda i: sentences[i][1] - sentences[i][0])
        for batch_start in range(0, len(order), _BATCH):
            batch = [sentences[i] for i in order[batch_start : batch_start + _BATCH]]
            contexts = [text[start:end] for start, end, _ in batch]
            positions = [[p for _, _, p in wanted] for _, _, wanted in batch]
            distributions = self._model.probabilities(contexts, positions)
            for (_, _, wanted), dists in zip(batch, distributions, strict=True):
                for (token, offset, _), dist in zip(wanted, dists, strict=True):
                    found[(token, offset)] = dist
        return found

    def _choose(
        self,
        words: list[str],
        tags: list[str | None],
        plans: list[tuple[Slot, ...]],
        token: int,
        offset: int,
        dist: dict[str, float],
        starts: list[int],
        collect: list[Choice] | None,
    ) -> str | None:
        """One polyphonic character's reading: the learned arbiter's pick among the model's
        and the lists' readings, or the hand-set rule's when there is no arbiter."""
        assert self._model is not None
        slot = plans[token][offset]
        word = words[token]
        char = word[offset]
        alone = self._isolated_cache.get((word, offset)) if len(word) > 1 else None
        old = decide(slot, dist, alone if len(slot.choices) > 1 else None)
        char_list = self.char_readings(char)
        if old is None:
            old = char_list[0] if char_list else None
        candidates = tuple(
            dict.fromkeys((*self._model.readings.get(char, ()), *slot.choices, *char_list[:1]))
        )
        if self._arbiter is None and collect is None or len(candidates) < 2:
            return old
        # The phrase table gives several readings (朝阳 zhāo/cháo), or a word's one reading
        # (`keeps_word_reading`): the hand-set rule decides, not the arbiter.
        several = slot.evidence is not None and len(slot.evidence.phrase) > 1
        before = neighbour(words, token, -1)
        after = neighbour(words, token, 1)
        context = Context(
            word,
            offset,
            tags[token],
            tags[before] if before is not None else None,
            tags[after] if after is not None else None,
            words[before] if before is not None else None,
            words[after] if after is not None else None,
        )
        rows = candidate_features(candidates, dist, alone, slot.evidence, char_list, old, context)
        if collect is not None:
            collect.append(Choice(starts[token] + offset, candidates, rows))
        if self._arbiter is None or several or keeps_word_reading(slot):
            return old
        return self._arbiter.choose(candidates, rows)

    def _prepare_isolated(self, words: list[str], plans: list[tuple[Slot, ...]]) -> None:
        """Run the model, in batches, on each multi-character word alone (for each of its
        polyphonic characters not yet cached): what it says of the word by rote, to tell
        from what the sentence tells it."""
        assert self._model is not None
        missing = list(
            dict.fromkeys(
                (word, offset)
                for word, plan in zip(words, plans, strict=True)
                if len(word) > 1
                for offset, slot in enumerate(plan)
                if slot is not NON_HAN
                and slot.fixed is None
                and (word, offset) not in self._isolated_cache
            )
        )
        if len(self._isolated_cache) > 200_000:
            self._isolated_cache.clear()
        for batch_start in range(0, len(missing), _BATCH):
            batch = missing[batch_start : batch_start + _BATCH]
            by_word: dict[str, list[int]] = {}
            for word, offset in batch:
                by_word.setdefault(word, []).append(offset)
            found = self._model.probabilities(list(by_word), list(by_word.values()))
            for (word, offsets), dists in zip(by_word.items(), found, strict=True):
                for offset, dist in zip(offsets, dists, strict=True):
                    self._isolated_cache[(word, offset)] = dist

    def resolve_text(self, text: str) -> list[tuple[int, int, str, Readings]]:
        """Segment `text` (jieba, as at import) and resolve it: (start, end, word, readings)."""
        from reader.text.segment import segment_ends

        self._ensure_loaded()
        if self._segmenter is None:
            assert self._lexicon is not None
            self._segmenter = segmenter(self._lexicon)
        ends = segment_ends(text, tokenizer=self._segmenter)
        readings = self.resolve(text, ends)
        spans = []
        start = 0
        for end, reading in zip(ends, readings, strict=True):
            spans.append((start, end, text[start:end], reading))
            start = end
        return spans
