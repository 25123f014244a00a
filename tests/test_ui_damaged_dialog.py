"""The window's damaged-library question at start-up, and Help ▸ Check library offering the
same recovery: plain words, no command lines, no doubled punctuation, the backup named by
its local date and time; restoring keeps the damaged file, quitting changes nothing."""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.library import Library
from reader.library.safety import LibraryBackups, LibraryCheck, check_library
from reader.library.store import NewArticle, NewSource
from reader.ui.application import open_or_recover, set_aside_and_restore
from reader.ui.main_window import MainWindow

# Two marks that end a clause with nothing but closing brackets between them (".)." "..")
# or two closing brackets in a row: what wrapping a detail that ends in "." or ")" in
# "(…)." produced ("…(database disk image is malformed).).").
DOUBLED_PUNCTUATION = re.compile(r"[.;:,!?。]\)*[.;:,!?。]|\)\s*\)")
# A command for a terminal: "yuedu recover", "yuedu restore FILE.json".
COMMAND_LINE = re.compile(r"\byuedu\s+[a-z-]+|`")
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# Local time for these tests: 5 h 45 min east of UTC (a POSIX TZ string: no tz database
# needed), so a label in UTC differs from the right one in both hours and minutes.
TEST_TZ, TEST_OFFSET = "XST-05:45", timedelta(hours=5, minutes=45)


@pytest.fixture
def local_time_far_from_utc() -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = TEST_TZ
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def add_article(library: Library, title: str) -> None:
    text = f"{title}：" + "今年来，兴县县委县政府坚持以人民为中心。" * 60
    sha = hashlib.sha256(title.encode("utf-8")).hexdigest()
    library.add_source(
        NewSource.whole(f"{title}.txt", "UTF-8", sha, len(text.encode()), text, [text]),
        [NewArticle(title, False, "", text, 0, 1, [len(text)])],
    )


def titles(library: Library) -> list[str]:
    return [article.title for article in library.list_articles()]


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the (closed, checkpointed) file."""
    with path.open("r+b") as file:
        file.seek(2 * 4096)
        file.write(b"\xa5" * 4096 * 3)
    assert not check_library(path).ok  # the check really fails


@pytest.fixture
def damaged_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A library damaged after a good backup of its first three articles; a fourth article
    was added after that backup. Returns (library path, backup)."""
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        for title in ("春天", "夏天", "秋天"):
            add_article(library, title)
        backup = LibraryBackups(path).make(library)
        add_article(library, "冬天")
    damage(path)
    return path, backup


@pytest.fixture
def not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    path.write_bytes("这不是数据库。(not a database.)\n".encode() * 300)
    return path


def local_label(backup: Path) -> str:
    """When `backup` was taken, read from its name (UTC), in the tests' local time."""
    stamp = re.search(r"library-(\d{8}T\d{6})Z", backup.name)
    assert stamp is not None
    taken = datetime.strptime(stamp[1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC) + TEST_OFFSET
    return f"{taken.day} {MONTHS[taken.month - 1]} {taken.year}, {taken:%H:%M}"


def answer_next_box(clicking: str) -> dict[str, Any]:
    """When a message box shows, record its text and buttons and click the button whose
    label starts with `clicking` (or its escape button, so a test never hangs)."""
    seen: dict[str, Any] = {}
    tries = [0]

    def answer() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, answer)
            return
        box = boxes[0]
        seen.update(
            text=box.text(),
            buttons=sorted(button.text() for button in box.buttons()),  # order: platform's
            plain=box.textFormat().name == "PlainText",
        )
        chosen = [b for b in box.buttons() if b.text().startswith(clicking)]
        (chosen[0] if chosen else box.escapeButton() or box.buttons()[-1]).click()

    QTimer.singleShot(0, answer)
    return seen


def assert_plain_words(text: str) -> None:
    assert DOUBLED_PUNCTUATION.search(text) is None, text
    assert COMMAND_LINE.search(text) is None, text


def test_the_punctuation_check_catches_the_old_wrapping() -> None:
    old = "(library.sqlite3 is damaged (database disk image is malformed).). It was not changed."
    assert DOUBLED_PUNCTUATION.search(old) is not None
    assert DOUBLED_PUNCTUATION.search("(x is not an SQLite database file.).") is not None
    assert DOUBLED_PUNCTUATION.search("The check found: x (malformed). It was not.") is None


def test_restore_in_the_damage_dialog_brings_back_the_backup_and_keeps_the_file(
    damaged_with_backup: tuple[Path, Path], qapp: Any, local_time_far_from_utc: None
) -> None:
    path, backup = damaged_with_backup
    damaged_bytes = path.read_bytes()
    seen = answer_next_box("Restore the backup of")
    restored = open_or_recover(path)
    assert restored is not None
    try:
        assert titles(restored) == ["春天", "夏天", "秋天"]  # the backup's rows, not 冬天
    finally:
        restored.close()
    aside = path.with_name("library.sqlite3.damaged")
    assert aside.read_bytes() == damaged_bytes  # kept as it was, never deleted
    when = local_label(backup)
    assert seen["plain"]
    assert seen["buttons"] == sorted(
        [f"Restore the backup of {when}", "Start an empty library", "Quit"]
    )
    assert when in seen["text"] and "renamed, not deleted" in seen["text"]
    assert_plain_words(seen["text"])


