"""Which installed font to read Chinese in. Needs a running QGuiApplication."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

# Best first: serif faces read most like print; the rest are the usual system CJK fonts.
PREFERRED_CJK_FAMILIES: tuple[str, ...] = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
)


def simplified_chinese_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def has_simplified_chinese_font() -> bool:
    return bool(simplified_chinese_families())


def reading_font_family() -> str | None:
    """The first preferred CJK family that is installed, else None (use the default font,
    which Qt's font fallback may still render Chinese with)."""
    installed = set(QFontDatabase.families())
    return next((family for family in PREFERRED_CJK_FAMILIES if family in installed), None)
