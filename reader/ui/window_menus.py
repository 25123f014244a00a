"""The main window's menus and its reading toolbar: File, Edit, View and Help with the
window's own actions, kept on the window (`window.import_action`, …) for `_connect` and for
the modules that add their entries to `window.menus` by role ("file", "edit", "view",
"help"), never by their translated titles.

The strings keep the window's translation context, as when they were its own `tr()` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from annotations.model import COLORS
from reader.ui.article_edit_controller import build_article_menu
from reader.ui.colour_names import colour_name
from reader.ui.selection_bar import swatch_icon
from reader.ui.step_reports import install_step_reports
from reader.ui.tones import TONE_COLOURS_FIVE, TONE_COLOURS_NONE

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

translate = QCoreApplication.translate


def build_menus(window: MainWindow) -> None:
    # By role, not by their (translated) text: other modules add their entries here.
    window.menus: dict[str, QMenu] = {}
    _build_file_menu(window)
    _build_edit_menu(window)
    _build_view_menu(window)
    help_menu = window.menus["help"] = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    window.about_action = QAction(translate("MainWindow", "&About Yuedu"), window)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(window.about_action)
    window.check_action = QAction(translate("MainWindow", "&Check library"), window)
    help_menu.addAction(window.check_action)


def _build_file_menu(window: MainWindow) -> None:
    file_menu = window.menus["file"] = window.menuBar().addMenu(translate("MainWindow", "&File"))
    window.import_action = QAction(translate("MainWindow", "&Import…"), window)
    window.import_action.setShortcut(QKeySequence.StandardKey.Open)
    file_menu.addAction(window.import_action)
    window.import_with_encoding_action = QAction(
        translate("MainWindow", "Import with E&ncoding…"), window
    )
    file_menu.addAction(window.import_with_encoding_action)
    window.export_action = QAction(translate("MainWindow", "&Export annotations…"), window)
    window.export_action.setShortcut(QKeySequence("Ctrl+E"))
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    window.quit_action = QAction(translate("MainWindow", "&Quit"), window)
    window.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(window.quit_action)


def _build_edit_menu(window: MainWindow) -> None:
    edit_menu = window.menus["edit"] = window.menuBar().addMenu(translate("MainWindow", "&Edit"))
    window.undo_action = window.service.undo_stack.createUndoAction(
        window, translate("MainWindow", "&Undo")
    )
    window.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    window.redo_action = window.service.undo_stack.createRedoAction(
        window, translate("MainWindow", "&Redo")
    )
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    window.step_reports = install_step_reports(window)  # "Undone: …" in the status bar
    edit_menu.addSeparator()
    highlight_menu = edit_menu.addMenu(translate("MainWindow", "&Highlight selection"))
    window.highlight_actions: dict[str, QAction] = {}
    for number, colour in enumerate(COLORS, start=1):
        action = QAction(swatch_icon(colour), colour_name(colour), window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.setData(colour)
        highlight_menu.addAction(action)
        window.highlight_actions[colour] = action
    window.comment_action = QAction(translate("MainWindow", "Highlight and &comment"), window)
    window.comment_action.setShortcut(QKeySequence("Ctrl+M"))
    edit_menu.addAction(window.comment_action)
    window.delete_highlight_action = QAction(translate("MainWindow", "&Delete highlight"), window)
    window.delete_highlight_action.setShortcut(QKeySequence("Ctrl+Backspace"))
    edit_menu.addAction(window.delete_highlight_action)
    edit_menu.addSeparator()
    window.word_readings_action = QAction(translate("MainWindow", "Readings of &words…"), window)
    edit_menu.addAction(window.word_readings_action)
    window.article_actions = build_article_menu(edit_menu, window.article_edits)


def _build_view_menu(window: MainWindow) -> None:
    view_menu = window.menus["view"] = window.menuBar().addMenu(translate("MainWindow", "&View"))
    window.pinyin_above_action = QAction(translate("MainWindow", "&Pinyin above the text"), window)
    window.pinyin_above_action.setCheckable(True)
    window.pinyin_above_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    tip = translate("MainWindow", "Show pinyin above every character (Ctrl+Shift+P)")
    window.pinyin_above_action.setToolTip(tip)
    view_menu.addAction(window.pinyin_above_action)

    tone_menu = view_menu.addMenu(translate("MainWindow", "&Tone colours"))
    window.tone_colour_group = QActionGroup(window)
    window.tone_colour_actions: dict[str, QAction] = {}
    tones = {
        TONE_COLOURS_NONE: translate("MainWindow", "&None"),
        TONE_COLOURS_FIVE: translate("MainWindow", "&Five colours"),
    }
    for scheme, label in tones.items():
        action = QAction(label, window, checkable=True)
        action.setData(scheme)
        window.tone_colour_group.addAction(action)
        tone_menu.addAction(action)
        window.tone_colour_actions[scheme] = action

    view_menu.addAction(window.annotation_dock.toggleViewAction())
    view_menu.addSeparator()
    window.zoom_in_action = QAction(translate("MainWindow", "Zoom &in"), window)
    window.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    window.zoom_out_action = QAction(translate("MainWindow", "Zoom &out"), window)
    window.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
    window.zoom_reset_action = QAction(translate("MainWindow", "&Actual size"), window)
    window.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
    for action in (window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action):
        view_menu.addAction(action)

    toolbar = window.addToolBar("Reading")
    toolbar.setObjectName("reading_toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(window.pinyin_above_action)
    window.reading_toolbar = toolbar
