"""`yuedu article …` run as a program: the resulting articles in `show`'s JSON shape, the
reader's work moved with its text, exit 2 with a reason and nothing written on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.library import Library

REPO_ROOT = Path(__file__).resolve().parent.parent
TEXT = "第一回\n春天来了，花开了。\n新的开始\n夏天很热。\n第二回\n秋天来了，叶子落了。\n"
SHOW_KEYS = {"id", "title", "byline", "text", "paragraphs"}


def yuedu(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "--db", str(db), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    source = tmp_path / "novel.txt"
    source.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    assert yuedu(path, "import", str(source)).returncode == 0
    return path


def rows(db: Path) -> list[tuple[Any, ...]]:
    with Library.open(db) as library:
        return library.conn.execute(
            "SELECT a.*, t.token_ends FROM articles a JOIN article_tokens t ON t.article_id = a.id"
        ).fetchall()


def test_split_merge_rename_and_delete_print_show_s_shape(db: Path) -> None:
    done = yuedu(db, "article", "split", "1", "--at", "10", "--json")
    assert done.returncode == 0, done.stderr
    first, new = json.loads(done.stdout)
    assert set(first) == set(new) == SHOW_KEYS
    assert first["text"] == "春天来了，花开了。" and new["title"] == "新的开始"
    assert new["text"] == "夏天很热。" and new["paragraphs"] == ["夏天很热。"]
    shown = yuedu(db, "show", str(new["id"]), "--json")
    assert json.loads(shown.stdout) == new

    merged = yuedu(db, "article", "merge", "1", str(new["id"]), "--json")
    assert merged.returncode == 0, merged.stderr
    [article] = json.loads(merged.stdout)
    # The headline the split made a title of is a line of the text again.
    assert article["text"] == "春天来了，花开了。\n新的开始\n夏天很热。"

    renamed = yuedu(db, "article", "rename", "1", "春夏", "--json")
    assert json.loads(renamed.stdout)[0]["title"] == "春夏"
    byline = yuedu(db, "article", "byline", "1", "记者 王五", "--json")
    assert json.loads(byline.stdout)[0]["byline"] == "记者 王五"
    deleted = yuedu(db, "article", "delete", "2", "--json")
    assert deleted.returncode == 0 and json.loads(deleted.stdout) == []
    assert [row[0] for row in rows(db)] == [1]


def test_delete_of_an_annotated_article_needs_force(db: Path) -> None:
    with Library.open(db) as library:
        AnnotationStore(library).add(2, 0, 2, comment="秋")
    before = rows(db)
    refused = yuedu(db, "article", "delete", "2")
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert rows(db) == before
    forced = yuedu(db, "article", "delete", "2", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Deleted article 2" in forced.stdout


def test_a_split_keeps_highlights_on_their_text(db: Path) -> None:
    with Library.open(db) as library:
        text = library.get_article(1).text  # type: ignore[union-attr]
        note = AnnotationStore(library).add(1, text.index("很热"), text.index("很热") + 2)
    done = yuedu(db, "article", "split", "1", "--at", str(text.index("新的开始")), "--json")
    _, new = json.loads(done.stdout)
    with Library.open(db) as library:
        moved = AnnotationStore(library).get(note.id)
        assert moved is not None and moved.article_id == new["id"]
        assert new["text"][moved.start : moved.end] == moved.quote == "很热"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["split", "99", "--at", "3"], "no article with id 99"),
        (["split", "1", "--at", "0"], "offset"),
        (["split", "1", "--at", "500"], "offset"),
        (["merge", "2", "1"], "not the one after"),
        (["merge", "1", "99"], "no article with id 99"),
        (["rename", "99", "x"], "no article with id 99"),
        (["rename", "1", " "], "empty"),
        (["delete", "99"], "no article with id 99"),
    ],
)
def test_bad_ids_and_offsets_exit_2_and_write_nothing(
    db: Path, argv: list[str], reason: str
) -> None:
    before = rows(db)
    result = yuedu(db, "article", *argv, "--json")
    assert result.returncode == 2
    assert reason in result.stderr and result.stdout == ""
    assert rows(db) == before
