"""Yuedu benchmarks: one command, one table, each figure a ratio to a floor measured in the
same run on the same machine.

    python bench/run.py            # all rows
    python bench/run.py --quick    # fewer repetitions
    python bench/run.py --only startup,highlights   # some groups of rows
    python bench/run.py --only instructions   # start-up in instructions (valgrind)

Rows (later issues add more):
- start-up: process start → first paint of a window over a 1,000-article library, against a
  bare QApplication + QMainWindow shown the same way. Target ≤ 1.3×. `yuedu` paints its
  window's frame first (title, size, "Opening the library…"), then opens the library and
  builds the views; so a second row times process start → the article on screen, against Qt
  alone showing the same content (the titles, the first article's text, menus, a dock;
  none of our code). `--only instructions` counts both rows in instructions under valgrind,
  a figure machine load does not move, and notes the bare window that merely touches `Qt`
  and `QStyle` (PySide6 builds their Python enums on first use), a cost any window that
  aligns text or draws a styled item pays.
- import: characters per second importing the 586k-character novel (decode, reflow, split,
  segment, store) against `jieba.cut` over the same text. Target ≥ 0.7×.
- reading (bench/reading.py): opening the novel's longest chapter, hover, the hover card,
  scrolling in pinyin-above mode.
- highlights (bench/highlights.py): adding one next to 1,000, opening an article with
  10,000; annotations (bench/annotations.py): listing from a library of 100,000,
  re-anchoring after edits; export (bench/export.py): 100,000 annotations into 1,000 notes.
- PDF import (bench/pdf_import.py): pages per second against pypdfium2's own character
  extraction. Target ≥ 0.5×. Split accuracy (bench/split_accuracy.py): articles found with
  exactly the right boundaries, title and byline, per family of layout. Target ≥ 95 %.
- vocabulary (bench/vocabulary.py): marking a word and repainting a 10,000-character article
  coloured by status (≤ 16 ms); every article's known share after marking a word in a
  1,000-article library (≤ 100 ms).
- search (bench/search.py): p95 of 1-, 2-, 4-character and pinyin queries over 1,000
  articles (~5M characters) against an instr() scan, index build and size, the find bar
  painting 500 hits. Target ≤ 50 ms per query, ≤ 16 ms for the paint.
- import memory (bench/import_memory.py): peak memory rise importing a 200 MB file (20 MB
  with --quick), against the file's size. Target ≤ 4×.
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
NOVEL = REPO_ROOT.parent / "shared" / "corpus" / "hongloumeng" / "hongloumeng-crlf.txt"
sys.path.insert(0, str(REPO_ROOT))

# The child measures from the moment the parent launched it to the first paint event.
_STARTUP_CHILD = r"""
import os, sys, time
launched = float(os.environ["YUEDU_BENCH_LAUNCHED"])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
kind, db, settings_path = sys.argv[1], sys.argv[2], sys.argv[3]
if kind.startswith("app"):  # the order of `yuedu`: our modules (which import Qt's) first,
    # then the QApplication; the harness's own Qt imports below are then already loaded.
    from reader.ui.application import configure_application, start_session
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
heavy = ("jieba", "pypinyin", "g2pM", "reader.text.dictionary")
times, loaded_on_screen = {}, []

def content_on_screen():  # the list and the article's text painted: the start is over
    times["content"] = time.time() - launched
    loaded_on_screen.extend(name in sys.modules for name in heavy)
    QTimer.singleShot(0, app.quit)

class FirstPaint(QObject):
    # Any window's first paint, seen by the application (`yuedu` paints its frame inside
    # start_session, before it returns); then, for `yuedu`, the reading view's first paint.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if "first" not in times and isinstance(watched, QMainWindow):
                times["first"] = time.time() - launched
                app.removeEventFilter(self)  # a filter on every event would slow the rest
                if kind == "app-frame":  # counted to the frame's paint only (instructions)
                    print(times["first"], times["first"], flush=True)
                    os._exit(0)
                if kind != "app":
                    content_on_screen()
            elif "first" in times and "content" not in times and watched is not app:
                content_on_screen()
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
if kind in ("floor", "qt-imports", "qt-namespace"):
    if kind == "qt-namespace":  # two names any window of this kind touches: PySide6 builds
        # the Python enums of Qt's namespace (alignment, orientation, keys...) and QStyle's
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle
    if kind == "qt-imports":  # the Qt classes the UI imports, and nothing of ours
        import importlib, json
        for module, names in json.loads(os.environ["YUEDU_BENCH_QT_IMPORTS"]).items():
            loaded = importlib.import_module(module)
            for name in names:
                getattr(loaded, name)
    window = QMainWindow()
    window.resize(1100, 700)
