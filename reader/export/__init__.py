"""Markdown export of the library's annotations (Qt-free, the core's): the drivers the CLI
and the GUI share, writing one note per article into a folder or several articles into one
file, each file atomically.

The pieces, whose public names are importable from here too:

- `reader.export.render`: an article and its annotations as a Markdown note (the layout
  is described there), and several articles as one document;
- `reader.export.markdown_escape`: article text as Markdown that renders as exactly that text,
  comments with their own Markdown but no raw HTML, YAML strings;
- `reader.export.extras`: the optional pinyin and context lines;
- `reader.export.deep_links`: `yuedu://article/<id>?annotation=<uuid>` links, made and parsed;
- `reader.export.atomic_write`: `write_atomically`;
- `reader.export.rows`: what an export reads of the library.

Qt-free.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.export.atomic_write import NotARegularFile, write_atomically, written_target
from reader.export.deep_links import DEEP_LINK_SCHEME, deep_link, parse_deep_link
from reader.export.extras import (
    MAX_CONTEXT_CHARS,
    context_markdown,
    sentence_span,
    spell_pinyin,
)
from reader.export.filenames import unique_file_names
from reader.export.markdown_escape import (
    comment_markdown,
    escape_inline,
    escape_line,
    quote_lines,
    yaml_string,
)
from reader.export.render import (
    ORPHANS_HEADING,
    SEPARATOR,
    ExportOptions,
    Renderer,
    article_markdown,
    export_article_markdown,
    export_markdown,
    make_pinyin_resolver,
    resolver_for,
)
from reader.export.rows import Row, read_article
from reader.library.files import EXPORT_OVER_IT, refuse_library_file
from reader.library.store import Library

if TYPE_CHECKING:
    from reader.text.pinyin import PinyinResolver

__all__ = [
    "DEEP_LINK_SCHEME",
    "MAX_CONTEXT_CHARS",
    "NotARegularFile",
    "ORPHANS_HEADING",
    "SEPARATOR",
    "CancelCheck",
    "ExportCancelled",
    "ExportOptions",
    "ExportProgress",
    "ExportWouldOverwrite",
    "Row",
    "annotated_article_ids",
    "comment_markdown",
    "context_markdown",
    "deep_link",
    "escape_inline",
    "escape_line",
    "export_article_markdown",
    "export_markdown",
    "export_to_file",
    "export_to_folder",
    "folder_file_names",
    "make_pinyin_resolver",
    "now_exported_at",
    "parse_deep_link",
    "quote_lines",
    "sentence_span",
    "spell_pinyin",
    "write_atomically",
    "written_target",
    "yaml_string",
]

ExportProgress = Callable[[int, int], None]
"""Called with (files written, files to write)."""
CancelCheck = Callable[[], bool]
"""Returns True once the user asked to cancel."""


class ExportWouldOverwrite(FileExistsError):
    """These files exist and `force` was not given; nothing was written."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        shown = ", ".join(str(p) for p in self.paths[:3])
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        super().__init__(f"would overwrite {shown}{more}")


class ExportCancelled(Exception):
    """Cancelled between two files: the files in `written` are whole, the rest untouched."""

    def __init__(self, written: Sequence[Path]) -> None:
        self.written = list(written)
        super().__init__(f"export cancelled after {len(self.written)} file(s)")


def now_exported_at() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# Rendered notes waiting for the writer thread, at most (bounds the memory they hold).
_MAX_PENDING_WRITES = 8


