"""Importing a changed version of a file: articles updated in place, annotations re-anchored
(or orphaned, never lost), reading corrections moved, all in one transaction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.app import main
from reader.importer import (
    ImportOutcome,
    import_path,
    prepare_import,
    same_name_source,
    store_update,
)
from reader.library import Library

PARAGRAPHS = [
    "兴县县委县政府紧紧抓住省委加快开发区建设的重大机遇。",
    "主动融入新发展格局，推动经济高质量发展。",
    "他说：我们明天见。她也说：我们明天见。",
    "开发区的营商环境不断改善，企业纷纷入驻。",
    "春风又绿江南岸，明月何时照我还。",
]


def chapters(first: list[str], second: list[str] | None = None) -> str:
    second = second if second is not None else ["秋天来了，树叶黄了。", "一群大雁往南飞。"]
    return "\n".join(["第一回 开始", *first, "第二回 继续", *second]) + "\n"


def write(tmp_path: Path, text: str, name: str = "novel.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def update(library: Library, path: Path) -> ImportOutcome:
    source = same_name_source(library, path.name)
    assert source is not None
    return store_update(library, prepare_import(path.read_bytes(), path.name), source.id)


def annotate(store: AnnotationStore, article_id: int, quote: str, occurrence: int = 1) -> str:
    text = store.library.get_article(article_id).text  # type: ignore[union-attr]
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return store.add(article_id, start, start + len(quote), comment=f"on {quote}").id


def placed(store: AnnotationStore, annotation_id: str) -> tuple[str, int, bool]:
    """(the text now under the annotation, its start, orphaned) after checking it is whole."""
    annotation = store.get(annotation_id)
    assert annotation is not None
    text = store.library.get_article(annotation.article_id).text  # type: ignore[union-attr]
    if not annotation.orphaned:
        assert text[annotation.start : annotation.end] == annotation.quote
        assert text[: annotation.start].endswith(annotation.prefix)
        assert text[annotation.end :].startswith(annotation.suffix)
    return annotation.quote, annotation.start, annotation.orphaned


def test_update_keeps_ids_and_reanchors_every_kind_of_edit(
    library: Library, tmp_path: Path
) -> None:
    path = write(tmp_path, chapters(PARAGRAPHS))
    first_id, second_id = import_path(library, path).article_ids
    store = AnnotationStore(library)
    shifted = annotate(store, first_id, "推动经济高质量发展")
    edited = annotate(store, first_id, "开发区的营商环境不断改善")
    surrounded = annotate(store, first_id, "江南岸")
    second_copy = annotate(store, first_id, "我们明天见", occurrence=2)
    first_copy = annotate(store, first_id, "我们明天见", occurrence=1)
    untouched = annotate(store, second_id, "一群大雁")
    text_before = library.get_article(first_id).text  # type: ignore[union-attr]

    new_first = [
        "本报讯 " + PARAGRAPHS[0].replace("重大机遇", "重大历史机遇"),  # before all of them
        PARAGRAPHS[1],
        "记者写道。" + PARAGRAPHS[2],  # before both identical sentences
        PARAGRAPHS[3].replace("不断改善", "持续改善"),  # inside a quote
        PARAGRAPHS[4].replace("春风又绿江南岸，", "春风今又绿江南岸！"),  # around a quote
    ]
    outcome = update(library, write(tmp_path, chapters(new_first)))
    assert outcome.article_ids == [first_id, second_id]
    assert outcome.update is not None
    assert (outcome.update.articles_updated, outcome.update.articles_unchanged) == (1, 1)
    assert outcome.update.annotations.stayed == 1  # the one in the unchanged chapter
    assert outcome.update.annotations.moved == 5 and outcome.update.annotations.orphaned == 0
    assert library.article_count() == 2
    text_after = library.get_article(first_id).text  # type: ignore[union-attr]
    assert text_after != text_before

    assert placed(store, shifted)[0] == "推动经济高质量发展"
    assert placed(store, edited)[0] == "开发区的营商环境持续改善"  # the quote follows the edit
    assert placed(store, surrounded)[0] == "江南岸"
    quote, start, _ = placed(store, second_copy)
    assert start == text_after.rindex("我们明天见")  # the second stays the second
    assert placed(store, first_copy)[1] == text_after.index("我们明天见")
    assert placed(store, untouched)[0] == "一群大雁"
    assert store.get(edited).comment == "on 开发区的营商环境不断改善"  # type: ignore[union-attr]
    # Tokens were recomputed for the new text.
    tokens = library.tokens(first_id)
    assert "".join(word for _, _, word in tokens) == text_after


def test_a_deleted_paragraph_orphans_its_annotation_which_is_kept_and_listed(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, chapters(PARAGRAPHS))
    first_id, _ = import_path(library, path).article_ids
    store = AnnotationStore(library)
    doomed = annotate(store, first_id, "春风又绿江南岸")
    before = store.get(doomed)
    outcome = update(library, write(tmp_path, chapters(PARAGRAPHS[:4])))
    assert outcome.update is not None and outcome.update.annotations.orphaned == 1
    orphan = store.get(doomed)
    assert orphan is not None and orphan.orphaned
    assert (orphan.quote, orphan.comment) == (before.quote, before.comment)  # type: ignore[union-attr]
    assert [a.id for a in store.search(orphaned=True)] == [doomed]
    status = main(["--db", str(library.path), "annotations", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert status == 0 and listed[0]["orphaned"] is True and listed[0]["quote"] == "春风又绿江南岸"
    # The paragraph comes back: the orphan is found again.
    outcome = update(library, write(tmp_path, chapters(PARAGRAPHS) + "补记。\n"))
    assert placed(store, doomed) == ("春风又绿江南岸", orphan.start, False)


def test_a_vanished_article_with_annotations_is_kept_others_are_removed(
    library: Library, tmp_path: Path
) -> None:
    text = "\n".join(
        ["第一回 开始", *PARAGRAPHS, "第二回 继续", "秋天来了。", "第三回 结束", "冬天到了。"]
    )
    first_id, second_id, third_id = import_path(library, write(tmp_path, text)).article_ids
    store = AnnotationStore(library)
    kept = annotate(store, second_id, "秋天")
    second_text = library.get_article(second_id).text  # type: ignore[union-attr]
    new_text = "\n".join(["第一回 开始", *PARAGRAPHS, "第四回 新的", "春天又来了。"])
    outcome = update(library, write(tmp_path, new_text))
    assert outcome.update is not None
    assert outcome.update.articles_kept == [second_id]
    assert outcome.update.articles_removed == 1 and len(outcome.update.articles_added) == 1
    assert library.get_article(third_id) is None
    assert outcome.update.articles_added[0] > third_id  # a removed article's id is not reused
    survivor = library.get_article(second_id)
    assert survivor is not None and survivor.text == second_text
    assert store.get(kept).orphaned  # type: ignore[union-attr]
    assert any("no longer in the file" in warning for warning in outcome.warnings)
    order = [s.id for s in library.list_articles()]
    assert order == [first_id, outcome.update.articles_added[0], second_id]


def test_reading_corrections_move_with_their_word_or_are_dropped(
    library: Library, tmp_path: Path
) -> None:
    first_id, _ = import_path(library, write(tmp_path, chapters(PARAGRAPHS))).article_ids
    text = library.get_article(first_id).text  # type: ignore[union-attr]
    tokens = {word: (start, end) for start, end, word in library.tokens(first_id)}
    library.set_reading_override(first_id, *tokens["兴县"], ["xing1", "xian4"])
    library.set_reading_override(first_id, *tokens["江南"], ["jiang1", "nan2"])
    assert text.index("兴县") == tokens["兴县"][0]
    new_first = ["前言。", *PARAGRAPHS[:4], "秋风吹过。"]
    outcome = update(library, write(tmp_path, chapters(new_first)))
    new_text = library.get_article(first_id).text  # type: ignore[union-attr]
    start = new_text.index("兴县")
    assert library.reading_overrides(first_id) == {(start, start + 2): ("xing1", "xian4")}
    assert outcome.update is not None
    assert (outcome.update.overrides_moved, outcome.update.overrides_dropped) == (1, 1)


def test_a_failure_half_way_through_an_update_changes_nothing(
    library: Library, tmp_path: Path
) -> None:
    first_id, _ = import_path(library, write(tmp_path, chapters(PARAGRAPHS))).article_ids
    store = AnnotationStore(library)
    annotation_id = annotate(store, first_id, "推动经济高质量发展")
    before = store.get(annotation_id)
    text_before = library.get_article(first_id).text  # type: ignore[union-attr]
    tokens_before = library.token_ends(first_id)
    library.conn.execute(
        "CREATE TRIGGER fail BEFORE UPDATE ON annotations "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk I/O"):
        update(library, write(tmp_path, chapters(["新的第一段。", *PARAGRAPHS])))
    assert library.get_article(first_id).text == text_before  # type: ignore[union-attr]
    assert library.token_ends(first_id) == tokens_before
    assert store.get(annotation_id) == before
    assert not library.conn.in_transaction


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_import_update_reports_counts_and_plain_import_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite3")
    path = write(tmp_path, chapters(PARAGRAPHS))
    run(capsys, "--db", db, "import", str(path))
    run(capsys, "--db", db, "annotate", "1", "--quote", "江南岸")
    run(capsys, "--db", db, "annotate", "1", "--quote", "营商环境")
    run(capsys, "--db", db, "annotate", "1", "--quote", "兴县")
    write(tmp_path, chapters(["导语。", *PARAGRAPHS[:3], PARAGRAPHS[4]]))

    status, out, err = run(capsys, "--db", db, "import", "--update", str(path), "--json")
    assert status == 0, err
    result = json.loads(out)
    [report] = result["updates"]
    assert report["annotations"] == {"stayed": 0, "moved": 2, "orphaned": 1}
    assert report["articles_updated"] == 1 and report["articles_added"] == []
    assert [a["id"] for a in result["articles"]] == [1, 2]

    write(tmp_path, chapters(PARAGRAPHS[:2]))
    status, out, err = run(capsys, "--db", db, "import", "--update", str(path))
    assert status == 0 and "updated in place" in out and "orphaned" in out

    write(tmp_path, chapters(PARAGRAPHS[:1]))
    status, out, err = run(capsys, "--db", db, "import", str(path), "--json")
    assert status == 0
    result = json.loads(out)
    assert set(result) == {"articles", "warnings"}
    assert any("--update" in warning for warning in result["warnings"])
    assert [a["id"] for a in result["articles"]] == [3, 4]  # a new source
