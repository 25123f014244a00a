"""Headless commands: what scripts, our own checks and power users run.

Exit status: 0 done; 2 bad input (a one-line reason on stderr, nothing written);
1 the library could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reader.importer import (
    ImportCancelled,
    ImportOutcome,
    PreparedImport,
    content_hash,
    duplicate_outcome,
    prepare_import,
    read_file_bytes,
    store_import,
)
from reader.library import Article, Library, LibraryError
from reader.text.decode import ImportRefused

EXIT_OK = 0
EXIT_LIBRARY = 1
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def _print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


@contextmanager
def _open_library(path: Path) -> Iterator[Library]:
    try:
        library = Library.open(path)
    except LibraryError as error:
        raise CommandError(str(error), EXIT_LIBRARY) from error
    try:
        yield library
    finally:
        library.close()


def article_json(article: Article, *, paragraphs: bool = False) -> dict[str, Any]:
    value: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "text": article.text,
    }
    if paragraphs:
        value["paragraphs"] = article.paragraphs
    return value


def _progress_printer(file_name: str, err: TextIO):  # type: ignore[no-untyped-def]
    if not err.isatty():
        return None
    last = [-1]

    def report(fraction: float, stage: str) -> None:
        percent = int(fraction * 100)
        if percent != last[0]:
            last[0] = percent
            err.write(f"\r{file_name}: {stage} {percent:3d}%")
            if fraction >= 1.0:
                err.write("\n")
            err.flush()

    return report


def cmd_import(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    # Read and prepare every file before writing anything: one bad file means no change.
    prepared: list[PreparedImport | ImportOutcome] = []
    seen_hashes: set[str] = set()
    with _open_library(library_path) as library:
        for path in args.files:
            try:
                data = read_file_bytes(path)
                digest = content_hash(data)
                duplicate = duplicate_outcome(library, digest, path.name)
                if duplicate is not None:
                    prepared.append(duplicate)
                    continue
                if digest in seen_hashes:
                    continue
                seen_hashes.add(digest)
                prepared.append(
                    prepare_import(
                        data,
                        path.name,
                        encoding=args.encoding,
                        progress=_progress_printer(path.name, err),
                    )
                )
            except ImportRefused as error:
                raise CommandError(str(error)) from error
            except ImportCancelled as error:  # pragma: no cover - no cancel on the CLI
                raise CommandError(str(error)) from error
        outcomes: list[ImportOutcome] = []
        with library.transaction():
            for item in prepared:
                outcomes.append(
                    item if isinstance(item, ImportOutcome) else store_import(library, item)
                )
        warnings = [warning for outcome in outcomes for warning in outcome.warnings]
        articles = [
            article
            for outcome in outcomes
            for article_id in outcome.article_ids
            if (article := library.get_article(article_id)) is not None
        ]
    if args.json:
        _print_json({"articles": [article_json(a) for a in articles], "warnings": warnings}, out)
    else:
        for warning in warnings:
            err.write(f"warning: {warning}\n")
        for outcome in outcomes:
            if outcome.is_duplicate:
                continue
            out.write(
                f"{outcome.file_name}: {len(outcome.article_ids)} article(s), "
                f"encoding {outcome.encoding}\n"
            )
            for article_id in outcome.article_ids:
                article = next(a for a in articles if a.id == article_id)
                out.write(f"  {article.id:>5}  {article.title}\n")
    return EXIT_OK


def cmd_list(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    with _open_library(library_path) as library:
        summaries = library.list_articles()
    if args.json:
        _print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "byline": s.byline,
                    "char_count": s.char_count,
                    "source_id": s.source_id,
                }
                for s in summaries
            ],
            out,
        )
        return EXIT_OK
    if not summaries:
        err.write("The library is empty. Import a file with: yuedu import FILE\n")
    for s in summaries:
        byline = f"  （{s.byline}）" if s.byline else ""
        out.write(f"{s.id:>5}  {s.title}{byline}  [{s.char_count} 字]\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    with _open_library(library_path) as library:
        article = library.get_article(args.article_id)
    if article is None:
        raise CommandError(f"There is no article with id {args.article_id}.")
    if args.json:
        _print_json(article_json(article, paragraphs=True), out)
        return EXIT_OK
    out.write(f"{article.title}\n")
    if article.byline:
        out.write(f"（{article.byline}）\n")
    out.write("\n")
    out.write("\n\n".join(article.paragraphs))
    out.write("\n")
    return EXIT_OK


def _pinyin_resolver(err: TextIO):  # type: ignore[no-untyped-def]
    """One resolver for the whole run, with the CC-CEDICT layer (built on first use)."""
    from reader.text.dictionary import Dictionary, DictionaryNotBuilt, ensure_dictionary
    from reader.text.pinyin import PinyinResolver

    try:
        dictionary = Dictionary.open()
    except DictionaryNotBuilt:
        err.write("yuedu: building the dictionary from CC-CEDICT (first use only)…\n")
        err.flush()
        try:
            dictionary = ensure_dictionary()
        except (OSError, DictionaryNotBuilt) as error:
            err.write(f"yuedu: warning: pinyin without the dictionary: {error}\n")
            dictionary = None
    resolver = PinyinResolver(dictionary, use_dictionary=dictionary is not None)
    resolver.warm_up()
    return resolver


def pinyin_json(resolver: Any, text: str, style: str = "marks") -> dict[str, Any]:
    """`{"text", "tokens": [{"word", "start", "end", "pinyin"}]}` with code-point offsets and
    one syllable (or None for a non-Han character) per character of each word."""
    from reader.text.pinyin_syllables import to_tone_marks

    def show(syllable: str | None) -> str | None:
        if syllable is None or style == "numbers":
            return syllable
        return to_tone_marks(syllable)

    return {
        "text": text,
        "tokens": [
            {"word": word, "start": start, "end": end, "pinyin": [show(s) for s in readings]}
            for start, end, word, readings in resolver.resolve_text(text)
        ],
    }


def _input_lines(source: TextIO) -> Iterator[str]:
    """Lines without their line ends; a real standard input is read as strict UTF-8 whatever
    the locale says."""
    raw = getattr(source, "buffer", None)
    if raw is None:
        for line in source:
            yield line.rstrip("\r\n")
        return
    for number, data in enumerate(raw):
        line = data.decode("utf-8")
        if number == 0:
            line = line.removeprefix("\ufeff")
        yield line.rstrip("\r\n")


def cmd_pinyin(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    if args.texts:
        texts: Iterator[str] = iter(args.texts)
    else:
        texts = _input_lines(getattr(args, "input", None) or sys.stdin)
    resolver = None
    try:
        for text in texts:
            if resolver is None:
                resolver = _pinyin_resolver(err)
            out.write(json.dumps(pinyin_json(resolver, text, args.style), ensure_ascii=False))
            out.write("\n")
    except UnicodeDecodeError as error:
        raise CommandError(f"standard input is not UTF-8 text: {error.reason}") from error
    return EXIT_OK


COMMANDS = {"import": cmd_import, "list": cmd_list, "show": cmd_show, "pinyin": cmd_pinyin}


def run_command(
    args: argparse.Namespace,
    library_path: Path,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return COMMANDS[args.command](args, library_path, out, err)
    except CommandError as error:
        err.write(f"yuedu: {error}\n")
        return error.status
