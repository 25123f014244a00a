"""Edit ▸ Preferences… (Ctrl+,): the window's side of the Preferences dialog. It stores
and applies what the dialog changes, and at start adds the menu entries and applies the
stored reading style and theme. The dialog itself (`reader.ui.preferences_dialog`, with the
many widgets it needs) is imported and built when first opened, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.backup_keeper import SETTINGS_BACKUPS_KEEP, backups_to_keep
from reader.ui.reading_style import ReadingStyle
from reader.ui.theme import Theme, theme_of
from reader.ui.tones import TONE_COLOUR_SCHEMES, TONE_COLOURS_COLOUR_BLIND, TONE_COLOURS_FIVE

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.preferences_dialog import PreferencesDialog


class PreferencesController(QObject):
    """The window's side: applies and stores what the dialog changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings: QSettings = window.settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme: Theme = theme_of(app, self.settings)
        self.theme.changed.connect(self._theme_changed)
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(self.tr("Preferences…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+,"))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the app menu
        self.action.triggered.connect(self.open)

    def open(self) -> PreferencesDialog:
        if self.dialog is None:
            from reader.ui.preferences_dialog import PreferencesDialog

            self.dialog = PreferencesDialog(self, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def set_reading_style(self, style: ReadingStyle) -> None:
        style.save(self.settings)
        self.window.reading_view.set_reading_style(style)

    def set_tone_colours(self, scheme: str) -> None:
        if scheme in TONE_COLOUR_SCHEMES:
            self.window.set_tone_colours(scheme)  # the view, the card, the menu, the settings

    def export_folder(self) -> Path:
        from reader.ui.export_dialog import SETTINGS_PREFIX as EXPORT_PREFIX
        from reader.ui.export_dialog import default_destination

        saved = str(self.settings.value(EXPORT_PREFIX + "destination", "") or "")
        per_article = self.settings.value(EXPORT_PREFIX + "per_article", False, type=bool)
        if not saved:
            return default_destination(True)
        return Path(saved) if per_article else Path(saved).parent

    def set_export_defaults(self, folder: Path | None, options: dict[str, bool]) -> None:
        """The export dialog starts from these (it stores the same keys itself)."""
        from reader.ui.export_dialog import SETTINGS_PREFIX as EXPORT_PREFIX
        from reader.ui.export_dialog import default_destination

        for key, value in options.items():
            self.settings.setValue(EXPORT_PREFIX + key, value)
        if folder is not None:
            per_article = options.get("per_article", False)
            destination = folder if per_article else folder / default_destination(False).name
            self.settings.setValue(EXPORT_PREFIX + "destination", str(destination))

    def set_backups_to_keep(self, count: int) -> None:
        self.settings.setValue(SETTINGS_BACKUPS_KEEP, count)
        keeper = self.window.backup_keeper
        if keeper is not None:
            keeper.backups.keep_newest = backups_to_keep(self.settings)

    def _theme_changed(self, _dark: bool) -> None:
        # The widgets get the new palette through posted events: once they have it, lay the
        # text out again (the byline's colour is in the document's formats) and refill the
        # card (its tone colours are chosen when it is filled).
        QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        self.window.reading_view.set_reading_style(ReadingStyle.load(self.settings))
        self.window.cards.refresh()


def _menu_of(action: QAction) -> QMenu | None:
    return next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)


def install_preferences(window: MainWindow) -> PreferencesController:
    """Edit ▸ Preferences… (Ctrl+,), View ▸ Tone colours ▸ Colour-blind safe, and the
    stored reading style and theme applied. Call before `restore_state`."""
    controller = PreferencesController(window)
    edit_menu = _menu_of(window.undo_action)
    if edit_menu is not None:
        edit_menu.addSeparator()
        edit_menu.addAction(controller.action)
    else:  # no menu found: the shortcut still works
        window.addAction(controller.action)
    five = window.tone_colour_actions[TONE_COLOURS_FIVE]
    colour_blind = QAction(
        QCoreApplication.translate("PreferencesController", "&Colour-blind safe"),
        window,
        checkable=True,
    )
    colour_blind.setData(TONE_COLOURS_COLOUR_BLIND)
    window.tone_colour_group.addAction(colour_blind)
    tone_menu = _menu_of(five)
    if tone_menu is not None:
        tone_menu.addAction(colour_blind)
    window.tone_colour_actions[TONE_COLOURS_COLOUR_BLIND] = colour_blind
    window.reading_view.set_reading_style(ReadingStyle.load(window.settings))
    return controller
