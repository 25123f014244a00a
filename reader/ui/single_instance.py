"""One window per library: a second `yuedu` on the same library hands its request (a deep
link to open, files to import) to the window already running and exits, so two windows never
race on one file. Talks over a QLocalServer named after the library's path."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 2000


def server_name(library_path: Path) -> str:
    digest = hashlib.sha256(str(Path(library_path).resolve()).encode("utf-8")).hexdigest()
    return f"yuedu-{digest[:24]}"


def hand_over(library_path: Path, request: dict[str, object]) -> bool:
    """Send `request` to a window already open on this library; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps(request).encode("utf-8") + b"\n")
    socket.flush()  # usually writes it all at once; else wait for the rest
    sent = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(WRITE_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """Listens for requests from later instances; `request_received` carries each one."""

    request_received = Signal(dict)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        name = server_name(library_path)
        if not self.server.listen(name):
            # A server left behind by a crashed instance (the probe above found nobody).
            QLocalServer.removeServer(name)
            self.server.listen(name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        buffer = bytearray()

        def read() -> None:
            buffer.extend(bytes(socket.readAll()))
            if b"\n" not in buffer:
                return
            line = bytes(buffer).split(b"\n", 1)[0]
            try:
                request = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                return  # not one of ours: ignore
            if isinstance(request, dict):
                self.request_received.emit(request)

        # The socket is the server's child and goes with it: a later instance connects a
        # handful of times per session, so none are deleted earlier.
        socket.readyRead.connect(read)
        if socket.bytesAvailable():
            read()
