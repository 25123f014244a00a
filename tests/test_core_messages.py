"""The core's words reach a Chinese window in Chinese: refusals and warnings are
`reader.messages.Message` values (English text that keeps its template), the window
translates them (reader/ui/core_text.py); the counts the window shows are composed in the
window. The command line keeps the English text."""

from __future__ import annotations

import ast
import pickle
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.messages import Message, message, message_of
from reader.text.decode import ImportRefused, decode_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from i18n_scan import core_files, scan_core  # noqa: E402

# The core's errors whose words the reader reads (in the window's boxes and bars).
USER_FACING_ERRORS = {
    "ImportRefused",
    "LibraryError",
    "NewerSchemaError",
    "LibraryBusy",
    "LibraryFileRefused",
    "ArticleEditRefused",
    "WordReadingRefused",
    "WordRefused",
    "HskRefused",
    "QueryRefused",
}
HAN = re.compile(r"[\u4e00-\u9fff]")
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# -- the core: English text that keeps its template ------------------------------------------
def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    said = message("{file} is empty.", file="a.txt")
    assert said == "a.txt is empty." and isinstance(said, str)
    assert said.template == "{file} is empty." and said.params == {"file": "a.txt"}
    copy = pickle.loads(pickle.dumps(said))
    assert isinstance(copy, Message) and copy == said and copy.template == said.template


def test_a_refusal_carries_its_message_and_prints_english() -> None:
    with pytest.raises(ImportRefused) as caught:
        decode_bytes(PNG_BYTES, file_name="photo.txt")
    assert str(caught.value) == "photo.txt is a PNG image, not a text file."
    found = message_of(caught.value)
    assert found is not None and found.template == "{file} is {what}, not a text file."
    what = found.params["what"]
    assert isinstance(what, Message) and what.template == "a PNG image"  # translated in turn


def test_the_core_raises_user_facing_errors_with_a_message() -> None:
    """An f-string or a plain literal handed to one of these errors would reach a Chinese
    window in English: the catalogue cannot hold it."""
    plain = []
    for path in core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in USER_FACING_ERRORS and isinstance(
                node.args[0], ast.JoinedStr | ast.Constant | ast.BinOp
            ):
                plain.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not plain, "wrap these in reader.messages.message(…):\n" + "\n".join(plain)


def test_every_core_template_is_a_literal() -> None:
    templates, unmarked = scan_core()
    assert len(templates) > 100  # the scan found the core's messages
    assert not unmarked, [f"{m.path}:{m.line}" for m in unmarked]


def test_the_core_scan_sees_literals_and_refuses_variables(tmp_path: Path) -> None:
    (tmp_path / "reader" / "ui").mkdir(parents=True)
    (tmp_path / "reader" / "core.py").write_text(
        "def f(x):\n"
        "    raise E(message('{a} is bad.', a=x))\n"
        "    messages.message('Reading')\n"
        "    message(x)\n",
        encoding="utf-8",
    )
    (tmp_path / "reader" / "ui" / "window.py").write_text("message('UI only')\n", "utf-8")
    templates, unmarked = scan_core(tmp_path)
    assert [(m.context, m.source, m.path) for m in templates] == [
        ("CoreMessages", "{a} is bad.", "reader/core.py"),
        ("CoreMessages", "Reading", "reader/core.py"),
    ]
    assert [m.line for m in unmarked] == [4]


# -- the window ----------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from reader.ui.languages import SIMPLIFIED_CHINESE, install_translators, remove_translators

    translators = install_translators(qapp, SIMPLIFIED_CHINESE)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def chinese_window(chinese: None, ui_library: Any, ui_settings: Any, qtbot: Any) -> Iterator[Any]:
    from reader.ui.application import create_main_window

    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.service.shutdown()
    window.pinyin.shutdown()


def test_core_text_translates_nested_messages_and_passes_plain_text(chinese: None) -> None:
    from reader.ui.core_text import core_text, error_text

    refusal = ImportRefused(
        message("{file} is {what}, not a text file.", file="x.txt", what=message("a PNG image"))
    )
    assert error_text(refusal) == "x.txt 是一张 PNG 图片，不是文本文件。"
    assert error_text(ValueError("disk I/O error")) == "disk I/O error"  # SQLite's own words
    assert core_text("plain") == "plain"


def test_a_broken_translation_falls_back_to_english(chinese: None) -> None:
    from reader.ui.core_text import core_text

    unknown = message("{file} has no {thing} at all.", file="x.txt", thing="y")
    assert core_text(unknown) == "x.txt has no y at all."  # not in the catalogue


def drop_files(window: Any, qtbot: Any, paths: list[Path]) -> Any:
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.service.import_batch_finished, timeout=60_000) as done:
        window.dropEvent(event)
    return done.args[0]


def refused_files(tmp_path: Path) -> list[Path]:
    from tests.pdf_samples import scanned_pdf

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    picture = tmp_path / "picture.txt"
    picture.write_bytes(PNG_BYTES)
    return [scan, picture]


