"""`yuedu annotate` and `yuedu annotations`: JSON shapes, exit 2 and nothing written on bad
input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.library import Library
from tests.shared_data import SEED_PAGE

FIELDS = {
    "id",
    "article_id",
    "start",
    "end",
    "quote",
    "color",
    "comment",
    "tags",
    "created_at",
    "updated_at",
    "orphaned",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "lib.sqlite3")
    assert run(capsys, "--db", path, "import", str(SEED_PAGE))[0] == 0
    return path


def article_text(db: str, article_id: int) -> str:
    with Library.open(db) as library:
        return library.get_article(article_id).text  # type: ignore[union-attr]


def count(db: str) -> int:
    with Library.open(db) as library:
        return AnnotationStore(library).count()


def test_annotate_by_quote_and_occurrence(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = article_text(db, 1)
    status, out, err = run(
        capsys, "--db", db, "annotate", "1", "--quote", "兴县", "--occurrence", "2",
        "--color", "pink", "--comment", "**要点**", "--tag", "#地名", "--tag", "地名",
    )  # fmt: skip
    assert status == 0, err
    annotation = json.loads(out)
    assert set(annotation) == FIELDS
    second = text.index("兴县", text.index("兴县") + 1)
    assert (annotation["start"], annotation["end"]) == (second, second + 2)
    assert annotation["quote"] == "兴县" and annotation["color"] == "pink"
    assert annotation["tags"] == ["地名"] and annotation["comment"] == "**要点**"
    assert annotation["orphaned"] is False


def test_annotate_by_offsets_and_list(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = article_text(db, 2)
    status, out, _ = run(capsys, "--db", db, "annotate", "2", "--start", "0", "--end", "4")
    assert status == 0 and json.loads(out)["quote"] == text[:4]
    run(capsys, "--db", db, "annotate", "1", "--quote", "兴县", "--comment", "first\nsecond")
    status, out, _ = run(capsys, "--db", db, "annotations", "--json")
    listed = json.loads(out)
    assert status == 0 and [a["article_id"] for a in listed] == [1, 2]
    assert all(set(a) == FIELDS for a in listed)
    status, out, _ = run(capsys, "--db", db, "annotations", "--article", "2", "--json")
    assert [a["quote"] for a in json.loads(out)] == [text[:4]]
    status, out, _ = run(capsys, "--db", db, "annotations")
    assert status == 0 and "「兴县」" in out and "second" in out and "yellow" in out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["annotate", "99", "--quote", "兴县"], "no article with id 99"),
        (["annotate", "1", "--quote", "不在文中的话"], "not in the article"),
        (["annotate", "1", "--quote", "兴县", "--occurrence", "999"], "occurs only"),
        (["annotate", "1", "--quote", "兴县", "--occurrence", "0"], "counts from 1"),
        (["annotate", "1", "--quote", "兴县", "--color", "red"], "unknown colour"),
        (["annotate", "1", "--start", "5", "--end", "5"], "not a non-empty span"),
        (["annotate", "1", "--start", "0", "--end", "999999"], "not a non-empty span"),
        (["annotate", "1", "--start", "3"], "--start needs --end"),
        (["annotate", "1", "--quote", "兴县", "--end", "3"], "--end goes with --start"),
        (["annotations", "--article", "99"], "no article with id 99"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    status, out, err = run(capsys, "--db", db, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and reason in err
    assert count(db) == 0
