"""The highlight colours' names as the reader sees them, in the interface's language.

The stored colour is an English key ("yellow"); menus, tooltips and filters show this name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _names() -> dict[str, str]:
    # Literal calls so that tools/update_translations.py finds every name.
    return {
        "yellow": QCoreApplication.translate("Colours", "Yellow"),
        "green": QCoreApplication.translate("Colours", "Green"),
        "blue": QCoreApplication.translate("Colours", "Blue"),
        "pink": QCoreApplication.translate("Colours", "Pink"),
        "purple": QCoreApplication.translate("Colours", "Purple"),
    }


def colour_name(colour: str) -> str:
    """`colour`'s shown name; an unknown key is shown capitalised rather than refused."""
    return _names().get(colour, colour.capitalize())
