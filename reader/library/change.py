"""What one write to the library changed: the record the door returns and every view
refreshes from, whether the write came from this window, the command line or another
process. Qt-free.

Ids, not booleans (unlike Anki's OpChanges): a view repaints the one article that changed
instead of everything. The door's writers add ids as they write, so no operation can forget
to report what it touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# The id sets a record carries, by name (also the keys of its JSON in `change_log`).
ID_FIELDS = ("sources", "articles", "annotated", "annotations", "readings", "words")


@dataclass(frozen=True)
class Change:
    """`sources`/`articles`: rows added, changed or removed (text, title, order);
    `annotated`: articles whose annotations changed; `annotations`: those annotations'
    ids; `readings`: articles whose reading corrections changed; `words`: words whose
    learning status or kept sentence changed (every article showing them repaints its
    colours, the article list its figures). `everything`: reload it
    all (a change that cannot be said in ids). `external`: another process made it."""

    op: str = ""
    sources: frozenset[int] = field(default_factory=frozenset)
    articles: frozenset[int] = field(default_factory=frozenset)
    annotated: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[str] = field(default_factory=frozenset)
    readings: frozenset[int] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False
    external: bool = False

    def __bool__(self) -> bool:
        return self.everything or any(getattr(self, name) for name in ID_FIELDS)

    def __or__(self, other: Change) -> Change:
        """Both records as one (the first op named wins, as in a merged undo step)."""
        merged: dict[str, Any] = {
            name: getattr(self, name) | getattr(other, name) for name in ID_FIELDS
        }
        return Change(
            op=self.op or other.op,
            everything=self.everything or other.everything,
            external=self.external or other.external,
            **merged,
        )

    def touches_article(self, article_id: int) -> bool:
        """Whether a view of `article_id` may show something stale after this change."""
        return (
            self.everything
            or article_id in self.articles
            or article_id in self.annotated
            or article_id in self.readings
        )

    def to_json(self) -> str:
        payload: dict[str, Any] = {
            name: sorted(getattr(self, name)) for name in ID_FIELDS if getattr(self, name)
        }
        if self.everything:
            payload["everything"] = True
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, op: str, payload: str, *, external: bool = False) -> Change:
        data = json.loads(payload)
        ids = {name: frozenset(data.get(name, ())) for name in ID_FIELDS}
        return cls(op=op, everything=bool(data.get("everything")), external=external, **ids)


class ChangeBuilder:
    """Collects what a write touches while it runs (the door hands one to its writers);
    after the commit, `change` is the write's record."""

    def __init__(self, op: str) -> None:
        self.op = op
        # What the write changed, set once it has committed: what the door returns.
        self.change: Change | None = None
        self._ids: dict[str, set[Any]] = {name: set() for name in ID_FIELDS}
        self.everything = False

    def source(self, source_id: int) -> None:
        self._ids["sources"].add(source_id)

    def article(self, article_id: int) -> None:
        self._ids["articles"].add(article_id)

    def annotation(self, annotation_id: str, article_id: int | None) -> None:
        """`article_id` None: an annotation kept from a deleted article (it has none)."""
        self._ids["annotations"].add(annotation_id)
        if article_id is not None:
            self._ids["annotated"].add(article_id)

    def readings_of(self, article_id: int) -> None:
        self._ids["readings"].add(article_id)

    def word(self, word: str) -> None:
        self._ids["words"].add(word)

    @property
    def article_ids(self) -> frozenset[int]:
        """The articles this write has touched so far (for the door's before-commit hooks)."""
        return frozenset(self._ids["articles"])

    def all_changed(self) -> None:
        self.everything = True

    def build(self) -> Change:
        return Change(
            op=self.op,
            everything=self.everything,
            **{name: frozenset(values) for name, values in self._ids.items()},
        )
