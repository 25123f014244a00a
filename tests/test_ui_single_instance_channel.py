"""The single-instance channel under attack and accident: a private socket folder, other
users' connections dropped, squatters and stale files not mistaken for our window, and bad
requests ignored while the window keeps serving good ones. (POSIX: the Unix socket side.)"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui import single_instance, single_instance_unix
from reader.ui.single_instance import (
    ANSWER_TIMEOUT_S,
    InstanceServer,
    UnsafeFolder,
    check_folder,
    ensure_socket_folder,
    hand_over,
    socket_folder,
    socket_path,
)
from tests.shared_data import REPO_ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Unix socket channel")

LINK = "yuedu://article/3?annotation=00000000-0000-4000-8000-000000000001"


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR, short enough for a socket path."""
    folder = Path(tempfile.mkdtemp(prefix="yr", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if not path.is_dir() or path.is_symlink() else path.rmdir()
    folder.rmdir()


@pytest.fixture
def server(runtime_dir: Path, tmp_path: Path) -> Iterator[InstanceServer]:
    instance = InstanceServer(tmp_path / "lib.sqlite3")
    assert instance.listening
    yield instance
    instance.close()


def in_thread(qtbot: Any, work: Callable[[], object], timeout_ms: int = 10_000) -> object:
    """Run a blocking client beside the event loop the server needs, and return its result."""
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(work()), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(results), timeout=timeout_ms)
    return results[0]


def send_raw(path: Path, payload: bytes) -> bytes:
    """What the window answers to `payload`, as raw bytes (b"" when it hangs up)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(str(path))
        try:
            client.sendall(payload)
            client.shutdown(socket.SHUT_WR)  # nothing more is coming
        except OSError:
            pass  # hung up on an oversized request while it was still being sent
        answer = bytearray()
        try:
            while chunk := client.recv(4096):
                answer.extend(chunk)
        except ConnectionResetError:
            pass
        return bytes(answer)


def received(server: InstanceServer) -> list[dict]:
    requests: list[dict] = []
    server.request_received.connect(requests.append)
    return requests


# -- the folder ----------------------------------------------------------------------------
def test_the_socket_folder_is_made_private_to_this_user(runtime_dir: Path) -> None:
    folder = ensure_socket_folder()
    assert folder == runtime_dir / "yuedu"
    status = os.lstat(folder)
    assert stat.S_IMODE(status.st_mode) == 0o700
    assert status.st_uid == os.getuid()


def test_a_folder_open_to_others_or_not_ours_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "sockets"
    folder.mkdir(mode=0o700)
    check_folder(folder)  # ours and private: fine
    with pytest.raises(UnsafeFolder, match="belongs to user"):
        check_folder(folder, uid=os.getuid() + 1)
    folder.chmod(0o777)
    with pytest.raises(UnsafeFolder, match="written by others"):
        check_folder(folder)
    folder.chmod(0o720)
    with pytest.raises(UnsafeFolder, match="written by others"):
        check_folder(folder)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    with pytest.raises(UnsafeFolder, match="not a folder"):
        check_folder(link)


def test_an_unsafe_runtime_folder_is_not_used(
    runtime_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime_dir.chmod(0o777)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert socket_folder() == tmp_path / f"yuedu-{os.getuid()}"
    runtime_dir.chmod(0o700)


def test_a_socket_folder_others_may_write_to_is_never_listened_in(
    runtime_dir: Path, tmp_path: Path
) -> None:
    (runtime_dir / "yuedu").mkdir(mode=0o700)
    (runtime_dir / "yuedu").chmod(0o733)  # someone could plant a socket
    server = InstanceServer(tmp_path / "lib.sqlite3")
    assert not server.listening
    assert hand_over(tmp_path / "lib.sqlite3", {}) is False
    assert list((runtime_dir / "yuedu").iterdir()) == []


# -- who may talk to the window -----------------------------------------------------------
def test_a_connection_from_another_user_is_dropped_unheard(
    server: InstanceServer, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = received(server)
    path = socket_path(tmp_path / "lib.sqlite3")
    real_peer_uid = single_instance_unix.peer_uid
    monkeypatch.setattr(single_instance_unix, "peer_uid", lambda connection: os.getuid() + 1)
    answer = in_thread(qtbot, lambda: send_raw(path, json.dumps({"url": LINK}).encode() + b"\n"))
    assert answer == b""  # hung up without reading or answering
    qtbot.wait(100)
    assert requests == []
    monkeypatch.setattr(single_instance_unix, "peer_uid", real_peer_uid)
    assert in_thread(qtbot, lambda: hand_over(tmp_path / "lib.sqlite3", {"url": LINK})) is True
    qtbot.waitUntil(lambda: requests == [{"url": LINK}])


def test_a_later_instance_tells_nothing_to_a_server_of_another_user(
    server: InstanceServer, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = received(server)
    monkeypatch.setattr(single_instance, "peer_uid", lambda connection: os.getuid() + 1)
    assert in_thread(qtbot, lambda: hand_over(tmp_path / "lib.sqlite3", {"url": LINK})) is False
    qtbot.wait(100)
    assert requests == []  # hung up before sending a byte


@pytest.mark.skipif(sys.platform != "linux", reason="SO_PEERCRED")
def test_the_peer_user_is_read_from_the_kernel() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        assert single_instance_unix.peer_uid(left) == os.getuid()


def test_the_socket_is_for_this_user_only(server: InstanceServer, tmp_path: Path) -> None:
    status = os.lstat(socket_path(tmp_path / "lib.sqlite3"))
    assert stat.S_ISSOCK(status.st_mode)
    assert stat.S_IMODE(status.st_mode) == 0o600
    assert status.st_uid == os.getuid()


# -- a name taken by something that is not our window ---------------------------------------
class Squatter:
    """Something listening on the window's socket that is not a Yuedu window: it accepts,
    then says nothing or says `reply`."""

    def __init__(self, path: Path, reply: bytes | None) -> None:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(path))
        self.listener.listen(4)
        self.reply = reply
        self.held: list[socket.socket] = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)  # kept open: the client must give up by itself
            if self.reply is not None:
                try:
                    connection.recv(65536)
                    connection.sendall(self.reply)
                except OSError:
                    pass  # a probe that hung up at once

    def close(self) -> None:
        self.listener.close()
        for connection in self.held:
            connection.close()


@pytest.mark.parametrize(
    "reply", [None, b"garbage\n", b'{"ok": "sure"}\n', b"HTTP/1.0 200 OK\r\n\r\n", b""]
)
def test_a_squatter_that_gives_no_valid_answer_is_not_taken_for_the_window(
    runtime_dir: Path, tmp_path: Path, reply: bytes | None
) -> None:
    library = tmp_path / "lib.sqlite3"
    squatter = Squatter(socket_path(library), reply)
    try:
        started = time.monotonic()
        assert hand_over(library, {"url": LINK}) is False
        assert time.monotonic() - started < ANSWER_TIMEOUT_S + 1
        # The later instance opens its own window; it cannot have the name, and leaves it.
        server = InstanceServer(library)
        assert not server.listening
        assert stat.S_ISSOCK(os.lstat(socket_path(library)).st_mode)
        server.close()
        assert os.path.exists(socket_path(library))  # not ours to remove
    finally:
        squatter.close()


def test_a_refusal_from_the_window_still_counts_as_its_answer(
    runtime_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "lib.sqlite3"
    window = Squatter(socket_path(library), b'{"ok": false, "reason": "request too large"}\n')
    try:
        assert hand_over(library, {}) is True  # a window is there: no second one
        assert "refused the request: request too large" in capsys.readouterr().err
    finally:
        window.close()


def test_with_its_name_squatted_a_later_yuedu_opens_its_own_window_and_says_why(
    runtime_dir: Path, tmp_path: Path
) -> None:
    from tests.test_live_library_story import WindowProcess, isolated_env

    library = tmp_path / "lib.sqlite3"
    squatter = Squatter(socket_path(library), reply=None)
    window = WindowProcess(library, isolated_env(tmp_path / "state"), tmp_path / "window.err")
    try:
        assert window.answer()["ready"] is True  # a real window, on its library
        status, _ = window.quit()
        assert status == 0
        assert "cannot take over later requests" in window.stderr()
        assert "another program answers on" in window.stderr()
        assert stat.S_ISSOCK(os.lstat(socket_path(library)).st_mode)  # the squatter's, kept
    finally:
        window.kill()
        squatter.close()


def test_a_stale_socket_file_is_replaced(runtime_dir: Path, tmp_path: Path, qtbot: Any) -> None:
    library = tmp_path / "lib.sqlite3"
    path = socket_path(library)
    path.parent.mkdir(mode=0o700)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))
    crashed.listen(1)
    crashed.close()  # a window that died without removing its socket
    assert path.exists()
    started = time.monotonic()
    assert hand_over(library, {}) is False
    assert time.monotonic() - started < 1
    server = InstanceServer(library)
    try:
        assert server.listening
        requests = received(server)
        assert in_thread(qtbot, lambda: hand_over(library, {"url": LINK})) is True
        qtbot.waitUntil(lambda: requests == [{"url": LINK}])
    finally:
        server.close()
    assert not path.exists()  # a closed window leaves no socket behind


def test_a_stray_file_of_ours_under_the_name_is_replaced(runtime_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    path = socket_path(library)
    path.parent.mkdir(mode=0o700)
    path.write_bytes(b"not a socket")
    server = InstanceServer(library)
    assert server.listening
    assert stat.S_ISSOCK(os.lstat(path).st_mode)
    server.close()


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another user")
def test_a_file_of_another_user_under_the_name_is_never_removed(
    runtime_dir: Path, tmp_path: Path
) -> None:
    library = tmp_path / "lib.sqlite3"
    path = socket_path(library)
    path.parent.mkdir(mode=0o700)
    path.write_bytes(b"")
    os.chown(path, 12345, 12345)
    server = InstanceServer(library)
    assert not server.listening
    assert os.lstat(path).st_uid == 12345


def test_closing_leaves_a_later_window_s_socket_alone(
    runtime_dir: Path, tmp_path: Path, qtbot: Any
) -> None:
    library = tmp_path / "lib.sqlite3"
    first = InstanceServer(library)
    os.unlink(socket_path(library))  # as if swept away; a later window took the name
    second = InstanceServer(library)
    assert second.listening
    first.close()
    assert socket_path(library).exists()
    requests = received(second)
    assert in_thread(qtbot, lambda: hand_over(library, {})) is True
    qtbot.waitUntil(lambda: requests == [{}])
    second.close()


def test_a_server_dropped_without_closing_leaves_no_socket(
    runtime_dir: Path, tmp_path: Path
) -> None:
    library = tmp_path / "lib.sqlite3"
    server = InstanceServer(library)
    assert socket_path(library).exists()
    del server  # as start_session does when the library cannot be opened
    assert not socket_path(library).exists()


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
