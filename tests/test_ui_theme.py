"""Dark mode and themes (issue 16 §2): every colour Yuedu paints itself is readable in both
schemes, measured as WCAG 2 contrast ratios against the palettes the app really uses; and
the theme override switches the application's palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.ui.highlights import HIGHLIGHT_COLOURS, highlight_colour, marker_colour
from reader.ui.theme import (
    DARK_PAGE,
    THEME_DARK,
    THEME_LIGHT,
    THEME_SYSTEM,
    Theme,
    dark_palette,
    light_palette,
    theme_of,
)
from reader.ui.tones import PALETTES, contrast_ratio, is_dark, over, tone_colour

LIGHT_PAGES = ["#ffffff", "#f5f5f5", "#efefef"]  # common light pages and cards
DARK_PAGES = ["#000000", "#1e1e1e", "#2b2b2b", "#353535"]  # common dark ones


def scheme_backgrounds(dark: bool) -> tuple[QPalette, list[QColor]]:
    """The palette of the scheme and every background tone colours are drawn on in it: the
    page (base, pinyin above the text), the card (window) and the usual pages."""
    palette = dark_palette() if dark else light_palette()
    pages = [QColor(name) for name in (DARK_PAGES if dark else LIGHT_PAGES)]
    pages += [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)]
    return palette, pages


def test_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    # Half-transparent black over white is the mid grey a painter would produce.
    half = QColor(0, 0, 0, 128)
    assert over(half, QColor("#ffffff")).red() == pytest.approx(127, abs=1)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("scheme", sorted(PALETTES))
def test_every_tone_colour_reads_in_both_schemes(scheme: str, dark: bool, qapp: Any) -> None:
    palette, backgrounds = scheme_backgrounds(dark)
    for tone in range(1, 6):
        colour = tone_colour(f"ma{tone}", dark_background=dark, scheme=scheme)
        assert colour is not None
        for background in backgrounds:
            ratio = contrast_ratio(colour, background)
            assert ratio >= 3.0, (scheme, tone, colour.name(), background.name(), ratio)
    # Without colours the pinyin is the palette's text colour: body-text contrast.
    text = palette.color(QPalette.ColorRole.Text)
    assert contrast_ratio(text, palette.color(QPalette.ColorRole.Base)) >= 4.5


def test_the_colour_blind_palette_differs_from_the_five_colours(qapp: Any) -> None:
    """Okabe–Ito hues: no tone is the red or green the five-colour scheme relies on."""
    for dark in (False, True):
        for tone in range(1, 5):
            five = tone_colour(f"ma{tone}", dark_background=dark, scheme="five")
            safe = tone_colour(f"ma{tone}", dark_background=dark, scheme="colour_blind")
            assert five is not None and safe is not None and five != safe
    assert tone_colour("ma1", dark_background=False, scheme="none") is None


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name", list(HIGHLIGHT_COLOURS))
def test_highlights_and_their_comment_markers_read(name: str, dark: bool, qapp: Any) -> None:
    palette = dark_palette() if dark else light_palette()
    page = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    # What the eye sees: the translucent fill over the page.
    fill = over(highlight_colour(name, dark_background=dark), page)
    assert contrast_ratio(text, fill) >= 4.5, (name, fill.name(), text.name())
    # The comment marker and the selected outline sit on the fill's corner, next to the page:
    # graphics that carry meaning, 3:1 against both.
    marker = marker_colour(name, dark_background=dark)
    assert contrast_ratio(marker, page) >= 3.0, (name, marker.name(), page.name())
    assert contrast_ratio(marker, fill) >= 3.0, (name, marker.name(), fill.name())
    # The fill is told from the page at all (the reader sees where a highlight is).
    assert contrast_ratio(fill, page) > 1.1, (name, fill.name(), page.name())


def test_the_dark_palette_is_dark_and_the_light_one_light(qapp: Any) -> None:
    assert is_dark(dark_palette().color(QPalette.ColorRole.Base))
    assert is_dark(dark_palette().color(QPalette.ColorRole.Window))
    assert not is_dark(light_palette().color(QPalette.ColorRole.Base))
    for palette in (dark_palette(), light_palette()):
        for text, background in (
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
            (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
        ):
            assert contrast_ratio(palette.color(text), palette.color(background)) >= 4.5


@pytest.fixture
def theme(ui_window: Any, qapp: Any) -> Iterator[Theme]:
    theme = theme_of(qapp, ui_window.settings)
    yield theme
    theme.set_choice(THEME_SYSTEM)  # later tests get the platform's own palette back


def view_is_dark(window: Any) -> bool:
    return is_dark(window.reading_view.palette().color(QPalette.ColorRole.Base))


def test_the_override_switches_the_palette(
    theme: Theme, ui_window: Any, qapp: Any, qtbot: Any
) -> None:
    native_dark = view_is_dark(ui_window)
    theme.set_choice(THEME_DARK)
    assert theme.dark
    qtbot.waitUntil(lambda: view_is_dark(ui_window))  # widgets hear of it through events
    card = ui_window.cards.card
    qtbot.waitUntil(lambda: is_dark(card.palette().color(QPalette.ColorRole.Window)))
    assert ui_window.settings.value("appearance/theme") == THEME_DARK
    theme.set_choice(THEME_LIGHT)
    qtbot.waitUntil(lambda: not view_is_dark(ui_window))
    theme.set_choice(THEME_SYSTEM)
    qtbot.waitUntil(lambda: view_is_dark(ui_window) == native_dark)


def test_an_unknown_theme_is_refused_and_changes_nothing(theme: Theme, ui_window: Any) -> None:
    before = theme.choice
    with pytest.raises(ValueError, match="unknown theme"):
        theme.set_choice("sepia")
    assert theme.choice == before
    assert ui_window.settings.value("appearance/theme", THEME_SYSTEM) == before


def test_the_system_scheme_is_followed_live(theme: Theme, qapp: Any) -> None:
    """Qt 6.8+ lets the app request a scheme; where the platform honours it, the system
    scheme changes as it would when the desktop switches, and the palette follows."""
    from PySide6.QtCore import Qt

    hints = qapp.styleHints()
    if not hasattr(hints, "setColorScheme"):
        pytest.skip("Qt before 6.8 cannot change the scheme from the app")
    theme.set_choice(THEME_SYSTEM)
    try:
        hints.setColorScheme(Qt.ColorScheme.Dark)
        if hints.colorScheme() != Qt.ColorScheme.Dark:
            pytest.skip("this platform (offscreen?) does not switch schemes")
        assert is_dark(qapp.palette().color(QPalette.ColorRole.Base))
        hints.setColorScheme(Qt.ColorScheme.Light)
        if hints.colorScheme() != Qt.ColorScheme.Light:
            pytest.skip("this platform does not switch back to light")
        assert not is_dark(qapp.palette().color(QPalette.ColorRole.Base))
    finally:
        hints.unsetColorScheme()


def test_a_change_of_the_system_scheme_is_followed(
    theme: Theme, ui_window: Any, qapp: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the platform cannot be switched (offscreen), the desktop's switch is played:
    the scheme Qt reports becomes dark and Qt says it changed."""
    from PySide6.QtCore import Qt

    import reader.ui.theme as theme_module

    native_dark = view_is_dark(ui_window)
    theme.set_choice(THEME_SYSTEM)
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda *_: not native_dark)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: view_is_dark(ui_window) != native_dark)
    # An override wins over the system until the reader goes back to "system".
    theme.set_choice(THEME_DARK if native_dark else THEME_LIGHT)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: view_is_dark(ui_window) == native_dark)
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda *_: native_dark)
    theme.set_choice(THEME_SYSTEM)
    qtbot.waitUntil(lambda: view_is_dark(ui_window) == native_dark)


def test_a_window_started_dark_shows_the_byline_readably(
    ui_library: Any, ui_settings: Any, qapp: Any, qtbot: Any
) -> None:
    """The byline's colour is set in the document when the article is laid out. At start-up
    that happens before the widgets have heard of the dark palette (they do through posted
    events), and it came out near-black on the dark page."""
    from reader.ui.application import create_main_window

    ui_settings.setValue("appearance/theme", THEME_DARK)
    window = create_main_window(ui_library, ui_settings)  # no events processed in between
    qtbot.addWidget(window)
    try:
        document = window.reading_view.document()
        block = document.begin()
        while block.isValid() and block.text() != "记者 张三":
            block = block.next()
        assert block.isValid(), "the byline is shown"
        colour = block.begin().fragment().charFormat().foreground().color()
        page = QColor(DARK_PAGE)
        assert contrast_ratio(colour, page) >= 4.5, colour.name()
    finally:
        theme_of(qapp, ui_settings).set_choice(THEME_SYSTEM)
        window.service.shutdown()
        window.pinyin.shutdown()
