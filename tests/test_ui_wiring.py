"""The main window only wires (issue 11, point 3): it builds views and actions, keeps view
state, and connects signals to controllers; the controllers turn them into calls of the
library service. Checked two ways: by reading `main_window.py`'s syntax tree, and by
emitting views' `*_requested` signals in a live window and seeing the service act.

What the syntax check enforces in `reader/ui/main_window.py`:
- no SQL: no string holding an SQL statement, and no import (outside `if TYPE_CHECKING:`)
  of sqlite3, sqlite_utils, `reader.library` or `annotations.store`;
- `self.service` appears only as
  (a) `self.service = service`, `furnish`'s one use of its parameter (and the class body's
      declaration `service: LibraryService`);
  (b) `self.service` itself passed as an argument (to a controller's constructor);
  (c) `self.service.<signal>.connect(...)`, `<signal>` being a Signal of LibraryService;
  (d) `self.service.<method>` passed uncalled to `.connect(...)`: a view's request signal
      delivered to the service's write, with no logic in between;
  (e) `self.service.undo_stack.createUndoAction/createRedoAction(...)`: the Edit menu.
  Anything else — calling a service method, reading one of its properties, setting one of
  its attributes, keeping it under another name — fails with the line.
- outside construction and saved state, no method of the window is longer than a few
  statements: its slots forward.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar

from reader.library import Library
from reader.ui.import_jobs import ImportJobs
from reader.ui.library_service import LibraryService

UI = Path(__file__).resolve().parent.parent / "reader" / "ui"
MAIN_WINDOW = UI / "main_window.py"
CONTROLLERS = [
    "reading_controller.py",
    "highlight_controller.py",
    "word_card_controller.py",
    "import_controller.py",
    "export_controller.py",
    "library_controller.py",
    "article_edit_controller.py",
]
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s+\w+"
    r"|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|VIEW|TRIGGER))\b",
    re.IGNORECASE | re.DOTALL,
)
DATABASE_MODULES = ("sqlite3", "sqlite_utils", "reader.library", "annotations.store")
UNDO_ACTIONS = {"createUndoAction", "createRedoAction"}
# Construction and saved state may be long; every other method only forwards.
LONG_ALLOWED = {
    "__init__",
    "furnish",
    "_build_views",
    "_build_controllers",
    "_build_menus",
    "_connect",
}
LONG_ALLOWED |= {"_build_file_menu", "_build_edit_menu", "_build_view_menu", "restore_state"}
MAX_STATEMENTS = 10


def parse_with_parents(path: Path) -> ast.Module:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node  # type: ignore[attr-defined]
    return tree


def parent(node: ast.AST) -> ast.AST:
    return node.parent  # type: ignore[attr-defined,no-any-return]


def is_self_service(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "service"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def is_connect_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
    )


def under_type_checking(node: ast.AST) -> bool:
    while not isinstance(node, ast.Module):
        node = parent(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def service_use_is_wiring(use: ast.Attribute) -> str | None:
    """None if this `self.service` is one of the allowed shapes (a)–(e), else what it is."""
    holder = parent(use)
    if isinstance(holder, ast.Assign) and use in holder.targets:
        value = holder.value
        return None if isinstance(value, ast.Name) and value.id == "service" else "assigned"
    if isinstance(holder, ast.Call) and use in holder.args:
        return None  # (b) handed to a constructor
    if not isinstance(holder, ast.Attribute):
        return f"used as {type(holder).__name__}"
    name, above = holder.attr, parent(holder)
    # The service's own signals, and the import jobs' it presents as its own.
    if isinstance(getattr(LibraryService, name, None), Signal) or (
        isinstance(getattr(LibraryService, name, None), property)
        and isinstance(getattr(ImportJobs, name, None), Signal)
    ):
        ok = isinstance(above, ast.Attribute) and above.attr == "connect"
        return None if ok and is_connect_call(parent(above)) else f"signal {name} not connected"
    if name == "undo_stack":
        ok = isinstance(above, ast.Attribute) and above.attr in UNDO_ACTIONS
        return None if ok and isinstance(parent(above), ast.Call) else "undo_stack used"
    if is_connect_call(above) and holder in above.args:  # type: ignore[attr-defined]
        return None  # (d) the write a request signal goes to
    if isinstance(above, ast.Call) and above.func is holder:
        return f"calls service.{name}()"
    return f"reads or sets service.{name}"


def test_the_main_window_holds_no_sql_and_calls_no_service_method() -> None:
    tree = parse_with_parents(MAIN_WINDOW)
    problems: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.search(node.value):
                problems.append(f"line {node.lineno}: SQL {node.value[:40]!r}")
        elif isinstance(node, ast.Import | ast.ImportFrom) and not under_type_checking(node):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                names = [node.module or ""]
            if any(n == m or n.startswith(m + ".") for n in names for m in DATABASE_MODULES):
                problems.append(f"line {node.lineno}: imports {names}")
        elif is_self_service(node):
            why = service_use_is_wiring(node)  # type: ignore[arg-type]
            if why is not None:
                problems.append(f"line {node.lineno}: {why}")
        elif isinstance(node, ast.Name) and node.id == "service":
            # The constructor's parameter: only ever stored as `self.service`.
            holder = parent(node)
            declared = isinstance(holder, ast.AnnAssign) and holder.value is None  # in the class
            stored = isinstance(holder, ast.Assign) and any(map(is_self_service, holder.targets))
            if not (declared or stored):
                problems.append(f"line {node.lineno}: the service under another name")
    assert problems == [], "\n".join(problems)


def test_the_checks_catch_what_they_are_meant_to() -> None:
    """The syntax check itself: each forbidden shape is reported."""

    def verdicts(source: str) -> list[str | None]:
        tree = ast.parse(source)
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                child.parent = node  # type: ignore[attr-defined]
        return [service_use_is_wiring(n) for n in ast.walk(tree) if is_self_service(n)]

    assert verdicts("self.service.changed.connect(self.x)") == [None]
    assert verdicts("a.recolor_requested.connect(self.service.recolor_annotation)") == [None]
    assert verdicts("Controller(self.service, view)") == [None]
    assert verdicts("self.service.undo_stack.createUndoAction(self, 'Undo')") == [None]
    assert verdicts("self.service.articles()")[0] == "calls service.articles()"
    assert verdicts("path = self.service.library_path")[0] is not None
    assert verdicts("self.service.update_policy = f")[0] is not None
    assert verdicts("s = self.service")[0] is not None
    assert verdicts("self.service.changed.emit(change)")[0] is not None
    assert SQL.search("SELECT id FROM annotations") and SQL.search("pragma data_version")
    assert not SQL.search("Select some text to highlight first.")


def test_the_window_s_own_methods_only_forward() -> None:
    tree = ast.parse(MAIN_WINDOW.read_text(encoding="utf-8"))
    [window] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MainWindow"]
    long_methods = {
        method.name: count
        for method in window.body
        if isinstance(method, ast.FunctionDef) and method.name not in LONG_ALLOWED
        if (count := sum(isinstance(n, ast.stmt) for n in ast.walk(method)) - 1) > MAX_STATEMENTS
    }
    assert long_methods == {}


@pytest.mark.parametrize("module", CONTROLLERS)
def test_controllers_do_not_know_the_main_window(module: str) -> None:
    source = (UI / module).read_text(encoding="utf-8")
    assert "main_window" not in source and "QMainWindow" not in source


# -- signals reach the controllers and, through them, the service --------------------------------
def select_text(view: Any, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def spy(monkeypatch: pytest.MonkeyPatch, service: LibraryService, name: str) -> list[tuple]:
    """Record the calls of one service method (and still make them)."""
    calls: list[tuple] = []
    real = getattr(service, name)

    def recorded(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(service, name, recorded)
    return calls


def test_the_selection_bar_s_request_creates_the_highlight_through_the_service(
    ui_window: Any, ui_library: Library, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ui_window
    view = window.reading_view
    created = spy(monkeypatch, window.service, "create_annotation")
    select_text(view, 0, 3)
    with qtbot.waitSignal(window.service.changed):
        window.selection_bar.highlight_requested.emit("green")
    assert created == [(view.article_id, 0, 3, "green")]
    [row] = ui_library.conn.execute("SELECT start, end, color FROM annotations").fetchall()
    assert tuple(row) == (0, 3, "green")
    assert window.annotation_dock.current is not None  # the controller selected it
    assert not window.selection_bar.isVisible()


def test_the_dock_s_requests_reach_the_service(ui_window: Any, qtbot: Any) -> None:
    window = ui_window
    article_id = window.reading_view.article_id
    annotation = window.service.create_annotation(article_id, 0, 2, "yellow")
    with qtbot.waitSignal(window.service.changed):
        window.annotation_dock.recolor_requested.emit(annotation.id, "blue")
    assert window.service.annotation(annotation.id).color == "blue"
    assert window.reading_view.highlights.find(annotation.id)[3] == "blue"  # repainted
    with qtbot.waitSignal(window.service.changed):
        window.annotation_dock.delete_requested.emit(annotation.id)
    assert window.service.annotation(annotation.id) is None
    assert window.reading_view.highlights.find(annotation.id) is None


def test_an_article_activated_in_the_list_is_shown_by_the_reading_controller(
    ui_window: Any, ui_library: Library
) -> None:
    last = ui_library.list_articles()[-1]
    ui_window.article_list.article_activated.emit(last.id)
    assert ui_window.reading_view.article_id == last.id
    assert ui_window.windowTitle() == f"Yuedu — {last.title}"
    assert last.id in ui_window.reading.readings


def test_the_highlight_controller_needs_no_window(ui_library: Library, qtbot: Any) -> None:
    """Views and a service are all it takes: no QMainWindow."""
    from reader.ui.annotation_dock import AnnotationDock
    from reader.ui.highlight_controller import HighlightController
    from reader.ui.reading_view import ReadingView
    from reader.ui.selection_bar import SelectionBar

    service = LibraryService(ui_library)
    try:
        view = ReadingView()
        qtbot.addWidget(view)
        bar, dock, status = SelectionBar(view.viewport()), AnnotationDock(), QStatusBar()
        qtbot.addWidget(dock)
        qtbot.addWidget(status)
        highlights = HighlightController(service, view, bar, dock, status)
        bar.highlight_requested.connect(highlights.highlight_selection)
        # What the window's ChangeRefresh does with the door's record of a highlight.
        service.changed.connect(
            lambda change: [highlights.on_annotations_changed(a) for a in change.annotated]
        )
        article = service.article(ui_library.list_articles()[0].id)
        view.show_article(article, service.article_tokens(article))
        highlights.article_shown(article)
        select_text(view, 1, 4)
        bar.highlight_requested.emit("pink")
        [span] = view.highlights.annotations
        assert span[1:4] == (1, 4, "pink")
        assert status.currentMessage() == "Saved."
        assert dock.current is not None and dock.current.quote == article.text[1:4]
    finally:
        service.shutdown()
