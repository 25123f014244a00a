"""The reader's article edits in the core (issue 12 §4): rename, byline, split, merge,
delete; each one write through the door, each undone exactly; highlights and reading
corrections stay on their text; bad ids and offsets refused with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.importer import prepare_import, store_import
from reader.library import Library
from reader.library import article_edits as edits
from reader.library.change import Change

# Two chapters; the first holds a headline-like line ("新的开始") that the import missed.
TEXT = (
    "第一回\n春天来了，花开了。\n小鸟在树上唱歌。\n新的开始\n夏天很热，我们去游泳。\n"
    "第二回\n秋天来了，叶子落了。\n冬天下雪了。\n"
)
TABLES = {
    "articles": "SELECT * FROM articles ORDER BY id",
    "tokens": "SELECT * FROM article_tokens ORDER BY article_id",
    "annotations": "SELECT * FROM annotations ORDER BY id",
    "readings": "SELECT * FROM reading_overrides ORDER BY article_id, start",
}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite3")
    store_import(library, prepare_import(TEXT.encode(), "novel.txt"))
    yield library
    library.close()


def snapshot(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    return {name: library.conn.execute(sql).fetchall() for name, sql in TABLES.items()}


def log_length(library: Library) -> int:
    return library.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]


def text_of(library: Library, article_id: int) -> str:
    article = library.get_article(article_id)
    assert article is not None
    return article.text


def words(library: Library, article_id: int) -> list[str]:
    return [word for _, _, word in library.tokens(article_id)]


def assert_on_their_text(library: Library) -> None:
    """Every placed highlight's quote is the text at its offsets; every token covers it."""
    for annotation in AnnotationStore(library).search():
        text = text_of(library, annotation.article_id)
        assert text[annotation.start : annotation.end] == annotation.quote
    for summary in library.list_articles():
        ends = library.token_ends(summary.id)
        assert ends[-1] == len(text_of(library, summary.id))
        assert ends == sorted(set(ends))


def first_two(library: Library) -> tuple[int, int]:
    first, second = (summary.id for summary in library.list_articles())
    return first, second


def test_a_split_at_a_headline_moves_the_work_after_it_and_undoes_exactly(
    library: Library,
) -> None:
    first, second = first_two(library)
    text = text_of(library, first)
    store = AnnotationStore(library)
    before_note = store.add(first, text.index("小鸟"), text.index("小鸟") + 2, comment="鸟")
    after_note = store.add(first, text.index("游泳"), text.index("游泳") + 2, color="pink")
    swim = text.index("游泳")
    library.set_reading_override(first, swim, swim + 2, ["you2", "yong3"])
    original = snapshot(library)
    heard: list[Change] = []
    library.session.add_listener(heard.append)

    done = edits.split(library, first, text.index("新的开始"))

    assert text_of(library, first) == "春天来了，花开了。\n小鸟在树上唱歌。"
    assert text_of(library, done.new_id) == "夏天很热，我们去游泳。"
    new = library.get_article(done.new_id)
    assert new is not None and (new.title, new.title_is_derived) == ("新的开始", False)
    assert [s.id for s in library.list_articles()] == [first, done.new_id, second]
    moved = store.get(after_note.id)
    assert moved is not None and moved.article_id == done.new_id and moved.quote == "游泳"
    assert store.get(before_note.id).article_id == first  # type: ignore[union-attr]
    rest = text_of(library, done.new_id)
    assert library.reading_overrides(done.new_id) == {
        (rest.index("游泳"), rest.index("游泳") + 2): ("you2", "yong3")
    }
    assert library.reading_overrides(first) == {}
    assert "游泳" in words(library, done.new_id)
    assert_on_their_text(library)
    [change] = heard
    assert change.op == "Split article"
    assert {first, done.new_id, second} <= change.articles
    assert change.sources and {first, done.new_id} <= change.annotated
    assert {first, done.new_id} <= change.readings

    edits.undo(library, done)
    assert snapshot(library) == original
    again = edits.redo(library, done)
    assert isinstance(again, edits.Split) and again.new_id == done.new_id  # the same id
    assert_on_their_text(library)


def test_a_split_inside_a_word_cuts_it_and_undo_makes_it_one_again(library: Library) -> None:
    first, _ = first_two(library)
    text = text_of(library, first)
    inside = text.index("唱歌") + 1  # 唱|歌
    original = snapshot(library)
    done = edits.split(library, first, inside)
    assert text_of(library, first).endswith("唱")
    assert text_of(library, done.new_id).startswith("歌。")
    assert done.cut.fused
    new = library.get_article(done.new_id)
    assert new is not None and new.title_is_derived  # no headline there: derived
    assert_on_their_text(library)
    edits.undo(library, done)
    assert snapshot(library) == original


def test_a_given_title_wins_and_keeps_the_headline_line_in_the_text(library: Library) -> None:
    first, _ = first_two(library)
    at = text_of(library, first).index("新的开始")
    assert edits.split_suggestion(library, first, at) == ("新的开始", False)
    done = edits.split(library, first, at, "  夏天  ")
    new = library.get_article(done.new_id)
    assert new is not None and (new.title, new.title_is_derived) == ("夏天", False)
    assert new.text.startswith("新的开始\n夏天")


def test_a_highlight_at_the_line_break_is_clipped_and_put_back_by_undo(library: Library) -> None:
    first, _ = first_two(library)
    text = text_of(library, first)
    line_end = text.index("\n", text.index("小鸟")) + 1
    store = AnnotationStore(library)
    note = store.add(first, text.index("小鸟"), line_end)  # the line and its break
    original = snapshot(library)
    done = edits.split(library, first, line_end)
    clipped = store.get(note.id)
    assert clipped is not None and clipped.quote == "小鸟在树上唱歌。"
    assert_on_their_text(library)
    edits.undo(library, done)
    assert snapshot(library) == original


