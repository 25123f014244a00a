"""Composition root: parse argv, find the library, then run a CLI command or the window.

With no subcommand Yuedu opens its window; with one it runs headless. Qt is imported only on
the window path, so the CLI never pays for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.paths import DB_ENV_VAR, resolve_library_path

# The PDF worker's flag (reader.importing.pdf_worker.FROZEN_WORKER_FLAG), spelt out here so
# that every start does not import the worker's module; a test checks they agree.
FROZEN_WORKER_FLAG = "--pdf-worker"


def _page_range(text: str) -> range:
    from reader.importing.documents import page_range

    try:
        return page_range(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
        help=f"library file to use (default: ${DB_ENV_VAR}, else the user data folder); "
        "commands that write (import, restore, vocab set/import, readings set) create a new "
        "library and its folder, the others refuse one that does not exist",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = commands.add_parser("import", help="import text and PDF files into the library")
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
    p_import.add_argument(
        "--pages",
        metavar="FIRST-LAST",
        type=_page_range,
        help="of a PDF, import only these pages (counted from 1), e.g. 30-37",
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

    add_article_parser(commands)

    p_annotations = commands.add_parser("annotations", help="list annotations")
    p_annotations.add_argument("--article", type=int, metavar="ID", help="of one article only")
    p_annotations.add_argument("--json", action="store_true", help="print JSON")

    p_export = commands.add_parser(
        "export",
        help="export annotations as Markdown (to standard output, a file or a folder)",
        description="Without --article, every article that has annotations. Without -o, "
        "to standard output; -o FOLDER/ (or an existing folder) writes one note per "
        "article, named after its title (a new FOLDER is made, not its missing parents); "
        "-o FILE writes one document into an existing folder (a link is followed to its "
        "file). Existing files are never overwritten without --force.",
    )
    p_export.add_argument(
        "--article", dest="articles", type=int, action="append", default=[], metavar="ID",
        help="export this article (repeatable)",
    )  # fmt: skip
    p_export.add_argument("-o", "--output", metavar="FILE_OR_DIR", help="where to write")
    p_export.add_argument("--pinyin", action="store_true", help="add each quote's pinyin")
    p_export.add_argument(
        "--context", action="store_true", help="add the sentence around each quote"
    )
    p_export.add_argument(
        "--orphans", action=argparse.BooleanOptionalAction, default=True,
        help="include annotations whose passage is no longer found (default: yes)",
    )  # fmt: skip
    p_export.add_argument("--force", action="store_true", help="overwrite existing files")

    p_backup = commands.add_parser("backup", help="write the whole library to a JSON file")
    p_backup.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p_backup.add_argument("--force", action="store_true", help="overwrite an existing file")

    p_restore = commands.add_parser(
        "restore",
        help="merge a backup into the library (nothing is deleted; newer edits win)",
    )
    p_restore.add_argument("file", type=Path, metavar="FILE.json")
    p_restore.add_argument("--json", action="store_true", help="print the counts as JSON")

    commands.add_parser(
        "check", help="check the library file; exit 1 if it is damaged (names the newest "
        "good backup)",
    )  # fmt: skip
    p_backups = commands.add_parser("backups", help="list the automatic backups, newest first")
    p_backups.add_argument("--json", action="store_true", help="print JSON")
    commands.add_parser("backup-now", help="make an automatic backup of the library now")
    p_recover = commands.add_parser(
        "recover",
        help="set a damaged library aside (renamed .damaged) and restore the newest good "
        "automatic backup",
    )
    p_recover.add_argument("--backup", type=Path, metavar="PATH", help="restore this backup")
    p_recover.add_argument(
        "--force", action="store_true", help="even if the library passes its check"
    )

    p_readings = commands.add_parser(
        "readings", help="your readings of whole words, used wherever the word occurs"
    )
    readings = p_readings.add_subparsers(dest="readings_action", required=True)
    p_set = readings.add_parser("set", help='read WORD as PINYIN everywhere: 行长 "hang2 zhang3"')
    p_set.add_argument("word", metavar="WORD")
    p_set.add_argument("pinyin", metavar="PINYIN", help="one syllable per character")
    p_unset = readings.add_parser("unset", help="back to the automatic reading of WORD")
    p_unset.add_argument("word", metavar="WORD")
    p_list_readings = readings.add_parser("list", help="list your readings of words")
    p_list_readings.add_argument("--json", action="store_true", help="print JSON")

    add_vocab_parser(commands)
    from reader.cli.search_commands import add_search_parsers  # only when parsing

    add_search_parsers(commands)

    p_open = commands.add_parser(
        "open", help="open the window at a passage: yuedu open yuedu://article/ID?annotation=…"
    )
    p_open.add_argument("url", metavar="URL")

    for name, doing in (("install-desktop", "add"), ("uninstall-desktop", "remove")):
        p_desktop = commands.add_parser(
            name,
            help=f"{doing} Yuedu's menu entry, icon and yuedu:// link handler (Linux desktops)",
        )
        p_desktop.add_argument(
            "--prefix", metavar="DIR",
            help="for every user, under DIR/share (e.g. /usr/local); default: yours only",
        )  # fmt: skip

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


def add_article_parser(commands: Any) -> None:  # argparse's private subparsers type
    # Here rather than in reader.cli: building the parser must not import the commands.
    """`yuedu article …` and its subcommands, on the top-level parser's `commands`."""
    parser = commands.add_parser("article", help="rename, split, merge or delete an article")
    edits = parser.add_subparsers(dest="article_command", metavar="EDIT", required=True)
    rename = edits.add_parser("rename", help="give an article a new title")
    rename.add_argument("article_id", type=int, metavar="ID")
    rename.add_argument("title", metavar="TITLE")
    byline = edits.add_parser("byline", help="set an article's byline ('' for none)")
    byline.add_argument("article_id", type=int, metavar="ID")
    byline.add_argument("byline", metavar="BYLINE")
    split = edits.add_parser(
        "split",
        help="cut an article in two at a code-point offset",
        description="The text from OFFSET on becomes a new article after this one, titled "
        "--title, else by the headline-like line it opens with, else by its first sentence.",
    )
    split.add_argument("article_id", type=int, metavar="ID")
    split.add_argument("--at", type=int, required=True, metavar="OFFSET", dest="offset")
    split.add_argument("--title", metavar="T")
    merge = edits.add_parser("merge", help="append the next article of its source to this one")
    merge.add_argument("article_id", type=int, metavar="ID")
    merge.add_argument("next_id", type=int, metavar="NEXT_ID")
    delete = edits.add_parser("delete", help="delete an article")
    delete.add_argument("article_id", type=int, metavar="ID")
    delete.add_argument(
        "--force", action="store_true", help="also when it holds highlights or corrected readings"
    )
    delete.add_argument(
        "--keep-annotations",
        action="store_true",
        help="keep its highlights as orphans (listed by `yuedu annotations`, placed again when "
        "its text is imported again)",
    )
    for command in (rename, byline, split, merge, delete):
        command.add_argument("--json", action="store_true", help="print JSON")


