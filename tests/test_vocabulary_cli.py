"""`yuedu vocab …` and `yuedu list --json` run as a program: the JSON shapes, the files
written, exit 2 with a reason and nothing written on bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reader.library import Library
from tests.test_article_cli import yuedu

TEXT = "我在银行工作。银行的行长很忙，他有3个孩子。\n"  # written for this test


@pytest.fixture
def db(tmp_path: Path) -> Path:
    source = tmp_path / "bank.txt"
    source.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    assert yuedu(path, "import", str(source)).returncode == 0
    return path


def statuses(db: Path) -> dict[str, str]:
    with Library.open(db) as library:
        return dict(library.conn.execute("SELECT word, status FROM word_status").fetchall())


def test_set_list_and_the_article_figures(db: Path) -> None:
    assert yuedu(db, "vocab", "set", "行长", "--status", "learning2").returncode == 0
    assert yuedu(db, "vocab", "set", "银行", "--status", "known").returncode == 0
    listed = json.loads(yuedu(db, "vocab", "list", "--json").stdout)
    assert [set(item) for item in listed] == [
        {"word", "status", "pinyin", "gloss", "hsk", "sentence", "article_id", "updated_at"}
    ]
    assert listed[0]["word"] == "行长" and listed[0]["status"] == "learning2"
    assert listed[0]["sentence"] == "银行的行长很忙，他有3个孩子。"
    known = json.loads(yuedu(db, "vocab", "list", "--status", "known", "--json").stdout)
    assert [item["word"] for item in known] == ["银行"] and known[0]["hsk"] == 2
    (article,) = json.loads(yuedu(db, "list", "--json").stdout)
    # 13 running words, 银行 twice known; 12 distinct, 银行 and 行长 rated.
    assert article["known_share"] == round(2 / 13, 4) and article["new_words"] == 10


def test_known_upto_hsk_import_and_export(db: Path, tmp_path: Path) -> None:
    done = yuedu(db, "vocab", "known-upto-hsk", "1", "--scheme", "2.0")
    assert done.returncode == 0 and "now known" in done.stdout
    assert statuses(db)["我"] == "known"
    words = tmp_path / "known.txt"
    words.write_text("行长\nabc\n我\n", encoding="utf-8")
    report = yuedu(db, "vocab", "import", str(words))
    assert report.stdout.strip() == "1 word(s) now known, 1 already known, 1 line(s) not words"
    yuedu(db, "vocab", "set", "孩子", "--status", "learning1")
    assert yuedu(db, "vocab", "export", "-o", str(tmp_path / "deck.apkg")).returncode == 0
    assert zipfile.is_zipfile(tmp_path / "deck.apkg")
    assert yuedu(db, "vocab", "export", "-o", str(tmp_path / "deck.tsv")).returncode == 0
    assert (tmp_path / "deck.tsv").read_text(encoding="utf-8").startswith("孩子\t")


@pytest.mark.parametrize(
    "argv",
    [
        ("vocab", "set", "银行", "--status", "clever"),
        ("vocab", "set", "abc", "--status", "known"),
        ("vocab", "known-upto-hsk", "7", "--scheme", "2.0"),
        ("vocab", "export", "-o", "deck.docx"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(db: Path, argv: tuple[str, ...]) -> None:
    result = yuedu(db, *argv)
    assert result.returncode == 2 and result.stderr.startswith("yuedu: ")
    assert statuses(db) == {}


def test_a_malformed_csv_line_is_refused(db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "words.csv"
    broken.write_text('银行,bank\n"行长,x\n', encoding="utf-8")
    result = yuedu(db, "vocab", "import", str(broken))
    assert result.returncode == 2 and "line" in result.stderr
    assert statuses(db) == {}
