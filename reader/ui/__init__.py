"""The Qt desktop UI. The only package that imports PySide6.

Widgets emit `*_requested` / past-tense signals; `main_window.MainWindow` wires them; the
`library_service.LibraryService` is the one door to the library.
"""
