"""Headless commands: what scripts, our own checks and power users run. One module per
group of commands; each command is `cmd_NAME(args, library_path, out, err) -> status`.

Exit status: 0 done; 2 bad input (a one-line reason on stderr, nothing written);
1 the library could not be used.
"""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from reader.cli.annotation_commands import cmd_annotate, cmd_annotations
from reader.cli.article_commands import cmd_article
from reader.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_LIBRARY,
    EXIT_OK,
    CommandError,
    checked_library_path,
)
from reader.cli.desktop_commands import cmd_install_desktop, cmd_uninstall_desktop
from reader.cli.export_commands import cmd_backup, cmd_export, cmd_restore
from reader.cli.library_commands import cmd_import, cmd_list, cmd_show
from reader.cli.pinyin_command import cmd_pinyin, pinyin_json
from reader.cli.readings_commands import cmd_readings
from reader.cli.safety_commands import cmd_backup_now, cmd_backups, cmd_check, cmd_recover
from reader.cli.search_commands import cmd_lookup, cmd_search
from reader.cli.vocabulary_commands import cmd_vocab
from reader.library.errors import LibraryError, failed_write_message

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_LIBRARY",
    "EXIT_OK",
    "CommandError",
    "pinyin_json",
    "run_command",
]


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "pinyin": cmd_pinyin,
    "readings": cmd_readings,
    "annotate": cmd_annotate,
    "annotations": cmd_annotations,
    "article": cmd_article,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "backups": cmd_backups,
    "backup-now": cmd_backup_now,
    "recover": cmd_recover,
    "vocab": cmd_vocab,
    "install-desktop": cmd_install_desktop,
    "uninstall-desktop": cmd_uninstall_desktop,
    "search": cmd_search,
    "lookup": cmd_lookup,
}


# Arguments that are text, not file names: on Linux an argument is bytes, and bytes that are
# not UTF-8 reach Python as lone surrogates (PEP 383), which SQLite, JSON and the
# dictionary refuse with a traceback. A file name may be such bytes; these may not.
TEXT_ARGUMENTS = (
    "query", "word", "pinyin", "texts", "quote", "comment", "tags", "color", "title",
    "byline", "status",
)  # fmt: skip


def refuse_undecodable_text(args: argparse.Namespace) -> None:
    """CommandError (exit 2) for a text argument holding bytes that are not UTF-8."""
    for name in TEXT_ARGUMENTS:
        value = getattr(args, name, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\ud800" <= char <= "\udfff" for char in text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                raise CommandError(
                    f"“{shown}” holds bytes that are not UTF-8 text (is the terminal set to "
                    "UTF-8?); nothing was done."
                )


def run_command(
    args: argparse.Namespace,
    library_path: Path,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        checked_library_path(library_path)  # a pipe or a device named by --db: refused
        refuse_undecodable_text(args)
        return COMMANDS[args.command](args, library_path, out, err)
    except CommandError as error:
        err.write(f"yuedu: {error}\n")
        return error.status
    except LibraryError as error:  # found on the way: busy, damaged, from a newer Yuedu
        err.write(f"yuedu: {error}\n")
        return EXIT_LIBRARY
    except sqlite3.OperationalError as error:  # a read-only file or folder, a full disk
        err.write(f"yuedu: {failed_write_message(error)}\n")
        return EXIT_LIBRARY
    except KeyboardInterrupt:
        err.write(
            "yuedu: interrupted. The change under way was not saved (each is saved whole or "
            "not at all); those finished before it were.\n"
        )
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Whoever read the output stopped (`| head`): as other tools do, stop quietly, and
        # keep Python from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:  # a path no command foresaw failing: a sentence, not a traceback
        err.write(f"yuedu: {os_error_sentence(error)}\n")
        return EXIT_BAD_INPUT if error.errno == errno.ENAMETOOLONG else EXIT_LIBRARY


def os_error_sentence(error: OSError) -> str:
    """What went wrong with which file, in one line (a long name shortened)."""
    from reader.importing.file_names import readable_name

    name = readable_name(os.fsdecode(error.filename)) if error.filename is not None else ""
    name = name if len(name) <= 60 else f"{name[:30]}…{name[-20:]}"
    if error.errno == errno.ENAMETOOLONG:
        return (
            f"{name}: a name in this path is too long for the file system (at most 255 "
            "bytes, about 85 Chinese characters)."
        )
    return f"{name}: {error.strerror or error}" if name else str(error.strerror or error)
