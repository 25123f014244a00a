"""The hover card: a word's pinyin for this occurrence, its CC-CEDICT glosses, and the way
to correct the reading. It shows a `WordInfo` and asks for changes by signal; it never
reaches the library or the dictionary itself."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.text.cedict_display import SIMPLIFIED, Script, entry_text
from reader.text.character_senses import character_lines
from reader.text.word_info import WordInfo
from reader.ui.tones import TONE_COLOURS_FIVE, is_dark, marked, tone_colour

MAX_ENTRIES = 6
MAX_CHARACTER_ENTRIES = 2
MAX_GLOSSES_PER_ENTRY = 6
MAX_CHARACTER_GLOSSES = 8  # a character's senses of one reading, merged from its entries
CARD_WIDTH = 380
GAP_PX = 6
# The status buttons, in the order of the keys that do the same (0/N, 1–4, K, I); labels
# marked for translation here, translated where shown.
STATUS_BUTTONS = (
    ("new", QT_TRANSLATE_NOOP("WordCard", "New"), "0"),
    ("learning1", "1", "1"),
    ("learning2", "2", "2"),
    ("learning3", "3", "3"),
    ("learning4", "4", "4"),
    ("known", QT_TRANSLATE_NOOP("WordCard", "Known"), "K"),
    ("ignored", QT_TRANSLATE_NOOP("WordCard", "Ignore"), "I"),
)


def hsk_text(info: WordInfo) -> str:
    """The word's HSK levels in both schemes, or that it is on neither list."""
    from reader.learning.hsk import level_label

    parts = [
        f"HSK {scheme}: {level_label(level)}"
        for scheme, level in (("3.0", info.hsk), ("2.0", info.hsk2))
        if level is not None
    ]
    return " · ".join(parts) or QCoreApplication.translate("WordCard", "Not on the HSK lists")


def measure_labels() -> tuple[str, str]:
    """The label of a gloss's measure words (one, several), in the window's language."""
    return (
        QCoreApplication.translate("WordCard", "measure word"),
        QCoreApplication.translate("WordCard", "measure words"),
    )


def not_in_dictionary(part: str) -> str:
    return QCoreApplication.translate("WordCard", "{part}  (not in the dictionary)").format(
        part=part
    )


def entry_line(entry, script: Script = SIMPLIFIED) -> str:  # noqa: ANN001 - a DictionaryEntry
    """One entry as plain text: its reading with CEDICT's capitals, its glosses with the
    references rendered in `script` (the label shows it as plain text, never as markup)."""
    return entry_text(entry, script, MAX_GLOSSES_PER_ENTRY, measure_labels())


def entries_text(entries: list, limit: int = MAX_ENTRIES, script: Script = SIMPLIFIED) -> str:
    lines = [entry_line(entry, script) for entry in entries[:limit]]
    if len(entries) > limit:
        more = QCoreApplication.translate("WordCard", "… {count} more")
        lines.append(more.format(count=len(entries) - limit))
    return "\n".join(lines)


def word_forms(info: WordInfo) -> str:
    """The word as shown, and as written when the display converts it (头发 · 頭髮)."""
    shown = info.shown_word
    return info.word if not shown or shown == info.word else f"{shown} · {info.word}"


def parts_text(info: WordInfo) -> str:
    """A word the dictionary lacks, explained by its longest dictionary parts."""
    lines = [QCoreApplication.translate("WordCard", "Not in the dictionary; its parts:")]
    for part, entries in info.parts:
        if not entries:
            lines.append(not_in_dictionary(part))
        for entry in entries[:MAX_CHARACTER_ENTRIES]:
            lines.append(f"{part}  {entry_line(entry, info.script)}")
    return "\n".join(lines)


def build_correction_menu(card_owner: QWidget, info: WordInfo, on_choice) -> QMenu:  # noqa: ANN001
    """A menu to correct the reading of `info`'s characters: one submenu per Han character
    with its readings, and "Automatic reading" when the reader corrected it before.
    `on_choice(syllables | None)` receives the new tuple (None: back to automatic)."""
    menu = QMenu(card_owner)
    current = list(info.syllables or [None] * len(info.word))
    for position, (char, choices) in enumerate(zip(info.word, info.alternatives, strict=False)):
        if not choices:
            continue
        submenu = menu.addMenu(
            QCoreApplication.translate("WordCard", "Read {char} as").format(char=char)
        )
        for choice in choices:
            action = submenu.addAction(marked(choice))
            action.setCheckable(True)
            action.setChecked(choice == current[position])
            new = list(current)
            new[position] = choice
            action.triggered.connect(lambda _=False, value=tuple(new): on_choice(value))
    if info.overridden:
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("WordCard", "Use the automatic reading"))
        reset.triggered.connect(lambda _=False: on_choice(None))
    return menu


