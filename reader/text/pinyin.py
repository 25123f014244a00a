"""Pinyin that is right in context: one reading per character of every token.

How a token's readings are chosen (`PinyinResolver.resolve`):

1. **Whole-word readings.** A token of two or more characters is looked up in pypinyin's
   phrase table and, when the dictionary has been built (`reader.text.dictionary`), in
   CC-CEDICT, whose headwords count only when all their entries agree (还款 huán kuǎn,
   单县 Shàn Xiàn). A token found in neither is matched against both, longest first, by the
   words it contains (国家银行 → 国家 + 银行).
2. **The contextual model** (g2pM, a small bi-LSTM over the whole sentence) gives, for each
   polyphonic character, a probability for each of its readings. It decides alone where no
   word reading covers the character, and it arbitrates where the word readings disagree:
   between the phrase table and CC-CEDICT, or among a phrase's alternatives (朝阳 zhāo/cháo).
   Where a word reading exists, the model overrides it only when it is nearly certain
   (p ≥ `OVERRIDE_PROBABILITY`) of another reading that is not merely the full-tone form of
   a dictionary neutral tone.
3. **Surnames.** A polyphonic character with a surname reading, standing alone before a
   title (先生, 女士, 老师, 总, 某…) or after 姓, takes the surname reading: 曾先生 Zēng.

Tones are dictionary tones, as Pleco shows them: neutral tones where the dictionary has them
(了 le5 as a particle, 的 de5, 东西 dōngxi), and no spoken tone sandhi. In particular 一 is
always yī and 不 always bù (bu5 where the dictionary writes a neutral tone, as in 差不多
chàbuduō): the sandhi forms yí/yì/bú that some word lists carry are undone.

Syllables are canonical (`reader.text.pinyin_syllables`): "hang2", "lu:4", "de5".
Heavy imports (pypinyin, numpy, g2pM's weights, jieba) happen on first use or in
`warm_up()`; constructing a resolver is cheap. Qt-free.
"""

from __future__ import annotations

import math
import pickle
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from reader.text.chars import is_han
from reader.text.pinyin_syllables import is_canonical, normalise

# The contextual model overrides a whole-word reading only when at least this sure.
OVERRIDE_PROBABILITY = 0.999

# Sentence-final punctuation; closing quotes and brackets right after it stay in the sentence.
_SENTENCE_END = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)》】\"'")
# Longer sentences are cut at a comma (or, failing that, anywhere) for the model.
_MAX_CONTEXT = 120
_COMMAS = frozenset("，,、：:")
# Sentences per batch of the model.
_BATCH = 64

# Words after which a lone surname character is read as a surname: 曾先生, 单老师, 解某.
_TITLES = frozenset(
    "先生 女士 小姐 老师 教授 总 某 师傅 医生 大夫 太太 夫人 同学 同志 经理 主任 书记 院长 "
    "局长 部长 校长 处长 科长 董事长 总裁 队长 大爷 大妈 阿姨 大哥 大姐 老板 律师 工 氏".split()
)
# Polyphonic characters whose reading as a surname differs from their everyday one.
_SURNAME_READINGS = {
    "曾": "zeng1",
    "单": "shan4",
    "解": "xie4",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "区": "ou1",
    "盖": "ge3",
    "乐": "yue4",
    "翟": "zhai2",
    "覃": "qin2",
    "召": "shao4",
    "缪": "miao4",
    "种": "chong2",
    "纪": "ji3",
    "任": "ren2",
    "华": "hua4",
    "秘": "bi4",
    "宁": "ning4",
    "过": "guo1",
    "应": "ying1",
    "燕": "yan1",
    "谌": "chen2",
    "员": "yun4",
    "繁": "po2",
    "尉": "wei4",
    "隗": "wei3",
    "句": "gou1",
    "闭": "bi4",
    "薄": "bo2",
    "卜": "bu3",
    "都": "du1",
    "长": "chang2",
    "晟": "cheng2",
    "洗": "xian3",
    "冼": "xian3",
    "蕃": "pi2",
    "万": "wan4",
    "藏": "zang4",
    "和": "he2",
    "折": "she2",
}

# Last characters of administrative place names (单县, 六安市, 朝阳区).
_PLACE_SUFFIXES = frozenset("县市区州省镇乡村旗盟")

