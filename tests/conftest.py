"""Shared test set-up. Qt must run headless, so the platform is chosen before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# CI (CI=true) runs property tests with a fixed seed, so a landing never hangs on a new
# random example; developers' runs stay random and keep looking for counterexamples.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _dictionary_in_a_test_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CC-CEDICT table goes to a per-session folder, never to the user's cache; it is
    built once, by whichever test needs it first."""
    folder = tmp_path_factory.mktemp("dictionary")
    saved = os.environ.get("YUEDU_DICTIONARY")
    os.environ["YUEDU_DICTIONARY"] = str(folder / "cedict.sqlite3")
    yield
    if saved is None:
        os.environ.pop("YUEDU_DICTIONARY", None)
    else:
        os.environ["YUEDU_DICTIONARY"] = saved


@pytest.fixture
def ui_settings(tmp_path: Path, qapp: Any) -> Iterator[Any]:
    """An INI QSettings in tmp_path; default-constructed QSettings go there too, so no test
    touches the real user's settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("YueduTests")
    QCoreApplication.setApplicationName("YueduTests")
    yield QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


UI_ARTICLES = [
    ("春天的故事", "记者 张三", "第一段春天。\n第二段花开。"),
    ("Markup stays text", "Byline <i>", "<b>x</b> &amp; <img src=x>\n第二段。"),
    ("秋天", "李四", "秋天来了。"),
]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Any]:
    """An empty library file, tmp_path / "lib.sqlite3"; closed after the test. (A module
    whose tests need one filled defines its own `library`.)"""
    from reader.library.store import Library

    lib = Library.open(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def ui_library(tmp_path: Path) -> Iterator[Any]:
    """A library file with the three UI_ARTICLES (one source); closed after the test."""
    from reader.library.store import Library, NewArticle, NewSource

    library = Library.open(tmp_path / "lib.sqlite3")
    articles = [
        NewArticle(title, False, byline, text, i, i + 1, [len(text)])
        for i, (title, byline, text) in enumerate(UI_ARTICLES)
    ]
    raw = "\n".join(text for _, _, text in UI_ARTICLES)
    library.add_source(
        NewSource.whole("fixture.txt", "UTF-8", "0" * 64, len(raw), raw, [raw]), articles
    )
    yield library
    library.close()


@pytest.fixture
def ui_window(ui_library: Any, ui_settings: Any, qtbot: Any) -> Iterator[Any]:
    """A MainWindow over `ui_library`, state restored from `ui_settings`, shown."""
    from reader.ui.application import create_main_window

    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.service.shutdown()
    window.pinyin.shutdown()


@pytest.fixture
def imported_library(tmp_path: Path) -> Iterator[Any]:
    """A factory: a library file with `text` (written as tmp_path/`name`) or the file at
    `path` imported through the real pipeline; every one made is closed after the test."""
    from reader.importer import import_path
    from reader.library import Library

    opened: list[Any] = []

    def make(text: str | None = None, *, path: Path | None = None, name: str = "page.txt") -> Any:
        if path is None:
            path = tmp_path / name
            path.write_text(text or "", encoding="utf-8")
        library = Library.open(tmp_path / f"library-{len(opened)}.sqlite3")
        import_path(library, path)
        opened.append(library)
        return library

    yield make
    for library in opened:
        library.close()


@pytest.fixture
def shown_window(ui_settings: Any, qtbot: Any) -> Iterator[Any]:
    """A factory: a MainWindow over a library, sized, shown and exposed; its workers are
    stopped after the test."""
    from reader.ui.application import create_main_window

    windows: list[Any] = []

    def make(library: Any, size: tuple[int, int] = (1200, 800)) -> Any:
        window = create_main_window(library, ui_settings)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.pinyin.shutdown()
        window.service.shutdown()


@pytest.fixture
def text_window(shown_window: Any, qtbot: Any) -> Any:
    """A factory: a shown MainWindow over an in-memory library of one article, `text`
    (segmented, as an import stores it), once its tokens are in the view."""
    from reader.library.store import Library, NewArticle, NewSource
    from reader.text.segment import segment_ends

    def make(text: str, title: str = "银行") -> Any:
        library = Library.in_memory()
        library.add_source(
            NewSource.whole("bank.txt", "utf-8", "b" * 64, 1, text, [text]),
            [NewArticle(title, False, "", text, 0, 1, segment_ends(text))],
        )
        window = shown_window(library)
        qtbot.waitUntil(lambda: window.reading_view.tokens is not None, timeout=5000)
        return window

    return make
