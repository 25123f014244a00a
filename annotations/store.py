"""Annotations in the library file: every change is one transaction, committed before the
method returns, so what the reader made is on disk the moment it is made.

A failed write (disk full, a locked file: `sqlite3.OperationalError`, `OSError`) propagates
to the caller with nothing half-written. Qt-free: the UI reaches it through its service.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from annotations.model import (
    DEFAULT_COLOR,
    Annotation,
    HighlightSpan,
    Origin,
    check_color,
    normalize_tags,
)
from reader.library import writes
from reader.library.change import ChangeBuilder
from reader.library.store import Library

# The order `_to_row` keeps, and `_from_row` with the origin's columns after it.
_COLUMNS = f"{writes.ANNOTATION_COLUMNS}, {writes.ORIGIN_COLUMNS}"
_CASEFOLD_FUNCTION = "yuedu_casefold"


# `annotations.anchoring` (with difflib) and `uuid` are imported where they are used: a
# window's start-up reads annotations but neither makes nor re-anchors one.


def new_annotation_id() -> str:
    import uuid

    return str(uuid.uuid4())


def now_utc() -> str:
    """The current UTC time, ISO 8601 with milliseconds (edits in one second stay ordered)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _from_row(row: Sequence[Any]) -> Annotation:
    (id_, article_id, start, end, quote, prefix, suffix, color, comment, tags, created,
     updated, orphaned, *origin) = row  # fmt: skip
    return Annotation(
        id=id_,
        article_id=article_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        color=color,
        comment=comment,
        tags=tuple(json.loads(tags)),
        created_at=created,
        updated_at=updated,
        orphaned=bool(orphaned),
        origin=Origin(*origin) if article_id is None and origin else None,
    )


def origin_row(annotation: Annotation) -> tuple[Any, ...]:
    """Its origin in `writes.ORIGIN_COLUMNS` order (none: `writes.NO_ORIGIN`)."""
    origin = annotation.origin
    if origin is None:
        return writes.NO_ORIGIN
    return (origin.source_id, origin.file_name, origin.sha256, origin.title, origin.position)


def _to_row(annotation: Annotation) -> list[Any]:
    return [
        annotation.id,
        annotation.article_id,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.prefix,
        annotation.suffix,
        annotation.color,
        annotation.comment,
        json.dumps(list(annotation.tags), ensure_ascii=False),
        annotation.created_at,
        annotation.updated_at,
        int(annotation.orphaned),
    ]


@dataclass(frozen=True)
class ReanchorReport:
    """What happened to an article's annotations when its text changed."""

    stayed: int = 0  # same span, same quote
    moved: int = 0  # placed again at another span, or with an edited quote
    orphaned: int = 0  # could not be placed; kept, flagged `orphaned`

    def __add__(self, other: ReanchorReport) -> ReanchorReport:
        return ReanchorReport(
            self.stayed + other.stayed, self.moved + other.moved, self.orphaned + other.orphaned
        )


