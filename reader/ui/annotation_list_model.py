"""The Annotations dock's list: a Qt item model of annotations, flat for one article or
grouped under article headings for the whole library, orphans under a heading of their own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from reader.ui.selection_bar import swatch_icon

if TYPE_CHECKING:
    from annotations.model import Annotation

QUOTE_CHARS = 80
ID_ROLE = Qt.ItemDataRole.UserRole
ORPHANED_LABEL = "Orphaned"


def first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0] if text.strip() else ""


def came_from(annotation: Annotation) -> str:
    """ "from: <title>" for an annotation kept from a deleted article, else ""."""
    if annotation.origin is None:
        return ""
    return QCoreApplication.translate("AnnotationList", "from: {title}").format(
        title=annotation.origin.title
    )


def _details(annotation: Annotation) -> str:
    tags = " ".join(f"#{t}" for t in annotation.tags)
    parts = (came_from(annotation), first_line(annotation.comment), tags)
    return "  ".join(part for part in parts if part)


def _row_text(annotation: Annotation) -> str:
    quote = annotation.quote.replace("\n", " ")
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS] + "…"
    details = _details(annotation)
    return f"{quote}\n{details}" if details else quote


class AnnotationGroup:
    """A heading row (an article's title, or "Orphaned") with annotations under it."""

    def __init__(self, title: str, annotations: list[Annotation], article_id: int | None) -> None:
        self.title = title
        self.annotations = annotations
        self.article_id = article_id


_ROOT = QModelIndex()  # the invalid index: Qt's "no parent"


class AnnotationListModel(QAbstractItemModel):
    """Annotations as a tree: flat for one article, under article headings for the library,
    orphans under a heading of their own. A model (not items) so that listing 10,000
    annotations is one reset, and rows are only measured when shown."""

    def __init__(self, line_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Annotation | AnnotationGroup] = []
        self._line_height = line_height
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[Annotation | AnnotationGroup]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        if column != 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if 0 <= row < len(self.rows) else QModelIndex()
        group = self.rows[parent.row()]
        if isinstance(group, AnnotationGroup) and 0 <= row < len(group.annotations):
            return self.createIndex(row, 0, parent.row() + 1)  # internal id: group row + 1
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() != 0:
            return 0
        entry = self.rows[parent.row()]
        return len(entry.annotations) if isinstance(entry, AnnotationGroup) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 1

    def entry(self, index: QModelIndex) -> Annotation | AnnotationGroup | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.rows[index.row()]
        group = self.rows[index.internalId() - 1]
        assert isinstance(group, AnnotationGroup)
        return group.annotations[index.row()]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        entry = self.entry(index)  # type: ignore[arg-type]
        if entry is None:
            return None
        if isinstance(entry, AnnotationGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{entry.title} ({len(entry.annotations)})"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _row_text(entry)
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._icons.get(entry.color)
            if icon is None:
                icon = self._icons[entry.color] = swatch_icon(entry.color, 12)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.quote[:400]
        if role == Qt.ItemDataRole.SizeHintRole:
            # Two-line rows are taller (and CJK fallback fonts are tall): say so, or the
            # view elides the second line away.
            lines = 2 if _details(entry) else 1
            return QSize(0, self._line_height * lines + 6)
        if role == ID_ROLE:
            return entry.id
        return None

    def index_of(self, annotation_id: str) -> QModelIndex:
        for row, entry in enumerate(self.rows):
            if isinstance(entry, AnnotationGroup):
                for child, annotation in enumerate(entry.annotations):
                    if annotation.id == annotation_id:
                        return self.index(child, 0, self.index(row, 0))
            elif entry.id == annotation_id:
                return self.index(row, 0)
        return QModelIndex()

    def annotation_ids(self) -> list[str]:
        ids = []
        for entry in self.rows:
            if isinstance(entry, AnnotationGroup):
                ids.extend(a.id for a in entry.annotations)
            else:
                ids.append(entry.id)
        return ids


def list_rows(
    annotations: Sequence[Annotation], article_titles: Mapping[int, str] | None = None
) -> list[Annotation | AnnotationGroup]:
    """The model's rows for `annotations` (in the order given): flat for one article, grouped
    under their article titles when `article_titles` is given; orphans in a group of their
    own: those whose passage a changed text lost and those kept from deleted articles
    (shown "from: <title>")."""
    placed = [a for a in annotations if not a.orphaned]
    orphans = [a for a in annotations if a.orphaned]
    rows: list[Annotation | AnnotationGroup] = []
    if article_titles is None:
        rows.extend(placed)
    else:
        groups: dict[int, AnnotationGroup] = {}
        for annotation in placed:
            group = groups.get(annotation.article_id)
            if group is None:
                title = article_titles.get(annotation.article_id, f"#{annotation.article_id}")
                group = groups[annotation.article_id] = AnnotationGroup(
                    title, [], annotation.article_id
                )
                rows.append(group)
            group.annotations.append(annotation)
    if orphans:
        label = QCoreApplication.translate("AnnotationList", "Orphaned")
        rows.append(AnnotationGroup(label, orphans, None))
    return rows