def folder_file_names(library: Library, article_ids: Sequence[int]) -> list[str]:
    """The file each article goes to in a folder export: its title made safe, numbered
    when two articles share a title (in the order given)."""
    titles = []
    for article_id in article_ids:
        row = library.conn.execute(
            "SELECT title FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"there is no article with id {article_id}")
        titles.append(row[0])
    return unique_file_names(titles)


def export_to_folder(
    library: Library,
    article_ids: Sequence[int],
    folder: Path,
    options: ExportOptions,
    *,
    force: bool = False,
    progress: ExportProgress | None = None,
    is_cancelled: CancelCheck | None = None,
    exported_at: str | None = None,
    pinyin_resolver: PinyinResolver | None = None,
) -> list[Path]:
    """One note per article in `folder` (created if needed, not its missing parents), named
    by `folder_file_names`. A device or a pipe among them raises NotARegularFile,
    and ExportWouldOverwrite when any of them exists and not `force`, before anything is
    written; ExportCancelled between two files when `is_cancelled()` turns true. Returns
    the paths written, in the order of `article_ids`."""
    folder = Path(folder)
    paths = [folder / name for name in folder_file_names(library, article_ids)]
    kept_note = _kept_note_path(library, folder, paths, options)
    for path in [*paths, *kept_note]:  # a device or a pipe among them: nothing written
        written_target(path)
    if not force:
        existing = [path for path in [*paths, *kept_note] if path.exists()]
        if existing:
            raise ExportWouldOverwrite(existing)
    # The folder itself, not its missing parents: a mistyped path is not spread on disk.
    folder.mkdir(exist_ok=True)
    stamp = exported_at or now_exported_at()
    renderer = Renderer(options, resolver_for(options, pinyin_resolver))
    written: list[Path] = []
    # Files are written by one thread while the next is read and rendered: writing releases
    # the GIL, so the disk and the renderer work at the same time. Results are collected in
    # order; a write's error surfaces here, after the files before it were written whole.
    pending: deque[tuple[Future[None], Path]] = deque()

    def settle(keep: int) -> None:
        """Collect finished writes in order, waiting until at most `keep` are pending."""
        while pending and (len(pending) > keep or pending[0][0].done()):
            future, path = pending.popleft()
            future.result()
            written.append(path)
            if progress is not None:
                progress(len(written), len(paths))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="yuedu-export") as writer:
        try:
            for article_id, path in zip(article_ids, paths, strict=True):
                if is_cancelled is not None and is_cancelled():
                    settle(0)
                    raise ExportCancelled(written)
                article = read_article(library, article_id, orphans=options.orphans)
                data = article_markdown(library, article, renderer, stamp).encode("utf-8")
                pending.append((writer.submit(write_atomically, path, data), path))
                settle(_MAX_PENDING_WRITES)
            settle(0)
            for path in kept_note:  # the annotations kept from deleted articles, last
                write_atomically(path, _kept_note(library, renderer, stamp).encode("utf-8"))
                written.append(path)
        except BaseException:
            for future, _ in pending:  # not started: never begun; running: finishes whole
                future.cancel()
            raise
    return written


def export_to_file(
    library: Library,
    article_ids: Sequence[int],
    path: Path,
    options: ExportOptions,
    *,
    force: bool = False,
    exported_at: str | None = None,
    pinyin_resolver: PinyinResolver | None = None,
) -> Path:
    """`export_markdown` of the articles written to `path`, atomically; a single article
    gets its own note (`export_article_markdown`). ExportWouldOverwrite when `path` exists
    and not `force`. `LibraryFileRefused`, before anything is opened, when `path` is the
    library's own file or one of its companions."""
    path = Path(path)
    refuse_library_file(path, library.path, EXPORT_OVER_IT)
    written_target(path)  # NotARegularFile for a device, a pipe or a folder
    if path.exists() and not force:
        raise ExportWouldOverwrite([path])
    stamp = exported_at or now_exported_at()
    if len(article_ids) == 1:
        markdown = export_article_markdown(
            library, article_ids[0], options, exported_at=stamp, pinyin_resolver=pinyin_resolver
        )
        if options.kept and options.orphans:
            from reader.export.kept import kept_markdown

            renderer = Renderer(options, pinyin_resolver)
            section = kept_markdown(library, renderer)
            markdown += f"\n{section}" if section else ""
    else:
        markdown = export_markdown(
            library, article_ids, options, exported_at=stamp, pinyin_resolver=pinyin_resolver
        )
    write_atomically(path, markdown.encode("utf-8"))  # into an existing folder only
    return path


def annotated_article_ids(library: Library) -> list[int]:
    """Articles holding at least one annotation, in library order: what `yuedu export`
    exports when no --article is named."""
    rows = library.conn.execute(
        "SELECT id FROM articles a WHERE EXISTS"
        " (SELECT 1 FROM annotations n WHERE n.article_id = a.id) ORDER BY source_id, position"
    ).fetchall()
    return [row[0] for row in rows]


def _kept_note_path(
    library: Library, folder: Path, paths: Sequence[Path], options: ExportOptions
) -> list[Path]:
    """The folder export's note of the annotations kept from deleted articles: [its path]
    when the export wants it and there are some, else []."""
    from reader.export.kept import KEPT_FILE_TITLE, kept_count

    if not (options.kept and options.orphans) or not kept_count(library):
        return []
    taken = {path.name for path in paths}
    name = f"{KEPT_FILE_TITLE}.md"
    number = 2
    while name in taken:  # an article of that very title
        name = f"{KEPT_FILE_TITLE} ({number}).md"
        number += 1
    return [folder / name]


def _kept_note(library: Library, renderer: Renderer, exported_at: str) -> str:
    from reader.export.kept import KEPT_FILE_TITLE, kept_count, kept_markdown
    from reader.export.render import front_matter

    front = front_matter(
        {"title": KEPT_FILE_TITLE, "exported": exported_at, "annotations": kept_count(library)}
    )
    return front + kept_markdown(library, renderer, level=1)
