"""Tone colours: the usual five-colour scheme (as MDBG and Pleco use it), readable on light
and on dark backgrounds."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

from reader.text.pinyin_syllables import to_tone_marks, tone_number
from reader.ui.theme import is_dark  # noqa: F401  (the painters ask it here, beside the tones)

TONE_COLOURS_NONE = "none"
TONE_COLOURS_FIVE = "five"
TONE_COLOURS_COLOUR_BLIND = "colour_blind"
TONE_COLOUR_SCHEMES = (TONE_COLOURS_NONE, TONE_COLOURS_FIVE, TONE_COLOURS_COLOUR_BLIND)

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

# A palette for readers who do not tell red from green: Okabe and Ito's colours (vermillion,
# bluish green, blue, reddish purple), which stay apart under the common colour-vision
# deficiencies, darkened for light pages and lightened for dark ones to keep the 3:1.
_COLOUR_BLIND_COLOURS: dict[int, tuple[str, str]] = {
    1: ("#c04f00", "#ff8c42"),  # vermillion
    2: ("#007a5a", "#3ddbb0"),  # bluish green
    3: ("#0072b2", "#56b4e9"),  # blue / sky blue
    4: ("#a8467f", "#e89ccb"),  # reddish purple
    5: ("#6b6b6b", "#a8a8a8"),  # grey, the neutral tone
}
PALETTES: dict[str, dict[int, tuple[str, str]]] = {
    TONE_COLOURS_FIVE: _FIVE_COLOURS,
    TONE_COLOURS_COLOUR_BLIND: _COLOUR_BLIND_COLOURS,
}


def tone_colour(
    syllable: str, *, dark_background: bool, scheme: str = TONE_COLOURS_FIVE
) -> QColor | None:
    """The colour of `syllable` in `scheme`, or None if it has no tone or the scheme is
    "none"."""
    palette = PALETTES.get(scheme)
    if palette is None:
        return None
    try:
        tone = tone_number(syllable)
    except ValueError:
        return None
    light, dark = palette[tone]
    return QColor(dark if dark_background else light)


@lru_cache(maxsize=4096)
def marked(syllable: str) -> str:
    """Tone-marked spelling for display ("hang2" → "háng"), cached: painting asks often."""
    return to_tone_marks(syllable)


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


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(fill: QColor, background: QColor) -> QColor:
    """`fill` (with its alpha) painted over an opaque `background`: what the eye sees."""
    alpha = fill.alphaF()
    return QColor.fromRgbF(
        fill.redF() * alpha + background.redF() * (1 - alpha),
        fill.greenF() * alpha + background.greenF() * (1 - alpha),
        fill.blueF() * alpha + background.blueF() * (1 - alpha),
    )
