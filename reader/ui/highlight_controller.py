"""Highlights and comments in the window: the highlights shown on the open article (the top
of a long article at once, the rest right after), a highlight made from the reader's
selection (the selection bar, Edit ▸ Highlight selection, Ctrl+1…5, Ctrl+M), which
highlight is selected, a click on overlapping highlights, and the Annotations dock's list.

Writes go through `LibraryService` (one undoable command each); the views are repainted when
the door announces the committed change (a `Change` that `ChangeRefresh` routes here), not
when it is asked for, so a write that failed shows nothing as saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QStatusBar

from reader.library.store import Article
from reader.ui.error_bar import stops_on_read_failure
from reader.ui.selection_bar import SelectionBar, swatch_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from reader.ui.annotation_dock import AnnotationDock
    from reader.ui.library_service import LibraryService
    from reader.ui.reading_view import ReadingView

# More characters than a first screen of an article ever shows, at any zoom.
FIRST_SCREEN_CHARS = 4000
QUOTE_CHARS_IN_MENU = 30
COMMENT_COLOUR = "yellow"  # Ctrl+M and the bar's "Comment…" highlight in this colour


class HighlightController(QObject):
    def __init__(
        self,
        service: LibraryService,
        reading_view: ReadingView,
        selection_bar: SelectionBar,
        annotation_dock: AnnotationDock,
        status: QStatusBar,
    ) -> None:
        super().__init__(reading_view)
        self._service = service
        self._view = reading_view
        self._bar = selection_bar
        self._dock = annotation_dock
        self._status = status
        self.overlap_menu: QMenu | None = None  # the last "which highlight?" menu
        self._pending: int | None = None  # article whose other highlights are still to load
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(0)
        self._rest_timer.timeout.connect(self.load_all_highlights)
        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.setInterval(0)
        self._list_timer.timeout.connect(self.refresh_annotation_list)
        reading_view.highlights_wanted.connect(self.load_all_highlights)

    def stop(self) -> None:
        """The window is closing: nothing more reads the library after this."""
        self._list_timer.stop()
        self._rest_timer.stop()

    # -- the open article's highlights ---------------------------------------------------------
    def article_shown(self, article: Article) -> None:
        """The reading view now shows `article` (its text already laid out)."""
        self._bar.hide()
        self._dock.show_editor(None)
        if len(article.text) > FIRST_SCREEN_CHARS:
            # Paint the top of the article with the highlights that can be there, and load
            # the rest right after: an article with 10,000 highlights opens as fast as one
            # with a few. What the first screen shows is read, and a screen more; a paint
            # that reaches further (a resize first) reads them all (`highlights_wanted`).
            bound = min(FIRST_SCREEN_CHARS, max(2 * self._view.visible_offsets()[1], 1000))
            top = self._service.highlight_spans(article.id, starting_before=bound)
            if self._service.more_highlights_from(article.id, bound):
                self._view.set_annotations(top, bound)
                self._pending = article.id
                self._rest_timer.start()
            else:  # that was all of them (an article with none, or only near its top)
                self._pending = None
                self._view.set_annotations(top)
        else:
            self._pending = None
            self._view.set_annotations(self._service.highlight_spans(article.id))
        self.schedule_annotation_list()

    def article_closed(self) -> None:
        """The reading view shows no article any more."""
        self._bar.hide()
        self._dock.show_editor(None)

    @stops_on_read_failure
    def load_all_highlights(self) -> None:
        """The rest of the current article's highlights (see `article_shown`)."""
        article_id, self._pending = self._pending, None
        self._rest_timer.stop()
        if article_id is not None and article_id == self._view.article_id:
            self._view.set_annotations(self._service.highlight_spans(article_id))

    def reveal(self, annotation_id: str) -> None:
        """Scroll to the highlight of the article shown, flash it and select it."""
        self.load_all_highlights()  # the passage may lie below the first screen
        self._view.reveal_annotation(annotation_id)
        self.select_annotation(annotation_id)

    @stops_on_read_failure
    def on_annotations_changed(self, article_id: int | None) -> None:
        """The service saved a change to `article_id`'s annotations (or undid one); None:
        to annotations kept from deleted articles."""
        if article_id is not None and article_id == self._view.article_id:
            self._pending = None
            self._rest_timer.stop()
            self._view.set_annotations(self._service.highlight_spans(article_id))
        current = self._dock.current
        if current is not None:
            fresh = self._service.annotation(current.id)
            if fresh is None:
                self.select_annotation(None)  # it was deleted (or its creation undone)
            else:
                self._dock.show_editor(fresh)
        self.schedule_annotation_list()
        self._status.showMessage(self.tr("Saved."), 2000)

    # -- making and choosing highlights --------------------------------------------------------
    @stops_on_read_failure
    def highlight_selection(self, colour: str, comment: bool = False) -> str | None:
        """Highlight the selected text in `colour`; with `comment`, open its comment editor.
        Returns the new annotation's id (None when nothing was selected or saving failed).
        The offsets are the view's `current_selection`, the values `text_selected` carries
        once the selection settles; a shortcut may come before that, so they are read now."""
        view = self._view
        selection = view.current_selection()
        if view.article_id is None or selection is None:
            self._status.showMessage(self.tr("Select some text to highlight first."), 4000)
            return None
        annotation = self._service.create_annotation(view.article_id, *selection, colour)
        self._bar.hide()
        if annotation is None:
            return None  # not saved: the service said why
        cursor = view.textCursor()
        cursor.clearSelection()
        view.setTextCursor(cursor)
        self.select_annotation(annotation.id)
        if comment:
            self._dock.edit_comment()
        return annotation.id

    def highlight_and_comment(self, colour: str = COMMENT_COLOUR) -> str | None:
        return self.highlight_selection(colour, comment=True)

    @stops_on_read_failure
    def select_annotation(self, annotation_id: str | None) -> None:
        annotation = self._service.annotation(annotation_id) if annotation_id else None
        self._view.select_annotation(annotation.id if annotation else None)
        if annotation is not None and not self._dock.isVisible():
            self._dock.show()
        self._dock.show_editor(annotation)

    def open_kept_note(self, annotation_id: str) -> None:
        """A note kept from a deleted article (found by a search): the dock shows it in its
        editor, as when it is clicked under Orphaned."""
        annotation = self._service.annotation(annotation_id)
        if annotation is None:
            return
        self._dock.show()
        self._dock.raise_()
        self._dock.show_editor(annotation)

    def delete_selected_annotation(self) -> None:
        current = self._dock.current
        if current is not None:
            self._service.delete_annotation(current.id)

    def on_text_selected(self, start: int, end: int, end_rect: QRect) -> None:
        """A selection settled: offer the bar just below where it ends."""
        point = self._view.viewport().mapFromGlobal(end_rect.bottomLeft())
        self._bar.show_below(point)

    @stops_on_read_failure
    def on_annotations_clicked(self, annotation_ids: list, position: QPoint) -> None:
        if len(annotation_ids) == 1:
            self.select_annotation(annotation_ids[0])
            return
        # Overlapping highlights: let the reader pick which one.
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self._view)
        for annotation_id in annotation_ids:
            annotation = self._service.annotation(annotation_id)
            if annotation is None:
                continue
            quote = annotation.quote
            if len(quote) > QUOTE_CHARS_IN_MENU:
                quote = quote[:QUOTE_CHARS_IN_MENU] + "…"
            action = menu.addAction(swatch_icon(annotation.color), quote)
            action.triggered.connect(lambda _=False, i=annotation_id: self.select_annotation(i))
        self.overlap_menu = menu
        menu.popup(position)

    # -- the Annotations dock's list -----------------------------------------------------------
    def schedule_annotation_list(self) -> None:
        """Re-list the dock once the current event is done: a burst of changes (or an
        article opening) costs one listing, after the text has painted."""
        self._list_timer.start()

    def on_dock_visibility(self, shown: bool) -> None:
        if shown:
            self.schedule_annotation_list()  # a hidden dock is not kept listed

    @stops_on_read_failure
    def refresh_annotation_list(self) -> None:
        dock = self._dock
        if not dock.isVisible():
            return  # listed when it is shown again
        filters = dock.filters()
        dock.set_tags(self._service.annotation_tags())
        if dock.whole_library:
            titles = {a.id: a.title for a in self._service.articles()}
            dock.set_annotations(self._service.search_annotations(**filters), titles)
        elif self._view.article_id is not None:
            article_id = self._view.article_id
            dock.set_annotations(self._service.search_annotations(article_id=article_id, **filters))
        else:
            dock.set_annotations([])