elif kind == "same-content":  # Qt alone showing what our first paint shows: no code of ours
    import sqlite3
    from PySide6.QtCore import QStringListModel, Qt
    from PySide6.QtWidgets import QDockWidget, QListView, QSplitter, QTextEdit
    connection = sqlite3.connect(db)
    titles = [row[0] for row in connection.execute("SELECT title FROM articles ORDER BY id")]
    [text] = connection.execute("SELECT text FROM articles ORDER BY id LIMIT 1").fetchone()
    window = QMainWindow()
    window.resize(1100, 700)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    titles_view = QListView()
    titles_view.setModel(QStringListModel(titles, titles_view))
    text_view = QTextEdit()
    text_view.setReadOnly(True)
    text_view.setPlainText(text)
    splitter.addWidget(titles_view)
    splitter.addWidget(text_view)
    window.setCentralWidget(splitter)
    for title in ("&File", "&Edit", "&View", "&Help"):
        window.menuBar().addMenu(title)
    dock = QDockWidget("Annotations", window)
    dock.setWidget(QListView())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.statusBar().showMessage(f"{len(titles)} articles")
else:  # the real start: single-instance probe, the frame painted, checked open, the views
    configure_application(app)
    from pathlib import Path
    session = start_session(Path(db), {}, QSettings(settings_path, QSettings.Format.IniFormat))
    window = session.window
    window.reading_view.viewport().installEventFilter(watcher)

