"""Which source an import goes to, told right: two files of one name from different
folders, a source whose articles were deleted, the same bytes read in a named encoding,
the advised `--update` after a changed file was imported as new, and file names that are
not valid UTF-8. Every case drives the command line on a library in a temporary folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.importing.file_names import readable_name
from reader.library import Library

CHAPTERS = [
    ("第一章 开始", "春天来了，山上的花都开了。小猫在院子里晒太阳，奶奶坐在门口剥豆子。"),
    ("第二章 中间", "夏天的雨说下就下。孩子们跑回家，衣服全湿了，妈妈笑着给他们煮姜汤。"),
    ("第三章 结束", "秋天的晚上，月亮又大又圆。一家人坐在一起吃月饼，说着一年里的故事。"),
]
STORY = "".join(f"{title}\n\n{body}\n\n" for title, body in CHAPTERS)
OTHER_STORY = "完全不同的故事\n\n小明去北京上学了。他很喜欢北京的烤鸭。北京的冬天很冷。\n"


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sources(db: Path) -> list[tuple[int, str, str]]:
    with Library.open(db) as library:
        rows = library.conn.execute("SELECT id, file_name, encoding FROM sources ORDER BY id")
        return [tuple(row) for row in rows]  # type: ignore[misc]


def articles(db: Path) -> list[tuple[int, int, str, str]]:
    """(id, source id, title, text) of every article, in the library's order."""
    with Library.open(db) as library:
        found = [library.get_article(s.id) for s in library.list_articles()]
        return [(a.id, a.source_id, a.title, a.text) for a in found if a is not None]


def annotate(db: Path, article_id: int, quote: str) -> str:
    with Library.open(db) as library:
        article = library.get_article(article_id)
        assert article is not None
        start = article.text.index(quote)
        return AnnotationStore(library).add(article_id, start, start + len(quote)).id


def annotation(db: Path, annotation_id: str) -> tuple[int | None, str, bool]:
    with Library.open(db) as library:
        found = AnnotationStore(library).get(annotation_id)
        assert found is not None
        return found.article_id, found.quote, found.orphaned


# -- 1. two files of one name ------------------------------------------------------------
def test_update_goes_to_the_namesake_the_file_has_text_in_common_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    a = write(tmp_path / "a" / "story.txt", STORY)
    b = write(tmp_path / "b" / "story.txt", OTHER_STORY)
    assert run(capsys, db, "import", str(a), str(b))[0] == 0
    (duck_article,) = [i for i, source, _, _ in articles(db) if source == 2]
    duck = annotate(db, duck_article, "烤鸭")
    before = articles(db)
    write(a, STORY.replace("小猫在院子里晒太阳", "小狗在院子里睡觉"))

    status, out, _ = run(capsys, db, "import", "--update", "--json", str(a))

    assert status == 0
    (update,) = json.loads(out)["updates"]
    assert update["source_id"] == 1
    assert (update["articles_updated"], update["articles_unchanged"]) == (1, 2)
    assert update["articles_added"] == [] and update["articles_kept"] == []
    after = articles(db)
    assert [row[:3] for row in after] == [row[:3] for row in before]  # ids, sources, titles
    assert "小狗在院子里睡觉" in after[0][3]
    assert after[3] == before[3]  # b's article untouched
    assert annotation(db, duck) == (duck_article, "烤鸭", False)


def test_update_with_two_namesakes_equally_far_says_so_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    a = write(tmp_path / "a" / "story.txt", STORY)
    b = write(tmp_path / "b" / "story.txt", OTHER_STORY)
    run(capsys, db, "import", str(a), str(b))
    before = articles(db), sources(db)
    third = write(tmp_path / "c" / "story.txt", "第三个故事\n\n海边有一座白色的灯塔。\n")

    status, _, err = run(capsys, db, "import", "--update", str(third))

    assert status != 0
    assert "cannot be told" in err and "1, 2" in err
    assert (articles(db), sources(db)) == before
    # Without --update it is a new source, as the refusal says.
    status, _, err = run(capsys, db, "import", str(third))
    assert status == 0 and "imported as a new source" in err
    assert [row[0] for row in sources(db)] == [1, 2, 3]


