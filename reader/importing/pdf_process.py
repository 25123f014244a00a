"""Run `reader.importing.pdf_worker` in a child process with a time and a memory limit.
Qt-free.

Whatever the PDF does to the native library — crash it, hang it, make it allocate without
end — the child dies or is killed, and the import ends in `ImportRefused` with the reason
in words; the window (or the command line) that asked goes on. The child sends plain data
(JSON lines, see the worker's docstring); this side parses it into `PdfPage`s.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

from reader import messages
from reader.importing.pdf_worker import FROZEN_WORKER_FLAG
from reader.text.decode import ImportRefused


def worker_command(frozen: bool) -> list[str]:
    """How to start the worker: `python -m` from a Python installation; a frozen build's
    executable (which has no `-m`) is started again with the worker's flag."""
    if frozen:
        return [sys.executable, FROZEN_WORKER_FLAG]
    return [sys.executable, "-m", "reader.importing.pdf_worker"]


# The command that starts the worker; the tests replace it with one that crashes or hangs.
WORKER_COMMAND: list[str] = worker_command(getattr(sys, "frozen", False))
MEMORY_LIMIT_BYTES = 2 * 1024**3
# The child's time: this much to start and open the file, and this much more a page.
BASE_SECONDS = 60.0
SECONDS_PER_PAGE = 2.0
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class PdfPage:
    """One page as the worker saw it (see `reader.importing.pdf_worker`)."""

    index: int
    width: float
    height: float
    runs: list[list[Any]]
    boxes: list[list[float]]
    images: int
    outside: int


@dataclass(frozen=True)
class PdfPages:
    page_count: int
    pages: list[PdfPage]


def read_pdf_pages(
    file: BinaryIO,
    file_name: str,
    pages: range | None,
    checkpoint: Callable[[float, str], None],
) -> PdfPages:
    """The pages `pages` (0-based; None: all) of the PDF in `file`, read by the worker.
    `checkpoint` gets the fraction of pages read; when it raises (a cancel) the child is
    killed and the exception goes on."""
    path = _file_path(file)
    first, end = (pages.start, pages.stop) if pages is not None else (0, 1 << 30)
    command = [*WORKER_COMMAND, path or "-", str(first), str(end), str(MEMORY_LIMIT_BYTES)]
    try:
        child = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL if path else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_environment(),
        )
    except OSError as error:
        raise _unreadable(
            file_name,
            messages.message("the PDF reader could not start ({detail})", detail=str(error)),
        ) from error
    lines: queue.Queue[bytes | None] = queue.Queue()
    threads = [threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True)]
    errors: list[bytes] = []
    threads.append(threading.Thread(target=_collect, args=(child.stderr, errors), daemon=True))
    if path is None:
        threads.append(threading.Thread(target=_feed, args=(child.stdin, file), daemon=True))
    for thread in threads:
        thread.start()
    try:
        return _receive(child, lines, errors, file_name, pages, checkpoint)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for thread in threads:
            thread.join(timeout=1)


def _receive(
    child: subprocess.Popen[bytes],
    lines: queue.Queue[bytes | None],
    errors: list[bytes],
    file_name: str,
    pages: range | None,
    checkpoint: Callable[[float, str], None],
) -> PdfPages:
    deadline = time.monotonic() + BASE_SECONDS
    page_count: int | None = None
    wanted = 0
    received: list[PdfPage] = []
    while True:
        try:
            line = lines.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            checkpoint(len(received) / max(wanted, 1), messages.message("Reading pages"))
            if time.monotonic() > deadline:
                raise _unreadable(file_name, messages.message("reading it took too long")) from None
            continue
        if line is None:  # the child closed its output: finished, or died
            break
        message = _parse(line, file_name)
        if "error" in message:
            raise _refusal_for(message, file_name)
        if "page_count" in message:
            page_count = int(message["page_count"])
            wanted = len(_selected(page_count, pages, file_name))
            deadline += SECONDS_PER_PAGE * wanted
        elif "page" in message:
            received.append(_page(message, file_name))
            checkpoint(len(received) / max(wanted, 1), messages.message("Reading pages"))
    status = child.wait()
    if page_count is None or status != 0 or len(received) != wanted:
        raise _unreadable(file_name, _death(status, errors))
    return PdfPages(page_count, received)