window.show()
QTimer.singleShot(20000, app.quit)
app.exec()
print(times["first"], times["content"], *loaded_on_screen, flush=True)
os._exit(0)  # no interpreter teardown, as `app-frame` leaves at its paint: alike instructions
"""


def build_library(path: Path, articles: int = 1000) -> None:
    from reader.library import Library
    from reader.library.store import NewArticle, NewSource

    paragraph = "本报讯 兴县县委县政府紧紧抓住省委加快开发区建设的重大机遇，主动融入新发展格局。"
    with Library.open(path) as library, library.session.write("Benchmark set-up"):
        for source_number in range(articles // 10):
            drafts = []
            for n in range(10):
                text = "\n".join([f"第{n}段。" + paragraph] * 20)
                drafts.append(
                    NewArticle(
                        f"文章 {source_number}-{n}", False, "张明提", text, 0, 20, [len(text)]
                    )
                )
            library.add_source(
                NewSource.whole(
                    f"page-{source_number}.txt", "UTF-8", f"hash-{source_number}", 1, "", []
                ),
                drafts,
            )


@functools.cache
def ui_qt_imports() -> dict[str, list[str]]:
    """Every `from PySide6.X import Y` in reader/ui, to time Qt's own share of start-up."""
    imports: dict[str, set[str]] = {}
    for path in (REPO_ROOT / "reader" / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                imports.setdefault(node.module or "", set()).update(a.name for a in node.names)
    return {module: sorted(names) for module, names in imports.items()}


def _startup_child(kind: str, db: Path, settings: Path) -> tuple[list[str], dict[str, str]]:
    """The command and environment of one start-up child (`_STARTUP_CHILD`)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", YUEDU_BENCH_LAUNCHED="0")
    env["YUEDU_BENCH_QT_IMPORTS"] = json.dumps(ui_qt_imports())
    # A user's Python caches bytecode after the first run (pip did so for site-packages);
    # a developer shell may forbid it, which would make every run compile our modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return [sys.executable, "-c", _STARTUP_CHILD, kind, str(db), str(settings)], env


def time_startup(kind: str, db: Path, settings: Path) -> tuple[float, float, str]:
    """Seconds from launch to the first paint of a window and to the content on screen
    (the same moment but for `app`), and which heavy modules were loaded by then."""
    command, env = _startup_child(kind, db, settings)
    # The clock starts here, after the harness's own preparation (parsing reader/ui for the
    # Qt classes it imports takes longer than Qt's bare window): only the launch is timed.
    env["YUEDU_BENCH_LAUNCHED"] = repr(time.time())
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
    )
    lines = result.stdout.split()
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child failed: {result.stderr[-2000:]}")
    return float(lines[0]), float(lines[1]), " ".join(lines[2:])


def count_startup_instructions(kind: str, db: Path, settings: Path) -> int:
    """User-space instructions of one start to first paint, under valgrind's callgrind: a
    count that machine load does not move (wall times here vary by a fifth from run to
    run), at ~50× the time. Every child leaves by os._exit once its figure is printed."""
    command, env = _startup_child(kind, db, settings)
    subprocess.run(command, capture_output=True, env=env, cwd=REPO_ROOT, timeout=60)  # .pyc
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=900,
    )
    counts = [line for line in result.stderr.splitlines() if "Collected :" in line]
    if result.returncode != 0 or not counts:
        raise RuntimeError(f"callgrind child failed: {result.stderr[-2000:]}")
    return int(counts[-1].split(":")[-1].replace(",", ""))


def row_startup_instructions() -> list[dict[str, object]]:
    """Start-up counted in instructions (needs valgrind): app, floor, same content."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.sqlite3"
        settings = Path(folder) / "settings.ini"
        build_library(db)
        time_startup("app", db, settings)  # the settings a first start leaves, as timed
        counts = {
            kind: count_startup_instructions(kind, db, settings)
            for kind in ("floor", "app-frame", "app", "same-content", "qt-namespace")
        }
    floor, frame, app = counts["floor"], counts["app-frame"], counts["app"]
    same, namespace = counts["same-content"], counts["qt-namespace"]
    return [
        {
            "row": "start-up to first paint, instructions",
            "value": f"{frame / 1e6:,.0f} M",
            "floor": f"{floor / 1e6:,.0f} M (bare QMainWindow)",
            "ratio": frame / floor,
            "target": "≤ 1.3",
            "ok": frame / floor <= 1.3,
            "note": "the frame's paint; the bare window plus only touching Qt's namespace "
            f"and QStyle: {namespace / floor:.2f}×",
        },
        {
            "row": "start-up to the article on screen, instructions",
            "value": f"{app / 1e6:,.0f} M",
            "floor": f"{same / 1e6:,.0f} M (Qt alone, same content)",
            "ratio": app / same,
            "target": "≤ 2",
            "ok": app / same <= 2,
            "note": "each child runs to its content on screen and exits; the same content "
            f"is {same / floor:.2f}× the bare window",
        },
    ]


def row_startup(repeats: int) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.sqlite3"
        settings = Path(folder) / "settings.ini"
        build_library(db)
        time_startup("app", db, settings)  # warm the OS file cache for both
        time_startup("floor", db, settings)
        floor, app, app_content, qt_only, same = [], [], [], [], []
        loaded = ""
        for _ in range(repeats):  # interleaved, so drift in machine load hits all
            floor.append(time_startup("floor", db, settings)[0])
            first, content, loaded = time_startup("app", db, settings)
            app.append(first)
            app_content.append(content)
            qt_only.append(time_startup("qt-imports", db, settings)[0])
            same.append(time_startup("same-content", db, settings)[0])
    value, base = statistics.median(app), statistics.median(floor)
    qt_share, same_content = statistics.median(qt_only), statistics.median(same)
    content = statistics.median(app_content)
    return [
        {
            "row": "start-up to first paint, 1,000 articles",
            "value": f"{value * 1000:.0f} ms",
            "floor": f"{base * 1000:.0f} ms (bare QMainWindow)",
            "ratio": value / base,
            "target": "≤ 1.3",
            "ok": value / base <= 1.3,
            "note": "the first paint is the window's frame (title, size and place, "
            "'Opening the library…'), painted before the library is opened and the views "
            "are built; the floor plus only the Qt classes the UI imports (PySide6 builds "
            f"their Python enums on import): {qt_share * 1000:.0f} ms = "
            f"{qt_share / base:.2f}× the floor",
        },
        {
            "row": "start-up to the article on screen, 1,000 articles",
            "value": f"{content * 1000:.0f} ms",
            "floor": f"{same_content * 1000:.0f} ms (Qt alone, same content)",
            "ratio": content / same_content,
            "target": "≤ 2",
            "ok": content / same_content <= 2,
            "note": "the list and the last article's text painted, against Qt alone showing "
            "the same (titles, text, menus, dock; no code of ours), itself "
            f"{same_content / base:.2f}× the bare window; jieba/pypinyin/g2pM/dictionary "
            f"loaded by then: {loaded}",
        },
    ]


def row_import(repeats: int) -> dict[str, object]:
    if not NOVEL.exists():
        return {
            "row": "import throughput, novel",
            "value": "skipped (../shared absent)",
            "ok": True,
        }
    import jieba

    from reader.importer import import_path
    from reader.library import Library

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    text = NOVEL.read_text(encoding="utf-8")
    floor_rates, import_rates = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        for _word in jieba.cut(text):
            pass
        floor_rates.append(len(text) / (time.perf_counter() - started))
        with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "l.db") as lib:
            started = time.perf_counter()
            outcome = import_path(lib, NOVEL)
            import_rates.append(len(text) / (time.perf_counter() - started))
            assert len(outcome.article_ids) == 80
    value, base = statistics.median(import_rates), statistics.median(floor_rates)
    return {
        "row": "import throughput, 586k-char novel",
        "value": f"{value / 1000:.0f}k chars/s",
        "floor": f"{base / 1000:.0f}k chars/s (jieba.cut)",
        "ratio": value / base,
        "target": "≥ 0.7",
        "ok": value / base >= 0.7,
        "note": "decode + reflow + split + segment + store",
    }