def add_vocab_parser(commands: Any) -> None:  # argparse's private subparsers type
    """`yuedu vocab …` (reader.cli.vocabulary_commands runs it)."""
    parser = commands.add_parser("vocab", help="word statuses, your vocabulary, Anki export")
    actions = parser.add_subparsers(dest="vocab_action", metavar="ACTION", required=True)
    p_set = actions.add_parser("set", help="set a word's status everywhere")
    p_set.add_argument("word", metavar="WORD")
    p_set.add_argument(
        "--status", required=True, help="new, learning1 … learning4 (or learning), known, ignored"
    )
    p_list = actions.add_parser("list", help="list your words (learning ones by default)")
    p_list.add_argument("--status", help="only words of this status (new, learning, known, …)")
    p_list.add_argument("--json", action="store_true", help="print JSON")
    p_hsk = actions.add_parser("known-upto-hsk", help="mark every HSK word up to level N known")
    p_hsk.add_argument("level", type=int, metavar="N")
    p_hsk.add_argument("--scheme", default="3.0", choices=("3.0", "2.0"))
    p_import = actions.add_parser(
        "import", help="mark the words of a file known (one a line, or a Pleco/Anki export)"
    )
    p_import.add_argument("file", type=Path, metavar="FILE")
    p_export = actions.add_parser(
        "export", help="write learning words as an Anki deck (.apkg) or Pleco list (.csv/.tsv)"
    )
    p_export.add_argument("-o", "--output", required=True, metavar="FILE")
    p_export.add_argument("--status", help="which words (default: the learning ones)")
    p_export.add_argument("--force", action="store_true", help="overwrite an existing file")


def subcommands(parser: argparse.ArgumentParser) -> list[str]:
    """The names of the parser's subcommands."""
    return [
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]


def with_open_command(argv: list[str]) -> list[str]:
    """`yuedu [--db PATH] yuedu://…` (as a desktop's URL handler calls it) is `yuedu open`."""
    index = _first_positional(argv)
    if index is not None and argv[index].lower().startswith("yuedu:"):
        return [*argv[:index], "open", *argv[index:]]
    return argv


def _first_positional(argv: list[str]) -> int | None:
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--db":
            index += 2
            continue
        if argument.startswith("-"):
            index += 1
            continue
        return index
    return None


def files_to_open(argv: list[str], commands: set[str]) -> tuple[list[str], list[Path]]:
    """`yuedu [--db PATH] FILE...` (a file manager's "Open with") opens the window and imports
    the files: (the arguments without them, the files). Only existing files count, so a
    mistyped command is still reported as one."""
    index = _first_positional(argv)
    if index is None or argv[index] in commands:
        return argv, []
    files = [_local_path(name) for name in argv[index:]]
    if not all(path.is_file() for path in files):
        return argv, []
    return argv[:index], files


def _local_path(name: str) -> Path:
    """A file named by path, or by a file:// URL (as desktops may pass "Open with" files to
    the entry's %U)."""
    if not name.lower().startswith("file://"):
        return Path(name)
    from urllib.parse import unquote, urlsplit

    url = urlsplit(name)
    if url.netloc not in ("", "localhost"):
        return Path(name)  # another machine's file: not found, so not taken for a file
    return Path(unquote(url.path))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(argv) if argv is not None else sys.argv[1:]
    if arguments[:1] == [FROZEN_WORKER_FLAG]:
        # A frozen build starts itself as the PDF reader's child process (see
        # reader.importing.pdf_process): nothing else may run first, the parent reads stdout.
        from reader.importing.pdf_worker import main as pdf_worker_main

        return pdf_worker_main(arguments[1:])
    parser = build_parser()
    arguments, files = files_to_open(arguments, set(subcommands(parser)))
    args = parser.parse_args(with_open_command(arguments))
    if args.db == "":  # else the default library would be used without a word
        parser.error("--db names no file (an empty path)")
    library_path = resolve_library_path(args.db)
    if args.command is None:
        from reader.ui.application import run_gui

        return run_gui(library_path, sys.argv[:1], import_files=files)
    if args.command == "open":
        from reader.export import parse_deep_link

        try:
            parse_deep_link(args.url)
        except ValueError as error:
            sys.stderr.write(f"yuedu: {error}\n")
            return 2
        from reader.ui.application import run_gui

        return run_gui(library_path, sys.argv[:1], open_url=args.url)
    from reader.cli import run_command

    return run_command(args, library_path)
