"""The main window over a small library: list, filter, reading, state, drops, font warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import UI_ARTICLES
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from reader.ui import fonts
from reader.ui.application import create_main_window
from reader.ui.main_window import NO_CHINESE_FONT_MESSAGE, MainWindow

TITLES = [title for title, _, _ in UI_ARTICLES]


def listed_titles(window: MainWindow) -> list[str]:
    proxy = window.article_list.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def article_id_titled(window: MainWindow, title: str) -> int:
    return next(a.id for a in window.service.articles() if a.title == title)


def test_list_shows_every_article_with_byline_and_length(ui_window: MainWindow) -> None:
    assert listed_titles(ui_window) == TITLES
    first = ui_window.article_list.proxy.index(0, 0)
    tooltip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert "记者 张三" in tooltip and f"{len(UI_ARTICLES[0][2])} 字" in tooltip
    assert ui_window.count_label.text() == "3 articles"


def test_first_article_opens_on_a_fresh_start(ui_window: MainWindow) -> None:
    assert ui_window.article_list.selected_article_id() == article_id_titled(ui_window, TITLES[0])
    assert ui_window.windowTitle() == f"Yuedu — {TITLES[0]}"


def test_filter_matches_title_or_byline_ignoring_case(ui_window: MainWindow) -> None:
    ui_window.article_list.filter_edit.setText("markup")
    assert listed_titles(ui_window) == ["Markup stays text"]
    assert ui_window.count_label.text() == "1 of 3 articles"
    ui_window.article_list.filter_edit.setText("李四")  # byline only
    assert listed_titles(ui_window) == ["秋天"]
    ui_window.article_list.filter_edit.setText("nothing like this")
    assert listed_titles(ui_window) == []
    ui_window.article_list.filter_edit.clear()
    assert listed_titles(ui_window) == TITLES


def test_clicking_a_row_shows_that_article(ui_window: MainWindow, qtbot: Any) -> None:
    view = ui_window.article_list.view
    rect = view.visualRect(ui_window.article_list.proxy.index(2, 0))
    with qtbot.waitSignal(ui_window.article_list.article_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [article_id_titled(ui_window, "秋天")]
    text = ui_window.reading_view.toPlainText()
    assert text.splitlines() == ["秋天", "李四", "秋天来了。"]
    assert ui_window.windowTitle() == "Yuedu — 秋天"


def test_keyboard_moves_between_articles(ui_window: MainWindow, qtbot: Any) -> None:
    view = ui_window.article_list.view
    view.setFocus()
    with qtbot.waitSignal(ui_window.article_list.article_activated):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert ui_window.reading_view.article_id == article_id_titled(ui_window, TITLES[1])


def test_markup_in_an_article_is_shown_literally(ui_window: MainWindow) -> None:
    ui_window.article_list.select_article(article_id_titled(ui_window, "Markup stays text"))
    view = ui_window.reading_view
    assert view.toPlainText().splitlines() == [
        "Markup stays text",
        "Byline <i>",
        "<b>x</b> &amp; <img src=x>",
        "第二段。",
    ]
    html = view.document().toHtml()
    assert "<img" not in html.replace("&lt;img", "")  # no image was created from the text
    assert view.document().loadResource(2, QUrl("x")) is None


def test_body_start_maps_body_offsets_to_document_positions(ui_window: MainWindow) -> None:
    ui_window.article_list.select_article(article_id_titled(ui_window, TITLES[0]))
    view = ui_window.reading_view
    body = UI_ARTICLES[0][2]
    document_text = view.document().toPlainText()
    # BMP-only text: body offset k is document position body_start + k.
    assert document_text[view.body_start : view.body_start + len(body)] == body
    block = view.document().findBlock(view.body_start)
    assert block.position() == view.body_start and block.text() == "第一段春天。"
    assert block.blockFormat().bottomMargin() > 0  # paragraphs are spaced apart


def test_state_is_restored_in_a_new_window(
    ui_window: MainWindow, ui_library: Any, ui_settings: QSettings, qtbot: Any
) -> None:
    chosen = article_id_titled(ui_window, "秋天")
    ui_window.article_list.select_article(chosen)
    ui_window.splitter.setSizes([200, 700])
    ui_window.close()

    again = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(again)
    again.show()
    assert again.article_list.selected_article_id() == chosen
    assert again.reading_view.article_id == chosen
    # restoreGeometry clamps to the (offscreen, small) screen, so only the list width is
    # compared; the window size is checked as saved.
    assert again.splitter.sizes()[0] == 200
    assert ui_settings.value("main_window/geometry") is not None


def test_missing_last_article_falls_back_to_the_first(
    ui_library: Any, ui_settings: QSettings, qtbot: Any
) -> None:
    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    window.reading_view.show_article(ui_library.get_article(ui_library.list_articles()[2].id))
    window.save_state()
    window.close()
    [key] = [k for k in ui_settings.allKeys() if k.startswith("main_window/last_article/")]
    ui_settings.setValue(key, 9999)  # gone since
    again = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(again)
    assert again.reading_view.article_id == ui_library.list_articles()[0].id


def test_each_library_reopens_at_its_own_last_article(
    ui_library: Any, ui_settings: QSettings, qtbot: Any, tmp_path: Path
) -> None:
    from reader.library.store import Library, NewArticle, NewSource

    last = ui_library.list_articles()[2].id
    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    window.article_list.select_article(last)
    window.close()
    with Library.open(tmp_path / "other.sqlite3") as other:
        texts = [f"另一个文库的第{n}篇。" for n in range(4)]
        other.add_source(
            NewSource.whole("o.txt", "UTF-8", "o" * 64, 1, "\n".join(texts), texts),
            [NewArticle(t, False, "", t, n, n + 1, [len(t)]) for n, t in enumerate(texts)],
        )
        elsewhere = create_main_window(other, ui_settings)
        qtbot.addWidget(elsewhere)
        # The same id in another library is another text: that library opens at its first.
        assert elsewhere.reading_view.article_id == other.list_articles()[0].id
        elsewhere.close()
    back = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(back)
    assert back.reading_view.article_id == last


def test_dropped_files_are_imported(ui_window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("拖进来的文章。\n第二段。", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(ui_window.service.import_batch_finished, timeout=30000):
        ui_window.dropEvent(event)
    assert event.isAccepted()
    # Drops anywhere reach the window: no child takes them for itself.
    assert not ui_window.reading_view.viewport().acceptDrops()
    assert not ui_window.article_list.filter_edit.acceptDrops()
    assert ui_window.service.article_count() == len(UI_ARTICLES) + 1
    assert "拖进来的文章。" in ui_window.reading_view.toPlainText()


@pytest.mark.parametrize("has_font", [False, True])
def test_missing_chinese_font_is_reported_once(
    has_font: bool,
    ui_window: MainWindow,
    ui_library: Any,
    ui_settings: QSettings,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fonts, "has_simplified_chinese_font", lambda: has_font)
    assert ui_window.warn_if_no_chinese_font() is not has_font
    shown = ui_window.statusBar().currentMessage() == NO_CHINESE_FONT_MESSAGE
    assert shown is not has_font
    assert not ui_window.findChildren(QMessageBox)  # never a modal interruption

    second = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(second)
    assert second.warn_if_no_chinese_font() is False


def test_help_is_the_last_menu_and_menus_are_found_by_role(ui_window: Any) -> None:
    """Modules add entries to the window's menus by role (`window.menus`), never by their
    text, which a translated interface changes; Help stays last, as on every desktop."""
    titles = [action.text() for action in ui_window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert set(ui_window.menus) == {"file", "edit", "view", "help"}
    assert ui_window.menus["view"].menuAction().text() == "&View"
