"""Backups: deterministic JSON of the whole library; restore merges (by sha256, by UUID,
newer edit wins, nothing deleted) in one transaction, and refuses bad or newer files."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.library import Library
from reader.library.json_backup import BackupError, backup_json
from reader.library.json_restore import restore_backup
from tests.test_export_golden import annotation_id, build_seed_library

BACKUP_TIME = "2024-03-06T00:00:00.000+00:00"


@pytest.fixture
def seed(tmp_path: Path):  # type: ignore[no-untyped-def]
    library = build_seed_library(tmp_path / "seed.sqlite3")
    yield library
    library.close()


def without_time(text: str) -> dict:  # type: ignore[type-arg]
    document = json.loads(text)
    document.pop("exported_at")
    return document


def snapshot(library: Library) -> list[tuple]:  # type: ignore[type-arg]
    return [
        tuple(row)
        for table in ("sources", "articles", "article_tokens", "reading_overrides", "annotations")
        for row in library.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
    ]


def test_backup_holds_everything_in_a_fixed_order(seed: Library) -> None:
    text = backup_json(seed, exported_at=BACKUP_TIME)
    assert text == backup_json(seed, exported_at=BACKUP_TIME)
    document = json.loads(text)
    assert (document["format"], document["version"], document["exported_at"]) == (
        "yuedu-backup", 1, BACKUP_TIME,
    )  # fmt: skip
    [source] = document["sources"]
    assert source["raw_text"] and source["paragraphs"] and len(source["articles"]) == 4
    first = source["articles"][0]
    assert first["token_ends"][-1] == len(first["text"])
    assert first["reading_overrides"][0]["syllables"] == "xing4 xian4"
    ids = [a["id"] for article in source["articles"] for a in article["annotations"]]
    assert sorted(ids) == [annotation_id(n) for n in range(1, 7)]
    assert "exported_at" not in json.dumps(source)
    assert '"token_ends": [' in text  # one line per article, not one per offset


def test_round_trip_into_a_new_library_is_identical(seed: Library, tmp_path: Path) -> None:
    first = backup_json(seed)
    with Library.open(tmp_path / "copy.sqlite3") as copy:
        report = restore_backup(copy, first)
        assert (report.sources_added, report.articles_added, report.annotations_added) == (1, 4, 6)
        second = backup_json(copy)
    assert without_time(first) == without_time(second)
    assert first.split("\n", 4)[4] == second.split("\n", 4)[4]  # byte for byte after the time


def test_restoring_twice_changes_nothing(seed: Library) -> None:
    before = snapshot(seed)
    report = restore_backup(seed, backup_json(seed))
    assert report.sources_matched == 1 and report.annotations_kept == 6
    assert report.annotations_added == report.annotations_updated == 0
    assert snapshot(seed) == before


def test_merge_keeps_the_newer_edit_and_deletes_nothing(seed: Library, tmp_path: Path) -> None:
    store = AnnotationStore(seed)
    backup = backup_json(seed)
    # In the backup, annotation 2 is then edited in the file it came from (newer there)…
    newer_in_backup = json.loads(backup)
    for article in newer_in_backup["sources"][0]["articles"]:
        for annotation in article["annotations"]:
            if annotation["id"] == annotation_id(2):
                annotation["comment"] = "edited later, in the backup"
                annotation["updated_at"] = "2030-01-01T00:00:00.000+00:00"
    with Library.open(tmp_path / "other.sqlite3") as other:
        restore_backup(other, backup)
        other_store = AnnotationStore(other)
        # …while in the target library annotation 1 was edited after the backup was made,
        # and a new annotation was added that the backup does not know.
        edited = other_store.update(annotation_id(1), comment="newer here")
        added = other_store.add(edited.article_id, 0, 2, comment="only here")
        report = restore_backup(other, json.dumps(newer_in_backup))
        assert report.annotations_updated == 1 and report.annotations_kept == 5
        assert other_store.get(annotation_id(1)).comment == "newer here"  # type: ignore[union-attr]
        assert (
            other_store.get(annotation_id(2)).comment  # type: ignore[union-attr]
            == "edited later, in the backup"
        )
        assert other_store.get(added.id) == added
        assert other_store.count() == 7
    assert store.get(annotation_id(1)).comment == ""  # type: ignore[union-attr]


def test_articles_are_mapped_to_their_ids_in_the_target(seed: Library, tmp_path: Path) -> None:
    backup = backup_json(seed)
    with Library.open(tmp_path / "busy.sqlite3") as busy:
        from reader.library.store import NewArticle, NewSource

        text = "另一篇文章。"
        busy.add_source(
            NewSource.whole("other.txt", "UTF-8", "a" * 64, 1, text, [text]),
            [NewArticle("另一篇", False, "", text, 0, 1, [len(text)])] * 3,
        )
        restore_backup(busy, backup)
        store = AnnotationStore(busy)
        annotation = store.get(annotation_id(4))
        assert annotation is not None and annotation.article_id == 5  # 1-3 were taken
        article = busy.get_article(annotation.article_id)
        assert article is not None
        assert article.text[annotation.start : annotation.end] == "2021年4月26日"
        first = busy.list_articles()[3]
        assert busy.reading_overrides(first.id)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(version=2), "newer Yuedu"),
        (lambda d: d.update(format="something"), "not a Yuedu backup"),
        (lambda d: d["sources"][0].pop("sha256"), "missing 'sha256'"),
        (lambda d: d["sources"][0]["articles"][0].update(token_ends=[1, 2]), "cover the text"),
        (
            lambda d: d["sources"][0]["articles"][3]["annotations"][0].update(color="red"),
            "unknown colour",
        ),
        (
            lambda d: d["sources"][0]["articles"][1]["annotations"][0].update(end=10**6),
            "not a span",
        ),
        (
            lambda d: d["sources"][0]["articles"][1]["annotations"][0].update(id=annotation_id(1)),
            "appears twice",
        ),
        (lambda d: d["sources"][0].update(imported_at="yesterday"), "ISO 8601"),
        (
            lambda d: d["sources"][0]["articles"][1].update(first_paragraph=5, end_paragraph=2),
            "not a run of its source's",
        ),
        (
            lambda d: d["sources"][0]["articles"][1]["annotations"][0].update(id="xyz"),
            "is not a UUID",
        ),
    ],
)
def test_bad_or_newer_files_are_refused_and_nothing_is_written(
    seed: Library, tmp_path: Path, mutate: Callable[[dict[str, Any]], object], message: str
) -> None:
    document = json.loads(backup_json(seed))
    mutate(document)
    with Library.open(tmp_path / "empty.sqlite3") as empty:
        with pytest.raises(BackupError, match=message):
            restore_backup(empty, json.dumps(document))
        assert empty.article_count() == 0 and AnnotationStore(empty).count() == 0


def test_a_failure_half_way_rolls_everything_back(
    seed: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.json_restore as backup_module

    real_merge = backup_module._merge_annotations
    calls = []

    def merge_then_fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:  # the third article: two were written already
            raise sqlite3.IntegrityError("disk trouble")
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(backup_module, "_merge_annotations", merge_then_fail)
    with Library.open(tmp_path / "empty.sqlite3") as empty:
        with pytest.raises(BackupError):
            restore_backup(empty, backup_json(seed))
        assert empty.article_count() == 0 and AnnotationStore(empty).count() == 0
        assert not empty.conn.in_transaction


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_db = tmp_path / "seed.sqlite3"
    build_seed_library(seed_db).close()
    backup = tmp_path / "backup.json"
    assert main(["--db", str(seed_db), "backup", "-o", str(backup)]) == 0
    assert main(["--db", str(seed_db), "backup", "-o", str(backup)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["--db", str(seed_db), "backup", "-o", str(backup), "--force"]) == 0
    target = tmp_path / "target.sqlite3"
    capsys.readouterr()
    assert main(["--db", str(target), "restore", str(backup), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["annotations_added"] == 6 and report["articles_added"] == 4
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--db", str(target), "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was restored" in err


def _annotated(library: Library) -> dict[str, tuple[int, str]]:
    """Each annotation's article and the text at its span (None for an orphan)."""
    found = {}
    for annotation in AnnotationStore(library).search():
        article = library.get_article(annotation.article_id)
        assert article is not None
        shown = article.text[annotation.start : annotation.end]
        found[annotation.id] = (annotation.article_id, None if annotation.orphaned else shown)
    return found


