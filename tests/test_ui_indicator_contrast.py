"""Dark theme: an unchecked check box or radio button must be seen. Its outline, as
painted, has at least 3:1 contrast (WCAG's minimum for what one must see to use a
control) against the window behind it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.indicator_style import IndicatorOutlineStyle
from reader.ui.theme import THEME_DARK, THEME_LIGHT, THEME_SYSTEM, Theme, theme_of
from reader.ui.tones import contrast_ratio


@pytest.fixture
def theme(ui_settings: Any, qapp: Any) -> Iterator[Theme]:
    theme = theme_of(qapp, ui_settings)
    yield theme
    theme.set_choice(THEME_SYSTEM)  # later tests get the platform's own palette back


def indicator_outline_contrast(button: QCheckBox | QRadioButton, image: QImage) -> float:
    """The best contrast, against the window colour, of the pixels on the edge of the
    button's indicator (its outline, where the style drew one)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = button.style().subElementRect(element, option, button).translated(button.pos())
    assert rect.width() >= 8, rect
    window = button.palette().color(QPalette.ColorRole.Window)
    best = 1.0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            edge = min(x - rect.left(), rect.right() - x, y - rect.top(), rect.bottom() - y)
            if edge <= 2:  # the outline runs along the edge of the indicator
                best = max(best, contrast_ratio(QColor(image.pixelColor(x, y)), window))
    return best


def shown_buttons(qtbot: Any) -> tuple[QWidget, QCheckBox, QRadioButton]:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    box = QCheckBox("附上摘录的拼音", page)
    radio = QRadioButton("保留这些高亮", page)
    layout.addWidget(box)
    layout.addWidget(radio)
    page.resize(240, 80)
    page.show()
    qtbot.waitExposed(page)
    return page, box, radio


def test_unchecked_indicators_stand_out_from_the_dark_window(theme: Theme, qtbot: Any) -> None:
    theme.set_choice(THEME_DARK)
    page, box, radio = shown_buttons(qtbot)
    assert not box.isChecked() and not radio.isChecked()
    image = page.grab().toImage()
    for button in (box, radio):
        ratio = indicator_outline_contrast(button, image)
        assert ratio >= 3.0, (type(button).__name__, ratio)
    # Back to light, Fusion's own style again (the outline is the dark theme's fix).
    theme.set_choice(THEME_LIGHT)
    assert not isinstance(page.style(), IndicatorOutlineStyle)
