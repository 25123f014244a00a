"""Details put into sentences for the reader: one closing mark however a detail (often
SQLite's own message) ended, problems listed in one clause, a backup's time in local time.
Qt-free; shared by the command line's and the window's messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reader.messages import message

# Marks that end a clause or sentence: a detail ending in one loses it before it is joined,
# so "…(malformed)." inside a sentence does not come out as "…(malformed).)." or "…..".
_CLAUSE_ENDS = ".;:,。；：，、"
_KEPT_ENDS = ("!", "?", "！", "？")


def bare_detail(detail: str) -> str:
    """`detail` on one line, without its own closing full stop (or ; : ,)."""
    return " ".join(detail.split()).rstrip(_CLAUSE_ENDS + " ")


def join_detail(lead: str, detail: str) -> str:
    """`lead: detail.` as one sentence that ends in one mark, however `detail` ended: the
    one helper both the command line's and the window's texts join details with."""
    lead, detail = bare_detail(lead), bare_detail(detail)
    if not detail:
        return f"{lead}."
    return f"{lead}: {detail}" + ("" if detail.endswith(_KEPT_ENDS) else ".")


def problems_in_words(problems: Sequence[str], limit: int = 3) -> str:
    """The first `limit` problems as one clause ("a; b; c; and 2 more"), ready for
    `join_detail`. A problem of several lines (SQLite's integrity report) becomes one."""
    shown = "; ".join(part for part in (bare_detail(p) for p in problems[:limit]) if part)
    if len(problems) > limit:
        return message("{problems}; and {count} more", problems=shown, count=len(problems) - limit)
    return shown


def backup_time_in_words(backup: Path) -> str:
    """When an automatic backup was taken, in local time, as people write it: "28 November
    2026, 22:15". Its name holds the time in UTC, which would mislead a reader choosing one."""
    from reader.library.safety import LibraryBackups

    try:
        taken = LibraryBackups.taken_at(backup)
    except ValueError:  # not named like an automatic backup: the name is all there is
        return backup.name
    return time_in_words(taken)


def stored_time_in_words(stored: str) -> str:
    """A time the library stores as ISO 8601 text (a source's `imported_at`, in UTC) as
    `time_in_words` writes it; text that is no such time stands as it is."""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    return time_in_words(moment)


def time_in_words(moment: datetime) -> str:
    """`moment` in local time, as people write it: "28 November 2026, 22:15" (a time without
    a zone is taken as local)."""
    taken = moment.astimezone()
    # Not strftime's %B: Qt sets the C library's locale, and a month in another language
    # would land in the middle of an English sentence.
    return message(
        "{day} {month} {year}, {time}",
        day=taken.day,
        month=_MONTHS[taken.month - 1],
        year=taken.year,
        time=f"{taken:%H:%M}",
    )


_MONTHS = (
    message("January"), message("February"), message("March"), message("April"),
    message("May"), message("June"), message("July"), message("August"),
    message("September"), message("October"), message("November"), message("December"),
)  # fmt: skip
