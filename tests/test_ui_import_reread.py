"""The window's imports of files the library knows: File ▸ Import with Encoding… on a file
already there does what a guessed encoding's advice says (the same bytes are read again,
in place, in the encoding named); a file whose articles were all deleted comes back; a
file whose name is not UTF-8 is imported under a readable name."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.library.store import Library
from reader.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 60_000


def test_the_same_file_with_an_encoding_named_is_read_again_in_that_encoding(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    data = "中文".encode("big5") + b"\n"  # guessed as Big5; GB18030 reads other characters
    short = tmp_path / "short.txt"
    short.write_bytes(data)
    with qtbot.waitSignal(ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS):
        ui_window.service.import_files([short])
    sources_before = ui_library.conn.execute("SELECT id FROM sources").fetchall()

    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.import_with_encoding_requested.emit([short], "GB18030")

    (outcome,) = done.args[0].outcomes
    assert not outcome.is_duplicate and outcome.update is not None
    assert ui_library.conn.execute("SELECT id FROM sources").fetchall() == sources_before
    source_id = outcome.update.source_id
    found = [ui_library.get_article(a.id) for a in ui_library.list_articles()]
    texts = [a.text for a in found if a is not None and a.source_id == source_id]
    assert texts == [data.decode("gb18030").strip()]


def test_a_file_named_in_gbk_is_imported_under_its_readable_name(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("file names are Unicode on this system")
    path = tmp_path / os.fsdecode("中文".encode("gbk") + b".txt")
    try:
        path.write_bytes("我们是中国人。\n".encode("gb18030"))
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.service.import_files([path])
    report = done.args[0]
    assert report.failures == []
    (outcome,) = report.outcomes
    assert outcome.file_name == "中文.txt" and not outcome.is_duplicate
    names = [row[0] for row in ui_library.conn.execute("SELECT file_name FROM sources")]
    assert "中文.txt" in names


def test_a_file_whose_articles_were_all_deleted_comes_back_when_imported_again(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    from reader.library import article_edits

    path = tmp_path / "seasons.txt"
    path.write_text("第一回 春天\n春天来了。\n第二回 夏天\n夏天很热。\n", encoding="utf-8")
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.service.import_files([path])
    first = done.args[0].added_article_ids
    for article_id in first:
        article_edits.delete(ui_library, article_id)

    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.service.import_files([path])

    (outcome,) = done.args[0].outcomes
    assert not outcome.is_duplicate and len(outcome.article_ids) == 2
    titles = [ui_library.get_article(i).title for i in outcome.article_ids]  # type: ignore[union-attr]
    assert titles == ["第一回 春天", "第二回 夏天"]
