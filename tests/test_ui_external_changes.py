"""Changes made outside the window show in it within about a second: `yuedu import`,
`annotate`, `import --update`, `restore`, and other programs writing the library. Every
change here is made by a second, real process while the window holds the library open."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotations.store import AnnotationStore
from reader.library import Library
from reader.library.change import Change
from reader.library.json_backup import backup_json
from reader.ui.external_changes import top_offset
from reader.ui.library_service import LibraryService
from reader.ui.library_watch import LibraryWatch

REPO_ROOT = Path(__file__).resolve().parent.parent
WITHIN_MS = 2000  # the watch polls twice a second; a change must show well within this

SET_READING = """
import json, sys
from reader.library import Library
library = Library.open(sys.argv[1])
article, start, end = (int(value) for value in sys.argv[2:5])
syllables = json.loads(sys.argv[5])
if syllables is None:
    library.clear_reading_override(article, start, end)
else:
    library.set_reading_override(article, start, end, syllables)
library.close()
"""

DELETE_ARTICLE = """
import sys
from reader.library import Library
library = Library.open(sys.argv[1])
with library.session.write("Delete article") as change:
    change.article(int(sys.argv[2]))
    library.conn.execute("DELETE FROM articles WHERE id = ?", [int(sys.argv[2])])
library.close()
"""

SET_COMMENT = """
import sys
from annotations.store import AnnotationStore
from reader.library import Library
library = Library.open(sys.argv[1])
AnnotationStore(library).update(sys.argv[2], comment=sys.argv[3])
library.close()
"""

DELETE_ANNOTATION = """
import sys
from annotations.store import AnnotationStore
from reader.library import Library
library = Library.open(sys.argv[1])
AnnotationStore(library).delete(sys.argv[2])
library.close()
"""


def elsewhere(*argv: str) -> str:
    """Run `argv` as a second process (the repo importable) and return its output."""
    result = subprocess.run(
        [sys.executable, *argv],
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def yuedu(library: Library, *args: str) -> str:
    return elsewhere("main.py", "--db", str(library.path), *args)


def select(view: Any, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def span_ids(view: Any) -> list[str]:
    return [span[0] for span in view.highlights.annotations]


@pytest.fixture
def window(ui_library: Library, shown_window: Any) -> Any:
    return shown_window(ui_library)


def test_imported_elsewhere_appears_keeping_the_selection_and_the_filter(
    window: Any, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    panel = window.article_list
    assert panel.select_article(3)
    panel.filter_edit.setText("秋")
    assert window.reading_view.article_id == 3 and panel.proxy.rowCount() == 1
    summer = tmp_path / "summer.txt"
    summer.write_text("夏天\n\n夏天到了，天气很热。\n", encoding="utf-8")

    yuedu(ui_library, "import", str(summer))

    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=WITHIN_MS)
    assert any(a.title == "夏天" for a in panel.model.articles())
    assert panel.filter_edit.text() == "秋" and panel.proxy.rowCount() == 1
    assert panel.selected_article_id() == 3 and window.reading_view.article_id == 3
    assert window.count_label.text() == "1 of 4 articles"


def test_annotated_elsewhere_is_painted_and_listed(
    window: Any, ui_library: Library, qtbot: Any
) -> None:
    view, dock = window.reading_view, window.annotation_dock
    assert view.article_id == 1  # 第一段春天。\n第二段花开。
    dock.show()
    select(view, 0, 3)  # the reader's selection survives the refresh
    made = json.loads(yuedu(ui_library, "annotate", "1", "--quote", "花开", "--comment", "美"))

    qtbot.waitUntil(lambda: made["id"] in span_ids(view), timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: dock.listed_ids() == [made["id"]], timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: made["id"] in view.highlights_painted, timeout=WITHIN_MS)
    assert view.current_selection() == (0, 3)
    assert view.article_id == 1


def test_reading_corrections_made_elsewhere_are_applied(
    window: Any, ui_library: Library, qtbot: Any
) -> None:
    view, panel = window.reading_view, window.article_list
    assert view.article_id == 1
    assert panel.select_article(3)  # 秋天来了。: one token, (0, 5)
    assert view.article_id == 3 and not view.readings.is_overridden(0)
    corrected = ["qiu3", "tian3", "lai3", "le3", None]  # unlike what the resolver gives
    path = str(ui_library.path)

    elsewhere("-c", SET_READING, path, "3", "0", "5", json.dumps(corrected))
    qtbot.waitUntil(lambda: view.readings.is_overridden(0), timeout=WITHIN_MS)
    assert view.readings.reading(0) == tuple(corrected)
    assert view.readings.per_char[:4] == corrected[:4]

    elsewhere("-c", SET_READING, path, "3", "0", "5", "null")
    qtbot.waitUntil(lambda: not view.readings.is_overridden(0), timeout=WITHIN_MS)
    automatic = view.readings.automatic_reading(0)  # None until the resolver answers
    assert view.readings.per_char == list(automatic or [None] * 5)

    # Article 1's readings are kept in memory since it was shown (its text, 13 characters,
    # is one token): they are brought up to date too, and show when the reader goes back.
    assert 1 in window.reading.readings
    spring = ["di4", "yi1", "duan4", "chun1", "tian1", None, None] + ["hua1"] * 6
    elsewhere("-c", SET_READING, path, "1", "0", "13", json.dumps(spring))
    qtbot.waitUntil(lambda: window.reading.readings[1].is_overridden(0), timeout=WITHIN_MS)
    assert panel.select_article(1)
    assert view.readings.reading(0) == tuple(spring)


def test_the_open_article_updated_elsewhere_shows_its_new_text_in_place(
    imported_library: Any, shown_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    paragraphs = [f"第{i}段：今天天气很好，我们一起去公园散步，看见很多人。" for i in range(120)]
    source = tmp_path / "long.txt"
    library = imported_library("长文章\n\n" + "\n\n".join(paragraphs) + "\n", name=source.name)
    window = shown_window(library, (900, 600))
    view = window.reading_view
    old_text = view.article.text
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = top_offset(view)
    assert place is not None and place > 1000
    phrase = paragraphs[70][:6]
    start = old_text.index(phrase)
    select(view, start, start + len(phrase))
    bar.setValue(bar.maximum() // 2)  # selecting scrolled to the selection

    paragraphs[-1] = "最后一段改过了：明天下雨。"
    source.write_text("长文章\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    yuedu(library, "import", "--update", str(source))

    qtbot.waitUntil(lambda: "明天下雨" in view.article.text, timeout=WITHIN_MS)
    assert view.tokens.text == view.article.text  # the tokens were made anew with it
    assert abs(top_offset(view) - place) < 40  # the same line, whatever the layout
    assert view.current_selection() == (start, start + len(phrase))
    assert "changed outside this window" in window.statusBar().currentMessage()


def test_the_open_article_deleted_elsewhere_is_cleared_with_a_message(
    window: Any, ui_library: Library, qtbot: Any
) -> None:
    panel = window.article_list
    assert panel.select_article(2)
    elsewhere("-c", DELETE_ARTICLE, str(ui_library.path), "2")

    qtbot.waitUntil(lambda: window.reading_view.article_id is None, timeout=WITHIN_MS)
    assert [a.id for a in panel.model.articles()] == [1, 3]
    assert window.reading_view.toPlainText() == ""
    assert window.windowTitle() == "Yuedu"
    assert "removed from the library" in window.statusBar().currentMessage()
    assert 2 not in window.reading.readings


def test_a_backup_restored_elsewhere_brings_its_articles_and_annotations(
    window: Any, ui_library: Library, imported_library: Any, tmp_path: Path, qtbot: Any
) -> None:
    other = imported_library("夏天\n\n夏天到了，天气很热。\n", name="summer.txt")
    [summer] = other.list_articles()
    note = AnnotationStore(other).add(summer.id, 4, 6, color="green", comment="热")
    backup = tmp_path / "backup.json"
    backup.write_text(backup_json(other), encoding="utf-8")
    dock = window.annotation_dock
    dock.library_switch.setChecked(True)
    dock.show()

    yuedu(ui_library, "restore", str(backup))

    panel = window.article_list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=WITHIN_MS)
    assert panel.model.articles()[-1].title == "夏天"
    qtbot.waitUntil(lambda: dock.listed_ids() == [note.id], timeout=WITHIN_MS)
    assert dock.group_titles() == ["夏天"]
    assert window.reading_view.article_id == 1  # still reading what was open


def test_a_comment_being_typed_is_not_overwritten_by_a_change_elsewhere(
    window: Any, ui_library: Library, qtbot: Any
) -> None:
    view, dock = window.reading_view, window.annotation_dock
    first = AnnotationStore(ui_library).add(1, 0, 3, color="yellow", comment="old")
    second = AnnotationStore(ui_library).add(1, 7, 10, color="blue", comment="old too")
    window.highlights.select_annotation(first.id)
    assert dock.current is not None and dock.current.id == first.id
    path = str(ui_library.path)

    # Not being edited: the comment changed elsewhere is shown.
    elsewhere("-c", SET_COMMENT, path, first.id, "changed elsewhere")
    qtbot.waitUntil(
        lambda: dock.comment_editor.toPlainText() == "changed elsewhere", timeout=WITHIN_MS
    )

    # Being typed: the reader's words stay, and are the ones saved.
    dock._comment_timer.setInterval(60_000)  # the reader is still typing throughout
    window.activateWindow()
    dock.comment_editor.setFocus()
    qtbot.waitUntil(dock.comment_editor.hasFocus)
    dock.comment_editor.selectAll()
    QTest.keyClicks(dock.comment_editor, "mine")
    elsewhere("-c", SET_COMMENT, path, first.id, "changed again elsewhere")
    qtbot.waitUntil(lambda: dock.current.comment == "changed again elsewhere", timeout=WITHIN_MS)
    assert dock.comment_editor.toPlainText() == "mine"
    dock.flush()
    assert AnnotationStore(ui_library).get(first.id).comment == "mine"

    # Deleted elsewhere while shown in the editor: the editor closes.
    window.highlights.select_annotation(second.id)
    elsewhere("-c", DELETE_ANNOTATION, path, second.id)
    qtbot.waitUntil(lambda: dock.current is None, timeout=WITHIN_MS)
    assert span_ids(view) == [first.id]


def test_nothing_is_redrawn_while_nothing_changes(
    window: Any, ui_library: Library, qtbot: Any
) -> None:
    calls = {"list": 0, "highlights": 0, "dock": 0}

    def counting(name: str, method: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return method(*args, **kwargs)

        return wrapper

    dock = window.annotation_dock
    dock.show()
    qtbot.wait(200)  # the dock's first listing
    window.article_list.set_articles = counting("list", window.article_list.set_articles)
    window.reading_view.set_annotations = counting(
        "highlights", window.reading_view.set_annotations
    )
    dock.set_annotations = counting("dock", dock.set_annotations)
    assert window.service.watch is not None and window.service.watch.active

    qtbot.wait(1500)  # three polls
    assert calls == {"list": 0, "highlights": 0, "dock": 0}

    # A highlight made elsewhere redraws the highlights and the dock, not the list.
    made = json.loads(yuedu(ui_library, "annotate", "1", "--quote", "春天"))
    qtbot.waitUntil(lambda: calls["highlights"] == 1 and calls["dock"] >= 1, timeout=WITHIN_MS)
    assert made["id"] in dock.listed_ids()
    qtbot.wait(1000)
    assert calls["list"] == 0 and calls["highlights"] == 1


# -- the watch itself ----------------------------------------------------------------------
def test_the_windows_own_writes_are_not_news_and_shutdown_stops_the_watch(
    ui_library: Library, qtbot: Any
) -> None:
    service = LibraryService(ui_library)
    assert service.watch is not None and service.watch.active
    with qtbot.assertNotEmitted(service.changed_elsewhere, wait=0):
        assert service.create_annotation(1, 0, 3, "yellow") is not None
        assert service.watch.poll() is False
    service.shutdown()
    assert not service.watch.active


def test_a_library_in_memory_has_no_watch(qtbot: Any) -> None:
    service = LibraryService(Library.in_memory())
    assert service.watch is None
    service.shutdown()


def test_a_failing_poll_neither_raises_nor_emits_and_is_logged_once(
    tmp_path: Path, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    library = Library.open(tmp_path / "lib.sqlite3")
    watch = LibraryWatch(library.session)
    library.close()
    with caplog.at_level(logging.WARNING, logger="reader.ui.library_watch"):
        with qtbot.assertNotEmitted(watch.changed, wait=0):
            assert watch.poll() is False
            assert watch.poll() is False
    assert len(caplog.records) == 1  # not twice a second for as long as it lasts


def test_a_failed_read_while_following_outside_changes_is_said_in_the_bar(
    ui_window: Any, ui_library: Library
) -> None:
    """The refresh reads through the service: a failure reaches the error bar in words,
    and the list keeps its rows."""
    import sqlite3

    def deny_articles(code: int, first: str | None, *_: object) -> int:
        if (code, first) == (sqlite3.SQLITE_READ, "articles"):
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    rows = ui_window.article_list.model.rowCount()
    ui_library.conn.set_authorizer(deny_articles)
    try:
        ui_window.service.changed_elsewhere.emit(Change(everything=True, external=True))
    finally:
        ui_library.conn.set_authorizer(None)
    assert "could not read the list of articles" in ui_window.error_bar.message
    assert ui_window.article_list.model.rowCount() == rows
