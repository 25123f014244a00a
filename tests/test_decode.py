"""Decoding: every common Chinese encoding reads right; bad input is refused in words."""

from __future__ import annotations

import codecs

import pytest

from reader.text.decode import ImportRefused, decode_bytes
from tests.shared_data import ENCODINGS, needs_shared

# A phrase known to be in each corpus file, and the encoding it is in.
CORPUS_FILES = [
    ("big5__ude_1.txt", "Big5", "維基大典"),
    ("gb2312__ude_1.txt", "GB18030", "汉语，又称中文"),
    ("gb18030_744521a-gbk.txt", "GB18030", "在汉朝的王次仲创立楷书"),
    ("utf_16_le_sample_chinese_no_bom.txt", "UTF-16LE", "我没有埋怨"),
]


@needs_shared
@pytest.mark.parametrize(("file_name", "encoding", "phrase"), CORPUS_FILES)
def test_corpus_file_decodes_to_the_right_text(file_name: str, encoding: str, phrase: str) -> None:
    data = (ENCODINGS / file_name).read_bytes()
    decoded = decode_bytes(data, file_name=file_name)
    assert decoded.encoding == encoding
    assert phrase in decoded.text


@needs_shared
def test_big5_is_not_mistaken_for_gb18030() -> None:
    data = (ENCODINGS / "big5__ude_1.txt").read_bytes()
    data.decode("gb18030")  # the trap: these bytes are also "valid" GB18030
    decoded = decode_bytes(data)
    assert decoded.text == data.decode("big5").replace("\r\n", "\n")


def test_gbk_only_characters_do_not_fail() -> None:
    # 镕 and the traditional 體 are in GBK but not in GB2312.
    text = "朱镕基总理谈繁體字與简化字的问题。这段文字用于测试编码识别是否正确。" * 2
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    assert decode_bytes(data).text == text


SAMPLE = (
    "兴县实施城乡融合发展战略，建设更高层次宜居兴县。\r\n第二段：Hello world 银行。\r第三段。\n"
)
EXPECTED = (
    "兴县实施城乡融合发展战略，建设更高层次宜居兴县。\n第二段：Hello world 银行。\n第三段。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "UTF-16LE"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "UTF-16BE"),
        (SAMPLE.encode("utf-16-le"), "UTF-16LE"),
        (SAMPLE.encode("utf-16-be"), "UTF-16BE"),
        ((SAMPLE * 4).encode("gb18030"), "GB18030"),
    ],
)
def test_encodings_and_line_endings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert "\r" not in decoded.text
    assert decoded.text.startswith(EXPECTED)


def test_traditional_text_in_big5_reads_as_big5() -> None:
    text = "我們今天去北京開會，討論經濟發展問題。這是一個很長的句子，用來測試編碼偵測。" * 3
    assert decode_bytes(text.encode("big5")).text == text


def test_a_named_encoding_wins() -> None:
    text = "银行行长说明天开会。"
    assert decode_bytes(text.encode("gb18030"), encoding="GB18030").text == text
    with pytest.raises(ImportRefused, match="cannot be read as UTF-8"):
        decode_bytes(text.encode("gb18030"), encoding="UTF-8")


def test_short_ambiguous_input_says_which_encoding_was_chosen() -> None:
    decoded = decode_bytes("汉语".encode("gbk"), file_name="short.txt")
    assert not decoded.confident
    assert any("short.txt" in w and decoded.encoding in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b" \r\n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "JPEG image"),
        (b"%PDF-1.7\n%binary", "PDF document"),
        ("正常的文本，后面有二进制。".encode() + b"\x00\x00\x01\x02\x00abc", "NUL bytes"),
        (bytes(range(1, 32)) * 20, "does not look like text"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        decode_bytes(data, file_name="bad.txt")


def test_utf8_with_a_few_damaged_bytes_is_read_with_them_replaced() -> None:
    """As readers do: a flipped byte or a character cut in two does not refuse a file."""
    good = ("第一段文字，讲述春天的故事。\n" * 200).encode("utf-8")
    damaged = bytearray(good)
    damaged[100] = 0xFF  # inside a character
    damaged[2000:2001] = b""  # a character cut in two
    decoded = decode_bytes(bytes(damaged), file_name="story.txt")
    assert decoded.encoding == "UTF-8"
    assert decoded.text.count("\ufffd") == 3
    assert "story.txt: 3 place(s) with bytes that are not UTF-8" in decoded.warnings[0]
    assert decoded.text.replace("\ufffd", "")[:5] == "第一段文字"


def test_text_in_another_encoding_is_not_taken_for_damaged_utf8() -> None:
    text = "第一段文字，讲述春天的故事。\n" * 200
    gbk = decode_bytes(text.encode("gbk"), file_name="gbk.txt")
    assert gbk.encoding != "UTF-8" and gbk.text == text and not gbk.warnings
    mixed = text.encode("utf-8") + text.encode("gbk")
    with pytest.raises(ImportRefused):
        decode_bytes(mixed, file_name="mixed.txt")