# Tone sandhi forms that some word lists write, and the dictionary tone shown instead.
_UNDO_SANDHI = {"一": {"yi2": "yi1", "yi4": "yi1"}, "不": {"bu2": "bu4"}}


class _DictionaryLike(Protocol):
    def single_reading(self, word: str) -> tuple[str, ...] | None: ...

    def readings(self, word: str) -> list[tuple[str, ...]]: ...


Readings = tuple[str | None, ...]


class _Slot:
    """How one character of a word gets its reading.

    `fixed` is the reading when no model is needed; otherwise `prior` (the word reading,
    or None) and `choices` (readings the model may pick among; empty: any of the character's).
    """

    __slots__ = ("fixed", "prior", "choices")

    def __init__(
        self,
        fixed: str | None = None,
        prior: str | None = None,
        choices: tuple[str, ...] = (),
    ) -> None:
        self.fixed = fixed
        self.prior = prior
        self.choices = choices


class _Options(NamedTuple):
    """What the word lists say of one character of a word: its readings (first preferred)
    and whether the first is trusted over the model."""

    readings: tuple[str, ...]
    trusted: bool


_NON_HAN = _Slot()


class _Model:
    """g2pM's bi-LSTM run with numpy: batched, float32, returning probabilities."""

    def __init__(self) -> None:
        import g2pM
        import numpy as np

        self.np = np
        folder = Path(g2pM.__file__).resolve().parent

        def load(name: str) -> Any:
            with open(folder / name, "rb") as handle:
                return pickle.load(handle)

        self.readings: dict[str, list[str]] = load("digest_cedict.pkl")
        self.char2idx: dict[str, int] = load("char2idx.pkl")
        class2idx: dict[str, int] = load("class2idx.pkl")
        state = load("np_ckpt.pkl")
        f32 = np.float32
        embeddings = state["embedding.weight"].astype(f32)
        self.project_fw = (
            embeddings @ state["lstm.weight_ih_l0"].T
            + state["lstm.bias_ih_l0"]
            + state["lstm.bias_hh_l0"]
        ).astype(f32)
        self.project_bw = (
            embeddings @ state["lstm.weight_ih_l0_reverse"].T
            + state["lstm.bias_ih_l0_reverse"]
            + state["lstm.bias_hh_l0_reverse"]
        ).astype(f32)
        self.recur = np.ascontiguousarray(
            np.stack([state["lstm.weight_hh_l0"].T, state["lstm.weight_hh_l0_reverse"].T]),
            dtype=f32,
        )
        self.hidden_w = np.ascontiguousarray(state["logit_layer.0.weight"].T, dtype=f32)
        self.hidden_b = state["logit_layer.0.bias"].astype(f32)
        self.out_w = np.ascontiguousarray(state["logit_layer.2.weight"].T, dtype=f32)
        self.out_b = state["logit_layer.2.bias"].astype(f32)
        self.class2idx = class2idx
        self.unk = self.char2idx["<UNK>"]
        self.bos = self.char2idx["시"]
        self.eos = self.char2idx["끝"]
        self.polyphones = frozenset(c for c, r in self.readings.items() if len(r) > 1)
        self._candidate_cache: dict[tuple[str, ...], Any] = {}

    def _lstm(self, forward: Any, backward: Any) -> tuple[Any, Any]:
        """Both directions of the LSTM in one loop over time steps (forward ids, and each
        sentence's ids reversed): hidden states [batch, steps, size] for each."""
        np = self.np
        batch, steps = forward.shape
        size = self.recur.shape[1]
        gates_in = np.stack([self.project_fw[forward], self.project_bw[backward]])
        h = np.zeros((2, batch, size), np.float32)
        c = np.zeros((2, batch, size), np.float32)
        out = np.empty((2, batch, steps, size), np.float32)
        for t in range(steps):
            gates = gates_in[:, :, t] + np.matmul(h, self.recur)
            sig = 1.0 / (1.0 + np.exp(-gates))
            c = sig[..., size : 2 * size] * c + sig[..., :size] * np.tanh(
                gates[..., 2 * size : 3 * size]
            )
            h = sig[..., 3 * size :] * np.tanh(c)
            out[:, :, t] = h
        return out[0], out[1]

    def probabilities(
        self, sentences: Sequence[str], positions: Sequence[Sequence[int]]
    ) -> list[list[dict[str, float]]]:
        """For each sentence and each position in it: {reading: probability} over the
        character's readings."""
        np = self.np
        encoded = [
            [self.bos, *(self.char2idx.get(ch, self.unk) for ch in s), self.eos] for s in sentences
        ]
        lengths = [len(e) for e in encoded]
        steps = max(lengths)
        forward = np.zeros((len(encoded), steps), np.int64)
        backward = np.zeros((len(encoded), steps), np.int64)
        for row, ids in enumerate(encoded):
            forward[row, : len(ids)] = ids
            backward[row, : len(ids)] = ids[::-1]
        hidden_fw, hidden_bw = self._lstm(forward, backward)
        rows, fw_steps, bw_steps = [], [], []
        for row, (length, wanted) in enumerate(zip(lengths, positions, strict=True)):
            for position in wanted:
                rows.append(row)
                fw_steps.append(position + 1)
                bw_steps.append(length - 2 - position)
        hidden = np.concatenate([hidden_fw[rows, fw_steps], hidden_bw[rows, bw_steps]], axis=1)
        layer = np.maximum(hidden @ self.hidden_w + self.hidden_b, 0.0)
        logits = layer @ self.out_w + self.out_b
        results: list[list[dict[str, float]]] = []
        index = 0
        for sentence, wanted in zip(sentences, positions, strict=True):
            per_sentence = []
            for position in wanted:
                per_sentence.append(self._distribution(sentence[position], logits[index]))
                index += 1
            results.append(per_sentence)
        return results

    def _distribution(self, char: str, logits: Any) -> dict[str, float]:
        candidates = [r for r in self.readings.get(char, ()) if r in self.class2idx]
        if not candidates:
            return {}
        values = [float(logits[self.class2idx[r]]) for r in candidates]
        top = max(values)
        weights = [math.exp(v - top) for v in values]
        total = sum(weights)
        return {r: w / total for r, w in zip(candidates, weights, strict=True)}


