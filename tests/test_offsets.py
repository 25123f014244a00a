"""Code points ↔ UTF-16: astral characters count two in Qt, one in our stored offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.offsets import Snap, Utf16Map

TEXT = "甲𠮷乙😀丙"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_astral_characters_count_two_in_utf16() -> None:
    mapping = Utf16Map(TEXT)
    assert [mapping.to_utf16(i) for i in range(len(TEXT) + 1)] == [0, 1, 3, 4, 6, 7]
    assert mapping.utf16_length == 7


def test_hovering_bing_gives_bing() -> None:
    mapping = Utf16Map(TEXT)
    # 丙 starts at UTF-16 position 6: the character there is 丙, not 😀's second half.
    assert TEXT[mapping.to_code_point(6)] == "丙"
    assert TEXT[mapping.to_code_point(4)] == "😀"


def test_positions_inside_a_surrogate_pair_snap() -> None:
    mapping = Utf16Map(TEXT)
    assert mapping.to_code_point(2, Snap.BEFORE) == 1  # inside 𠮷 → its start
    assert mapping.to_code_point(2, Snap.AFTER) == 2  # → its end
    assert mapping.to_code_point(5, Snap.AFTER) == 4


def test_bmp_only_text_is_the_identity() -> None:
    mapping = Utf16Map("银行行长")
    assert [mapping.to_code_point(i) for i in range(5)] == list(range(5))


# Pieces, some of several code points: ZWJ emoji sequences and combining accents.
pieces = st.sampled_from(list("甲乙丙 a\n") + ["𠮷", "😀", "👩\u200d💻", "\u00e9", "e\u0301"])
texts = st.lists(pieces, max_size=30).map("".join)


@given(texts)
def test_round_trip_agrees_with_python_encoding(text: str) -> None:
    mapping = Utf16Map(text)
    for index in range(len(text) + 1):
        expected = utf16_len(text[:index])
        assert mapping.to_utf16(index) == expected
        assert mapping.to_code_point(expected) == index
        assert mapping.to_code_point(expected, Snap.AFTER) == index