def _selected(page_count: int, pages: range | None, file_name: str) -> range:
    if pages is None:
        return range(page_count)
    if pages.start >= page_count or pages.stop > page_count:
        if page_count == 1:
            refusal = messages.message(
                "{file} has 1 page: pages {first}-{last} are not all in it. Nothing was imported.",
                file=file_name,
                first=pages.start + 1,
                last=pages.stop,
            )
        else:
            refusal = messages.message(
                "{file} has {count} pages: pages {first}-{last} are not all in it. Nothing "
                "was imported.",
                file=file_name,
                count=page_count,
                first=pages.start + 1,
                last=pages.stop,
            )
        raise ImportRefused(refusal)
    return pages


def _parse(line: bytes, file_name: str) -> dict[str, Any]:
    try:
        message = json.loads(line)
    except ValueError:
        raise _unreadable(file_name, _GARBLED) from None
    if not isinstance(message, dict):
        raise _unreadable(file_name, _GARBLED)
    return message


def _page(message: dict[str, Any], file_name: str) -> PdfPage:
    try:
        return PdfPage(
            int(message["page"]),
            float(message["width"]),
            float(message["height"]),
            list(message["runs"]),
            list(message["boxes"]),
            int(message["images"]),
            int(message["outside"]),
        )
    except (KeyError, TypeError, ValueError):
        raise _unreadable(file_name, _GARBLED) from None


def _refusal_for(message: dict[str, Any], file_name: str) -> ImportRefused:
    kind = message.get("error")
    if kind == "password":
        return ImportRefused(
            messages.message(
                "{file} is encrypted with a password; Yuedu cannot open it. Save an "
                "unprotected copy and import that. Nothing was imported.",
                file=file_name,
            )
        )
    if kind == "security":
        return ImportRefused(
            messages.message(
                "{file} is protected by a security handler Yuedu cannot open. Nothing was "
                "imported.",
                file=file_name,
            )
        )
    if kind == "format":
        return _unreadable(file_name, messages.message("it is damaged or not a PDF"))
    return _unreadable(file_name, str(message.get("detail") or "unknown error"))


# The child's answer could not be parsed.
_GARBLED = messages.message("the PDF reader sent something unreadable")


def _unreadable(file_name: str, reason: str) -> ImportRefused:
    return ImportRefused(
        messages.message(
            "{file}: this PDF could not be read: {reason}. Nothing was imported.",
            file=file_name,
            reason=reason,
        )
    )


def _death(status: int, errors: list[bytes]) -> str:
    """Why the child ended without all the pages, in words."""
    detail = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return messages.message("the PDF reader crashed ({signal})", signal=name)
    if detail and "MemoryError" in detail[-1]:
        return messages.message(
            "it needed more than {limit} MB of memory", limit=MEMORY_LIMIT_BYTES // 1024**2
        )
    if detail:
        return messages.message("the PDF reader failed ({detail})", detail=detail[-1][:200])
    return messages.message("the PDF reader stopped early (exit status {status})", status=status)


def _file_path(file: BinaryIO) -> str | None:
    """The path of a real file on disk, which the child opens itself; None for a buffer."""
    name = getattr(file, "name", None)
    if isinstance(name, str) and os.path.isfile(name):
        return os.path.abspath(name)
    return None


def _child_environment() -> dict[str, str]:
    """The parent's environment, with this package importable from the child."""
    environment = dict(os.environ)
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    existing = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = package_root + (os.pathsep + existing if existing else "")
    return environment


def _pump(stream: IO[bytes], lines: queue.Queue[bytes | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _collect(stream: IO[bytes], errors: list[bytes]) -> None:
    # Only the end matters (the last lines of a traceback): keep memory bounded.
    for line in stream:
        errors.append(line)
        del errors[:-20]


def _feed(stream: IO[bytes], file: BinaryIO) -> None:
    try:
        while chunk := file.read(1 << 20):
            stream.write(chunk)
    except (BrokenPipeError, OSError):
        pass  # the child died or was killed: its exit says why
    finally:
        try:
            stream.close()
        except OSError:
            pass
