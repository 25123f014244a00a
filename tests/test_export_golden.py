"""Golden files: the seed page with a fixed set of annotations, exported, compared byte for
byte with tests/golden/. Regenerate on purpose only: YUEDU_UPDATE_GOLDEN=1 pytest this file.

`build_seed_library` is shared with the other export and backup tests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotations.anchoring import selector
from annotations.model import Annotation
from annotations.store import AnnotationStore
from reader.export import (
    ExportOptions,
    export_article_markdown,
    export_markdown,
)
from reader.importer import import_path, prepare_import, store_update
from reader.library import Library
from tests.shared_data import SEED_PAGE

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("YUEDU_UPDATE_GOLDEN") == "1"
EXPORTED_AT = "2024-03-05T08:00:00+00:00"
IMPORTED_AT = "2024-03-01T08:00:00+00:00"

MULTILINE_COMMENT = """Three reforms in one phrase:

- 市场化 *marketisation*
- 专业化 **specialisation**

See [the provincial plan](https://example.com/plan) and `三化三制`."""

HOSTILE_COMMENT = """# not a heading of the note
---
<script>alert("hi")</script> stays text
```
an unclosed fence"""


@dataclass(frozen=True)
class Planned:
    number: int
    article: int  # position of the article in the page, from 0
    quote: str
    color: str
    tags: tuple[str, ...] = ()
    comment: str = ""
    created: str = "2024-03-02T10:00:00.000+00:00"


PLANNED = [
    Planned(1, 0, "兴县县委县政府", "yellow", ("policy",)),
    Planned(2, 0, "“三化三制”改革", "green", ("policy", "vocab"), MULTILINE_COMMENT),
    Planned(
        3,
        0,
        "努力打造对外开放的新高地。\n一是高起点建设经济技术开发区",
        "blue",
        comment=HOSTILE_COMMENT,
        created="2024-03-03T11:30:00.000+00:00",
    ),
    Planned(4, 1, "2021年4月26日", "pink", ("date",), "The day of the visit."),
    Planned(5, 3, "乡村振兴", "purple", ("vocab",)),
    # Removed from the page by the update below: it becomes an orphan.
    Planned(6, 3, "以工补农、以城带乡", "yellow", ("policy",), "Industry feeds farming."),
]


def annotation_id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def build_seed_library(path: Path) -> Library:
    """The seed page in a library at `path`: the annotations of PLANNED with fixed ids and
    times, one reading correction, then an update of the page that orphans annotation 6."""
    library = Library.open(path)
    import_path(library, SEED_PAGE)
    ids = [summary.id for summary in library.list_articles()]
    store = AnnotationStore(library)
    for planned in PLANNED:
        article_id = ids[planned.article]
        text = library.get_article(article_id).text  # type: ignore[union-attr]
        start = text.index(planned.quote)
        quote, prefix, suffix = selector(text, start, start + len(planned.quote))
        store.restore(
            Annotation(
                id=annotation_id(planned.number),
                article_id=article_id,
                start=start,
                end=start + len(planned.quote),
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                color=planned.color,
                comment=planned.comment,
                tags=planned.tags,
                created_at=planned.created,
                updated_at=planned.created,
                orphaned=False,
            )
        )
    # A reading correction inside annotation 1 (deliberately unusual, so the export shows
    # that the reader's reading wins over the resolver's).
    first = library.get_article(ids[0])
    assert first is not None
    start = first.text.index("兴县县委")
    assert (start, start + 2, "兴县") in library.tokens(ids[0])
    library.set_reading_override(ids[0], start, start + 2, ["xing4", "xian4"])
    changed = SEED_PAGE.read_text(encoding="utf-8").replace("以工补农、以城带乡，", "")
    prepared = prepare_import(changed.encode("utf-8"), SEED_PAGE.name)
    source = library.sources_named(SEED_PAGE.name)[0]
    store_update(library, prepared, source.id)
    with library.session.write("Fix the times for golden files") as change:
        change.all_changed()
        library.conn.execute("UPDATE sources SET imported_at = ?", [IMPORTED_AT])
        library.conn.execute("UPDATE reading_overrides SET updated_at = ?", [IMPORTED_AT])
    return library


@pytest.fixture(scope="module")
def seed_library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    library = build_seed_library(tmp_path_factory.mktemp("seed") / "seed.sqlite3")
    yield library
    library.close()


@pytest.fixture(scope="module")
def resolver():  # type: ignore[no-untyped-def]
    from reader.export import make_pinyin_resolver

    # Without the CC-CEDICT layer: the golden file must not depend on a built dictionary.
    return make_pinyin_resolver(use_dictionary=False)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run with YUEDU_UPDATE_GOLDEN=1 to create it"
    assert text.encode("utf-8") == path.read_bytes(), (
        f"{name} differs from the golden file; if the change is intended, regenerate with "
        "YUEDU_UPDATE_GOLDEN=1"
    )


def test_seed_orphan_is_made_by_the_update(seed_library: Library) -> None:
    orphans = AnnotationStore(seed_library).search(orphaned=True)
    assert [a.id for a in orphans] == [annotation_id(6)]
    assert AnnotationStore(seed_library).count() == len(PLANNED)


def test_golden_article_default_options(seed_library: Library) -> None:
    first = seed_library.list_articles()[0].id
    markdown = export_article_markdown(
        seed_library, first, ExportOptions(), exported_at=EXPORTED_AT
    )
    check_golden("seed-article-1.md", markdown)


def test_golden_article_with_pinyin_and_context(seed_library: Library, resolver) -> None:  # type: ignore[no-untyped-def]
    first = seed_library.list_articles()[0].id
    markdown = export_article_markdown(
        seed_library,
        first,
        ExportOptions(pinyin=True, context=True),
        exported_at=EXPORTED_AT,
        pinyin_resolver=resolver,
    )
    check_golden("seed-article-1-pinyin-context.md", markdown)
    assert "- Pinyin: xìngxiàn " in markdown  # the reader's correction, not xīngxiàn


def test_golden_whole_library_in_one_document(seed_library: Library, resolver) -> None:  # type: ignore[no-untyped-def]
    ids = [summary.id for summary in seed_library.list_articles()]
    markdown = export_markdown(
        seed_library,
        ids,
        ExportOptions(pinyin=True, context=True),
        exported_at=EXPORTED_AT,
        pinyin_resolver=resolver,
    )
    check_golden("seed-all.md", markdown)


def test_golden_without_orphans(seed_library: Library) -> None:
    last = seed_library.list_articles()[3].id
    markdown = export_article_markdown(
        seed_library, last, ExportOptions(orphans=False), exported_at=EXPORTED_AT
    )
    check_golden("seed-article-4-no-orphans.md", markdown)
    assert "Orphaned" not in markdown and annotation_id(6) not in markdown
