"""Which source an import goes to: a new one, or one updated in place. Qt-free.

The library keeps a source's file name, not the folder it came from, so two files of the
same name from different folders are told apart by their content: a changed version of a
file updates the same-named source it has the most sentences in common with, never one it
shares nothing with while another namesake is closer; when two namesakes are equally close
the import is refused (it cannot know which is meant) and nothing changes.

Importing the very bytes of a source again normally adds nothing (`storing`), except:
- with an encoding named, other than the one the source was read in: the reader says the
  text was decoded wrongly, so the source is read again in that encoding, in place;
- with `update`, when another same-named source with other content exists: the file was
  imported as a new source before (the import warns and advises `--update`), so the
  advice is carried out — the namesake is updated in place and the copy, as long as it
  holds none of the reader's work, is removed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.importing.passes import PreparedImport
from reader.library.store import Library, Source
from reader.messages import message
from reader.text.decode import ImportRefused


@dataclass(frozen=True)
class ImportPlan:
    """`update_id`: the source updated in place (None: stored as an import, which reports
    a duplicate or brings back deleted articles itself). `replaces`: a copy of this very
    file, imported as a new source, that the update removes. `warning`: for the reader."""

    update_id: int | None = None
    replaces: int | None = None
    warning: str | None = None


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.strip().lower()


def names_other_encoding(encoding: str | None, source: Source) -> bool:
    """Whether `encoding` was named and is not the one `source` was read in."""
    return encoding is not None and _codec(encoding) != _codec(source.encoding)


def rereading_target(library: Library, prepared: PreparedImport) -> Source | None:
    """The source of these very bytes, when the import read them in another encoding than
    that source was (an encoding named to correct a wrong guess): it is read again."""
    new = prepared.source
    same = library.source_by_hash(new.sha256)
    return same if same is not None and names_other_encoding(new.encoding, same) else None


# Sentences, not paragraphs, are compared: how lines were joined into paragraphs (the
# reflow) may differ between two versions of a file while their sentences stay the same.
_SENTENCE_END = re.compile(r"[\n。！？!?；;]+")


def _paragraphs(texts: Iterable[str]) -> set[str]:
    """The sentences of `texts` (stripped, empty ones left out)."""
    return {part.strip() for text in texts for part in _SENTENCE_END.split(text) if part.strip()}


def _in_common(library: Library, prepared: PreparedImport, source: Source) -> tuple[int, int]:
    """(sentences of the file's text, then of its text and titles) also in `source`."""
    articles = prepared.articles
    stored = _paragraphs(library.source_paragraphs(source.id))
    bodies = _paragraphs(a.text for a in articles)
    titles = _paragraphs(a.title for a in articles)
    return len(bodies & stored), len((bodies | titles) & stored)


def shares_text(library: Library, prepared: PreparedImport, source: Source) -> bool:
    """Whether the file has a sentence of text (not a mere chapter title) in `source`."""
    return _in_common(library, prepared, source)[0] > 0


def closest_namesake(library: Library, prepared: PreparedImport) -> Source | None:
    """The source a changed version of the prepared file is a version of: among the
    sources of its file name with other content, the only one, or the one with the most
    sentences in common with it. None when there is none; `ImportRefused` when two are
    equally close."""
    new = prepared.source
    namesakes = [s for s in library.sources_named(new.file_name) if s.sha256 != new.sha256]
    if len(namesakes) <= 1:
        return namesakes[0] if namesakes else None
    scored = sorted(
        ((_in_common(library, prepared, s), s) for s in namesakes), key=lambda pair: pair[0]
    )
    scored.reverse()
    if scored[0][0] == scored[1][0]:
        tied = [s for score, s in scored if score == scored[0][0]]
        raise ImportRefused(
            message(
                "{file}: the library has {count} sources imported from files of this name "
                "({sources}) and this file is as close to one as to another, so which to "
                "update cannot be told. Nothing was changed; import it without --update "
                "to add it as a new source.",
                file=new.file_name,
                count=len(namesakes),
                sources=", ".join(str(s.id) for s in sorted(tied, key=lambda s: s.id)),
            )
        )
    return scored[0][1]


def _holds_work(library: Library, source_id: int) -> bool:
    """Whether the source's articles hold annotations or reading corrections, or kept
    annotations of its deleted articles wait for it."""
    conn = library.conn
    held = conn.execute(
        "SELECT 1 FROM annotations a JOIN articles r ON a.article_id = r.id"
        " WHERE r.source_id = ? UNION ALL SELECT 1 FROM reading_overrides o JOIN articles r"
        " ON o.article_id = r.id WHERE r.source_id = ? UNION ALL SELECT 1 FROM annotations"
        " WHERE article_id IS NULL AND from_source_id = ? LIMIT 1",
        [source_id, source_id, source_id],
    ).fetchone()
    return held is not None


def _as_new(file_name: str) -> ImportPlan:
    return ImportPlan(
        warning=message(
            "{file} has the name of a file imported before but other content; it was "
            "imported as a new source.",
            file=file_name,
        )
    )


def plan_import(
    library: Library, prepared: PreparedImport, *, update: bool, encoding: str | None
) -> ImportPlan:
    """Where the prepared file goes (see the module's docstring). `ImportRefused` when
    it cannot be told, or the advised update would discard the reader's work."""
    new = prepared.source
    same = library.source_by_hash(new.sha256)
    if same is not None and names_other_encoding(encoding, same):
        return ImportPlan(update_id=same.id)
    if same is not None and not (update and same.file_name == new.file_name):
        return ImportPlan()
    try:
        namesake = closest_namesake(library, prepared)
    except ImportRefused:
        if update or same is not None:
            raise
        return _as_new(new.file_name)
    if namesake is None:
        return ImportPlan()
    # Whether the file shares text with its namesake, asked once (it reads the namesake's
    # paragraphs); an update of a new file needs no answer.
    shares = (update and same is None) or shares_text(library, prepared, namesake)
    if not update and not shares:
        return _as_new(new.file_name)  # another file that happens to have the name
    if same is not None and not shares:
        return ImportPlan()  # not a version of it: the very file again, nothing to fold
    if same is not None:
        if _holds_work(library, same.id):
            raise ImportRefused(
                message(
                    "{file} is already in the library as source {copy}, which holds your "
                    "annotations or reading corrections, so it cannot become an update of "
                    "source {source}. Nothing was changed.",
                    file=new.file_name,
                    copy=same.id,
                    source=namesake.id,
                )
            )
        return ImportPlan(update_id=namesake.id, replaces=same.id)
    if update:
        return ImportPlan(update_id=namesake.id)
    return ImportPlan(
        warning=message(
            "{file} has the name of a file imported before (source {source}, {when}) but "
            "other content; it was imported as a new source. To update that source in "
            "place instead and keep its annotations, run: yuedu import --update {file}",
            file=new.file_name,
            source=namesake.id,
            when=namesake.imported_at,
        )
    )


def source_ids(plans: Sequence[ImportPlan]) -> set[int]:
    """The sources the plans update or remove (two files of one import must not both)."""
    return {i for plan in plans for i in (plan.update_id, plan.replaces) if i is not None}