def print_table(rows: list[dict[str, object]]) -> None:
    header = ["row", "value", "floor", "ratio", "target", "ok"]
    cells = [header] + [
        [
            str(r.get("row", "")),
            str(r.get("value", "")),
            str(r.get("floor", "")),
            f"{r['ratio']:.2f}×" if isinstance(r.get("ratio"), float) else "",
            str(r.get("target", "")),
            "yes" if r.get("ok") else "NO",
        ]
        for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    for index, line in enumerate(cells):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            print("-+-".join("-" * width for width in widths))
    for r in rows:
        if r.get("note"):
            print(f"  {r['row']}: {r['note']}")


Row = dict[str, object]


def _rows(module: str, function: str, *args: object) -> Callable[[], list[Row]]:
    """A group of rows from `bench.<module>.<function>(*args)`, imported when it runs (each
    imports what it measures: Qt, the segmenter…)."""

    def run() -> list[Row]:
        found = getattr(importlib.import_module(f"bench.{module}"), function)(*args)
        return found if isinstance(found, list) else [found]

    return run


def row_groups(quick: bool, import_mb: float) -> dict[str, Callable[[], list[Row]]]:
    """Every group of rows by name, in the table's order. Those measured on the novel give
    none without ../shared."""
    repeats = 3 if quick else 7
    on_novel = (lambda *args: _rows(*args, NOVEL)) if NOVEL.exists() else (lambda *_: list)
    return {
        "startup": lambda: row_startup(repeats),
        "instructions": row_startup_instructions,
        "import": lambda: [row_import(max(1, repeats // 3))],
        "reading": on_novel("reading", "reading_rows"),
        "highlights": on_novel("highlights", "highlight_rows"),
        "search": on_novel("search", "search_rows"),
        "pdf": _rows("pdf_import", "pdf_import_row", 16 if quick else 40),
        "split": _rows("split_accuracy", "split_accuracy_rows"),
        "annotations": _rows("annotations", "annotation_rows"),
        "vocabulary": _rows("vocabulary", "vocabulary_rows"),
        "export": _rows("export", "export_rows"),
        "memory": _rows("import_memory", "measure", import_mb or (20 if quick else 200)),
    }


# Asked for by name only: it needs valgrind and takes minutes.
EXTRA_GROUPS = ("instructions",)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    parser.add_argument(
        "--import-mb", type=float, default=0, help="size of the large import (default 200 MB)"
    )
    parser.add_argument("--only", help="comma-separated groups of rows to run (default: all)")
    args = parser.parse_args()
    groups = row_groups(args.quick, args.import_mb)
    default = [name for name in groups if name not in EXTRA_GROUPS]
    chosen = args.only.split(",") if args.only else default
    unknown = set(chosen) - set(groups)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))} (known: {', '.join(groups)})")
    rows = [row for name, run in groups.items() if name in chosen for row in run()]
    print_table(rows)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
    return 0 if all(r.get("ok") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
