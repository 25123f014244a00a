"""Linux desktop integration (freedesktop.org): `yuedu install-desktop` puts Yuedu in the
applications menu with its icon, offers it in "Open with" for the files it imports, and
makes it the handler of `yuedu://` links, so the deep links in exported notes open the
window; `yuedu uninstall-desktop` removes exactly what was written. Qt-free.

Per user (the default) the files go under $XDG_DATA_HOME (~/.local/share) and the link
handler is registered in $XDG_CONFIG_HOME/mimeapps.list — by `xdg-mime` when the system has
it, else written here. With a prefix (/usr/local) they go under PREFIX/share, for everyone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.paths import ICON_SIZES, ICONS_DIR, icon_png

DESKTOP_FILE_NAME = "yuedu.desktop"
ICON_NAME = "yuedu"
SCHEME_MIME_TYPE = "x-scheme-handler/yuedu"
# What "Open with" offers Yuedu for: the formats it imports (reader.importing.documents).
# Yuedu is never made their default application.
OPENED_MIME_TYPES = (
    "text/plain",
    "application/pdf",
    "application/epub+zip",
    "text/html",
    "application/xhtml+xml",
)
_DEFAULTS_SECTION = "[Default Applications]"
# The tools are run quietly with a time limit: a desktop database that cannot be updated
# only delays the menu entry until the next login.
_TOOL_SECONDS = 30


class DesktopError(Exception):
    """Desktop integration is not possible here; the message says why."""


@dataclass(frozen=True)
class DesktopPlaces:
    """Where the entry, the icons and the link handler's registration go."""

    data_home: Path  # …/share
    mimeapps: Path  # the mimeapps.list that names the yuedu:// handler

    @property
    def applications(self) -> Path:
        return self.data_home / "applications"

    @property
    def desktop_file(self) -> Path:
        return self.applications / DESKTOP_FILE_NAME

    @property
    def hicolor(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icon_files(self) -> list[tuple[Path, Path]]:
        """(source in resources/icons, installed file) for each size and the SVG."""
        pairs = [
            (icon_png(size), self.hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png")
            for size in ICON_SIZES
        ]
        pairs.append((ICONS_DIR / "yuedu.svg", self.hicolor / "scalable" / "apps" / "yuedu.svg"))
        return pairs


def desktop_places(prefix: Path | None, environ: Mapping[str, str] = os.environ) -> DesktopPlaces:
    """The user's places (XDG_DATA_HOME, XDG_CONFIG_HOME, else under HOME), or PREFIX/share."""
    if prefix is not None:
        share = prefix / "share"
        # The system-wide list the specification reads after the users' own.
        return DesktopPlaces(share, share / "applications" / "mimeapps.list")
    home = Path(environ.get("HOME") or Path.home())
    data_home = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    config_home = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    return DesktopPlaces(data_home, config_home / "mimeapps.list")


def launcher_command(
    argv0: str | None = None,
    frozen: bool | None = None,
    executable: str = sys.executable,
) -> list[str]:
    """How the desktop should start the Yuedu that is running now: a frozen build's own
    executable, the `yuedu` script, or Python with a checkout's main.py."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        return [str(Path(executable).absolute())]
    script = Path(argv0)
    if script.suffix == ".py" and script.is_file():
        return [executable, str(script.absolute())]
    if script.stem == "yuedu" and script.is_file():
        return [str(script.absolute())]
    found = shutil.which("yuedu")
    if found:
        return [str(Path(found).absolute())]
    raise DesktopError(
        "cannot tell how Yuedu was started: run install-desktop from the yuedu command "
        "or the bundle's executable"
    )


def exec_argument(argument: str) -> str:
    """One argument of an Exec key: quoted when it holds anything but plain characters,
    with the specification's two levels of escaping (quoting, then the string value)."""
    argument = argument.replace("%", "%%")
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry(command: Sequence[str]) -> str:
    """The .desktop file's text for a launcher `command` (URLs and files follow as %U)."""
    exec_line = " ".join(exec_argument(argument) for argument in command) + " %U"
    mime_types = ";".join((SCHEME_MIME_TYPE, *OPENED_MIME_TYPES)) + ";"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Yuedu\n"
        "Name[zh_CN]=阅读\n"
        "GenericName=Chinese reader\n"
        "GenericName[zh_CN]=中文阅读器\n"
        "Comment=Read and annotate Chinese text, with pinyin in context\n"
        "Comment[zh_CN]=阅读、批注中文文本，按语境注音\n"
        f"Exec={exec_line}\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "Categories=Education;Languages;Office;Viewer;\n"
        "Keywords=Chinese;pinyin;reader;annotate;highlight;汉语;拼音;阅读;批注;\n"
        f"MimeType={mime_types}\n"
    )


Runner = Callable[[Sequence[str]], object]


def _run_quietly(command: Sequence[str]) -> object:
    return subprocess.run(
        list(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=_TOOL_SECONDS,
        check=False,
    )


def install_desktop(
    places: DesktopPlaces,
    command: Sequence[str],
    per_user: bool = True,
    which: Callable[[str], str | None] = shutil.which,
    run: Runner = _run_quietly,
) -> list[Path]:
    """Write the entry and the icons and register the yuedu:// handler; returns the files
    written. A user's handler is registered with xdg-mime when it exists (it knows the
    desktop's own ways), else in `places.mimeapps` here."""
    written: list[Path] = []
    for source, target in places.icon_files():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    places.applications.mkdir(parents=True, exist_ok=True)
    places.desktop_file.write_text(desktop_entry(command), encoding="utf-8")
    written.append(places.desktop_file)
    xdg_mime = which("xdg-mime") if per_user else None
    if xdg_mime:
        run([xdg_mime, "default", DESKTOP_FILE_NAME, SCHEME_MIME_TYPE])
    if not xdg_mime or not _is_default(places.mimeapps):
        set_default_handler(places.mimeapps)
    written.append(places.mimeapps)
    _refresh_caches(places, which, run)
    return written


def uninstall_desktop(
    places: DesktopPlaces,
    which: Callable[[str], str | None] = shutil.which,
    run: Runner = _run_quietly,
) -> list[Path]:
    """Remove what `install_desktop` wrote: the entry, the icons and the handler's line
    (other lines of mimeapps.list stay). Returns the files removed or changed."""
    removed: list[Path] = []
    for path in [places.desktop_file, *(target for _, target in places.icon_files())]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    # Older xdg-mime wrote the user's defaults beside the entries.
    for mimeapps in dict.fromkeys([places.mimeapps, places.applications / "mimeapps.list"]):
        if remove_handler(mimeapps):
            removed.append(mimeapps)
    _refresh_caches(places, which, run)
    return removed


def _refresh_caches(places: DesktopPlaces, which: Callable[[str], str | None], run: Runner) -> None:
    """Menus and file managers read caches: update those that exist or the tool makes."""
    update_database = which("update-desktop-database")
    if update_database and places.applications.is_dir():
        run([update_database, "--quiet", str(places.applications)])
    update_icons = which("gtk-update-icon-cache")
    if update_icons and (places.hicolor / "icon-theme.cache").exists():
        run([update_icons, "--quiet", "--ignore-theme-index", str(places.hicolor)])


def _is_default(mimeapps: Path) -> bool:
    if not mimeapps.is_file():
        return False
    line = f"{SCHEME_MIME_TYPE}={DESKTOP_FILE_NAME}"
    return any(row.strip().rstrip(";") == line for row in _read_lines(mimeapps))


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="surrogateescape").splitlines()


def _write_lines(path: Path, lines: list[str]) -> None:
    text = "\n".join(lines) + "\n" if lines else ""
    path.write_text(text, encoding="utf-8", errors="surrogateescape")


def set_default_handler(mimeapps: Path) -> None:
    """Name yuedu.desktop as the yuedu:// handler in the [Default Applications] section of
    `mimeapps` (replacing another handler's line); every other line is kept as it was."""
    lines = _read_lines(mimeapps) if mimeapps.is_file() else []
    entry = f"{SCHEME_MIME_TYPE}={DESKTOP_FILE_NAME}"
    section: str | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == _DEFAULTS_SECTION and _key(stripped) == SCHEME_MIME_TYPE:
            lines[index] = entry
            break
    else:
        if _DEFAULTS_SECTION in (line.strip() for line in lines):
            at = [line.strip() for line in lines].index(_DEFAULTS_SECTION) + 1
            lines.insert(at, entry)
        else:
            lines += ([""] if lines else []) + [_DEFAULTS_SECTION, entry]
    mimeapps.parent.mkdir(parents=True, exist_ok=True)
    _write_lines(mimeapps, lines)


def remove_handler(mimeapps: Path) -> bool:
    """Take yuedu.desktop out of every yuedu:// line of `mimeapps` (a line left naming no
    application goes); True when the file changed."""
    if not mimeapps.is_file():
        return False
    lines = _read_lines(mimeapps)
    kept: list[str] = []
    for line in lines:
        if _key(line.strip()) != SCHEME_MIME_TYPE:
            kept.append(line)
            continue
        applications = [name for name in line.split("=", 1)[1].split(";") if name.strip()]
        others = [name for name in applications if name.strip() != DESKTOP_FILE_NAME]
        if others:
            kept.append(f"{SCHEME_MIME_TYPE}={';'.join(others)};")
    if kept == lines:
        return False
    kept = _without_empty_defaults(kept)
    if any(line.strip() for line in kept):
        _write_lines(mimeapps, kept)
    else:
        mimeapps.unlink()  # it held only what install_desktop wrote
    return True


def _without_empty_defaults(lines: list[str]) -> list[str]:
    """Drop a [Default Applications] header left with no entries (install wrote it)."""
    entries = [i for i, line in enumerate(lines) if line.strip() == _DEFAULTS_SECTION]
    for at in reversed(entries):
        following = lines[at + 1 :]
        end = next((i for i, line in enumerate(following) if line.strip().startswith("[")), None)
        body = following if end is None else following[:end]
        if not any(line.strip() and not line.strip().startswith("#") for line in body):
            del lines[at : at + 1 + len(body)]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _key(line: str) -> str | None:
    if "=" not in line or line.startswith("#"):
        return None
    return line.split("=", 1)[0].strip()
