"""The one path by which the window's views follow the library: every committed write
arrives here as the door's `Change` record — this window's own (`LibraryService.changed`),
its import worker's, and other processes' (`changed_elsewhere`) — and is turned into the
refreshes of the views it touched.

A record from this window names exactly what it changed, so the views it touched are
refreshed directly. One from elsewhere may be folded from many writes and is answered by
`ExternalChanges`, which reads everything shown again and redraws only what differs, so the
reader's place, selection and typing survive it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.library.change import Change
from reader.ui.external_changes import ExternalChanges
from reader.ui.read_failures import ReadFailed

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ChangeRefresh(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.external = ExternalChanges(window)

    def apply(self, change: Change) -> None:
        if not change:
            return
        window = self._window
        if change.external or change.everything:
            self.external.refresh(change)  # notes the change for the backups itself
            return
        try:
            self._apply_own(change)
        except ReadFailed:
            pass  # said in the error bar; the views keep what they showed
        if window.backup_keeper is not None:
            window.backup_keeper.note_change()

    def _apply_own(self, change: Change) -> None:
        window = self._window
        if change.sources or change.articles:
            window.library_controller.refresh_articles()
            # Ids of new articles are harmless here: none of them is shown or cached yet.
            window.reading.on_articles_updated(sorted(change.articles))
        for article_id in sorted(change.annotated):
            window.highlights.on_annotations_changed(article_id)
        if change.annotations and not change.annotated:  # kept ones of deleted articles
            window.highlights.on_annotations_changed(None)
        # Corrections deleted or restored with their article are no "Reading saved.".
        only_readings = not (change.sources or change.articles or change.annotated)
        for article_id in sorted(change.readings):
            window.reading.on_readings_changed(article_id, announce=only_readings)
