"""A narrow window still reads: the reading view keeps room for READING_MIN_CHARS characters
at the current zoom, and the article list and the docks give way first (down to a width of
their own that still shows a title or a short line). Without this the list (which has no
stretch in the splitter) and a dock whose controls ask for ~480 px kept their width and
squeezed the text to two characters a line at 760 px."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QWidget

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.reading_view import ReadingView

READING_MIN_CHARS = 12  # a short line of Chinese at the current zoom
SIDE_MIN_CHARS = 9  # the list and the docks: a short title, in the interface's font
DOCK_START_CHARS = 24  # a dock's width on a first start: its filters and a line of a quote
# (At a zoom where 12 characters are wider than half the screen, half the screen: a window
# may not be forced wider than the screen.)


def reading_min_width(view: ReadingView) -> int:
    """Pixels the view needs for READING_MIN_CHARS characters a line: the characters, the
    document's margins, the frame and the vertical scroll bar."""
    text = READING_MIN_CHARS * view.em_px() + 2 * view.document().documentMargin()
    scroll_bar = view.verticalScrollBar().sizeHint().width()
    return math.ceil(text) + 2 * view.frameWidth() + scroll_bar


def interface_em(widget: QWidget) -> int:
    """The width of one Chinese character in `widget`'s interface font (not the body's)."""
    return QFontMetrics(widget.font()).horizontalAdvance("字")


def side_min_width(widget: QWidget) -> int:
    return SIDE_MIN_CHARS * interface_em(widget)


def yield_width(dock: QDockWidget) -> None:
    """The dock may be narrower than its controls ask for (they are clipped, not the text)."""
    content = dock.widget()
    if content is not None:
        content.setMinimumWidth(side_min_width(content))
        policy = content.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        content.setSizePolicy(policy)


def install_narrow_window(window: MainWindow) -> None:
    view = window.reading_view

    def keep_reading_width() -> None:
        wanted = reading_min_width(view)
        screen = window.screen()
        if screen is not None:  # at a big zoom, never wider than half the screen
            wanted = min(wanted, screen.availableGeometry().width() // 2)
        view.setMinimumWidth(wanted)

    keep_reading_width()
    view.fonts_applied.connect(keep_reading_width)
    window.article_list.setMinimumWidth(side_min_width(window.article_list))
    for dock in window.findChildren(QDockWidget):
        yield_width(dock)


def give_docks_room(window: MainWindow) -> None:
    """A first start (no saved layout): the docks at DOCK_START_CHARS wide. Their controls
    no longer ask for room (see `yield_width`), so Qt would give them only their minimum."""
    docks = [dock for dock in window.findChildren(QDockWidget) if not dock.isFloating()]
    if docks:
        width = DOCK_START_CHARS * interface_em(window)
        window.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)
