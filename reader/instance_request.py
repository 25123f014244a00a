"""What a second `yuedu` may ask of the window already open on its library, checked before
anything is done with it (Qt-free, so it is tested without a window).

The wire protocol of the single-instance channel (reader/ui/single_instance.py): the later
instance sends one line of JSON, an object with at most the keys "url" (a
`yuedu://article/<id>[?annotation=<uuid>]` deep link) and "files" (absolute paths of files to
import); the window answers one line, {"ok": true} (with "ignored": reasons for parts it
dropped) or {"ok": false, "reason": ...}. The channel is reachable by its owner only, but a
request is still treated as untrusted input: whatever does not check out is dropped and
logged, never acted on.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# One request line, newline included. A thousand long paths fit; a megabyte of junk does not.
MAX_REQUEST_BYTES = 64 * 1024
MAX_ANSWER_BYTES = 4 * 1024
MAX_FILES = 1000
MAX_URL_CHARS = 2048
# Article ids are SQLite integers; anything past them is not an article.
MAX_ARTICLE_ID = 2**63 - 1
KNOWN_KEYS = ("url", "files")


@dataclass
class CheckedRequest:
    """What survived the checks (`request`, with only valid parts) and why the rest did not."""

    request: dict[str, object] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    @property
    def worth_acting_on(self) -> bool:
        """Something valid to do, or a plain "come forward" (an empty request): a request
        whose every part was dropped does nothing at all."""
        return bool(self.request) or not self.ignored


def encode_request(request: dict[str, object]) -> bytes:
    return json.dumps(request, ensure_ascii=True).encode("ascii") + b"\n"


def encode_answer(answer: dict[str, object]) -> bytes:
    return json.dumps(answer, ensure_ascii=True).encode("ascii")[: MAX_ANSWER_BYTES - 1] + b"\n"


def decode_answer(line: bytes) -> dict[str, object] | None:
    """The window's answer, or None when `line` is not one (garbage, or not from a window)."""
    try:
        answer = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
        return None
    return answer


def check_request_line(line: bytes) -> tuple[CheckedRequest | None, dict[str, object]]:
    """One received line → (the checked request, or None when the whole line is refused; the
    answer to send back)."""
    if len(line) > MAX_REQUEST_BYTES:
        return None, refuse("request too large")
    try:
        raw = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None, refuse("not a JSON line")
    if not isinstance(raw, dict):
        return None, refuse("not a JSON object")
    checked = check_request(raw)
    answer: dict[str, object] = {"ok": True}
    if checked.ignored:
        answer["ignored"] = checked.ignored
    return checked, answer


def refuse(reason: str) -> dict[str, object]:
    log.warning("single-instance request refused: %s", reason)
    return {"ok": False, "reason": reason}


def check_request(raw: dict[object, object]) -> CheckedRequest:
    """Keep the valid parts of a decoded request; log and list what is dropped."""
    checked = CheckedRequest()
    for key in raw:
        if key not in KNOWN_KEYS:
            checked.ignored.append(f"unknown key {str(key)[:40]!r}")
    if "url" in raw:
        url, reason = check_url(raw["url"])
        if url is not None:
            checked.request["url"] = url
        else:
            checked.ignored.append(reason)
    if "files" in raw:
        files, reasons = check_files(raw["files"])
        if files:
            checked.request["files"] = files
        checked.ignored.extend(reasons)
    for reason in checked.ignored:
        log.warning("single-instance request: ignored %s", reason)
    return checked


def check_url(value: object) -> tuple[str | None, str]:
    """A deep link to an article that can exist → (the link, ""); else (None, why not)."""
    if not isinstance(value, str):
        return None, "a link that is not a string"
    if len(value) > MAX_URL_CHARS:
        return None, "a link that is too long"
    # Lazy: the parser's package is not needed until a request arrives.
    from reader.export.deep_links import parse_deep_link

    try:
        article_id, _annotation = parse_deep_link(value)
    except ValueError as error:
        return None, f"a bad link ({str(error)[:200]})"
    if not 1 <= article_id <= MAX_ARTICLE_ID:
        return None, f"a link to article {str(article_id)[:40]}, which cannot exist"
    return value, ""


def check_files(value: object) -> tuple[list[str], list[str]]:
    """(the paths that are readable regular files, why each other one was dropped)."""
    if not isinstance(value, list):
        return [], ["a file list that is not a list"]
    if len(value) > MAX_FILES:
        return [], [f"a list of {len(value)} files (at most {MAX_FILES})"]
    kept: list[str] = []
    reasons: list[str] = []
    for name in value:
        reason = file_problem(name)
        if reason is None:
            assert isinstance(name, str)
            kept.append(name)
        else:
            reasons.append(reason)
    return kept, reasons


def file_problem(name: object) -> str | None:
    """Why `name` is not a file this user may import, or None when it is one."""
    if not isinstance(name, str):
        return "a file name that is not a string"
    shown = repr(name[:200])
    if not os.path.isabs(name):
        # Relative to the sender's folder, which this process does not know.
        return f"{shown}: not an absolute path"
    try:
        status = os.stat(name)
    except (OSError, ValueError) as error:  # ValueError: an embedded NUL
        return f"{shown}: {getattr(error, 'strerror', None) or error}"
    if not stat.S_ISREG(status.st_mode):
        return f"{shown}: not a regular file"
    if not os.access(name, os.R_OK):
        return f"{shown}: not readable"
    return None
