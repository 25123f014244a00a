"""The standalone one-folder build (tools/build_bundle.py, PyInstaller).

The fast tests check the way a frozen build starts its PDF reader (the executable again,
with `--pdf-worker`) without building anything. The slow one builds the bundle (about 30 s
on two cores) and runs what it must carry, headless: contextual pinyin (g2pM, jieba, the
CC-CEDICT dictionary built on first use), importing text, a PDF (PDFium in the child
process) and a web page (lxml), the window starting offscreen, and the desktop entry
naming the bundle. It skips when PyInstaller is not installed (pip install -e ".[bundle]").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import app
from reader.importing import pdf_process, pdf_worker
from tests.pdf_samples import newspaper_pdf
from tests.shared_data import REPO_ROOT

MEMORY_LIMIT = str(2 * 1024**3)


def test_a_frozen_build_starts_the_pdf_reader_as_itself_with_the_flag() -> None:
    assert app.FROZEN_WORKER_FLAG == pdf_worker.FROZEN_WORKER_FLAG
    assert pdf_process.worker_command(True) == [sys.executable, "--pdf-worker"]
    assert pdf_process.worker_command(False)[1:] == ["-m", "reader.importing.pdf_worker"]


def test_the_app_with_the_flag_is_the_pdf_reader(tmp_path: Path) -> None:
    """What a frozen build's child runs: main.py dispatches to the worker before parsing
    anything, and writes nothing but the worker's JSON lines."""
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "--pdf-worker", str(page), "0", "9",
         MEMORY_LIMIT],
        capture_output=True, timeout=120, cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    messages = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert messages[0] == {"page_count": 2}
    assert [message["page"] for message in messages[1:]] == [0, 1]
    assert any("春耕" in run[0] for run in messages[1]["runs"])


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason='the bundle extra: pip install -e ".[bundle]"')
    folder = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    # The documented command, as a reader runs it.
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "build_bundle.py"),
         "--dist", str(folder / "dist"), "--work", str(folder / "work")],
        capture_output=True, timeout=900, cwd=REPO_ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    print(f"{done.stdout.decode().strip()} (test: {time.monotonic() - started:.0f} s)")
    executable = folder / "dist" / "yuedu" / ("yuedu.exe" if sys.platform == "win32" else "yuedu")
    return executable


def run_bundle(executable: Path, *argv: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(executable), *argv], capture_output=True, timeout=300, env=env, cwd=env["HOME"]
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


@pytest.mark.slow
def test_the_bundle_runs_headless(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # No PYTHONPATH: the bundle must not find this checkout's modules.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "XDG_")) and key != "YUEDU_DB"
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["YUEDU_DICTIONARY"] = str(tmp_path / "cedict.sqlite3")  # built on first use
    db = str(tmp_path / "library.sqlite3")

    pinyin = json.loads(run_bundle(bundle, "--db", db, "pinyin", "--style", "numbers",
                                   "银行行长很重要", env=env))  # fmt: skip
    readings = [syllable for token in pinyin["tokens"] for syllable in token["pinyin"]]
    assert readings == ["yin2", "hang2", "hang2", "zhang3", "hen3", "zhong4", "yao4"]

    (tmp_path / "note.txt").write_text("春天来了。\n\n河边的柳树发芽了。\n", encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(newspaper_pdf())
    (tmp_path / "page.html").write_text(
        "<html><body><article><h1>秋天到了</h1><p>秋天到了，树叶黄了，一片片落下来。"
        "</p></article></body></html>",
        encoding="utf-8",
    )
    run_bundle(bundle, "--db", db, "import", str(tmp_path / "note.txt"),
               str(tmp_path / "page.pdf"), str(tmp_path / "page.html"), env=env)  # fmt: skip
    titles = [article["title"] for article in
              json.loads(run_bundle(bundle, "--db", db, "list", "--json", env=env))]  # fmt: skip
    assert len(titles) == 1 + 3 + 1
    assert any("春耕" in title for title in titles) and "秋天到了" in titles

    log_path = tmp_path / "window.log"
    with open(log_path, "wb") as log:
        window = subprocess.Popen(
            [str(bundle), "--db", str(tmp_path / "new.sqlite3")],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=home,
        )  # fmt: skip
        try:
            time.sleep(5)
            assert window.poll() is None, log_path.read_text(errors="replace")
        finally:
            window.kill()
            window.wait()
    assert "Traceback" not in log_path.read_text(errors="replace")
    # The window imported the bundled sample page into the new library.
    assert json.loads(run_bundle(bundle, "--db", str(tmp_path / "new.sqlite3"), "list",
                                 "--json", env=env))  # fmt: skip

    run_bundle(bundle, "install-desktop", env=env)
    entry = (home / ".local/share/applications/yuedu.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle} %U" in entry.splitlines()
    run_bundle(bundle, "uninstall-desktop", env=env)
    assert not (home / ".local/share/applications/yuedu.desktop").exists()
