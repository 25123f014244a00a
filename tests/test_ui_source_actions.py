"""The article list's "Source file info…" and "Update from the file…" (issue 16 §5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from reader.library.source_info import size_text


def list_action(window: Any, article_id: int, label: str) -> Any:
    panel = window.article_list
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(article_id), 0))
    menu = panel.menu_for(index)
    return next(action for action in menu.actions() if action.text() == label)


def visible_box(window: Any) -> Any:
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return box


PAGE = "春天来了，花都开了。\n\n小明每天早上去公园跑步。\n"


def test_source_info_names_the_file_its_encoding_time_and_size(
    imported_library: Any, shown_window: Any, tmp_path: Path
) -> None:
    library = imported_library(PAGE, name="spring.txt")
    window = shown_window(library)
    article_id = window.service.articles()[0].id
    list_action(window, article_id, "Source file info…").trigger()
    text = visible_box(window).text()
    size = len(PAGE.encode("utf-8"))
    assert "File: spring.txt" in text
    encoding, imported_at = library.conn.execute(
        "SELECT encoding, imported_at FROM sources"
    ).fetchone()
    assert encoding.lower().replace("_", "-").startswith("utf-8")
    assert f"Encoding: {encoding}" in text
    assert f"Size: {size} bytes\n" in text and text.count("bytes") == 1  # said once
    assert imported_at[:10] in text  # the date it was imported
    assert "Articles from this file: 1" in text


def test_sizes_read_like_sizes() -> None:
    assert size_text(812) == "812 bytes"
    assert size_text(18_400) == "18.4 KB"
    assert size_text(2_100_000) == "2.1 MB"


def test_update_from_the_file_updates_the_article_in_place(
    imported_library: Any, shown_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    library = imported_library(PAGE, name="spring.txt")
    window = shown_window(library)
    [summary] = window.service.articles()
    changed = tmp_path / "elsewhere" / "spring.txt"
    changed.parent.mkdir()
    changed.write_text(PAGE.replace("公园", "河边"), encoding="utf-8")
    actions = window.source_actions
    actions.ask_file = lambda parent, caption: [changed]
    list_action(window, summary.id, "Update from the file…").trigger()
    qtbot.waitUntil(lambda: not window.service.is_importing, timeout=20000)
    qtbot.waitUntil(lambda: "河边" in (window.service.article(summary.id) or summary).text)
    # In place: the same article, not a second copy.
    assert [a.id for a in window.service.articles()] == [summary.id]
    assert actions.pending_updates == set()


def test_update_refuses_a_file_of_another_name(
    imported_library: Any, shown_window: Any, tmp_path: Path
) -> None:
    library = imported_library(PAGE, name="spring.txt")
    window = shown_window(library)
    [summary] = window.service.articles()
    other = tmp_path / "autumn.txt"
    other.write_text("秋天来了。", encoding="utf-8")
    window.source_actions.ask_file = lambda parent, caption: [other]
    list_action(window, summary.id, "Update from the file…").trigger()
    assert "autumn.txt is not spring.txt" in visible_box(window).text()
    assert not window.service.is_importing
    assert len(window.service.articles()) == 1


def test_a_documents_label_reads_as_its_format_and_pages(qapp: Any) -> None:
    from reader.ui.source_actions import format_line

    assert format_line("GB18030") == "Encoding: GB18030"
    assert format_line("EPUB") == "Format: EPUB"
    assert format_line("PDF, page 2") == "Format: PDF, page 2"
    assert format_line("PDF, pages 3-5") == "Format: PDF, pages 3–5"
    assert format_line("PDF-ish") == "Encoding: PDF-ish"  # not a label the importer writes
