"""How the text is set, as chosen in Preferences: the reading font and its size, the line
spacing, the page width and the size of the pinyin above the text. Stored in QSettings; the
reading view lays itself out anew with `ReadingView.set_reading_style`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from reader.ui.fonts import reading_font_family
from reader.ui.reading_document import LINE_HEIGHT_PERCENT, MAX_LINE_EM
from reader.ui.reading_zoom import BODY_POINT_SIZE, PINYIN_SCALE

if TYPE_CHECKING:
    from reader.ui.reading_document import ArticleDocument
    from reader.ui.reading_zoom import Zoom

SETTINGS_FONT_FAMILY = "reading/font_family"  # "" : the first installed preferred CJK font
SETTINGS_FONT_SIZE = "reading/font_size"  # points, at zoom step 0
SETTINGS_LINE_SPACING = "reading/line_spacing"  # percent of the font's line height
SETTINGS_PAGE_WIDTH = "reading/page_width"  # characters per line at most
SETTINGS_PINYIN_SIZE = "reading/pinyin_size"  # percent of the body's size

# The ranges the dialog offers; stored values outside them (a hand-edited file) are clamped.
FONT_SIZE_RANGE = (9.0, 36.0)
LINE_SPACING_RANGE = (100, 250)
PAGE_WIDTH_RANGE = (16, 80)
PINYIN_SIZE_RANGE = (35, 90)


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return max(bounds[0], min(bounds[1], value))


@dataclass(frozen=True)
class ReadingStyle:
    family: str = ""  # "" : automatic (see reader.ui.fonts)
    point_size: float = BODY_POINT_SIZE
    line_spacing: int = LINE_HEIGHT_PERCENT
    page_width: int = MAX_LINE_EM
    pinyin_percent: int = round(PINYIN_SCALE * 100)

    @classmethod
    def load(cls, settings: QSettings) -> ReadingStyle:
        default = cls()

        def number(key: str, fallback: float) -> float:
            try:
                return float(settings.value(key, fallback))  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return fallback

        return cls(
            family=str(settings.value(SETTINGS_FONT_FAMILY, "") or ""),
            point_size=_clamp(number(SETTINGS_FONT_SIZE, default.point_size), FONT_SIZE_RANGE),
            line_spacing=int(
                _clamp(number(SETTINGS_LINE_SPACING, default.line_spacing), LINE_SPACING_RANGE)
            ),
            page_width=int(
                _clamp(number(SETTINGS_PAGE_WIDTH, default.page_width), PAGE_WIDTH_RANGE)
            ),
            pinyin_percent=int(
                _clamp(number(SETTINGS_PINYIN_SIZE, default.pinyin_percent), PINYIN_SIZE_RANGE)
            ),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_FONT_FAMILY, self.family)
        settings.setValue(SETTINGS_FONT_SIZE, self.point_size)
        settings.setValue(SETTINGS_LINE_SPACING, self.line_spacing)
        settings.setValue(SETTINGS_PAGE_WIDTH, self.page_width)
        settings.setValue(SETTINGS_PINYIN_SIZE, self.pinyin_percent)

    def apply_to(self, zoom: Zoom, document: ArticleDocument) -> None:
        """Give the view's zoom and document these values (the view then lays out anew)."""
        zoom.set_family(self.family or reading_font_family())
        zoom.base_point_size = self.point_size
        zoom.pinyin_scale = self.pinyin_percent / 100
        document.line_height_percent = self.line_spacing
        document.max_line_em = self.page_width