class WordCard(QFrame):
    """A small frameless window next to the hovered word. It does not take focus, so reading
    and keyboard navigation go on underneath it."""

    reading_override_requested = Signal(int, int, int, object)  # article, start, end, syllables
    reading_reset_requested = Signal(int, int, int)  # article, start, end
    pointer_left = Signal()
    status_requested = Signal(int, int, str)  # article, token index, status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedWidth(CARD_WIDTH)
        self.tone_colours = TONE_COLOURS_FIVE
        self.info: WordInfo | None = None
        self.word_rect = QRect()  # the word the card is next to (global)

        self.word_label = QLabel(self)
        self.word_label.setTextFormat(Qt.TextFormat.PlainText)
        word_font = QFont(self.font())
        word_font.setPointSizeF(word_font.pointSizeF() * 2.0)
        self.word_label.setFont(word_font)

        self.syllable_row = QHBoxLayout()
        self.syllable_row.setSpacing(2)
        self.syllable_buttons: list[QToolButton] = []
        self.corrected_label = QLabel(self.tr("corrected"), self)
        self.corrected_label.setTextFormat(Qt.TextFormat.PlainText)
        self.corrected_label.setToolTip(
            self.tr("You corrected this reading; click a syllable to change it.")
        )

        self.glosses_label = QLabel(self)
        self.glosses_label.setTextFormat(Qt.TextFormat.PlainText)
        self.glosses_label.setWordWrap(True)
        self.glosses_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hsk_label = QLabel(self)
        self.hsk_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_row = QHBoxLayout()
        self.status_row.setSpacing(1)
        self.status_buttons: dict[str, QToolButton] = {}
        for status, label, key in STATUS_BUTTONS:
            button = QToolButton(self)
            button.setText(self.tr(label))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Mark the word {0} (key {1})").format(self.tr(label), key))
            button.clicked.connect(lambda _=False, s=status: self._request_status(s))
            self.status_row.addWidget(button)
            self.status_buttons[status] = button
        self.status_row.addStretch(1)

        self.characters_button = QToolButton(self)
        self.characters_button.setText(self.tr("Characters ▸"))
        self.characters_button.setCheckable(True)
        self.characters_button.setAutoRaise(True)
        self.characters_button.toggled.connect(self._show_characters)
        self.characters_label = QLabel(self)
        self.characters_label.setTextFormat(Qt.TextFormat.PlainText)
        self.characters_label.setWordWrap(True)
        characters_font = QFont(self.font())
        characters_font.setPointSizeF(characters_font.pointSizeF() * 1.1)
        self.characters_label.setFont(characters_font)
        self.characters_label.hide()

        header = QHBoxLayout()
        header.addWidget(self.word_label)
        header.addLayout(self.syllable_row)
        header.addStretch(1)
        header.addWidget(self.corrected_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(header)
        layout.addWidget(self.glosses_label)
        layout.addWidget(self.hsk_label)
        layout.addLayout(self.status_row)
        layout.addWidget(self.characters_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.characters_label)

        self._leave_timer = QTimer(self)
        self._leave_timer.setSingleShot(True)
        self._leave_timer.setInterval(150)
        self._leave_timer.timeout.connect(self.pointer_left.emit)

    # -- content ---------------------------------------------------------------------------
    def show_word(self, info: WordInfo, word_rect: QRect, avoid: Sequence[QRect] = ()) -> None:
        """Show `info` next to `word_rect` (global coordinates), below it if there is room,
        never over the `avoid` rectangles (the selection's colour bar)."""
        self.set_info(info)
        self.fit_height()
        self.place(word_rect, avoid)
        if not self.isVisible():
            self.show()
        self.raise_()

    def place(self, word_rect: QRect, avoid: Sequence[QRect] = ()) -> None:
        """Move next to `word_rect` (global), clear of `avoid` (global) where it can be."""
        self.word_rect = QRect(word_rect)
        self.move(self._position_for(word_rect, avoid))

    def set_info(self, info: WordInfo) -> None:
        same_word = self.info is not None and (self.info.article_id, self.info.start) == (
            info.article_id,
            info.start,
        )
        self.info = info
        self.word_label.setText(word_forms(info))
        self._fill_syllables(info)
        self.corrected_label.setVisible(info.overridden)
        if info.entries:
            self.glosses_label.setText(entries_text(info.entries, script=info.script))
        elif any(len(part) > 1 for part, _ in info.parts):
            self.glosses_label.setText(parts_text(info))
        elif not info.dictionary_ready:
            self.glosses_label.setText(self.tr("The dictionary is being prepared…"))
        else:
            self.glosses_label.setText(self.tr("Not in the dictionary."))
        self._show_learning(info)
        has_characters = bool(info.char_entries)
        self.characters_button.setVisible(has_characters)
        if not same_word:
            # A word the dictionary lacks is explained by its characters straight away,
            # unless longer parts of it explain it already.
            explained_by_parts = any(len(part) > 1 for part, _ in info.parts)
            self.characters_button.setChecked(
                has_characters and not info.entries and not explained_by_parts
            )
        self._show_characters(self.characters_button.isChecked() and has_characters)

    def _show_learning(self, info: WordInfo) -> None:
        """Status and HSK levels: only for a word that can have a status (not a number,
        Latin or punctuation)."""
        is_word = info.status is not None
        self.hsk_label.setVisible(is_word)
        self.hsk_label.setText(hsk_text(info) if is_word else "")
        for status, button in self.status_buttons.items():
            button.setVisible(is_word)
            button.setChecked(status == info.status)

    def _request_status(self, status: str) -> None:
        info = self.info
        if info is None:
            return
        self.status_requested.emit(info.article_id, info.token_index, status)
        # The buttons show the stored status, not the click: the write refreshed `info`, or
        # it was refused and the old status stays checked.
        self._show_learning(self.info or info)

    def _fill_syllables(self, info: WordInfo) -> None:
        for button in self.syllable_buttons:
            self.syllable_row.removeWidget(button)
            button.deleteLater()
        self.syllable_buttons = []
        dark = is_dark(self.palette().window().color())
        syllables = info.syllables
        # The same syllables with a proper noun's capitals, for display only.
        shown = info.shown_syllables or syllables
        for position, char in enumerate(info.word):
            syllable = syllables[position] if syllables else None
            if syllables is not None and syllable is None:
                continue  # a character with no reading (punctuation inside a token)
            button = QToolButton(self)
            button.setAutoRaise(True)
            button.setText(marked(shown[position] or syllable) if syllable and shown else "…")
            button.setToolTip(self.tr("Correct the reading of {char}").format(char=char))
            colour = (
                tone_colour(
                    shown[position] or syllable, dark_background=dark, scheme=self.tone_colours
                )
                if syllable and shown
                else None
            )
            if colour is not None:
                button.setStyleSheet(f"QToolButton {{ color: {colour.name()}; }}")
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.4)
            button.setFont(font)
            button.setEnabled(bool(info.alternatives and info.alternatives[position]))
            button.clicked.connect(lambda _=False, p=position: self._choose_reading(p))
            self.syllable_row.addWidget(button)
            self.syllable_buttons.append(button)

    def _show_characters(self, shown: bool) -> None:
        info = self.info
        if shown and info is not None:
            lines = []
            for char, entries in info.char_entries:
                if not entries:
                    lines.append(not_in_dictionary(char))
                lines += character_lines(
                    char,
                    entries,
                    info.script,
                    MAX_CHARACTER_ENTRIES,
                    MAX_CHARACTER_GLOSSES,
                    measure_labels(),
                )
            self.characters_label.setText("\n".join(lines))
        self.characters_label.setVisible(shown)
        self.characters_button.setText(
            self.tr("Characters ▾") if shown else self.tr("Characters ▸")
        )
        self.fit_height()

    def fit_height(self) -> None:
        """Grow or shrink to the content: word-wrapped labels need the height for our width."""
        layout = self.layout()
        layout.activate()
        self.setFixedHeight(layout.totalHeightForWidth(CARD_WIDTH))

    # -- correcting ------------------------------------------------------------------------
    def correction_menu(self, info: WordInfo) -> QMenu:
        return build_correction_menu(self, info, lambda value: self._request(info, value))

    def _request(self, info: WordInfo, syllables: tuple[str | None, ...] | None) -> None:
        if syllables is None:
            self.reading_reset_requested.emit(info.article_id, info.start, info.end)
        else:
            self.reading_override_requested.emit(info.article_id, info.start, info.end, syllables)

    def _choose_reading(self, position: int) -> None:
        if self.info is None:
            return
        menu = self.correction_menu(self.info)
        # Open straight on this character's submenu when there is one.
        button = self.syllable_buttons[min(position, len(self.syllable_buttons) - 1)]
        target = next(
            (
                a.menu()
                for a in menu.actions()
                if a.menu() and a.text().endswith(f"{self.info.word[position]} as")
            ),
            menu,
        )
        target.popup(button.mapToGlobal(QPoint(0, button.height())))

    # -- placement and pointer -------------------------------------------------------------
    def _position_for(self, word_rect: QRect, avoid: Sequence[QRect] = ()) -> QPoint:
        """Below the word if it fits on screen, else above it; when that covers something
        to avoid, below or above that thing instead, the first place that is clear."""
        screen = QGuiApplication.screenAt(word_rect.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 4000, 4000)
        x = min(max(word_rect.left(), area.left()), area.right() - self.width())
        height = self.height()
        tops = [word_rect.bottom() + GAP_PX, word_rect.top() - GAP_PX - height]
        for rect in avoid:
            tops += [rect.bottom() + GAP_PX, rect.top() - GAP_PX - height]
        fitting = [top for top in tops if area.top() <= top and top + height <= area.bottom()]
        for top in fitting:
            card = QRect(x, top, self.width(), height)
            if not any(card.intersects(rect) for rect in avoid):
                return QPoint(x, top)
        return QPoint(x, fitting[0] if fitting else max(area.top(), tops[1]))

    def enterEvent(self, event: QEnterEvent) -> None:
        self._leave_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._leave_timer.start()
        super().leaveEvent(event)  # type: ignore[arg-type]
