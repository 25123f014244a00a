"""The window's frame is on screen before the library is opened and the views are built
(issue 11, point 6): what the frame is, what it does not yet load, and what it keeps for
later — requests handed over while the library opens, a close before it is furnished."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from reader.library.store import Library
from reader.ui.application import follow_requests, furnish_window
from reader.ui.main_window import SETTINGS_GEOMETRY, MainWindow

REPO_ROOT = Path(__file__).resolve().parent.parent

# A real start (`start_session`, as `yuedu` runs it) in its own process, watched by the
# application: what is loaded and open when the first window paints, and after it returns.
FIRST_FRAME_SCRIPT = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from reader.ui.application import configure_application, start_session
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

LIBRARY = Path(sys.argv[1])
WATCHED = ("reader.library.store", "sqlite3", "reader.ui.window_parts",
           "reader.ui.reading_view", "reader.ui.library_service", "socket", "hashlib")

def open_files():
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    return found

seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            if not seen:
                seen.update(
                    furnished=watched.furnished,
                    status=watched.statusBar().currentMessage(),
                    central=watched.centralWidget() is not None,
                    loaded=[name for name in WATCHED if name in sys.modules],
                    library_open=str(LIBRARY) in open_files(),
                    dark=watched.palette().window().color().lightnessF() < 0.5,
                )
        return False

app = QApplication(sys.argv[:1])
configure_application(app)
watcher = FirstPaint()
app.installEventFilter(watcher)
session = start_session(LIBRARY, {}, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = session.window
print(json.dumps({
    "at_first_paint": seen,
    "after": {
        "furnished": window.furnished,
        "article": window.reading_view.article_id,
        "status": window.statusBar().currentMessage(),
        "library_open": str(LIBRARY) in open_files(),
    },
    "style": type(QApplication.style()).__name__,
}))
session.server.close()
session.library.close()
"""


def first_frame_report(library: Path, settings: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_SCRIPT, str(library), str(settings)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_the_frame_paints_before_the_library_opens_and_the_views_load(
    ui_library: Library, tmp_path: Path
) -> None:
    path = ui_library.path
    [first, *_] = ui_library.list_articles()
    ui_library.close()
    report = first_frame_report(path, tmp_path / "settings.ini")
    frame = report["at_first_paint"]
    assert frame, "no window painted before start_session returned"
    assert frame["furnished"] is False and frame["central"] is False
    assert frame["status"] == "Opening the library…"
    assert frame["library_open"] is False
    assert frame["loaded"] == []  # none of the library's or the views' modules yet
    assert frame["dark"] is False  # the platform's own palette: the theme is "system"
    after = report["after"]
    assert after == {"furnished": True, "article": first.id, "status": "", "library_open": True}


def test_requests_handed_over_while_the_library_opens_are_followed_once_furnished(
    ui_library: Library, ui_settings: Any, qtbot: Any
) -> None:
    [first, second, *_] = ui_library.list_articles()
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.handle_instance_request({"url": f"yuedu://article/{second.id}"})
    assert window.early_requests == [{"url": f"yuedu://article/{second.id}"}]

    furnish_window(window, ui_library)
    assert window.reading_view.article_id == first.id  # nothing followed before it is asked
    follow_requests(window, {})
    assert window.reading_view.article_id == second.id
    assert window.early_requests == []
    window.service.shutdown()
    window.pinyin.shutdown()


def test_this_start_s_own_request_comes_before_those_handed_over(
    ui_library: Library, ui_settings: Any, qtbot: Any
) -> None:
    [first, second, *_] = ui_library.list_articles()
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.handle_instance_request({"url": f"yuedu://article/{first.id}"})  # came later
    furnish_window(window, ui_library)
    follow_requests(window, {"url": f"yuedu://article/{second.id}"})
    assert window.reading_view.article_id == first.id  # the later one is followed last
    window.service.shutdown()
    window.pinyin.shutdown()


def test_a_frame_closed_before_it_is_furnished_keeps_the_saved_state(
    ui_settings: Any, qtbot: Any
) -> None:
    ui_settings.setValue(SETTINGS_GEOMETRY, b"saved before")
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert ui_settings.value(SETTINGS_GEOMETRY) == b"saved before"
    assert not window.isVisible()


def test_a_window_furnished_on_screen_is_laid_out_as_one_built_before_it_showed(
    ui_library: Library, ui_settings: Any, tmp_path: Path, qtbot: Any
) -> None:
    """Views added to a frame already on screen are laid out at once; the first start's
    dock width and splitter sizes must still be applied after that, not overridden by it
    (the Annotations dock took two thirds of the window)."""
    from PySide6.QtCore import QSettings

    from reader.ui.application import create_main_window, start_session

    path = ui_library.path
    built = create_main_window(ui_library, QSettings(str(tmp_path / "a.ini"), ui_settings.format()))
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    expected = (built.annotation_dock.width(), built.splitter.sizes())
    built.service.shutdown()
    built.pinyin.shutdown()
    built.close()

    session = start_session(path, {}, QSettings(str(tmp_path / "b.ini"), ui_settings.format()))
    assert not isinstance(session, int)
    window = session.window
    qtbot.addWidget(window)
    qtbot.wait(100)  # the dock's new width is applied by the next layout
    try:
        assert (window.annotation_dock.width(), window.splitter.sizes()) == expected
        assert window.annotation_dock.width() < window.width() // 3
    finally:  # as run_session ends: the window closed before the library
        window.close()
        window.service.shutdown()
        window.pinyin.shutdown()
        session.server.close()
        session.library.close()


def test_a_reader_who_chose_the_dark_theme_gets_a_dark_frame(
    ui_library: Library, tmp_path: Path
) -> None:
    """No light frame flashes before a dark window (Preferences ▸ Theme ▸ Dark)."""
    path = ui_library.path
    ui_library.close()
    settings = tmp_path / "settings.ini"
    settings.write_text("[appearance]\ntheme=dark\n", encoding="utf-8")
    report = first_frame_report(path, settings)
    assert report["at_first_paint"]["dark"] is True
    assert report["at_first_paint"]["loaded"] == []
    # The frame got the dark palette only; the style drawing its outlines came after it.
    assert report["style"] == "IndicatorOutlineStyle"


def test_the_damage_question_comes_over_the_frame_and_quit_closes_it(
    tmp_path: Path, ui_settings: Any, qapp: Any, monkeypatch: Any
) -> None:
    """A damaged library at start-up: the question is a dialog of the frame already on
    screen (centred on it, modal), and Quit leaves no window behind."""
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.application import start_session

    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00\x01\x01\x00\x40\x20\x20" + b"\xff" * 5000)
    asked: list[tuple[Any, bool]] = []

    def answer_quit(box: QMessageBox) -> int:
        parent = box.parentWidget()
        asked.append((parent, parent is not None and parent.isVisible()))
        for button in box.buttons():
            if button.text() == "Quit":
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_quit)
    assert start_session(path, {}, ui_settings) == 1
    [(parent, frame_on_screen)] = asked
    assert isinstance(parent, MainWindow) and frame_on_screen and not parent.furnished
    assert not parent.isVisible()  # closed after Quit
    assert path.read_bytes().startswith(b"SQLite format 3")  # untouched
    assert not path.with_name(path.name + ".damaged").exists()
