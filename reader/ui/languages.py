"""Interface languages the reader can choose in Preferences (applied at the next start).

A placeholder written for Preferences: the i18n work (issue 16 §1) owns the catalogues and
the start-up code that reads SETTINGS_LANGUAGE; it may replace this module, keeping
`available_languages()` and the key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SETTINGS_LANGUAGE = "ui/language"
LANGUAGE_SYSTEM = "system"


def available_languages() -> list[tuple[str, str]]:
    """(code, label) pairs, "system" first; labels name each language in itself."""
    return [
        (LANGUAGE_SYSTEM, QCoreApplication.translate("Languages", "As the system")),
        ("en", "English"),
        ("zh_CN", "简体中文"),
    ]
