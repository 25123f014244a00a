"""Fusion with check box and radio button outlines that show on a dark window.

Fusion draws an indicator's outline in the window colour made darker (QFusionStyle's
outline(): window.darker(140) for a check box, darker(150) for a radio button): on the dark
palette's #2b2b2b window that is near black, and an unchecked box all but disappears. No
palette role reaches that colour, and a style sheet that gives the indicator a border
makes Qt draw the whole indicator itself (without its check mark), so this proxy lets
Fusion draw the indicator and then draws its outline again, in `outline_colour`, over
Fusion's own, with Fusion's geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

# 4.2:1 against the dark window (#2b2b2b), above the 3:1 that WCAG asks of the parts of a
# control one must see to use it.
DARK_INDICATOR_OUTLINE = "#8c8c8c"

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,  # check boxes in lists
)


class IndicatorOutlineStyle(QProxyStyle):
    def __init__(self, outline_colour: str = DARK_INDICATOR_OUTLINE) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.outline_colour = QColor(outline_colour)

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        focus = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if (option.state & focus) == focus:
            return  # Fusion drew the outline in the focus colour, which shows already
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.outline_colour))
        painter.setBrush(QColor(0, 0, 0, 0))
        rect = option.rect
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            # Fusion's circle: centred one pixel down and right, its radius from the width.
            centre = QPointF(rect.center()) + QPointF(1, 1)
            radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
            circle = QPainterPath()
            circle.addEllipse(centre, radius, radius)
            painter.drawPath(circle)
        else:
            painter.translate(0.5, 0.5)  # Fusion's box: crisp 1-pixel lines on the grid
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
