"""File ▸ Open library… / New library… (issue 16 §5): the window closes with its library and
`run_gui` opens the chosen one in a new window; one window per library stays true."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.ui.main_window import MainWindow


def add_article(library: Library, title: str) -> None:
    text = f"{title}：今天天气很好，我们去公园散步。"
    sha = hashlib.sha256(title.encode("utf-8")).hexdigest()
    library.add_source(
        NewSource.whole(f"{title}.txt", "UTF-8", sha, len(text.encode()), text, [text]),
        [NewArticle(title, False, "", text, 0, 1, [len(text)])],
    )


def make_library(path: Path, *titles: str) -> Path:
    with Library.open(path) as library:
        for title in titles:
            add_article(library, title)
    return path


def run_windows(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, start: Path, acts: list[Callable[[Any], None]]
) -> tuple[int, list[tuple[Path, list[str]]]]:
    """`run_gui` on `start`, each window's event loop replaced by the next of `acts`
    (then closed); returns the exit status and each window's library and titles."""
    from reader.ui.application import run_gui

    seen: list[tuple[Path, list[str]]] = []
    pending = iter(acts)

    def exec_once() -> int:
        window = next(
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen.append(
            (Path(window.service.library_path), [a.title for a in window.service.articles()])
        )
        act = next(pending, None)
        window.library_switch.open_elsewhere = lambda path: False
        if act is not None:
            act(window)
        if window.isVisible():
            window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", exec_once)
    return run_gui(start, ["yuedu"]), seen


def test_open_library_switches_the_window_to_the_chosen_file(
    tmp_path: Path, ui_settings: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_library(tmp_path / "first.sqlite3", "春天")
    second = make_library(tmp_path / "second.sqlite3", "秋天", "冬天")

    def open_second(window: Any) -> None:
        window.library_switch.ask_open = lambda parent, caption: second
        window.library_switch.open_action.trigger()

    status, seen = run_windows(qapp, monkeypatch, first, [open_second])
    assert status == 0
    assert seen == [(first, ["春天"]), (second.resolve(), ["秋天", "冬天"])]


def test_new_library_makes_a_file_and_opens_it(
    tmp_path: Path, ui_settings: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_library(tmp_path / "first.sqlite3", "春天")
    fresh = tmp_path / "fresh.sqlite3"

    def make_new(window: Any) -> None:
        window.library_switch.ask_new = lambda parent, caption: fresh
        window.library_switch.new_action.trigger()

    status, seen = run_windows(qapp, monkeypatch, first, [make_new])
    assert status == 0 and fresh.is_file()
    assert [path for path, _ in seen] == [first, fresh.resolve()]
    with Library.open(first) as library:  # the first library is untouched
        assert [a.title for a in library.list_articles()] == ["春天"]


def test_bad_choices_change_nothing(ui_window: Any, tmp_path: Path) -> None:
    switch = ui_window.library_switch
    existing = make_library(tmp_path / "taken.sqlite3", "夏天")
    switch.ask_new = lambda parent, caption: existing
    switch.new_action.trigger()
    boxes = [b for b in ui_window.findChildren(QMessageBox) if b.isVisible()]
    assert any("exists already" in b.text() for b in boxes)
    switch.ask_open = lambda parent, caption: tmp_path / "missing.sqlite3"
    switch.open_action.trigger()
    assert ui_window.isVisible() and switch.requested is None
    # The library open here: nothing to switch.
    assert not switch.switch_to(Path(ui_window.service.library_path))
    # A library another window has open: that window is brought forward, this one stays.
    switch.open_elsewhere = lambda path: True
    assert not switch.switch_to(existing)
    assert ui_window.isVisible() and switch.requested is None
