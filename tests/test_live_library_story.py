"""Issue 10, end to end with real processes: the window open on a library, the reader browsing
File ▸ Import… in the library's own folder, the command line working on the same library
meanwhile, then a highlight in the window. Every change must be in the file afterwards, and
the file sound.

Why it can go wrong: SQLite's locks are POSIX advisory locks, and closing ANY descriptor a
process has on a file drops ALL of that process's locks on it. A file dialog that opens the
files it lists (to sniff their type) drops the window's locks on `lib.sqlite`, `-wal` and
`-shm`; the next CLI command then believes it is the last connection and, on closing,
checkpoints and deletes the window's live write-ahead log. The window's later writes go to a
deleted file that no other process can see.

The window is tests/window_process.py, the real app driven over stdin; the CLI runs as
`python main.py` (the `yuedu` command of a checkout); the file is judged by a third, fresh
process.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.shared_data import REPO_ROOT

pytestmark = pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks to see POSIX locks"
)

WINDOW_SCRIPT = REPO_ROOT / "tests" / "window_process.py"
ANSWER_TIMEOUT_S = 30.0  # start-up on a busy 2-core machine included; a hang fails, never waits
CLI_TIMEOUT_S = 60.0
PAGE_TEXT = "第一章 春天\n春天来了，花儿开了。我们一起去公园散步，看见很多人在放风筝。\n"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4}")

# The third process: a plain sqlite3 connection (no Yuedu code, which might migrate or
# repair), reporting what the file holds.
INSPECT = r"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(json.dumps({
    "quick_check": [row[0] for row in conn.execute("PRAGMA quick_check")],
    "annotations": {
        row[0]: {"article_id": row[1], "start": row[2], "end": row[3], "quote": row[4],
                 "comment": row[5]}
        for row in conn.execute(
            'SELECT id, article_id, start, "end", quote, comment FROM annotations')
    },
    "articles": {
        str(row[0]): {"title": row[1], "file_name": row[2]}
        for row in conn.execute(
            "SELECT a.id, a.title, s.file_name"
            " FROM articles a JOIN sources s ON s.id = a.source_id")
    },
}, ensure_ascii=False))
conn.close()
"""


def isolated_env(state: Path) -> dict[str, str]:
    """Qt settings, data, cache and the dictionary in `state`: the processes never touch the
    user's files. Qt runs headless."""
    env = dict(os.environ)
    env.pop("YUEDU_DB", None)  # every command names its library with --db
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO_ROOT),
        XDG_CONFIG_HOME=str(state / "config"),
        XDG_DATA_HOME=str(state / "data"),
        XDG_CACHE_HOME=str(state / "cache"),
        YUEDU_DICTIONARY=str(state / "cedict.sqlite3"),
    )
    return env


