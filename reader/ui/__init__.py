"""The Qt desktop UI. The only package that imports PySide6.

Widgets emit `*_requested` / past-tense signals; `main_window.MainWindow` wires them; the
`library_service.LibraryService` is the one door to the library.
"""

# The Qt-free modules the window needs at start-up are imported here, before any module of
# this package imports PySide6: once PySide6 is loaded, its import hook (kept for its
# `__feature__` switches) reads the source of every module imported after it, which cost
# about a third of the time our modules took to import. Nothing here imports Qt.
import annotations.store  # noqa: F401
import reader.library.store  # noqa: F401
import reader.text.tokens  # noqa: F401
import reader.text.word_info  # noqa: F401
