"""Property: whatever the reader selects in the view — astral CJK, emoji with ZWJ,
combining marks, a selection edge inside a surrogate pair — the stored quote is exactly the
article text between the stored code-point offsets, and it covers the selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from annotations.store import AnnotationStore
from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.ui.reading_view import ReadingView

PIECES = ["甲", "乙", "字", "𠮷", "😀", "👩\u200d💻", "e\u0301", "\u00e9", " ", "a", "。"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=texts, data=st.data())
def test_selection_in_the_view_round_trips_to_the_stored_quote(
    body: str, data: st.DataObject, qtbot: Any, tmp_path_factory: Any
) -> None:
    folder = tmp_path_factory.mktemp("selection")
    library = Library.open(Path(folder) / "lib.sqlite3")
    try:
        [article_id] = library.add_source(
            NewSource.whole("p.txt", "UTF-8", str(folder), 1, body, [body]),
            [NewArticle("t", False, "", body, 0, 1, [len(body)])],
        )
        view = ReadingView()
        qtbot.addWidget(view)
        view.show_article(library.get_article(article_id))
        length = utf16_length(body)
        first = data.draw(st.integers(0, length - 1))
        last = data.draw(st.integers(first + 1, length))
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.body_start + first)
        cursor.setPosition(view.body_start + last, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)

        selection = view.current_selection()
        assert selection is not None
        start, end = selection
        # The snapped span covers every UTF-16 unit the reader selected.
        assert utf16_length(body[:start]) <= first and utf16_length(body[:end]) >= last
        annotation = AnnotationStore(library).add(article_id, start, end)
    finally:
        library.close()
    with Library.open(Path(folder) / "lib.sqlite3") as reopened:
        [stored] = AnnotationStore(reopened).for_article(article_id)
        assert stored.id == annotation.id
        assert (
            stored.quote
            == body[start:end]
            == reopened.get_article(article_id).text[stored.start : stored.end]
        )
