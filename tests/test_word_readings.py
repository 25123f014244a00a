"""The reader's reading of a word everywhere (issue 13 §2): stored through the door, shown
in every article and in articles imported later, below a correction of one occurrence,
undoable in the window, kept by JSON backups, and used by `yuedu readings` and `yuedu pinyin`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.app import main
from reader.library import Library
from reader.library.change import Change
from reader.library.json_backup import backup_json
from reader.library.json_restore import restore_backup
from reader.library.store import NewArticle, NewSource
from reader.library.word_readings import (
    WordReadingRefused,
    set_word_reading,
    unset_word_reading,
    word_readings,
)
from reader.text.tokens import ArticleReadings, TokenIndex

# Token ends: 银行 | 行长 | 说 | ， | 行长 | 很 | 忙 | 。
TEXT = "银行行长说，行长很忙。"
ENDS = [2, 4, 5, 6, 8, 9, 10, 11]
OTHER = "今天天气很好。"


def add_article(library: Library, text: str, ends: list[int], name: str) -> int:
    source = NewSource.whole(name, "UTF-8", name * 8, len(text), text, [text])
    [article_id] = library.add_source(source, [NewArticle(name, False, "", text, 0, 1, ends)])
    return article_id


@pytest.fixture
def library(tmp_path: Path) -> Any:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        yield library


def shown(library: Library, article_id: int) -> list[tuple[str | None, ...] | None]:
    article = library.get_article(article_id)
    assert article is not None
    tokens = TokenIndex(article.text, library.token_ends(article_id))
    readings = ArticleReadings(
        tokens, library.reading_overrides(article_id), word_readings(library)
    )
    return [readings.reading(index) for index in range(len(tokens))]


def test_a_word_reading_is_stored_and_names_the_articles_it_changes(library: Library) -> None:
    first = add_article(library, TEXT, ENDS, "a.txt")
    other = add_article(library, OTHER, [2, 4, 5, 6, 7], "b.txt")
    heard: list[Change] = []
    library.session.add_listener(heard.append)
    assert set_word_reading(library, "行长", ["hang2", "zhǎng"]) == ("hang2", "zhang3")
    assert word_readings(library) == {"行长": ("hang2", "zhang3")}
    assert heard[-1].readings == {first} and other not in heard[-1].readings
    assert unset_word_reading(library, "行长") is True
    assert unset_word_reading(library, "行长") is False
    assert word_readings(library) == {}


@pytest.mark.parametrize(
    ("word", "pinyin", "reason"),
    [
        ("行长", ["hang2"], "2 character"),
        ("abc", ["a", "b", "c"], "not a Chinese word"),
        ("行长", ["hang2", "zzz9"], "not a pinyin syllable"),
        ("", [], "not a Chinese word"),
    ],
)
def test_a_bad_word_or_reading_is_refused_and_nothing_is_stored(
    library: Library, word: str, pinyin: list[str], reason: str
) -> None:
    with pytest.raises(WordReadingRefused, match=reason):
        set_word_reading(library, word, pinyin)
    assert word_readings(library) == {}


def test_every_occurrence_shows_it_and_a_correction_of_one_occurrence_wins(
    library: Library,
) -> None:
    article = add_article(library, TEXT, ENDS, "a.txt")
    set_word_reading(library, "行长", ["hang2", "zhang3"])
    library.set_reading_override(article, 6, 8, ["xing2", "zhang3"])  # the second 行长 only
    readings = shown(library, article)
    assert readings[1] == ("hang2", "zhang3")  # the first 行长: the word's reading
    assert readings[4] == ("xing2", "zhang3")  # the occurrence's own correction
    assert readings[0] is None  # 银行: not a 行长 token, left to the resolver


def test_an_article_imported_later_shows_the_word_reading(library: Library) -> None:
    set_word_reading(library, "行长", ["hang2", "zhang3"])
    later = add_article(library, "新行长到了。", [1, 3, 4, 5, 6], "later.txt")
    assert shown(library, later)[1] == ("hang2", "zhang3")


def test_readings_shown_follow_a_change_of_the_word_reading() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    readings = ArticleReadings(tokens, {}, {})
    readings.set_resolved(0, [("yin2", "hang2"), ("xing2", "zhang3")])  # the first two words
    assert readings.per_char[2:4] == ["xing2", "zhang3"]
    assert readings.sync_word_readings({"行长": ("hang2", "zhang3")}) is True
    assert readings.per_char[2:4] == ["hang2", "zhang3"]
    assert readings.per_char[6:8] == ["hang2", "zhang3"]
    assert readings.sync_word_readings({"行长": ("hang2", "zhang3")}) is False
    assert readings.sync_word_readings({}) is True
    assert readings.per_char[2:4] == ["xing2", "zhang3"]  # the resolver's again
    assert readings.per_char[6:8] == [None, None]  # not resolved yet: nothing shown


def test_a_backup_keeps_the_word_readings_and_restoring_merges_them(
    library: Library, tmp_path: Path
) -> None:
    add_article(library, TEXT, ENDS, "a.txt")
    set_word_reading(library, "行长", ["hang2", "zhang3"])
    document = json.loads(backup_json(library))
    assert [r["word"] for r in document["word_readings"]] == ["行长"]
    with Library.open(tmp_path / "other.sqlite3") as other:
        report = restore_backup(other, json.dumps(document))
        assert report.word_readings_added == 1
        assert word_readings(other) == {"行长": ("hang2", "zhang3")}
        again = restore_backup(other, json.dumps(document))
        assert again.word_readings_added == again.word_readings_updated == 0
    document["word_readings"][0]["syllables"] = "hang2"  # one syllable for two characters
    with Library.open(tmp_path / "third.sqlite3") as third:
        with pytest.raises(Exception, match="2 character"):
            restore_backup(third, json.dumps(document))
        assert word_readings(third) == {} and third.article_count() == 0


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_readings_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    assert run(capsys, db, "readings", "set", "行长", "háng zhǎng")[0] == 0
    status, out, _ = run(capsys, db, "readings", "list", "--json")
    assert status == 0 and json.loads(out) == [{"word": "行长", "pinyin": ["hang2", "zhang3"]}]
    status, _, err = run(capsys, db, "readings", "set", "行长", "hang2")
    assert status == 2 and "2 character(s) but 1 syllable(s)" in err
    status, out, _ = run(capsys, db, "pinyin", "--style", "numbers", "行长说")
    assert status == 0
    first = json.loads(out.splitlines()[0])["tokens"][0]
    assert (first["word"], first["pinyin"]) == ("行长", ["hang2", "zhang3"])
    assert run(capsys, db, "readings", "unset", "行长")[0] == 0
    status, _, err = run(capsys, db, "readings", "unset", "行长")
    assert status == 2 and "no reading" in err
    assert json.loads(run(capsys, db, "readings", "list", "--json")[1]) == []


def test_yuedu_pinyin_without_a_library_creates_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "absent.sqlite3"
    status, out, _ = run(capsys, db, "pinyin", "行长说")
    assert status == 0 and json.loads(out.splitlines()[0])["text"] == "行长说"
    assert not db.exists()
