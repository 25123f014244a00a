"""Preferences (issue 16 §3), through the real dialog: what the reader changes applies to
the open view at once, is stored, and a new window starts with it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QPalette, QTextBlock

from reader.ui.application import create_main_window
from reader.ui.preferences_dialog import PreferencesDialog
from reader.ui.theme import THEME_SYSTEM, theme_of
from reader.ui.tones import TONE_COLOURS_COLOUR_BLIND, is_dark

PARAGRAPH = "我们一起去银行，然后去重庆出差，路上看见很多新的房子和树。" * 6
TEXT = f"{PARAGRAPH}\n{PARAGRAPH}\n"


@pytest.fixture
def window(imported_library: Any, shown_window: Any, qapp: Any) -> Iterator[Any]:
    window = shown_window(imported_library(TEXT, name="prefs.txt"), (1400, 800))
    yield window
    # An open dialog would stay the active window for the next test; the theme its palette.
    if window.preferences.dialog is not None:
        window.preferences.dialog.close()
    theme_of(qapp, window.settings).set_choice(THEME_SYSTEM)


def body_block(window: Any) -> QTextBlock:
    view = window.reading_view
    document = view.document()
    block = document.findBlock(view.document_position(0))
    document.documentLayout().blockBoundingRect(block)  # laid out now, not on paint
    return block


def first_line_characters(window: Any) -> int:
    return body_block(window).layout().lineAt(0).textLength()


def line_pitch(window: Any) -> float:
    layout = body_block(window).layout()
    return layout.lineAt(2).y() - layout.lineAt(1).y()


def open_dialog(window: Any) -> PreferencesDialog:
    window.preferences.action.trigger()
    dialog = window.preferences.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_ctrl_comma_opens_preferences_from_the_edit_menu(window: Any) -> None:
    action = window.preferences.action
    assert action.shortcut().toString() == "Ctrl+,"
    assert window.undo_action.associatedObjects()[0] in action.associatedObjects()
    open_dialog(window)


def test_reading_preferences_apply_live_and_are_restored(
    window: Any, ui_settings: Any, qtbot: Any, qapp: Any
) -> None:
    view = window.reading_view
    qtbot.waitUntil(lambda: view.article is not None)
    dialog = open_dialog(window)
    wide = first_line_characters(window)
    assert wide > 20  # 1400 px wide: the default page width, 36 characters, fits

    dialog.width_box.setValue(20)
    assert first_line_characters(window) <= 20 - 2 + 1  # the first line's indent is 2 em
    dialog.width_box.setValue(50)
    assert first_line_characters(window) > wide

    pitch = line_pitch(window)
    dialog.spacing_box.setValue(200)
    assert line_pitch(window) > pitch * 1.3

    em = view.em_px()
    dialog.size_box.setValue(22.0)
    assert view.em_px() > em * 1.3

    window.set_pinyin_above(True)
    dialog.pinyin_box.setValue(80)
    body_size = view.document().defaultFont().pointSizeF()
    assert view.pinyin_font.pointSizeF() == pytest.approx(body_size * 0.8, rel=0.02)

    dialog.tone_box.setCurrentIndex(dialog.tone_box.findData(TONE_COLOURS_COLOUR_BLIND))
    assert view.tone_colours == TONE_COLOURS_COLOUR_BLIND
    assert window.tone_colour_actions[TONE_COLOURS_COLOUR_BLIND].isChecked()

    native_dark = is_dark(view.palette().color(QPalette.ColorRole.Base))
    other = "light" if native_dark else "dark"
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData(other))
    qtbot.waitUntil(lambda: is_dark(view.palette().color(QPalette.ColorRole.Base)) != native_dark)

    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    dialog.keep_box.setValue(12)
    dialog.close()

    # A new window over the same settings starts as the reader left the first.
    window.save_state()
    second = create_main_window(window.service.library, ui_settings)
    qtbot.addWidget(second)
    second.resize(1400, 800)
    second.show()
    qtbot.waitExposed(second)
    try:
        new_view = second.reading_view
        qtbot.waitUntil(lambda: new_view.article is not None)
        assert new_view.document().max_line_em == 50
        assert new_view.document().line_height_percent == 200
        assert new_view.em_px() == pytest.approx(view.em_px())
        assert new_view.pinyin_font.pointSizeF() == pytest.approx(view.pinyin_font.pointSizeF())
        assert new_view.tone_colours == TONE_COLOURS_COLOUR_BLIND
        assert is_dark(new_view.palette().color(QPalette.ColorRole.Base)) != native_dark
        again = open_dialog(second)
        assert again.language_box.currentData() == "zh_CN"
        assert again.keep_box.value() == 12
        assert again.width_box.value() == 50
    finally:
        if second.preferences.dialog is not None:
            second.preferences.dialog.close()
        second.service.shutdown()
        second.pinyin.shutdown()


def test_export_defaults_are_what_the_export_dialog_starts_from(
    window: Any, tmp_path: Any, qapp: Any
) -> None:
    from reader.ui.export_dialog import ExportDialog

    dialog = open_dialog(window)
    dialog.export_folder.setText(str(tmp_path / "notes"))
    dialog.export_pinyin_box.setChecked(True)
    dialog.per_article_box.setChecked(True)
    export = ExportDialog(window, window.settings, [], None)
    assert export.path_edit.text() == str(tmp_path / "notes")
    assert export.pinyin_box.isChecked()
    assert export.per_article.isChecked()


def test_stored_nonsense_is_clamped_not_applied(window: Any, ui_settings: Any) -> None:
    from reader.ui.reading_style import ReadingStyle

    ui_settings.setValue("reading/page_width", "wide")
    ui_settings.setValue("reading/font_size", 500)
    style = ReadingStyle.load(ui_settings)
    assert style.page_width == ReadingStyle().page_width
    assert style.point_size == 36.0
