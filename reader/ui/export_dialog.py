"""File ▸ Export annotations…: what to export, where, and how. The dialog only asks;
`reader.ui.export_controller` runs the export. Choices are remembered (view state, in QSettings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.library.store import ArticleSummary

SCOPE_ARTICLE, SCOPE_CHOSEN, SCOPE_LIBRARY = "article", "chosen", "library"
SETTINGS_PREFIX = "export/"


@dataclass
class ExportRequest:
    article_ids: list[int]
    destination: Path
    per_article: bool  # one file per article into a folder, else one file
    pinyin: bool = False
    context: bool = False
    orphans: bool = True
    scope: str = SCOPE_ARTICLE
    chosen: list[int] = field(default_factory=list)


def default_destination(per_article: bool) -> Path:
    """Where an export goes until the reader says otherwise: a "Yuedu" folder in their
    documents (a vault they open in Obsidian can point at it)."""
    documents = Path.home() / "Documents"
    folder = (documents if documents.is_dir() else Path.home()) / "Yuedu"
    name = QCoreApplication.translate("ExportDialog", "Yuedu annotations.md")
    return folder if per_article else folder / name


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        settings: QSettings,
        articles: list[ArticleSummary],
        current_article_id: int | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotations"))
        self.settings = settings
        self.articles = articles
        self.current_article_id = current_article_id

        scope_box = QGroupBox(self.tr("Export"), self)
        scope_layout = QVBoxLayout(scope_box)
        self.scope_article = QRadioButton(self.tr("This article"), scope_box)
        self.scope_chosen = QRadioButton(self.tr("Chosen articles:"), scope_box)
        self.scope_library = QRadioButton(self.tr("The whole library"), scope_box)
        self.scope_group = QButtonGroup(self)
        for button in (self.scope_article, self.scope_chosen, self.scope_library):
            self.scope_group.addButton(button)
            scope_layout.addWidget(button)
        self.article_list = QListWidget(scope_box)
        for summary in articles:
            item = QListWidgetItem(summary.title)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.article_list.addItem(item)
        scope_layout.addWidget(self.article_list)

        output_box = QGroupBox(self.tr("Into"), self)
        output_layout = QVBoxLayout(output_box)
        self.one_file = QRadioButton(self.tr("One Markdown file"), output_box)
        self.per_article = QRadioButton(self.tr("One file per article, in a folder"), output_box)
        self.output_group = QButtonGroup(self)
        self.output_group.addButton(self.one_file)
        self.output_group.addButton(self.per_article)
        output_layout.addWidget(self.one_file)
        output_layout.addWidget(self.per_article)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(output_box)
        self.path_edit.setPlaceholderText(self.tr("Where to write"))
        self.browse_button = QPushButton(self.tr("Browse…"), output_box)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        output_layout.addLayout(path_row)

        self.pinyin_box = QCheckBox(self.tr("Include the pinyin of each quote"), self)
        self.context_box = QCheckBox(self.tr("Include the sentence around each quote"), self)
        self.orphans_box = QCheckBox(self.tr("Include orphaned annotations"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))

        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(output_box)
        layout.addWidget(self.pinyin_box)
        layout.addWidget(self.context_box)
        layout.addWidget(self.orphans_box)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.scope_group.buttonToggled.connect(self._update)
        self.output_group.buttonToggled.connect(self._update)
        self.path_edit.textChanged.connect(self._update)
        self.article_list.itemChanged.connect(self._update)
        self._restore()
        self._update()
        self.output_group.buttonToggled.connect(self._follow_default)
        # Wide enough for the longest title (within reason), so none is cut off.
        widest = max((self.fontMetrics().horizontalAdvance(a.title) for a in articles), default=0)
        self.resize(min(max(520, widest + 120), 900), self.sizeHint().height())

    def _follow_default(self) -> None:
        """Switching between one file and a folder moves a default destination along (one
        the reader typed or chose is left as it is)."""
        per_article = self.per_article.isChecked()
        if self.path_edit.text().strip() == str(default_destination(not per_article)):
            self.path_edit.setText(str(default_destination(per_article)))

    # -- state -------------------------------------------------------------------------------
    def _value(self, key: str, default: object) -> object:
        return self.settings.value(SETTINGS_PREFIX + key, default)

    def _restore(self) -> None:
        scope = str(self._value("scope", SCOPE_ARTICLE))
        if scope == SCOPE_ARTICLE and self.current_article_id is None:
            scope = SCOPE_LIBRARY
        {
            SCOPE_ARTICLE: self.scope_article,
            SCOPE_CHOSEN: self.scope_chosen,
            SCOPE_LIBRARY: self.scope_library,
        }.get(scope, self.scope_article).setChecked(True)
        self.scope_article.setEnabled(self.current_article_id is not None)
        per_article = self.settings.value(SETTINGS_PREFIX + "per_article", False, type=bool)
        (self.per_article if per_article else self.one_file).setChecked(True)
        saved = str(self._value("destination", "") or "")
        self.path_edit.setText(saved or str(default_destination(per_article)))
        self.pinyin_box.setChecked(
            self.settings.value(SETTINGS_PREFIX + "pinyin", False, type=bool)
        )
        self.context_box.setChecked(
            self.settings.value(SETTINGS_PREFIX + "context", False, type=bool)
        )
        self.orphans_box.setChecked(
            self.settings.value(SETTINGS_PREFIX + "orphans", True, type=bool)
        )
        chosen = {int(i) for i in (self._value("chosen", []) or []) if str(i).isdigit()}
        for row in range(self.article_list.count()):
            item = self.article_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)

    def _save(self, request: ExportRequest) -> None:
        self.settings.setValue(SETTINGS_PREFIX + "scope", request.scope)
        self.settings.setValue(SETTINGS_PREFIX + "per_article", request.per_article)
        self.settings.setValue(SETTINGS_PREFIX + "destination", str(request.destination))
        self.settings.setValue(SETTINGS_PREFIX + "pinyin", request.pinyin)
        self.settings.setValue(SETTINGS_PREFIX + "context", request.context)
        self.settings.setValue(SETTINGS_PREFIX + "orphans", request.orphans)
        self.settings.setValue(SETTINGS_PREFIX + "chosen", [str(i) for i in request.chosen])

    # -- behaviour ---------------------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        return [
            int(self.article_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.article_list.count())
            if self.article_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> ExportRequest:
        if self.scope_article.isChecked() and self.current_article_id is not None:
            scope, ids = SCOPE_ARTICLE, [self.current_article_id]
        elif self.scope_chosen.isChecked():
            scope, ids = SCOPE_CHOSEN, self.chosen_ids()
        else:
            scope, ids = SCOPE_LIBRARY, [a.id for a in self.articles]
        return ExportRequest(
            article_ids=ids,
            destination=Path(self.path_edit.text().strip()).expanduser(),
            per_article=self.per_article.isChecked(),
            pinyin=self.pinyin_box.isChecked(),
            context=self.context_box.isChecked(),
            orphans=self.orphans_box.isChecked(),
            scope=scope,
            chosen=self.chosen_ids(),
        )

    def _update(self, *_: object) -> None:
        self.article_list.setEnabled(self.scope_chosen.isChecked())
        request = self.request()
        ready = bool(request.article_ids) and bool(self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _browse(self) -> None:
        current = self.path_edit.text().strip()
        # Dialogs that never open the files they list (the library may be in that folder).
        from reader.ui.file_dialogs import ask_existing_directory, ask_save_file_name

        if self.per_article.isChecked():
            chosen = ask_existing_directory(self, self.tr("Export into folder"), current)
        else:
            chosen = ask_save_file_name(
                self,
                self.tr("Export to file"),
                current or "annotations.md",
                self.tr("Markdown (*.md)"),
            )
        if chosen:
            self.path_edit.setText(chosen)

    def accept(self) -> None:
        self._save(self.request())
        super().accept()

    @staticmethod
    def get_request(
        parent: QWidget | None,
        settings: QSettings,
        articles: list[ArticleSummary],
        current_article_id: int | None,
    ) -> tuple[ExportRequest | None, bool]:
        """Ask; returns (the request, True) or (None, False) when cancelled."""
        dialog = ExportDialog(parent, settings, articles, current_article_id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return dialog.request(), True
