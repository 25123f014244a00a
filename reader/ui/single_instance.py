"""One window per library: a second `yuedu` on the same library hands its request (a deep
link to open, files to import) to the window already running and exits, so two windows never
race on one file.

On Linux and macOS the channel is a Unix socket in a folder only this user can enter
($XDG_RUNTIME_DIR/yuedu, else `yuedu-<uid>` in the temp folder, mode 0700, checked), named
after the library's path. The later instance is plain blocking Python with short timeouts (no
Qt network module to load: start-up time); the window's side is a non-blocking socket watched
by QSocketNotifiers, so no request can stall the window. On Linux the window also drops
connections from any other user id. On Windows a QLocalServer restricted to this user does
the same job. The request and answer lines are in reader/instance_request.py.

A later instance counts as handed over only when a window answered: a name held by something
that is not our window (a stale file, a program that never answers) makes it open normally.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# Start-up time: `hand_over` runs before the window's frame is painted. The JSON lines
# (reader.instance_request) are loaded only when a window answers or a request arrives;
# Python's `socket` (~3 ms: it builds enums of every constant) only when a socket file is
# there to connect to, or when the window starts listening (after its frame is painted);
# the name is hashed by Qt, already loaded, not `hashlib` (~3 ms: it loads OpenSSL).
from PySide6.QtCore import QCryptographicHash, QObject, Signal

if TYPE_CHECKING:
    import socket

    from reader.instance_request import CheckedRequest
    from reader.ui.single_instance_unix import UnixListener
    from reader.ui.single_instance_windows import LocalSocketListener

log = logging.getLogger(__name__)

# The whole exchange, answer included: a window busy for longer is taken for none.
ANSWER_TIMEOUT_S = 2.0
USE_UNIX_SOCKETS = os.name == "posix"


class UnsafeFolder(Exception):
    """The socket folder cannot be trusted (someone else's, open to others, a symlink)."""


def server_name(library_path: Path) -> str:
    path = str(Path(library_path).resolve()).encode("utf-8", "surrogateescape")
    digest = bytes(QCryptographicHash.hash(path, QCryptographicHash.Algorithm.Sha512).toHex())
    digest = digest.decode("ascii")  # as hashlib.sha512(path).hexdigest(): names unchanged
    return f"yuedu-{digest[:24]}"


def socket_folder() -> Path:
    """The per-user folder holding the sockets: the runtime folder when the session has a
    usable one (owned by this user, as the XDG spec promises), else the temp folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and owned_by_me_and_private(Path(runtime)):
        return Path(runtime) / "yuedu"
    # TMPDIR as tempfile.gettempdir() would take it, without its probing writes (start-up).
    temp = os.environ.get("TMPDIR", "")
    return Path(temp if os.path.isabs(temp) else "/tmp") / f"yuedu-{os.getuid()}"


def owned_by_me_and_private(folder: Path) -> bool:
    try:
        check_folder(folder)
    except UnsafeFolder:
        return False
    return True


def check_folder(folder: Path, uid: int | None = None) -> None:
    """UnsafeFolder unless `folder` is a real folder (not a symlink) owned by `uid` (this
    user) that nobody else may write to."""
    uid = os.getuid() if uid is None else uid
    try:
        status = os.lstat(folder)
    except OSError as error:
        raise UnsafeFolder(f"{folder}: {error.strerror}") from None
    if not stat.S_ISDIR(status.st_mode):
        raise UnsafeFolder(f"{folder} is not a folder")
    if status.st_uid != uid:
        raise UnsafeFolder(f"{folder} belongs to user {status.st_uid}, not {uid}")
    if status.st_mode & 0o022:
        raise UnsafeFolder(f"{folder} may be written by others")


def ensure_socket_folder() -> Path:
    """The socket folder, made 0700 if missing; UnsafeFolder when it cannot be trusted."""
    folder = socket_folder()
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as error:
        raise UnsafeFolder(f"cannot make {folder}: {error.strerror}") from None
    check_folder(folder)
    if stat.S_IMODE(os.lstat(folder).st_mode) & 0o077:
        os.chmod(folder, 0o700)  # ours and not writable by others: close it to readers too
    return folder


def socket_path(library_path: Path, folder: Path | None = None) -> Path:
    digest = server_name(library_path).removeprefix("yuedu-")
    return (folder or socket_folder()) / f"{digest}.sock"


def hand_over(library_path: Path, request: dict[str, object]) -> bool:
    """Send `request` to a window already open on this library. True once a window answered
    (any reasons it gave for ignoring parts are printed); False when none did."""
    if USE_UNIX_SOCKETS:
        answer = _hand_over_unix(library_path, request)
    else:
        from reader.instance_request import encode_request
        from reader.ui.single_instance_windows import hand_over_local_socket

        answer = hand_over_local_socket(server_name(library_path), encode_request(request))
    if answer is None:
        return False
    if not answer["ok"]:
        sys.stderr.write(f"yuedu: the open window refused the request: {answer.get('reason')}\n")
    ignored = answer.get("ignored")
    for reason in ignored if isinstance(ignored, list) else []:
        sys.stderr.write(f"yuedu: the open window ignored {str(reason)[:300]}\n")
    return True


def _hand_over_unix(library_path: Path, request: dict[str, object]) -> dict[str, object] | None:
    """The window's answer, or None when no window of ours answered in time."""
    folder = socket_folder()
    try:
        check_folder(folder)
    except UnsafeFolder as error:
        if os.path.lexists(folder):
            log.warning("single instance: not using %s", error)
        return None  # no folder yet: nobody is listening
    path = socket_path(library_path, folder)
    if not os.path.lexists(path):
        return None  # nobody is listening (a window removes its socket when it closes)
    import socket

    from reader.ui.single_instance_unix import CONNECT_TIMEOUT_S, peer_uid

    deadline = time.monotonic() + ANSWER_TIMEOUT_S
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(CONNECT_TIMEOUT_S)
        client.connect(str(path))
        server_uid = peer_uid(client)
        if server_uid is not None and server_uid != os.getuid():
            log.warning("single instance: the socket is user %s's, not ours", server_uid)
            return None  # our request (file names) is not for them
        from reader.instance_request import decode_answer, encode_request

        client.settimeout(max(0.01, deadline - time.monotonic()))
        client.sendall(encode_request(request))
        return decode_answer(_read_line(client, deadline))
    except OSError:  # none listening, refused, reset, timed out
        return None
    finally:
        client.close()


def _read_line(client: socket.socket, deadline: float) -> bytes:
    """One line, or b"" when none came whole before the deadline (raises TimeoutError)."""
    from reader.instance_request import MAX_ANSWER_BYTES

    received = bytearray()
    while b"\n" not in received and len(received) < MAX_ANSWER_BYTES:
        client.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = client.recv(MAX_ANSWER_BYTES)
        if not chunk:
            break
        received.extend(chunk)
    return bytes(received).split(b"\n", 1)[0] if b"\n" in received else b""


class InstanceServer(QObject):
    """Listens for requests from later instances; `request_received` carries each checked
    one. `listening` is False when the name could not be had (then this window just runs
    alone; the reason is logged)."""

    request_received = Signal(dict)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend: UnixListener | None = None
        self._local_server: LocalSocketListener | None = None
        if not USE_UNIX_SOCKETS:
            from reader.ui.single_instance_windows import LocalSocketListener

            self._local_server = LocalSocketListener(server_name(library_path), self._deliver)
            self._local_server.setParent(self)
            return
        from reader.ui.single_instance_unix import NameTaken, UnixListener

        try:
            self._backend = UnixListener(socket_path(library_path, ensure_socket_folder()))
        except (UnsafeFolder, NameTaken, OSError) as error:
            log.warning(
                "single instance: this window cannot take over later requests (a later `yuedu`"
                " on this library opens its own window): %s",
                error,
            )
            return
        self._backend.start(self, self._deliver)

    @property
    def listening(self) -> bool:
        if self._local_server is not None:
            return self._local_server.listening
        return self._backend is not None and self._backend.listening

    def close(self) -> None:
        if self._local_server is not None:
            self._local_server.close()
        if self._backend is not None:
            self._backend.close()

    def _deliver(self, checked: CheckedRequest) -> None:
        if checked.worth_acting_on:
            self.request_received.emit(checked.request)
