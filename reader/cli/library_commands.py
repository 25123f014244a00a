"""yuedu import, list, show: putting texts into the library and reading them back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import (
    EXIT_OK,
    CommandError,
    article_json,
    open_library,
    print_json,
)
from reader.importer import (
    ImportCancelled,
    ImportOutcome,
    ImportPlan,
    PreparedImport,
    duplicate_outcome,
    inspect_file,
    names_other_encoding,
    plan_import,
    prepare_path,
    spool_folder_for,
    store_import,
    store_update,
)
from reader.importing.targets import source_ids
from reader.library import Library, Source
from reader.messages import message
from reader.text.decode import ImportRefused


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


def _has_other_namesake(library: Library, source: Source) -> bool:
    """Whether a source of the same file name but other content exists (then `--update`
    with the file of `source` folds that copy into it: `reader.importing.targets`)."""
    return any(other.sha256 != source.sha256 for other in library.sources_named(source.file_name))


def _import_files(
    library: Library,
    args: argparse.Namespace,
    err: TextIO,
    prepared: list[tuple[PreparedImport, ImportPlan] | ImportOutcome],
    early_warnings: list[str],
) -> list[ImportOutcome]:
    """Prepare every file (into `prepared`) and plan where it goes, then store them all
    in one transaction."""
    from reader.importing.returning import is_whole

    seen_hashes: set[str] = set()
    planned: list[ImportPlan] = []
    for path in args.files:
        try:
            pages = getattr(args, "pages", None)
            source = inspect_file(path, library_path=library.path, pages=pages)
            duplicate = duplicate_outcome(library, source.source_hash, source.file_name)
            if (
                duplicate is not None
                and duplicate.duplicate_of is not None
                and is_whole(library, duplicate.duplicate_of.id)  # else it brings back
                and not names_other_encoding(args.encoding, duplicate.duplicate_of)
                and not (args.update and _has_other_namesake(library, duplicate.duplicate_of))
            ):
                prepared.append(duplicate)
                continue
            if source.source_hash in seen_hashes:
                continue
            seen_hashes.add(source.source_hash)
            item = prepare_path(
                source,
                encoding=args.encoding,
                progress=_progress_printer(source.file_name, err),
                spool_folder=spool_folder_for(library),
            )
            plan = ImportPlan()
            prepared.append((item, plan))
            plan = plan_import(library, item, update=args.update, encoding=args.encoding)
            if source_ids([plan]) & source_ids(planned):
                raise ImportRefused(
                    message(
                        "{file}: another file of this import updates the same source. "
                        "Nothing was changed; import them one at a time.",
                        file=source.file_name,
                    )
                )
            planned.append(plan)
            prepared[-1] = (item, plan)
            if plan.warning is not None:
                early_warnings.append(plan.warning)
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        except ImportCancelled as error:  # pragma: no cover - no cancel on the CLI
            raise CommandError(str(error)) from error
    outcomes: list[ImportOutcome] = []
    with library.session.write("Import"):  # every file in one transaction, one record
        for entry in prepared:
            if isinstance(entry, ImportOutcome):
                outcomes.append(entry)
            elif entry[1].update_id is None:
                outcomes.append(store_import(library, entry[0]))
            else:
                update_id, replacing = entry[1].update_id, entry[1].replaces
                outcomes.append(store_update(library, entry[0], update_id, replacing=replacing))
    return outcomes


def cmd_import(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    # Read and prepare every file before writing anything: one bad file means no change.
    # Each item: an outcome already known (a duplicate), or a prepared import with where
    # it goes (a new source, or one updated in place).
    prepared: list[tuple[PreparedImport, ImportPlan] | ImportOutcome] = []
    early_warnings: list[str] = []
    with open_library(library_path, create=True) as library:
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
        print_json(result, out)
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
    from reader.learning.counts import article_figures

    with open_library(library_path) as library:
        summaries = library.list_articles()
        figures = article_figures(library.conn)
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "byline": s.byline,
                    "char_count": s.char_count,
                    "source_id": s.source_id,
                    # Known running words among those not ignored (0–1), distinct new words.
                    "known_share": round(figures[s.id].known_share, 4) if s.id in figures else None,
                    "new_words": figures[s.id].new_words if s.id in figures else None,
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
    with open_library(library_path) as library:
        article = library.get_article(args.article_id)
    if article is None:
        raise CommandError(f"There is no article with id {args.article_id}.")
    if args.json:
        print_json(article_json(article, paragraphs=True), out)
        return EXIT_OK
    out.write(f"{article.title}\n")
    if article.byline:
        out.write(f"（{article.byline}）\n")
    out.write("\n")
    out.write("\n\n".join(article.paragraphs))
    out.write("\n")
    return EXIT_OK
