"""The search index's schema steps after 0008 (reader/library/schema.py registers them under
their released names; their bodies live here to keep that module readable).

The trigram table reads its content from `articles` (FTS5's external content) and SQLite's
triggers keep it current inside each write through the door: FTS5 must be handed an
article's *old* text to forget it, which only a trigger still sees. They touch nothing but
the index and what was derived from the text (readings, folded copies).
"""

from __future__ import annotations

from sqlite_utils import Database


def add_search_folded_script(db: Database) -> None:
    # Search in either script (reader.search, reader.text.script_fold): each article's text
    # folded to simplified characters, one for one, so that offsets carry over; '' when
    # folding changes nothing (a simplified text: no copy kept). A table of its own, so
    # that a simplified library pays a few bytes per article and search_docs' long rows
    # are not rewritten. No row: not folded yet (folding loads OpenCC, so it waits for the
    # first search in either script; never at start-up).
    db.execute("CREATE TABLE search_folded (article_id INTEGER PRIMARY KEY, folded TEXT NOT NULL)")


def index_articles_text_in_place(db: Database) -> None:
    # The search index without its copy of every text (a third of its size): the trigram
    # table reads its content from `articles`, and SQLite keeps it current through the
    # triggers below, which hand FTS5 the old text of a changed or removed article (what a
    # hook after the writers no longer sees) and forget what was worked out from it. The
    # readings move to `search_readings`, a row per article once worked out, so that
    # scanning them no longer reads through each article's text; their tone digits,
    # read only for the articles a query picked, zlib-compressed (records.pack_tones).
    db.execute("DROP TABLE search_fts")
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='articles',"
        " content_rowid='id', detail='none', tokenize='trigram')"
    )
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    db.execute(
        """
        CREATE TABLE search_readings (
            article_id INTEGER PRIMARY KEY,
            toneless TEXT NOT NULL,
            tones BLOB NOT NULL,
            initials TEXT NOT NULL
        )
        """
    )
    from reader.library.records import pack_tones

    kept = db.execute(
        "SELECT d.article_id, d.toneless, d.tones, d.initials FROM search_docs d"
        " JOIN articles a ON a.id = d.article_id"
        " WHERE d.toneless IS NOT NULL AND d.text = a.text"
    ).fetchall()
    for article_id, toneless, tones, initials in kept:
        db.execute(
            "INSERT INTO search_readings (article_id, toneless, tones, initials)"
            " VALUES (?, ?, ?, ?)",
            [article_id, toneless, pack_tones(tones), initials],
        )
    db.execute("DROP TABLE search_docs")
    forget = (
        "DELETE FROM search_readings WHERE article_id = old.id;"
        " DELETE FROM search_folded WHERE article_id = old.id;"
    )
    unindex = (
        "INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    )
    index = "INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);"
    triggers = {
        "search_article_added": ("AFTER INSERT ON articles", index),
        "search_article_removed": ("AFTER DELETE ON articles", unindex + forget),
        "search_article_rewritten": (
            "AFTER UPDATE OF id, text ON articles"
            " WHEN old.id IS NOT new.id OR old.text IS NOT new.text",
            unindex + index + forget,
        ),
    }
    for name, (when, body) in triggers.items():
        db.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
