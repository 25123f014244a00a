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
    p_import.add_argument(
        "--update",
        action="store_true",
        help="a file named like one imported before but changed updates that source in "
        "place (same article ids; annotations and reading corrections are placed again)",
    )

    p_list = commands.add_parser("list", help="list the library's articles")
    p_list.add_argument("--json", action="store_true", help="print JSON")

    p_show = commands.add_parser("show", help="print one article")
    p_show.add_argument("article_id", type=int, metavar="ID")
    p_show.add_argument("--json", action="store_true", help="print JSON")

    p_annotate = commands.add_parser(
        "annotate",
        help="highlight a passage of an article and print the annotation as JSON",
        description="Select the passage by its text (--quote, and --occurrence N for the "
        "N-th time it occurs, from 1) or by code-point offsets (--start, --end).",
    )
    p_annotate.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    selection = p_annotate.add_mutually_exclusive_group(required=True)
    selection.add_argument("--quote", metavar="TEXT", help="the passage, as it is in the text")
    selection.add_argument("--start", type=int, metavar="S", help="start offset (code points)")
    p_annotate.add_argument("--end", type=int, metavar="E", help="end offset (with --start)")
    p_annotate.add_argument(
        "--occurrence", type=int, default=1, metavar="N", help="with --quote: which one (1)"
    )
    p_annotate.add_argument(
        "--color", default="yellow", help="yellow (default), green, blue, pink or purple"
    )
    p_annotate.add_argument("--comment", default="", metavar="TEXT", help="a comment")
    p_annotate.add_argument(
        "--tag", dest="tags", action="append", default=[], metavar="T", help="a tag (repeatable)"
    )

    p_annotations = commands.add_parser("annotations", help="list annotations")
    p_annotations.add_argument("--article", type=int, metavar="ID", help="of one article only")
    p_annotations.add_argument("--json", action="store_true", help="print JSON")

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
