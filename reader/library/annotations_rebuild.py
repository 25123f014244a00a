"""Schema step 0010 (`reader.library.schema`): the `annotations` table rebuilt so that an
annotation can outlive its article. Kept apart from the list of steps for its length; like
every released step, never edited once released. Runs inside the migrations' transaction."""

from __future__ import annotations

import sqlite3

# The annotations' columns before 0010, in their table's order.
COLUMNS_0009 = (
    "id, article_id, start, end, quote, prefix, suffix, color, comment, tags,"
    " created_at, updated_at, orphaned"
)


def rebuild_annotations_for_0010(conn: sqlite3.Connection) -> None:
    # Deleting an article may keep its annotations (issue: "keep them as orphans"): an
    # annotation then has no article (`article_id` NULL, flagged orphaned) and remembers
    # where it came from — the source (its id, file name and content hash), the article's
    # title and place in it — so that it can be listed as "from: <title>" and placed again
    # when that text is imported again. The `from_*` columns mean something only while
    # `article_id` is NULL. The foreign key stays RESTRICT: a delete must choose.
    #
    # SQLite cannot change a column's NOT NULL in place, so the table is rebuilt by its
    # documented 12-step procedure (sqlite.org/lang_altertable.html#otheralter). This runs
    # inside the caller's transaction, where PRAGMA foreign_keys cannot be switched off
    # (steps 1 and 12); that is safe here because no table references `annotations`, and
    # the copied rows are checked against `articles` (step 10) before the commit. No view
    # or trigger names the table (step 9 has nothing to do); any trigger would be kept.
    # Step 3: the table's indexes and triggers, made again on the new table (step 8).
    kept = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'annotations'"
        " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
    ).fetchall()
    # Step 4: the new table, as the old one but for `article_id` and the `from_*` columns.
    conn.execute(
        """
        CREATE TABLE annotations_new (
            id TEXT PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE RESTRICT,
            start INTEGER NOT NULL CHECK (start >= 0),
            end INTEGER NOT NULL CHECK (end > start),
            quote TEXT NOT NULL CHECK (quote <> ''),
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL
                CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
            comment TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
            from_source_id INTEGER,
            from_file TEXT NOT NULL DEFAULT '',
            from_sha256 TEXT NOT NULL DEFAULT '',
            from_title TEXT NOT NULL DEFAULT '',
            from_position INTEGER,
            CHECK (article_id IS NOT NULL OR orphaned = 1)
        )
        """
    )
    # Step 5: every row copied.
    conn.execute(
        f"INSERT INTO annotations_new ({COLUMNS_0009}) SELECT {COLUMNS_0009} FROM annotations"
    )
    # Steps 6 and 7: the old table out, the new one under its name.
    conn.execute("DROP TABLE annotations")
    conn.execute("ALTER TABLE annotations_new RENAME TO annotations")
    # Step 8: the indexes (annotations_spans) and any triggers, as they were.
    for (sql,) in kept:
        conn.execute(sql)
    # Kept orphans are found by where they came from when that source is imported again.
    conn.execute(
        "CREATE INDEX annotations_detached ON annotations(from_source_id, from_sha256)"
        " WHERE article_id IS NULL"
    )
    # Step 10: the copied rows still point at articles that exist.
    broken = conn.execute("PRAGMA foreign_key_check(annotations)").fetchall()
    if broken:
        raise sqlite3.IntegrityError(
            f"{len(broken)} annotation(s) point at articles that do not exist"
        )
