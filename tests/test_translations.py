"""Issue 16 §1: every string of the interface is in the Chinese catalogue, translated; the
compiled .qm matches the .ts; a window built under zh_CN shows Chinese menus and Qt's own
buttons in Chinese; "en" keeps English."""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from i18n_scan import UI_DIR, bare_strings, core_messages, translatable_strings  # noqa: E402

from reader.ui.languages import (  # noqa: E402
    ENGLISH,
    LANGUAGE_KEY,
    SIMPLIFIED_CHINESE,
    SYSTEM,
    available_languages,
    catalogue_path,
    install_translators,
    language_for,
    remove_translators,
)

TS = ROOT / "resources" / "translations" / "yuedu_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def catalogue() -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished), read straight from the XML."""
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            form = translation.find("numerusform")
            text = (form.text if form is not None else translation.text) or ""
            finished = translation.get("type") is None
            entries[(name, message.findtext("source") or "")] = (text, finished)
    return entries


@pytest.mark.parametrize("scan", [translatable_strings, core_messages], ids=["ui", "core"])
def test_every_ui_string_is_in_the_catalogue_with_a_chinese_translation(scan: Any) -> None:
    """The interface's strings, and the core's `message("…")` templates (refusals,
    warnings, progress stages) that the window translates (reader/ui/core_text.py)."""
    messages = scan()
    assert len(messages) > 100  # the scan found the strings (not an empty folder)
    entries = catalogue()
    problems = []
    for message in messages:
        text, finished = entries.get((message.context, message.source), ("", False))
        # Acronyms (HSK) stay as they are in Chinese too; any English word is a miss. A
        # source of placeholders and punctuation alone ("{file}: {stage}") has no words.
        words = re.sub(r"\b[A-Z]{2,}\b", "", PLACEHOLDER.sub("", message.source))
        if not text or not finished:
            problems.append(f"{message.path}:{message.line} [{message.context}] {message.source!r}")
        elif not re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[A-Za-z]{3}", words):
            problems.append(f"not Chinese: {message.source!r} → {text!r}")
    assert not problems, "untranslated (run tools/update_translations.py):\n" + "\n".join(problems)


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops {name} or %n would show a wrong text, or raise in format()."""
    for (context, source), (text, _) in catalogue().items():
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
            text,
        )


def test_no_bare_strings_reach_the_screen() -> None:
    bare = [f"{m.path}:{m.line} {m.source!r}" for m in bare_strings()]
    assert not bare, "wrap these in self.tr()/QCoreApplication.translate:\n" + "\n".join(bare)


def method_calls(name: str) -> Iterator[tuple[str, ast.Call]]:
    """Every call of a method `name` (`x.name(…)`) in reader/ui, with its place."""
    for path in sorted(UI_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == name
            ):
                yield f"{path.name}:{node.lineno}", node


def test_translate_calls_name_their_context_literally() -> None:
    """The scan (and lupdate) only see translate("Context", …): a context in a variable
    would hide the string from the catalogue."""
    hidden = [
        place
        for place, call in method_calls("translate")
        if len(call.args) >= 2 and not isinstance(call.args[0], ast.Constant)
    ]
    assert not hidden


def test_tr_is_called_on_self_only() -> None:
    """The scan sees `self.tr("…")` in a class (the class is the context); `other.tr("…")`
    outside one is hidden from it, and its string stays English under a Chinese window (File
    ▸ Open library… did so). Outside a class, QCoreApplication.translate names the context."""
    receivers = [(place, getattr(call.func, "value", None)) for place, call in method_calls("tr")]
    hidden = [
        place
        for place, receiver in receivers
        if not (isinstance(receiver, ast.Name) and receiver.id == "self")
    ]
    assert not hidden


def test_no_function_wraps_translation_around_its_argument() -> None:
    """A helper like `def _tr(text): return translate("Ctx", text)` hides every string it
    is called with from the scan: those strings never reach the catalogue (the source info
    box stayed English under a Chinese window so)."""
    wrappers = []
    for path in sorted(UI_DIR.glob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            parameters = {argument.arg for argument in function.args.args}
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                text = node.args[1:2] if name == "translate" else node.args[:1]
                if name in ("tr", "translate") and text and isinstance(text[0], ast.Name):
                    if text[0].id in parameters:
                        wrappers.append(f"{path.name}:{node.lineno} {function.name}")
    assert not wrappers


def test_the_scan_sees_strings_in_every_call_shape(tmp_path: Path) -> None:
    """The checker itself: tr() in a class, translate() anywhere, NOOP markers, and the bare
    literals, f-strings, conditionals, lists and picks from a dict it must refuse."""
    (tmp_path / "sample.py").write_text(
        "class Panel:\n"
        "    def build(self):\n"
        "        self.setWindowTitle(self.tr('Panel title'))\n"
        "        QLabel('Bare label')\n"
        "        box.setText(f'{n} bare items')\n"
        "        box.setToolTip(self.tr('A') if x else 'Bare tip')\n"
        "        box.setText('')\n"
        "        table.setHorizontalHeaderLabels(['Bare header', self.tr('B')])\n"
        "        button.setText({1: 'Bare choice', 2: self.tr('C')}[mode])\n"
        "X = QT_TRANSLATE_NOOP('Ctx', 'Marked')\n"
        "def f():\n"
        "    return QCoreApplication.translate('Other', 'Plain %n', '', 3)\n",
        encoding="utf-8",
    )
    found = {(m.context, m.source, m.numerus) for m in translatable_strings(tmp_path)}
    assert found == {
        ("Panel", "Panel title", False),
        ("Panel", "A", False),
        ("Panel", "B", False),
        ("Panel", "C", False),
        ("Ctx", "Marked", False),
        ("Other", "Plain %n", True),
    }
    assert [m.source for m in bare_strings(tmp_path)] == [
        "Bare label",
        " bare items",
        "Bare tip",
        "Bare header",
        "Bare choice",
    ]


def test_the_compiled_catalogue_matches_the_ts(qapp: Any) -> None:
    """The committed .qm is what users load: it must hold every translation of the .ts
    (tools/update_translations.py rebuilds it)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(catalogue_path(SIMPLIFIED_CHINESE)))
    stale = []
    for (context, source), (text, _) in catalogue().items():
        count = 2 if "%n" in source else -1  # QCoreApplication puts the count in, not this
        shown = translator.translate(context, source, None, count)
        if shown != text:
            stale.append((context, source, shown))
    assert not stale, stale


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        (SYSTEM, "zh_CN", SIMPLIFIED_CHINESE),
        (SYSTEM, "zh_TW", SIMPLIFIED_CHINESE),
        (SYSTEM, "en_GB", ENGLISH),
        (SYSTEM, "C", ENGLISH),
        (ENGLISH, "zh_CN", ENGLISH),
        (SIMPLIFIED_CHINESE, "de_DE", SIMPLIFIED_CHINESE),
        ("klingon", "zh_CN", SIMPLIFIED_CHINESE),  # unknown setting: as "system"
    ],
)
def test_language_follows_the_setting_then_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert language_for(setting, system) == expected