@pytest.mark.parametrize("kind", ["damaged pages, with a backup", "not SQLite, no backup"])
def test_quit_in_the_damage_dialog_changes_nothing(
    kind: str,
    request: pytest.FixtureRequest,
    qapp: Any,
    local_time_far_from_utc: None,
) -> None:
    if kind.startswith("damaged"):
        path, backup = request.getfixturevalue("damaged_with_backup")
        expected = [f"Restore the backup of {local_label(backup)}", "Start an empty library"]
    else:
        path = request.getfixturevalue("not_sqlite")
        expected = ["Start an empty library"]
    before = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    seen = answer_next_box("Quit")
    assert open_or_recover(path) is None
    assert {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()} == before
    assert seen["plain"] and seen["buttons"] == sorted([*expected, "Quit"])
    assert "was not changed" in seen["text"]
    assert_plain_words(seen["text"])


def test_start_an_empty_library_keeps_the_file_that_is_not_sqlite(
    not_sqlite: Path, qapp: Any
) -> None:
    original = not_sqlite.read_bytes()
    answer_next_box("Start an empty library")
    fresh = open_or_recover(not_sqlite)
    assert fresh is not None
    try:
        assert fresh.article_count() == 0
    finally:
        fresh.close()
    assert not_sqlite.with_name("library.sqlite3.damaged").read_bytes() == original


def test_the_shared_recovery_restores_the_backup_and_keeps_the_damaged_file(
    damaged_with_backup: tuple[Path, Path],
) -> None:
    path, backup = damaged_with_backup
    damaged_bytes = path.read_bytes()
    aside = set_aside_and_restore(path, backup)
    assert aside == path.with_name("library.sqlite3.damaged")
    assert aside.read_bytes() == damaged_bytes
    with Library.open_checked(path) as restored:
        assert titles(restored) == ["春天", "夏天", "秋天"]


# -- Help ▸ Check library ----------------------------------------------------------------------


def fake_problems(monkeypatch: pytest.MonkeyPatch, problems: list[str]) -> None:
    # A library cannot be damaged under a window that has it open (the window would fail
    # first), so the check itself is replaced: what is tested is how its report is shown.
    monkeypatch.setattr(
        "reader.library.safety.check_library", lambda path: LibraryCheck(False, problems)
    )


PROBLEMS = [
    "library.sqlite3 is damaged (database disk image is malformed).",
    "row 7 of annotations refers to a missing row of articles",
]


def test_check_library_shows_the_problems_and_restoring_closes_the_window(
    ui_window: Any,
    ui_library: Library,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    local_time_far_from_utc: None,
) -> None:
    backup = LibraryBackups(ui_window.service.library_path).make(ui_library)
    fake_problems(monkeypatch, PROBLEMS)
    box = ui_window.library_controller.check_library()
    text = box.text()
    assert "database disk image is malformed" in text and "row 7 of annotations" in text
    assert_plain_words(text)
    assert box.textFormat().name == "PlainText"
    labels = sorted(button.text() for button in box.buttons())
    assert labels == sorted([f"Restore the backup of {local_label(backup)}", "Close"])
    assert not ui_window.recovery_requested
    next(b for b in box.buttons() if b.text().startswith("Restore")).click()
    qtbot.waitUntil(lambda: not ui_window.isVisible())
    assert ui_window.recovery_requested


def test_check_library_without_a_backup_only_closes(
    ui_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_problems(monkeypatch, PROBLEMS)
    box = ui_window.library_controller.check_library()
    assert "no good automatic backup" in box.text()
    assert_plain_words(box.text())
    assert [button.text() for button in box.buttons()] == ["Close"]
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert ui_window.isVisible() and not ui_window.recovery_requested


def test_run_gui_restores_after_check_library_and_opens_a_new_window(
    tmp_path: Path, ui_settings: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.application import run_gui

    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        for title in ("春天", "夏天"):
            add_article(library, title)
        backup = LibraryBackups(path).make(library)
        add_article(library, "秋天")
    seen: list[list[str]] = []

    def first_window(window: MainWindow) -> None:
        [first, *_] = window.service.articles()
        # A change, so an exit backup would be due: it must not be taken of this library.
        window.service.create_annotation(first.id, 0, 2, "yellow", "written before restoring")
        with pytest.MonkeyPatch.context() as patch:
            fake_problems(patch, PROBLEMS)
            box = window.library_controller.check_library()
        restore = next(b for b in box.buttons() if b.text().startswith("Restore the backup"))
        restore.click()

    def exec_once(act: Callable[[MainWindow], None] | None) -> int:
        window = next(
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen.append([article.title for article in window.service.articles()])
        if act is not None:
            act(window)
        else:
            window.close()
        return 0

    runs = iter([first_window, None])
    monkeypatch.setattr(qapp, "exec", lambda: exec_once(next(runs)))
    assert run_gui(path, ["yuedu"]) == 0
    assert seen == [["春天", "夏天", "秋天"], ["春天", "夏天"]]
    assert LibraryBackups(path).list() == [backup]  # no backup of the damaged library
    with Library.open(path.with_name("library.sqlite3.damaged")) as aside:  # kept whole
        assert titles(aside) == ["春天", "夏天", "秋天"]
        assert aside.conn.execute("SELECT comment FROM annotations").fetchall() == [
            ("written before restoring",)
        ]
