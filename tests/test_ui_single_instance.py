"""A second Yuedu on the same library hands over to the first (two real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reader.ui.single_instance import InstanceServer, server_name
from tests.shared_data import REPO_ROOT


def second_instance(*args: str, db: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "main.py"), "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )


def test_a_second_instance_passes_its_link_to_the_first_and_exits(
    tmp_path: Path, qtbot: Any
) -> None:
    db = tmp_path / "lib.sqlite3"
    server = InstanceServer(db)
    assert server.listening
    url = "yuedu://article/3?annotation=00000000-0000-4000-8000-000000000001"
    with qtbot.waitSignal(server.request_received, timeout=30_000) as received:
        process = second_instance("open", url, db=db)
    out, err = process.communicate(timeout=60)
    assert received.args == [{"url": url}]
    assert process.returncode == 0, err
    assert "brought forward" in out
    assert not db.exists()  # the second instance never opened (or created) the library
    server.close()


def test_the_window_comes_forward_and_opens_the_link(ui_window: Any, qtbot: Any) -> None:
    library = ui_window.service
    [first, *_] = library.articles()
    ui_window.handle_instance_request({"url": f"yuedu://article/{first.id}"})
    assert ui_window.reading_view.article_id == first.id


def test_libraries_in_different_files_have_different_servers(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a.sqlite3") != server_name(tmp_path / "b.sqlite3")
    assert server_name(tmp_path / "a.sqlite3") == server_name(tmp_path / "." / "a.sqlite3")


def test_files_given_to_a_second_instance_are_imported_by_the_first(
    tmp_path: Path, qtbot: Any
) -> None:
    db = tmp_path / "lib.sqlite3"
    page = tmp_path / "page.txt"
    page.write_text("一段文字。\n", encoding="utf-8")
    server = InstanceServer(db)
    with qtbot.waitSignal(server.request_received, timeout=30_000) as received:
        process = second_instance(str(page), db=db)
    process.communicate(timeout=60)
    assert received.args == [{"files": [str(page.resolve())]}]
    assert process.returncode == 0
    server.close()


def test_a_mistyped_command_is_not_taken_for_a_file(tmp_path: Path) -> None:
    from reader.app import build_parser, files_to_open, subcommands

    commands = set(subcommands(build_parser()))
    assert {"import", "list", "show", "export"} <= commands
    real = tmp_path / "a.txt"
    real.write_text("文", encoding="utf-8")
    assert files_to_open(["--db", "x", str(real)], commands) == (["--db", "x"], [real])
    assert files_to_open(["lsit"], commands) == (["lsit"], [])
    assert files_to_open(["list", "--json"], commands) == (["list", "--json"], [])
