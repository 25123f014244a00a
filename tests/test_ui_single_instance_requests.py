"""What a later instance sends the window: bad, oversized and slow requests are ignored (and
the sender told why) while the window keeps serving good ones; the same over the QLocalServer
channel Windows uses."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui import single_instance, single_instance_unix
from reader.ui.single_instance import (
    InstanceServer,
    hand_over,
    socket_path,
)
from tests.shared_data import REPO_ROOT
from tests.single_instance_helpers import (
    LINK,
    in_thread,
    listening_server,
    private_runtime_dir,
    received,
    send_raw,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Unix socket channel")


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with private_runtime_dir(monkeypatch) as folder:
        yield folder


@pytest.fixture
def server(runtime_dir: Path, tmp_path: Path) -> Iterator[InstanceServer]:
    with listening_server(tmp_path / "lib.sqlite3") as instance:
        yield instance


# -- what the window is sent -------------------------------------------------------------
def bad_requests(tmp_path: Path) -> list[bytes]:
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def line(request: object) -> bytes:
        return json.dumps(request).encode() + b"\n"

    return [
        b"{not json\n",
        b"\xff\xfe\n",
        line(["yuedu://article/3"]),
        line({"command": "rm -rf ~"}),
        line({"url": 3}),
        line({"url": "yuedu://article/0"}),
        line({"url": "https://example.com/"}),
        line({"url": "yuedu://article/3?annotation=x"}),
        line({"files": "/etc/hostname"}),
        line({"files": [str(tmp_path / "missing.txt")]}),
        line({"files": [str(folder)]}),
        line({"files": [str(fifo)]}),
        line({"files": [1, None]}),
        b"{" + b" " * (1024 * 1024) + b"}\n",  # a megabyte: refused before it is all read
        b'{"url": "' + b"a" * (200 * 1024),  # no end of line at all
        b"",  # connects and hangs up
    ]


def test_bad_requests_are_ignored_and_the_window_keeps_serving(
    server: InstanceServer, tmp_path: Path, qtbot: Any
) -> None:
    requests = received(server)
    path = socket_path(tmp_path / "lib.sqlite3")
    for payload in bad_requests(tmp_path):
        answer = in_thread(qtbot, lambda payload=payload: send_raw(path, payload))
        assert isinstance(answer, bytes)
        if answer:  # an answer, when there is one, says it was not taken whole
            decoded = json.loads(answer)
            assert decoded["ok"] is False or decoded.get("ignored"), payload[:80]
        assert requests == [], payload[:80]
    page = tmp_path / "page.txt"
    page.write_text("一段文字。\n", encoding="utf-8")
    good = {"url": LINK, "files": [str(page), str(tmp_path / "missing.txt")], "x": 1}
    answer = in_thread(qtbot, lambda: send_raw(path, json.dumps(good).encode() + b"\n"))
    assert json.loads(answer)["ok"] is True
    assert len(json.loads(answer)["ignored"]) == 2
    qtbot.waitUntil(lambda: requests == [{"url": LINK, "files": [str(page)]}])


def test_a_slow_sender_is_cut_off_without_holding_up_others(
    runtime_dir: Path, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance_unix, "REQUEST_TIMEOUT_MS", 500)
    library = tmp_path / "lib.sqlite3"
    server = InstanceServer(library)
    requests = received(server)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as slow:
        slow.connect(str(socket_path(library)))
        slow.sendall(b'{"url": ')  # and nothing more
        assert in_thread(qtbot, lambda: hand_over(library, {"url": LINK})) is True
        qtbot.waitUntil(lambda: requests == [{"url": LINK}])
        slow.settimeout(5)
        answer = in_thread(qtbot, lambda: slow.recv(4096))
    assert json.loads(answer) == {"ok": False, "reason": "request not received in time"}
    assert requests == [{"url": LINK}]
    server.close()


def test_what_the_window_ignored_is_told_to_the_later_instance(
    server: InstanceServer, tmp_path: Path, qtbot: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    requests = received(server)
    missing = str(tmp_path / "missing.txt")
    assert in_thread(qtbot, lambda: hand_over(tmp_path / "lib.sqlite3", {"files": [missing]}))
    assert missing in capsys.readouterr().err
    qtbot.wait(50)
    assert requests == []  # nothing valid to do


# -- the Windows channel (QLocalServer), run here too since Qt has it everywhere ----------
HAND_OVER_BY_LOCAL_SOCKET = """
import json, sys
from pathlib import Path
from reader.ui import single_instance, single_instance_unix
single_instance.USE_UNIX_SOCKETS = False
print(single_instance.hand_over(Path(sys.argv[1]), json.loads(sys.argv[2])))
"""


def hand_over_from_another_process(qtbot: Any, library: Path, request: dict) -> tuple[str, str]:
    """(stdout, stderr) of a process handing `request` over through a QLocalSocket: its
    blocking waits hold the interpreter, so they cannot share this process with the server."""
    process = subprocess.Popen(
        [sys.executable, "-c", HAND_OVER_BY_LOCAL_SOCKET, str(library), json.dumps(request)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT)),
    )
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    out, err = process.communicate()
    return out.strip(), err


def test_the_local_server_channel_checks_and_answers_the_same_way(
    runtime_dir: Path, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "USE_UNIX_SOCKETS", False)
    library = tmp_path / "lib.sqlite3"
    assert hand_over(library, {}) is False  # nobody listening
    server = InstanceServer(library)
    try:
        assert server.listening
        requests = received(server)
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        request = {"url": LINK, "files": [str(fifo)], "x": 1}
        out, err = hand_over_from_another_process(qtbot, library, request)
        assert out == "True", err
        assert "not a regular file" in err and "unknown key" in err
        qtbot.waitUntil(lambda: requests == [{"url": LINK}])
        out, err = hand_over_from_another_process(qtbot, library, {"files": ["relative.txt"]})
        assert out == "True", err
        qtbot.wait(50)
        assert requests == [{"url": LINK}]
    finally:
        server.close()
    assert hand_over(library, {}) is False
