"""The rooms of the house: the text pipeline, the library and annotations never import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.shared_data import REPO_ROOT

QT_FREE_PACKAGES = [
    "reader/text",
    "reader/library",
    "reader/importing",
    "reader/export",
    "annotations",
    "reader/cli",
    "reader/learning",
    "reader/search",
]
QT_FREE_MODULES = [
    "reader/importer.py",
    "reader/app.py",
    "reader/paths.py",
    "reader/desktop.py",
    "reader/instance_request.py",
    "reader/messages.py",
]
# The core: below both shells (the window and the command line), importing neither.
CORE_PACKAGES = [
    "reader/text",
    "reader/library",
    "reader/importing",
    "reader/export",
    "annotations",
    "reader/learning",
    "reader/search",
]


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def qt_free_files() -> list[Path]:
    files = [REPO_ROOT / m for m in QT_FREE_MODULES]
    for package in QT_FREE_PACKAGES:
        files.extend(sorted((REPO_ROOT / package).rglob("*.py")))
    return files


@pytest.mark.parametrize("path", qt_free_files(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_module_does_not_import_qt_or_the_ui(path: Path) -> None:
    bad = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
        or name.startswith("reader.ui")
    }
    # app.py may reach the UI lazily inside main(), never at module level.
    if path.name == "app.py":
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {
            node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module
        }
        bad = {name for name in bad if name in top_level}
    assert not bad, f"{path} imports {bad}"


def test_only_the_ui_package_imports_pyside() -> None:
    offenders = []
    for path in sorted(REPO_ROOT.glob("reader/**/*.py")) + sorted(
        REPO_ROOT.glob("annotations/**/*.py")
    ):
        if "reader/ui" in path.as_posix():
            continue
        if any(name.startswith("PySide6") for name in imported_modules(path)):
            offenders.append(path)
    assert offenders == []


def core_files() -> list[Path]:
    return [
        path for package in CORE_PACKAGES for path in sorted((REPO_ROOT / package).rglob("*.py"))
    ]


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_the_core_never_imports_a_shell(path: Path) -> None:
    shells = {
        name
        for name in imported_modules(path)
        if name.startswith(("reader.ui", "reader.cli", "reader.app"))
    }
    assert not shells, f"{path} imports {shells}"
