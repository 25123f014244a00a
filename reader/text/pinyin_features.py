"""What the learned arbiter knows of each candidate reading of a polyphonic character: the
contextual model's probabilities, what each word list says, the character's own readings,
the old hand-set arbiter's choice, and the parts of speech around it. Pure functions over
plain values; Qt-free.

Every feature is generic (no character or word is named): the arbiter's weights, fitted on
one corpus, then say how much to trust each source, not which word reads how.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from reader.text.pinyin_words import Evidence

# Probabilities below this are all "practically never" to the arbiter.
_FLOOR = 1e-5


class Context(NamedTuple):
    """Where the character stands: its token, and the parts of speech (jieba's tags, None
    for unknown words and punctuation) of that token and its neighbours."""

    word: str
    offset: int
    tag: str | None
    previous_tag: str | None
    next_tag: str | None
    previous_word: str | None
    next_word: str | None


FEATURES: tuple[str, ...] = (
    "log_p",
    "top",
    "log_p_alone",
    "top_alone",
    "phrase_first_whole",
    "phrase_other_whole",
    "dict_only_whole",
    "dict_some_whole",
    "phrase_first_part",
    "phrase_other_part",
    "dict_only_part",
    "dict_some_part",
    "lists_agree",
    "full_of_listed_neutral",
    "neutral",
    "char_first",
    "char_listed",
    "old_choice",
    "single_log_p",
    "single_char_first",
    "model_only_top",
    "context_shift",
    "neutral_single_after_verb",
    "neutral_single_after_adjective",
    "neutral_single_after_adverb",
    "neutral_single_before_verb",
    "neutral_single_at_end",
)


def _log(p: float) -> float:
    return math.log(max(p, _FLOOR))


def _is(tag: str | None, *starts: str) -> bool:
    return tag is not None and tag.startswith(starts)


def candidate_features(
    candidates: tuple[str, ...],
    dist: dict[str, float],
    alone: dict[str, float] | None,
    evidence: Evidence | None,
    char_list: tuple[str, ...],
    old_choice: str | None,
    context: Context,
) -> list[list[float]]:
    """One row of `FEATURES` values per candidate reading."""
    top = max(dist, key=dist.__getitem__) if dist else None
    top_alone = max(alone, key=alone.__getitem__) if alone else None
    phrase = evidence.phrase if evidence else ()
    dictionary = evidence.dictionary if evidence else ()
    whole = bool(evidence and evidence.whole)
    listed = {*phrase, *dictionary}
    single = len(context.word) == 1
    after_verb = _is(context.previous_tag, "v")
    after_adjective = _is(context.previous_tag, "a")
    previous = context.previous_word or ""
    after_adverb = _is(context.previous_tag, "d") or (
        len(previous) >= 2 and previous[-1] == previous[-2]
    )
    before_verb = _is(context.next_tag, "v")
    at_end = context.next_word is None or not any(c.isalnum() for c in context.next_word)
    # Where the lists give several readings: the one the sentence favours, when it is not the
    # one the model favours for the word alone (一轮朝阳 zhāo, though 朝阳 alone is cháo).
    choices = evidence.options.readings if evidence else ()
    shifted = None
    if len(choices) > 1 and dist and alone:
        in_context = max(choices, key=lambda r: dist.get(r, 0.0))
        by_rote = max(choices, key=lambda r: alone.get(r, 0.0))
        if in_context != by_rote and dist.get(in_context, 0.0) > 0.0:
            shifted = in_context
    rows = []
    for reading in candidates:
        neutral = reading.endswith("5")
        char_first = bool(char_list) and reading == char_list[0]
        values = {
            "log_p": _log(dist.get(reading, 0.0)) if dist else 0.0,
            "top": float(reading == top),
            "log_p_alone": _log(alone.get(reading, 0.0)) if alone else 0.0,
            "top_alone": float(reading == top_alone),
            "phrase_first_whole": float(whole and bool(phrase) and reading == phrase[0]),
            "phrase_other_whole": float(whole and reading in phrase[1:]),
            "dict_only_whole": float(whole and dictionary == (reading,)),
            "dict_some_whole": float(whole and len(dictionary) > 1 and reading in dictionary),
            "phrase_first_part": float(not whole and bool(phrase) and reading == phrase[0]),
            "phrase_other_part": float(not whole and reading in phrase[1:]),
            "dict_only_part": float(not whole and dictionary == (reading,)),
            "dict_some_part": float(not whole and len(dictionary) > 1 and reading in dictionary),
            "lists_agree": float(
                bool(phrase) and reading == phrase[0] and dictionary == (reading,)
            ),
            "full_of_listed_neutral": float(
                not neutral and reading not in listed and f"{reading[:-1]}5" in listed
            ),
            "neutral": float(neutral),
            "char_first": float(char_first),
            "char_listed": float(reading in char_list),
            "old_choice": float(reading == old_choice),
            "single_log_p": _log(dist.get(reading, 0.0)) if single and dist else 0.0,
            "single_char_first": float(single and char_first),
            "model_only_top": float(not listed and reading == top),
            "context_shift": float(reading == shifted),
            "neutral_single_after_verb": float(neutral and single and after_verb),
            "neutral_single_after_adjective": float(neutral and single and after_adjective),
            "neutral_single_after_adverb": float(neutral and single and after_adverb),
            "neutral_single_before_verb": float(neutral and single and before_verb),
            "neutral_single_at_end": float(neutral and single and at_end),
        }
        rows.append([values[name] for name in FEATURES])
    return rows
