"""The article list's "Source file info…" and "Update from the file…" (issue 16 §5).

The library keeps an imported file's name, encoding, size, hash and import time, not its
folder; so updating asks for the file (the chooser that never opens what it lists) and
runs the ordinary import with the update policy answering "update in place" for that one
file name: `reader.importing.updating` keeps the annotations that still fit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QWidget

from reader.library.source_info import SourceDetails, size_text
from reader.ui.core_text import core_text
from reader.ui.error_bar import stops_on_read_failure
from reader.ui.import_jobs import UPDATE_AS_NEW, UPDATE_IN_PLACE
from reader.ui.messages import show_message

if TYPE_CHECKING:
    from reader.ui.library_service import LibraryService
    from reader.ui.main_window import MainWindow


# Called with its literal context, so that tools/update_translations.py finds the strings.
translate = QCoreApplication.translate


def format_line(encoding: str) -> str:
    """The info box's line for a source's stored encoding or document label, in the
    window's language: "Encoding: GB18030", "Format: PDF, pages 3–5"."""
    from reader.importing.documents import read_document_label

    document = read_document_label(encoding)
    if document is None:
        return translate("SourceActions", "Encoding: {encoding}").format(encoding=encoding)
    kind, pages = document
    if pages is not None and len(pages) > 1:
        shown = translate("SourceActions", "{format}, pages {first}–{last}").format(
            format=kind, first=pages.start + 1, last=pages.stop
        )
    elif pages is not None:
        shown = translate("SourceActions", "{format}, page {page}").format(
            format=kind, page=pages.start + 1
        )
    else:
        shown = kind
    return translate("SourceActions", "Format: {format}").format(format=shown)


def size_line(byte_count: int) -> str:
    """ "Size: 812 bytes", or "Size: 1.2 MB (1,234,567 bytes)": the exact count only when
    the rounded size is not already it."""
    size = core_text(size_text(byte_count))
    if byte_count < 1000:  # size_text gave the bytes themselves
        return translate("SourceActions", "Size: {size}").format(size=size)
    return translate("SourceActions", "Size: {size} ({bytes} bytes)").format(
        size=size, bytes=f"{byte_count:,}"
    )


def source_info_text(details: SourceDetails) -> str:
    """The info box's text: one fact a line."""
    imported = details.imported_at.replace("T", " ")[:19]
    lines = [
        translate("SourceActions", "File: {name}").format(name=details.file_name),
        format_line(details.encoding),
        translate("SourceActions", "Imported: {when}").format(when=imported),
        size_line(details.byte_count),
        translate("SourceActions", "Articles from this file: {count}").format(
            count=details.article_count
        ),
        translate("SourceActions", "SHA-256: {hash}").format(hash=details.sha256),
    ]
    return "\n".join(lines)


def _ask_file(parent: QWidget, caption: str) -> list[Path]:
    from reader.ui.file_dialogs import ask_open_file_names

    return ask_open_file_names(parent, caption)


class SourceActions(QObject):
    def __init__(self, service: LibraryService, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._service = service
        self._parent = dialog_parent
        # File names whose next import updates their source in place (asked for here).
        self.pending_updates: set[str] = set()
        self.ask_file: Callable[[QWidget, str], list[Path]] = _ask_file  # tests replace it
        self._previous_policy = service.update_policy
        service.update_policy = self._update_policy

    def _update_policy(self, file_name: str) -> str:
        if file_name in self.pending_updates:
            self.pending_updates.discard(file_name)
            return UPDATE_IN_PLACE
        previous = self._previous_policy
        return previous(file_name) if previous is not None else UPDATE_AS_NEW

    def add_entries(self, menu: QMenu, article_id: int) -> None:
        """The list's context menu entries for the article at the pointer."""
        menu.addAction(self.tr("Source file info…"), lambda: self.show_info(article_id))
        menu.addAction(self.tr("Update from the file…"), lambda: self.update_from_file(article_id))

    @stops_on_read_failure
    def show_info(self, article_id: int) -> None:
        details = self._service.source_details(article_id)
        if details is None:
            return
        show_message(self._parent, "information", self.tr("Source file"), source_info_text(details))

    @stops_on_read_failure
    def update_from_file(self, article_id: int) -> None:
        """Ask for the file again and import it as an update of this article's source."""
        details = self._service.source_details(article_id)
        if details is None:
            return
        caption = self.tr("Update from {name}").format(name=details.file_name)
        chosen = self.ask_file(self._parent, caption)
        if not chosen:
            return
        path = chosen[0]
        if path.name != details.file_name:
            # The update finds its source by name: another name would import a new copy.
            text = self.tr(
                "{chosen} is not {name}. Choose the file this article was imported from "
                "(rename it to {name} if it was renamed)."
            ).format(chosen=path.name, name=details.file_name)
            show_message(self._parent, "warning", self.tr("Not the same file"), text)
            return
        self.pending_updates.add(path.name)
        self._service.import_files([path])


def install_source_actions(window: MainWindow) -> SourceActions:
    """Source file info and Update from the file, in the article list's context menu."""
    actions = SourceActions(window.service, window)
    window.article_list.extra_menu_entries.append(actions.add_entries)
    return actions
