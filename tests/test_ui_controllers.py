"""The window's controllers on their own: what the import controller tells the reader, the
article count, and the reading controller closing an article that left the library."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from reader.library import Library
from reader.ui.import_controller import import_problems, import_status
from reader.ui.library_controller import count_text


def report(**fields: Any) -> Any:
    """An ImportBatchReport as the controller reads it."""
    values = {"cancelled": False, "added_article_ids": [], "outcomes": [], "failures": []}
    return SimpleNamespace(**{**values, **fields})


def outcome(warnings: tuple[str, ...] = (), update: Any = None) -> Any:
    return SimpleNamespace(warnings=list(warnings), update=update)


def test_the_import_status_says_what_was_added_and_updated() -> None:
    assert import_status(report(added_article_ids=[1])) == "Imported 1 article."
    assert import_status(report(added_article_ids=[1, 2])) == "Imported 2 articles."
    assert import_status(report()) == ""
    notes = SimpleNamespace(stayed=3, moved=1, orphaned=2)
    updated = outcome(update=SimpleNamespace(articles_updated=2, annotations=notes))
    assert import_status(report(outcomes=[updated])) == (
        " Updated 2 article(s); annotations: 3 stayed, 1 moved, 2 orphaned."
    )
    cancelled = report(cancelled=True, added_article_ids=[1])
    assert import_status(cancelled) == "Import cancelled; the file being imported was not saved."


def test_refusals_are_a_warning_and_warnings_alone_are_information() -> None:
    refused = report(failures=[("a.txt", "a.txt is empty.")], outcomes=[outcome(("odd bytes",))])
    assert import_problems(refused) == ("warning", "Not imported", "a.txt is empty.\n\nodd bytes")
    noted = report(outcomes=[outcome(("odd bytes",)), outcome(("mixed",))])
    assert import_problems(noted) == ("information", "Import", "odd bytes\n\nmixed")
    assert import_problems(report(outcomes=[outcome()])) is None


def test_the_count_says_how_many_a_filter_shows() -> None:
    assert count_text(1, 1) == "1 article"
    assert count_text(3, 3) == "3 articles"
    assert count_text(3, 1) == "1 of 3 articles"


def test_closing_an_article_that_left_the_library_empties_the_reading_side(
    ui_window: Any, ui_library: Library, qtbot: Any
) -> None:
    """`ReadingController.close_article`: what `ExternalChanges` does by hand today."""
    window = ui_window
    article = window.reading_view.article
    assert article is not None and article.id in window.reading.readings
    annotation = window.service.create_annotation(article.id, 0, 2, "yellow")
    window.highlights.select_annotation(annotation.id)
    assert window.annotation_dock.current is not None

    window.reading.close_article(article)

    assert window.reading_view.article is None and window.reading_view.toPlainText() == ""
    assert article.id not in window.reading.readings
    assert window.annotation_dock.current is None and not window.selection_bar.isVisible()
    assert window.windowTitle() == "Yuedu"
