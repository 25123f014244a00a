"""Finding text (issue 15): characters of any length, pinyin in every spelling matched on
the reading shown in that place (corrections included), notes and tags, whole words; the
index following every kind of change through the door; `yuedu search` / `yuedu lookup`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.library import Library, article_edits
from reader.library.json_backup import backup_json
from reader.library.json_restore import restore_backup
from reader.library.store import NewArticle, NewSource
from reader.library.word_readings import set_word_reading
from reader.search.engine import SearchOptions, search
from reader.search.index import rebuild
from reader.search.pinyin_query import QueryRefused, parse_pinyin

# Tokens: 我们 | 去 | 银行 | 取钱 | 。 | 他 | 说 | 行 | 。 | 银行 | 行长 | 很 | 忙 | 。
BANK = "我们去银行取钱。他说行。银行行长很忙。"
BANK_ENDS = [2, 3, 5, 7, 8, 9, 10, 11, 12, 14, 16, 17, 18, 19]
AUTUMN = "秋天来了，天气凉快。\n我们一起去看红叶。"
AUTUMN_ENDS = [2, 4, 5, 6, 8, 10, 11, 13, 15, 16, 18, 19]


def add(library: Library, name: str, text: str, ends: list[int], title: str = "") -> int:
    source = NewSource.whole(name, "UTF-8", (name * 64)[:64], len(text), text, [text])
    article = NewArticle(title or name, False, "", text, 0, 1, ends)
    [article_id] = library.add_source(source, [article])
    return article_id


@pytest.fixture
def bank(library: Library) -> int:
    return add(library, "bank.txt", BANK, BANK_ENDS, "银行的故事")


def indexed(library: Library, trigram: str) -> set[int]:
    """The articles the trigram index itself holds `trigram` in (before any confirmation)."""
    rows = library.conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [f'"{trigram}"']
    )
    return {row[0] for row in rows}


def spans(library: Library, query: str, **options: Any) -> list[tuple[int, int, int]]:
    """(article, start, end) of the text hits."""
    found = search(library, query, SearchOptions(fields=frozenset({"text"}), **options))
    return [(hit.article_id, hit.start, hit.end) for hit in found]


def test_one_two_and_more_characters_are_found_where_they_are(library: Library, bank: int) -> None:
    autumn = add(library, "autumn.txt", AUTUMN, AUTUMN_ENDS)
    assert spans(library, "行") == [(bank, 4, 5), (bank, 10, 11), (bank, 13, 14), (bank, 14, 15)]
    assert spans(library, "银行") == [(bank, 3, 5), (bank, 12, 14)]
    assert spans(library, "银行行长") == [(bank, 12, 16)]
    assert spans(library, "我们") == [(bank, 0, 2), (autumn, 11, 13)]
    assert spans(library, "一起去看") == [(autumn, 13, 17)]
    assert spans(library, "银行取款") == []
    assert spans(library, "冬") == []


def test_every_spelling_of_pinyin_finds_the_word(library: Library, bank: int) -> None:
    expected = [(bank, 3, 5), (bank, 12, 14)]
    for query in ("yinhang", "yin hang", "yin'hang", "YinHang", "yin2hang2", "yínháng", "yin2hang"):
        assert spans(library, query) == expected, query
    assert spans(library, "yh", initials=True)[:2] == expected
    assert spans(library, "yin3hang2") == []  # the tone given is the tone matched


def test_pinyin_matches_the_reading_shown_in_that_place(library: Library, bank: int) -> None:
    # 行 in 银行 and 行长 is háng, alone (他说行) xíng: each is found by its own reading.
    assert spans(library, "xing") == [(bank, 10, 11)]
    assert spans(library, "hang") == [(bank, 4, 5), (bank, 13, 14), (bank, 14, 15)]
    assert spans(library, "hangzhang") == [(bank, 14, 16)]


def test_a_corrected_reading_is_found_by_its_new_pinyin(library: Library, bank: int) -> None:
    assert spans(library, "hang2", article_id=bank) == spans(library, "hang2")
    before = spans(library, "xing")
    library.set_reading_override(bank, 10, 11, ["hang2"])
    assert spans(library, "xing") == [s for s in before if s[1:] != (10, 11)]
    assert (bank, 10, 11) in spans(library, "hang2")
    library.clear_reading_override(bank, 10, 11)
    assert spans(library, "xing") == before


def test_a_word_reading_everywhere_is_found_by_its_pinyin(library: Library, bank: int) -> None:
    assert spans(library, "xingzhang") == []
    set_word_reading(library, "行长", ["xing2", "zhang3"])
    assert spans(library, "xingzhang") == [(bank, 14, 16)]


def test_titles_highlights_comments_and_tags_are_found(library: Library, bank: int) -> None:
    store = AnnotationStore(library)
    note = store.add(bank, 3, 7, comment="存款的事", tags=["金融", "生活"])
    found = {(hit.field, hit.start, hit.end, hit.annotation_id) for hit in search(library, "故事")}
    assert found == {("title", 3, 5, None)}
    by_field = {hit.field: hit for hit in search(library, "存款")}
    assert by_field["comment"].annotation_id == note.id and by_field["comment"].start == 0
    tag = next(hit for hit in search(library, "金融") if hit.field == "tags")
    assert tag.annotation_id == note.id and tag.snippet == "金融"
    quote = [h for h in search(library, "取钱") if h.field == "quote"]
    assert [(h.start, h.end) for h in quote] == [(5, 7)]  # its place in the article


def test_whole_words_only_match_whole_tokens(library: Library, bank: int) -> None:
    assert spans(library, "行", whole_word=True) == [(bank, 10, 11)]
    assert spans(library, "银行", whole_word=True) == [(bank, 3, 5), (bank, 12, 14)]
    assert spans(library, "银行行", whole_word=True) == []


def test_snippets_hold_the_hit_and_a_few_words_around_it(library: Library, bank: int) -> None:
    autumn = add(library, "autumn.txt", AUTUMN, AUTUMN_ENDS)
    [hit] = search(library, "红叶", SearchOptions(article_id=autumn))
    first, last = hit.snippet_hit
    assert hit.snippet[first:last] == "红叶"
    assert "\n" not in hit.snippet and "秋天" not in hit.snippet  # the line only


@pytest.mark.parametrize("query", ["", "   ", "，。！", "..."])
def test_empty_or_punctuation_only_queries_are_refused(library: Library, query: str) -> None:
    with pytest.raises(QueryRefused):
        search(library, query)


def test_xian_is_one_syllable_unless_split() -> None:
    assert [[s.toneless for s in p] for p in parse_pinyin("xian")] == [["xian"]]
    assert [[s.toneless for s in p] for p in parse_pinyin("xi'an")] == [["xi", "an"]]
    assert parse_pinyin("hello") == [] and parse_pinyin("银行") == []


# -- the index follows every change ------------------------------------------------------


def test_the_index_follows_edits_splits_merges_and_deletes(library: Library, bank: int) -> None:
    article_edits.rename(library, bank, "取款记")
    assert [h.field for h in search(library, "取款记")] == ["title"]
    done = article_edits.split(library, bank, 8, "下半")
    second = done.new_id
    assert spans(library, "行长") == [(second, 6, 8)]
    assert indexed(library, "行行长") == {second}  # the first part's entry went with its text
    assert spans(library, "hangzhang") == [(second, 6, 8)]
    article_edits.merge(library, bank, second)
    merged = library.get_article(bank).text  # type: ignore[union-attr]
    at = merged.index("行长")  # the second part's title, a line, joins the two parts
    assert spans(library, "行长") == [(bank, at, at + 2)] and "\n下半\n" in merged
    article_edits.delete(library, bank, force=True)
    assert spans(library, "银行") == [] and spans(library, "yinhang") == []
    assert indexed(library, "去银行") == set()  # nothing stale left for the confirmation
    assert library.conn.execute("SELECT count(*) FROM search_readings").fetchone()[0] == 0


def test_the_index_follows_an_update_of_the_source(library: Library, bank: int) -> None:
    text = "我们去邮局寄信。"
    source = NewSource.whole("bank.txt", "UTF-8", "u" * 64, len(text), text, [text])
    library.update_source(
        library.get_article(bank).source_id,  # type: ignore[union-attr]
        source,
        [(bank, NewArticle("邮局", False, "", text, 0, 1, [2, 3, 5, 6, 7, 8]))],
    )
    assert spans(library, "银行") == [] and spans(library, "邮局") == [(bank, 3, 5)]
    assert spans(library, "youju") == [(bank, 3, 5)]
    assert indexed(library, "去银行") == set() and indexed(library, "去邮局") == {bank}


def test_a_restored_backup_is_indexed(library: Library, bank: int, tmp_path: Path) -> None:
    backup = backup_json(library)
    with Library.open(tmp_path / "other.sqlite3") as other:
        restore_backup(other, backup)
        [article_id] = [a.id for a in other.list_articles()]
        assert spans(other, "银行") == [(article_id, 3, 5), (article_id, 12, 14)]


def test_rebuild_makes_the_same_index(library: Library, bank: int) -> None:
    before = spans(library, "yinhang"), spans(library, "行")
    assert rebuild(library) == 1
    assert (spans(library, "yinhang"), spans(library, "行")) == before


def test_an_older_library_is_indexed_by_its_migration(tmp_path: Path) -> None:
    from tests.old_libraries import write_version_1_library

    text_file = tmp_path / "old.txt"
    text_file.write_text("银行\n\n我们去银行取钱。\n", encoding="utf-8")
    path = tmp_path / "old.sqlite3"
    write_version_1_library(path, text_file)
    with Library.open(path) as library:
        assert "0008_search_index" in library.schema_steps
        assert "0012_search_index_over_articles" in library.schema_steps
        assert indexed(library, "去银行") == {a.id for a in library.list_articles()[-1:]}
        assert [h.field for h in search(library, "取钱")] == ["text"]
        assert len(spans(library, "yinhang")) >= 1


# -- the command line ----------------------------------------------------------------------


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_yuedu_search_prints_the_json_shape(library: Library, bank: int, capsys: Any) -> None:
    db = str(library.path)
    status, out, _ = run(capsys, "--db", db, "search", "银行", "--json", "--in", "text")
    assert status == 0
    hits = json.loads(out)
    assert hits == [
        {
            "article_id": bank,
            "title": "银行的故事",
            "start": start,
            "end": start + 2,
            "snippet": hit["snippet"],
            "field": "text",
        }
        for start, hit in zip((3, 12), hits, strict=True)
    ]
    assert all(BANK[h["start"] : h["end"]] == "银行" for h in hits)
    status, out, _ = run(capsys, "--db", db, "search", "xing", "--pinyin", "--json", "--limit", "5")
    assert [(h["start"], h["end"]) for h in json.loads(out)] == [(10, 11)]
    status, out, _ = run(capsys, "--db", db, "search", "故事", "--in", "annotations", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["search", ""],
        ["search", "，。"],
        ["search", "银行", "--pinyin"],
        ["search", "hello", "--initials", "--in", "nowhere"],
        ["search", "银行", "--limit", "0"],
        ["lookup", "  "],
    ],
)
def test_bad_queries_are_refused_with_a_reason(
    library: Library, bank: int, capsys: Any, argv: list[str]
) -> None:
    before = library.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    status, out, err = run(capsys, "--db", str(library.path), *argv)
    assert status == 2 and out == "" and err.startswith("yuedu: ") and len(err) > 20
    assert library.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_yuedu_lookup_ranks_and_prints_the_json_shape(capsys: Any) -> None:
    for query in ("银行", "yinhang", "yin2hang2", "bank"):
        status, out, _ = run(capsys, "lookup", query, "--json", "--limit", "3")
        entries = json.loads(out)
        assert status == 0 and entries[0]["simplified"] == "银行", query
        assert set(entries[0]) == {"simplified", "traditional", "pinyin", "glosses"}
        assert entries[0]["traditional"] == "銀行" and entries[0]["pinyin"] == "yin2 hang2"
        assert "bank" in entries[0]["glosses"]


def test_notes_kept_from_a_deleted_article_are_found_under_its_title(
    library: Library, bank: int
) -> None:
    other = add(library, "other.txt", "今天天气很好。", [2, 4, 6, 7], "天气")
    note = AnnotationStore(library).add(bank, 3, 7, comment="存款的事", tags=["金融"])
    article_edits.delete(library, bank, keep_annotations=True)
    hits = search(library, "存款")
    assert [(h.article_id, h.title, h.field, h.annotation_id) for h in hits] == [
        (None, "银行的故事", "comment", note.id)
    ]
    assert hits[0].to_json()["article_id"] is None
    AnnotationStore(library).add(other, 0, 2, comment="存款以后再说")
    order = [h.article_id for h in search(library, "存款")]
    assert order == [other, None]  # kept notes after every article's
