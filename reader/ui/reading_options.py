"""View options of the reading that the first paint does not need, built after the window's
own: View ▸ Spoken tones of 一 and 不. Each is remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

SETTINGS_SPOKEN_TONES = "reading/spoken_tones"


def add_spoken_tones_option(window: MainWindow) -> QAction:
    """A checkable View entry: pinyin (above the text and in the card) shows 一 and 不 as
    they are said — yí ge, bú shì, yì tiān — instead of their dictionary tones. Off by
    default, as in Pleco; corrections are always stored in dictionary tones."""
    action = QAction(
        QCoreApplication.translate("ReadingOptions", "Spoken tones of 一 and 不"), window
    )
    action.setCheckable(True)
    action.setToolTip(
        QCoreApplication.translate(
            "ReadingOptions", "Show 一 and 不 as they are said (yí ge, bú shì), not as written"
        )
    )
    window.menus["view"].addAction(action)

    def set_spoken(spoken: bool) -> None:
        window.reading_view.set_spoken_tones(spoken)
        window.cards.refresh()
        window.settings.setValue(SETTINGS_SPOKEN_TONES, spoken)

    action.toggled.connect(set_spoken)
    action.setChecked(window.settings.value(SETTINGS_SPOKEN_TONES, False, type=bool))
    return action
