"""Importing through LibraryService and the window: rows stored, list refreshed, new article
selected; refusals, duplicates and cancels write nothing and say so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import UI_ARTICLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from reader.library.store import Library
from reader.spool import SPOOL_PREFIX
from reader.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 60_000


def table_counts(library: Library) -> tuple[int, int, int]:
    db = library.db
    return tuple(  # type: ignore[return-value]
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("sources", "articles", "article_tokens")
    )


def spool_folders(library: Library) -> list[Path]:
    """Import spools left beside the library (there should be none between imports)."""
    assert library.path is not None
    return list(library.path.parent.glob(f"{SPOOL_PREFIX}*"))


def import_and_wait(window: MainWindow, qtbot: Any, *paths: Path) -> Any:
    with qtbot.waitSignal(window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS) as done:
        window.service.import_files(list(paths))
    return done.args[0]


def message_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_import_stores_rows_refreshes_list_and_selects_new_article(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "两段.txt"
    path.write_text("第一段。\n第二段。", encoding="utf-8")
    before = table_counts(ui_library)
    finished: list[Any] = []
    ui_window.service.import_finished.connect(finished.append)

    report = import_and_wait(ui_window, qtbot, path)

    assert report.failures == [] and not report.cancelled
    assert len(finished) == 1 and not finished[0].is_duplicate
    new_ids = report.added_article_ids
    assert new_ids and table_counts(ui_library)[1] == before[1] + len(new_ids)
    assert table_counts(ui_library)[0] == before[0] + 1
    stored = "\n".join(ui_library.get_article(i).text for i in new_ids)
    assert "第一段。" in stored and "第二段。" in stored
    assert ui_window.article_list.model.rowCount() == len(UI_ARTICLES) + len(new_ids)
    assert ui_window.article_list.selected_article_id() == new_ids[0]
    assert ui_window.reading_view.article_id == new_ids[0]
    assert "第一段。" in ui_window.reading_view.toPlainText()
    assert not message_boxes(ui_window)
    assert ui_window.imports.progress_dialog is None


def test_progress_is_reported(ui_window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "progress.txt"
    path.write_text("进度。\n" * 50, encoding="utf-8")
    progress: list[tuple[float, str]] = []
    ui_window.service.import_progress.connect(lambda f, s: progress.append((f, s)))
    import_and_wait(ui_window, qtbot, path)
    assert progress and all(0.0 <= f <= 1.0 for f, _ in progress)
    assert all(s.startswith("progress.txt: ") for _, s in progress)
    assert progress[-1][0] == 1.0


def test_refused_files_write_nothing_and_show_a_warning(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "nul.txt"
    binary.write_bytes("正文".encode() + b"\x00\x01\x00\x02abc\x00" * 10)
    missing = tmp_path / "missing.txt"
    before = table_counts(ui_library)
    failed: list[tuple[str, str]] = []
    ui_window.service.import_failed.connect(lambda name, message: failed.append((name, message)))

    report = import_and_wait(ui_window, qtbot, empty, binary, missing)

    assert [name for name, _ in failed] == ["empty.txt", "nul.txt", "missing.txt"]
    assert "empty" in failed[0][1] and "NUL" in failed[1][1]
    assert report.failures == failed and report.added_article_ids == []
    assert table_counts(ui_library) == before
    boxes = message_boxes(ui_window)
    assert len(boxes) == 1 and boxes[0].icon() == QMessageBox.Icon.Warning
    assert "empty.txt is empty." in boxes[0].text()


def test_importing_the_same_file_twice_reports_a_duplicate(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "again.txt"
    path.write_text("再来一次。", encoding="utf-8")
    first = import_and_wait(ui_window, qtbot, path)
    counts = table_counts(ui_library)
    for box in message_boxes(ui_window):
        box.close()
    ui_window.article_list.select_article(ui_library.list_articles()[0].id)

    second = import_and_wait(ui_window, qtbot, path)

    assert len(second.outcomes) == 1 and second.outcomes[0].is_duplicate
    assert second.added_article_ids == []
    assert table_counts(ui_library) == counts
    # The article already there is shown, and the reader is told.
    assert ui_window.reading_view.article_id == first.added_article_ids[0]
    boxes = message_boxes(ui_window)
    assert len(boxes) == 1 and boxes[0].icon() == QMessageBox.Icon.Information
    assert "already in the library" in boxes[0].text()


def test_cancelling_a_large_import_writes_nothing(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "large.txt"
    paragraph = "我们今天在图书馆里读了一本关于中国历史的书，大家都觉得很有意思。"
    path.write_text("\n".join([paragraph] * (300_000 // len(paragraph))), encoding="utf-8")
    before = table_counts(ui_library)
    service = ui_window.service

    with qtbot.waitSignal(service.import_cancelled, timeout=IMPORT_TIMEOUT_MS):
        with qtbot.waitSignal(service.import_progress, timeout=IMPORT_TIMEOUT_MS):
            service.import_files([path])
        assert service.is_importing
        service.cancel_import()
        assert service.is_importing  # the worker is running: it must notice the cancel itself

    qtbot.waitUntil(lambda: not service.is_importing)
    service.shutdown()  # the worker has stopped; any late result is ignored
    qtbot.wait(50)
    assert table_counts(ui_library) == before
    assert ui_window.article_list.model.rowCount() == len(UI_ARTICLES)
    assert "cancelled" in ui_window.statusBar().currentMessage()
    assert spool_folders(ui_library) == []  # the worker's spool went with the cancel


def test_progress_dialog_cancel_button_cancels(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("长文章的一句话。\n" * 40_000, encoding="utf-8")
    before = table_counts(ui_library)
    with qtbot.waitSignal(ui_window.service.import_cancelled, timeout=IMPORT_TIMEOUT_MS):
        with qtbot.waitSignal(ui_window.service.import_progress, timeout=IMPORT_TIMEOUT_MS):
            ui_window.service.import_files([path])
        assert ui_window.imports.progress_dialog is not None
        label = ui_window.imports.progress_dialog.findChild(QLabel)
        assert label.textFormat() == Qt.TextFormat.PlainText and "long.txt" in label.text()
        cancel_button = ui_window.imports.progress_dialog.findChild(QPushButton)
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    ui_window.service.shutdown()
    assert table_counts(ui_library) == before
    assert ui_window.imports.progress_dialog is None


def test_a_file_larger_than_the_sample_imports_through_the_worker_and_spool(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    from unittest import mock

    from reader.text import decode

    path = tmp_path / "big.txt"
    body = "".join(f"这是正文的第{n}段，读者可以慢慢看。\n" for n in range(4))
    chapters = [f"第{n}章 第{n}章的标题\n{body}" for n in range(1, 40)]
    path.write_text("".join(chapters), encoding="utf-8")
    # Streamed as a file above the 8 MB sample would be, read 256 bytes at a time.
    with (
        mock.patch.object(decode, "SAMPLE_BYTES", 512),
        mock.patch.object(decode, "READ_BYTES", 256),
    ):
        report = import_and_wait(ui_window, qtbot, path)
    assert report.failures == [] and len(report.added_article_ids) == 39
    titles = [ui_library.get_article(i).title for i in report.added_article_ids]
    assert titles[0] == "第1章 第1章的标题" and titles[-1] == "第39章 第39章的标题"
    assert spool_folders(ui_library) == []


def test_import_with_encoding_reads_the_files_as_the_reader_chose(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from reader.text.decode import decode_bytes
    from tests.dialogs import choose_file_in_next_dialog

    # Bytes that detection reads as UTF-8, so only the reader's choice makes them GB18030.
    data = "读书".encode()
    chosen_file = tmp_path / "chosen.txt"
    chosen_file.write_bytes(data)
    assert decode_bytes(data).encoding == "UTF-8"
    asked: list[list[str]] = []

    def choose(parent: object, title: str, label: str, items: list[str], *args: object) -> Any:
        asked.append(items)
        return next(item for item in items if item.startswith("GB18030")), True

    choose_file_in_next_dialog(chosen_file)  # the real dialog, answered as a person would
    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.import_with_encoding_action.trigger()
    report = done.args[0]
    assert asked and "UTF-8" in asked[0]
    [article_id] = report.added_article_ids
    assert ui_library.get_article(article_id).text == data.decode("gb18030").strip()
    assert report.outcomes[0].encoding == "GB18030"


def test_a_file_that_is_not_in_the_chosen_encoding_is_refused_and_nothing_written(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("简体中文的文字，用国标码保存。".encode("gbk"))
    before = table_counts(ui_library)
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.import_with_encoding_requested.emit([gbk], "UTF-8")
    [(name, message)] = done.args[0].failures
    assert name == "gbk.txt" and "cannot be read as UTF-8" in message
    assert table_counts(ui_library) == before
    assert spool_folders(ui_library) == []


class HeldStore:
    """Holds the worker's store of a prepared file until released, to act meanwhile."""

    def __init__(self, monkeypatch: Any) -> None:
        import threading

        from reader import importer

        self.started = threading.Event()
        self.release = threading.Event()
        self.thread_names: list[str] = []
        real_store = importer.store_import

        def held_store(library: Library, prepared: Any, **options: Any) -> Any:
            self.thread_names.append(threading.current_thread().name)
            self.started.set()
            assert self.release.wait(20), "the test never released the store"
            return real_store(library, prepared, **options)

        monkeypatch.setattr(importer, "store_import", held_store)


