"""What a reader can do when a search found nothing, for the command line and the window
alike. Qt-free.

Three causes are common enough to name: pinyin asked of titles, bylines or notes (only
article text has readings), a space between characters (Chinese text has none), and the
other script (发展 in a library of 發展). The last is tried: the same search across scripts,
its count given."""

from __future__ import annotations

from dataclasses import replace

from reader.library.store import Library
from reader.messages import Message, message
from reader.search.engine import TEXT, SearchOptions, search
from reader.search.pinyin_query import parse_pinyin
from reader.text.chars import is_han

# Hits counted, at most, when the other script is tried.
_COUNT_UP_TO = 1000


def no_hits_hint(
    library: Library,
    query: str,
    options: SearchOptions,
    any_script_option: str,
    *,
    try_other_script: bool = True,
) -> Message | None:
    """The hint for `query`, which found nothing with `options`; None when there is none to
    give. `any_script_option`: what the shell calls the search across scripts; without
    `try_other_script` that search is not run (the window does not, while its index for it
    is not ready: preparing it would block)."""
    text = query.strip()
    read_as_pinyin = options.initials or bool(parse_pinyin(text))
    if TEXT not in options.fields and read_as_pinyin:
        return message(
            "Titles, bylines and notes are found by characters only (银行, not yinhang)."
        )
    if not any(is_han(char) for char in text):
        return None
    if any(char.isspace() for char in text):
        return message(
            "The query holds a space, which Chinese text rarely has: leave it out, or search "
            "for one word at a time."
        )
    if options.any_script or not try_other_script:
        return None
    other = search(library, text, replace(options, any_script=True, limit=_COUNT_UP_TO))
    if not other:
        return None
    count = f"{len(other)}+" if len(other) >= _COUNT_UP_TO else str(len(other))
    return message(
        "With {option}: {count} hit(s), written in the other script.",
        option=any_script_option,
        count=count,
    )
