"""Managing the library from the window (issue 16 §5), installed in one call: the article
list's Source file info / Update from the file, several articles at once (delete, export),
and File ▸ Open library… / New library…."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.article_selection import install_article_selection
from reader.ui.library_switch import install_library_switch
from reader.ui.source_actions import install_source_actions

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def install_library_tools(window: MainWindow) -> None:
    """Sets `window.source_actions`, `window.article_selection`, `window.library_switch`."""
    window.source_actions = install_source_actions(window)
    window.article_selection = install_article_selection(window)
    window.library_switch = install_library_switch(window)
