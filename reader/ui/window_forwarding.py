"""Names other code reaches on the main window, kept while it moves to the controllers:
`ExternalChanges` (`_readings`, `_on_articles_updated`, `_refresh_card`, `select_annotation`,
`schedule_annotation_list`, `hide_word_card`), the tests and bench/ (`show_article`,
`highlight_selection`, `open_deep_link`, `word_card`, `word_info`, `export_runner`,
`confirm_overwrite`, `progress_dialog`, `overlap_menu`, `check_library`). Each only forwards
to the controller that does the work; none holds logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections import OrderedDict
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog

    from reader.text.tokens import ArticleReadings
    from reader.text.word_info import WordInfo
    from reader.ui.export_controller import ExportController
    from reader.ui.export_runner import ExportRunner
    from reader.ui.highlight_controller import HighlightController
    from reader.ui.import_controller import ImportController
    from reader.ui.library_controller import LibraryController
    from reader.ui.reading_controller import ReadingController
    from reader.ui.word_card import WordCard
    from reader.ui.word_card_controller import WordCardController


class WindowForwarding:
    """Mixed into `MainWindow`, which makes the controllers named here."""

    reading: ReadingController
    highlights: HighlightController
    cards: WordCardController
    imports: ImportController
    exports: ExportController
    library_controller: LibraryController

    # -- the reading controller ----------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        self.reading.show_article(article_id)

    def open_deep_link(self, url: str) -> bool | None:
        return self.reading.open_deep_link(url)

    def _on_articles_updated(self, article_ids: list) -> None:
        self.reading.on_articles_updated(article_ids)

    @property
    def _readings(self) -> OrderedDict[int, ArticleReadings]:
        return self.reading.readings

    # -- the highlight controller --------------------------------------------------------------
    def highlight_selection(self, colour: str, comment: bool = False) -> str | None:
        return self.highlights.highlight_selection(colour, comment)

    def select_annotation(self, annotation_id: str | None) -> None:
        self.highlights.select_annotation(annotation_id)

    def schedule_annotation_list(self) -> None:
        self.highlights.schedule_annotation_list()

    @property
    def overlap_menu(self) -> QMenu | None:
        return self.highlights.overlap_menu

    # -- the word card controller --------------------------------------------------------------
    @property
    def word_card(self) -> WordCard:
        return self.cards.card

    def word_info(self, token_index: int) -> WordInfo | None:
        return self.cards.word_info(token_index)

    def hide_word_card(self) -> None:
        self.cards.hide()

    def _refresh_card(self) -> None:
        self.cards.refresh()

    # -- import, export, the library -----------------------------------------------------------
    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.imports.progress_dialog

    @property
    def export_runner(self) -> ExportRunner | None:
        return self.exports.runner

    @property
    def confirm_overwrite(self) -> Callable[[list], bool]:
        return self.exports.confirm_overwrite

    @confirm_overwrite.setter
    def confirm_overwrite(self, ask: Callable[[list], bool]) -> None:
        # Tests answer the export's overwrite question by replacing this.
        self.exports.confirm_overwrite = ask  # type: ignore[method-assign]

    def check_library(self) -> QMessageBox:
        return self.library_controller.check_library()
