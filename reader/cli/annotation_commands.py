"""yuedu annotate, annotations: highlights and comments from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from reader.cli.common import (
    EXIT_OK,
    CommandError,
    open_library,
    print_json,
)


def _find_quote(text: str, quote: str, occurrence: int) -> int:
    """Start of the `occurrence`-th (from 1) appearance of `quote` in `text`."""
    if not quote:
        raise CommandError("--quote must not be empty")
    if occurrence < 1:
        raise CommandError("--occurrence counts from 1")
    found = -1
    for seen in range(occurrence):
        found = text.find(quote, found + 1)
        if found < 0 and seen == 0:
            raise CommandError(f"the quote {quote!r} is not in the article")
        if found < 0:
            raise CommandError(f"the quote {quote!r} occurs only {seen} time(s)")
    return found


def cmd_annotate(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from annotations.model import COLORS, annotation_json
    from annotations.store import AnnotationStore

    if args.color not in COLORS:
        raise CommandError(f"unknown colour {args.color!r}; choose one of {', '.join(COLORS)}")
    with open_library(library_path) as library:
        article = library.get_article(args.article_id)
        if article is None:
            raise CommandError(f"There is no article with id {args.article_id}.")
        if args.quote is not None:
            if args.end is not None:
                raise CommandError("--end goes with --start, not with --quote")
            start = _find_quote(article.text, args.quote, args.occurrence)
            end = start + len(args.quote)
        elif args.end is None:
            raise CommandError("--start needs --end")
        else:
            start, end = args.start, args.end
        try:
            annotation = AnnotationStore(library).add(
                article.id,
                start,
                end,
                color=args.color,
                comment=args.comment,
                tags=args.tags,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
    print_json(annotation_json(annotation), out)
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from annotations.model import annotation_json
    from annotations.store import AnnotationStore

    with open_library(library_path) as library:
        if args.article is not None and library.get_article(args.article) is None:
            raise CommandError(f"There is no article with id {args.article}.")
        found = AnnotationStore(library).search(article_id=args.article)
    if args.json:
        print_json([annotation_json(a) for a in found], out)
        return EXIT_OK
    if not found:
        err.write("No annotations.\n")
    for annotation in found:
        flag = "  ORPHANED" if annotation.orphaned else ""
        if annotation.origin is not None:  # kept from a deleted article
            flag += f" (from: {annotation.origin.title})"
        article = "-" if annotation.article_id is None else annotation.article_id
        tags = "  " + " ".join(f"#{tag}" for tag in annotation.tags) if annotation.tags else ""
        quote = annotation.quote.replace("\n", " ⏎ ")
        if len(quote) > 40:
            quote = quote[:39] + "…"
        out.write(
            f"{article:>5}  {annotation.start:>6}-{annotation.end:<6} "
            f"{annotation.color:<6}  「{quote}」{tags}{flag}  {annotation.id}\n"
        )
        if annotation.comment:
            for line in annotation.comment.splitlines():
                out.write(f"{'':>21}{line}\n")
    return EXIT_OK
