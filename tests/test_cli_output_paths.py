"""Where commands write and which library they open: `export`, `backup` and `vocab export`
share one check of `-o` (never the library's own files, never an existing file without
--force, a link followed to its target, a pipe or a folder refused, a missing folder
refused); a pipe named as the library or as a word list is refused, not waited on; a
command that only reads never creates a library; an empty path is refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import main
from reader.library import Library

REPO_ROOT = Path(__file__).resolve().parent.parent
TEXT = "我在银行工作。银行的行长很忙，他有三个孩子。\n"  # written for this test
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def run(db: Path | str, *argv: str) -> tuple[int, str, str]:
    """`yuedu --db DB ARGV…` in this process: (exit status, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["--db", str(db), *argv])
        except SystemExit as stop:  # argparse's refusals
            status = int(stop.code or 0)
    return status, out.getvalue(), err.getvalue()


def run_process(db: Path | str, *argv: str) -> subprocess.CompletedProcess[str]:
    """As a program, with a short timeout: a command that waits on a pipe fails the test
    instead of hanging it."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "--db", str(db), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        cwd=REPO_ROOT,
        timeout=30,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A library with one annotated article and one learning word."""
    source = tmp_path / "bank.txt"
    source.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    assert run(path, "import", str(source))[0] == 0
    assert run(path, "annotate", "1", "--quote", "行长")[0] == 0
    assert run(path, "vocab", "set", "行长", "--status", "learning1")[0] == 0
    return path


def learning_words(db: Path) -> list[str]:
    with Library.open(db) as library:
        return [row[0] for row in library.conn.execute("SELECT word FROM word_status")]


# -- vocab export: the same check as export and backup ---------------------------------------


