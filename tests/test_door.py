"""The door (issue 11): every write goes through `LibrarySession.write`, returns what it
changed, logs it for other processes, and a failed write announces nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.importer import prepare_import, store_import, store_update
from reader.library import Library
from reader.library.change import Change
from reader.library.session import CHANGE_LOG_KEPT, LibrarySession, WriteOutsideDoor
from tests.shared_data import SEED_PAGE

REPO_ROOT = Path(__file__).resolve().parent.parent
TEXT = "第一回\n春天来了，花开了。\n第二回\n秋天来了，叶落了。\n"


def heard(library: Library) -> list[Change]:
    changes: list[Change] = []
    library.session.add_listener(changes.append)
    return changes


def log_rows(library: Library) -> list[tuple[str, dict[str, Any], str]]:
    rows = library.conn.execute("SELECT op, payload, origin FROM change_log ORDER BY seq")
    return [(op, json.loads(payload), origin) for op, payload, origin in rows]


def imported(library: Library, text: str = TEXT, name: str = "novel.txt") -> list[int]:
    return store_import(library, prepare_import(text.encode(), name)).article_ids


def test_each_write_returns_and_announces_exactly_what_it_changed(library: Library) -> None:
    changes = heard(library)
    first, second = imported(library)
    [source_id] = [row[0] for row in library.conn.execute("SELECT id FROM sources")]
    store = AnnotationStore(library)
    note = store.add(second, 0, 2, color="green")
    store.update(note.id, comment="春")
    library.set_reading_override(first, 0, 1, ["di4"])
    store.delete(note.id)

    assert changes == [
        Change(
            "Import novel.txt", sources=frozenset({source_id}), articles=frozenset({first, second})
        ),
        Change("Highlight", annotated=frozenset({second}), annotations=frozenset({note.id})),
        Change("Edit highlight", annotated=frozenset({second}), annotations=frozenset({note.id})),
        Change("Correct reading", readings=frozenset({first})),
        Change("Delete highlight", annotated=frozenset({second}), annotations=frozenset({note.id})),
    ]
    assert library.session.last_change == changes[-1]
    # The same records, in order, in the log other processes read.
    assert [Change.from_json(op, json.dumps(p)) for op, p, _ in log_rows(library)] == changes


def test_the_door_returns_the_record_of_a_write(library: Library) -> None:
    [article, _] = imported(library)
    with library.session.write("Correct two readings") as write:
        library.set_reading_override(article, 0, 1, ["di4"])
        library.set_reading_override(article, 1, 2, ["yi1"])
    # Nested writes joined the outer one: one transaction, one record, the outer name.
    assert write.change == Change("Correct two readings", readings=frozenset({article}))
    assert [op for op, _, _ in log_rows(library)][-1] == "Correct two readings"


def test_an_update_in_place_names_its_source_articles_and_annotations(library: Library) -> None:
    seed = SEED_PAGE.read_text(encoding="utf-8")
    ids = store_import(library, prepare_import(seed.encode(), SEED_PAGE.name)).article_ids
    cut = "以工补农、以城带乡，"
    [holder] = [i for i in ids if cut in library.get_article(i).text]  # type: ignore[union-attr]
    after = library.get_article(holder).text.index(cut) + len(cut)  # type: ignore[union-attr]
    store = AnnotationStore(library)
    moving = store.add(holder, after, after + 4)  # after the cut: it moves
    staying = store.add(holder, 0, 4)  # before it: it stays where it is
    changes = heard(library)
    source = library.sources_named(SEED_PAGE.name)[0]
    store_update(library, prepare_import(seed.replace(cut, "").encode(), SEED_PAGE.name), source.id)
    [change] = changes
    assert change.op == f"Update {SEED_PAGE.name}"
    assert change.sources == {source.id} and set(ids) <= change.articles
    assert change.annotations == {moving.id} and change.annotated == {holder}
    assert staying.id not in change.annotations


def test_a_failed_write_is_rolled_back_and_announces_nothing(library: Library) -> None:
    [article, _] = imported(library)
    changes = heard(library)
    rows_before = log_rows(library)
    with library.session.door():  # a test-only trigger standing in for a full disk
        library.conn.execute(
            "CREATE TRIGGER fail BEFORE INSERT ON annotations "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    with pytest.raises(sqlite3.DatabaseError, match="disk is full"):
        AnnotationStore(library).add(article, 0, 2)
    assert changes == []
    assert log_rows(library) == rows_before
    assert not library.conn.in_transaction and not library.session.writing


def test_nothing_writes_outside_the_door(library: Library) -> None:
    [article, _] = imported(library)
    for sql, parameters in [
        ("DELETE FROM articles WHERE id = ?", [article]),
        ("UPDATE articles SET title = 'x'", []),
        ("  insert into change_log (op, payload, origin, at) values ('', '{}', '', '')", []),
        ("WITH gone AS (SELECT 1) DELETE FROM reading_overrides", []),
    ]:
        with pytest.raises(WriteOutsideDoor):
            library.conn.execute(sql, parameters)
    with pytest.raises(WriteOutsideDoor):
        library.conn.executemany("DELETE FROM articles WHERE id = ?", [[article]])
    assert library.get_article(article) is not None
    library.conn.execute("SELECT count(*) FROM articles").fetchone()  # reads pass


def test_other_processes_changes_come_back_as_records_and_own_ones_do_not(
    library: Library, tmp_path: Path
) -> None:
    imported(library)
    seen = library.session.last_seq()
    other = Library.open(library.path)
    other.session = LibrarySession(other, origin="another process")
    try:
        article = other.list_articles()[0].id
        note = AnnotationStore(other).add(article, 0, 2)
        other.set_reading_override(article, 0, 1, ["di4"])
    finally:
        other.close()
    AnnotationStore(library).add(article, 2, 4)  # this process's own: not news
    change, newest = library.session.changes_since(seen)
    assert change == Change(
        "Highlight",
        annotated=frozenset({article}),
        annotations=frozenset({note.id}),
        readings=frozenset({article}),
        external=True,
    )
    assert newest == library.session.last_seq()
    assert not library.session.changes_since(newest)[0]


def test_a_reader_fallen_behind_the_pruned_log_reloads_everything(library: Library) -> None:
    imported(library)
    seen = library.session.last_seq()
    with library.session.door():  # rows of another origin, far ahead of `seen`
        library.conn.execute(
            "INSERT INTO change_log (seq, op, payload, origin, at) VALUES (?, 'x', '{}', 'o', '')",
            [seen + CHANGE_LOG_KEPT + 5],
        )
        library.conn.execute("DELETE FROM change_log WHERE seq <= ?", [seen + 1])
    change, _ = library.session.changes_since(seen)
    assert change.everything and change.external


def test_the_cli_and_the_window_write_the_same_record(library: Library, qtbot: Any) -> None:
    """`yuedu annotate` in another process and a highlight made in the window are the same
    change: the same op, article and kind of ids (only the new annotation's id differs)."""
    from reader.ui.library_service import LibraryService

    [article, _] = imported(library)
    seen = library.session.last_seq()
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(library.path), "annotate", str(article),
         "--quote", "春天"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from_cli, _ = library.session.changes_since(seen)

    service = LibraryService(library)
    with qtbot.waitSignal(service.changed) as window_signal:
        made = service.create_annotation(article, 3, 5, "yellow")
    service.shutdown()
    from_window: Change = window_signal.args[0]
    assert made is not None
    assert (from_cli.op, from_cli.annotated) == (from_window.op, from_window.annotated)
    assert len(from_cli.annotations) == len(from_window.annotations) == 1
    assert from_window.annotations == {made.id} and from_cli.external


def test_a_change_elsewhere_to_an_annotation_on_the_undo_stack_clears_it(
    library: Library, qtbot: Any
) -> None:
    """Undoing would overwrite what the other process just did: the history goes."""
    from reader.ui.library_service import LibraryService

    [article, other_article] = imported(library)
    service = LibraryService(library)
    mine = service.create_annotation(article, 0, 2, "yellow")
    assert mine is not None and service.undo_stack.count() == 1
    unrelated = Change(
        "Highlight", annotated=frozenset({other_article}), annotations=frozenset({"x"})
    )
    service.changed_elsewhere.emit(unrelated | Change(external=True))
    assert service.undo_stack.count() == 1  # nothing of ours was touched
    touched = Change(
        "Edit highlight", annotated=frozenset({article}), annotations=frozenset({mine.id})
    )
    service.changed_elsewhere.emit(touched)
    assert service.undo_stack.count() == 0
    service.shutdown()
