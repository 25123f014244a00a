"""What an import reports back, the callbacks it takes, and its cancellation. Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.change import Change
from reader.library.store import Source

if TYPE_CHECKING:  # the update path imports them when it runs: start-up never needs them
    from annotations.store import ReanchorReport

ProgressCallback = Callable[[float, str], None]
"""Called with the fraction done (0…1) and a short label of the current stage."""

CancelCheck = Callable[[], bool]
"""Returns True once the user asked to cancel."""

Checkpoint = Callable[[float, str], None]
"""Reports progress (fraction, stage); raises ImportCancelled once the user cancelled."""


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class SourceUpdate:
    """What updating a source in place did."""

    source_id: int
    articles_updated: int  # matched to an article already there (same id), text changed
    articles_unchanged: int
    articles_added: list[int]
    # Gone from the file: kept (text and all, their annotations orphaned) when they hold
    # the reader's annotations or reading corrections, else removed.
    articles_kept: list[int]
    articles_removed: int
    annotations: ReanchorReport
    overrides_moved: int
    overrides_dropped: int


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    encoding: str
    article_ids: list[int]
    warnings: list[str]
    duplicate_of: Source | None = None
    update: SourceUpdate | None = None
    # What the import's write changed (None for a duplicate: nothing was written); a
    # window that stored it on a worker's connection announces it with this.
    change: Change | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None
