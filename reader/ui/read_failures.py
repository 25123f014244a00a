"""A read from the library that failed: said to the reader in words once, then raised as
`ReadFailed` so that the slot that asked stops instead of showing half-switched content."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.wording import bare_detail
from reader.ui.core_text import error_text


class ReadFailed(Exception):
    """The library could not be read; the reader was already told (`read_failed`). Window
    slots catch it to leave what they show as it was."""


def read_failure_message(what: str, error: BaseException) -> str:
    detail = bare_detail(error_text(error)) or type(error).__name__
    return QCoreApplication.translate(
        "LibraryService",
        "Yuedu could not read {what} from the library ({detail}). What the window shows "
        "may be out of date. Try again, or check the library for damage.",
    ).format(what=what, detail=detail)