class AnnotationStore:
    """The annotations of one open `Library`, through its connection."""

    def __init__(self, library: Library) -> None:
        self.library = library
        # SQLite's lower() folds ASCII only; search must match "É" with "é" too.
        library.conn.create_function(_CASEFOLD_FUNCTION, 1, _casefold, deterministic=True)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.library.conn

    def _writing(self, op: str) -> AbstractContextManager[ChangeBuilder]:
        """The library's door (`LibrarySession.write`): one transaction, rolled back on
        any failure (also of COMMIT itself), recording what it touched."""
        return self.library.session.write(op)

    # -- reading -----------------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", [annotation_id]
        ).fetchone()
        return _from_row(row) if row else None

    def spans(self, article_id: int, *, starting_before: int | None = None) -> list[HighlightSpan]:
        """The article's placed highlights as painting needs them, in text order; answered
        from the `annotations_spans` index alone. `starting_before` limits them to those that
        start before that offset (enough to paint the top of an article at once)."""
        limit = "" if starting_before is None else " AND start < ?"
        parameters = [article_id] if starting_before is None else [article_id, starting_before]
        return self.conn.execute(
            "SELECT id, start, end, color, comment <> '' FROM annotations"
            f" WHERE article_id = ? AND orphaned = 0{limit} ORDER BY start, end",
            parameters,
        ).fetchall()

    def has_spans_from(self, article_id: int, offset: int) -> bool:
        """Whether a placed highlight of the article starts at `offset` or after (one seek
        in the `annotations_spans` index): is there more to read than the first screen?"""
        row = self.conn.execute(
            "SELECT 1 FROM annotations WHERE article_id = ? AND orphaned = 0 AND start >= ?"
            " LIMIT 1",
            [article_id, offset],
        ).fetchone()
        return row is not None

    def for_article(self, article_id: int) -> list[Annotation]:
        """The article's annotations (orphans included, flagged) in text order."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE article_id = ? ORDER BY start, end",
            [article_id],
        ).fetchall()
        return [_from_row(row) for row in rows]

    def search(
        self,
        *,
        article_id: int | None = None,
        color: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        orphaned: bool | None = None,
    ) -> list[Annotation]:
        """Annotations matching every filter given: `text` in the quote or the comment and
        `tag` among the tags, both case-insensitively. Ordered by article, then position."""
        conditions: list[str] = []
        parameters: list[Any] = []
        if article_id is not None:
            conditions.append("article_id = ?")
            parameters.append(article_id)
        if color is not None:
            conditions.append("color = ?")
            parameters.append(check_color(color))
        if orphaned is not None:
            conditions.append("orphaned = ?")
            parameters.append(int(orphaned))
        if tag is not None:
            wanted = normalize_tags([tag])
            if not wanted:
                return []
            conditions.append(
                f"EXISTS (SELECT 1 FROM json_each(annotations.tags)"
                f" WHERE {_CASEFOLD_FUNCTION}(json_each.value) = ?)"
            )
            parameters.append(wanted[0].casefold())
        if text:
            folded = text.casefold()
            conditions.append(
                f"(instr({_CASEFOLD_FUNCTION}(quote), ?) > 0"
                f" OR instr({_CASEFOLD_FUNCTION}(comment), ?) > 0)"
            )
            parameters.extend([folded, folded])
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations{where} ORDER BY article_id, start, end",
            parameters,
        ).fetchall()
        return [_from_row(row) for row in rows]

    def tags(self) -> list[str]:
        """Every tag in use, once (case-insensitively), sorted case-insensitively."""
        rows = self.conn.execute(
            "SELECT DISTINCT json_each.value FROM annotations, json_each(annotations.tags)"
        )
        return list(normalize_tags(row[0] for row in rows))

    def count(self, article_id: int | None = None) -> int:
        if article_id is None:
            return self.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
        return self.conn.execute(
            "SELECT count(*) FROM annotations WHERE article_id = ?", [article_id]
        ).fetchone()[0]

    # -- writing -----------------------------------------------------------------------
    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = DEFAULT_COLOR,
        comment: str = "",
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Annotate [start, end) of the article (code points). ValueError for an unknown
        article or colour, or a span that is empty or outside the text."""
        check_color(color)
        if not isinstance(comment, str):
            raise TypeError("comment must be a string")
        wanted_tags = normalize_tags(tags)
        with self._writing("Highlight") as change:
            row = self.conn.execute(
                "SELECT text FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row is None:
                raise ValueError(f"there is no article with id {article_id}")
            text: str = row[0]
            if not 0 <= start < end <= len(text):
                raise ValueError(
                    f"[{start}, {end}) is not a non-empty span of article {article_id}, "
                    f"which has {len(text)} characters"
                )
            from annotations.anchoring import selector

            quote, prefix, suffix = selector(text, start, end)
            stamp = now_utc()
            annotation = Annotation(
                id=new_annotation_id(),
                article_id=article_id,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                color=color,
                comment=comment,
                tags=self._spelled_as_in_library(wanted_tags),
                created_at=stamp,
                updated_at=stamp,
                orphaned=False,
            )
            writes.insert_annotation(self.conn, change, _to_row(annotation))
        return annotation

    def update(
        self,
        annotation_id: str,
        *,
        color: str | None = None,
        comment: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        """Change what is given, bump `updated_at`; KeyError if there is no such annotation."""
        if color is not None:
            check_color(color)
        wanted_tags = normalize_tags(tags) if tags is not None else None
        with self._writing("Edit highlight") as change:
            current = self.get(annotation_id)
            if current is None:
                raise KeyError(annotation_id)
            changed = replace(
                current,
                color=color if color is not None else current.color,
                comment=comment if comment is not None else current.comment,
                tags=(
                    self._spelled_as_in_library(wanted_tags, besides=annotation_id)
                    if wanted_tags is not None
                    else current.tags
                ),
                updated_at=now_utc(),
            )
            writes.edit_annotation(
                self.conn,
                change,
                annotation_id,
                current.article_id,
                color=changed.color,
                comment=changed.comment,
                tags_json=json.dumps(list(changed.tags), ensure_ascii=False),
                updated_at=changed.updated_at,
            )
        return changed

    def delete(self, annotation_id: str) -> Annotation:
        """Delete and return the annotation (hand it to `restore` to undo); KeyError if
        there is no such annotation."""
        with self._writing("Delete highlight") as change:
            current = self.get(annotation_id)
            if current is None:
                raise KeyError(annotation_id)
            writes.delete_annotation(self.conn, change, annotation_id, current.article_id)
        return current

    def restore(self, annotation: Annotation) -> None:
        """Put `annotation` back exactly as given (its id, times and all): undoes a delete,
        or an edit when given the annotation as it was before."""
        check_color(annotation.color)
        with self._writing("Restore highlight") as change:
            writes.put_annotation(self.conn, change, _to_row(annotation), origin_row(annotation))

    def _spelled_as_in_library(
        self, tags: tuple[str, ...], *, besides: str | None = None
    ) -> tuple[str, ...]:
        """Tags unique case-insensitively across the library: a tag already in use is
        written as it is already spelled ("poem" joins "Poem")."""
        if not tags:
            return tags
        in_use: dict[str, str] = {}
        for tag in tags:
            row = self.conn.execute(
                "SELECT json_each.value FROM annotations, json_each(annotations.tags)"
                f" WHERE annotations.id IS NOT ? AND {_CASEFOLD_FUNCTION}(json_each.value) = ?"
                " LIMIT 1",
                [besides, tag.casefold()],
            ).fetchone()
            if row is not None:
                in_use[tag.casefold()] = row[0]
        return normalize_tags(in_use.get(tag.casefold(), tag) for tag in tags)

    # -- when the text changes -----------------------------------------------------------
    def reanchor_article(self, article_id: int, old_text: str, new_text: str) -> ReanchorReport:
        """Place the article's annotations again after its text changed from `old_text` to
        `new_text` (already stored or about to be; this reads neither from the library).
        Orphans are tried again too, and lose the flag when their passage is found.
        `updated_at` is left alone: it records the reader's edits, not the text's."""
        from annotations.anchoring import PositionMap, reanchor, selector

        position_map = PositionMap(old_text, new_text)
        stayed = moved = orphaned = 0
        with self._writing("Place highlights again") as change:
            for annotation in self.for_article(article_id):
                span = reanchor(new_text, annotation, position_map=position_map)
                if span is None:
                    orphaned += 1
                    if not annotation.orphaned:
                        writes.orphan_annotations(self.conn, change, article_id, [annotation.id])
                    continue
                quote, prefix, suffix = selector(new_text, *span)
                unchanged = (
                    span == (annotation.start, annotation.end)
                    and quote == annotation.quote
                    and not annotation.orphaned
                )
                if unchanged:
                    stayed += 1
                else:
                    moved += 1
                if unchanged and (prefix, suffix) == (annotation.prefix, annotation.suffix):
                    continue
                writes.place_annotation(
                    self.conn, change, annotation.id, article_id, span, (quote, prefix, suffix)
                )
        return ReanchorReport(stayed, moved, orphaned)

    def orphan_article(self, article_id: int) -> ReanchorReport:
        """Flag every annotation of an article that left its source as orphaned."""
        with self._writing("Orphan highlights") as change:
            ids = [annotation.id for annotation in self.for_article(article_id)]
            writes.orphan_annotations(self.conn, change, article_id, ids)
            count = len(ids)
        return ReanchorReport(orphaned=count)


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value
