"""A web server on the loopback address that only records the requests it gets: a document
that names it (an image, a style sheet, a DTD, an external entity) shows whether an import
tried to fetch anything, whether by Python or by the C parser underneath."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"FETCHED-FROM-THE-NETWORK")

    def log_message(self, format: str, *args: object) -> None:
        return None


@contextmanager
def listening_server() -> Iterator[tuple[str, list[str]]]:
    """(base URL, the paths requested so far) of a server stopped on leaving."""
    requests: list[str] = []
    handler = type("Recorder", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
