"""Reading comfort, as a new reader meets it, through the real widgets: the card keeps clear
of the selection's colour bar and goes when the text moves or the window loses focus; a
double click selects the stored word; Alt+←/→ starts from the word last clicked; pinyin
above the text keeps the reading font, grows with the zoom, and its tone colours can be
read on the page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget

from reader.library.store import Article
from reader.ui.fonts import reading_font_family
from reader.ui.reading_view import ReadingView
from reader.ui.reading_zoom import ZOOM_MAX, ZOOM_MIN
from reader.ui.tones import tone_colour

TEXT = "他在银行工作，我们一起行动。\n孩子长大了，我去重庆出差。\n"
LONG_TEXT = "\n".join(["我们一起去银行，然后去重庆出差。" * 12] * 40)


def with_readings(window: Any, qtbot: Any) -> Any:
    """Cards are shown once the article's readings exist (resolved or not)."""
    qtbot.waitUntil(lambda: window.reading_view.readings is not None, timeout=60_000)
    return window


@pytest.fixture
def window(imported_library: Any, shown_window: Any, qtbot: Any) -> Any:
    return with_readings(
        shown_window(imported_library(TEXT, name="comfort.txt"), (1000, 700)), qtbot
    )


@pytest.fixture
def long_window(imported_library: Any, shown_window: Any, qtbot: Any) -> Any:
    return with_readings(
        shown_window(imported_library(LONG_TEXT, name="long.txt"), (1000, 600)), qtbot
    )


def token_of(view: ReadingView, word: str, occurrence: int = 0) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = view.tokens.text.index(word, start + 1)
    index = view.tokens.index_at(start)
    assert view.tokens.word(index) == word, f"{word!r} is not one token"
    return index


def hover(window: Any, word: str, occurrence: int = 0) -> int:
    view = window.reading_view
    index = token_of(view, word, occurrence)
    QTest.mouseMove(view.viewport(), view.token_rect(index).center())
    return index


def double_click(view: ReadingView, point: QPoint) -> None:
    """Press, release, press as a double click, release: QTest's double click leaves its
    button down, which would make every later mouse move a drag."""
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


# -- the card and the selection bar ------------------------------------------------------------


def test_the_card_never_covers_the_selection_bar(window: Any, qtbot: Any) -> None:
    view, card_controller, bar = window.reading_view, window.cards, window.selection_bar
    index = hover(window, "银行")
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    card = card_controller.card
    # Select the word under the card: the bar appears right where the card was.
    double_click(view, view.token_rect(index).center())
    qtbot.waitUntil(bar.isVisible)
    assert card.isVisible()
    assert not global_rect(card).intersects(global_rect(bar))
    # Hovering the words around the selection shows their cards clear of the bar too.
    for word in ("工作", "在", "行动"):
        hover(window, word)
        qtbot.waitUntil(lambda w=word: card.isVisible() and card.info.word == w)
        assert not global_rect(card).intersects(global_rect(bar)), word


# -- the card goes when its word is no longer under the mouse -----------------------------------


def test_the_card_hides_when_the_text_scrolls(long_window: Any, qtbot: Any) -> None:
    view, card_controller = long_window.reading_view, long_window.cards
    hover(long_window, "银行", 3)
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    assert not card_controller.card.isVisible()  # at once, not after a grace period
    assert view.hovered_token is None
    # The next move of the mouse shows the word now under it.
    center = view.viewport().rect().center()
    # The centre may fall between paragraphs: the nearest word below it.
    point, index = next(
        (p, i)
        for p in (center + QPoint(0, dy) for dy in range(0, 200, 4))
        if (i := view.token_at(p)) is not None and view.tokens.is_chinese(i)
    )
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    assert view.hovered_token == index


def test_the_card_hides_when_the_text_zooms(window: Any, qtbot: Any) -> None:
    view, card_controller = window.reading_view, window.cards
    hover(window, "银行")
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    QTest.keySequence(window, "Ctrl+=")
    assert view.zoom_step == 1
    assert not card_controller.card.isVisible()
    assert view.hovered_token is None
    hover(window, "银行")  # the same word, where it is now: its card again
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    window.set_pinyin_above(True)
    assert not card_controller.card.isVisible()


def test_the_card_hides_when_the_text_is_laid_out_anew_or_a_menu_opens(
    window: Any, qtbot: Any
) -> None:
    """A dock shown or the window resized wraps the lines anew (the word has moved from
    under the card); a context menu is about the word, and the card must not sit on it."""
    view, card_controller = window.reading_view, window.cards
    hover(window, "银行")
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    view.resize(view.width() - 120, view.height())
    assert not card_controller.card.isVisible()
    assert view.hovered_token is None
    QTest.mouseMove(view.viewport(), QPoint(1, 1))  # a move to the same point is no move
    index = hover(window, "银行")
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    asked: list[int] = []
    view.context_menu_requested.connect(lambda token, _point: asked.append(token))
    point = view.token_rect(index).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
        ),
    )
    assert asked == [index]
    assert not card_controller.card.isVisible()
    QTest.mouseMove(view.viewport(), QPoint(1, 1))  # rest the pointer off the text


