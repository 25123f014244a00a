"""The arbiter between the word readings and the contextual model: how each character of a
word gets its reading (`Slot`), and, for a polyphonic one, which reading wins.

`LearnedArbiter` decides, from the features of each candidate reading; `decide`, the old
hand-set rule (trust the word reading unless the model is nearly certain), is one of those
features. Qt-free.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# The contextual model overrides a whole-word reading only when at least this sure.
OVERRIDE_PROBABILITY = 0.999


class Slot:
    """How one character of a word gets its reading.

    `fixed` is the reading when no model is needed; otherwise `prior` (the word reading,
    or None) and `choices` (readings the model may pick among; empty: any of the character's).
    """

    __slots__ = ("fixed", "prior", "choices", "trusted", "evidence", "guessed")

    def __init__(
        self,
        fixed: str | None = None,
        prior: str | None = None,
        choices: tuple[str, ...] = (),
        trusted: bool = False,
        evidence: Any = None,
        guessed: bool = False,
    ) -> None:
        self.fixed = fixed
        # `fixed` is only the character's commonest reading (no word list, no model spoke
        # for it): the everyday rules may still read it otherwise (嚼 alone is jiáo).
        self.guessed = guessed
        self.prior = prior
        self.choices = choices
        # The old rule kept a trusted word reading whatever the model said.
        self.trusted = trusted
        # What each word list says (`reader.text.pinyin_words.Evidence`), for the features.
        self.evidence = evidence


NON_HAN = Slot()
"""The slot of a character that is not Han: it has no reading."""


def decide(
    slot: Slot, dist: dict[str, float], isolated: dict[str, float] | None = None
) -> str | None:
    """The reading of one polyphonic character from its word readings and the model.

    `dist` is the model's distribution in context, `isolated` (for a word the lists give
    several readings) its distribution for the word alone.
    """
    if slot.trusted or not dist:
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


def keeps_word_reading(slot: Slot) -> bool:
    """Whether the one reading the word lists give a character of a multi-character word
    (着眼 zhuó, 一宿 xiǔ, 晃眼 huǎng, 瞎蒙 mēng) is kept from the arbiter, for `decide`
    (which lets only a near-certain model override it).

    The arbiter, fitted on encyclopaedia sentences, learnt to trust g2pM often over a
    word's reading; in everyday sentences that made it replace right word readings by a
    character's commonest one. A neutral-tone reading is left to the arbiter: the lists
    disagree on whether a syllable weakens (枇杷 pípa or pípá), and the model knows better.
    """
    return slot.prior is not None and len(slot.choices) == 1 and not slot.prior.endswith("5")


ARBITER_FILE = "pinyin_arbiter.json"


class ArbiterNotUsable(Exception):
    """The learned arbiter's file is missing or does not fit this code's features."""


class LearnedArbiter:
    """A conditional logistic regression over a character's candidate readings: each gets
    the score `weights · features` (`reader.text.pinyin_features`), and the highest wins.
    Fitted and written by bench/train_pinyin_arbiter.py; plain Python at run time."""

    def __init__(self, features: tuple[str, ...], weights: tuple[float, ...]) -> None:
        if len(features) != len(weights):
            raise ArbiterNotUsable("the arbiter has not one weight per feature")
        self.features = features
        self.weights = weights

    @classmethod
    def load(cls, path: Path | None = None) -> LearnedArbiter:
        """The arbiter shipped in resources/ (or at `path`); `ArbiterNotUsable` when it is
        missing, damaged, or made for other features than `FEATURES`."""
        from reader.paths import RESOURCES_DIR
        from reader.text.pinyin_features import FEATURES

        path = path if path is not None else RESOURCES_DIR / ARBITER_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            features = tuple(str(name) for name in data["features"])
            weights = tuple(float(w) for w in data["weights"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ArbiterNotUsable(f"cannot read the pinyin arbiter {path}: {error}") from error
        if features != FEATURES:
            raise ArbiterNotUsable(
                f"{path} was fitted for other features; run bench/train_pinyin_arbiter.py"
            )
        return cls(features, weights)

    def scores(self, rows: list[list[float]]) -> list[float]:
        return [sum(w * v for w, v in zip(self.weights, row, strict=True)) for row in rows]

    def choose(self, candidates: tuple[str, ...], rows: list[list[float]]) -> str:
        scores = self.scores(rows)
        return candidates[max(range(len(candidates)), key=scores.__getitem__)]
