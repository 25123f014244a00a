"""Save a screenshot of the main window over the sample library to docs/screenshot.png.

    xvfb-run -s "-screen 0 1280x800x24" python docs/make_screenshot.py [OUTPUT.png]

Works with QT_QPA_PLATFORM=offscreen too (fonts come from fontconfig either way). Uses a
throw-away library and settings, so the user's own are never touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library.store import Library  # noqa: E402
from reader.ui.application import (  # noqa: E402
    configure_application,
    create_main_window,
    import_sample_if_empty,
)

WINDOW_SIZE = (1200, 760)


def main(output: Path) -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        library = Library.open(Path(folder) / "library.sqlite3")
        try:
            import_sample_if_empty(library)
            window = create_main_window(library, settings)
            window.resize(*WINDOW_SIZE)
            window.show()
            for _ in range(20):  # let layout and the first paint settle
                app.processEvents()
            window.grab().save(str(output))
            window.close()
        finally:
            library.close()
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"))
