"""A real Yuedu window process driven line by line over stdin, for the end-to-end story tests
(tests/test_live_library_story.py).

Run as `python tests/window_process.py LIBRARY` (the repo on PYTHONPATH, QT_QPA_PLATFORM set
to offscreen, XDG folders and YUEDU_DICTIONARY pointed at a scratch folder by the caller). It
starts the app through its real composition root (`reader.app.main`, so start-up, the
single-instance server, the sample page and the exit path with its backup are the shipped
ones), then answers one line per command on stdout: "ok <json>" or "error <text>".

Commands:
  locks      POSIX locks that /proc/locks shows for this process on the library's files
  browse     File ▸ Import… in the library's folder, wait for the listing, then Cancel
  highlight  select a span of the open article and highlight it through the window
  quit       close the window normally; the process exits with the app's status

Nothing here may hang the test: stdin closing quits the app, and a watchdog ends the process
outright if the story takes far longer than it should.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.posix_locks import library_files, posix_locks

WATCHDOG_MS = 120_000  # far above the story's length: only a wedged child ever reaches it
LISTING_TIMEOUT_MS = 10_000
# After the folder is listed, icons and types keep being gathered in Qt's worker thread for
# a moment; the dialog stays open that long, as it would for a person reading the listing.
SETTLE_MS = 700
POLL_MS = 25
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4}")


def answer(status: str, payload: object) -> None:
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    sys.stdout.write(f"{status} {text}\n")
    sys.stdout.flush()


def open_descriptors(library: Path) -> list[str]:
    """What this process has open among the library's files (for the report when the count
    of locks changes: who opened them)."""
    names = {str(path) for path in library_files(library).values()}
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.removesuffix(" (deleted)") in names:
            found.append(f"{fd}->{target}")
    return sorted(found)


class LineReader(QObject):
    """Reads stdin in a thread; each line reaches the GUI thread as a queued signal."""

    line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._run, name="stdin-commands", daemon=True).start()

    def _run(self) -> None:
        for raw in sys.stdin:
            self.line.emit(raw.strip())
        self.line.emit("eof")  # the test went away: leave, never linger


class Driver(QObject):
    """Finds the real MainWindow once the app's event loop runs and carries out commands."""

    def __init__(self, app: QApplication, library: Path) -> None:
        super().__init__()
        self.app = app
        self.library = library.resolve()
        self.window: Any = None
        self.reader = LineReader()
        self.reader.line.connect(self.handle)

    # -- start-up ------------------------------------------------------------------------
    def wait_for_window(self) -> None:
        from reader.ui.main_window import MainWindow

        windows = [w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)]
        # (Its frame shows, unfurnished, while the library opens.)
        ready = windows and windows[0].furnished and windows[0].isVisible()
        if ready and windows[0].reading_view.article_id is not None:
            self.window = windows[0]
            view = self.window.reading_view
            answer(
                "ok",
                {
                    "ready": True,
                    "pid": os.getpid(),
                    "article_id": view.article_id,
                    "text_length": len(view.tokens.text),
                },
            )
            self.reader.start()
            return
        QTimer.singleShot(POLL_MS, self.wait_for_window)

    # -- commands ------------------------------------------------------------------------
    def handle(self, command: str) -> None:
        try:
            if command == "locks":
                answer("ok", {**posix_locks(self.library), "fds": open_descriptors(self.library)})
            elif command == "browse":
                self.browse()
            elif command == "highlight":
                self.highlight()
            elif command in ("quit", "eof"):
                self.quit()
            else:
                answer("error", f"unknown command {command!r}")
        except Exception as error:  # reported to the test, which fails with it
            answer("error", f"{command}: {type(error).__name__}: {error}")

    def browse(self) -> None:
        """The real File ▸ Import…: the chooser is modal, so the poll that drives it is
        scheduled first and runs inside the dialog's own event loop. It shows the library's
        folder with every file (as a reader choosing "All files"), stays open a moment, as
        for a person reading the listing, and is cancelled."""
        from reader.ui.file_dialogs import FileChooser

        outcome: dict[str, Any] = {"error": "the import dialog never appeared"}
        deadline = {"left": LISTING_TIMEOUT_MS}

        def drive() -> None:
            dialogs = [
                w
                for w in self.app.topLevelWidgets()
                if isinstance(w, FileChooser) and w.isVisible()
            ]
            deadline["left"] -= POLL_MS
            if not dialogs:
                if deadline["left"] > 0:
                    QTimer.singleShot(POLL_MS, drive)
                return
            dialog = dialogs[0]
            dialog.select_filter("All files (*)")
            dialog.set_folder(self.library.parent)
            names = dialog.listed_names()
            if "page.txt" not in names:
                outcome["error"] = f"the library's folder was not listed: {names}"
                dialog.reject()
                return
            outcome.clear()
            outcome["listed"] = sorted(names)
            QTimer.singleShot(SETTLE_MS, dialog.reject)  # Cancel: nothing is imported

        QTimer.singleShot(0, drive)
        self.window.import_action.trigger()  # returns once the dialog is closed
        if "error" in outcome:
            answer("error", outcome["error"])
        else:
            answer("ok", outcome)

    def highlight(self) -> None:
        """Select four Chinese characters of the open article and highlight them the way the
        selection bar does; report what the window said."""
        window = self.window
        view = window.reading_view
        text = view.tokens.text
        match = CJK_RUN.search(text, len(text) // 2)  # away from the CLI's span at the start
        if match is None:
            answer("error", "the open article has no run of four Chinese characters")
            return
        start, end = match.span()
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(start))
        cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        annotation_id = window.highlights.highlight_selection("yellow")
        answer(
            "ok",
            {
                "annotation_id": annotation_id,
                "article_id": view.article_id,
                "start": start,
                "end": end,
                "quote": text[start:end],
                "status": window.statusBar().currentMessage(),
            },
        )

    def quit(self) -> None:
        """Close the window as a person would; `run_gui` then shuts the workers down, backs up
        and closes the library before the process exits."""
        if self.window is not None:
            self.window.close()
        self.app.quit()


def watchdog() -> None:
    sys.stderr.write("window_process: watchdog fired, the story took too long\n")
    sys.stderr.flush()
    os._exit(3)


def main() -> int:
    library = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])  # `run_gui` uses this instance
    driver = Driver(app, library)
    QTimer.singleShot(0, driver.wait_for_window)
    QTimer.singleShot(WATCHDOG_MS, watchdog)
    from reader.app import main as yuedu_main

    return yuedu_main(["--db", str(library)])


if __name__ == "__main__":
    sys.exit(main())
