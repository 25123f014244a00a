"""The small bar that appears under a selection: highlight in one of five colours, or
highlight and comment at once. It only asks, by signal; `reader.ui.highlight_controller`
decides what happens."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from reader.ui.colour_names import colour_name
from reader.ui.highlights import HIGHLIGHT_COLOURS

SWATCH_PX = 18


def swatch_icon(colour_name: str, size: int = SWATCH_PX) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(HIGHLIGHT_COLOURS[colour_name][0]))
    painter.setPen(QColor(0, 0, 0, 60))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class SelectionBar(QFrame):
    """A child of the reading view's viewport, shown next to the end of a selection."""

    highlight_requested = Signal(str)  # colour
    comment_requested = Signal(str)  # colour: highlight, then edit its comment

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.colour_buttons: dict[str, QToolButton] = {}
        for number, name in enumerate(HIGHLIGHT_COLOURS, start=1):
            button = QToolButton(self)
            button.setIcon(swatch_icon(name))
            button.setIconSize(QSize(SWATCH_PX, SWATCH_PX))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(
                self.tr("Highlight {colour} (Ctrl+{number})").format(
                    colour=colour_name(name), number=number
                )
            )
            button.clicked.connect(
                lambda _=False, colour=name: self.highlight_requested.emit(colour)
            )
            layout.addWidget(button)
            self.colour_buttons[name] = button
        self.comment_button = QToolButton(self)
        self.comment_button.setText(self.tr("Comment…"))
        self.comment_button.setAutoRaise(True)
        self.comment_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.comment_button.setToolTip(self.tr("Highlight and write a comment (Ctrl+M)"))
        self.comment_button.clicked.connect(lambda: self.comment_requested.emit("yellow"))
        layout.addWidget(self.comment_button)
        self.hide()

    def show_below(self, point: QPoint) -> None:
        """Show with its top-left near viewport `point`, kept inside the viewport."""
        self.adjustSize()
        parent = self.parentWidget()
        x = min(max(0, point.x() - self.width() // 2), max(0, parent.width() - self.width()))
        y = point.y() + 4
        if y + self.height() > parent.height():
            y = max(0, point.y() - self.height() - 28)
        self.move(x, y)
        self.show()
        self.raise_()
