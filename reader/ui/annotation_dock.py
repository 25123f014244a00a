"""The Annotations dock: the current article's highlights in text order (or the whole
library's, grouped by article), filters, and an editor for the selected one.

Every change is asked for by signal; the window passes it to the one writer. Comments are
saved as they are typed (debounced) and whenever the editor loses focus or the window
closes (`flush`), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotation_list_model import (
    ID_ROLE,
    ORPHANED_LABEL,
    QUOTE_CHARS,
    AnnotationGroup,
    AnnotationListModel,
    came_from,
    first_line,
    list_rows,
)
from reader.ui.colour_names import colour_name
from reader.ui.core_text import annotations_count_text
from reader.ui.highlights import HIGHLIGHT_COLOURS
from reader.ui.selection_bar import swatch_icon

if TYPE_CHECKING:
    from annotations.model import Annotation

__all__ = [  # the list's names too, importable from here as before they moved
    "COMMENT_SAVE_DELAY_MS",
    "ID_ROLE",
    "ORPHANED_LABEL",
    "QUOTE_CHARS",
    "AnnotationDock",
    "AnnotationListModel",
    "CommentEditor",
    "first_line",
    "parse_tags",
]

COMMENT_SAVE_DELAY_MS = 400


def parse_tags(text: str) -> list[str]:
    """ "#policy, vocab  #to-review" → ["policy", "vocab", "to-review"]."""
    parts = text.replace("，", ",").replace(",", " ").split()
    tags: list[str] = []
    for part in parts:
        tag = part.lstrip("#").strip()
        if tag and tag.lower() not in (t.lower() for t in tags):
            tags.append(tag)
    return tags


class CommentEditor(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)


class AnnotationDock(QDockWidget):
    annotation_activated = Signal(str, int)  # id, article id: show it
    filters_changed = Signal()
    recolor_requested = Signal(str, str)  # id, colour
    comment_save_requested = Signal(str, str)  # id, comment
    tags_change_requested = Signal(str, list)  # id, tags
    delete_requested = Signal(str)  # id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotations_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        filters = QHBoxLayout()
        self.library_switch = QCheckBox(self.tr("All articles"), body)
        self.color_filter = QComboBox(body)
        self.color_filter.addItem(self.tr("Any colour"), None)
        for name in HIGHLIGHT_COLOURS:
            self.color_filter.addItem(swatch_icon(name), colour_name(name), name)
        self.tag_filter = QComboBox(body)
        self.tag_filter.addItem(self.tr("Any tag"), None)
        filters.addWidget(self.library_switch)
        filters.addWidget(self.color_filter)
        filters.addWidget(self.tag_filter)
        layout.addLayout(filters)
        self.text_filter = QLineEdit(body)
        self.text_filter.setPlaceholderText(self.tr("Filter by text in quote or comment"))
        self.text_filter.setClearButtonEnabled(True)
        layout.addWidget(self.text_filter)

        self.tree = QTreeView(body)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        metrics = QFontMetrics(self.tree.font())
        line_height = metrics.boundingRect(QRect(0, 0, 4000, 400), 0, "字Ag").height()
        self.model = AnnotationListModel(line_height, self)
        self.tree.setModel(self.model)
        layout.addWidget(self.tree, 1)
        self.count_label = QLabel(body)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)

        self.editor = QWidget(body)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 4, 0, 0)
        colours = QHBoxLayout()
        self.editor_colour_buttons: dict[str, QToolButton] = {}
        for name in HIGHLIGHT_COLOURS:
            button = QToolButton(self.editor)
            button.setIcon(swatch_icon(name))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(colour_name(name))
            button.clicked.connect(lambda _=False, colour=name: self._recolor(colour))
            colours.addWidget(button)
            self.editor_colour_buttons[name] = button
        colours.addStretch(1)
        self.delete_button = QPushButton(self.tr("Delete"), self.editor)
        self.delete_button.clicked.connect(self._delete)
        colours.addWidget(self.delete_button)
        editor_layout.addLayout(colours)
        self.quote_label = QLabel(self.editor)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setWordWrap(True)
        editor_layout.addWidget(self.quote_label)
        self.comment_editor = CommentEditor(self.editor)
        self.comment_editor.setPlaceholderText(self.tr("Comment (plain text or Markdown)"))
        self.comment_editor.setTabChangesFocus(True)
        editor_layout.addWidget(self.comment_editor)
        self.tags_edit = QLineEdit(self.editor)
        self.tags_edit.setPlaceholderText(self.tr("Tags, e.g. #policy #vocab"))
        editor_layout.addWidget(self.tags_edit)
        layout.addWidget(self.editor)
        self.editor.hide()
        self.setWidget(body)

        self.current: Annotation | None = None
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._comment_timer.timeout.connect(self.flush)
        self._filling = False

        self.library_switch.toggled.connect(self.filters_changed)
        self.color_filter.currentIndexChanged.connect(self.filters_changed)
        self.tag_filter.currentIndexChanged.connect(self.filters_changed)
        self.text_filter.textChanged.connect(self.filters_changed)
        self.tree.clicked.connect(self._on_index_clicked)
        self.tree.activated.connect(self._on_index_clicked)
        self.comment_editor.textChanged.connect(self._on_comment_typed)
        self.comment_editor.focus_lost.connect(self.flush)
        self.tags_edit.editingFinished.connect(self._save_tags)

    # -- filters -----------------------------------------------------------------------------
    def filters(self) -> dict[str, object]:
        """The filters as keyword arguments of `AnnotationStore.search`."""
        values: dict[str, object] = {}
        if self.color_filter.currentData():
            values["color"] = self.color_filter.currentData()
        if self.tag_filter.currentData():
            values["tag"] = self.tag_filter.currentData()
        if self.text_filter.text().strip():
            values["text"] = self.text_filter.text().strip()
        return values

    @property
    def whole_library(self) -> bool:
        return self.library_switch.isChecked()

    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("Any tag"), None)
        for tag in tags:
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)

    # -- the list ----------------------------------------------------------------------------
    def set_annotations(
        self, annotations: Sequence[Annotation], article_titles: Mapping[int, str] | None = None
    ) -> None:
        """Show `annotations` (in the order given): flat for one article, grouped under
        their article titles when `article_titles` is given; orphans in a group of their own."""
        self.model.set_rows(list_rows(annotations, article_titles))
        self.tree.expandAll()
        self.count_label.setText(annotations_count_text(len(annotations)))
        if self.current is not None:
            fresh = next((a for a in annotations if a.id == self.current.id), None)
            if fresh is not None:
                self.show_editor(fresh)

    def listed_ids(self) -> list[str]:
        return self.model.annotation_ids()

    def group_titles(self) -> list[str]:
        return [entry.title for entry in self.model.rows if isinstance(entry, AnnotationGroup)]

    def activate(self, annotation_id: str) -> None:
        """As if the reader clicked the annotation in the list."""
        self._on_index_clicked(self.model.index_of(annotation_id))

    def _on_index_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entry(index)
        if entry is None or isinstance(entry, AnnotationGroup):
            return
        if entry.article_id is None:  # kept from a deleted article: nothing to show it in
            self.show_editor(entry)
        else:
            self.annotation_activated.emit(entry.id, entry.article_id)

    # -- the editor --------------------------------------------------------------------------
    def show_editor(self, annotation: Annotation | None) -> None:
        """Edit `annotation` (None hides the editor). Pending comment text is saved first."""
        if annotation is None or (self.current is not None and self.current.id != annotation.id):
            self.flush()
        self.current = annotation
        if annotation is None:
            self.editor.hide()
            return
        self._filling = True
        for name, button in self.editor_colour_buttons.items():
            button.setChecked(name == annotation.color)
        prefix = self.tr("Orphaned — ") if annotation.orphaned else ""
        origin = came_from(annotation)
        suffix = f"\n({origin})" if origin else ""
        self.quote_label.setText(prefix + annotation.quote[:300] + suffix)
        if self.comment_editor.toPlainText() != annotation.comment and not (
            self.comment_editor.hasFocus() and self._comment_timer.isActive()
        ):
            self.comment_editor.setPlainText(annotation.comment)
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(" ".join(f"#{t}" for t in annotation.tags))
        self._filling = False
        self.editor.show()
        index = self.model.index_of(annotation.id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def edit_comment(self) -> None:
        self.show()
        self.raise_()
        self.comment_editor.setFocus()

    def _on_comment_typed(self) -> None:
        if not self._filling and self.current is not None:
            self._comment_timer.start()

    def flush(self) -> None:
        """Save the comment being typed now (debounce over, focus gone, window closing)."""
        self._comment_timer.stop()
        if self.current is None:
            return
        text = self.comment_editor.toPlainText()
        if text != self.current.comment:
            self.comment_save_requested.emit(self.current.id, text)

    def _recolor(self, colour: str) -> None:
        if self.current is not None:
            self.recolor_requested.emit(self.current.id, colour)

    def _save_tags(self) -> None:
        if self.current is None or self._filling:
            return
        tags = parse_tags(self.tags_edit.text())
        if tuple(tags) != tuple(self.current.tags):
            self.tags_change_requested.emit(self.current.id, tags)

    def _delete(self) -> None:
        if self.current is not None:
            annotation_id = self.current.id
            self._comment_timer.stop()
            self.delete_requested.emit(annotation_id)
