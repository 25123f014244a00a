"""Light and dark: follow the system's colour scheme (Qt's `styleHints().colorScheme()`, live
as it changes) unless the reader chose one in Preferences.

Everything Yuedu paints itself takes its colours from the palette (tone colours, highlight
fills, comment markers and the card ask `is_dark` of the background they are drawn on), so
switching the application's palette is all a theme change needs. Where the platform already
gives the palette the reader wants, it is kept; otherwise the Fusion style gets one of the
palettes below (Linux desktops without a dark Qt theme, an override against the system).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

if TYPE_CHECKING:  # Qt's namespace costs ~12 ms to build: not before the window's frame
    from PySide6.QtCore import Qt

SETTINGS_THEME = "appearance/theme"
THEME_SYSTEM, THEME_LIGHT, THEME_DARK = "system", "light", "dark"
THEMES = (THEME_SYSTEM, THEME_LIGHT, THEME_DARK)

# The dark palette's colours: a near-black page (not black: white text on pure black
# smears for many readers), a lighter window for the card and panels, soft white text.
DARK_PAGE = "#1e1e1e"
DARK_WINDOW = "#2b2b2b"
DARK_TEXT = "#e6e6e6"
_DARK_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: DARK_WINDOW,
    QPalette.ColorRole.WindowText: DARK_TEXT,
    QPalette.ColorRole.Base: DARK_PAGE,
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: DARK_TEXT,
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Text: DARK_TEXT,
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: DARK_TEXT,
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#303030",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7aa2ff",
    QPalette.ColorRole.LinkVisited: "#c0aeff",
}
_DARK_DISABLED = "#7a7a7a"


def is_dark(colour: QColor) -> bool:
    """Whether text on `colour` wants the dark theme's colours (tones, fills, markers)."""
    return colour.lightnessF() < 0.5


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def system_prefers_dark(app: QGuiApplication, native: QPalette) -> bool:
    """The system's scheme; where the platform does not say, what its palette looks like."""
    from PySide6.QtCore import Qt

    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return is_dark(native.color(QPalette.ColorRole.Window))


_made: list[Theme] = []  # the application's theme, once made


def _theme_made_for(app: QApplication) -> Theme | None:
    """The theme made for `app`, if any (kept here: `app.findChild(Theme)` costs ~4 ms the
    first time, start-up time)."""
    from shiboken6 import isValid

    return next((t for t in _made if isValid(t) and t.parent() is app), None)


class Theme(QObject):
    """The application's theme: one per application, shared by its windows."""

    changed = Signal(bool)  # dark or not, after the palette changed

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        super().__init__(app)
        self._app = app
        self.settings = settings
        # What the platform gave, kept to go back to when its own palette is what is wanted.
        # (A copy already: QPalette(palette) would be ~11 ms, its overloads take Qt's enums.)
        self._native_palette = app.palette()
        self._native_style: str | None = None  # read before the first change (start-up time)
        self._applied: str | None = None  # "native", THEME_LIGHT or THEME_DARK
        value = str(settings.value(SETTINGS_THEME, THEME_SYSTEM))
        self.choice = value if value in THEMES else THEME_SYSTEM
        self._following_system = False
        _made[:] = [self]

    def follow_system(self) -> None:
        """Follow the system's scheme as it changes (from `theme_of`: connecting builds Qt's
        namespace, ~12 ms, which `theme_for_the_frame` must not pay)."""
        if not self._following_system:
            self._app.styleHints().colorSchemeChanged.connect(self._system_changed)
            self._following_system = True

    @property
    def dark(self) -> bool:
        if self.choice == THEME_SYSTEM:
            return system_prefers_dark(self._app, self._native_palette)
        return self.choice == THEME_DARK

    def set_choice(self, choice: str) -> None:
        if choice not in THEMES:
            raise ValueError(f"unknown theme {choice!r}; expected one of {', '.join(THEMES)}")
        self.choice = choice
        self.settings.setValue(SETTINGS_THEME, choice)
        self.apply()

    @property
    def native_is_dark(self) -> bool:
        return is_dark(self._native_palette.color(QPalette.ColorRole.Window))

    def apply(self) -> None:
        dark = self.dark
        wanted = "native" if dark == self.native_is_dark else (THEME_DARK if dark else THEME_LIGHT)
        if wanted == self._applied or (wanted == "native" and self._applied is None):
            self._applied = wanted
            return
        if self._native_style is None:
            self._native_style = self._app.style().name()
        if wanted == "native":
            self._app.setStyle(self._native_style)
            self._app.setPalette(self._native_palette)
        else:
            # Native styles may ignore a palette's colours; Fusion's outlines of unchecked
            # boxes vanish on a dark window, so the dark theme redraws them (indicator_style).
            if dark:
                from reader.ui.indicator_style import IndicatorOutlineStyle

                self._app.setStyle(IndicatorOutlineStyle())
            else:
                self._app.setStyle("Fusion")
            self._app.setPalette(dark_palette() if dark else light_palette())
        self._applied = wanted
        self.changed.emit(dark)

    def apply_to_the_frame(self) -> None:
        """The chosen theme, before the window's frame is painted (`theme_for_the_frame`)."""
        if self.choice == THEME_DARK and not self.native_is_dark and self._applied is None:
            # The dark palette only (~2 ms): the style drawing its outlines (~8 ms) comes
            # with `theme_of` once the frame is painted, which applies the whole theme.
            self._app.setPalette(dark_palette())
        else:
            self.apply()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == THEME_SYSTEM:
            self.apply()


def theme_of(app: QApplication, settings: QSettings) -> Theme:
    """The application's theme, made the first time a window asks, and applied as stored
    in `settings` (each window's settings are the application's, except in tests)."""
    theme = _theme_made_for(app)
    if theme is None:
        theme = Theme(app, settings)
    else:
        theme.settings = settings
        value = str(settings.value(SETTINGS_THEME, THEME_SYSTEM))
        theme.choice = value if value in THEMES else THEME_SYSTEM
    theme.follow_system()
    theme.apply()
    return theme


def theme_for_the_frame(app: QApplication, settings: QSettings) -> None:
    """Before the window's first frame is painted: the theme the reader chose in Preferences
    (dark or light), so that the frame does not flash in the other. "System" is left to
    `theme_of` once the frame is painted: asking Qt for the system's scheme builds Qt's
    namespace (~12 ms, start-up time), and the platform's own palette, which the frame is
    painted in, already follows the system's scheme on most desktops."""
    choice = str(settings.value(SETTINGS_THEME, THEME_SYSTEM))
    if choice not in (THEME_LIGHT, THEME_DARK):
        return
    (_theme_made_for(app) or Theme(app, settings)).apply_to_the_frame()
