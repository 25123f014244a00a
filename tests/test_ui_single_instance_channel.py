"""The single-instance channel under attack and accident: a private socket folder, other
users' connections dropped, squatters and stale files not mistaken for our window. (POSIX:
the Unix socket side; what is sent over it: test_ui_single_instance_requests.py.)"""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui import single_instance_unix
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
from tests.single_instance_helpers import (
    LINK,
    Squatter,
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
    monkeypatch.setattr(single_instance_unix, "peer_uid", lambda connection: os.getuid() + 1)
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
