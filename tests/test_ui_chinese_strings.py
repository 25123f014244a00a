"""Strings the Chinese interface showed in English: the rename dialog's label, the library
chooser's file types, the About box's credits, the export's default file name, the card's
measure-word label; the scan that lets such strings through; one set of terms."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from i18n_scan import bare_strings  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from reader.ui.languages import SIMPLIFIED_CHINESE, install_translators, remove_translators

    translators = install_translators(qapp, SIMPLIFIED_CHINESE)
    yield
    remove_translators(qapp, translators)


def test_the_rename_dialog_asks_in_chinese(
    chinese: None, ui_library: Any, ui_settings: Any, qtbot: Any
) -> None:
    from reader.ui.application import create_main_window

    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    article_id = ui_library.list_articles()[0].id
    window.article_list.rename_requested.emit(article_id)
    (dialog,) = [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    assert dialog.labelText() == "标题："
    dialog.reject()


def test_file_types_credits_export_name_and_card_labels_are_chinese(chinese: None) -> None:
    from reader.ui.export_dialog import default_destination
    from reader.ui.library_switch import library_filter
    from reader.ui.messages import about_text
    from reader.ui.word_card import measure_labels

    assert library_filter().startswith("阅读文库 (*.sqlite3 *.sqlite *.db)")
    assert default_destination(per_article=False).name == "阅读批注.md"
    assert measure_labels() == ("量词", "量词")
    about = about_text(None)
    assert "Dictionary data" not in about and "词典数据：CC-CEDICT" in about
    assert "https://www.mdbg.net/chinese/dictionary?page=cedict" in about
    for credit in (
        "defusedxml（PSF-2.0）",
        "genanki（MIT）",
        "zstandard（BSD）",
        "OpenCC（Apache-2.0）",
    ):
        assert credit in about


def test_english_keeps_the_english_words(qapp: Any) -> None:
    from reader.ui.export_dialog import default_destination
    from reader.ui.messages import about_text

    assert default_destination(per_article=False).name == "Yuedu annotations.md"
    about = about_text(None)
    assert "Dictionary data: CC-CEDICT (https://www.mdbg.net/" in about
    assert "defusedxml (PSF-2.0)" in about and "OpenCC (Apache-2.0)" in about


def test_the_scan_sees_constants_helpers_and_file_filters(tmp_path: Path) -> None:
    (tmp_path / "panel.py").write_text(
        'FILTER = "Libraries (*.db)"\n'
        "def ask(parent):\n"
        '    ask_text(parent, self.tr("Rename"), "Title:", "", print)\n'
        '    ask_open_file_names(parent, self.tr("Open"), FILTER)\n'
        '    QFileDialog.getSaveFileName(parent, self.tr("Save"), "", "Notes (*.md)")\n',
        encoding="utf-8",
    )
    assert [m.source for m in bare_strings(tmp_path)] == [
        "Title:",
        "Libraries (*.db)",
        "Notes (*.md)",
    ]


def test_one_word_per_idea_across_the_catalogue() -> None:
    """highlight = 高亮, quote (its text) = 摘录, comment and annotation = 批注, orphaned =
    失去原文位置, library = 文库: 标注 (a word for pinyin shown over characters) and 书库
    never name them."""
    root = ET.parse(ROOT / "resources" / "translations" / "yuedu_zh_CN.ts").getroot()
    mixed = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
        text = "".join(forms)
        if re.search(r"highlight|annotation|comment|quote", source, re.I) and "标注" in text:
            mixed.append((source, text))
        if "书库" in text or "原文已丢失" in text:
            mixed.append((source, text))
    assert not mixed, mixed