def test_vocab_export_keeps_an_existing_file_unless_forced(db: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.tsv"
    precious.write_text("precious data\n", encoding="utf-8")
    status, _, err = run(db, "vocab", "export", "-o", str(precious))
    assert status == 2 and "already exists" in err and "--force" in err
    assert precious.read_text(encoding="utf-8") == "precious data\n"
    assert run(db, "vocab", "export", "-o", str(precious), "--force")[0] == 0
    assert precious.read_text(encoding="utf-8").startswith("行长\t")


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_vocab_export_never_writes_over_the_library(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "bank.txt"
    source.write_text(TEXT, encoding="utf-8")
    library = tmp_path / "lib.tsv"  # a library whose name looks like a word list
    assert run(library, "import", str(source))[0] == 0
    assert run(library, "vocab", "set", "行长", "--status", "learning1")[0] == 0
    target = library.with_name(library.name + suffix)
    status, _, err = run(library, "vocab", "export", "-o", str(target), "--force")
    assert status == 2 and "own database file" in err
    assert learning_words(library) == ["行长"]


def test_vocab_export_refuses_a_suffix_it_does_not_write(db: Path, tmp_path: Path) -> None:
    status, _, err = run(db, "vocab", "export", "-o", str(tmp_path / "words.txt"))
    assert status == 2 and ".apkg" in err and ".tsv" in err
    assert not (tmp_path / "words.txt").exists()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_vocab_import_refuses_the_library_before_reading_it(db: Path, suffix: str) -> None:
    status, _, err = run(db, "vocab", "import", str(db.with_name(db.name + suffix)))
    assert status == 2 and "own database file" in err
    assert learning_words(db) == ["行长"]


@needs_fifo
def test_vocab_import_refuses_a_pipe_instead_of_waiting(db: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "words.txt"
    os.mkfifo(pipe)
    result = run_process(db, "vocab", "import", str(pipe))
    assert result.returncode == 2 and "not a regular file" in result.stderr


# -- links and pipes as the output -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "name"),
    [(("export",), "notes.md"), (("backup",), "backup.json"), (("vocab", "export"), "w.tsv")],
)
def test_forced_writes_follow_a_link_to_its_target(
    db: Path, tmp_path: Path, argv: tuple[str, ...], name: str
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / name).write_text("old\n", encoding="utf-8")
    link = tmp_path / "exports" / name
    link.parent.mkdir()
    link.symlink_to(Path("..") / "vault" / name)
    status, _, err = run(db, *argv, "-o", str(link), "--force")
    assert status == 0, err
    assert link.is_symlink()
    written = (vault / name).read_text(encoding="utf-8")
    assert written != "old\n" and "行长" in written
    assert sorted(p.name for p in link.parent.iterdir()) == [name]  # no temporary left
    assert sorted(p.name for p in vault.iterdir()) == [name]


@needs_fifo
@pytest.mark.parametrize(
    ("argv", "name"),
    [(("export",), "notes.md"), (("backup",), "backup.json"), (("vocab", "export"), "w.tsv")],
)
def test_a_pipe_is_refused_not_replaced(
    db: Path, tmp_path: Path, argv: tuple[str, ...], name: str
) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    link = tmp_path / f"link-{name}"
    link.symlink_to(pipe)
    for target in (pipe, link):
        status, _, err = run(db, *argv, "-o", str(target), "--force")
        assert status == 2 and "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and link.is_symlink()


def test_a_forced_export_into_a_folder_refuses_a_pipe_among_its_notes(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    assert run(db, "export", "-o", f"{folder}/")[0] == 0
    (note,) = folder.iterdir()
    note.unlink()
    os.mkfifo(note)
    status, _, err = run(db, "export", "-o", f"{folder}/", "--force")
    assert status == 2 and "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(note).st_mode)


# -- the library path ---------------------------------------------------------------------


@needs_fifo
@pytest.mark.parametrize("argv", [("list",), ("check",), ("import", "x.txt")])
def test_a_pipe_as_the_library_is_refused(tmp_path: Path, argv: tuple[str, ...]) -> None:
    pipe = tmp_path / "lib.sqlite3"
    os.mkfifo(pipe)
    result = run_process(pipe, *argv)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


@pytest.mark.parametrize(
    "argv",
    [
        ("list",),
        ("show", "1"),
        ("annotations",),
        ("annotate", "1", "--quote", "行长"),
        ("search", "银行"),
        ("lookup", "银行"),
        ("check",),
        ("backups",),
        ("backup-now",),
        ("export",),
        ("export", "-o", "OUT/notes.md"),
        ("backup", "-o", "OUT/backup.json"),
        ("vocab", "list"),
        ("vocab", "export", "-o", "OUT/words.tsv"),
        ("readings", "list"),
        ("pinyin", "银行"),
    ],
)
def test_a_command_that_only_reads_creates_no_library(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    missing = tmp_path / "nowhere" / "lib.sqlite3"
    argv = tuple(a.replace("OUT", str(tmp_path)) for a in argv)
    status, _, err = run(missing, *argv)
    assert status in (0, 1), err
    if status == 1:
        assert "no library" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_import_creates_a_new_library_and_its_folder(tmp_path: Path) -> None:
    source = tmp_path / "bank.txt"
    source.write_text(TEXT, encoding="utf-8")
    library = tmp_path / "new" / "lib.sqlite3"
    assert run(library, "import", str(source))[0] == 0
    assert "我在银行工作" in run(library, "list")[1]


# -- missing folders and empty paths ---------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "-o", "MISSING/a.md"),
        ("export", "-o", "MISSING/notes/"),
        ("backup", "-o", "MISSING/b.json"),
        ("vocab", "export", "-o", "MISSING/w.tsv"),
    ],
)
def test_a_missing_folder_is_refused_and_not_made(
    db: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    missing = tmp_path / "missing" / "deeper"
    status, _, err = run(db, *(a.replace("MISSING", str(missing)) for a in argv))
    assert status == 2 and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_a_notes_folder_itself_is_made(db: Path, tmp_path: Path) -> None:
    status, out, _ = run(db, "export", "-o", f"{tmp_path / 'notes'}/")
    assert status == 0 and Path(out.strip()).parent == tmp_path / "notes"


@pytest.mark.parametrize(
    "argv",
    [("export", "-o", ""), ("backup", "-o", ""), ("vocab", "export", "-o", "")],
)
def test_an_empty_output_path_is_refused(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    status, _, err = run(db, *argv)
    assert status == 2 and ("empty path" in err or ".apkg" in err)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_library_path_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv("YUEDU_DB", str(default))
    source = tmp_path / "bank.txt"
    source.write_text(TEXT, encoding="utf-8")
    status, _, err = run("", "import", str(source))
    assert status == 2 and "empty path" in err
    assert not default.exists()


# -- the core, as the window uses it ---------------------------------------------------------


def test_write_atomically_replaces_a_links_target_and_keeps_the_link(tmp_path: Path) -> None:
    from reader.export import write_atomically

    (tmp_path / "vault").mkdir()
    target = tmp_path / "vault" / "notes.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomically(link, b"new\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in (tmp_path / "vault").iterdir()) == ["notes.md"]


@needs_fifo
def test_write_atomically_refuses_a_pipe(tmp_path: Path) -> None:
    from reader.export import NotARegularFile, write_atomically

    pipe = tmp_path / "out.md"
    os.mkfifo(pipe)
    with pytest.raises(NotARegularFile, match="not a regular file"):
        write_atomically(pipe, b"x")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and sorted(tmp_path.iterdir()) == [pipe]


@needs_fifo
def test_known_words_from_a_pipe_or_the_library_are_refused(db: Path, tmp_path: Path) -> None:
    from reader.learning.flashcards import ImportRefused, import_known_words

    pipe = tmp_path / "words.txt"
    os.mkfifo(pipe)
    with Library.open(db) as library:
        for path in (pipe, db, db.with_name(db.name + "-wal")):
            with pytest.raises(ImportRefused):
                import_known_words(library, path)
    assert learning_words(db) == ["行长"]
