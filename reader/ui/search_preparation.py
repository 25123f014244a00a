"""Preparing the search index off the main thread, so that no search pauses the window.

A pinyin or initials query needs the articles' readings in the index, worked out the first
time they are wanted (loading the pinyin tables, ~1 s, then ~3 s per million characters);
a search in either script needs the texts folded to one script (OpenCC, ~0.1 s per
million characters). `SearchPreparation.needs_work` says whether a query would wait for
either; `prepare` then works it out on a pool thread, on a connection of its own to the
library file (as imports store: the library is in WAL mode, reading goes on), and calls
the latest query's `then` on the main thread when it is done. A library in memory has no
file to open elsewhere: its queries prepare the index themselves, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from pathlib import Path

    from reader.library.store import Library
    from reader.search.engine import SearchOptions

log = logging.getLogger(__name__)

READINGS = "readings"
FOLDED = "folded"


class _Bridge(QObject):
    """Lives on the main thread: the worker's emissions are queued to it."""

    done = Signal()
    failed = Signal(str)


def needed_work(library: Library, query: str, options: SearchOptions) -> set[str]:
    """What of the index `query` would wait for: READINGS, FOLDED, or nothing. A query
    that cannot be searched needs nothing (the search says why)."""
    from reader.search import index
    from reader.search.engine import TEXT, plan_query
    from reader.search.pinyin_query import QueryRefused

    try:
        plan = plan_query(library, query, options)
    except QueryRefused:
        return set()
    work: set[str] = set()
    if TEXT not in options.fields:
        return work
    wanted = None if options.article_id is None else [options.article_id]
    if plan.kind != "chars" and index.missing_readings(library, wanted):
        work.add(READINGS)
    if plan.any_script and index.missing_folded(library):
        work.add(FOLDED)
    return work


def _prepare(
    bridge: _Bridge,
    path: Path,
    work: frozenset[str],
    article_ids: list[int] | None,
    is_cancelled: Callable[[], bool],
) -> None:
    """Runs on a pool thread, on its own connection: never touches Qt widgets."""
    from reader.library.store import Library
    from reader.search import index

    try:
        with Library.open(path) as library:
            if READINGS in work:
                index.ensure_readings(library, article_ids, is_cancelled)
            if FOLDED in work and not is_cancelled():
                index.ensure_folded(library)
    except Exception as error:  # a full disk, a damaged file: said, not raised
        log.exception("Preparing the search index failed")
        announce = partial(bridge.failed.emit, str(error))
    else:
        announce = bridge.done.emit
    try:
        announce()
    except RuntimeError:  # the window closed meanwhile: no one is left to tell
        log.debug("Search index prepared after its window closed")


class SearchPreparation(QObject):
    """One preparation at a time; the query asked last runs when it is done."""

    ready = Signal()  # after the waiting query ran
    failed = Signal(str)  # the message to show

    def __init__(self, library: Callable[[], Library], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library  # the window's current library (it may be switched)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._bridge.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._running = False
        self._then: Callable[[], None] | None = None

    @property
    def running(self) -> bool:
        return self._running

    def wait_for(self, query: str, options: SearchOptions, then: Callable[[], None]) -> str:
        """Whether `query` must wait for the index: if so (the message to show meanwhile),
        the index is prepared in the background and `then` called on the main thread when
        it is ready (replacing any call waiting); "" when the query can run now."""
        library = self._library()
        if library.path is None:
            return ""
        work = needed_work(library, query, options)
        if not work:
            return ""
        self._then = then
        if not self._running:  # else the running one calls `then`, which asks again
            self._running = True
            self._cancel.clear()
            ids = None if options.article_id is None else [options.article_id]
            self._pool.start(
                partial(
                    _prepare, self._bridge, library.path, frozenset(work), ids, self._cancel.is_set
                )
            )
        return self.message(work)

    def message(self, work: set[str]) -> str:
        if READINGS in work:
            return self.tr("Preparing the pinyin index…")
        return self.tr("Preparing the search index…")

    def _on_done(self) -> None:
        self._running = False
        then, self._then = self._then, None
        if then is not None:
            then()  # asks again: a query that still lacks something prepares once more
        self.ready.emit()

    def _on_failed(self, reason: str) -> None:
        self._running = False
        self._then = None
        self.failed.emit(
            self.tr("Could not prepare the search index: {reason}").format(reason=reason)
        )

    def shutdown(self) -> None:
        """Stop between two articles and wait for the worker (the window is closing)."""
        self._cancel.set()
        self._then = None
        self._pool.waitForDone()


def install_preparation(controller: QObject, library: Callable[[], Library]) -> SearchPreparation:
    preparation = SearchPreparation(library, controller)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(preparation.shutdown)
    return preparation