@pytest.mark.parametrize("where", ["inside a highlight", "inside a corrected word"])
def test_a_split_through_the_reader_s_work_is_refused_and_changes_nothing(
    library: Library, where: str
) -> None:
    first, _ = first_two(library)
    text = text_of(library, first)
    at = text.index("花开")
    if where == "inside a highlight":
        AnnotationStore(library).add(first, at - 2, at + 2)
    else:
        library.set_reading_override(first, at, at + 2, ["hua1", "kai1"])
    original, logged = snapshot(library), log_length(library)
    with pytest.raises(edits.ArticleEditRefused, match="split before or after it"):
        edits.split(library, first, at + 1)
    assert snapshot(library) == original and log_length(library) == logged


@pytest.mark.parametrize("offset", [-1, 0, 10_000])
def test_bad_offsets_and_ids_are_refused_and_change_nothing(library: Library, offset: int) -> None:
    first, second = first_two(library)
    original, logged = snapshot(library), log_length(library)
    with pytest.raises(edits.ArticleEditRefused, match="offset"):
        edits.split(library, first, offset)
    with pytest.raises(edits.ArticleEditRefused, match="no article with id 999"):
        edits.split(library, 999, 3)
    with pytest.raises(edits.ArticleEditRefused, match="no article with id 999"):
        edits.rename(library, 999, "x")
    with pytest.raises(edits.ArticleEditRefused, match="not the one after"):
        edits.merge(library, second, first)
    with pytest.raises(edits.ArticleEditRefused, match="empty"):
        edits.rename(library, first, "   ")
    assert snapshot(library) == original and log_length(library) == logged


def test_a_merge_carries_the_second_s_work_and_undoes_exactly(library: Library) -> None:
    first, second = first_two(library)
    text1, text2 = text_of(library, first), text_of(library, second)
    title2 = library.get_article(second).title  # type: ignore[union-attr]
    store = AnnotationStore(library)
    note = store.add(second, text2.index("冬天"), text2.index("冬天") + 2, comment="冬")
    library.set_reading_override(
        second, text2.index("下雪"), text2.index("下雪") + 2, ["xia4", "xue3"]
    )
    original = snapshot(library)
    heard: list[Change] = []
    library.session.add_listener(heard.append)

    done = edits.merge(library, first, second)

    merged = text_of(library, first)
    assert merged == text1 + "\n" + title2 + "\n" + text2  # its headline a line between
    assert library.get_article(second) is None
    assert words(library, first)[-len(words(library, second) or [0]) :]  # tokens still there
    moved = store.get(note.id)
    assert moved is not None and moved.article_id == first and moved.quote == "冬天"
    snow = merged.index("下雪")
    assert library.reading_overrides(first) == {(snow, snow + 2): ("xia4", "xue3")}
    assert_on_their_text(library)
    [change] = heard
    assert {first, second} <= change.articles and first in change.annotated
    assert {first, second} <= change.readings and change.sources

    edits.undo(library, done)
    assert snapshot(library) == original
    edits.redo(library, done)
    assert text_of(library, first) == merged


def test_delete_needs_force_for_the_reader_s_work_and_undo_restores_it_all(
    library: Library,
) -> None:
    first, second = first_two(library)
    AnnotationStore(library).add(second, 0, 2, comment="秋")
    library.set_reading_override(second, 0, 2, ["qiu1", "tian1"])
    original, logged = snapshot(library), log_length(library)
    with pytest.raises(edits.ArticleEditRefused, match="--force"):
        edits.delete(library, second)
    assert snapshot(library) == original and log_length(library) == logged

    done = edits.delete(library, second, force=True)
    assert library.get_article(second) is None
    assert library.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    assert second in library.session.last_change.articles  # type: ignore[union-attr]
    edits.undo(library, done)
    assert snapshot(library) == original  # same ids, tokens, highlights and readings
    edits.redo(library, done)
    assert [s.id for s in library.list_articles()] == [first]


def test_rename_and_byline_undo(library: Library) -> None:
    first, _ = first_two(library)
    original = snapshot(library)
    renamed = edits.rename(library, first, "春")
    byline = edits.set_byline(library, first, " 记者  王五 ")
    article = library.get_article(first)
    assert article is not None and (article.title, article.byline) == ("春", "记者 王五")
    assert library.session.last_change == Change("Edit byline", articles=frozenset({first}))
    edits.undo(library, byline)
    edits.undo(library, renamed)
    assert snapshot(library) == original


def test_a_derived_title_is_kept_as_such_in_the_records(library: Library) -> None:
    first, _ = first_two(library)
    text = text_of(library, first)
    done = edits.split(library, first, text.index("小鸟"))
    summary = next(s for s in library.list_articles() if s.id == done.new_id)
    assert summary.title_is_derived and summary.title == "小鸟在树上唱歌"
    assert not next(s for s in library.list_articles() if s.id == first).title_is_derived


def test_splitting_inside_a_paragraph_then_merging_gives_back_the_same_text(
    library: Library,
) -> None:
    """A derived title (no headline where the split went) is not put into the text when
    the parts are merged again: only the split's own line break, if any, comes back."""
    first, _ = first_two(library)
    before = text_of(library, first)
    offset = before.index("花开了")  # inside the first paragraph
    done = edits.split(library, first, offset)
    assert library.get_article(done.new_id).title_is_derived  # type: ignore[union-attr]
    edits.merge(library, first, done.new_id)
    assert text_of(library, first) == before[:offset] + "\n" + before[offset:]
