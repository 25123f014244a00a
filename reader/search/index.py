"""Keeping the search index current. Qt-free.

The characters' index (an FTS5 trigram table whose content is `articles.text` itself) is
kept by SQLite: the triggers of migration 0011 index an article added, changed or removed
inside the very statement that changes it, whoever the writer (import, update, split,
merge, delete, restore, the command line), and forget what was worked out from its old
text. The door runs `follow_change` inside every write, after its writers, with what they
touched: an article whose readings changed (a correction, a word's reading) has its
readings forgotten; a write that changed everything (a restore) forgets them all.

Readings are worked out when first wanted: they need the pinyin tables (~1 s to load,
~2 s per million characters), too much for every write (an import, a one-word
correction), so `ensure_readings` works them out for the articles that lack them when a
pinyin query first needs them (the window does it off its main thread), and `rebuild`
does all of it. The text folded to one script (for searching in either) is likewise
worked out when a search in either script first needs it (`ensure_folded`: OpenCC,
~0.1 s per million characters)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.library.change import ChangeBuilder
from reader.library.writes import search_index as index_writes

if TYPE_CHECKING:
    from reader.library.store import Library

log = logging.getLogger(__name__)


def follow_change(library: Library, change: ChangeBuilder) -> None:
    """Bring the index in line with what this write touched (see the module docstring)."""
    record = change.build()
    conn = library.conn
    if record.everything:
        index_writes.forget_all_readings(conn, change)
        return
    for article_id in sorted(record.readings):
        index_writes.forget_readings(conn, change, article_id)


def missing_readings(library: Library, article_ids: list[int] | None = None) -> list[int]:
    rows = library.conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM search_readings)"
    )
    missing = [row[0] for row in rows]
    if article_ids is not None:
        wanted = set(article_ids)
        missing = [article_id for article_id in missing if article_id in wanted]
    return missing


def ensure_readings(
    library: Library,
    article_ids: list[int] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Work out the indexed readings of the articles that lack them (all, or those of
    `article_ids`); returns how many. One write per article, so a long catch-up does not
    hold the library's lock for long (and `is_cancelled` stops it between two)."""
    from reader.search.readings import ReadingEncoder

    missing = missing_readings(library, article_ids)
    if not missing:
        return 0
    encoder = ReadingEncoder(library)
    for article_id in missing:
        if is_cancelled is not None and is_cancelled():
            break
        with library.session.write("Index readings for search") as change:
            encoded = encoder.encode_article(article_id, change)
            if encoded is not None:
                index_writes.put_readings(library.conn, change, article_id, encoded)
    return len(missing)


def missing_folded(library: Library) -> list[int]:
    rows = library.conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM search_folded)"
    )
    return [row[0] for row in rows]


FOLD_BATCH_CHARS = 2_000_000  # per write, so that a long catch-up does not hold the lock


def ensure_folded(library: Library) -> int:
    """Fold the indexed text of the articles that lack it to one script; returns how many."""
    from reader.text.script_fold import fold_script

    missing = missing_folded(library)
    conn = library.conn
    done = 0
    while done < len(missing):
        with library.session.write("Index articles for search in either script") as change:
            chars = 0
            while done < len(missing) and chars < FOLD_BATCH_CHARS:
                article_id = missing[done]
                row = conn.execute(
                    "SELECT text FROM articles WHERE id = ?", [article_id]
                ).fetchone()
                done += 1
                if row is None:
                    continue
                folded = fold_script(row[0])
                # '' keeps no copy of a text folding leaves as it is (a simplified text).
                kept = "" if folded == row[0] else folded
                index_writes.put_folded(conn, change, article_id, kept)
                chars += len(row[0])
    return len(missing)


def rebuild(library: Library, *, with_readings: bool = True) -> int:
    """Build the index afresh (Help ▸ Rebuild search index, `yuedu search --rebuild`);
    returns the number of articles indexed."""
    with library.session.write("Rebuild search index") as change:
        index_writes.rebuild(library.conn, change)
    if with_readings:
        ensure_readings(library)
    return library.article_count()


__all__ = ["ensure_folded", "ensure_readings", "follow_change", "rebuild"]
