"""One writer per table (issue 11): the SQL that changes the library lives only in the
door's writers. The connection refuses writes outside the door at run time
(tests/test_door.py); this test keeps the SQL itself from spreading."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITE = re.compile(
    r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b"
)
ALLOWED = {
    "reader/library/writes/annotations.py": "the door's writer of annotations",
    "reader/library/writes/readings.py": "the door's writer of reading corrections",
    "reader/library/writes/articles.py": "the door's writer of the reader's article edits",
    "reader/library/writes/sources.py": "the door's writer of sources, articles, tokens",
    "reader/library/writes/word_readings.py": "the door's writer of word readings",
    "reader/library/writes/vocabulary.py": "the door's writer of word statuses, kept sentences"
    " and the per-article word counts derived from the text",
    "reader/library/writes/search_index.py": "the door's writer of the search index",
    "reader/library/session.py": "the door itself: change_log",
    "reader/library/schema.py": "migrations",
    "reader/library/annotations_rebuild.py": "migration 0010 (a table rebuild)",
    "reader/library/search_migrations.py": "migrations 0011, 0012 (the search index)",
    "reader/text/dictionary.py": "the dictionary cache, a database of its own",
    "reader/text/pinyin_lexicon.py": "the pinyin word-table cache, a database of its own",
}


def sql_writes(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string literal in `path` that holds an SQL write."""
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING and WRITE.search(token.string.upper()):
            found.append((token.start[0], token.string.strip()[:60]))
    return found


def test_only_the_doors_writers_hold_sql_that_changes_the_library() -> None:
    offenders = {}
    for package in ("reader", "annotations"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name not in ALLOWED and (writes := sql_writes(path)):
                offenders[name] = writes
    assert offenders == {}


def test_the_scan_finds_writes_where_they_are() -> None:
    """The scanner itself: it sees the writers' statements (else the test above is empty)."""
    assert sql_writes(ROOT / "reader/library/writes/annotations.py")
    assert sql_writes(ROOT / "reader/library/writes/sources.py")