def shown_box_text(window: Any) -> str:
    from PySide6.QtWidgets import QMessageBox

    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    boxes[0].close()
    return text


def test_a_chinese_window_says_import_refusals_in_chinese(
    chinese_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    report = drop_files(chinese_window, qtbot, refused_files(tmp_path))
    reasons = dict(report.failures)
    assert reasons["scan.pdf"] == (
        "scan.pdf：此 PDF 没有文字层（页面是图片，像扫描件一样），需要先做 OCR 文字识别。"
        "未导入任何内容。"
    )
    assert reasons["picture.txt"] == "picture.txt 是一张 PNG 图片，不是文本文件。"
    text = shown_box_text(chinese_window)
    assert "此 PDF 没有文字层" in text and "PNG 图片" in text
    assert not re.search(r"[A-Za-z]{4,}", text.replace("scan.pdf", "").replace("picture.txt", ""))


def test_a_chinese_window_counts_in_chinese(chinese_window: Any, qtbot: Any) -> None:
    from conftest import UI_ARTICLES

    from reader.ui.article_list import FIGURES_ROLE, length_label

    assert chinese_window.count_label.text() == f"{len(UI_ARTICLES)} 篇文章"
    chinese_window.article_list.filter_edit.setText(UI_ARTICLES[0][0])
    qtbot.waitUntil(lambda: chinese_window.count_label.text() == f"1 / {len(UI_ARTICLES)} 篇文章")
    chinese_window.vocabulary.refresh()
    figures = str(chinese_window.article_list.proxy.index(0, 0).data(FIGURES_ROLE))
    assert re.fullmatch(r"已认识 \d+% · 生词 \d+ 个", figures), figures
    assert length_label(1188) == "1,188 字"
    dock = chinese_window.annotation_dock
    dock.set_annotations([])
    assert dock.count_label.text() == "0 条批注"


def test_an_english_window_keeps_english(ui_window: Any, tmp_path: Path, qtbot: Any) -> None:
    from conftest import UI_ARTICLES

    report = drop_files(ui_window, qtbot, refused_files(tmp_path))
    reasons = dict(report.failures)
    assert reasons["scan.pdf"].startswith("scan.pdf: this PDF has no text layer (its pages")
    assert reasons["picture.txt"] == "picture.txt is a PNG image, not a text file."
    text = shown_box_text(ui_window)
    assert "OCR" in text and not HAN.search(text)
    assert ui_window.count_label.text() == f"{len(UI_ARTICLES)} articles"
    ui_window.vocabulary.refresh()
    from reader.ui.article_list import FIGURES_ROLE

    figures = str(ui_window.article_list.proxy.index(0, 0).data(FIGURES_ROLE))
    assert re.fullmatch(r"\d+ % known · \d+ new", figures), figures
    ui_window.annotation_dock.set_annotations([])
    assert ui_window.annotation_dock.count_label.text() == "0 annotations"


def test_backup_times_and_check_problems_read_in_the_windows_language(
    chinese: None, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from reader.library.safety import BACKUP_TIME_FORMAT, check_library
    from reader.library.wording import backup_time_in_words, problems_in_words
    from reader.ui.core_text import backup_time_text, core_text

    taken = datetime(2026, 5, 3, 12, 0, tzinfo=UTC)
    backup = tmp_path / f"library-{taken.strftime(BACKUP_TIME_FORMAT)}.sqlite3"
    local = taken.astimezone()
    assert backup_time_in_words(backup) == f"{local.day} May 2026, {local:%H:%M}"  # the CLI's
    assert backup_time_text(backup) == f"2026年5月{local.day}日 {local:%H:%M}"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database, " * 512)
    problems = check_library(junk).problems
    assert problems == ["junk.sqlite3 is not an SQLite database file"]
    assert core_text(problems[0]) == "junk.sqlite3 不是 SQLite 数据库文件"
    many = problems_in_words(["a", "b", "c", "d", "e"])
    assert many == "a; b; c; and 2 more" and core_text(many) == "a; b; c；另有 2 项"


def test_an_import_already_in_the_library_says_when_in_local_time_as_people_write_it(
    chinese: None, ui_library: Any
) -> None:
    from datetime import datetime

    from reader.importing.storing import duplicate_outcome
    from reader.ui.core_text import core_text

    (source,) = ui_library.sources_named("fixture.txt")
    local = datetime.fromisoformat(source.imported_at).astimezone()
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    outcome = duplicate_outcome(ui_library, source.sha256, "again.txt")
    assert outcome is not None
    (warning,) = outcome.warnings
    clock = f"{local:%H:%M}"
    english = f"{local.day} {months[local.month - 1]} {local.year}, {clock}"
    assert f"(imported {english} as fixture.txt)" in warning  # the command line's
    assert "T" not in warning.split("imported ")[1].split(" as ")[0]
    assert f"{local.year}年{local.month}月{local.day}日 {clock}" in core_text(warning)
