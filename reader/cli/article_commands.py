"""yuedu article rename|byline|split|merge|delete: the reader fixes how an import split the
text (see `reader.library.article_edits`). Each prints the resulting articles — with
--json in the shape of `yuedu show --json` — and exits 2 with a reason, changing nothing,
on a bad id or offset."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import EXIT_OK, CommandError, article_json, open_library, print_json


def cmd_article(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library import article_edits

    with open_library(library_path) as library:
        try:
            ids = _edit(library, args)
        except article_edits.ArticleEditRefused as error:
            raise CommandError(str(error)) from error
        articles = [article for i in ids if (article := library.get_article(i)) is not None]
    if args.json:
        print_json([article_json(article, paragraphs=True) for article in articles], out)
        return EXIT_OK
    if args.article_command == "delete":
        kept = getattr(args, "kept", 0)
        note = f" {kept} annotation(s) kept as orphans." if kept else ""
        out.write(f"Deleted article {args.article_id}.{note}\n")
    for article in articles:
        byline = f"  （{article.byline}）" if article.byline else ""
        out.write(f"{article.id:>5}  {article.title}{byline}  [{len(article.text)} 字]\n")
    return EXIT_OK


def _edit(library: Any, args: argparse.Namespace) -> list[int]:
    """Make the edit; the ids of the articles it results in."""
    from reader.library import article_edits

    command, article_id = args.article_command, args.article_id
    if command == "rename":
        article_edits.rename(library, article_id, args.title)
    elif command == "byline":
        article_edits.set_byline(library, article_id, args.byline)
    elif command == "split":
        done = article_edits.split(library, article_id, args.offset, args.title)
        return [article_id, done.new_id]
    elif command == "merge":
        article_edits.merge(library, article_id, args.next_id)
    else:
        keep = bool(getattr(args, "keep_annotations", False))
        done = article_edits.delete(library, article_id, force=args.force, keep_annotations=keep)
        args.kept = len(done.annotations) if done.kept else 0  # for the report
        return []
    return [article_id]
