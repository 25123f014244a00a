"""Find the interface's strings in reader/ui by reading its source (no imports, no Qt).

Two things the catalogue check and tools/update_translations.py need:
- `translatable_strings`: every `self.tr("…")` / `QCoreApplication.translate("Ctx", "…")`
  call with literal text (and `QT_TRANSLATE_NOOP("Ctx", "…")`, which marks a module-level
  constant that is translated where it is shown), with its context (the enclosing class
  for tr(), the given context for translate()), in the shape pyside6-lupdate writes to the .ts file;
- `bare_strings`: literals with letters handed straight to the Qt calls that put text on
  screen (setText, setWindowTitle, QAction(…), QMessageBox.warning(…), the file choosers'
  filters, the project's own dialog helpers, …) — text a translator never sees; also when
  the literal reaches the call through a module-level constant (FILTER = "…").
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "reader" / "ui"
# The core's words for the reader: `message("…", **params)` (reader/messages.py), translated
# by the window under this context. The shells (ui, cli) are not the core.
CORE_CONTEXT = "CoreMessages"
CORE_MARKER = "message"
CORE_SKIPPED = ("reader/ui/", "reader/cli/")

# Qt calls whose string arguments are shown to the user, and which arguments those are
# (positions; None = every string argument).
SHOWN_ARGUMENTS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setInformativeText": (0,),
    "setLabelText": (0,),
    "setTabText": (1,),
    "setItemText": (1,),
    "addTab": (1,),
    "showMessage": (0,),
    "addMenu": None,
    "addAction": None,
    "addButton": (0,),
    "addRow": (0,),
    "addItem": (0,),
    "setHeaderLabels": None,
    "setHorizontalHeaderLabels": None,
    "setVerticalHeaderLabels": None,
    "addItems": None,
    "QAction": None,
    "QLabel": (0,),
    "QPushButton": (0,),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QMenu": (0,),
    "warning": (1, 2),
    "information": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getOpenFileName": (1, 3),  # (parent, caption, directory, filter)
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "QMessageBox": (1, 2),
    "QDockWidget": (0,),
    "QProgressDialog": (0, 1),
    "createUndoAction": (1,),
    "createRedoAction": (1,),
    "setUndoText": (0,),
    "setCancelButtonText": (0,),
    "show_message": (2, 3),  # reader.ui.messages: (parent, kind, title, text)
    # reader.ui's own dialogs: article_dialogs.ask_text(parent, title, label, …) and the
    # file_dialogs choosers (parent, caption, [suggested name,] filter).
    "ask_text": (1, 2),
    "ask_open_file_names": (1, 2),
    "ask_save_file_name": (1, 3),
    "ask_existing_directory": (1,),
    "FileChooser": (1, 4),  # (parent, caption, mode, directory, filter)
    "__init__": (0,),  # super().__init__("…"): a dock's title, an undo step's name
}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    path: str
    line: int
    numerus: bool = False  # has a count (%n): the .ts holds one form per plural form


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level `NAME = "text"` (or f-string) assignments: a shown argument that names
    one shows its text."""
    constants: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                if isinstance(node.value, ast.Constant | ast.JoinedStr):
                    constants[targets[0].id] = node.value
    return constants


class _Walker(ast.NodeVisitor):
    def __init__(self, path: str, constants: dict[str, ast.AST] | None = None) -> None:
        self.path = path
        self.constants = constants or {}
        self.classes: list[str] = []
        self.messages: list[Message] = []
        self.bare: list[Message] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _called_name(node)
        if name == "tr" and node.args:
            text = _literal_text(node.args[0])
            if text is not None and self.classes:
                counted = len(node.args) >= 3
                self.messages.append(
                    Message(self.classes[-1], text, self.path, node.lineno, counted)
                )
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            context, text = _literal_text(node.args[0]), _literal_text(node.args[1])
            if context is not None and text is not None:
                counted = len(node.args) >= 4
                self.messages.append(Message(context, text, self.path, node.lineno, counted))
        if name in SHOWN_ARGUMENTS:
            positions = SHOWN_ARGUMENTS[name]
            for index, argument in enumerate(node.args):
                if positions is not None and index not in positions:
                    continue
                if isinstance(argument, ast.Name) and argument.id in self.constants:
                    argument = self.constants[argument.id]
                for part in _shown_parts(argument):
                    self.bare.append(Message("", part, self.path, node.lineno))
        self.generic_visit(node)


def _shown_parts(argument: ast.AST) -> list[str]:
    """The untranslated text in an argument: a literal, an f-string's literal pieces, or
    either side of a `+` / conditional expression."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value] if _has_letters(argument.value) else []
    if isinstance(argument, ast.JoinedStr):
        pieces = [v.value for v in argument.values if isinstance(v, ast.Constant)]
        joined = "".join(str(p) for p in pieces)
        return [joined] if _has_letters(joined) else []
    if isinstance(argument, ast.BinOp):
        return _shown_parts(argument.left) + _shown_parts(argument.right)
    if isinstance(argument, ast.List | ast.Tuple):  # header labels, combo box items
        return [part for element in argument.elts for part in _shown_parts(element)]
    if isinstance(argument, ast.Subscript) and isinstance(argument.value, ast.Dict):
        # {mode: "Open", …}[mode]: one of the literal values is shown
        return [part for value in argument.value.values for part in _shown_parts(value)]
    if isinstance(argument, ast.IfExp):
        return _shown_parts(argument.body) + _shown_parts(argument.orelse)
    return []


def scan(ui_dir: Path = UI_DIR) -> tuple[list[Message], list[Message]]:
    """(translatable messages, bare shown strings) across the modules of `ui_dir`."""
    messages: list[Message] = []
    bare: list[Message] = []
    for path in sorted(ui_dir.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        walker = _Walker(path.name, _module_constants(tree))
        walker.visit(tree)
        messages.extend(walker.messages)
        bare.extend(walker.bare)
    return messages, bare


def core_files(root: Path = ROOT) -> list[Path]:
    files = sorted(root.glob("reader/**/*.py")) + sorted(root.glob("annotations/**/*.py"))
    return [p for p in files if not p.relative_to(root).as_posix().startswith(CORE_SKIPPED)]


def scan_core(root: Path = ROOT) -> tuple[list[Message], list[Message]]:
    """(templates, unmarked) in the core: `message("literal", …)` calls, and `message(…)`
    calls whose template is not a literal (the catalogue cannot hold those). Paths are
    relative to `root`, so that the .ts can point at them."""
    templates: list[Message] = []
    unmarked: list[Message] = []
    for path in core_files(root):
        relative = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _called_name(node) == CORE_MARKER
        ]
        for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
            text = _literal_text(node.args[0]) if node.args else None
            found = Message(CORE_CONTEXT, text or "", relative, node.lineno)
            (templates if text is not None else unmarked).append(found)
    return templates, unmarked


def core_messages(root: Path = ROOT) -> list[Message]:
    return scan_core(root)[0]


def translatable_strings(ui_dir: Path = UI_DIR) -> list[Message]:
    return scan(ui_dir)[0]


def bare_strings(ui_dir: Path = UI_DIR) -> list[Message]:
    return scan(ui_dir)[1]
