"""Shared by the single-instance channel tests: a private runtime folder, a listening
server, a raw client, and a squatter that is not our window."""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from reader.ui.single_instance import InstanceServer

LINK = "yuedu://article/3?annotation=00000000-0000-4000-8000-000000000001"


@contextmanager
def private_runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR, short enough for a socket path."""
    folder = Path(tempfile.mkdtemp(prefix="yr", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if not path.is_dir() or path.is_symlink() else path.rmdir()
        folder.rmdir()


@contextmanager
def listening_server(library: Path) -> Iterator[InstanceServer]:
    instance = InstanceServer(library)
    assert instance.listening
    try:
        yield instance
    finally:
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
