"""File dialogs that never open the files they list.

Qt's file dialog asks its icon provider for each listed file's icon and type, and the
default provider asks `QMimeDatabase`, which opens and reads a file whose name does not
decide its type. Listing the library's folder would then open and close `lib.sqlite`,
`-wal` and `-shm` in this process, and closing any descriptor on a file drops all of the
process's POSIX locks on it: SQLite's locks, which keep other programs from deleting the
live write-ahead log (see `reader.library.files`). So every dialog here uses Qt's own
widget dialog (a platform's native dialog may sniff in this process too) with an icon
provider that looks at nothing but whether an entry is a folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

TEXT_FILES_FILTER = "Text files (*.txt);;All files (*)"


class ContentBlindIconProvider(QAbstractFileIconProvider):
    """Folder and file icons, and "Folder"/"File" types, from the entry's kind alone."""

    def __init__(self) -> None:
        super().__init__()
        # Its icon(IconType) only picks a themed icon; the per-file icon() is not used.
        self._generic = QFileIconProvider()

    def icon(self, entry: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:  # type: ignore[override]
        if isinstance(entry, QAbstractFileIconProvider.IconType):
            return self._generic.icon(entry)
        kind = (
            QAbstractFileIconProvider.IconType.Folder
            if entry.isDir()
            else QAbstractFileIconProvider.IconType.File
        )
        return self._generic.icon(kind)

    def type(self, info: QFileInfo) -> str:
        return "Folder" if info.isDir() else "File"


_PROVIDER: ContentBlindIconProvider | None = None


def content_blind_provider() -> ContentBlindIconProvider:
    """One provider for every dialog (a dialog does not take ownership of it)."""
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = ContentBlindIconProvider()
    return _PROVIDER


def file_dialog(parent: QWidget | None, caption: str, directory: str = "") -> QFileDialog:
    """A Qt widget file dialog whose listing never opens a file."""
    dialog = QFileDialog(parent, caption, directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(content_blind_provider())
    return dialog


def ask_open_file_names(
    parent: QWidget | None, caption: str, name_filter: str = TEXT_FILES_FILTER
) -> list[Path]:
    dialog = file_dialog(parent, caption)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(name_filter)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def ask_existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    dialog = file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def ask_save_file_name(
    parent: QWidget | None, caption: str, suggested: str, name_filter: str
) -> str:
    where = Path(suggested)
    dialog = file_dialog(parent, caption, str(where.parent) if where.is_absolute() else "")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.selectFile(where.name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
