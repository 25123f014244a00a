"""The Dictionary tab's rows: a selected row's text is painted once (by its label, not again
by the list under it), and its glosses read as the word card writes them."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from reader.search.lookup import LookupEntry
from reader.ui.search_controller import lookup_lines
from reader.ui.search_dock import LookupPanel

# Entries written for this test, in CEDICT's form.
BANK = LookupEntry("银行", "銀行", ("yin2", "hang2"), ("bank", "CL:家[jia1],個|个[ge4]"))
ISLET = LookupEntry("渚", "渚", ("zhu3",), ("islet", "bank"))


def stray_pixels(image: QImage, background: QColor) -> int:
    """Pixels of `image` that are not (nearly) `background`: what was drawn on it."""
    stray = 0
    for y in range(2, image.height() - 2):  # past any focus frame at the edges
        for x in range(2, image.width() - 2):
            colour = image.pixelColor(x, y)
            if (
                max(
                    abs(colour.red() - background.red()),
                    abs(colour.green() - background.green()),
                    abs(colour.blue() - background.blue()),
                )
                > 40
            ):
                stray += 1
    return stray


def test_the_selected_row_shows_its_text_only_once(qtbot: Any) -> None:
    panel = LookupPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 300)
    panel.show()
    panel.show_entries(lookup_lines([BANK, ISLET], panel.palette(), "bank"))
    entries = panel.entries
    assert entries.currentRow() == 0 and entries.item(0).isSelected()
    QApplication.processEvents()
    # With each row's label hidden, what is left in the row is what the list paints itself:
    # the selection's colour only, never the row's text a second time.
    for row in range(entries.count()):
        entries.itemWidget(entries.item(row)).hide()
    image = entries.viewport().grab().toImage()
    for row in range(entries.count()):
        item = entries.item(row)
        rect = entries.visualItemRect(item)
        colour = entries.palette().color(
            entries.palette().ColorRole.Highlight
            if item.isSelected()
            else entries.palette().ColorRole.Base
        )
        assert stray_pixels(image.copy(rect), colour) == 0, row


def test_the_selected_label_is_in_the_selection_text_colour(qtbot: Any) -> None:
    panel = LookupPanel()
    qtbot.addWidget(panel)
    panel.show_entries(lookup_lines([BANK, ISLET], panel.palette(), "bank"))
    entries = panel.entries
    roles = entries.palette().ColorRole
    first = entries.itemWidget(entries.item(0))
    second = entries.itemWidget(entries.item(1))
    assert first.palette().color(roles.WindowText) == entries.palette().color(roles.HighlightedText)
    assert second.palette().color(roles.WindowText) == entries.palette().color(roles.Text)


def test_glosses_read_as_on_the_card_in_the_script_of_the_query(qapp: Any) -> None:
    from PySide6.QtGui import QPalette

    (word, text, html), _ = lookup_lines([BANK, ISLET], QPalette(), "bank")
    assert word == "银行"
    assert "CL:" not in text and "[ge4]" not in text and "CL:" not in html
    assert text.endswith("bank; measure words: 家 jiā, 个 gè")
    (_, traditional, _), _ = lookup_lines([BANK, ISLET], QPalette(), "銀行")
    assert traditional.endswith("bank; measure words: 家 jiā, 個 gè")


def test_the_labels_follow_a_change_of_palette(qtbot: Any) -> None:
    from PySide6.QtGui import QPalette

    from reader.ui.theme import dark_palette

    panel = LookupPanel()
    qtbot.addWidget(panel)
    panel.show_entries(lookup_lines([BANK, ISLET], panel.palette(), "bank"))
    panel.setPalette(dark_palette())
    entries = panel.entries
    roles = QPalette.ColorRole
    first = entries.itemWidget(entries.item(0))
    second = entries.itemWidget(entries.item(1))
    assert first.palette().color(roles.WindowText) == dark_palette().color(roles.HighlightedText)
    assert second.palette().color(roles.WindowText) == dark_palette().color(roles.WindowText)
