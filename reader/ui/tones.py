"""Tone colours: the usual five-colour scheme (as MDBG and Pleco use it), readable on light
and on dark backgrounds."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

from reader.text.pinyin_syllables import to_tone_marks, tone_number

TONE_COLOURS_NONE = "none"
TONE_COLOURS_FIVE = "five"
TONE_COLOUR_SCHEMES = (TONE_COLOURS_NONE, TONE_COLOURS_FIVE)

# tone → (on a light background, on a dark background). Each has a contrast of at least 3:1
# (WCAG's minimum for large text; most reach 4:1) against white and light-grey pages and
# cards, and against dark ones (tests/test_ui_reading_comfort.py measures it). The orange
# is a burnt orange: the brighter #c76b00 came to only 3.3:1 on a light-grey card.
_FIVE_COLOURS: dict[int, tuple[str, str]] = {
    1: ("#d40000", "#ff6b6b"),  # red
    2: ("#b35f00", "#ffb347"),  # orange
    3: ("#1e8a1e", "#6ee06e"),  # green
    4: ("#1f3fd1", "#7aa2ff"),  # blue
    5: ("#6b6b6b", "#a8a8a8"),  # grey, the neutral tone
}


def tone_colour(syllable: str, *, dark_background: bool) -> QColor | None:
    """The colour of `syllable` in the five-colour scheme, or None if it has no tone."""
    try:
        tone = tone_number(syllable)
    except ValueError:
        return None
    light, dark = _FIVE_COLOURS[tone]
    return QColor(dark if dark_background else light)


@lru_cache(maxsize=4096)
def marked(syllable: str) -> str:
    """Tone-marked spelling for display ("hang2" → "háng"), cached: painting asks often."""
    return to_tone_marks(syllable)


def is_dark(colour: QColor) -> bool:
    return colour.lightnessF() < 0.5


def coloured_pinyin_html(syllables: list[str] | tuple[str, ...], *, dark_background: bool) -> str:
    """Numbered syllables as tone-marked, tone-coloured HTML (a syllable with no tone, or a
    spelling the colours do not know, stays in the text's colour)."""
    from html import escape

    parts = []
    for syllable in syllables:
        shown = escape(marked(syllable))
        colour = tone_colour(syllable, dark_background=dark_background)
        parts.append(
            f'<span style="color:{colour.name()}">{shown}</span>' if colour is not None else shown
        )
    return " ".join(parts)
