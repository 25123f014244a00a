"""Help ▸ About names the version, the licences of the data Yuedu ships and where the
library lives; the application carries Yuedu's icon."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.ui.application import configure_application
from reader.ui.main_window import MainWindow


def test_about_shows_version_data_licences_and_library_path(
    ui_window: MainWindow, qtbot: Any
) -> None:
    ui_window.about_action.trigger()
    boxes = ui_window.findChildren(QMessageBox)
    assert len(boxes) == 1
    text = boxes[0].text()
    assert f"Yuedu {__version__}" in text
    assert "CC-CEDICT" in text and "CC BY-SA 4.0" in text
    assert "HSK" in text
    library_path = ui_window.service.library_path
    assert library_path is not None and str(library_path) in text
    boxes[0].close()


def test_the_application_icon_has_every_size(qapp: QApplication) -> None:
    configure_application(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
    assert icon.pixmap(QSize(48, 48)).width() == 48
