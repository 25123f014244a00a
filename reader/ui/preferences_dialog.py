"""Preferences (Ctrl+,): the reading font and its size, line spacing, page width, tone
colours, pinyin size, theme, interface language, export defaults and backups.

Every change is stored in QSettings at once and applied live where it can be: the text is
laid out anew, the palette switches; the language takes effect at the next start (the
dialog says so). `install_preferences` is what the window calls: it adds the entry to the
Edit menu, the colour-blind palette to View ▸ Tone colours, and restores the reading style
and the theme at start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.backup_keeper import BACKUPS_KEEP_RANGE, backups_to_keep
from reader.ui.export_dialog import SETTINGS_PREFIX as EXPORT_PREFIX
from reader.ui.fonts import reading_font_family, simplified_chinese_families
from reader.ui.languages import LANGUAGE_SYSTEM, SETTINGS_LANGUAGE, available_languages
from reader.ui.reading_style import (
    FONT_SIZE_RANGE,
    LINE_SPACING_RANGE,
    PAGE_WIDTH_RANGE,
    PINYIN_SIZE_RANGE,
    ReadingStyle,
)
from reader.ui.theme import THEME_DARK, THEME_LIGHT, THEME_SYSTEM
from reader.ui.tones import (
    TONE_COLOURS_COLOUR_BLIND,
    TONE_COLOURS_FIVE,
    TONE_COLOURS_NONE,
)

if TYPE_CHECKING:
    from reader.ui.preferences import PreferencesController

SETTINGS_TONE_COLOURS = "reading/tone_colours"  # main_window's key, read here for the dialog


def _spin(low: float, high: float, value: float, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(int(low), int(high))
    box.setValue(int(value))
    box.setSuffix(suffix)
    return box


class PreferencesDialog(QDialog):
    """The dialog; `controller` applies and stores what changes."""

    def __init__(self, controller: PreferencesController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        settings = controller.settings
        style = ReadingStyle.load(settings)
        self.setWindowTitle(self.tr("Preferences"))

        self.font_box = QComboBox()
        automatic = reading_font_family()
        self.font_box.addItem(
            self.tr("Automatic ({family})").format(family=automatic or self.tr("system font")),
            "",
        )
        for family in simplified_chinese_families():
            self.font_box.addItem(family, family)
        index = self.font_box.findData(style.family)
        self.font_box.setCurrentIndex(max(0, index))
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(*FONT_SIZE_RANGE)
        self.size_box.setSingleStep(0.5)
        self.size_box.setDecimals(1)
        self.size_box.setValue(style.point_size)
        self.size_box.setSuffix(self.tr(" pt"))
        self.spacing_box = _spin(*LINE_SPACING_RANGE, style.line_spacing, " %")
        self.width_box = _spin(*PAGE_WIDTH_RANGE, style.page_width, self.tr(" characters"))
        self.pinyin_box = _spin(*PINYIN_SIZE_RANGE, style.pinyin_percent, " %")
        self.tone_box = QComboBox()
        for scheme, label in (
            (TONE_COLOURS_FIVE, self.tr("Five colours (red, orange, green, blue, grey)")),
            (TONE_COLOURS_COLOUR_BLIND, self.tr("Colour-blind safe")),
            (TONE_COLOURS_NONE, self.tr("None")),
        ):
            self.tone_box.addItem(label, scheme)
        self.tone_box.setCurrentIndex(
            max(0, self.tone_box.findData(settings.value(SETTINGS_TONE_COLOURS, TONE_COLOURS_FIVE)))
        )
        reading = QGroupBox(self.tr("Reading"))
        form = QFormLayout(reading)
        form.addRow(self.tr("Font:"), self.font_box)
        form.addRow(self.tr("Size:"), self.size_box)
        form.addRow(self.tr("Line spacing:"), self.spacing_box)
        form.addRow(self.tr("Page width (at most):"), self.width_box)
        form.addRow(self.tr("Pinyin above the text:"), self.pinyin_box)
        form.addRow(self.tr("Tone colours:"), self.tone_box)

        self.theme_box = QComboBox()
        for choice, label in (
            (THEME_SYSTEM, self.tr("As the system")),
            (THEME_LIGHT, self.tr("Light")),
            (THEME_DARK, self.tr("Dark")),
        ):
            self.theme_box.addItem(label, choice)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(controller.theme.choice)))
        self.language_box = QComboBox()
        for code, label in available_languages():
            self.language_box.addItem(label, code)
        language = str(settings.value(SETTINGS_LANGUAGE, LANGUAGE_SYSTEM))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        appearance = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(appearance)
        form.addRow(self.tr("Theme:"), self.theme_box)
        form.addRow(self.tr("Interface language:"), self.language_box)
        form.addRow("", QLabel(self.tr("A new language takes effect when Yuedu starts again.")))

        self.export_folder = QLineEdit(str(controller.export_folder()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_export_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        self.per_article_box = QCheckBox(self.tr("A file per article"))
        self.export_pinyin_box = QCheckBox(self.tr("Pinyin of highlighted text"))
        self.export_context_box = QCheckBox(self.tr("The sentence around each highlight"))
        self.export_orphans_box = QCheckBox(self.tr("Highlights whose text was lost"))
        for box, key, default in self._export_boxes():
            box.setChecked(settings.value(EXPORT_PREFIX + key, default, type=bool))
        export = QGroupBox(self.tr("Export"))
        form = QFormLayout(export)
        form.addRow(self.tr("Folder:"), folder_row)
        for box, _key, _default in self._export_boxes():
            form.addRow("", box)

        self.keep_box = _spin(*BACKUPS_KEEP_RANGE, backups_to_keep(settings), "")
        backups = QGroupBox(self.tr("Backups"))
        form = QFormLayout(backups)
        form.addRow(self.tr("Keep the newest:"), self.keep_box)
        form.addRow(
            "",
            QLabel(
                self.tr(
                    "Backups are kept in the “backups” folder next to the library, with one"
                    " a day for the last week as well."
                )
            ),
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for group in (reading, appearance, export, backups):
            layout.addWidget(group)
        layout.addWidget(buttons)
        self._connect()

    def _export_boxes(self) -> list[tuple[QCheckBox, str, bool]]:
        return [
            (self.per_article_box, "per_article", False),
            (self.export_pinyin_box, "pinyin", False),
            (self.export_context_box, "context", False),
            (self.export_orphans_box, "orphans", True),
        ]

    def _connect(self) -> None:
        for combo in (self.font_box,):
            combo.currentIndexChanged.connect(self._style_changed)
        for spin in (self.size_box, self.spacing_box, self.width_box, self.pinyin_box):
            spin.valueChanged.connect(self._style_changed)
        self.tone_box.currentIndexChanged.connect(
            lambda _: self.controller.set_tone_colours(str(self.tone_box.currentData()))
        )
        self.theme_box.currentIndexChanged.connect(
            lambda _: self.controller.theme.set_choice(str(self.theme_box.currentData()))
        )
        self.language_box.currentIndexChanged.connect(
            lambda _: self.controller.settings.setValue(
                SETTINGS_LANGUAGE, str(self.language_box.currentData())
            )
        )
        self.export_folder.editingFinished.connect(self._export_changed)
        for box, _key, _default in self._export_boxes():
            box.toggled.connect(self._export_changed)
        self.keep_box.valueChanged.connect(self.controller.set_backups_to_keep)
        self.finished.connect(self._export_changed)  # a folder typed, then the dialog closed

    def reading_style(self) -> ReadingStyle:
        return ReadingStyle(
            family=str(self.font_box.currentData() or ""),
            point_size=self.size_box.value(),
            line_spacing=self.spacing_box.value(),
            page_width=self.width_box.value(),
            pinyin_percent=self.pinyin_box.value(),
        )

    def _style_changed(self, *_: object) -> None:
        self.controller.set_reading_style(self.reading_style())

    def _choose_export_folder(self) -> None:
        from reader.ui.file_dialogs import ask_existing_directory  # never Qt's own dialog

        folder = ask_existing_directory(self, self.tr("Export folder"), self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)
            self._export_changed()

    def _export_changed(self, *_: object) -> None:
        text = self.export_folder.text().strip()
        folder = Path(text).expanduser() if text else None
        options = {key: box.isChecked() for box, key, _default in self._export_boxes()}
        self.controller.set_export_defaults(folder, options)