def _texts(library: Library) -> list[str]:
    return [library.get_article(a.id).text for a in library.list_articles()]  # type: ignore[union-attr]


def test_a_backup_of_split_articles_goes_into_the_library_s_whole_one(
    seed: Library, tmp_path: Path
) -> None:
    """The reader split an article after restoring elsewhere, or before: restoring the
    backup puts no text in twice, and every highlight lands on its own words."""
    from reader.library import article_edits

    whole = seed.list_articles()[1]
    text = seed.get_article(whole.id).text  # type: ignore[union-attr]
    target_path = tmp_path / "target.sqlite3"
    with Library.open(target_path) as target:
        restore_backup(target, backup_json(seed))  # the same library, not split
        before = _texts(target)
        at = text.index("。") + 1
        article_edits.split(seed, whole.id, at)
        annotations = _annotated(seed)
        restore_backup(target, backup_json(seed))
        assert _texts(target) == before  # nothing added twice
        restored = _annotated(target)
        assert {key: shown for key, (_, shown) in restored.items()} == {
            key: shown for key, (_, shown) in annotations.items()
        }


def test_a_backup_of_a_whole_article_goes_into_the_library_s_parts(
    seed: Library, tmp_path: Path
) -> None:
    from reader.library import article_edits

    backup = backup_json(seed)  # before the split
    annotations = _annotated(seed)
    whole = seed.list_articles()[1]
    text = seed.get_article(whole.id).text  # type: ignore[union-attr]
    article_edits.split(seed, whole.id, text.index("。") + 1)
    parts = _texts(seed)
    restore_backup(seed, backup)
    assert _texts(seed) == parts
    assert {key: shown for key, (_, shown) in _annotated(seed).items()} == {
        key: shown for key, (_, shown) in annotations.items()
    }


def test_an_annotation_whose_quote_is_not_its_text_comes_back_as_an_orphan(
    seed: Library, tmp_path: Path
) -> None:
    document = json.loads(backup_json(seed))
    annotation = document["sources"][0]["articles"][1]["annotations"][0]
    annotation["quote"] = "不对"  # a hand-edited file: the span says one thing, the quote another
    with Library.open(tmp_path / "target.sqlite3") as target:
        restore_backup(target, json.dumps(document, ensure_ascii=False))
        restored = AnnotationStore(target).get(annotation["id"])
        assert restored is not None and restored.orphaned and restored.quote == "不对"
        orphaned = {a.id: a.orphaned for a in AnnotationStore(target).search()}
        assert orphaned == {
            a.id: a.orphaned or a.id == annotation["id"] for a in AnnotationStore(seed).search()
        }