def _canonical_syllables(marked: Iterable[str]) -> tuple[str, ...]:
    out = []
    for syllable in marked:
        try:
            out.append(normalise(syllable))
        except ValueError:
            continue
    return tuple(dict.fromkeys(out))


class PinyinResolver:
    """Resolves the pinyin of segmented text in context. See the module docstring."""

    def __init__(self, dictionary: _DictionaryLike | None = None, *, use_dictionary: bool = True):
        """`dictionary`: a built `reader.text.dictionary.Dictionary` for the CC-CEDICT layer.
        When None and `use_dictionary`, the resolver opens the default one at warm-up if it
        has been built, and goes without it otherwise."""
        self._dictionary = dictionary
        self._want_dictionary = use_dictionary and dictionary is None
        self._lock = threading.Lock()
        self._loaded = False
        self._model: _Model | None = None
        self._phrases: dict[str, list[list[str]]] = {}
        self._char_table: dict[int, str] = {}
        self._word_cache: dict[str, tuple[_Slot, ...]] = {}
        self._lexicon_cache: dict[str, tuple[_Options, ...] | None] = {}
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

            self._phrases = phrases_dict
            self._char_table = pinyin_dict
            self._model = _Model()
            if self._want_dictionary:
                self._dictionary = _open_default_dictionary()
            self._loaded = True

    @property
    def has_dictionary(self) -> bool:
        self._ensure_loaded()
        return self._dictionary is not None

    # -- lexicon -------------------------------------------------------------------------

    def char_readings(self, char: str) -> tuple[str, ...]:
        """Readings of one character from pypinyin's table and g2pM's, most common first."""
        cached = self._char_cache.get(char)
        if cached is not None:
            return cached
        self._ensure_loaded()
        assert self._model is not None
        listed = self._char_table.get(ord(char))
        readings = list(_canonical_syllables(listed.split(","))) if listed else []
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

    def _word_readings(self, word: str) -> tuple[_Options, ...] | None:
        """Per character, what the word lists say of `word` as a whole, or None when neither
        the phrase table nor CC-CEDICT knows it."""
        if word in self._lexicon_cache:
            return self._lexicon_cache[word]
        phrase_options: list[tuple[str, ...]] | None = None
        phrase = self._phrases.get(word)
        if phrase is not None and len(phrase) == len(word):
            phrase_options = [
                tuple(dict.fromkeys(_undo_sandhi(c, r) for r in _canonical_syllables(options)))
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
                    dict.fromkeys(_undo_sandhi(char, entry[index]) for entry in entries)
                )
                per_char.append(_combine(from_phrase, from_dictionary, place))
            result = tuple(per_char)
        self._lexicon_cache[word] = result
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

    def _cover(self, word: str) -> list[_Options | None]:
        """Per character of `word`: the word readings that cover it, from the whole word or
        else from the longest known words inside it (forward maximum matching)."""
        whole = self._word_readings(word) if len(word) > 1 else None
        if whole is not None:
            return list(whole)
        cover: list[_Options | None] = [None] * len(word)
        start = 0
        while start < len(word) - 1:
            for end in range(len(word) - (start == 0), start + 1, -1):
                found = self._word_readings(word[start:end])
                if found is not None:
                    cover[start:end] = found
                    start = end
                    break
            else:
                start += 1
        return cover

    def _plan(self, word: str) -> tuple[_Slot, ...]:
        plan = self._word_cache.get(word)
        if plan is not None:
            return plan
        assert self._model is not None
        model = self._model
        cover = self._cover(word) if len(word) > 1 else [None]
        slots: list[_Slot] = []
        for char, known in zip(word, cover, strict=True):
            if not is_han(char):
                slots.append(_NON_HAN)
                continue
            if known is not None:
                if char in model.polyphones and not known.trusted:
                    slots.append(_Slot(prior=known.readings[0], choices=known.readings))
                else:
                    slots.append(_Slot(fixed=known.readings[0]))
                continue
            if char in model.polyphones:
                slots.append(_Slot())
                continue
            readings = self.char_readings(char)
            slots.append(_Slot(fixed=_undo_sandhi(char, readings[0]) if readings else None))
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
        for first, last in _sentence_token_ranges(words, starts, token_ends):
            wanted: list[tuple[int, int, int]] = []  # (token, char in token, char in sentence)
            for index in range(first, last):
                for offset, slot in enumerate(plans[index]):
                    if slot is not _NON_HAN and slot.fixed is None:
                        wanted.append((index, offset, starts[index] - starts[first] + offset))
            if wanted:
                sentences.extend(_cut_long(starts[first], token_ends[last - 1], wanted, text))
        self._run_model(text, sentences, words, plans, results)
        self._apply_surnames(words, plans, results)
        return [tuple(r) for r in results]

    def _run_model(
        self,
        text: str,
        sentences: list[tuple[int, int, list[tuple[int, int, int]]]],
        words: list[str],
        plans: list[tuple[_Slot, ...]],
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
                    reading = _decide(slot, dist, isolated)
                    if reading is None:
                        readings = self.char_readings(char)
                        reading = readings[0] if readings else None
                    results[token][offset] = _undo_sandhi(char, reading)

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

    def _apply_surnames(
        self, words: list[str], plans: list[tuple[_Slot, ...]], results: list[list[str | None]]
    ) -> None:
        for index, word in enumerate(words):
            reading = _SURNAME_READINGS.get(word[:1])
            if reading is None:
                continue
            if len(word) > 1:
                # One token of surname and title: 解某, 曾总.
                is_surname = word[1:] in _TITLES
            else:
                after = _next_word(words, index + 1)
                is_surname = after in _TITLES or _previous_word(words, index - 1) == "姓"
            if is_surname:
                if reading in self.char_readings(word[0]):
                    results[index][0] = reading

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


def _combine(
    from_phrase: tuple[str, ...], from_dictionary: tuple[str, ...], place: bool
) -> _Options:
    """One character's word readings from the phrase table and CC-CEDICT.

    CC-CEDICT is hand-checked, pypinyin's phrase table partly generated: where both know the
    word and CC-CEDICT is unambiguous, its reading is trusted, also against the phrase table
    (还款 huán, not hái), except that where the two differ only in CC-CEDICT's neutral tone
    the full tone is kept (认识 rènshí: the lists disagree on whether the syllable weakens).
    A reading from one list only is a prior that a near-certain model may override (吡咯 bǐluò,
    where the phrase table has gē), except CC-CEDICT's readings of administrative place names
    (单县 Shàn Xiàn), which the model, trained on other text, cannot know. Several readings
    (朝阳 zhāo/cháo) leave the choice to the model.
    """
    if len(from_dictionary) == 1:
        reading = from_dictionary[0]
        if len(from_phrase) == 1 and reading.endswith("5"):
            full = from_phrase[0]
            if full[:-1] == reading[:-1]:
                reading = full
        return _Options((reading,), bool(from_phrase) or place)
    if len(from_phrase) == 1 and not from_dictionary:
        return _Options(from_phrase, False)
    return _Options(tuple(dict.fromkeys((*from_phrase, *from_dictionary))), False)


def _decide(
    slot: _Slot, dist: dict[str, float], isolated: dict[str, float] | None = None
) -> str | None:
    """The reading of one polyphonic character from its word readings and the model.

    `dist` is the model's distribution in context, `isolated` (for a word the lists give
    several readings) its distribution for the word alone.
    """
    if not dist:
        return slot.prior
    if slot.prior is None:
        return max(dist, key=dist.__getitem__)
    if len(slot.choices) > 1:
        # The lists give several readings, the first the commonest. The model changes it only
        # when the sentence changes its mind: a preference it has for the word alone is rote
        # (g2pM reads every 朝阳 cháoyáng, also 一轮朝阳 zhāoyáng).
        in_context = max(slot.choices, key=lambda r: dist.get(r, 0.0))
        by_rote = max(slot.choices, key=lambda r: (isolated or {}).get(r, 0.0))
        if dist.get(in_context, 0.0) > 0.0 and in_context != by_rote:
            return in_context
        return slot.prior
    best = max(dist, key=dist.__getitem__)
    prior = slot.prior
    if best != prior and dist[best] >= OVERRIDE_PROBABILITY:
        # A dictionary neutral tone stays (枇杷 pípa, not pípá).
        if not (prior.endswith("5") and prior[:-1] == best[:-1]):
            return best
    return prior


def _undo_sandhi(char: str, reading: str | None) -> str | None:
    table = _UNDO_SANDHI.get(char)
    if table is None or reading is None:
        return reading
    return table.get(reading, reading)


def _next_word(words: list[str], index: int) -> str | None:
    while index < len(words) and not words[index].strip():
        index += 1
    return words[index] if index < len(words) else None


def _previous_word(words: list[str], index: int) -> str | None:
    while index >= 0 and not words[index].strip():
        index -= 1
    return words[index] if index >= 0 else None


def _sentence_token_ranges(
    words: list[str], starts: list[int], ends: Sequence[int]
) -> Iterable[tuple[int, int]]:
    """(first, last) token index ranges of the sentences, cut after sentence-final
    punctuation (and any closing quotes after it)."""
    first = 0
    index = 0
    count = len(words)
    while index < count:
        word = words[index]
        index += 1
        if word and (word[-1] in _SENTENCE_END or word in _SENTENCE_END):
            while index < count and words[index] and all(c in _CLOSERS for c in words[index]):
                index += 1
            yield first, index
            first = index
    if first < count:
        yield first, count


def _cut_long(
    start: int, end: int, wanted: list[tuple[int, int, int]], text: str
) -> list[tuple[int, int, list[tuple[int, int, int]]]]:
    """Split a sentence longer than the model's context at commas; positions follow."""
    if end - start <= _MAX_CONTEXT:
        return [(start, end, wanted)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    while end - piece_start > _MAX_CONTEXT:
        limit = piece_start + _MAX_CONTEXT
        cut = max(
            (i + 1 for i in range(piece_start + _MAX_CONTEXT // 3, limit) if text[i] in _COMMAS),
            default=limit,
        )
        pieces.append((piece_start, cut))
        piece_start = cut
    pieces.append((piece_start, end))
    out: list[tuple[int, int, list[tuple[int, int, int]]]] = []
    for piece_start, piece_end in pieces:
        inside = [
            (token, offset, position + start - piece_start)
            for token, offset, position in wanted
            if piece_start <= position + start < piece_end
        ]
        if inside:
            out.append((piece_start, piece_end, inside))
    return out


def _open_default_dictionary() -> _DictionaryLike | None:
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
