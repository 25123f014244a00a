"""Composition root: parse argv, find the library, then run a CLI command or the window.

With no subcommand Yuedu opens its window; with one it runs headless. Qt is imported only on
the window path, so the CLI never pays for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.paths import DB_ENV_VAR, resolve_library_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yuedu",
        description="Yuedu (阅读): read and annotate Chinese text. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"yuedu {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"library file to use (default: ${DB_ENV_VAR}, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = commands.add_parser("import", help="import text files into the library")
    p_import.add_argument("files", nargs="+", metavar="FILE", type=Path)
    p_import.add_argument("--json", action="store_true", help="print the result as JSON")
    p_import.add_argument(
        "--encoding",
        metavar="NAME",
        help="read the files in this encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5) "
        "instead of detecting it",
    )

    p_list = commands.add_parser("list", help="list the library's articles")
    p_list.add_argument("--json", action="store_true", help="print JSON")

    p_show = commands.add_parser("show", help="print one article")
    p_show.add_argument("article_id", type=int, metavar="ID")
    p_show.add_argument("--json", action="store_true", help="print JSON")

    p_pinyin = commands.add_parser(
        "pinyin",
        help="print the pinyin of Chinese text, resolved in context, as JSON lines",
        description="For each TEXT, or each line of standard input when there is none, print "
        'one JSON line: {"text", "tokens": [{"word", "start", "end", "pinyin"}]} '
        "(offsets in code points; null for non-Chinese characters).",
    )
    p_pinyin.add_argument("texts", nargs="*", metavar="TEXT")
    p_pinyin.add_argument(
        "--style",
        choices=("marks", "numbers"),
        default="marks",
        help='"marks" (háng, default) or "numbers" (hang2; 5 for the neutral tone, u: for ü)',
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    library_path = resolve_library_path(args.db)
    if args.command is None:
        from reader.ui.application import run_gui

        return run_gui(library_path, sys.argv[:1])
    from reader.cli import run_command

    return run_command(args, library_path)
