"""Save the README's screenshots, made over the sample library:

- docs/screenshot.png — the main window;
- docs/hover-card.png — the window with the hover card over a word;
- docs/pinyin-above.png — pinyin-above mode with tone colours;
- docs/highlights.png — highlights in five colours, one with a comment, and the dock.

    xvfb-run -s "-screen 0 1280x800x24" python docs/make_screenshot.py [FOLDER]

Works with QT_QPA_PLATFORM=offscreen too (fonts come from fontconfig either way). Uses a
throw-away library, settings and dictionary, so the user's own are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.library.store import Library  # noqa: E402
from reader.ui.application import (  # noqa: E402
    configure_application,
    create_main_window,
    import_sample_if_empty,
)

WINDOW_SIZE = (1200, 760)
HOVER_WORD = "营商"  # not in CC-CEDICT as a word: the card explains its characters


def settle(app: QApplication, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()


def wait_for_readings(app: QApplication, window, timeout: float = 60.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        readings = window.reading_view.readings
        if (
            window.pinyin.dictionary is not None
            and readings is not None
            and all(readings.is_resolved(i) for i in range(len(readings.tokens)))
        ):
            return
        app.processEvents()
        time.sleep(0.02)
    raise TimeoutError("pinyin did not arrive")


def grab_with_card(window) -> object:  # noqa: ANN001
    """The window's picture with the hover card (a window of its own) painted where it is."""
    image = window.grab().toImage()
    card = window.cards.card
    if card.isVisible():
        painter = QPainter(image)
        painter.drawPixmap(window.mapFromGlobal(card.pos()), card.grab())
        painter.end()
    return image


def main(folder: Path) -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["YUEDU_DICTIONARY"] = str(Path(scratch) / "cedict.sqlite3")
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        library = Library.open(Path(scratch) / "library.sqlite3")
        try:
            import_sample_if_empty(library)
            window = create_main_window(library, settings)
            window.resize(*WINDOW_SIZE)
            window.show()
            settle(app)
            window.grab().save(str(folder / "screenshot.png"))

            wait_for_readings(app, window)
            view = window.reading_view
            text = view.readings.tokens.text
            start = text.index(HOVER_WORD)
            index = view.tokens.index_at(start)
            rect = view.token_rect(index)
            QTest.mouseMove(view.viewport(), rect.center() + QPoint(0, 1))
            settle(app)
            grab_with_card(window).save(str(folder / "hover-card.png"))

            QTest.mouseMove(window.article_list, QPoint(5, 5))
            window.cards.card.hide()
            window.set_pinyin_above(True)
            settle(app)
            window.grab().save(str(folder / "pinyin-above.png"))
            window.set_pinyin_above(False)

            article = view.article_id
            marks = [
                ("紧紧抓住省委加快开发区建设的重大机遇", "yellow", "", ()),
                (
                    "优化营商环境",
                    "green",
                    "营商 = 经营 + 商业: the business climate.\nKey term.",
                    ("vocab",),
                ),
                ("高起点建设经济技术开发区", "blue", "", ("policy",)),
                ("“九通一平”", "pink", "Nine connections, one levelling: infrastructure.", ()),
                ("收储平整土地", "purple", "", ()),
            ]
            last = None
            for phrase, colour, comment, tags in marks:
                start = text.index(phrase)
                created = window.service.create_annotation(
                    article, start, start + len(phrase), colour, comment
                )
                if tags:
                    window.service.set_annotation_tags(created.id, list(tags))
                if comment:
                    last = created
            window.resize(1400, 820)
            window.annotation_dock.show()
            window.highlights.select_annotation(last.id)
            settle(app)
            window.grab().save(str(folder / "highlights.png"))
            window.close()
            window.pinyin.shutdown()
            window.service.shutdown()
        finally:
            library.close()
    for name in ("screenshot.png", "hover-card.png", "pinyin-above.png", "highlights.png"):
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
