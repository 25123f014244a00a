"""Everything the furnished main window is built from, in one import.

`MainWindow.furnish` imports this module once the window's frame is on screen: the views,
controllers and installers below (and Qt's `Qt` namespace) take most of start-up's time, and
none of it is needed to paint the frame. Importing them here, not at the top of
`main_window`, keeps them off the way to the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from reader.ui.annotation_dock import AnnotationDock
from reader.ui.article_edit_controller import ArticleEditController, connect_article_edits
from reader.ui.article_list import ArticleListPanel
from reader.ui.change_refresh import ChangeRefresh
from reader.ui.error_bar import ErrorBar
from reader.ui.export_controller import ExportController
from reader.ui.highlight_controller import HighlightController
from reader.ui.import_controller import ImportController
from reader.ui.library_controller import LibraryController
from reader.ui.library_tools import install_library_tools
from reader.ui.narrow_window import install_narrow_window
from reader.ui.pinyin_service import PinyinService
from reader.ui.preferences import install_preferences
from reader.ui.reading_controller import ReadingController
from reader.ui.reading_options import add_spoken_tones_option
from reader.ui.reading_view import ReadingView
from reader.ui.script_controller import install_script_choice
from reader.ui.search_controller import install_search
from reader.ui.selection_bar import SelectionBar
from reader.ui.vocabulary_controller import connect_vocabulary
from reader.ui.window_menus import build_menus
from reader.ui.word_card_controller import WordCardController

__all__ = [
    "AnnotationDock",
    "ArticleEditController",
    "ArticleListPanel",
    "ChangeRefresh",
    "ErrorBar",
    "ExportController",
    "HighlightController",
    "ImportController",
    "LibraryController",
    "PinyinService",
    "QLabel",
    "QSplitter",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "ReadingController",
    "ReadingView",
    "SelectionBar",
    "WordCardController",
    "add_spoken_tones_option",
    "build_menus",
    "connect_article_edits",
    "connect_vocabulary",
    "install_library_tools",
    "install_narrow_window",
    "install_preferences",
    "install_script_choice",
    "install_search",
]
