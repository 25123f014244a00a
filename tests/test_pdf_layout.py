"""Layout rules on pages given as runs (as the PDF worker sends them), no PDF needed."""

from __future__ import annotations

from reader.importing.pdf_articles import build_articles
from reader.importing.pdf_blocks import furniture_keys, page_blocks
from reader.importing.pdf_layout import page_regions
from reader.importing.pdf_process import PdfPage

BODY = 10.0
LEADING = 15.0


def line(text: str, left: float, baseline: float, size: float = BODY) -> list[object]:
    """A run of `text`, each character `size` wide, as `[text, size, l, r, top, bottom]`."""
    return [text, size, left, left + size * len(text), baseline + size * 0.9, baseline - size * 0.2]


def column(texts: list[tuple[str, bool]], left: float, top: float) -> list[list[object]]:
    """Lines of a column: (text, indented) each, one leading apart."""
    return [
        line(text, left + (2 * BODY if indented else 0), top - number * LEADING)
        for number, (text, indented) in enumerate(texts)
    ]


def articles_of(*pages: list[list[object]]):  # type: ignore[no-untyped-def]
    pdf_pages = [PdfPage(i, 400.0, 600.0, runs, [], 0, 0) for i, runs in enumerate(pages)]
    laid_out = []
    for page in pdf_pages:
        regions, body = page_regions(page, BODY)
        laid_out.append((regions, body, page.height))
    repeated = furniture_keys(laid_out)
    blocks = [
        block
        for regions, body, height in laid_out
        for block in page_blocks(regions, body, height, repeated, [])
    ]
    return build_articles(blocks, "page")


def test_a_letter_spaced_headline_on_two_lines_is_not_cut_into_columns() -> None:
    size, gap = 24.0, 24.0
    runs = []
    for row, words in enumerate(["兴县实施", "乡村振兴"]):
        for number, ch in enumerate(words):  # the same x on both lines: gaps line up
            runs.append(line(ch, 60 + number * (size + gap), 540 - row * 30, size))
    runs += column([("本报讯 县里实施乡村振兴战略，各村修路建校。", True)], 40, 470)
    _, articles = articles_of(runs)
    assert [a.title for a in articles] == ["兴县实施 乡村振兴"]


def test_jump_lines_run_into_the_text_are_taken_out_and_followed() -> None:
    first = [line("春耕农机忙", 40, 540, 24.0)]
    first += column(
        [("本报讯 农机手正在检修拖拉机，要赶在", True), ("播种前完成。（转第2版）", False)], 40, 500
    )
    first += [line("河边步道贯通", 40, 300, 24.0)]
    first += column([("本报讯 沿河步道已经完工。", True)], 40, 260)
    second = column(
        [("（上接第1版）合作社说，一台机器一天", False), ("能耕地两百亩。", False)], 40, 560
    )
    _, articles = articles_of(first, second)
    farm, river = articles
    assert farm.title == "春耕农机忙" and river.title == "河边步道贯通"
    assert farm.paragraphs == [
        "本报讯 农机手正在检修拖拉机，要赶在播种前完成。",
        "合作社说，一台机器一天能耕地两百亩。",
    ]
    assert "转第2版" not in farm.text and "上接" not in farm.text


def test_a_column_under_a_wider_headline_keeps_its_paragraphs_whole() -> None:
    # The headline is wider than the column, and no white band parts them.
    runs = [line("一条比下面的栏宽得多的标题", 40, 540, 20.0)]
    runs += column(
        [("第一段开头，说的是", True), ("一件事情的经过。", False), ("第二段接着说。", True)],
        40,
        522,
    )
    _, articles = articles_of(runs)
    assert articles[0].paragraphs == ["第一段开头，说的是一件事情的经过。", "第二段接着说。"]