# -- 2. articles deleted, then the file imported again -------------------------------------
def test_a_source_whose_articles_were_all_deleted_is_imported_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    story = write(tmp_path / "story.txt", STORY)
    run(capsys, db, "import", str(story))
    for article_id in (1, 2, 3):
        assert run(capsys, db, "article", "delete", str(article_id))[0] == 0
    assert articles(db) == []

    status, out, _ = run(capsys, db, "import", "--json", str(story))

    assert status == 0
    result = json.loads(out)
    assert not any("already in the library" in w for w in result["warnings"])
    assert [(a["title"], a["text"]) for a in result["articles"]] == CHAPTERS
    assert [(title, text) for _, _, title, text in articles(db)] == CHAPTERS
    assert len(sources(db)) == 1


def test_deleted_articles_come_back_and_the_others_stay_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    story = write(tmp_path / "story.txt", STORY)
    run(capsys, db, "import", str(story))
    kept = annotate(db, 1, "小猫")
    run(capsys, db, "article", "delete", "2")
    run(capsys, db, "article", "rename", "3", "结尾")

    status, out, _ = run(capsys, db, "import", "--update", "--json", str(story))

    assert status == 0
    (back,) = json.loads(out)["articles"]
    assert (back["title"], back["text"]) == CHAPTERS[1]
    rows = articles(db)
    assert [(title, text) for _, _, title, text in rows] == [
        CHAPTERS[0],
        CHAPTERS[1],
        ("结尾", CHAPTERS[2][1]),  # renamed by the reader: left as it is
    ]
    assert [rows[0][0], rows[2][0]] == [1, 3]
    assert annotation(db, kept) == (1, "小猫", False)
    # Now that all of it is there, the same file again adds nothing and says so.
    status, out, _ = run(capsys, db, "import", "--json", str(story))
    result = json.loads(out)
    assert any("already in the library" in w for w in result["warnings"])
    assert articles(db) == rows


# -- 3. the advice in the warnings ---------------------------------------------------------
def test_the_same_bytes_with_an_encoding_named_are_read_again_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    data = "中文".encode("big5") + b"\n"
    short = tmp_path / "short-big5.txt"
    short.write_bytes(data)
    _, _, err = run(capsys, db, "import", str(short))
    assert "--encoding NAME" in err  # the advice this test follows
    assert [row[3] for row in articles(db)] == ["中文"]

    status, out, _ = run(capsys, db, "import", "--encoding", "gb18030", "--json", str(short))

    assert status == 0
    result = json.loads(out)
    assert not any("already in the library" in w for w in result["warnings"])
    assert [row[3] for row in articles(db)] == [data.decode("gb18030").strip()]
    assert [(i, name, encoding.lower()) for i, name, encoding in sources(db)] == [
        (1, "short-big5.txt", "gb18030")
    ]
    # And back: naming Big5 reads it as Big5 again, still one source.
    run(capsys, db, "import", "--encoding", "big5", str(short))
    assert [row[3] for row in articles(db)] == ["中文"]
    assert [row[2].lower() for row in sources(db)] == ["big5"]
    # Naming the encoding it is already read in changes nothing.
    _, _, err = run(capsys, db, "import", "--encoding", "BIG5", str(short))
    assert "already in the library" in err


