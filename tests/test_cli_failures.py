"""The command line when the world gets in the way: a library another program holds
locked, a read-only library, Ctrl-C in the middle of an import, a reader of the output that
goes away. Each ends in a sentence and an exit status, never a Python traceback; each
runs the real `yuedu` in a process of its own."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.errors import failed_write_message
from reader.library.store import NewArticle, NewSource

REPO_ROOT = Path(__file__).resolve().parent.parent
YUEDU = [sys.executable, str(REPO_ROOT / "main.py")]


def make_library(path: Path, articles: int = 1) -> None:
    text = "本报讯 今天天气很好，我们一起去公园散步。"
    with Library.open(path) as library, library.session.write("Test set-up"):
        drafts = [
            NewArticle(f"文章 {n}", False, "", text, 0, 1, [len(text)]) for n in range(articles)
        ]
        library.add_source(NewSource.whole("page.txt", "UTF-8", "hash", 1, "", []), drafts)


def titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        connection.close()


def yuedu(*argv: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*YUEDU, *argv], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120, **options
    )


def test_a_library_locked_by_another_program_is_said_in_words(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)",
            str(library),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = yuedu("--db", str(library), "article", "rename", "1", "新标题")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "in use by another program" in result.stderr and "nothing was saved" in result.stderr
    assert titles(library) == ["文章 0"]


@pytest.mark.skipif(shutil.which("setpriv") is None and os.geteuid() == 0, reason="needs setpriv")
def test_a_read_only_library_file_refuses_writes_in_words(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library)
    library.chmod(0o444)
    # root writes read-only files anyway: drop that power for the child, as a user has none
    prefix = []
    if os.geteuid() == 0:
        no_override = "-dac_override,-dac_read_search"
        prefix = ["setpriv", f"--inh-caps={no_override}", f"--bounding-set={no_override}"]
    result = subprocess.run(
        [*prefix, *YUEDU, "--db", str(library), "article", "rename", "1", "新标题"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert "is read-only" in result.stderr and "Nothing was changed" in result.stderr
    assert titles(library) == ["文章 0"]


def test_sqlite_refusals_to_write_are_worded(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        read_only.execute("INSERT INTO t VALUES (1)")
    read_only.close()
    words = failed_write_message(refused.value)
    assert words.startswith("Nothing was saved: the library file or its folder is read-only")
    unknown = sqlite3.OperationalError("something odd")
    assert failed_write_message(unknown) == (
        "The library could not be used (something odd); nothing was saved."
    )


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library, articles=3000)  # far more than a pipe holds
    child = subprocess.Popen(
        [*YUEDU, "--db", str(library), "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline().strip() == b"["  # like `| head -1`, then gone
    child.stdout.close()
    errors = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert errors == ""


def test_ctrl_c_during_an_import_says_what_was_kept(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library)
    book = tmp_path / "book.txt"
    chapter = "今天天气很好，我们一起去公园散步，看见很多人在跳舞。" * 40 + "\n"
    book.write_text("".join(f"第{n}章 标题\n{chapter}" for n in range(1, 4000)), encoding="utf-8")
    child = subprocess.Popen(
        [*YUEDU, "--db", str(library), "import", str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    time.sleep(4)  # past start-up and loading jieba: inside the import's work
    assert child.poll() is None, "the import ended before it could be interrupted"
    child.send_signal(signal.SIGINT)
    out, errors = child.communicate(timeout=60)
    assert child.returncode == 130, errors
    assert "Traceback" not in errors
    assert "interrupted" in errors and "was not saved" in errors
    assert titles(library) == ["文章 0"]  # the interrupted import added nothing
    listed = yuedu("--db", str(library), "list", "--json")
    assert [a["title"] for a in json.loads(listed.stdout)] == ["文章 0"]
