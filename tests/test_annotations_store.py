"""The annotation store: round trips, tags, search, and writes that are whole or not at all."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotations.model import COLORS, Annotation, normalize_tags
from annotations.store import AnnotationStore
from reader.library.store import Library, NewArticle, NewSource

TEXT = "第一段春天的故事。👩‍💻在𠮷野家吃饭。\n第二段花开了，花开了。\nCafé au lait, naïve résumé."


def add_article(library: Library, text: str = TEXT, name: str = "a.txt") -> int:
    [article_id] = library.add_source(
        NewSource.whole(name, "UTF-8", name.ljust(64, "0"), len(text), text, text.split("\n")),
        [NewArticle("标题", False, "", text, 0, text.count("\n") + 1, [len(text)])],
    )
    return article_id


@pytest.fixture
def store(library: Library) -> AnnotationStore:
    return AnnotationStore(library)


def test_add_computes_the_selector_from_the_stored_text(
    library: Library, store: AnnotationStore
) -> None:
    article_id = add_article(library)
    start = TEXT.index("👩")
    annotation = store.add(article_id, start, start + 6, comment="*emoji* 与 𠮷")
    assert annotation.quote == "👩‍💻在𠮷野" == TEXT[start : start + 6]
    assert annotation.prefix == TEXT[max(0, start - 32) : start]
    assert annotation.suffix == TEXT[start + 6 : start + 38]
    assert annotation.color == "yellow" and not annotation.orphaned
    assert annotation.created_at == annotation.updated_at
    assert annotation.created_at.endswith("+00:00")  # UTC, ISO 8601
    assert len(annotation.id) == 36  # a UUID
    assert store.get(annotation.id) == annotation


def test_annotations_are_in_the_file_once_add_returns(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    library = Library.open(path)
    article_id = add_article(library)
    annotation = AnnotationStore(library).add(article_id, 0, 3, color="green", tags=["x"])
    # Another connection sees it at once: it was committed, not merely buffered.
    other = sqlite3.connect(path)
    assert other.execute("SELECT quote, color FROM annotations").fetchall() == [("第一段", "green")]
    other.close()
    library.close()
    with Library.open(path) as reopened:
        assert AnnotationStore(reopened).get(annotation.id) == annotation


@pytest.mark.parametrize(
    ("start", "end"), [(3, 3), (5, 2), (-1, 2), (0, len(TEXT) + 1), (len(TEXT), len(TEXT) + 1)]
)
def test_empty_or_out_of_range_spans_are_refused(
    library: Library, store: AnnotationStore, start: int, end: int
) -> None:
    article_id = add_article(library)
    with pytest.raises(ValueError):
        store.add(article_id, start, end)
    assert store.count() == 0


def test_unknown_article_and_colour_are_refused(library: Library, store: AnnotationStore) -> None:
    article_id = add_article(library)
    with pytest.raises(ValueError, match="no article"):
        store.add(article_id + 1, 0, 1)
    with pytest.raises(ValueError, match="colour"):
        store.add(article_id, 0, 1, color="red")
    assert store.count() == 0


def test_update_changes_what_is_given_and_bumps_updated_at(
    library: Library, store: AnnotationStore
) -> None:
    article_id = add_article(library)
    first = store.add(article_id, 0, 3, comment="old", tags=["a"])
    changed = store.update(first.id, color="purple")
    assert (changed.color, changed.comment, changed.tags) == ("purple", "old", ("a",))
    assert changed.updated_at >= first.updated_at and changed.created_at == first.created_at
    changed = store.update(first.id, comment="", tags=[])
    assert (changed.comment, changed.tags) == ("", ())
    assert store.get(first.id) == changed
    with pytest.raises(KeyError):
        store.update("no-such-id", color="blue")
    with pytest.raises(ValueError):
        store.update(first.id, color="black")


def test_delete_returns_the_annotation_and_restore_puts_it_back_exactly(
    library: Library, store: AnnotationStore
) -> None:
    article_id = add_article(library)
    kept = store.add(article_id, 0, 3, color="blue", comment="c", tags=["t1", "t2"])
    deleted = store.delete(kept.id)
    assert deleted == kept and store.get(kept.id) is None and store.count() == 0
    store.restore(deleted)
    assert store.get(kept.id) == kept
    # Restore also rolls an edit back (undo of update), times and all.
    store.update(kept.id, comment="edited", tags=["other"])
    store.restore(kept)
    assert store.get(kept.id) == kept
    with pytest.raises(KeyError):
        store.delete("no-such-id")


def test_tags_are_normalised_and_unique_case_insensitively(
    library: Library, store: AnnotationStore
) -> None:
    assert normalize_tags([" #Poem ", "poem", "##", "", "诗", "#诗 "]) == ("Poem", "诗")
    with pytest.raises(TypeError):
        normalize_tags("poem")  # one string is not a set of tags
    article_id = add_article(library)
    first = store.add(article_id, 0, 3, tags=["#Poem", "poem", " 诗 "])
    assert first.tags == ("Poem", "诗")
    # A tag already in the library keeps its spelling: "POEM" joins "Poem".
    second = store.add(article_id, 4, 6, tags=["POEM", "Spring"])
    assert second.tags == ("Poem", "Spring")
    assert store.tags() == ["Poem", "Spring", "诗"]
    # ...but an annotation alone with a tag may change its case.
    assert store.update(second.id, tags=["spring"]).tags == ("spring",)


def test_for_article_is_in_text_order_and_count(library: Library, store: AnnotationStore) -> None:
    first_article = add_article(library, name="a.txt")
    second_article = add_article(library, name="b.txt")
    spans = [(10, 14), (0, 5), (0, 3), (20, 21)]
    for start, end in spans:
        store.add(first_article, start, end)
    store.add(second_article, 1, 2)
    assert [(a.start, a.end) for a in store.for_article(first_article)] == sorted(spans)
    assert store.count() == 5 and store.count(first_article) == 4 and store.count(999) == 0
    assert store.for_article(999) == []


def test_search_filters_combine(library: Library, store: AnnotationStore) -> None:
    first_article = add_article(library, name="a.txt")
    second_article = add_article(library, name="b.txt")
    cafe = TEXT.index("Café")
    spring = store.add(first_article, 3, 5, color="green", tags=["season"])
    cafe_note = store.add(first_article, cafe, cafe + 4, comment="ÉLAN vital", tags=["Food"])
    flowers = store.add(second_article, TEXT.index("花开"), TEXT.index("花开") + 2, color="pink")
    store.restore(replace(flowers, orphaned=True))
    flowers = store.get(flowers.id)
    assert flowers is not None

    def ids(found: list[Annotation]) -> list[str]:
        return [a.id for a in found]

    assert ids(store.search()) == [spring.id, cafe_note.id, flowers.id]
    assert ids(store.search(article_id=second_article)) == [flowers.id]
    assert ids(store.search(color="green")) == [spring.id]
    assert ids(store.search(tag="#food")) == [cafe_note.id]
    assert ids(store.search(text="café")) == [cafe_note.id]  # in the quote, any case
    assert ids(store.search(text="élan")) == [cafe_note.id]  # in the comment, beyond ASCII
    assert ids(store.search(text="春天")) == [spring.id]
    assert ids(store.search(orphaned=True)) == [flowers.id]
    assert ids(store.search(orphaned=False, article_id=first_article, color="pink")) == []
    assert store.search(tag="   ") == []
    assert all(color in COLORS for color in (a.color for a in store.search()))


def test_an_annotated_article_cannot_be_deleted_silently(
    library: Library, store: AnnotationStore
) -> None:
    article_id = add_article(library)
    store.add(article_id, 0, 3)
    with pytest.raises(sqlite3.IntegrityError), library.session.write("Delete article"):
        library.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
    with pytest.raises(sqlite3.IntegrityError), library.session.write("Delete sources"):
        library.conn.execute("DELETE FROM sources")  # the cascade stops at the annotation
    assert store.count() == 1 and library.get_article(article_id) is not None


@pytest.mark.parametrize("operation", ["add", "update", "delete", "restore"])
def test_a_failing_write_raises_and_leaves_nothing_half_written(
    library: Library, store: AnnotationStore, operation: str
) -> None:
    article_id = add_article(library)
    existing = store.add(article_id, 0, 3, comment="before")
    for event in ("INSERT", "UPDATE", "DELETE"):
        library.conn.execute(
            f"CREATE TRIGGER fail_{event.lower()} BEFORE {event} ON annotations "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    calls: dict[str, Any] = {
        "add": lambda: store.add(article_id, 4, 6),
        "update": lambda: store.update(existing.id, comment="after"),
        "delete": lambda: store.delete(existing.id),
        "restore": lambda: store.restore(replace(existing, id="other-id")),
    }
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        calls[operation]()
    assert not library.conn.in_transaction
    assert store.for_article(article_id) == [existing]


class FailingCommitConnection:
    """A connection whose COMMIT fails as a full disk makes it fail."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_a_failed_commit_raises_rolls_back_and_leaves_the_connection_usable(
    library: Library, store: AnnotationStore
) -> None:
    article_id = add_article(library)
    real = library.conn
    library.conn = FailingCommitConnection(real)  # type: ignore[assignment]
    try:
        with pytest.raises(sqlite3.OperationalError, match="disk is full"):
            store.add(article_id, 0, 3)
    finally:
        library.conn = real
    assert not real.in_transaction
    assert store.count() == 0
    store.add(article_id, 0, 3)  # and the next write works
    assert store.count() == 1
