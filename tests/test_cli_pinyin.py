"""`yuedu pinyin`: one JSON line per text, both styles, standard input, code-point offsets."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import main
from tests.shared_data import REPO_ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    status = main(["--db", str(Path(os.environ["YUEDU_DICTIONARY"]).parent / "lib.db"), *argv])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    return status, lines, captured.err


def test_json_shape_and_marks(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "pinyin", "我去银行取钱。", "重庆很热")
    assert status == 0
    assert [line["text"] for line in lines] == ["我去银行取钱。", "重庆很热"]
    first = lines[0]
    assert set(first) == {"text", "tokens"}
    for token in first["tokens"]:
        assert set(token) == {"word", "start", "end", "pinyin"}
        assert first["text"][token["start"] : token["end"]] == token["word"]
        assert len(token["pinyin"]) == len(token["word"])
    bank = next(t for t in first["tokens"] if t["word"] == "银行")
    assert bank["pinyin"] == ["yín", "háng"]
    assert first["tokens"][-1] == {"word": "。", "start": 6, "end": 7, "pinyin": [None]}
    assert lines[1]["tokens"][0]["pinyin"] == ["chóng", "qìng"]


def test_numbers_style_neutral_tone_and_u_colon(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "pinyin", "--style", "numbers", "我的绿书包。")
    assert status == 0
    flat = [s for token in lines[0]["tokens"] for s in token["pinyin"]]
    assert flat == ["wo3", "de5", "lu:4", "shu1", "bao1", None]
    status, lines, _ = run(capsys, "pinyin", "我的绿书包。")
    flat = [s for token in lines[0]["tokens"] for s in token["pinyin"]]
    assert flat == ["wǒ", "de", "lǜ", "shū", "bāo", None]


def test_offsets_count_code_points_and_non_han_is_null(capsys: pytest.CaptureFixture[str]) -> None:
    text = "𠮷野家 abc 123，好。"
    status, lines, _ = run(capsys, "pinyin", text)
    assert status == 0
    tokens = lines[0]["tokens"]
    assert tokens[-1]["end"] == len(text) == 14
    assert "".join(t["word"] for t in tokens) == text
    by_char = {}
    for token in tokens:
        for offset, syllable in enumerate(token["pinyin"]):
            by_char[token["start"] + offset] = syllable
    for index in (3, 4, 5, 6, 7, 8, 9, 10, 11, 13):  # space, Latin, digits, punctuation
        assert by_char[index] is None, text[index]
    assert by_char[12] == "hǎo"
    ye = next(t for t in tokens if "野" in t["word"])
    assert ye["start"] == text.index("野") == 1


def test_standard_input_many_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines_in = [f"第{i}行：他去银行还款了。" for i in range(600)] + ["", "abc"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines_in) + "\n"))
    status, lines, _ = run(capsys, "pinyin", "--style", "numbers")
    assert status == 0
    assert [line["text"] for line in lines] == lines_in
    last_chinese = lines[599]
    flat = [s for token in last_chinese["tokens"] for s in token["pinyin"]]
    text = last_chinese["text"]
    assert flat[text.index("银行") + 1] == "hang2"
    assert flat[text.index("还款")] == "huan2"
    assert lines[600] == {"text": "", "tokens": []}
    assert all(s is None for t in lines[601]["tokens"] for s in t["pinyin"])


def test_subprocess_stdin_and_bad_input() -> None:
    env = {**os.environ}
    good = subprocess.run(
        [sys.executable, "main.py", "pinyin", "--style", "numbers"],
        cwd=REPO_ROOT,
        input="了解\n睡着了\n".encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    outputs = [json.loads(line) for line in good.stdout.decode().splitlines()]
    assert [t["pinyin"] for t in outputs[0]["tokens"]] == [["liao3", "jie3"]]
    assert b"PySide6" not in good.stderr
    bad = subprocess.run(
        [sys.executable, "main.py", "pinyin"],
        cwd=REPO_ROOT,
        input=b"\xff\xfe\xfa bad\n",
        capture_output=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.decode().count("\n") == 1 and "UTF-8" in bad.stderr.decode()


def test_cli_does_not_import_qt() -> None:
    code = (
        "import sys\n"
        "from reader.app import main\n"
        "main(['pinyin', '好'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