def test_storing_runs_off_the_main_thread_while_the_window_reads_on(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    import threading

    path = tmp_path / "两段.txt"
    path.write_text("第一段。\n第二段。", encoding="utf-8")
    held = HeldStore(monkeypatch)
    service = ui_window.service
    with qtbot.waitSignal(service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS) as done:
        service.import_files([path])
        qtbot.waitUntil(held.started.is_set, timeout=IMPORT_TIMEOUT_MS)
        # The store is under way (held): the main thread still reads and repaints.
        assert len(service.articles()) == len(UI_ARTICLES)
        ui_window.repaint()
        held.release.set()
    assert held.thread_names and held.thread_names[0] != threading.main_thread().name
    assert len(done.args[0].added_article_ids) == 1
    assert ui_window.article_list.model.rowCount() == len(UI_ARTICLES) + 1


def test_a_cancel_while_storing_rolls_the_file_back(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    path = tmp_path / "两段.txt"
    path.write_text("第一段。\n第二段。", encoding="utf-8")
    before = table_counts(ui_library)
    held = HeldStore(monkeypatch)
    service = ui_window.service
    with qtbot.waitSignal(service.import_cancelled, timeout=IMPORT_TIMEOUT_MS):
        service.import_files([path])
        qtbot.waitUntil(held.started.is_set, timeout=IMPORT_TIMEOUT_MS)
        service.cancel_import()
        held.release.set()
    qtbot.waitUntil(lambda: not service.is_importing)
    assert table_counts(ui_library) == before
    assert ui_window.article_list.model.rowCount() == len(UI_ARTICLES)
    assert spool_folders(ui_library) == []


def test_a_library_in_memory_is_stored_on_the_main_thread(tmp_path: Path, qtbot: Any) -> None:
    from reader.ui.library_service import LibraryService

    library = Library.in_memory()
    service = LibraryService(library)
    path = tmp_path / "两段.txt"
    path.write_text("第一段。\n第二段。", encoding="utf-8")
    try:
        with qtbot.waitSignal(service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS) as done:
            service.import_files([path])
        [article_id] = done.args[0].added_article_ids
        assert library.get_article(article_id).text == "第一段。\n第二段。"
    finally:
        service.shutdown()
        library.close()


def test_file_import_starts_where_the_reader_last_imported_from(
    ui_window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    from reader.ui.file_dialogs import FileChooser
    from tests.dialogs import choose_file_in_next_dialog, when_shown

    folder = tmp_path / "papers"
    folder.mkdir()
    page = folder / "spring.txt"
    page.write_text("春天来了，花开了。\n", encoding="utf-8")
    choose_file_in_next_dialog(page)
    with qtbot.waitSignal(ui_window.service.import_batch_finished, timeout=30_000):
        ui_window.import_action.trigger()
    opened_in: list[Path] = []

    def look(dialog: FileChooser) -> None:
        opened_in.append(dialog.folder)
        dialog.reject()

    when_shown(FileChooser, look)
    ui_window.import_action.trigger()
    assert opened_in == [folder]


def test_a_pdf_saved_under_a_text_name_is_asked_its_pages(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    """File ▸ Import asks which pages of a PDF to import by what the file is, not its name
    (the import itself reads it as a PDF either way)."""
    from PySide6.QtWidgets import QInputDialog

    from tests.dialogs import choose_file_in_next_dialog
    from tests.pdf_samples import newspaper_pdf

    pdf = tmp_path / "page-download.txt"
    pdf.write_bytes(newspaper_pdf())
    asked: list[str] = []

    def answer(parent: object, title: str, label: str, *args: object) -> Any:
        asked.append(label)
        return "2", True  # the second page only

    choose_file_in_next_dialog(pdf)
    monkeypatch.setattr(QInputDialog, "getText", answer)
    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.import_action.trigger()
    assert len(asked) == 1 and "page-download.txt" in asked[0]
    [outcome] = done.args[0].outcomes
    assert outcome.encoding == "PDF, page 2"  # read as a PDF, and of it only the page asked
    titles = [ui_library.get_article(i).title for i in outcome.article_ids]
    assert titles == ["在南部山区，农机推广站把小型农机送到村里", "乡村学校开设科学课"]
