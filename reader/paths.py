"""Where Yuedu keeps its files, and where the bundled resources are."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Yuedu"
DB_ENV_VAR = "YUEDU_DB"
LIBRARY_FILE_NAME = "library.sqlite3"

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
SAMPLE_PAGE = RESOURCES_DIR / "xingxian-newspaper-page.txt"
# Yuedu's icon: yuedu.svg and PNGs rendered from it (tools/render_icon.py) at these sizes.
ICONS_DIR = RESOURCES_DIR / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_png(size: int) -> Path:
    return ICONS_DIR / f"yuedu-{size}.png"


def default_library_path() -> Path:
    """The library file in the platform's per-user data folder."""
    import platformdirs  # only a start without --db or YUEDU_DB needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / LIBRARY_FILE_NAME


def resolve_library_path(cli_value: str | None) -> Path:
    """`--db` wins over `YUEDU_DB`, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_library_path()
