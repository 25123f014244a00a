"""yuedu search / yuedu lookup: find text, titles and notes by characters or pinyin, and
look words up in the dictionary (issue 15 §4)."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import EXIT_OK, CommandError, open_library, print_json
from reader.library.errors import LibraryError


def add_search_parsers(commands: Any) -> None:  # argparse's private subparsers type
    """`yuedu search …` and `yuedu lookup …`, on the top-level parser's `commands`."""
    search = commands.add_parser(
        "search",
        help="find text, titles and notes by characters or pinyin",
        description="Characters (any number, 行 or 银行) or pinyin (yinhang, yin hang, "
        "yin2hang2, yínháng), matched on the reading shown in each place, your corrections "
        'included. --json prints [{"article_id", "title", "start", "end", "snippet", '
        '"field"}]: code-point offsets into the article text for "text" and "quote", into '
        "the field's own value otherwise.",
    )
    search.add_argument("query", nargs="?", default=None, metavar="QUERY")
    search.add_argument("--pinyin", action="store_true", help="read QUERY as pinyin")
    search.add_argument(
        "--initials", action="store_true", help="QUERY is the initials of the syllables: yh"
    )
    search.add_argument("--whole-word", action="store_true", help="only whole words")
    search.add_argument(
        "--any-script",
        action="store_true",
        help="characters match in simplified and traditional alike: 发展 finds 發展",
    )
    search.add_argument(
        "--in",
        dest="scopes",
        default="",
        metavar="SCOPES",
        help="comma-separated: text, titles, annotations (or title, byline, quote, comment, "
        "tags); default all",
    )
    search.add_argument("--article", type=int, metavar="ID", help="in one article only")
    search.add_argument("--limit", type=int, default=200, metavar="N", help="at most N hits")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--rebuild", action="store_true", help="build the search index afresh (no QUERY needed)"
    )
    lookup = commands.add_parser(
        "lookup",
        help="look a word up in CC-CEDICT by characters, pinyin or English",
        description='--json prints [{"simplified", "traditional", "pinyin", "glosses"}].',
    )
    lookup.add_argument("query", metavar="QUERY")
    lookup.add_argument("--limit", type=int, default=30, metavar="N", help="at most N entries")
    lookup.add_argument("--json", action="store_true", help="print JSON")


def _fields(scopes: str) -> frozenset[str]:
    from reader.search.engine import ALL_FIELDS, SCOPES

    if not scopes.strip():
        return ALL_FIELDS
    fields: set[str] = set()
    for name in (part.strip() for part in scopes.split(",")):
        if name not in SCOPES:
            raise CommandError(f"--in: no scope “{name}”; use {', '.join(sorted(SCOPES))}.")
        fields |= SCOPES[name]
    return frozenset(fields)


def cmd_search(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.search.engine import SearchOptions, search
    from reader.search.index import rebuild
    from reader.search.pinyin_query import QueryRefused, check_query

    if args.limit < 1:
        raise CommandError("--limit must be at least 1.")
    if not args.rebuild:
        try:
            check_query(args.query or "")  # refused before the library is opened
        except QueryRefused as error:
            raise CommandError(str(error)) from None
    options = SearchOptions(
        pinyin=True if args.pinyin else None,
        initials=args.initials,
        whole_word=args.whole_word,
        fields=_fields(args.scopes),
        article_id=args.article,
        limit=args.limit,
        any_script=args.any_script,
    )
    with open_library(library_path) as library:
        if args.rebuild:
            count = rebuild(library)
            err.write(f"Search index rebuilt: {count} article(s).\n")
            if not args.query:
                return EXIT_OK
        if args.article is not None and library.get_article(args.article) is None:
            raise CommandError(f"There is no article {args.article}.")
        try:
            hits = search(library, args.query, options)
        except QueryRefused as error:
            raise CommandError(str(error)) from None
    if args.json:
        print_json([hit.to_json() for hit in hits], out)
        return EXIT_OK
    for hit in hits:
        first, last = hit.snippet_hit
        shown = f"{hit.snippet[:first]}[{hit.snippet[first:last]}]{hit.snippet[last:]}"
        where = hit.article_id if hit.article_id is not None else "-"  # kept from a deleted one
        out.write(f"{where}\t{hit.field}\t{hit.start}-{hit.end}\t{hit.title}\t{shown}\n")
    if not hits:
        err.write(f"No hits.{_no_hits_hint(library_path, args.query, options)}\n")
    elif len(hits) >= args.limit:  # else a reader takes the first 200 for all there are
        err.write(f"The first {args.limit} hits; there may be more (--limit N shows more).\n")
    return EXIT_OK


def _no_hits_hint(library_path: Path, query: str, options: Any) -> str:
    """`reader.search.no_hits`'s hint, after "No hits." (a space before it)."""
    from reader.search.no_hits import no_hits_hint

    try:  # a hint only: a library that cannot be indexed now (read-only) gives none
        with open_library(library_path) as library:
            hint = no_hits_hint(library, query, options, "--any-script")
    except (LibraryError, sqlite3.Error, OSError):
        return ""
    return f" {hint}" if hint else ""


def cmd_lookup(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.search.lookup import lookup
    from reader.search.pinyin_query import QueryRefused
    from reader.text.pinyin_syllables import to_tone_marks

    if args.limit < 1:
        raise CommandError("--limit must be at least 1.")
    try:
        entries = lookup(args.query, limit=args.limit)
    except QueryRefused as error:
        raise CommandError(str(error)) from None
    if args.json:
        print_json([entry.to_json() for entry in entries], out)
        return EXIT_OK
    from reader.text.cedict_display import render_gloss, script_of

    script = script_of(args.query.strip(), entries)  # references in the query's script
    for entry in entries:
        marks = " ".join(to_tone_marks(s) for s in entry.pinyin)
        head = entry.simplified
        if entry.traditional != entry.simplified:
            head += f" ({entry.traditional})"
        glosses = "; ".join(render_gloss(gloss, script) for gloss in entry.glosses)
        out.write(f"{head}  {marks}  {glosses}\n")
    if not entries:
        err.write("Nothing found.\n")
    elif len(entries) >= args.limit:
        err.write(f"The first {args.limit} entries; there may be more (--limit N shows more).\n")
    return EXIT_OK
