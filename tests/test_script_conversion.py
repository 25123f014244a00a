"""Simplified/traditional display (issue 16 §4): OpenCC's conversion and the position map
that keeps stored offsets working."""

from __future__ import annotations

import pytest

from reader.text import script_conversion
from reader.text.offsets import ShownTextMap, Snap
from reader.text.script_conversion import ScriptChoice, ShownText, convert, shown_text

pytest.importorskip("opencc")

TRADITIONAL_TO_SIMPLIFIED = [
    ("乾隆", "乾隆"),  # an emperor's name keeps 乾
    ("幹部", "干部"),
    ("幹活", "干活"),
    ("頭髮", "头发"),
    ("發展", "发展"),
    ("後來", "后来"),
    ("皇后", "皇后"),  # the empress keeps 后
]
SIMPLIFIED_TO_TRADITIONAL = [
    ("乾隆", "乾隆"),
    ("干部", "幹部"),
    ("头发", "頭髮"),
    ("发展", "發展"),
    ("后来", "後來"),
    ("皇后", "皇后"),
]


@pytest.mark.parametrize(("written", "simplified"), TRADITIONAL_TO_SIMPLIFIED)
def test_traditional_words_to_simplified(written: str, simplified: str) -> None:
    assert convert(written, ScriptChoice.SIMPLIFIED) == simplified


@pytest.mark.parametrize(("written", "traditional"), SIMPLIFIED_TO_TRADITIONAL)
def test_simplified_words_to_traditional(written: str, traditional: str) -> None:
    assert convert(written, ScriptChoice.TRADITIONAL) == traditional


def test_as_written_changes_nothing() -> None:
    text = "頭髮和头发"
    shown = shown_text(text, ScriptChoice.AS_WRITTEN)
    assert shown.shown == text and shown.source_offset(3) == 3


def test_a_sentence_keeps_every_offset() -> None:
    text = "他後來在皇后那裏幹活，頭髮白了。\n乾隆年間，發展很快。"
    shown = shown_text(text, ScriptChoice.SIMPLIFIED)
    assert shown.shown == "他后来在皇后那里干活，头发白了。\n乾隆年间，发展很快。"
    start = text.index("頭髮")
    assert shown.shown_slice(start, start + 2) == "头发"
    # Stored offsets ↔ shown offsets are the identity when no length changed.
    assert shown.shown_offset(start) == start
    assert shown.source_offset(start + 2, round_up=True) == start + 2


def _length_changing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that turns one phrase into a longer one, as OpenCC's phrase tables may;
    character by character it converts one for one, as OpenCC does."""
    characters = str.maketrans("電腦頭髮長", "电脑头发长")

    class Fake:
        def convert(self, text: str) -> str:
            return text.replace("電腦", "计算机").translate(characters)

    monkeypatch.setattr(script_conversion, "_converter", lambda choice: Fake())


def test_a_phrase_that_changes_length_keeps_the_text_around_it_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _length_changing(monkeypatch)
    text = "我的電腦，頭髮𠀀長。"
    shown = shown_text(text, ScriptChoice.SIMPLIFIED)
    assert shown.shown == "我的计算机，头发𠀀长。"
    hair = text.index("頭髮")
    assert shown.shown_slice(hair, hair + 2) == "头发"
    computer = text.index("電腦")
    assert shown.shown_slice(computer, computer + 2) == "计算机"
    # A selection of the whole shown phrase maps back to the whole stored phrase; one that
    # starts or ends inside it grows to the phrase, never shrinks into it.
    shown_start = shown.shown.index("计算机")
    assert shown.source_offset(shown_start) == computer
    assert shown.source_offset(shown_start + 3, round_up=True) == computer + 2
    assert shown.source_offset(shown_start + 2, round_up=True) == computer + 2
    assert shown.source_offset(len(shown.shown)) == len(text)


def test_shown_text_map_composes_conversion_and_utf16(monkeypatch: pytest.MonkeyPatch) -> None:
    _length_changing(monkeypatch)
    text = "𠀀電腦頭髮。"  # an astral character first: UTF-16 counts it twice
    shown = shown_text(text, ScriptChoice.SIMPLIFIED)
    positions = ShownTextMap(text, shown)
    assert positions.utf16_length == len(shown.shown) + 1
    hair = text.index("頭髮")  # stored 3; shown 4 (计算机 is one longer); UTF-16 5
    assert positions.to_utf16(hair) == 5
    assert positions.to_code_point(5) == hair
    assert positions.to_code_point(7, Snap.AFTER) == hair + 2
    plain = ShownTextMap(text)
    assert plain.to_utf16(hair) == hair + 1


def test_unknown_setting_is_as_written() -> None:
    assert ScriptChoice.parse("klingon") is ScriptChoice.AS_WRITTEN
    assert ScriptChoice.parse("traditional") is ScriptChoice.TRADITIONAL
    assert isinstance(shown_text("", ScriptChoice.TRADITIONAL), ShownText)
