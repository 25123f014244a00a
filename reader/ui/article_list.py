"""The article list: a model over `ArticleSummary` rows, a filter proxy, and the side panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.store import ArticleSummary
from reader.ui.core_text import figures_text, length_text

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 2
CHAR_COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_DERIVED_ROLE = Qt.ItemDataRole.UserRole + 4  # cut from the first sentence: no headline
HAS_NEXT_ROLE = Qt.ItemDataRole.UserRole + 5  # another article of its source follows
FIGURES_ROLE = Qt.ItemDataRole.UserRole + 6  # "92 % known · 37 new" (issue 14)
KNOWN_SHARE_ROLE = Qt.ItemDataRole.UserRole + 7  # 0–1, what the list sorts by on request

AnyIndex = QModelIndex | QPersistentModelIndex


def length_label(char_count: int) -> str:
    return length_text(char_count)


class ArticleListModel(QAbstractListModel):
    """One row per article, in library order. Display role: the title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._articles: list[ArticleSummary] = []
        # article id → (known share 0–1, new words), from reader.learning.counts; the
        # label is made when a row is painted (a library of 20,000 articles made all its
        # labels before the first paint: 46 ms).
        self.figures: dict[int, tuple[float, int]] = {}
        self._labels: dict[int, str] = {}  # made once per row, not at every paint

    def set_figures(self, figures: dict[int, tuple[float, int]]) -> None:
        self.figures, self._labels = figures, {}
        if self._articles:
            last = self.index(len(self._articles) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [FIGURES_ROLE, KNOWN_SHARE_ROLE])

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def articles(self) -> list[ArticleSummary]:
        """The rows, in order (a copy)."""
        return list(self._articles)

    def row_of(self, article_id: int) -> int | None:
        return next((row for row, a in enumerate(self._articles) if a.id == article_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == ARTICLE_ID_ROLE:
            return article.id
        if role == BYLINE_ROLE:
            return article.byline
        if role == CHAR_COUNT_ROLE:
            return article.char_count
        if role == TITLE_DERIVED_ROLE:
            return article.title_is_derived
        if role in (FIGURES_ROLE, KNOWN_SHARE_ROLE):
            figures = self.figures.get(article.id)
            if role == KNOWN_SHARE_ROLE:
                return 0.0 if figures is None else figures[0]
            if figures is None:
                return ""
            if article.id not in self._labels:
                self._labels[article.id] = figures_text(*figures)
            return self._labels[article.id]
        if role == HAS_NEXT_ROLE:
            following = self._articles[index.row() + 1 : index.row() + 2]
            return bool(following) and following[0].source_id == article.source_id
        if role == Qt.ItemDataRole.ToolTipRole:
            derived = " (from the first sentence)" if article.title_is_derived else ""
            title = article.title + derived
            lines = [title, article.byline, length_label(article.char_count)]
            return "\n".join(line for line in lines if line)
        return None


class ArticleFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose title or byline contains the filter text, ignoring case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        if not hasattr(self, "endFilterChange"):  # Qt < 6.10
            self._needle = text.strip().casefold()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        title = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
        byline = str(model.data(index, BYLINE_ROLE) or "")
        return self._needle in title.casefold() or self._needle in byline.casefold()


class ArticleItemDelegate(QStyledItemDelegate):
    """Two lines per article: the title, then "byline · N 字" in a quieter colour.
    Drawn as QStaticText in its plain-text format, which never interprets markup."""

    PADDING = 6
    MIN_TITLE_POINTS = 11.0
    MIN_DETAIL_POINTS = 9.5
    # Lines laid out once and drawn again as they are (a repaint of the list on scrolling or
    # on a new selection shaped every Chinese line twice: to elide it, then to draw it).
    KEPT_LINES = 1024

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts_for: dict[str, tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}
        self._lines: dict[tuple[str, int, str, bool], QStaticText] = {}

    def _fonts(
        self, base: QFont, base_key: str | None = None
    ) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """Title and detail fonts, and their metrics, for `base` (whose `key()` is given by
        a caller that has it already)."""
        base_key = base.key() if base_key is None else base_key
        found = self._fonts_for.get(base_key)
        if found is None:
            # Chinese strokes blur below ~11pt; desktop default fonts are often 9pt.
            title_font = QFont(base)
            title_font.setPointSizeF(max(base.pointSizeF() * 1.1, self.MIN_TITLE_POINTS))
            detail_font = QFont(base)
            detail_font.setPointSizeF(max(base.pointSizeF() * 0.9, self.MIN_DETAIL_POINTS))
            found = (title_font, detail_font, QFontMetrics(title_font), QFontMetrics(detail_font))
            self._fonts_for[base_key] = found
        return found

    def _line(self, text: str, width: int, base_key: str, title: bool) -> QStaticText:
        """`text` elided to `width`, laid out in the title's or the detail's font for the
        base font keyed `base_key` (see `_fonts`), as plain text (never markup)."""
        key = (text, width, base_key, title)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= self.KEPT_LINES:
                self._lines.clear()
            title_font, detail_font, title_metrics, detail_metrics = self._fonts_for[base_key]
            font, metrics = (title_font, title_metrics) if title else (detail_font, detail_metrics)
            line = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.prepare(font=font)
            self._lines[key] = line
        return line

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        _, _, title_metrics, detail_metrics = self._fonts(option.font)
        height = title_metrics.height() + detail_metrics.height()
        return QSize(200, height + 3 * self.PADDING)

    @staticmethod
    def title_colour(palette: QPalette, selected: bool, derived: bool) -> QColor:
        """The title's pen: a derived title (no headline) in the palette's placeholder
        colour, lighter than a real one."""
        group = QPalette.ColorGroup.Normal
        if selected:
            return palette.color(group, QPalette.ColorRole.HighlightedText)
        role = QPalette.ColorRole.PlaceholderText if derived else QPalette.ColorRole.Text
        return palette.color(group, role)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the style paints background, selection and focus; we paint text
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)

        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        derived = bool(index.data(TITLE_DERIVED_ROLE))
        text_color = self.title_colour(item.palette, selected, derived)
        detail_color = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        detail = item.palette.color(group, detail_color)
        if not selected:
            detail.setAlpha(150)

        base_key = item.font.key()  # once per row: the fonts and the laid-out lines are by it
        title_font, detail_font, title_metrics, _ = self._fonts(item.font, base_key)
        area = item.rect.adjusted(2 * self.PADDING, self.PADDING, -2 * self.PADDING, 0)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        byline = str(index.data(BYLINE_ROLE) or "")
        parts = [byline, length_label(int(index.data(CHAR_COUNT_ROLE) or 0))]
        parts.append(str(index.data(FIGURES_ROLE) or ""))
        details = " · ".join(p for p in parts if p)

        painter.save()
        painter.setFont(title_font)
        painter.setPen(text_color)
        title_line = self._line(title, area.width(), base_key, title=True)
        painter.drawStaticText(area.topLeft(), title_line)
        painter.setFont(detail_font)
        painter.setPen(detail)
        detail_top = area.top() + title_metrics.height() - 1 + self.PADDING // 2
        detail_line = self._line(details, area.width(), base_key, title=False)
        painter.drawStaticText(QPoint(area.left(), detail_top), detail_line)
        painter.restore()


class ArticleListPanel(QWidget):
    """Filter box above the list. Emits `article_activated(id)` when the current article
    changes, by click, keyboard, or `select_article`."""

    article_activated = Signal(int)
    # The context menu's requests, each with the article's id.
    rename_requested = Signal(int)
    byline_requested = Signal(int)
    merge_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title or byline"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAcceptDrops(False)  # a dropped file is imported, not typed in
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)

        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ArticleItemDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.view.clicked.connect(self._on_clicked)  # the current row, if not the one shown
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.context_menu: QMenu | None = None  # the last one shown
        self.extra_menu_entries: list[Callable[[QMenu, int], None]] = []  # source info …

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        """Replace the rows, keeping the current article if it is still there."""
        current = self.selected_article_id()
        self.model.set_articles(articles)
        if current is not None:
            self.select_article(current)

    def sort_by_known_share(self, on: bool) -> None:
        """Easiest first (the highest known share), or back to the library's order."""
        self.proxy.setSortRole(KNOWN_SHARE_ROLE)
        self.proxy.setDynamicSortFilter(on)
        self.proxy.sort(0 if on else -1, Qt.SortOrder.DescendingOrder)

    def selected_article_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ARTICLE_ID_ROLE)) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make `article_id` current (clearing the filter if it hides it); False if the list
        has no such article."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.filter_edit.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(proxy_index)
        return True

    def select_first(self) -> bool:
        first = self.proxy.index(0, 0)
        return self.select_article(int(first.data(ARTICLE_ID_ROLE))) if first.isValid() else False

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self.article_activated.emit(int(current.data(ARTICLE_ID_ROLE)))

    def _on_clicked(self, index: QModelIndex) -> None:
        # A click on the current row changes nothing in the selection, so no currentChanged:
        # ask again (showing the article shown already does nothing).
        if index.isValid() and index == self.view.currentIndex():
            self.article_activated.emit(int(index.data(ARTICLE_ID_ROLE)))

    def menu_for(self, index: QModelIndex) -> QMenu:
        """The context menu of the row at `index` (a proxy index)."""
        article_id = int(index.data(ARTICLE_ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(article_id))
        menu.addAction(self.tr("Edit byline…"), lambda: self.byline_requested.emit(article_id))
        merge = menu.addAction(
            self.tr("Merge with next"), lambda: self.merge_requested.emit(article_id)
        )
        merge.setEnabled(bool(index.data(HAS_NEXT_ROLE)))
        for add_entries in self.extra_menu_entries:
            add_entries(menu, article_id)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_requested.emit(article_id))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        self.context_menu = self.menu_for(index)
        self.context_menu.popup(self.view.viewport().mapToGlobal(position))
