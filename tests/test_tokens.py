"""Token lookup by offset and the readings layered over it."""

from __future__ import annotations

from reader.text.tokens import ArticleReadings, TokenIndex

TEXT = "银行𠮷行动。\nABC 长大"
ENDS = [2, 3, 5, 6, 7, 10, 11, 13]  # 银行|𠮷|行动|。|\n|ABC|␠|长大


def test_index_at_finds_the_token_under_each_character() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    assert [tokens.word(tokens.index_at(i)) for i in (0, 1, 2, 3, 4, 12)] == [
        "银行",
        "银行",
        "𠮷",
        "行动",
        "行动",
        "长大",
    ]
    assert tokens.index_at(len(TEXT)) is None


def test_only_words_with_han_are_chinese_and_the_word_cursor_skips_the_rest() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    assert [tokens.is_chinese(i) for i in range(len(tokens))] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
        True,
    ]
    assert tokens.next_chinese(2, 1) == 7
    assert tokens.next_chinese(7, -1) == 2
    assert tokens.next_chinese(None, 1) == 0
    assert tokens.next_chinese(None, -1) == 7
    assert tokens.next_chinese(7, 1) is None


def test_paragraphs_split_at_line_break_tokens() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    assert list(tokens.paragraphs()) == [(0, 4, 0, 6), (5, 8, 7, 13)]


def test_override_wins_over_resolver_and_shows_per_character() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    readings = ArticleReadings(tokens, {(0, 2): ("yin2", "xing2")})
    assert readings.reading(0) == ("yin2", "xing2")
    readings.set_resolved(0, [("yin2", "hang2"), (None,), ("xing2", "dong4")])
    assert readings.reading(0) == ("yin2", "xing2")  # the reader's correction stays
    assert readings.automatic_reading(0) == ("yin2", "hang2")
    assert readings.per_char[:5] == ["yin2", "xing2", None, "xing2", "dong4"]
    readings.set_override(0, 2, None)
    assert readings.per_char[:2] == ["yin2", "hang2"]
    assert not readings.is_resolved(7)
    assert readings.is_resolved(4)  # "\n" has no reading to wait for


def test_sync_overrides_applies_only_the_differences_and_keeps_resolved_readings() -> None:
    tokens = TokenIndex(TEXT, ENDS)
    readings = ArticleReadings(tokens, {(0, 2): ("yin2", "xing2"), (11, 13): ("zhang3", "da4")})
    readings.set_resolved(0, [("yin2", "hang2"), (None,), ("xing2", "dong4")])
    # Stored now (another process changed them): 银行 reset, 行动 corrected, 长大 as it was.
    stored = {(3, 5): ("hang2", "dong4"), (11, 13): ("zhang3", "da4")}
    assert readings.sync_overrides(stored) is True
    assert not readings.is_overridden(0)
    assert readings.reading(0) == ("yin2", "hang2")  # the resolver's reading is back
    assert readings.reading(2) == ("hang2", "dong4")
    assert readings.reading(7) == ("zhang3", "da4")
    assert readings.per_char[:5] == ["yin2", "hang2", None, "hang2", "dong4"]
    assert readings.sync_overrides(stored) is False  # nothing differs: nothing to redraw
    assert readings.sync_overrides({}) is True
    assert readings.per_char[3:5] == ["xing2", "dong4"] and readings.per_char[11:] == [None] * 2
