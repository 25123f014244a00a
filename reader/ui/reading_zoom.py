"""The reading size: one zoom step (Ctrl + wheel, View ▸ Zoom) and the fonts it gives the
body text and the pinyin painted above it. The reading view owns one `Zoom`; the window
remembers the step in QSettings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QWheelEvent

BODY_POINT_SIZE = 15.0
# Of the body's point size: pinyin smaller than about half the character is hard to read,
# and it has to grow with the text when the reader zooms.
PINYIN_SCALE = 0.55
MIN_PINYIN_POINT_SIZE = 7.0  # smaller letters cannot be told apart on a normal screen
ZOOM_STEP_FACTOR = 1.1
ZOOM_MIN, ZOOM_MAX = -6, 12


class Zoom:
    """A zoom step between ZOOM_MIN and ZOOM_MAX and the two fonts made for it."""

    def __init__(self, family: str | None) -> None:
        self.step = 0
        self._family = family  # the preferred CJK family, None to use the widget's font
        self.base_point_size = BODY_POINT_SIZE  # at step 0 (Preferences ▸ size)
        self.pinyin_scale = PINYIN_SCALE  # of the body's size (Preferences ▸ pinyin size)
        self.body_font = QFont()
        self.pinyin_font = QFont()

    @staticmethod
    def clamp(step: int) -> int:
        return max(ZOOM_MIN, min(ZOOM_MAX, step))

    @property
    def families(self) -> list[str] | None:
        """The reading font's family for the text's formats, None when the widget's font is
        the reading font (no CJK family known)."""
        return [self._family] if self._family else None

    @property
    def point_size(self) -> float:
        return self.base_point_size * ZOOM_STEP_FACTOR**self.step

    def set_family(self, family: str | None) -> None:
        self._family = family

    def apply(self, base: QFont) -> None:
        """Make the fonts for the current step; `base` is the widget's own font, used for
        the pinyin (Latin letters) and for the body when no CJK family is known."""
        body_font = QFont(self._family) if self._family else QFont(base)
        body_font.setPointSizeF(self.point_size)
        self.body_font = body_font
        pinyin_font = QFont(base)
        pinyin_font.setPointSizeF(max(MIN_PINYIN_POINT_SIZE, self.point_size * self.pinyin_scale))
        self.pinyin_font = pinyin_font

    def em_px(self) -> float:
        """Width of one Chinese character in the body font, in pixels."""
        return QFontMetricsF(self.body_font).horizontalAdvance("字")

    @staticmethod
    def wheel_step(event: QWheelEvent) -> int | None:
        """+1 / -1 for a Ctrl + wheel turn, None for a wheel turn that scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return 1 if event.angleDelta().y() > 0 else -1
        return None
