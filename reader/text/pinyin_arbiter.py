"""The arbiter between the word readings and the contextual model: how each character of a
word gets its reading (`Slot`), and, for a polyphonic one, which reading wins (`decide`).
Qt-free."""

from __future__ import annotations

# The contextual model overrides a whole-word reading only when at least this sure.
OVERRIDE_PROBABILITY = 0.999


class Slot:
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


NON_HAN = Slot()
"""The slot of a character that is not Han: it has no reading."""


def decide(
    slot: Slot, dist: dict[str, float], isolated: dict[str, float] | None = None
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
