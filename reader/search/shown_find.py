"""The find bar over an article shown converted (View ▸ Script): characters typed in the
script shown are found in the text as shown, and each hit is carried back through the
conversion's position map to stored offsets, which the view highlights. Pinyin and
initials do not depend on the script: the index answers them, in stored offsets already.
Qt-free."""

from __future__ import annotations

from reader.search.engine import SearchOptions, plan_query
from reader.search.matching import fold, occurrences
from reader.text.script_conversion import ShownText


def find_in_shown(
    shown: ShownText, query: str, options: SearchOptions | None = None
) -> list[tuple[int, int]] | None:
    """Every hit of a characters query in the shown text, as stored (start, end) in reading
    order; None when the query is pinyin or initials (ask `find_in_article`).
    `QueryRefused` for a query that cannot be searched."""
    options = options or SearchOptions()
    plan = plan_query(None, query, options)
    if plan.kind != "chars":
        return None
    haystack = fold(shown.shown)
    if plan.any_script:
        from reader.text.script_fold import fold_script

        haystack = fold_script(haystack)
    hits: list[tuple[int, int]] = []
    for at in occurrences(haystack, plan.needle):
        # A phrase whose length changed maps to its whole stored phrase: a hit inside it
        # grows to cover it, never shrinks to nothing.
        start = shown.source_offset(at)
        end = shown.source_offset(at + len(plan.needle), round_up=True)
        if end > start and (not hits or start >= hits[-1][1]):
            hits.append((start, end))
    return hits