class WindowProcess:
    """The window process: one command line in, one answer line ("ok <json>" or
    "error <text>") out, each within ANSWER_TIMEOUT_S."""

    def __init__(self, library: Path, env: dict[str, str], stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        self._stderr: IO[str] = stderr_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(WINDOW_SCRIPT), str(library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,  # a file: a chatty child can never block on a full pipe
            text=True,
            env=env,
            cwd=library.parent,  # as if started from there: the dialog opens in that folder
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def answer(self) -> Any:
        try:
            line = self._lines.get(timeout=ANSWER_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"the window did not answer within {ANSWER_TIMEOUT_S} s\n{self.stderr()}")
        if line is None:
            time.sleep(0.5)  # let a dying child finish writing its traceback
            pytest.fail(f"the window process ended early\n{self.stderr()}")
        status, _, payload = line.partition(" ")
        assert status == "ok", f"the window answered {line!r}\n{self.stderr()}"
        return json.loads(payload)

    def ask(self, command: str) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer()

    def quit(self) -> tuple[int, str]:
        """`quit`, then the exit status and anything it printed on stdout after that."""
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        status = self.process.wait(timeout=CLI_TIMEOUT_S)
        rest = []
        while (line := self._lines.get(timeout=ANSWER_TIMEOUT_S)) is not None:
            rest.append(line)
        return status, "\n".join(rest)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._stderr.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The library's folder, which also holds the text file to import."""
    path = tmp_path / "x"
    path.mkdir()
    (path / "page.txt").write_text(PAGE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def window_factory(tmp_path: Path) -> Iterator[Any]:
    started: list[WindowProcess] = []

    def start(library: Path, env: dict[str, str]) -> WindowProcess:
        window = WindowProcess(library, env, tmp_path / f"window-{len(started)}.stderr")
        started.append(window)
        return window

    yield start
    for window in started:  # whatever happened, no window outlives its test
        window.kill()


def lock_counts(answer: dict[str, Any]) -> dict[str, int]:
    """The window's POSIX locks per library file, from its `locks` answer (which also lists
    its open descriptors on them, for the failure message only)."""
    return {role: answer[role] for role in ("db", "wal", "shm")}


def yuedu(library: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """One CLI command on `library`, in a process of its own. Through main.py, the `yuedu`
    entry point of a checkout (`python -m reader.app` runs nothing: app.py has no
    `__main__` block)."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "--db", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=CLI_TIMEOUT_S,
    )


def test_cli_and_window_share_a_library_while_its_folder_is_browsed(
    folder: Path, tmp_path: Path, window_factory: Any
) -> None:
    library = folder / "lib.sqlite"
    env = isolated_env(tmp_path / "state")

    # The window opens the new library: the sample page is imported and shown.
    window = window_factory(library, env)
    ready = window.answer()
    article_id = ready["article_id"]

    locks_before = window.ask("locks")
    assert sum(lock_counts(locks_before).values()) > 0, (
        f"the window holds no locks on its library even before browsing: {locks_before}"
    )

    # The reader looks for a file to import in the library's own folder, then cancels.
    browsed = window.ask("browse")
    assert "page.txt" in browsed["listed"], browsed
    locks_after = window.ask("locks")

    # Meanwhile the command line works on the same library.
    listed = yuedu(library, env, "list")
    assert listed.returncode == 0, listed.stderr
    assert re.search(rf"^\s*{article_id}\s", listed.stdout, re.MULTILINE), listed.stdout

    show = yuedu(library, env, "show", str(article_id), "--json")
    assert show.returncode == 0, show.stderr
    match = CJK_RUN.search(json.loads(show.stdout)["text"])
    assert match is not None
    passage = ["--quote", match.group(), "--comment", "from the CLI"]
    annotated = yuedu(library, env, "annotate", str(article_id), *passage)
    assert annotated.returncode == 0, annotated.stderr
    cli_annotation = json.loads(annotated.stdout)

    imported = yuedu(library, env, "import", str(folder / "page.txt"), "--json")
    assert imported.returncode == 0, imported.stderr
    cli_articles = {str(a["id"]): a["title"] for a in json.loads(imported.stdout)["articles"]}
    assert cli_articles, imported.stdout

    # Back in the window: a highlight, which the window reports as saved.
    highlight = window.ask("highlight")
    assert highlight["annotation_id"] is not None, f"the window refused the highlight: {highlight}"

    # Saved means saved for everyone: the command line sees it while the window is still open.
    listing = yuedu(library, env, "annotations", "--json")
    assert listing.returncode == 0, listing.stderr
    seen_while_open = {a["id"] for a in json.loads(listing.stdout)}

    # Closing the window runs the whole exit path (workers stopped, backup, library closed).
    status, rest = window.quit()
    stderr = window.stderr()

    # A third process, after everyone has gone, judges the file.
    inspected = subprocess.run(
        [sys.executable, "-c", INSPECT, str(library)],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
    )
    assert inspected.returncode == 0, inspected.stderr
    found = json.loads(inspected.stdout)

    # Everything is checked before failing, so one run tells the whole story.
    problems = []
    if status != 0 or "Traceback" in stderr or rest:
        problems.append(
            f"the window did not exit cleanly: status {status}, stdout after quit {rest!r}, "
            f"stderr:\n{stderr}"
        )
    # Closing a descriptor drops every lock the process holds on that file: a role that had
    # locks and has none is the fault. (More locks after is another connection of the
    # window's, a background read caught in the act, which made this test fail now and then.)
    before_counts, after_counts = lock_counts(locks_before), lock_counts(locks_after)
    if any(before_counts[role] and not after_counts[role] for role in before_counts):
        problems.append(
            f"browsing the import dialog changed the window's locks on its library "
            f"(root cause): before {locks_before}, after {locks_after}"
        )
    if found["quick_check"] != ["ok"]:
        problems.append(f"the library is damaged: quick_check says {found['quick_check']}")
    annotations = found["annotations"]
    if cli_annotation["id"] not in annotations:
        problems.append(f"the CLI's annotation {cli_annotation['id']} is lost")
    elif annotations[cli_annotation["id"]]["comment"] != "from the CLI":
        problems.append(f"the CLI's annotation changed: {annotations[cli_annotation['id']]}")
    for imported_id, title in cli_articles.items():
        article = found["articles"].get(imported_id)
        if article != {"title": title, "file_name": "page.txt"}:
            problems.append(f"the CLI's imported article {imported_id} ({title}) is {article}")
    if str(article_id) not in found["articles"]:
        problems.append(f"the window's article {article_id} is lost")
    if highlight["annotation_id"] not in seen_while_open:
        problems.append(
            f"the window's highlight {highlight['annotation_id']} (status bar: "
            f"{highlight['status']!r}) was invisible to the CLI while the window was open"
        )
    window_annotation = annotations.get(highlight["annotation_id"])
    expected = {
        "article_id": highlight["article_id"],
        "start": highlight["start"],
        "end": highlight["end"],
        "quote": highlight["quote"],
        "comment": "",
    }
    if window_annotation != expected:
        problems.append(
            f"the window's highlight {highlight['annotation_id']} (status bar: "
            f"{highlight['status']!r}) is {window_annotation}, expected {expected}"
        )
    assert not problems, "\n".join(problems)
