"""The window's side of the single-instance channel on Linux and macOS
(reader/ui/single_instance.py): a non-blocking listening Unix socket watched by a
QSocketNotifier, each connection read by its own notifier under a size and a time cap, so
no later instance, slow or hostile, can stall the window. Connections from another user id
are dropped where the kernel tells (Linux, macOS)."""

from __future__ import annotations

import errno
import logging
import os
import socket
import stat
import struct
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

if TYPE_CHECKING:
    from reader.instance_request import CheckedRequest

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 0.5
# How long a connection may take to deliver its request before the window hangs up.
REQUEST_TIMEOUT_MS = 2000
MAX_OPEN_CONNECTIONS = 8


class NameTaken(Exception):
    """Something we may not remove holds the socket's name: another user's file, or a
    program that answers there (which, had it been our window, would have been handed over
    to)."""


def peer_uid(connection: socket.socket) -> int | None:
    """The user id of the process at the other end, or None where the platform cannot say
    (there the 0700 folder alone keeps other users out)."""
    if hasattr(socket, "SO_PEERCRED"):  # Linux: struct ucred {pid_t, uid_t, gid_t}
        credentials = connection.getsockopt(
            socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("iII")
        )
        return struct.unpack("iII", credentials)[1]
    if sys.platform == "darwin" or "bsd" in sys.platform:
        return _getpeereid(connection)
    return None


def _getpeereid(connection: socket.socket) -> int | None:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
        if libc.getpeereid(connection.fileno(), ctypes.byref(uid), ctypes.byref(gid)) != 0:
            return None
    except (OSError, AttributeError):
        return None
    return uid.value


def unlink_if_dead(path: Path) -> None:
    """Remove a socket file nobody listens on any more (a crashed window's), never one that
    answers or one that is not ours."""
    status = os.lstat(path)
    if status.st_uid != os.getuid():
        raise NameTaken(f"{path} belongs to user {status.st_uid}")
    if stat.S_ISSOCK(status.st_mode):
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.settimeout(CONNECT_TIMEOUT_S)
            probe.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            pass  # dead
        else:
            raise NameTaken(f"another program answers on {path}")
        finally:
            probe.close()
    os.unlink(path)


class UnixListener:
    """A listening Unix socket driven by the Qt event loop, one notifier per connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.listening = False
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            try:
                self._socket.bind(str(path))
            except OSError as error:
                if error.errno != errno.EADDRINUSE:
                    raise
                unlink_if_dead(path)
                self._socket.bind(str(path))
            os.chmod(path, 0o600)
            bound = os.lstat(path)
            self._identity = (bound.st_dev, bound.st_ino)
            self._socket.listen(MAX_OPEN_CONNECTIONS)
            self._socket.setblocking(False)
        except (OSError, NameTaken):
            self._socket.close()
            raise
        self._connections: set[Connection] = set()
        self._notifier: QSocketNotifier | None = None

    def start(self, owner: QObject, deliver: Callable[[CheckedRequest], None]) -> None:
        # Nothing here holds `owner`: dropped without close(), it goes, and this with it
        # (__del__), as a QLocalServer would.
        self._deliver = weakref.WeakMethod(deliver)
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, owner)
        self._notifier.activated.connect(self._accept)
        self.listening = True

    def close(self) -> None:
        if self.listening:
            self.listening = False
            for connection in list(self._connections):
                connection.close()
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
        self._release()

    def __del__(self) -> None:
        self._release()

    def _release(self) -> None:
        if not hasattr(self, "_identity") or self._socket.fileno() == -1:
            return  # never bound, or released already
        self._socket.close()
        try:  # only our own file: a later window may already listen under this name
            status = os.lstat(self.path)
            if (status.st_dev, status.st_ino) == self._identity:
                os.unlink(self.path)
        except OSError:
            pass

    def _accept(self) -> None:
        while self.listening:
            try:
                descriptor, _address = self._socket._accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                log.warning("single instance: accept failed: %s", error)
                return
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0, descriptor)
            try:
                uid = peer_uid(connection)
            except OSError:
                uid = -1  # who it is cannot be told: not someone to listen to
            if uid is not None and uid != os.getuid():
                log.warning("single instance: dropped a connection from user %s", uid)
                connection.close()
            elif len(self._connections) >= MAX_OPEN_CONNECTIONS:
                log.warning("single instance: too many connections at once; dropped one")
                connection.close()
            else:
                self._connections.add(Connection(connection, self, self._notifier))

    def finished(self, connection: Connection, checked: CheckedRequest | None) -> None:
        self._connections.discard(connection)
        deliver = self._deliver()
        if checked is not None and self.listening and deliver is not None:
            deliver(checked)


class Connection:
    """One later instance's connection: read its line without blocking, answer, hang up.
    Over-long or slow senders are answered (if possible) and dropped."""

    def __init__(self, connection: socket.socket, listener: UnixListener, owner: QObject) -> None:
        self._socket = connection
        self._listener = listener
        self._received = bytearray()
        self._open = True
        connection.setblocking(False)
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, owner)
        self._notifier.activated.connect(self._read)
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._timer.start(REQUEST_TIMEOUT_MS)

    def _read(self) -> None:
        from reader.instance_request import MAX_REQUEST_BYTES, check_request_line, refuse

        while self._open:
            try:
                chunk = self._socket.recv(MAX_REQUEST_BYTES)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                chunk = b""
            self._received.extend(chunk)
            if b"\n" in self._received:
                line = bytes(self._received).split(b"\n", 1)[0]
                checked, answer = check_request_line(line)
                self._finish(answer, checked)
            elif len(self._received) > MAX_REQUEST_BYTES:
                self._finish(refuse("request too large"), None)
            elif not chunk:  # hung up before a whole line
                self._finish(None, None)

    def _timed_out(self) -> None:
        from reader.instance_request import refuse

        if self._open:
            self._finish(refuse("request not received in time"), None)

    def _finish(self, answer: dict[str, object] | None, checked: CheckedRequest | None) -> None:
        # Answer and hang up before acting: the window may open a dialog (a nested event
        # loop), and the later instance must not wait on it.
        if answer is not None:
            from reader.instance_request import encode_answer

            try:
                self._socket.send(encode_answer(answer))
            except OSError:
                pass  # gone, or not reading: it gets no answer
        self.close()
        self._listener.finished(self, checked)

    def close(self) -> None:
        if not self._open:
            return
        self._open = False
        self._timer.stop()
        self._timer.deleteLater()
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._socket.close()