def test_available_languages_offer_system_english_and_chinese(qapp: Any) -> None:
    values = [value for value, _ in available_languages()]
    assert values == [SYSTEM, ENGLISH, SIMPLIFIED_CHINESE]
    assert LANGUAGE_KEY == "ui/language"


@pytest.fixture
def chinese(qapp: Any) -> Iterator[list[Any]]:
    translators = install_translators(qapp, SIMPLIFIED_CHINESE)
    yield translators
    remove_translators(qapp, translators)


def menu_titles(window: Any) -> list[str]:
    return [MNEMONIC.sub("", action.text()) for action in window.menuBar().actions()]


HAN = re.compile(r"[\u4e00-\u9fff]")


def every_menu_entry(window: Any) -> list[str]:
    """The text of every entry of every menu of the menu bar, submenus included."""
    texts, menus = [], [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            if not action.isSeparator() and action.text():
                texts.append(action.text())
    return texts


def test_a_window_under_zh_cn_shows_chinese_menus(
    chinese: list[Any], ui_library: Any, ui_settings: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QCoreApplication

    from reader.ui.application import create_main_window

    assert len(chinese) == 2, "Yuedu's and Qt's catalogues both load"
    window = create_main_window(ui_library, ui_settings)
    qtbot.addWidget(window)
    try:
        titles = menu_titles(window)
        for title in ("文件", "编辑", "视图", "帮助"):
            assert titles.count(title) == 1, titles  # helpers add to the menus, not beside
        assert MNEMONIC.sub("", window.import_action.text()) == "导入…"
        assert MNEMONIC.sub("", window.export_action.text()) == "导出批注…"
        assert MNEMONIC.sub("", window.pinyin_above_action.text()) == "拼音注音"
        assert window.annotation_dock.windowTitle() == "批注"
        english = [text for text in every_menu_entry(window) if not HAN.search(text)]
        assert not english, english  # an entry whose string the scan could not see stays so
        from PySide6.QtWidgets import QDialogButtonBox

        from reader.ui.file_dialogs import OPEN_FILES, SAVE_FILE, FileChooser

        for mode, label in ((OPEN_FILES, "打开"), (SAVE_FILE, "保存")):
            chooser = FileChooser(window, "", mode)
            ok = chooser.buttons.button(QDialogButtonBox.StandardButton.Ok)
            assert MNEMONIC.sub("", ok.text()) == label
            chooser.deleteLater()
        # Qt's own strings (standard buttons) come from qtbase_zh_CN.qm
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        window.service.shutdown()
        window.pinyin.shutdown()


def test_english_stays_english(ui_window: Any, qapp: Any) -> None:
    assert install_translators(qapp, ENGLISH) == []
    titles = menu_titles(ui_window)
    assert titles[:3] == ["File", "Edit", "View"]
    assert titles[-1] == "Help"  # the Words menu goes before Help
    assert ui_window.import_action.text() == "&Import…"


def test_configure_application_uses_the_stored_language(ui_settings: Any, qapp: Any) -> None:
    """The choice stored under ui/language is what the next start installs."""
    from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

    from reader.paths import APP_NAME
    from reader.ui.application import configure_application

    # The app's own settings file, under the test's settings folder (see ui_settings).
    stored = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    assert str(ui_settings.fileName()).startswith(str(Path(stored.fileName()).parent.parent))
    stored.setValue(LANGUAGE_KEY, SIMPLIFIED_CHINESE)
    stored.sync()
    before = len(qapp.findChildren(QTranslator))
    try:
        configure_application(qapp)
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        remove_translators(qapp, qapp.findChildren(QTranslator)[before:])
        QCoreApplication.setOrganizationName("YueduTests")
        QCoreApplication.setApplicationName("YueduTests")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_ts_file_is_current_with_the_code() -> None:
    """No stale entries either: the .ts is exactly what tools/update_translations.py writes."""
    import update_translations

    assert update_translations.main(["--check"]) == 0


def test_the_source_info_box_reads_in_chinese(chinese: list[Any]) -> None:
    from reader.ui.source_actions import format_line

    assert format_line("PDF, pages 3-5") == "格式：PDF，第 3–5 页"
    assert format_line("GB18030") == "编码：GB18030"


def test_search_hits_say_where_they_were_found_in_chinese(
    chinese: list[Any], ui_window: Any, qtbot: Any
) -> None:
    """Each hit in the Search dock names its field ([text], [title]…): in the window's
    language, as the rest of the line is."""
    dock = ui_window.search.dock
    dock.line_edit.setText("第二段")
    dock.ask()
    tree = dock.results
    hits = [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert hits and all(hit.startswith("[正文]") for hit in hits), hits
