"""Searching in simplified and traditional alike (issue 15): a query in either script finds
the text in either, with offsets into the stored text; the one-to-many simplified
characters (干 ↔ 乾/幹, 发 ↔ 發/髮) from both sides; titles and notes too; the folded texts
kept current by the door; `yuedu search --any-script`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.search.engine import SearchOptions, find_in_article, search
from reader.text.script_fold import fold_script, spellings
from tests.test_search import add as add_article
from tests.test_search import spans

# Samples written for these tests: one article in each script, the same sentences.
TRADITIONAL = "後來，他們的幹部討論經濟發展。她的頭髮很長。"
SIMPLIFIED = "后来，他们的干部讨论经济发展。她的头发很长。"


def add(library: Library, name: str, text: str, title: str = "") -> int:
    """One article, one token (whole-text searches need no segmentation here)."""
    return add_article(library, name, text, [len(text)], title)


@pytest.fixture
def library(tmp_path: Path) -> Any:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        yield library


@pytest.fixture
def both(library: Library) -> tuple[int, int]:
    return add(library, "t.txt", TRADITIONAL, "經濟"), add(library, "s.txt", SIMPLIFIED, "经济")


def test_folding_keeps_length_and_meets_in_one_script() -> None:
    for traditional, simplified in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        assert fold_script(traditional) == fold_script(simplified), traditional
    assert len(fold_script(TRADITIONAL)) == len(TRADITIONAL)
    assert fold_script("乾淨") == fold_script("干净") and fold_script("幹") == "干"
    assert set(spellings("头发") or []) >= {"头发", "頭髮", "頭發"}
    assert spellings("发" * 20) is None  # too many spellings to list: scanned instead


@pytest.mark.parametrize(
    "query",
    [
        "发展",
        "發展",
        "后来",
        "後來",
        "干部",
        "幹部",
        "头发",
        "頭髮",
        "经济发展",
        "經濟發展",
        "长",
        "他們的幹部討論經濟發展",  # more spellings than are listed whole: asked per trigram
    ],
)
def test_a_query_in_either_script_finds_both_at_their_stored_offsets(
    library: Library, both: tuple[int, int], query: str
) -> None:
    traditional, simplified = both
    found = spans(library, query, any_script=True)
    ids = {article for article, _, _ in found}
    assert ids == {traditional, simplified}, query
    for article, start, end in found:
        stored = TRADITIONAL if article == traditional else SIMPLIFIED
        assert fold_script(stored[start:end]) == fold_script(query)
    # Without the option, only the script typed.
    plain = {article for article, _, _ in spans(library, query)}
    texts = zip(both, (TRADITIONAL, SIMPLIFIED), strict=True)
    assert plain == {article for article, text in texts if query in text}


def test_one_to_many_simplified_characters_from_either_side(library: Library) -> None:
    dry = add(library, "dry.txt", "衣服乾了。")
    cadre = add(library, "cadre.txt", "他是幹部。")
    plain = add(library, "plain.txt", "我们干吧。")
    assert {a for a, _, _ in spans(library, "干", any_script=True)} == {dry, cadre, plain}
    assert spans(library, "干部", any_script=True) == [(cadre, 2, 4)]
    assert spans(library, "幹部", any_script=True) == [(cadre, 2, 4)]
    assert spans(library, "干部") == []


def test_titles_and_notes_match_in_either_script(
    library: Library, both: tuple[int, int], tmp_path: Path
) -> None:
    traditional, simplified = both
    AnnotationStore(library).add(traditional, 12, 14, comment="關於發展")
    found = search(library, "发展", SearchOptions(any_script=True))
    fields = {(hit.article_id, hit.field) for hit in found}
    assert (traditional, "comment") in fields and (traditional, "quote") in fields
    titles = search(library, "经济", SearchOptions(fields=frozenset({"title"}), any_script=True))
    assert {hit.article_id for hit in titles} == {traditional, simplified}


def test_the_folded_text_follows_changes_and_keeps_no_copy_of_simplified_text(
    library: Library, both: tuple[int, int]
) -> None:
    traditional, simplified = both
    assert len(spans(library, "发展", any_script=True)) == 2
    rows = dict(library.conn.execute("SELECT article_id, folded FROM search_folded").fetchall())
    assert rows[simplified] == "" and rows[traditional] == fold_script(TRADITIONAL)
    text = "今天天氣很好。"
    library.update_source(
        library.get_article(traditional).source_id,  # type: ignore[union-attr]
        NewSource.whole("t.txt", "UTF-8", "u" * 64, len(text), text, [text]),
        [(traditional, NewArticle("天氣", False, "", text, 0, 1, [len(text)]))],
    )
    assert spans(library, "发展", any_script=True) == [(simplified, 12, 14)]
    assert spans(library, "天气", any_script=True) == [(traditional, 2, 4)]


def test_the_find_bar_scope_finds_in_either_script(library: Library, both: tuple[int, int]) -> None:
    traditional, _ = both
    options = SearchOptions(any_script=True)
    assert find_in_article(library, traditional, "头发", options) == [(17, 19)]
    assert find_in_article(library, traditional, "头发") == []


def test_yuedu_search_any_script_prints_the_json_shape(
    library: Library, both: tuple[int, int], capsys: Any
) -> None:
    traditional, simplified = both
    db = str(library.path)
    status = main(["--db", db, "search", "发展", "--any-script", "--in", "text", "--json"])
    hits = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [(h["article_id"], h["start"], h["end"], h["field"]) for h in hits] == [
        (traditional, 12, 14, "text"),
        (simplified, 12, 14, "text"),
    ]
    assert {"article_id", "title", "start", "end", "snippet", "field"} == set(hits[0])
    assert TRADITIONAL[12:14] == "發展" and "發展" in hits[0]["snippet"]
    status = main(["--db", db, "search", "发展", "--in", "text", "--json"])
    assert [h["article_id"] for h in json.loads(capsys.readouterr().out)] == [simplified]
