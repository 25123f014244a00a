"""The interface's language: which one the reader chose, and loading its translations.

The choice is stored with QSettings under LANGUAGE_KEY: "system" (the default: Chinese
when the system locale is Chinese, else English), "en" or "zh_CN". It applies at the next
start: translators are installed once, in `configure_application`, before any window.

Catalogue: resources/translations/yuedu_<language>.ts (Qt Linguist), compiled to the .qm
beside it by tools/update_translations.py; the .qm is committed, so neither the package
build nor the first run needs Qt's tools. Qt's own strings (standard buttons, the file
dialog's labels) come from Qt's qtbase_<language>.qm, shipped with PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from reader.paths import RESOURCES_DIR

LANGUAGE_KEY = "ui/language"
SYSTEM, ENGLISH, SIMPLIFIED_CHINESE = "system", "en", "zh_CN"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
# The languages with a catalogue (English is the source language and needs none).
TRANSLATED = (SIMPLIFIED_CHINESE,)
# The names the Preferences dialog imports (it was written against a placeholder module).
SETTINGS_LANGUAGE, LANGUAGE_SYSTEM = LANGUAGE_KEY, SYSTEM


def available_languages() -> list[tuple[str, str]]:
    """(setting value, label) for a Preferences chooser, in the order to list them. The
    languages' own names are not translated: a reader finds their language by its name."""
    return [
        (SYSTEM, QCoreApplication.translate("Languages", "System language")),
        (ENGLISH, "English"),
        (SIMPLIFIED_CHINESE, "简体中文"),
    ]


def language_for(setting: str, system_locale: str) -> str:
    """The language shown for a stored `setting` under `system_locale` ("zh_CN", "en_GB"…).
    Any Chinese locale gets Simplified Chinese (the only Chinese catalogue); an unknown
    setting counts as "system"."""
    if setting in (ENGLISH, SIMPLIFIED_CHINESE):
        return setting
    return SIMPLIFIED_CHINESE if system_locale.lower().startswith("zh") else ENGLISH


def chosen_language(settings: QSettings | None = None) -> str:
    settings = settings if settings is not None else QSettings()
    stored = str(settings.value(LANGUAGE_KEY, SYSTEM))
    return language_for(stored, QLocale.system().name())


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"yuedu_{language}.qm"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Yuedu's and Qt's translations for `language` into `app`; returns the
    translators installed (kept alive by the app's property below). English installs none.
    A missing catalogue leaves that part in English rather than failing the start."""
    if language not in TRANSLATED:
        return []
    installed: list[QTranslator] = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_translations), ("yuedu", str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)  # parented: lives as long as the app
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install_translators` (tests switch languages within one QApplication)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
