"""The Qt desktop UI. The only package that imports PySide6.

Widgets emit `*_requested` / past-tense signals; `main_window.MainWindow` wires them; the
`library_service.LibraryService` is the one door to the library.
"""

# Nothing is imported here: every `yuedu` start runs this file before its window's frame is
# painted, and the frame needs none of the library's or the views' modules (start-up time).
