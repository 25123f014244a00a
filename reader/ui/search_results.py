"""The library search's results: grouped by article, each hit a snippet with the hit in
bold. The snippet is painted as runs (plain, bold, plain) by a delegate, never as HTML:
the text is the reader's imported text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from reader.search.engine import Hit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit of a result row
RUN_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, hit, after) of its snippet
# Where a hit was found, as the list says it (translated when shown, in the window's language).
FIELD_NAMES = {
    "text": QT_TRANSLATE_NOOP("SearchResults", "text"),
    "title": QT_TRANSLATE_NOOP("SearchResults", "title"),
    "byline": QT_TRANSLATE_NOOP("SearchResults", "byline"),
    "quote": QT_TRANSLATE_NOOP("SearchResults", "highlight"),
    "comment": QT_TRANSLATE_NOOP("SearchResults", "comment"),
    "tags": QT_TRANSLATE_NOOP("SearchResults", "tag"),
}


class SnippetDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        runs = index.data(RUN_ROLE)
        if not runs:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            option_copy = QStyleOptionViewItem(option)
            self.initStyleOption(option_copy, index)
            option_copy.text = ""
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, option_copy, painter, option.widget
            )
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = option.palette.ColorRole
        role = roles.HighlightedText if selected else roles.Text
        painter.setPen(option.palette.color(role))
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        for number, run in enumerate(runs):
            font = QFont(option.font)
            font.setBold(number == 1)
            painter.setFont(font)
            width = QFontMetrics(font).horizontalAdvance(run)
            painter.drawText(
                QRect(x, rect.top(), max(0, rect.right() - x), rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                run,
            )
            x += width
        painter.restore()


class SearchResults(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setItemDelegate(SnippetDelegate(self))
        self.setUniformRowHeights(True)

    def show_hits(self, hits: list[Hit]) -> None:
        self.clear()
        groups: dict[int | None, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.article_id)
            if group is None:
                title = hit.title if hit.article_id is not None else self.tr("Kept notes")
                group = QTreeWidgetItem(self, [title])
                groups[hit.article_id] = group
            first, last = hit.snippet_hit
            label = self.tr(FIELD_NAMES.get(hit.field, hit.field))
            if hit.article_id is None:  # the article it came from, which is gone
                label = self.tr("{field}, from: {title}").format(field=label, title=hit.title)
            runs = (f"[{label}] {hit.snippet[:first]}", hit.snippet[first:last], hit.snippet[last:])
            item = QTreeWidgetItem(group, ["".join(runs)])
            item.setData(0, HIT_ROLE, hit)
            item.setData(0, RUN_ROLE, runs)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        self.expandAll()
