"""`yuedu install-desktop` and `yuedu uninstall-desktop` (Linux desktops; see
reader.desktop). The library is not opened."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import EXIT_OK, CommandError

if TYPE_CHECKING:
    from reader.desktop import DesktopPlaces

_OTHER_SYSTEMS = (
    "install-desktop is for Linux desktops (freedesktop.org); on macOS and Windows the "
    "bundle's own app is installed as the README describes"
)


def _places(args: argparse.Namespace) -> DesktopPlaces:
    from reader.desktop import desktop_places

    if sys.platform in ("win32", "darwin"):
        raise CommandError(_OTHER_SYSTEMS)
    prefix = Path(args.prefix).expanduser().absolute() if args.prefix else None
    return desktop_places(prefix)


def cmd_install_desktop(
    args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO
) -> int:
    from reader.desktop import DesktopError, install_desktop, launcher_command

    places = _places(args)
    try:
        command = launcher_command()
    except DesktopError as error:
        raise CommandError(str(error)) from None
    if args.db:  # started with --db: the menu entry opens that library too
        command += ["--db", str(library_path.absolute())]
    try:
        written = install_desktop(places, command, per_user=args.prefix is None)
    except OSError as error:
        raise CommandError(f"could not install the desktop entry: {error}", 1) from None
    for path in written:
        out.write(f"{path}\n")
    started = " ".join(command)
    out.write(f"Yuedu is in the applications menu and opens yuedu:// links ({started}).\n")
    return EXIT_OK


def cmd_uninstall_desktop(
    args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO
) -> int:
    from reader.desktop import uninstall_desktop

    places = _places(args)
    try:
        removed = uninstall_desktop(places)
    except OSError as error:
        raise CommandError(f"could not remove the desktop entry: {error}", 1) from None
    for path in removed:
        out.write(f"{path}\n")
    if not removed:
        out.write("Nothing to remove: the desktop entry was not installed here.\n")
    return EXIT_OK
