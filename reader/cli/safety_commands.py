"""yuedu check, backups, backup-now, recover: keeping the library file safe."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import (
    EXIT_LIBRARY,
    EXIT_OK,
    CommandError,
    open_library,
    print_json,
)


def _backup_json(path: Path) -> dict[str, Any]:
    from reader.library.safety import LibraryBackups, is_good_backup

    return {
        "path": str(path),
        "taken_at": LibraryBackups.taken_at(path).isoformat(),
        "bytes": path.stat().st_size,
        "good": is_good_backup(path),
    }


def cmd_check(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library.safety import LibraryBackups, check_library

    check = check_library(library_path)
    newest_good = LibraryBackups(library_path).newest_good()
    if check.ok:
        state = "no library file yet" if not library_path.exists() else "ok"
        out.write(f"{library_path}: {state}\n")
        if check.read_only is not None:
            out.write(f"  read-only ({check.read_only}): it can be read, not changed\n")
    elif check.refusal is not None:  # not damage: nothing to recover
        out.write(f"{library_path}: NOT USABLE HERE (not damaged)\n  {check.refusal}\n")
        return EXIT_LIBRARY
    else:
        out.write(f"{library_path}: DAMAGED\n")
        for problem in check.problems[:20]:
            out.write(f"  {problem}\n")
        if len(check.problems) > 20:
            out.write(f"  … and {len(check.problems) - 20} more\n")
    if newest_good is not None:
        out.write(f"Newest good backup: {newest_good}\n")
    else:
        out.write("No good automatic backup.\n")
    if not check.ok:
        if newest_good is not None:
            out.write("To set the damaged file aside and restore that backup: yuedu recover\n")
        return EXIT_LIBRARY
    return EXIT_OK


def cmd_backups(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library.safety import LibraryBackups

    backups = LibraryBackups(library_path)
    found = backups.list()
    if args.json:
        print_json([_backup_json(path) for path in found], out)
        return EXIT_OK
    if not found:
        err.write(f"No automatic backups in {backups.folder}.\n")
    for path in found:
        value = _backup_json(path)
        flag = "" if value["good"] else "  DAMAGED"
        out.write(f"{value['taken_at']}  {value['bytes']:>12,} bytes  {path}{flag}\n")
    return EXIT_OK


def cmd_backup_now(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library.safety import LibraryBackups

    backups = LibraryBackups(library_path)
    with open_library(library_path) as library:
        try:
            made = backups.make(library)
        except (OSError, sqlite3.Error) as error:
            raise CommandError(f"the backup failed: {error}", EXIT_LIBRARY) from error
    removed = backups.rotate()
    out.write(f"{made}\n")
    if removed:
        err.write(f"Removed {len(removed)} older backup(s).\n")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library.safety import (
        LibraryBackups,
        check_library,
        is_good_backup,
        quarantine,
        restore_from_backup,
    )

    if args.backup is not None:
        backup: Path | None = args.backup
        if not is_good_backup(args.backup):
            raise CommandError(f"{args.backup} is not a sound library backup; nothing was changed")
    else:
        backup = LibraryBackups(library_path).newest_good()
    check = check_library(library_path)
    if check.refusal is not None:  # a newer Yuedu's library, or one we may not read
        raise CommandError(
            f"{check.refusal} `yuedu recover` leaves it as it is, even with --force.",
            EXIT_LIBRARY,
        )
    if check.ok and library_path.exists() and not args.force:
        raise CommandError(
            f"{library_path} passed its check; nothing was changed (--force replaces it "
            "with the backup all the same, keeping it as .damaged)"
        )
    if backup is None and not args.force:
        raise CommandError(
            "there is no good automatic backup to restore; nothing was changed (--force sets "
            "the damaged file aside so that a new library can be started)",
            EXIT_LIBRARY,
        )
    try:
        if library_path.exists():
            kept = quarantine(library_path)
            out.write(f"The damaged library was kept as {kept}\n")
        if backup is not None:
            restore_from_backup(backup, library_path)
            out.write(f"Restored {backup} to {library_path}\n")
    except (OSError, sqlite3.Error) as error:
        raise CommandError(f"recovery failed: {error}", EXIT_LIBRARY) from error
    return EXIT_OK
