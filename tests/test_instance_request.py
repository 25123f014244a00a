"""What a second instance may ask of the open window, checked without Qt: only known keys,
links to articles that can exist, files that are readable regular files; the rest dropped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.instance_request import (
    MAX_FILES,
    MAX_REQUEST_BYTES,
    check_request,
    check_request_line,
    decode_answer,
    encode_answer,
    encode_request,
)

ANNOTATION = "00000000-0000-4000-8000-000000000001"


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text("一段文字。\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "url",
    [
        "yuedu://article/3",
        f"yuedu://article/3?annotation={ANNOTATION}",
        f"yuedu://article/{2**63 - 1}?annotation={ANNOTATION}",
    ],
)
def test_a_link_to_an_article_is_kept(url: str) -> None:
    checked = check_request({"url": url})
    assert checked.request == {"url": url}
    assert checked.ignored == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/article/3",
        "yuedu://article/0",
        f"yuedu://article/{2**63}",
        "yuedu://article/-3",
        "yuedu://article/３",  # a full-width digit is not an id
        "yuedu://note/3",
        "yuedu://article/3?annotation=not-a-uuid",
        f"yuedu://article/3?annotation={ANNOTATION}&run=rm",
        "yuedu://article/" + "9" * 5000,
        "",
        3,
        None,
        ["yuedu://article/3"],
    ],
)
def test_anything_but_such_a_link_is_dropped(url: object) -> None:
    checked = check_request({"url": url})
    assert checked.request == {}
    assert len(checked.ignored) == 1
    assert not checked.worth_acting_on


def test_readable_regular_files_are_kept_and_the_rest_dropped(
    tmp_path: Path, text_file: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link_to_file = tmp_path / "link.txt"
    link_to_file.symlink_to(text_file)
    names: list[object] = [
        str(text_file),
        str(tmp_path / "missing.txt"),
        str(folder),
        str(fifo),
        "page.txt",  # relative: to a folder this process does not know
        str(text_file) + "\0.txt",
        42,
        str(link_to_file),  # a link to a regular file is that file
    ]
    checked = check_request({"files": names})
    assert checked.request == {"files": [str(text_file), str(link_to_file)]}
    assert len(checked.ignored) == len(names) - 2
    assert any("not a regular file" in reason for reason in checked.ignored)


@pytest.mark.skipif(os.getuid() == 0, reason="root may read any file")
def test_a_file_the_user_cannot_read_is_dropped(text_file: Path) -> None:
    text_file.chmod(0)
    checked = check_request({"files": [str(text_file)]})
    assert checked.request == {}
    assert checked.ignored and "not readable" in checked.ignored[0]


@pytest.mark.parametrize("files", ["/etc/hostname", {"a": 1}, None])
def test_files_that_are_not_a_list_are_dropped(files: object) -> None:
    assert check_request({"files": files}).request == {}


def test_too_many_files_are_dropped_together(text_file: Path) -> None:
    checked = check_request({"files": [str(text_file)] * (MAX_FILES + 1)})
    assert checked.request == {}
    assert checked.ignored
    assert check_request({"files": [str(text_file)] * MAX_FILES}).request == {
        "files": [str(text_file)] * MAX_FILES
    }


def test_unknown_keys_are_dropped_and_the_known_part_kept(text_file: Path) -> None:
    checked = check_request({"url": "yuedu://article/5", "exec": "rm -rf ~", "files": []})
    assert checked.request == {"url": "yuedu://article/5"}
    assert checked.ignored == ["unknown key 'exec'"]
    only_unknown = check_request({"exec": "rm -rf ~"})
    assert only_unknown.request == {} and not only_unknown.worth_acting_on


def test_an_empty_request_just_brings_the_window_forward() -> None:
    checked, answer = check_request_line(b"{}")
    assert checked is not None and checked.request == {} and checked.worth_acting_on
    assert answer == {"ok": True}


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"\xff\xfe{}",
        b'["yuedu://article/3"]',
        b'"yuedu://article/3"',
        b"null",
        b"[" * 30_000 + b"]" * 30_000,  # nested past the parser's recursion limit
        b'{"url": "' + b"a" * MAX_REQUEST_BYTES + b'"}',
    ],
)
def test_a_line_that_is_no_request_is_refused_whole(line: bytes) -> None:
    checked, answer = check_request_line(line)
    assert checked is None
    assert answer["ok"] is False and isinstance(answer["reason"], str)


def test_the_answer_lists_what_was_ignored(text_file: Path) -> None:
    request = {"url": "yuedu://article/7", "files": [str(text_file), "/no/such/file"]}
    checked, answer = check_request_line(encode_request(request).rstrip(b"\n"))
    assert checked is not None
    assert checked.request == {"url": "yuedu://article/7", "files": [str(text_file)]}
    assert answer["ok"] is True
    assert isinstance(answer["ignored"], list) and "/no/such/file" in answer["ignored"][0]


def test_a_request_line_is_one_line_even_for_odd_file_names() -> None:
    line = encode_request({"files": ["/tmp/a\nb", "/tmp/\udcff"]})
    assert line.count(b"\n") == 1 and line.endswith(b"\n")
    assert json.loads(line) == {"files": ["/tmp/a\nb", "/tmp/\udcff"]}


@pytest.mark.parametrize(
    "line", [b"", b"garbage", b"{}", b'{"ok": "yes"}', b"[true]", b'{"ok": 1}', b"\xff"]
)
def test_only_a_real_answer_counts_as_one(line: bytes) -> None:
    assert decode_answer(line) is None


def test_answers_round_trip() -> None:
    line = encode_answer({"ok": False, "reason": "request too large"})
    assert line.endswith(b"\n")
    assert decode_answer(line.rstrip(b"\n")) == {"ok": False, "reason": "request too large"}