def test_the_card_goes_when_a_drag_selects_past_its_word(window: Any, qtbot: Any) -> None:
    """A drag that starts on a word and selects on: the pointer is over another word now,
    so the first one's card goes (no card follows a drag: the reader is selecting)."""
    view, card_controller = window.reading_view, window.cards
    start = view.token_rect(hover(window, "银行")).center()
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    end = view.token_rect(token_of(view, "行动")).center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(view.viewport(), end)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton
    assert view.textCursor().hasSelection()  # it was a drag that selected
    assert not card_controller.card.isVisible()
    assert view.hovered_token is None
    # Rest the pointer off the text, as a person would: after this drag, the next window's
    # first QTest move to the point pressed here was seen not to arrive.
    QTest.mouseMove(view.viewport(), QPoint(1, 1))


def test_the_card_hides_when_the_window_loses_focus(window: Any, qtbot: Any) -> None:
    view, card_controller = window.reading_view, window.cards
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    hover(window, "银行")
    qtbot.waitUntil(lambda: card_controller.card.isVisible())
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert not card_controller.card.isVisible()
    assert view.hovered_token is None


# -- double click and the keyboard's word cursor ------------------------------------------------


def test_double_click_selects_the_stored_word(window: Any, qtbot: Any) -> None:
    view = window.reading_view
    for word in ("银行", "行动", "重庆"):
        index = token_of(view, word)
        point = view.token_rect(index).center()
        double_click(view, point)
        assert view.current_selection() == view.tokens.span(index), word
        assert view.textCursor().selectedText() == word


def test_alt_arrows_start_from_the_word_last_clicked(window: Any, qtbot: Any) -> None:
    view = window.reading_view
    clicked = token_of(view, "我们")
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.token_rect(clicked).center()
    )
    hover(window, "他")  # the pointer rests elsewhere: the click still decides
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.tokens.word(view.hovered_token) == "一起"
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.tokens.word(view.hovered_token) == "行动"
    # A new click moves the start; the pointer off the text changes nothing.
    clicked = token_of(view, "孩子")
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.token_rect(clicked).center()
    )
    QTest.mouseMove(view.viewport(), QPoint(2, view.viewport().height() - 2))
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.tokens.word(view.hovered_token) == "行动"


# -- pinyin above the text -------------------------------------------------------------------


def body_families(view: ReadingView) -> set[str]:
    """The font families the laid-out body's Han characters are drawn in."""
    QApplication.processEvents()
    families: set[str] = set()
    block = view.document().findBlock(view.body_start)
    while block.isValid():
        layout = block.layout()
        for line in range(layout.lineCount()):
            for run in layout.lineAt(line).glyphRuns():
                families.add(run.rawFont().familyName())
        block = block.next()
    return families


def make_view(qtbot: Any, text: str = "我们一起去银行。\n孩子长大了。") -> ReadingView:
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.show_article(Article(7, 1, 0, "标题", "作者", text, "f.txt"))
    return view


def test_pinyin_above_keeps_the_reading_font(qtbot: Any) -> None:
    family = reading_font_family()
    if family is None:
        pytest.skip("no preferred CJK font installed")
    view = make_view(qtbot)
    assert body_families(view) == {family}
    view.set_pinyin_above(True)
    assert body_families(view) == {family}
    # A new widget font (a style or the system's font changed) does not take it away.
    view.setFont(QFont("DejaVu Sans"))
    assert body_families(view) == {family}
    view.set_pinyin_above(False)
    assert body_families(view) == {family}


def test_pinyin_grows_with_the_zoom_and_is_never_below_55_percent(qtbot: Any) -> None:
    view = make_view(qtbot)
    view.set_pinyin_above(True)
    sizes = []
    for step in range(ZOOM_MIN, ZOOM_MAX + 1):
        view.set_zoom_step(step)
        body = view.document().defaultFont().pointSizeF()
        pinyin = view.pinyin_font.pointSizeF()
        assert pinyin >= 0.55 * body, (step, body, pinyin)
        sizes.append(pinyin)
    assert sizes == sorted(sizes) and sizes[-1] > 2 * sizes[0]


# -- tone colours ----------------------------------------------------------------------------


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_measured_as_wcag_says() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("tone", [1, 2, 3, 4, 5])
def test_every_tone_colour_reads_against_the_page(tone: int, qapp: Any) -> None:
    syllable = f"ma{tone}"
    palette = qapp.palette()
    # The page (the view's base) and the card (the window colour), as this style has them,
    # and the usual light and dark pages and cards.
    light_pages = ["#ffffff", "#f5f5f5", "#efefef"]
    dark_pages = ["#000000", "#1e1e1e", "#2b2b2b", "#353535"]
    for role in (palette.base().color(), palette.window().color()):
        (dark_pages if role.lightnessF() < 0.5 else light_pages).append(role.name())
    on_light = tone_colour(syllable, dark_background=False)
    on_dark = tone_colour(syllable, dark_background=True)
    assert on_light is not None and on_dark is not None
    for page in light_pages:
        assert contrast(on_light, QColor(page)) >= 3.0, (tone, on_light.name(), page)
    for page in dark_pages:
        assert contrast(on_dark, QColor(page)) >= 3.0, (tone, on_dark.name(), page)
