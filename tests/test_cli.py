"""The headless CLI: JSON shapes, exit statuses, nothing written on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import main
from reader.library import Library
from tests.shared_data import NOVEL, REPO_ROOT, SEED_PAGE, needs_shared


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def count_articles(db: Path) -> int:
    with Library.open(db) as library:
        return library.article_count()


def test_import_json_shape_and_seed_articles(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite3"
    status, out, _ = run(capsys, "--db", str(db), "import", str(SEED_PAGE), "--json")
    assert status == 0
    result = json.loads(out)
    assert set(result) == {"articles", "warnings"}
    assert result["warnings"] == []
    assert [set(a) for a in result["articles"]] == [{"id", "title", "byline", "text"}] * 4
    assert [a["byline"] for a in result["articles"]] == [
        "张明提",
        "张明提 梁桂连",
        "张明提 杨韶伟",
        "张明提",
    ]
    assert result["articles"][3]["title"] == "兴县实施城乡融合发展战略 建设更高层次宜居兴县"


def test_reimport_says_so_and_adds_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite3"
    run(capsys, "--db", str(db), "import", str(SEED_PAGE))
    status, out, _ = run(capsys, "--db", str(db), "import", str(SEED_PAGE), "--json")
    assert status == 0
    result = json.loads(out)
    assert any("already in the library" in w for w in result["warnings"])
    assert count_articles(db) == 4


def test_list_and_show_json(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite3"
    run(capsys, "--db", str(db), "import", str(SEED_PAGE))
    status, out, _ = run(capsys, "--db", str(db), "list", "--json")
    listing = json.loads(out)
    assert status == 0 and len(listing) == 4
    assert {"id", "title", "byline", "char_count"} <= set(listing[0])
    status, out, _ = run(capsys, "--db", str(db), "show", str(listing[1]["id"]), "--json")
    shown = json.loads(out)
    assert status == 0
    assert set(shown) == {"id", "title", "byline", "text", "paragraphs"}
    assert "\n".join(shown["paragraphs"]) == shown["text"]
    assert shown["byline"] == "张明提 梁桂连"


def test_show_unknown_id_is_a_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    Library.open(tmp_path / "l.sqlite3").close()  # an empty library: `show` creates none
    status, out, err = run(capsys, "--db", str(tmp_path / "l.sqlite3"), "show", "42")
    assert status == 2 and out == ""
    assert "no article with id 42" in err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        ("文本".encode() + b"\x00\x01\x00\x02binary", "NUL bytes"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, content: bytes, reason: str
) -> None:
    db = tmp_path / "lib.sqlite3"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    # A good file named first must not be written either: the command is all or nothing.
    status, out, err = run(capsys, "--db", str(db), "import", str(SEED_PAGE), str(bad))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and reason in err
    assert count_articles(db) == 0


def test_missing_file_is_bad_input(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status, _, err = run(
        capsys, "--db", str(tmp_path / "l.sqlite3"), "import", str(tmp_path / "nope.txt")
    )
    assert status == 2 and "no such file" in err


def test_uncertain_encoding_is_a_warning(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    short = tmp_path / "short.txt"
    short.write_bytes("汉语".encode("gbk"))
    status, _, err = run(capsys, "--db", str(tmp_path / "l.sqlite3"), "import", str(short))
    assert status == 0
    assert err.startswith("warning: short.txt: the encoding was guessed as")


def test_encoding_option_forces_the_choice(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    short = tmp_path / "short.txt"
    short.write_bytes("汉语学习".encode("gbk"))
    status, out, _ = run(
        capsys,
        "--db",
        str(tmp_path / "l.sqlite3"),
        "import",
        str(short),
        "--encoding",
        "GB18030",
        "--json",
    )
    assert status == 0
    assert json.loads(out)["articles"][0]["text"] == "汉语学习"


def test_yuedu_db_environment_variable_selects_the_library(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("YUEDU_DB", str(db))
    run(capsys, "import", str(SEED_PAGE))
    assert count_articles(db) == 4
    other = tmp_path / "from-flag.sqlite3"
    run(capsys, "--db", str(other), "list")
    assert count_articles(other) == 0  # --db wins, and CLI commands never add the sample


def test_a_newer_library_is_refused_by_the_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as library, library.session.door():  # as a newer Yuedu would
        library.db["_sqlite_migrations"].insert(
            {"migration_set": "yuedu.library", "name": "9999_future", "applied_at": "x"}
        )
    status, _, err = run(capsys, "--db", str(db), "list")
    assert status == 1 and "newer version of Yuedu" in err


@needs_shared
def test_novel_imports_as_80_chapters_without_carriage_returns(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status, out, _ = run(
        capsys, "--db", str(tmp_path / "l.sqlite3"), "import", str(NOVEL), "--json"
    )
    assert status == 0
    articles = json.loads(out)["articles"]
    assert len(articles) == 80
    assert not any("\r" in a["text"] or "\r" in a["title"] for a in articles)


def test_main_py_and_module_entry_run_the_cli(tmp_path: Path) -> None:
    env = dict(os.environ, YUEDU_DB=str(tmp_path / "l.sqlite3"))
    Library.open(tmp_path / "l.sqlite3").close()  # an empty library: `list` creates none
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    # The CLI path never imports Qt (it must work on a machine without a display).
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from reader.app import main; main(['list']);"
            "print('PySide6' in sys.modules, 'jieba' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert probe.stdout.strip().endswith("False False"), probe.stdout + probe.stderr
