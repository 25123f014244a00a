"""The window's answer to changes made outside it (`LibraryService.changed_elsewhere`):
`yuedu import`, `annotate`, `restore`, another program, or this window's own import worker.

Everything is read again and compared with what is shown; only what differs is redrawn,
so an answer to a change that touched nothing shown (our own worker's commit, a note on
another article) costs a few reads and changes nothing the reader sees. The reader's place
in the text, selection and a comment being typed are kept.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QTextCursor

from reader.library.change import Change
from reader.library.store import Article
from reader.ui.read_failures import ReadFailed, read_failure_message

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.reading_view import ReadingView

log = logging.getLogger(__name__)

STATUS_MS = 10_000


def top_offset(view: ReadingView) -> int | None:
    """Body offset of the text at the top of the view (None in the title or byline)."""
    return view.offset_at_position(view.cursorForPosition(QPoint(0, 0)).position())


def scroll_to_offset(view: ReadingView, offset: int) -> None:
    """Scroll so that body offset `offset` is at the top, as `top_offset` measures it.
    By text rather than by pixels: an article changed elsewhere may be longer or shorter
    above the reader's place."""
    article = view.article
    if article is None:
        return
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(min(offset, len(article.text))))
    rect = view.cursorRect(cursor)  # lays the document out down to there
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + rect.top())


def select_offsets(view: ReadingView, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


class ExternalChanges(QObject):
    """Brings the article list, the open article (text, highlights, corrected readings),
    the cached readings of other articles and the Annotations dock up to date."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def refresh(self, change: Change | None = None) -> None:
        """Bring up to date what `change` (another process's, folded) touched; None or
        `everything` refreshes it all. Each part compares before it repaints, so a record
        wider than the truth costs reads, never flicker."""
        window = self._window
        change = change if change is not None else Change(everything=True, external=True)
        if not change:
            return
        try:
            if change.everything or change.sources or change.articles:
                self._refresh_article_list()
            open_id = window.reading_view.article_id
            if open_id is not None and change.touches_article(open_id):
                self._refresh_open_article()
            self._refresh_cached_readings(change)
            current = window.annotation_dock.current
            if current is not None and (change.everything or current.id in change.annotations):
                self._refresh_annotation_editor()
        except ReadFailed:
            # The service has put the failure in the error bar, in words; the next change
            # tries again.
            return
        except sqlite3.Error as error:  # a read outside the service's guarded ones
            log.warning("Reading the library's outside changes failed: %s", error)
            window.error_bar.show_error(read_failure_message(self.tr("the changes"), error))
            return
        if change.everything or change.annotations or change.articles:
            window.highlights.schedule_annotation_list()
        if window.backup_keeper is not None:
            window.backup_keeper.note_change()

    # -- the article list ------------------------------------------------------------------
    def _refresh_article_list(self) -> None:
        panel = self._window.article_list
        summaries = self._window.service.articles()
        if summaries == panel.model.articles():
            return  # e.g. a new highlight: the list is left exactly as it is
        # `set_articles` keeps the current article and the filter; the list's scroll
        # position is kept too, rather than jumping to the current row.
        bar = panel.view.verticalScrollBar()
        scrolled = bar.value()
        panel.set_articles(summaries)
        bar.setValue(scrolled)

    # -- the open article ------------------------------------------------------------------
    def _refresh_open_article(self) -> None:
        window = self._window
        view = window.reading_view
        shown = view.article
        if shown is None:
            return
        fresh = window.service.article(shown.id)
        if fresh is None:
            self._open_article_removed(shown)
        elif fresh != shown:
            self._show_anew(shown, fresh)
        else:
            spans = window.service.highlight_spans(shown.id)
            if spans != view.highlights.annotations:
                view.set_annotations(spans)  # keeps the selected highlight if still there
            readings = view.readings
            if readings is not None and any(  # both synced: no short-circuit
                [
                    readings.sync_word_readings(window.service.word_readings()),
                    readings.sync_overrides(window.service.reading_overrides(shown.id)),
                ]
            ):
                view.readings_updated()
                window.cards.refresh()

    def _open_article_removed(self, shown: Article) -> None:
        window = self._window
        window.reading.close_article(shown)  # no text, title, card, bar or editor left
        window.statusBar().showMessage(
            self.tr("“{title}” was removed from the library outside this window.").format(
                title=shown.title
            ),
            STATUS_MS,
        )

    def _show_anew(self, shown: Article, fresh: Article) -> None:
        """Its text (or title) changed: render it again, at the same place in the text."""
        window = self._window
        view = window.reading_view
        dock = window.annotation_dock
        place = top_offset(view)
        selection = view.current_selection()
        editing = dock.current.id if dock.current is not None and dock.isVisible() else None
        # Drops its cached readings (the tokens may differ) and shows it as the window does
        # after its own update in place. Showing flushes a comment being typed first.
        window.reading.on_articles_updated([shown.id])
        if selection is not None:
            start, end = selection
            if shown.text[start:end] == fresh.text[start:end]:
                select_offsets(view, start, end)
        if place is not None:
            scroll_to_offset(view, place)
        if editing is not None:
            window.highlights.select_annotation(editing)  # None if it went with the old text
        window.statusBar().showMessage(
            self.tr("“{title}” was changed outside this window and is shown as it is now.").format(
                title=fresh.title
            ),
            STATUS_MS,
        )

    # -- what else the window keeps --------------------------------------------------------
    def _refresh_cached_readings(self, change: Change) -> None:
        """The readings kept for other articles the change touched: dropped if their text
        changed (they are made again when shown), else given the corrections stored now."""
        window = self._window
        open_id = window.reading_view.article_id
        for article_id, readings in list(window.reading.readings.items()):
            if article_id == open_id or not change.touches_article(article_id):
                continue
            article = window.service.article(article_id)
            if article is None or article.text != readings.tokens.text:
                del window.reading.readings[article_id]
            else:
                readings.sync_word_readings(window.service.word_readings())
                readings.sync_overrides(window.service.reading_overrides(article_id))

    def _refresh_annotation_editor(self) -> None:
        """The annotation in the dock's editor, as stored now. `show_editor` never replaces
        a comment the reader is typing (and saves it when the typing pauses)."""
        window = self._window
        current = window.annotation_dock.current
        if current is None:
            return
        fresh = window.service.annotation(current.id)
        if fresh is None:
            window.highlights.select_annotation(None)  # deleted elsewhere
        elif fresh != current:
            window.annotation_dock.show_editor(fresh)