def test_the_advised_update_after_an_import_as_new_does_what_it_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    story = write(tmp_path / "story.txt", STORY)
    run(capsys, db, "import", str(story))
    cat = annotate(db, 1, "小猫")
    write(story, STORY.replace("奶奶坐在门口剥豆子", "爷爷坐在门口看书"))
    _, _, err = run(capsys, db, "import", str(story))
    advice = f"yuedu import --update {story.name}"
    assert advice in err and len(sources(db)) == 2

    status, out, _ = run(capsys, db, "import", "--update", "--json", str(story))

    assert status == 0
    (update,) = json.loads(out)["updates"]
    assert update["source_id"] == 1 and update["articles_updated"] == 1
    assert [row[0] for row in sources(db)] == [1]  # the copy imported as new is gone
    rows = articles(db)
    assert [row[:2] for row in rows] == [(1, 1), (2, 1), (3, 1)]
    assert "爷爷坐在门口看书" in rows[0][3]
    assert annotation(db, cat) == (1, "小猫", False)


def test_the_advised_update_never_discards_work_done_in_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    story = write(tmp_path / "story.txt", STORY)
    run(capsys, db, "import", str(story))
    write(story, STORY.replace("奶奶坐在门口剥豆子", "爷爷坐在门口看书"))
    run(capsys, db, "import", str(story))
    in_copy = annotate(db, 4, "爷爷")
    before = articles(db), sources(db)

    status, _, err = run(capsys, db, "import", "--update", str(story))

    assert status != 0 and "source 2" in err and "Nothing was changed" in err
    assert (articles(db), sources(db)) == before
    assert annotation(db, in_copy) == (4, "爷爷", False)


def test_a_different_file_of_the_same_name_is_never_offered_or_folded_as_an_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    a = write(tmp_path / "a" / "story.txt", STORY)
    b = write(tmp_path / "b" / "story.txt", OTHER_STORY)
    run(capsys, db, "import", str(a))
    status, _, err = run(capsys, db, "import", str(b))
    assert status == 0 and "imported as a new source" in err and "--update" not in err
    before = articles(db), sources(db)

    status, _, err = run(capsys, db, "import", "--update", str(b))

    assert status == 0 and "already in the library" in err
    assert (articles(db), sources(db)) == before


# -- 4. file names that are not UTF-8 ------------------------------------------------------
GBK_NAME = "中文".encode("gbk")


@pytest.fixture
def gbk_named(tmp_path: Path) -> Path:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("file names are Unicode on this system")
    name = os.fsdecode(GBK_NAME + b".txt")  # as Python hands such a name over: surrogates
    path = tmp_path / name
    try:
        path.write_bytes("我们是中国人。\n".encode("gb18030"))
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    return path


def test_a_file_named_in_gbk_imports_under_its_name_read_as_gb18030(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gbk_named: Path
) -> None:
    db = tmp_path / "lib.sqlite3"
    status, out, _ = run(capsys, db, "import", str(gbk_named))
    assert status == 0 and out.startswith("中文.txt: 1 article(s)")
    assert [row[1] for row in sources(db)] == ["中文.txt"]
    # Again: found as the file already there, by hash and by name.
    status, _, err = run(capsys, db, "import", "--update", str(gbk_named))
    assert status == 0 and "中文.txt is already in the library" in err


def test_a_word_list_named_in_gbk_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gbk_named: Path
) -> None:
    db = tmp_path / "lib.sqlite3"
    words = gbk_named.with_name(os.fsdecode(GBK_NAME + b"-words.txt"))
    words.write_text("你好\n", encoding="utf-8")
    status, out, _ = run(capsys, db, "vocab", "import", str(words))
    assert status == 0 and out.startswith("1 word(s) now known")
    with Library.open(db) as library:
        ops = [row[0] for row in library.conn.execute("SELECT op FROM change_log")]
    assert ops == ["Import known words from 中文-words.txt"]


def test_a_name_in_no_chinese_encoding_shows_its_bad_bytes_as_replacement_characters() -> None:
    assert readable_name(os.fsdecode(b"caf\xe9.txt")) == "caf\ufffd.txt"
    assert readable_name("已是文字.txt") == "已是文字.txt"
