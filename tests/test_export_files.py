"""Writing exports: safe file names, never overwriting without force, atomic writes, and
the `yuedu export` and `yuedu open` commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import reader.export as export_module
from reader.app import main, with_open_command
from reader.export import (
    ExportCancelled,
    ExportOptions,
    ExportWouldOverwrite,
    export_to_file,
    export_to_folder,
    write_atomically,
)
from reader.export.filenames import MAX_NAME_BYTES, safe_file_name, unique_file_names
from reader.library import Library
from reader.library.store import NewArticle, NewSource
from tests.test_export_golden import build_seed_library

# -- file names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("兴县实施城乡融合发展战略", "兴县实施城乡融合发展战略.md"),
        ("a/b\\c", "a_b_c.md"),
        ('报告: "新"*?<>|', "报告_ _新______.md"),
        ("../../etc/passwd", "_._etc_passwd.md"),
        ("..", "untitled.md"),
        ("...隐藏", "隐藏.md"),
        ("行一\n行二\t\x00\x1f\x7f", "行一 行二.md"),
        ("结尾的点. . .", "结尾的点.md"),
        ("  空格  ", "空格.md"),
        ("", "untitled.md"),
        ("CON", "_CON.md"),
        ("nul.txt", "_nul.txt.md"),
        ("com1", "_com1.md"),
        ("LPT9 ", "_LPT9.md"),
        ("console", "console.md"),
        # Invisible format characters: a right-to-left override would show 报告dm.exe
        # reversed, a zero-width space makes a name that looks like another.
        ("报告\u202edm.exe", "报告dm.exe.md"),
        ("银\u200b行\ufeff", "银行.md"),
        ("\u2066\u200f", "untitled.md"),
    ],
)
def test_safe_file_name_rules(title: str, name: str) -> None:
    assert safe_file_name(title) == name


@pytest.mark.parametrize("title", ["兴" * 300, "a" * 300, "é" * 300, "😀" * 100, "e\u0301" * 200])
def test_long_titles_are_cut_on_a_character_boundary_to_255_bytes(title: str) -> None:
    name = safe_file_name(title)
    encoded = name.encode("utf-8")
    assert len(encoded) <= MAX_NAME_BYTES
    assert name.endswith(".md")
    stem = name[: -len(".md")]
    assert title.startswith(stem) or (title.replace("e\u0301", "é")).startswith(stem)
    assert not stem.endswith("\u0301")


def test_names_never_contain_forbidden_characters() -> None:
    hostile = "".join(chr(c) for c in range(0, 128)) + "\u2028\u2029\x85"
    name = safe_file_name(hostile)
    assert not set(name) & set('/\\:*?"<>|')
    assert all(ord(c) >= 32 and c not in "\x7f\x85\u2028\u2029" for c in name)
    assert ".." not in name and not name.startswith(".")


def test_same_titles_get_distinct_names_also_case_insensitively() -> None:
    names = unique_file_names(
        ["兴县", "兴县", "Report", "report", "兴县 (2)", "兴" * 300, "兴" * 300]
    )
    assert names[:5] == ["兴县.md", "兴县 (2).md", "Report.md", "report (2).md", "兴县 (2) (2).md"]
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in names)
    assert names[6].endswith(" (2).md")


# -- writing --------------------------------------------------------------------------------


@pytest.fixture
def seed(tmp_path: Path):  # type: ignore[no-untyped-def]
    library = build_seed_library(tmp_path / "seed.sqlite3")
    yield library
    library.close()


def article_ids(library: Library) -> list[int]:
    return [summary.id for summary in library.list_articles()]


def test_folder_export_one_note_per_article(seed: Library, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    progress: list[tuple[int, int]] = []
    written = export_to_folder(
        seed,
        article_ids(seed),
        folder,
        ExportOptions(),
        progress=lambda d, t: progress.append((d, t)),
    )
    assert [p.name for p in written] == [
        "今年来，兴县县委县政府紧紧抓住省委加快….md",
        "为了庆祝中国共产党成立100周年.md",
        "芳菲四月，生机盎然；民生责任，教育情怀.md",
        "兴县实施城乡融合发展战略 建设更高层次宜居兴县.md",
    ]
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(os.listdir(folder)) == sorted(p.name for p in written)


def test_existing_files_are_not_overwritten_without_force(seed: Library, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    ids = article_ids(seed)
    names = export_module.folder_file_names(seed, ids)
    (folder / names[2]).write_text("my own note", encoding="utf-8")
    with pytest.raises(ExportWouldOverwrite) as refused:
        export_to_folder(seed, ids, folder, ExportOptions())
    assert refused.value.paths == [folder / names[2]]
    assert isinstance(refused.value, FileExistsError)
    assert os.listdir(folder) == [names[2]]  # nothing written
    assert (folder / names[2]).read_text(encoding="utf-8") == "my own note"
    export_to_folder(seed, ids, folder, ExportOptions(), force=True)
    assert (folder / names[2]).read_text(encoding="utf-8").startswith("---\n")
    single = tmp_path / "one.md"
    single.write_text("keep", encoding="utf-8")
    with pytest.raises(ExportWouldOverwrite):
        export_to_file(seed, ids, single, ExportOptions())
    assert single.read_text(encoding="utf-8") == "keep"


def test_cancel_stops_between_files(seed: Library, tmp_path: Path) -> None:
    calls = iter([False, False, True])
    with pytest.raises(ExportCancelled) as cancelled:
        export_to_folder(
            seed,
            article_ids(seed),
            tmp_path / "n",
            ExportOptions(),
            is_cancelled=lambda: next(calls),
        )
    assert len(cancelled.value.written) == 2
    assert sorted(os.listdir(tmp_path / "n")) == sorted(p.name for p in cancelled.value.written)


def failing_write(after_bytes: int):  # type: ignore[no-untyped-def]
    real_write = os.write
    state = {"written": 0}

    def write(descriptor: int, data: Any) -> int:
        if state["written"] >= after_bytes:
            raise OSError(28, "No space left on device")
        chunk = bytes(data[:after_bytes])
        state["written"] += len(chunk)
        return real_write(descriptor, chunk)

    return write


def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.md"
    target.write_text("old note", encoding="utf-8")
    monkeypatch.setattr(os, "write", failing_write(10))
    with pytest.raises(OSError):
        write_atomically(target, ("新" * 1000).encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "old note"
    assert os.listdir(tmp_path) == ["note.md"]
    absent = tmp_path / "absent.md"
    with pytest.raises(OSError):
        write_atomically(absent, ("新" * 1000).encode("utf-8"))
    assert not absent.exists()
    assert os.listdir(tmp_path) == ["note.md"]


def test_a_folder_export_failing_midway_leaves_whole_notes_only(
    seed: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "notes"
    export_to_folder(seed, article_ids(seed), folder, ExportOptions())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.setattr(os, "write", failing_write(100))
    with pytest.raises(OSError):
        export_to_folder(seed, article_ids(seed), folder, ExportOptions(context=True), force=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_two_articles_with_one_title_get_two_files(tmp_path: Path) -> None:
    library = Library.in_memory()
    text = "同一个标题的文章。"
    library.add_source(
        NewSource.whole("twins.txt", "UTF-8", "e" * 64, 1, text, [text]),
        [NewArticle("同题", False, "", text, 0, 1, [len(text)])] * 2,
    )
    written = export_to_folder(library, [1, 2], tmp_path, ExportOptions())
    assert [p.name for p in written] == ["同题.md", "同题 (2).md"]


# -- the CLI ---------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def seed_db(tmp_path: Path) -> str:
    path = tmp_path / "seed.sqlite3"
    build_seed_library(path).close()
    return str(path)


def test_cli_export_to_stdout_file_and_folder(
    seed_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--db", seed_db, "export", "--article", "2")
    assert status == 0 and out.startswith('---\ntitle: "为了庆祝中国共产党成立100周年"')
    status, out, _ = run(capsys, "--db", seed_db, "export", "--no-orphans")
    assert status == 0 and 'title: "Yuedu annotations"' in out and "Orphaned" not in out
    assert "articles: 3" in out  # only the articles that have annotations
    status, out, _ = run(capsys, "--db", seed_db, "export", "-o", str(tmp_path / "all.md"))
    assert status == 0 and (tmp_path / "all.md").read_text(encoding="utf-8").startswith("---")
    folder = tmp_path / "new-folder"
    status, out, _ = run(capsys, "--db", seed_db, "export", "--context", "-o", f"{folder}/")
    assert status == 0 and len(out.splitlines()) == 3 and len(os.listdir(folder)) == 3
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    status, out, err = run(capsys, "--db", seed_db, "export", "-o", str(folder))
    assert status == 2 and "--force" in err and out == ""
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    status, _, _ = run(capsys, "--db", seed_db, "export", "-o", str(folder), "--force")
    assert status == 0
    status, _, err = run(capsys, "--db", seed_db, "export", "--article", "99")
    assert status == 2 and "no article with id 99" in err


def test_open_routes_the_url_to_the_window(
    seed_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reader.ui.application as application

    calls: list[tuple[Path, str | None]] = []

    def fake_run_gui(library_path: Path, argv: list[str], open_url: str | None = None) -> int:
        calls.append((library_path, open_url))
        return 0

    monkeypatch.setattr(application, "run_gui", fake_run_gui)
    url = "yuedu://article/1?annotation=00000000-0000-4000-8000-000000000001"
    assert main(["--db", seed_db, "open", url]) == 0
    assert main(["--db", seed_db, url]) == 0
    assert calls == [(Path(seed_db), url)] * 2
    status, _, err = run(capsys, "--db", seed_db, "open", "yuedu://nothing")
    assert status == 2 and "yuedu://article/<id>" in err
    assert len(calls) == 2


def test_bare_url_argument_becomes_the_open_command() -> None:
    assert with_open_command(["yuedu://article/1"]) == ["open", "yuedu://article/1"]
    assert with_open_command(["--db", "x", "yuedu://article/1"]) == [
        "--db", "x", "open", "yuedu://article/1",
    ]  # fmt: skip
    assert with_open_command(["list"]) == ["list"]
    assert with_open_command(["--db", "yuedu://odd-name", "list"]) == [
        "--db", "yuedu://odd-name", "list",
    ]  # fmt: skip
