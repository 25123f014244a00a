"""GB18030 with UTF-8 in it (a tail appended, lines pasted in) is refused with the byte
offset where the UTF-8 starts, small or streamed, and nothing is imported; real GBK text,
simplified or traditional, with lines of any length, is not taken for such a mix."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest

from reader.importer import ImportRefused, import_path
from reader.library import Library
from reader.text import decode
from reader.text.decode import decode_bytes, decode_stream
from reader.text.decode_mixed import STRONG, WEAK, first_utf8_line, line_kind
from tests.shared_data import NOVEL, needs_shared

GB_LINE = "今天天气很好，我们一起去公园散步吧。\n"
# UTF-8 tails of every kind: astral hanzi, emoji, plain CJK lines long and short (one
# character, two, an even count whose GB18030 reading decodes), CRLF, mixed with ASCII.
UTF8_TAILS = [
    "𠮷野家 😀\n",
    "😀\n",
    "好\n",
    "你好\n",
    "说之\n主边\n并上\n顽们\n",
    "時間\n學習\n",  # traditional: each alone could be GBK by chance, not two in a row
    "第二部分：银行行长来了。\r\n他说：“Hello，世界！”\r\n",
    "　　这是用另一种编码写的一段很长的文字，它被接在了文件的末尾。\n" * 3,
    "Chapter 2 第二章 结束\n",
]


def _read_streamed(data: bytes) -> str:
    return "".join(decode_stream(io.BytesIO(data), file_name="mixed.txt").pieces)


@contextmanager
def _streamed(sample_bytes: int = 4096, read_bytes: int = 1000) -> Iterator[None]:
    """Small files take the large-file path, read in small parts (lines cut between)."""
    with (
        mock.patch.object(decode, "SAMPLE_BYTES", sample_bytes),
        mock.patch.object(decode, "READ_BYTES", read_bytes),
    ):
        yield


@pytest.mark.parametrize("tail", UTF8_TAILS)
@pytest.mark.parametrize("lines", [3, 40, 2000])
def test_a_utf8_tail_after_gb18030_is_refused_at_its_offset(tail: str, lines: int) -> None:
    head = (GB_LINE * lines).encode("gb18030")
    data = head + tail.encode("utf-8")
    with pytest.raises(ImportRefused, match=f"GB18030.*offset {len(head)}\\b"):
        decode_bytes(data, file_name="mixed.txt")
    # Streamed (the file is over the sample size), the tail cut between parts anywhere.
    head = (GB_LINE * max(lines, 300)).encode("gb18030")
    data = head + tail.encode("utf-8")
    for read_bytes in (7, 1000, 65536):
        with _streamed(read_bytes=read_bytes):
            with pytest.raises(ImportRefused, match=f"GB18030.*offset {len(head)}\\b"):
                _read_streamed(data)


def test_utf8_lines_in_the_middle_are_refused_at_the_first_one() -> None:
    head = (GB_LINE * 500).encode("gb18030")
    middle = "　　中间这两行是UTF-8。\n另一行。\n".encode()
    data = head + middle + (GB_LINE * 500).encode("gb18030")
    with pytest.raises(ImportRefused, match=f"offset {len(head)}\\b"):
        decode_bytes(data)
    with _streamed(), pytest.raises(ImportRefused, match=f"offset {len(head)}\\b"):
        _read_streamed(data)


def test_a_big_gb18030_file_with_a_utf8_tail_imports_nothing(tmp_path: Path) -> None:
    """The tester's file: over the 8 MB at which a file is streamed."""
    head = (GB_LINE * 230_000).encode("gb18030")
    assert len(head) > decode.SAMPLE_BYTES
    path = tmp_path / "gbk-big.txt"
    path.write_bytes(head + "𠮷野家 😀\n".encode())
    library = Library.open(tmp_path / "lib.sqlite")
    with pytest.raises(ImportRefused, match=f"GB18030.*offset {len(head)}\\b"):
        import_path(library, path)
    assert library.article_count() == 0 and library.list_articles() == []


def test_a_named_gb18030_is_read_as_asked() -> None:
    data = (GB_LINE * 5).encode("gb18030") + "𠮷野家\n".encode()
    assert decode_bytes(data, encoding="GB18030").text == data.decode("gb18030")


def test_line_kinds() -> None:
    assert line_kind("𠮷野家 😀".encode()) == STRONG  # private-use characters in GB18030
    assert line_kind("好".encode()) == STRONG  # an odd byte: not GB18030 at all
    assert line_kind("说之".encode()) == STRONG  # rare hanzi in GB18030, common in UTF-8
    assert line_kind("時間".encode()) == WEAK  # rare in GB18030, traditional in UTF-8
    assert line_kind("穰將".encode("gb18030")) == WEAK  # reads as 𦌢 alone in UTF-8
    assert line_kind("鎮沒".encode("gb18030")) == WEAK  # reads as 悛] in UTF-8
    assert line_kind("今天".encode("gb18030")) is None  # not UTF-8
    assert first_utf8_line(b"plain ASCII\n" * 3) is None


def _short_lines(chars: list[str], seed: int) -> str:
    rng = random.Random(seed)
    return "".join(
        "".join(rng.choice(chars) for _ in range(rng.randint(1, 5))) + "\n" for _ in range(60_000)
    )


@needs_shared
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_real_gbk_text_is_not_taken_for_a_mix(script: str) -> None:
    """The novel in GB18030, and tens of thousands of short lines of its characters (the
    lines most likely to look like UTF-8 by chance), small and streamed."""
    novel = NOVEL.read_bytes().decode("utf-8").replace("\r\n", "\n")
    if script == "traditional":
        from reader.text.script_conversion import ScriptChoice, convert

        novel = convert(novel, ScriptChoice.TRADITIONAL)
    chars = sorted({ch for ch in novel if "\u4e00" <= ch <= "\u9fff"})
    for text in (novel, novel[:200_000] + _short_lines(chars, seed=len(script))):
        data = text.encode("gb18030")
        decoded = decode_bytes(data)
        assert decoded.encoding == "GB18030" and decoded.text == text
        with _streamed(sample_bytes=100_000, read_bytes=65536):
            assert _read_streamed(data) == text
