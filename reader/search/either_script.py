"""Searching characters in simplified and traditional alike: how the engine folds titles,
bylines and notes (in Python and in SQL) and which spellings of a folded query's trigrams
the index is asked for. Qt-free; OpenCC's table loads only when such a search runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from reader.search.matching import fold

if TYPE_CHECKING:
    from reader.library.store import Library


def value_fold(any_script: bool) -> Callable[[str], str]:
    """How a title, byline or note is folded before the needle is looked for in it."""
    if not any_script:
        return fold
    from reader.text.script_fold import fold_script

    return lambda value: fold_script(fold(value))


def sql_fold(library: Library, any_script: bool, expression: str) -> str:
    """`expression` folded in SQL as `value_fold` folds it in Python (SQLite's lower()
    folds neither full-width letters nor width)."""
    connection = library.conn
    if connection not in _FOLDING_CONNECTIONS:  # once per connection, not per query
        connection.create_function("yuedu_fold", 1, _null_or(fold), deterministic=True)
        connection.create_function(
            "yuedu_fold_script", 1, _null_or(value_fold(True)), deterministic=True
        )
        _FOLDING_CONNECTIONS.add(connection)
    return f"yuedu_fold_script({expression})" if any_script else f"yuedu_fold({expression})"


# Connections that have the SQL fold (weakly held: a closed library's goes with it).
_FOLDING_CONNECTIONS: WeakSet[Any] = WeakSet()


def _null_or(function: Callable[[str], str]) -> Callable[[str | None], str | None]:
    return lambda value: None if value is None else function(value)


def trigram_spellings(trigram: str, any_script: bool) -> list[str] | None:
    """The spellings of a (folded) trigram the FTS index is asked for; None: too many."""
    if not any_script:
        return [trigram]
    from reader.text.script_fold import spellings

    return spellings(trigram)
