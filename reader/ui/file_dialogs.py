"""File choosers that never open the files they list.

Qt's file dialog identifies each listed file's type by opening and reading it (its icon
provider asks `QMimeDatabase`), in a worker thread. Listing the library's folder would
then open and close `lib.sqlite`, `-wal` and `-shm` in this process, and closing any
descriptor on a file drops all of the process's POSIX locks on it: SQLite's locks, which
keep other programs from deleting the live write-ahead log (see `reader.library.files`).
A Python icon provider that does not read contents stops the sniffing, but Qt calls it
from that worker thread, and under load that corrupted the window's memory (measured: 4
crashes in 14 runs of the live story test; none without the provider). A platform's native
dialog may sniff in this process too.

So Yuedu lists folders itself: on the GUI thread, with `os.scandir` (names and `stat`
only, never `open`), in a plain dialog — a path box, Up, the folder's entries (folders
first), a name filter and, to save, a name box.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

# Files Yuedu imports: text, and PDFs (read by `reader.importing.pdf_extract`).
TEXT_FILES_FILTER = QT_TRANSLATE_NOOP(
    "FileDialogs",
    "Books and articles (*.txt *.epub *.html *.htm *.xhtml *.pdf);;Text files (*.txt);;"
    "EPUB books (*.epub);;Web pages (*.html *.htm *.xhtml);;PDF documents (*.pdf);;"
    "All files (*)",
)
PATH_ROLE = Qt.ItemDataRole.UserRole
SETTINGS_LAST_FOLDER = "file_dialogs/last_folder"  # where the reader last chose a file
OPEN_FILES, CHOOSE_FOLDER, SAVE_FILE = "open", "folder", "save"


@dataclass(frozen=True)
class NameFilter:
    label: str
    patterns: tuple[str, ...]

    def admits(self, name: str) -> bool:
        return any(fnmatch.fnmatch(name.lower(), pattern.lower()) for pattern in self.patterns)


def parse_filters(filters: str) -> list[NameFilter]:
    """ "Text files (*.txt);;All files (*)" → its filters, in order."""
    parsed = []
    for part in filter(None, (p.strip() for p in filters.split(";;"))):
        inside = part[part.find("(") + 1 : part.rfind(")")] if "(" in part else "*"
        parsed.append(NameFilter(part, tuple(inside.split()) or ("*",)))
    return parsed or [
        NameFilter(QCoreApplication.translate("FileDialogs", "All files (*)"), ("*",))
    ]


def list_folder(folder: Path, admits: NameFilter, *, folders_only: bool) -> list[tuple[str, bool]]:
    """(name, is a folder) of the folder's visible entries, folders first, by name. Only
    `os.scandir` and `stat`: nothing listed is opened."""
    entries: list[tuple[str, bool]] = []
    with os.scandir(folder) as scan:
        for entry in scan:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                continue
            if is_folder or (not folders_only and admits.admits(entry.name)):
                entries.append((entry.name, is_folder))
    return sorted(entries, key=lambda item: (not item[1], item[0].casefold()))


class FileChooser(QDialog):
    """Pick files to open, a folder, or a file name to save, in a listing that never reads
    what it shows."""

    def __init__(
        self,
        parent: QWidget | None,
        caption: str,
        mode: str,
        directory: str = "",
        name_filter: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption)
        self.mode = mode
        self.filters = parse_filters(name_filter)
        # With no folder given: where the reader last chose a file, else their home (not the
        # folder the app was started from, which from a desktop menu means nothing to them).
        remembered = str(QSettings().value(SETTINGS_LAST_FOLDER, "") or "")
        self.folder = Path(directory or remembered or Path.home()).expanduser()
        if not self.folder.is_dir():
            self.folder = self.folder.parent if self.folder.parent.is_dir() else Path.home()
        self.chosen: list[Path] = []

        self.path_edit = QLineEdit(self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.listing = QListWidget(self)
        self.listing.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if mode == OPEN_FILES
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.name_edit = QLineEdit(self)
        self.filter_box = QComboBox(self)
        self.filter_box.addItems([f.label for f in self.filters])
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        accept_labels = {
            OPEN_FILES: self.tr("Open"),
            CHOOSE_FOLDER: self.tr("Choose"),
            SAVE_FILE: self.tr("Save"),
        }
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_labels[mode])

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.up_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Name:") if mode == SAVE_FILE else self.tr("Files:"), self))
        bottom.addWidget(self.name_edit, 1)
        bottom.addWidget(self.filter_box)
        layout = QVBoxLayout(self)
        layout.addLayout(path_row)
        layout.addWidget(self.listing, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if mode == CHOOSE_FOLDER:
            self.name_edit.hide()
            self.filter_box.hide()
            bottom.itemAt(0).widget().hide()

        self.path_edit.returnPressed.connect(lambda: self.set_folder(Path(self.path_edit.text())))
        self.up_button.clicked.connect(lambda: self.set_folder(self.folder.parent))
        self.listing.itemDoubleClicked.connect(self._on_double_click)
        self.listing.itemSelectionChanged.connect(self._on_selection)
        self.filter_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 440)
        self.refresh()

    # -- the listing -----------------------------------------------------------------------
    def set_folder(self, folder: Path) -> None:
        folder = folder.expanduser()
        if folder.is_dir():
            self.folder = folder.resolve()
        self.refresh()

    def select_filter(self, label: str) -> None:
        index = self.filter_box.findText(label)
        if index >= 0:
            self.filter_box.setCurrentIndex(index)

    def refresh(self) -> None:
        self.path_edit.setText(str(self.folder))
        self.listing.clear()
        self.message.clear()
        style = self.style()
        folder_icon = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        file_icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        current = self.filters[max(0, self.filter_box.currentIndex())]
        try:
            entries = list_folder(self.folder, current, folders_only=self.mode == CHOOSE_FOLDER)
        except OSError as error:
            self.message.setText(
                self.tr("{folder} cannot be listed: {reason}").format(
                    folder=self.folder, reason=error.strerror or error
                )
            )
            return
        for name, is_folder in entries:
            item = QListWidgetItem(folder_icon if is_folder else file_icon, name)
            item.setData(PATH_ROLE, is_folder)
            self.listing.addItem(item)

    def listed_names(self) -> list[str]:
        return [self.listing.item(row).text() for row in range(self.listing.count())]

    def _on_double_click(self, item: QListWidgetItem) -> None:
        if item.data(PATH_ROLE):
            self.set_folder(self.folder / item.text())
        elif self.mode != CHOOSE_FOLDER:
            self.name_edit.setText(f'"{item.text()}"' if self.mode == OPEN_FILES else item.text())
            self.accept()

    def _on_selection(self) -> None:
        files = [i.text() for i in self.listing.selectedItems() if not i.data(PATH_ROLE)]
        if files and self.mode == OPEN_FILES:
            self.name_edit.setText(" ".join(f'"{name}"' for name in files))
        elif files and self.mode == SAVE_FILE:
            self.name_edit.setText(files[0])

    # -- the answer ------------------------------------------------------------------------
    def _typed_names(self) -> list[str]:
        text = self.name_edit.text().strip()
        if '"' in text:
            return [part for part in text.split('"') if part.strip()]
        return [text] if text else []

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and self.chosen:
            QSettings().setValue(SETTINGS_LAST_FOLDER, str(self.folder))
        super().done(result)

    def accept(self) -> None:
        if self.mode == CHOOSE_FOLDER:
            self.chosen = [self.folder]
            super().accept()
            return
        names = self._typed_names()
        paths = [Path(name) if Path(name).is_absolute() else self.folder / name for name in names]
        if not paths:
            self.message.setText(self.tr("Choose a file first."))
            return
        if len(paths) == 1 and paths[0].is_dir():  # a folder typed in: go there
            self.set_folder(paths[0])
            self.name_edit.clear()
            return
        if self.mode == OPEN_FILES:
            missing = [path.name for path in paths if not path.is_file()]
            if missing:
                self.message.setText(
                    self.tr("No such file: {names}").format(names=", ".join(missing))
                )
                return
        self.chosen = paths[:1] if self.mode == SAVE_FILE else paths
        super().accept()


def ask_open_file_names(
    parent: QWidget | None, caption: str, name_filter: str = "", directory: str = ""
) -> list[Path]:
    chooser = FileChooser(parent, caption, OPEN_FILES, directory, name_filter)
    return chooser.chosen if chooser.exec() == QDialog.DialogCode.Accepted else []


def ask_existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    chooser = FileChooser(parent, caption, CHOOSE_FOLDER, directory)
    accepted = chooser.exec() == QDialog.DialogCode.Accepted
    return str(chooser.chosen[0]) if accepted and chooser.chosen else ""


def ask_save_file_name(
    parent: QWidget | None, caption: str, suggested: str, name_filter: str
) -> str:
    where = Path(suggested)
    folder = str(where.parent) if where.is_absolute() else ""
    chooser = FileChooser(parent, caption, SAVE_FILE, folder, name_filter)
    chooser.name_edit.setText(where.name)
    accepted = chooser.exec() == QDialog.DialogCode.Accepted
    return str(chooser.chosen[0]) if accepted and chooser.chosen else ""
