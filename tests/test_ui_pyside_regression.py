"""PySide6 6.12.0 aborts the interpreter ("Fatal Python error: none_dealloc") after a few
thousand calls of void methods; the pin <6.12 keeps us off it. This test fails (by crashing)
on such a build."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

CALLS = 20_000


def test_many_void_calls_do_not_crash(qapp: Any) -> None:
    document = QTextDocument()
    document.setPlainText("阅读" * 500)
    cursor = QTextCursor(document)
    block_format = QTextBlockFormat()
    for i in range(CALLS):
        cursor.setPosition(i % 1000)  # void
        block_format.setBottomMargin(float(i % 7))  # void
        cursor.clearSelection()  # void
        document.setModified(False)  # void
    cursor.setPosition(321)
    assert cursor.position() == 321
    assert block_format.bottomMargin() == float((CALLS - 1) % 7)
    assert document.characterCount() == 1001
