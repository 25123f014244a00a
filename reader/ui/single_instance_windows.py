"""The single-instance channel on Windows, which has no Unix sockets for us to use: a
QLocalServer (a named pipe) that only this user may open, speaking the same lines as the
Unix socket (reader/instance_request.py). Imported only on Windows, so the Qt network module
costs nothing elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.instance_request import (
    MAX_ANSWER_BYTES,
    MAX_REQUEST_BYTES,
    CheckedRequest,
    check_request_line,
    decode_answer,
    encode_answer,
    refuse,
)

CONNECT_TIMEOUT_MS = 500
ANSWER_TIMEOUT_MS = 2000
REQUEST_TIMEOUT_MS = 2000


def hand_over_local_socket(name: str, line: bytes) -> dict[str, object] | None:
    """Send one request line to the window listening as `name`; its answer, or None."""
    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    client.write(line)
    if not client.waitForBytesWritten(ANSWER_TIMEOUT_MS):
        client.abort()
        return None
    received = bytearray()
    while b"\n" not in received and len(received) < MAX_ANSWER_BYTES:
        if not client.bytesAvailable() and not client.waitForReadyRead(ANSWER_TIMEOUT_MS):
            break
        received.extend(bytes(client.read(MAX_ANSWER_BYTES)))
    client.abort()
    if b"\n" not in received:
        return None
    return decode_answer(bytes(received).split(b"\n", 1)[0])


class LocalSocketListener(QObject):
    """A QLocalServer for this user only; each connection's line is checked and answered,
    then `deliver` gets it."""

    def __init__(self, name: str, deliver: Callable[[CheckedRequest], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a crashed window's (the probe found nobody)
            self.server.listen(name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while (connection := self.server.nextPendingConnection()) is not None:
            self._serve(connection)

    def _serve(self, connection: QLocalSocket) -> None:
        received = bytearray()
        timer = QTimer(connection)
        timer.setSingleShot(True)
        done = False

        def finish(answer: dict[str, object], checked: CheckedRequest | None) -> None:
            nonlocal done
            done = True
            timer.stop()
            connection.write(encode_answer(answer))
            if connection.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                connection.deleteLater()
            else:
                connection.disconnected.connect(connection.deleteLater)
                connection.disconnectFromServer()  # once the answer is written
            if checked is not None:
                self._deliver(checked)

        def read() -> None:
            while not done and connection.bytesAvailable():
                received.extend(bytes(connection.read(MAX_REQUEST_BYTES + 1)))
                if b"\n" in received:
                    line = bytes(received).split(b"\n", 1)[0]
                    checked, answer = check_request_line(line)
                    finish(answer, checked)
                elif len(received) > MAX_REQUEST_BYTES:
                    finish(refuse("request too large"), None)

        def timed_out() -> None:
            if not done:
                finish(refuse("request not received in time"), None)

        timer.timeout.connect(timed_out)
        connection.readyRead.connect(read)
        timer.start(REQUEST_TIMEOUT_MS)
        read()
