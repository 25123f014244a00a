"""Annotations kept from deleted articles outside the window: a JSON backup carries them
and a restore (into an empty library, or one that has them) brings them back as they were;
a whole-library Markdown export with orphans lists them "from: <title>"; the command line
deletes with --keep-annotations, lists them, and an import of the same file brings the
article back with them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.export import ExportOptions, export_markdown, export_to_folder
from reader.importer import prepare_import, store_import
from reader.library import Library
from reader.library import article_edits as edits
from reader.library.json_backup import BackupError, backup_document, backup_json
from reader.library.json_restore import restore_backup
from tests.test_article_cli import yuedu

TEXT = (
    "第一章 出发\n我们早上六点从家里出发，坐火车去海边。\n"
    "第二章 海边\n海水很蓝，沙子很软，弟弟在捡贝壳。\n"
)
QUOTE = "弟弟在捡贝壳"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite3")
    store_import(library, prepare_import(TEXT.encode(), "trip.txt"))
    yield library
    library.close()


def keep_one(library: Library) -> str:
    """Annotate the second chapter, delete it keeping the annotation; its id."""
    second = library.list_articles()[1].id
    text = library.get_article(second).text  # type: ignore[union-attr]
    start = text.index(QUOTE)
    made = AnnotationStore(library).add(
        second, start, start + len(QUOTE), color="blue", comment="可爱", tags=["家"]
    )
    edits.delete(library, second, keep_annotations=True)
    return made.id


def test_a_backup_carries_kept_annotations_and_a_restore_brings_them_back(
    library: Library, tmp_path: Path
) -> None:
    kept_id = keep_one(library)
    before = AnnotationStore(library).get(kept_id)
    document = backup_document(library)
    [entry] = document["kept_annotations"]
    assert entry["id"] == kept_id and entry["comment"] == "可爱"
    assert entry["from"] == {
        "file_name": "trip.txt",
        "sha256": entry["from"]["sha256"],
        "title": "第二章 海边",
        "position": 1,
    }
    text = backup_json(library)

    with Library.open(tmp_path / "other.sqlite3") as other:
        report = restore_backup(other, text)
        assert report.annotations_added == 1
        restored = AnnotationStore(other).get(kept_id)
        assert restored is not None and restored.article_id is None and restored.orphaned
        assert restored.origin is not None and before is not None and before.origin is not None
        # The same, but for the source's row id, which is the other library's.
        assert restored.origin.source_id == other.list_articles()[0].source_id
        assert (restored.quote, restored.comment, restored.tags, restored.color) == (
            before.quote,
            before.comment,
            before.tags,
            before.color,
        )
        assert restored.origin.title == before.origin.title
        # Backing up the restored library gives the same document (ids are not written).
        again = backup_document(other, exported_at=document["exported_at"])
        assert again["kept_annotations"] == document["kept_annotations"]
        # Restoring it twice adds nothing.
        assert restore_backup(other, text).annotations_kept == 1


def test_a_library_without_kept_annotations_backs_up_without_the_key(library: Library) -> None:
    assert "kept_annotations" not in backup_document(library)


def test_a_malformed_kept_list_is_refused_and_changes_nothing(library: Library) -> None:
    keep_one(library)
    document = backup_document(library)
    document["kept_annotations"][0]["from"] = "trip.txt"
    count = AnnotationStore(library).count()
    with pytest.raises(BackupError, match="kept_annotations"):
        restore_backup(library, json.dumps(document))
    assert AnnotationStore(library).count() == count


def test_a_whole_library_export_with_orphans_lists_them_by_the_article_they_came_from(
    library: Library, tmp_path: Path
) -> None:
    keep_one(library)
    first = library.list_articles()[0].id
    AnnotationStore(library).add(first, 0, 3, comment="出发")
    whole = ExportOptions(orphans=True, kept=True)
    markdown = export_markdown(library, [first], whole, exported_at="2026-01-01T00:00:00+00:00")
    assert "# Kept from deleted articles" in markdown
    assert "from: 第二章 海边 (trip.txt)" in markdown and QUOTE in markdown and "可爱" in markdown
    without = ExportOptions(orphans=False, kept=True)
    assert QUOTE not in export_markdown(
        library, [first], without, exported_at="2026-01-01T00:00:00+00:00"
    )
    written = export_to_folder(library, [first], tmp_path / "notes", whole)
    assert [path.name for path in written][-1] == "Kept from deleted articles.md"
    note = written[-1].read_text(encoding="utf-8")
    assert note.startswith("---\n") and QUOTE in note and "#家" in note


def test_the_command_line_keeps_lists_and_brings_back(tmp_path: Path) -> None:
    source = tmp_path / "trip.txt"
    source.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "cli.sqlite3"
    assert yuedu(db, "import", str(source)).returncode == 0
    with Library.open(db) as library:
        second = library.list_articles()[1]
    made = yuedu(db, "annotate", str(second.id), "--quote", QUOTE)
    assert made.returncode == 0, made.stderr

    refused = yuedu(db, "article", "delete", str(second.id))
    assert refused.returncode == 2 and "--keep-annotations" in refused.stderr
    deleted = yuedu(db, "article", "delete", str(second.id), "--keep-annotations")
    assert deleted.returncode == 0, deleted.stderr
    assert "1 annotation(s) kept as orphans" in deleted.stdout
    listed = yuedu(db, "annotations")
    assert "ORPHANED (from: 第二章 海边)" in listed.stdout and QUOTE in listed.stdout
    [shown] = json.loads(yuedu(db, "annotations", "--json").stdout)
    assert shown["article_id"] is None and shown["from"]["title"] == "第二章 海边"

    again = yuedu(db, "import", str(source))
    assert again.returncode == 0, again.stderr
    assert "第二章 海边" in again.stdout
    with Library.open(db) as library:
        [annotation] = AnnotationStore(library).search()
        assert annotation.article_id is not None and not annotation.orphaned
        text = library.get_article(annotation.article_id).text  # type: ignore[union-attr]
        assert text[annotation.start : annotation.end] == QUOTE
