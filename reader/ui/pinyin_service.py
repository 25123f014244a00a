"""Pinyin and dictionary, off the main thread.

One worker thread does everything slow, in order: build the CC-CEDICT table if this machine
has none yet (first run only, with progress), load the pinyin resolver (pypinyin, g2pM,
~1 s), then resolve the paragraphs of the article being read — the paragraph the reader is
looking at first. Results come back as signals; the main thread keeps them in
`ArticleReadings`, so hovering or painting never waits and never loads anything.

Nothing starts until `start()`, which the window calls after its first paint.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader.text.tokens import TokenIndex

if TYPE_CHECKING:
    from reader.text.dictionary import Dictionary

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Lives on the main thread: the worker's emissions are queued to it."""

    dictionary_progress = Signal(float)
    dictionary_ready = Signal(object)  # Path of the built table
    dictionary_failed = Signal(str)
    resolver_ready = Signal()
    readings_ready = Signal(int, int, int, list)  # job, article id, first token, readings


@dataclass
class _Job:
    number: int
    article_id: int
    tokens: TokenIndex
    # Paragraphs still to resolve: (first token, end token, start offset, end offset).
    pending: list[tuple[int, int, int, int]] = field(default_factory=list)


class PinyinService(QObject):
    dictionary_progress = Signal(float)  # 0…1 while the table is being built
    dictionary_ready = Signal()
    dictionary_failed = Signal(str)
    readings_ready = Signal(int, int, list)  # article id, first token, [syllable tuples]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = _Bridge(self)
        self._bridge.dictionary_progress.connect(self.dictionary_progress)
        self._bridge.dictionary_ready.connect(self._open_dictionary)
        self._bridge.dictionary_failed.connect(self.dictionary_failed)
        self._bridge.readings_ready.connect(self._on_readings)
        self._condition = threading.Condition()
        self._job: _Job | None = None
        self._job_number = 0
        self._stopping = False
        self._resolving = False
        self._thread: threading.Thread | None = None
        self._resolver: Any = None
        self.dictionary: Dictionary | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="yuedu-pinyin", daemon=True)
        self._thread.start()

    def shutdown(self) -> None:
        with self._condition:
            self._stopping = True
            self._job = None
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.dictionary is not None:
            self.dictionary.close()
            self.dictionary = None

    @property
    def busy(self) -> bool:
        """True while the worker has paragraphs left to resolve (or is starting up)."""
        with self._condition:
            if self._thread is None:
                return False
            if self._resolver is None and not self._stopping:
                return True
            return self._job is not None and bool(self._job.pending) or self._resolving

    # -- requests (main thread) ------------------------------------------------------------
    def request_article(self, article_id: int, tokens: TokenIndex, focus_offset: int = 0) -> None:
        """Resolve every paragraph of the article, the one holding `focus_offset` first.
        Replaces any article asked for before."""
        paragraphs = list(tokens.paragraphs())
        with self._condition:
            self._job_number += 1
            self._job = _Job(self._job_number, article_id, tokens, paragraphs)
            self._focus_locked(focus_offset)
            self._condition.notify_all()

    def focus(self, article_id: int, offset: int) -> None:
        """Move the paragraph holding `offset` to the front of the queue (the reader is
        looking there)."""
        with self._condition:
            if self._job is not None and self._job.article_id == article_id:
                self._focus_locked(offset)

    def _focus_locked(self, offset: int) -> None:
        job = self._job
        if job is None:
            return
        for position, paragraph in enumerate(job.pending):
            if paragraph[2] <= offset <= paragraph[3]:
                job.pending.insert(0, job.pending.pop(position))
                return

    # -- worker thread ---------------------------------------------------------------------
    def _emit(self, signal_name: str, *args: object) -> None:
        """Emit on the bridge; if the window (and with it the bridge) is gone, stop."""
        try:
            getattr(self._bridge, signal_name).emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            with self._condition:
                self._stopping = True

    def _run(self) -> None:
        from reader.text.dictionary import DictionaryBuildCancelled

        try:
            self._prepare_dictionary()
            if self._stopping:
                return
            self._load_resolver()
        except DictionaryBuildCancelled:
            return  # the window closed while the dictionary was being built
        except Exception as error:  # never let the worker die silently
            log.exception("Pinyin worker could not start")
            self._emit("dictionary_failed", str(error))
            if self._resolver is None:
                return
        while True:
            with self._condition:
                while not self._stopping and (self._job is None or not self._job.pending):
                    self._condition.wait()
                if self._stopping:
                    return
                job = self._job
                assert job is not None
                paragraph = job.pending.pop(0)
                self._resolving = True
            try:
                self._resolve_paragraph(job, paragraph)
            finally:
                with self._condition:
                    self._resolving = False

    def _prepare_dictionary(self) -> None:
        from reader.text.dictionary import (
            Dictionary,
            DictionaryNotBuilt,
            build_dictionary,
            default_dictionary_path,
        )

        path = default_dictionary_path()
        try:
            Dictionary.open(path).close()
        except DictionaryNotBuilt:
            build_dictionary(
                path,
                progress=lambda fraction: self._emit("dictionary_progress", fraction),
                is_cancelled=lambda: self._stopping,
            )
        self._emit("dictionary_ready", path)

    def _load_resolver(self) -> None:
        from reader.text.pinyin import PinyinResolver

        resolver = PinyinResolver()
        resolver.warm_up()
        self._resolver = resolver
        self._emit("resolver_ready")

    def _resolve_paragraph(self, job: _Job, paragraph: tuple[int, int, int, int]) -> None:
        first, end, start_offset, end_offset = paragraph
        if first >= end:
            return
        text = job.tokens.text[start_offset:end_offset]
        ends = [e - start_offset for e in job.tokens.ends[first:end]]
        try:
            readings = self._resolver.resolve(text, ends)
        except Exception:
            log.exception("Pinyin for article %s failed", job.article_id)
            return
        self._emit("readings_ready", job.number, job.article_id, first, list(readings))

    # -- results (main thread) -------------------------------------------------------------
    def _open_dictionary(self, path: object) -> None:
        from reader.text.dictionary import Dictionary, DictionaryNotBuilt
        from reader.ui.core_text import error_text

        try:
            self.dictionary = Dictionary.open(path)  # type: ignore[arg-type]
        except DictionaryNotBuilt as error:
            self.dictionary_failed.emit(error_text(error))
            return
        self.dictionary_ready.emit()

    def _on_readings(self, job: int, article_id: int, first: int, readings: list) -> None:
        self.readings_ready.emit(article_id, first, readings)
