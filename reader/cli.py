"""Headless commands: what scripts, our own checks and power users run.

Exit status: 0 done; 2 bad input (a one-line reason on stderr, nothing written);
1 the library could not be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reader.importer import (
    ImportCancelled,
    ImportOutcome,
    PreparedImport,
    duplicate_outcome,
    inspect_file,
    prepare_path,
    same_name_source,
    spool_folder_for,
    store_import,
    store_update,
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


def _refuse_library_file(path: Path, library_path: Path, doing: str) -> None:
    """The library's own files are never a command's input or output (see
    `reader.library.files`): refused before anything opens them."""
    from reader.library.files import LibraryFileRefused, refuse_library_file

    try:
        refuse_library_file(path, library_path, doing)
    except LibraryFileRefused as error:
        raise CommandError(str(error)) from None


def _print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


@contextmanager
def _open_library(path: Path) -> Iterator[Library]:
    try:
        # The full check costs a read of the file: small next to any command's work, and a
        # damaged library is then refused with a way out rather than failing half-way.
        library = Library.open_checked(path)
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


def _update_json(outcome: ImportOutcome) -> dict[str, Any]:
    update = outcome.update
    assert update is not None
    return {
        "file": outcome.file_name,
        "source_id": update.source_id,
        "articles_updated": update.articles_updated,
        "articles_unchanged": update.articles_unchanged,
        "articles_added": update.articles_added,
        "articles_kept": update.articles_kept,
        "articles_removed": update.articles_removed,
        "annotations": {
            "stayed": update.annotations.stayed,
            "moved": update.annotations.moved,
            "orphaned": update.annotations.orphaned,
        },
        "reading_corrections": {
            "moved": update.overrides_moved,
            "dropped": update.overrides_dropped,
        },
    }


def _import_files(
    library: Library,
    args: argparse.Namespace,
    err: TextIO,
    prepared: list[tuple[PreparedImport, int | None] | ImportOutcome],
    early_warnings: list[str],
) -> list[ImportOutcome]:
    """Prepare every file (into `prepared`), then store them all in one transaction."""
    seen_hashes: set[str] = set()
    for path in args.files:
        try:
            source = inspect_file(path, library_path=library.path)
            duplicate = duplicate_outcome(library, source.sha256, path.name)
            if duplicate is not None:
                prepared.append(duplicate)
                continue
            if source.sha256 in seen_hashes:
                continue
            seen_hashes.add(source.sha256)
            namesake = same_name_source(library, path.name)
            target: int | None = None
            if namesake is not None and args.update:
                target = namesake.id
            elif namesake is not None:
                early_warnings.append(
                    f"{path.name} has the name of a file imported before (source "
                    f"{namesake.id}, {namesake.imported_at}) but other content; it was "
                    "imported as a new source. To update that source in place and keep "
                    f"its annotations, run: yuedu import --update {path.name}"
                )
            item = prepare_path(
                source,
                encoding=args.encoding,
                progress=_progress_printer(path.name, err),
                spool_folder=spool_folder_for(library),
            )
            prepared.append((item, target))
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        except ImportCancelled as error:  # pragma: no cover - no cancel on the CLI
            raise CommandError(str(error)) from error
    outcomes: list[ImportOutcome] = []
    with library.session.write("Import"):  # every file in one transaction, one record
        for entry in prepared:
            if isinstance(entry, ImportOutcome):
                outcomes.append(entry)
            elif entry[1] is None:
                outcomes.append(store_import(library, entry[0]))
            else:
                outcomes.append(store_update(library, entry[0], entry[1]))
    return outcomes


def cmd_import(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    # Read and prepare every file before writing anything: one bad file means no change.
    # Each item: an outcome already known (a duplicate), or a prepared import with the id
    # of the source it updates in place (None: a new source).
    prepared: list[tuple[PreparedImport, int | None] | ImportOutcome] = []
    early_warnings: list[str] = []
    with _open_library(library_path) as library:
        try:
            outcomes = _import_files(library, args, err, prepared, early_warnings)
        finally:
            for item in prepared:
                if not isinstance(item, ImportOutcome):
                    item[0].discard()
        warnings = early_warnings + [w for outcome in outcomes for w in outcome.warnings]
        articles = [
            article
            for outcome in outcomes
            for article_id in outcome.article_ids
            if (article := library.get_article(article_id)) is not None
        ]
    updates = [outcome for outcome in outcomes if outcome.update is not None]
    if args.json:
        result: dict[str, Any] = {
            "articles": [article_json(a) for a in articles],
            "warnings": warnings,
        }
        if args.update:
            result["updates"] = [_update_json(outcome) for outcome in updates]
        _print_json(result, out)
        return EXIT_OK
    for warning in warnings:
        err.write(f"warning: {warning}\n")
    for outcome in outcomes:
        if outcome.is_duplicate:
            continue
        if outcome.update is not None:
            update = outcome.update
            report = update.annotations
            out.write(
                f"{outcome.file_name}: updated in place: {update.articles_updated} article(s) "
                f"changed, {update.articles_unchanged} unchanged, "
                f"{len(update.articles_added)} added, {update.articles_removed} removed, "
                f"{len(update.articles_kept)} kept though gone from the file\n"
                f"  annotations: {report.stayed} stayed, {report.moved} moved, "
                f"{report.orphaned} orphaned; reading corrections: "
                f"{update.overrides_moved} moved, {update.overrides_dropped} dropped\n"
            )
        else:
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
    with _open_library(library_path) as library:
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
    _print_json(annotation_json(annotation), out)
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from annotations.model import annotation_json
    from annotations.store import AnnotationStore

    with _open_library(library_path) as library:
        if args.article is not None and library.get_article(args.article) is None:
            raise CommandError(f"There is no article with id {args.article}.")
        found = AnnotationStore(library).search(article_id=args.article)
    if args.json:
        _print_json([annotation_json(a) for a in found], out)
        return EXIT_OK
    if not found:
        err.write("No annotations.\n")
    for annotation in found:
        flag = "  ORPHANED" if annotation.orphaned else ""
        tags = "  " + " ".join(f"#{tag}" for tag in annotation.tags) if annotation.tags else ""
        quote = annotation.quote.replace("\n", " ⏎ ")
        if len(quote) > 40:
            quote = quote[:39] + "…"
        out.write(
            f"{annotation.article_id:>5}  {annotation.start:>6}-{annotation.end:<6} "
            f"{annotation.color:<6}  「{quote}」{tags}{flag}  {annotation.id}\n"
        )
        if annotation.comment:
            for line in annotation.comment.splitlines():
                out.write(f"{'':>21}{line}\n")
    return EXIT_OK


def _export_target(output: str) -> tuple[Path, bool]:
    """The path, and whether it names a folder (an existing one, or written with a final
    separator) rather than one file."""
    path = Path(output)
    folder = output.endswith(("/", os.sep)) or path.is_dir()
    return path, folder


def cmd_export(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from annotations.export import (
        ExportOptions,
        ExportWouldOverwrite,
        annotated_article_ids,
        export_article_markdown,
        export_markdown,
        export_to_file,
        export_to_folder,
        now_exported_at,
    )

    options = ExportOptions(pinyin=args.pinyin, context=args.context, orphans=args.orphans)
    if args.output is not None:
        _refuse_library_file(Path(args.output), library_path, "write an export over it")
    with _open_library(library_path) as library:
        if args.articles:
            article_ids = list(dict.fromkeys(args.articles))
            for article_id in article_ids:
                if library.get_article(article_id) is None:
                    raise CommandError(f"There is no article with id {article_id}.")
        else:
            article_ids = annotated_article_ids(library)
            if not article_ids:
                err.write("No annotations to export.\n")
                return EXIT_OK
        resolver = _pinyin_resolver(err) if options.pinyin else None
        stamp = now_exported_at()
        try:
            if args.output is None:
                if len(article_ids) == 1:
                    markdown = export_article_markdown(
                        library, article_ids[0], options, exported_at=stamp,
                        pinyin_resolver=resolver,
                    )  # fmt: skip
                else:
                    markdown = export_markdown(
                        library, article_ids, options, exported_at=stamp, pinyin_resolver=resolver
                    )
                out.write(markdown)
                return EXIT_OK
            target, is_folder = _export_target(args.output)
            if is_folder:
                written = export_to_folder(
                    library, article_ids, target, options, force=args.force,
                    exported_at=stamp, pinyin_resolver=resolver,
                )  # fmt: skip
            else:
                written = [
                    export_to_file(
                        library, article_ids, target, options, force=args.force,
                        exported_at=stamp, pinyin_resolver=resolver,
                    )
                ]  # fmt: skip
        except ExportWouldOverwrite as error:
            names = ", ".join(str(p) for p in error.paths[:5])
            more = f" and {len(error.paths) - 5} more" if len(error.paths) > 5 else ""
            raise CommandError(
                f"{names}{more} already exist(s); nothing was written (--force overwrites)"
            ) from error
        except OSError as error:
            raise CommandError(f"cannot write the export: {error}", EXIT_LIBRARY) from error
    for path in written:
        out.write(f"{path}\n")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from annotations.backup import backup_json
    from annotations.export import write_atomically

    target = Path(args.output)
    _refuse_library_file(target, library_path, "write a backup over it")
    if target.is_dir():
        raise CommandError(f"{target} is a folder; name the backup file")
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists; nothing was written (--force overwrites)")
    with _open_library(library_path) as library:
        text = backup_json(library)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error}", EXIT_LIBRARY) from error
    err.write(f"Backed up the library to {target}.\n")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from dataclasses import asdict

    from annotations.backup import BackupError, restore_backup

    _refuse_library_file(args.file, library_path, "restore from it (name a JSON backup)")
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from error
    with _open_library(library_path) as library:
        try:
            report = restore_backup(library, data)
        except BackupError as error:
            raise CommandError(f"{args.file}: {error}; nothing was restored") from error
    if args.json:
        _print_json(asdict(report), out)
        return EXIT_OK
    out.write(
        f"{args.file}: sources {report.sources_added} added, {report.sources_matched} "
        f"already here; articles {report.articles_added} added, {report.articles_matched} "
        f"already here; annotations {report.annotations_added} added, "
        f"{report.annotations_updated} updated (newer in the backup), "
        f"{report.annotations_kept} kept (as new or newer here); reading corrections "
        f"{report.overrides_added} added, {report.overrides_updated} updated\n"
    )
    return EXIT_OK


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
        _print_json([_backup_json(path) for path in found], out)
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
    with _open_library(library_path) as library:
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


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "pinyin": cmd_pinyin,
    "annotate": cmd_annotate,
    "annotations": cmd_annotations,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "backups": cmd_backups,
    "backup-now": cmd_backup_now,
    "recover": cmd_recover,
}


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
