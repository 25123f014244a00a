"""A few words either side of a hit, for a result list. Qt-free."""

from __future__ import annotations

CONTEXT_CHARS = 14
ELLIPSIS = "…"


def snippet(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, int, int]:
    """(snippet, hit start, hit end in it): up to `context` characters either side of
    [start, end) within its line, "…" where the line goes on."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    left = max(line_start, start - context)
    right = min(line_end, end + context)
    lead = ELLIPSIS if left > line_start else ""
    tail = ELLIPSIS if right < line_end else ""
    shown = lead + text[left:right] + tail
    hit_start = len(lead) + start - left
    return shown, hit_start, hit_start + (end - start)
