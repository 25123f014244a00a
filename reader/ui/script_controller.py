"""View ▸ Script: show the article as written, in simplified or in traditional characters
(issue 16 §4). The choice is per article, with a default for articles without their own;
both live in QSettings (a display preference, like the zoom: it never enters the library,
its backups or its exports). Article ids are per library, so per-article keys carry a key
of the library file. OpenCC is loaded only when a conversion is first shown."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QTextDocument

from reader.text.cedict_display import SIMPLIFIED, TRADITIONAL
from reader.text.script_conversion import ScriptChoice
from reader.text.word_info import WordInfo

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

DEFAULT_KEY = "view/script_default"
ARTICLE_GROUP = "view/script_by_article"


def with_shown_form(info: WordInfo, document: QTextDocument) -> WordInfo:
    """`info` with the word as the view shows it, when the display is converted; the
    glosses' references then follow the shown script."""
    shown_form = getattr(document, "shown_form", None)
    shown = shown_form(info.start, info.end) if shown_form is not None else None
    if shown is None:
        return info
    script = document.script  # type: ignore[attr-defined] - an ArticleDocument
    cedict_script = TRADITIONAL if script is ScriptChoice.TRADITIONAL else SIMPLIFIED
    return replace(info, shown_word=shown, script=cedict_script)


def library_key(path: object) -> str:
    """A short stable key of a library file for per-article settings."""
    return hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:12]


class ScriptController(QObject):
    """The per-article script choice, the default, and the menu that sets them."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._library = library_key(window.service.library_path)
        self.article_actions: dict[ScriptChoice, QAction] = {}
        self.default_actions: dict[ScriptChoice, QAction] = {}

    # -- stored choices -------------------------------------------------------------------------
    def default(self) -> ScriptChoice:
        return ScriptChoice.parse(self._settings.value(DEFAULT_KEY))

    def set_default(self, choice: ScriptChoice) -> None:
        self._settings.setValue(DEFAULT_KEY, choice.value)
        self._window.reading_view.set_script(self.choice_for(self._shown_article()))
        self._check()

    def _article_key(self, article_id: int) -> str:
        return f"{ARTICLE_GROUP}/{self._library}/{article_id}"

    def choice_for(self, article_id: int | None) -> ScriptChoice:
        """The article's own choice, else the default."""
        if article_id is not None:
            own = self._settings.value(self._article_key(article_id))
            if own is not None:
                return ScriptChoice.parse(own)
        return self.default()

    def set_article_choice(self, choice: ScriptChoice) -> None:
        """Show the article being read in `choice` from now on."""
        article_id = self._shown_article()
        if article_id is None:
            return
        self._settings.setValue(self._article_key(article_id), choice.value)
        self._window.reading_view.set_script(choice)
        self._window.cards.refresh()
        self._check()

    def _shown_article(self) -> int | None:
        return self._window.reading_view.article_id

    # -- the menu -------------------------------------------------------------------------------
    def build_menu(self, parent_menu: object) -> None:
        tr = self.tr
        menu = parent_menu.addMenu(tr("&Script"))  # type: ignore[attr-defined]
        names = {
            ScriptChoice.AS_WRITTEN: tr("As &written"),
            ScriptChoice.SIMPLIFIED: tr("&Simplified"),
            ScriptChoice.TRADITIONAL: tr("&Traditional"),
        }
        article_group = QActionGroup(menu)
        for choice, name in names.items():
            action = QAction(name, menu, checkable=True)
            action.setToolTip(tr("Show this article in this script (the text stays as imported)"))
            action.triggered.connect(lambda _=False, c=choice: self.set_article_choice(c))
            article_group.addAction(action)
            menu.addAction(action)
            self.article_actions[choice] = action
        menu.addSeparator()
        default_menu = menu.addMenu(tr("&Default for other articles"))
        default_group = QActionGroup(default_menu)
        for choice, name in names.items():
            action = QAction(name.replace("&", ""), default_menu, checkable=True)
            action.triggered.connect(lambda _=False, c=choice: self.set_default(c))
            default_group.addAction(action)
            default_menu.addAction(action)
            self.default_actions[choice] = action
        menu.aboutToShow.connect(self._check)
        self._check()

    def _check(self) -> None:
        shown = self._shown_article()
        for choice, action in self.article_actions.items():
            action.setEnabled(shown is not None)
            action.setChecked(choice is self.choice_for(shown))
        for choice, action in self.default_actions.items():
            action.setChecked(choice is self.default())


def install_script_choice(window: MainWindow) -> ScriptController:
    """View ▸ Script, and the reading document asking it for every article it shows."""
    controller = ScriptController(window, window.settings)
    # The View menu is the one holding "Pinyin above the text" (its title gets translated).
    view_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.menu() is not None and window.pinyin_above_action in action.menu().actions()
    )
    controller.build_menu(view_menu)
    document = window.reading_view.document()
    document.script_for = controller.choice_for  # type: ignore[attr-defined]
    return controller
