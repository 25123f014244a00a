"""Grammar the contextual model misses in short everyday sentences. Qt-free."""

from __future__ import annotations


def apply_grammar(
    words: list[str], tags: list[str | None], results: list[list[str | None]]
) -> None:
    """Correct `results` (one list of readings per token) where the grammar is clear."""
    return None
