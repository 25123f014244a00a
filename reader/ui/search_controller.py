"""Find in the article (Ctrl+F, F3), search the library (Ctrl+Shift+F), look words up, and
Help ▸ Rebuild search index. The widgets ask; this calls the core (reader.search) and
moves the reading view. `install_search` builds the widgets and menu entries into the
window, so the window itself only calls it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QMainWindow, QStatusBar

from reader.ui.core_text import core_text, error_text
from reader.ui.find_bar import FindBar
from reader.ui.search_dock import SearchDock
from reader.ui.search_preparation import install_preparation

if TYPE_CHECKING:
    from reader.library.change import Change
    from reader.search.engine import Hit, SearchOptions
    from reader.ui.library_service import LibraryService
    from reader.ui.reading_controller import ReadingController
    from reader.ui.reading_view import ReadingView

FLASH_MS = 900
STATUS_MS = 4000


class SearchController(QObject):
    kept_note_requested = Signal(str)  # id of a note kept from a deleted article

    def __init__(
        self,
        service: LibraryService,
        view: ReadingView,
        reading: ReadingController,
        find_bar: FindBar,
        dock: SearchDock,
        status: QStatusBar,
    ) -> None:
        super().__init__(view)
        self._service, self._view, self._reading = service, view, reading
        self.find_bar, self.dock, self._status = find_bar, dock, status
        self._query: tuple[str, bool, bool] = ("", False, False)
        # Readings and folded texts are worked out off the main thread (search_preparation).
        self.preparation = install_preparation(self, lambda: service.library)
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(self._end_flash)
        self.actions: dict[str, QAction] = {}

    # -- the find bar ------------------------------------------------------------------------
    def open_find_bar(self) -> None:
        selection = self._view.textCursor().selectedText()
        if selection and "\u2029" not in selection and len(selection) <= 40:
            self.find_bar.line_edit.setText(selection)
        self.find_bar.open()
        self.find(*self._query_in_bar())

    def _query_in_bar(self) -> tuple[str, bool, bool]:
        bar = self.find_bar
        return bar.line_edit.text(), bar.initials_box.isChecked(), bar.any_script_box.isChecked()

    def find(self, query: str, initials: bool = False, any_script: bool = False) -> None:
        from reader.search.engine import SearchOptions, find_in_article
        from reader.search.pinyin_query import QueryRefused
        from reader.search.shown_find import find_in_shown

        self._query = (query, initials, any_script)
        article_id = self._view.article_id
        layer = self._view.find_layer
        hits: list[tuple[int, int]] | None = None
        problem = ""
        if article_id is not None and query.strip():
            options = SearchOptions(initials=initials, any_script=any_script, article_id=article_id)
            # Shown converted (View ▸ Script): characters as shown, carried back to storage.
            shown = getattr(self._view.document(), "shown", None)
            try:
                if shown is not None:
                    hits = find_in_shown(shown, query, options)
                waiting = "" if hits is not None else self._wait(query, options, self._refind)
                if waiting:
                    layer.set_hits([])
                    self.find_bar.set_count(None, 0, waiting)
                    self._view.viewport().update()
                    return
                if hits is None:
                    hits = find_in_article(self._service.library, article_id, query, options)
            except QueryRefused as error:
                problem = error_text(error)
            except Exception as error:  # noqa: BLE001 - a failed read is said, not raised
                problem = self.tr("Search failed: {reason}").format(reason=error)
        hits = hits or []
        layer.set_hits(hits, 0 if hits else None)
        self.find_bar.set_count(layer.current, len(hits), problem)
        if hits:
            self._reveal(*hits[0])
        self._view.viewport().update()

    def _wait(self, query: str, options: SearchOptions, then: Callable[[], None]) -> str:
        """What to show while the index is prepared for the query; "" if it can run now."""
        return self.preparation.wait_for(query, options, then)

    def _refind(self) -> None:
        if self.find_bar.isVisible():
            self.find(*self._query)

    def step(self, forward: bool) -> None:
        layer = self._view.find_layer
        if not layer.hits:
            return
        current = layer.current if layer.current is not None else -1
        layer.current = (current + (1 if forward else -1)) % len(layer.hits)
        self.find_bar.set_count(layer.current, len(layer.hits))
        self._reveal(*layer.hits[layer.current])
        self._view.viewport().update()

    def close_find_bar(self) -> None:
        self.find_bar.hide()
        self._view.find_layer.set_hits([])
        self._view.viewport().update()
        self._view.setFocus()

    def on_article_opened(self, _article: object = None) -> None:
        if self.find_bar.isVisible():
            self.find(*self._query)
        elif not self._flash.isActive():
            self._view.find_layer.set_hits([])

    def on_change(self, change: Change) -> None:
        """Text or readings changed (here or elsewhere): find again in the article shown."""
        article_id = self._view.article_id
        if self.find_bar.isVisible() and article_id is not None:
            if change.touches_article(article_id):
                self.find(*self._query)

    def _reveal(self, start: int, end: int) -> None:
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(end))
        view.setTextCursor(cursor)
        cursor.setPosition(view.document_position(start))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()

    # -- the library search --------------------------------------------------------------------
    def search(
        self, query: str, initials: bool, whole_word: bool, any_script: bool = False
    ) -> None:
        from reader.search.engine import SearchOptions, search
        from reader.search.pinyin_query import QueryRefused

        if not query.strip():
            self.dock.results.clear()
            self.dock.status.setText("")
            return
        options = SearchOptions(initials=initials, whole_word=whole_word, any_script=any_script)
        waiting = self._wait(query, options, self.dock.ask)  # asks again once ready
        if waiting:
            self.dock.results.clear()
            self.dock.status.setText(waiting)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            hits = search(self._service.library, query, options)
        except QueryRefused as error:
            self.dock.results.clear()
            self.dock.status.setText(error_text(error))
            return
        except Exception as error:  # noqa: BLE001 - a failed read is said, not raised
            self.dock.status.setText(self.tr("Search failed: {reason}").format(reason=error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.dock.results.show_hits(hits)
        articles = len({hit.article_id for hit in hits})
        found = self.tr("{hits} hit(s) in {articles} article(s)").format(
            hits=len(hits), articles=articles
        )
        self.dock.status.setText(found if hits else self._no_hits(query, options))

    def _no_hits(self, query: str, options: SearchOptions) -> str:
        """No hits, and what the reader can do (`reader.search.no_hits`)."""
        from reader.search.no_hits import no_hits_hint
        from reader.ui.search_preparation import needed_work

        library, box = self._service.library, self.dock.any_script_box
        try:
            ready = not needed_work(library, query, replace(options, any_script=True))
            hint = no_hits_hint(library, query, options, box.text(), try_other_script=ready)
        except Exception:  # noqa: BLE001 - a hint only: none rather than a failed search
            hint = None
        nothing = self.tr("No hits.")
        return f"{nothing} {core_text(hint)}" if hint else nothing

    def open_hit(self, hit: Hit) -> None:
        """Open the hit's article at the hit and flash it; a note kept from a deleted
        article opens in the Annotations dock's editor (there is no text to show it in)."""
        if hit.article_id is None:
            if hit.annotation_id is not None:
                self.kept_note_requested.emit(hit.annotation_id)
            return
        if hit.annotation_id is not None and hit.field in ("comment", "tags"):
            self._reading.go_to_annotation(hit.annotation_id, hit.article_id)
            return
        if hit.article_id != self._view.article_id:
            self._reading.show_article(hit.article_id)
        if hit.field in ("text", "quote") and self._view.article_id == hit.article_id:
            self._flash_span(hit.start, hit.end)

    def _flash_span(self, start: int, end: int) -> None:
        if self.find_bar.isVisible():
            self.close_find_bar()
        self._view.find_layer.set_hits([(start, end)], 0)
        self._reveal(start, end)
        self._view.viewport().update()
        self._flash.start(FLASH_MS)

    def _end_flash(self) -> None:
        if not self.find_bar.isVisible():
            self._view.find_layer.set_hits([])
            self._view.viewport().update()

    # -- the dictionary ------------------------------------------------------------------------
    def lookup(self, query: str) -> None:
        from reader.search.lookup import lookup
        from reader.search.pinyin_query import QueryRefused

        try:
            entries = lookup(query)
        except QueryRefused as error:
            self.dock.lookup.show_entries([], error_text(error))
            return
        except Exception as error:  # noqa: BLE001 - the dictionary may fail to build
            self.dock.lookup.show_entries(
                [], self.tr("Lookup failed: {reason}").format(reason=error)
            )
            return
        palette = self.dock.lookup.palette()
        self.dock.lookup.show_entries(lookup_lines(entries, palette, query.strip()))

    def count_word(self, word: str) -> None:
        from reader.search.engine import articles_with

        self.dock.lookup.show_count(word, len(articles_with(self._service.library, word)))

    def jump_to_word(self, word: str) -> None:
        from reader.search.engine import articles_with

        found = articles_with(self._service.library, word)
        if found:
            self._reading.show_article(found[0])
            self.find_bar.line_edit.setText(word)
            self.open_find_bar()

    # -- the index ---------------------------------------------------------------------------
    def rebuild_index(self) -> None:
        from reader.search.index import rebuild

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = rebuild(self._service.library)
        except Exception as error:  # noqa: BLE001 - said in words; nothing was changed
            self._service.report_write_error(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._status.showMessage(
            self.tr("Search index rebuilt: {count} article(s).").format(count=count), STATUS_MS
        )


def lookup_lines(entries: list, palette: QPalette, query: str = "") -> list[tuple[str, str, str]]:
    """Each `LookupEntry` as (headword, plain text, HTML): the headword, its pinyin (tone
    colours in the HTML), its HSK levels in both schemes, and its glosses as the word card
    writes them (CEDICT's markup rendered in the script of the query)."""
    from html import escape

    from reader.learning.hsk import levels_text
    from reader.text.cedict_display import render_gloss, script_of
    from reader.text.pinyin_syllables import to_tone_marks
    from reader.ui.tones import coloured_pinyin_html, is_dark
    from reader.ui.word_card import measure_labels

    dark = is_dark(palette.window().color())
    script = script_of(query, entries)
    labels = measure_labels()
    lines = []
    for entry in entries:
        head = entry.simplified
        if entry.traditional != entry.simplified:
            head += f" ({entry.traditional})"
        marks = " ".join(to_tone_marks(s) for s in entry.pinyin)
        levels = levels_text(entry.simplified)
        glosses = "; ".join(render_gloss(gloss, script, labels) for gloss in entry.glosses)
        text = f"{head}   {marks}" + (f"   {levels}" if levels else "") + f"\n{glosses}"
        html = (
            f"<b>{escape(head)}</b>&nbsp;&nbsp; "
            f"{coloured_pinyin_html(entry.pinyin, dark_background=dark)}"
            + (f"&nbsp;&nbsp; <small>{escape(levels)}</small>" if levels else "")
            + f"<br>{escape(glosses)}"
        )
        lines.append((entry.simplified, text, html))
    return lines


def install_search(window: QMainWindow) -> SearchController:
    """The find bar under the reading view, the Search dock, Edit ▸ Find…, Find next/previous,
    Search library…, Help ▸ Rebuild search index, and their wiring."""

    view: ReadingView = window.reading_view  # type: ignore[attr-defined]
    find_bar = FindBar(window)
    find_bar.hide()
    window.centralWidget().layout().addWidget(find_bar)
    dock = SearchDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    controller = SearchController(
        window.service,
        view,
        window.reading,
        find_bar,
        dock,
        window.statusBar(),  # type: ignore[attr-defined]
    )
    edit_menu = window.menus["edit"]  # type: ignore[attr-defined]
    edit_menu.addSeparator()
    entries = [
        (
            QCoreApplication.translate("SearchController", "&Find…"),
            "Ctrl+F",
            controller.open_find_bar,
        ),
        (
            QCoreApplication.translate("SearchController", "Find &next"),
            "F3",
            lambda: controller.step(True),
        ),
        (
            QCoreApplication.translate("SearchController", "Find pre&vious"),
            "Shift+F3",
            lambda: controller.step(False),
        ),
        (
            QCoreApplication.translate("SearchController", "&Search library…"),
            "Ctrl+Shift+F",
            dock.open_search,
        ),
    ]
    for label, keys, slot in entries:
        action = QAction(label, window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        edit_menu.addAction(action)
        controller.actions[label] = action
    rebuild = QAction(
        QCoreApplication.translate("SearchController", "Rebuild search &index"), window
    )
    rebuild.triggered.connect(controller.rebuild_index)
    window.menus["help"].addAction(rebuild)  # type: ignore[attr-defined]
    controller.actions["rebuild"] = rebuild

    find_bar.find_requested.connect(controller.find)
    find_bar.next_requested.connect(lambda: controller.step(True))
    find_bar.previous_requested.connect(lambda: controller.step(False))
    find_bar.close_requested.connect(controller.close_find_bar)
    dock.search_requested.connect(controller.search)
    controller.preparation.failed.connect(dock.status.setText)
    controller.preparation.failed.connect(lambda reason: find_bar.set_count(None, 0, reason))
    dock.hit_activated.connect(controller.open_hit)
    controller.kept_note_requested.connect(window.highlights.open_kept_note)  # type: ignore[attr-defined]
    dock.lookup.lookup_requested.connect(controller.lookup)
    dock.lookup.count_requested.connect(controller.count_word)
    dock.lookup.jump_requested.connect(controller.jump_to_word)
    window.reading.article_opened.connect(controller.on_article_opened)  # type: ignore[attr-defined]
    window.service.changed.connect(controller.on_change)  # type: ignore[attr-defined]
    window.service.changed_elsewhere.connect(controller.on_change)  # type: ignore[attr-defined]
    settings: QSettings = window.settings  # type: ignore[attr-defined]
    for key, box in [
        ("search/initials", dock.initials_box),
        ("search/whole_word", dock.whole_word_box),
        ("search/any_script", dock.any_script_box),
        ("find/initials", find_bar.initials_box),
        ("find/any_script", find_bar.any_script_box),
    ]:
        remember_box(box, settings, key)
    return controller


def remember_box(box: QCheckBox, settings: QSettings, key: str) -> None:
    """The box as the reader last left it, in this session and the next. (Restored quietly:
    a box's toggle asks its query again, and at start-up there is none to ask.)"""
    was_blocked = box.blockSignals(True)
    box.setChecked(bool(settings.value(key, box.isChecked(), type=bool)))
    box.blockSignals(was_blocked)
    box.toggled.connect(lambda checked: settings.setValue(key, checked))
