"""yuedu export, backup, restore: Markdown notes, and the whole library as JSON."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from reader.cli.common import (
    EXIT_LIBRARY,
    EXIT_OK,
    CommandError,
    checked_output_file,
    open_library,
    print_json,
    refuse_input_file,
    refuse_own_file,
)
from reader.cli.pinyin_command import pinyin_resolver

EXPORT = "write an export over it"


def _export_target(output: str, library_path: Path, force: bool) -> tuple[Path, bool]:
    """The path, and whether it names a folder (an existing one, or written with a final
    separator) rather than one file; checked before the library is opened. A new folder is
    made for the notes, but not its missing parents (a mistyped path is refused)."""
    if not output:
        raise CommandError("-o names no file or folder (an empty path); nothing was written")
    path = Path(output)
    if not (output.endswith(("/", os.sep)) or path.is_dir()):
        return checked_output_file(output, library_path, force=force, doing=EXPORT), False
    refuse_own_file(path, library_path, EXPORT)  # (a file's check holds this one)
    if path.exists() and not path.is_dir():
        raise CommandError(f"{path} is not a folder; nothing was written")
    parent = path.absolute().parent
    if not path.exists() and not parent.is_dir():
        raise CommandError(f"the folder {parent} does not exist; nothing was written")
    return path, True


def cmd_export(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.export import (
        ExportOptions,
        ExportWouldOverwrite,
        NotARegularFile,
        annotated_article_ids,
        export_article_markdown,
        export_markdown,
        export_to_file,
        export_to_folder,
        now_exported_at,
    )
    from reader.export.kept import kept_count

    # The whole library's export (no --article) has the annotations of deleted articles too.
    whole = not args.articles
    options = ExportOptions(
        pinyin=args.pinyin, context=args.context, orphans=args.orphans, kept=whole
    )
    if args.output is not None:
        target, is_folder = _export_target(args.output, library_path, args.force)
    with open_library(library_path) as library:
        if args.articles:
            article_ids = list(dict.fromkeys(args.articles))
            for article_id in article_ids:
                if library.get_article(article_id) is None:
                    raise CommandError(f"There is no article with id {article_id}.")
        else:
            article_ids = annotated_article_ids(library)
            if not article_ids and not (args.orphans and kept_count(library)):
                err.write("No annotations to export.\n")
                return EXIT_OK
        resolver = pinyin_resolver(err) if options.pinyin else None
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
        except NotARegularFile as error:  # became one since the check above
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"cannot write the export: {error}", EXIT_LIBRARY) from error
    for path in written:
        out.write(f"{path}\n")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.export import write_atomically
    from reader.library.json_backup import backup_json

    target = checked_output_file(
        args.output, library_path, force=args.force, doing="write a backup over it"
    )
    with open_library(library_path) as library:
        text = backup_json(library)
    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error}", EXIT_LIBRARY) from error
    err.write(f"Backed up the library to {target}.\n")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from dataclasses import asdict

    from reader.library.json_backup import MAX_BACKUP_BYTES, BackupError
    from reader.library.json_restore import restore_backup

    refuse_input_file(args.file, library_path, "restore from it (name a JSON backup)")
    try:
        if args.file.stat().st_size > MAX_BACKUP_BYTES:  # refused before it is read
            raise CommandError(
                f"{args.file}: larger than any Yuedu backup "
                f"({MAX_BACKUP_BYTES // (1024 * 1024)} MB); nothing was restored"
            )
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from error
    with open_library(library_path, create=True) as library:
        try:
            report = restore_backup(library, data)
        except BackupError as error:
            raise CommandError(f"{args.file}: {error}; nothing was restored") from error
    if args.json:
        print_json(asdict(report), out)
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
