"""Newspaper-like PDFs made at test time with reportlab (its built-in CID font STSong-Light,
so no font file and no copyrighted page is needed).

`newspaper_pdf` lays out two pages the way a daily paper does: a page header, a wrapped
headline over two columns, a letter-spaced byline, body lines of side-by-side columns
drawn interleaved (as many producers write them), a photo with its caption, a boxed
sidebar, a second article with a lead and an end byline, a source line, a page footer
with the page number, and an article that jumps to the next page (转第2版 / 上接第1版).
All sizes are given relative to the body size, so a test can vary it. The texts are made
up here; `NewspaperText` keeps what was drawn so tests compare against the input.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
MARGIN = 40.0


@functools.cache
def lone_characters_extracted() -> bool:
    """Whether PDFium, here, reads a character drawn as a text object of its own in the
    unembedded STSong-Light (the letter-spaced byline is drawn so). It does only where a
    system CJK font (fonts-noto-cjk…) stands in for the font; without one the object's text
    comes out as a blank."""
    import pypdfium2

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    canvas.setFont(FONT, 12)
    canvas.drawString(MARGIN, PAGE_HEIGHT / 2, "本")
    canvas.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    try:
        return "本" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


FARM_TITLE = ("全省春耕备耕工作有序推进", "农机手忙着检修机具")
FARM_BYLINE_NAMES = ("洪勇", "李明")
FARM_PARAGRAPHS = [
    "本报讯 连日来，全省各地抢抓农时，组织农机手检修拖拉机和播种机，为春耕生产做好准备。"
    "今年全省计划投入各类农机具十二万台套，比去年增加百分之八。",
    "在城东的农机合作社，十几名农机手正在给拖拉机更换机油和滤芯。合作社负责人说，"
    "机具检修要赶在播种前完成，一台机器一天能耕地两百多亩，误了农时就误了一年的收成。",
    "省农业农村厅有关负责人介绍，各地已组织技术人员下乡服务，帮助农户解决机具维修、"
    "种子化肥调运中遇到的困难，确保春耕生产顺利进行。",
    "据了解，今年全省还将新建一批烘干中心和育秧工厂，进一步提高粮食生产的机械化水平，"
    "让农民种地更省力、更省心。",
    "不少农户表示，有了合作社的托管服务，外出务工也不耽误家里的农活，收入比往年多了一截。",
]
FARM_CONTINUED = [
    "在南部山区，农机推广站把小型农机送到村里，手把手教农民使用。一位老农说，"
    "以前犁一亩地要大半天，现在用微耕机一个小时就够了。",
    "有关专家认为，春耕备耕要因地制宜，山区和平原的机械化路子不同，政策支持也要分类施策。",
]
CAPTION = "图为农机手在田间检修拖拉机。本报记者 张华摄"
SIDEBAR_LABEL = "亮点"
SIDEBAR_LINES = ["全省农机总动力同比增长百分之五", "新建育秧工厂三十座"]
RIVER_TITLE = "沿河步道全线贯通"
RIVER_PARAGRAPHS = [
    "本报讯 经过一年多的施工，城南沿河步道日前全线贯通。步道全长十二公里，"
    "沿途设有休息亭和健身场地，市民晚饭后常来散步。",
    "附近居民说，过去河边杂草丛生，如今变成了景色宜人的公园。（王芳）",
]
SCHOOL_TITLE = "乡村学校开设科学课"
SCHOOL_SUBTITLE = "孩子们在实验中学会动手动脑"
SCHOOL_PARAGRAPHS = [
    "本报记者走进山区的几所乡村学校，看到科学课已经成为孩子们最喜欢的课程之一。"
    "老师们利用身边的材料设计实验，让学生在观察和动手中理解科学道理。",
    "一位校长说，过去学校缺少仪器和老师，现在有了城里学校的支援和网络课堂，"
    "孩子们和城里的同学一样能上好科学课。",
    "教育部门表示，将继续加大投入，为乡村学校配备实验室和专职科学教师。",
]
HIDDEN_TEXT = "页面之外的隐藏文字"


@dataclass
class Layout:
    """Sizes relative to the body size, as on a real page (28/14/12/10/9 points)."""

    body: float = 12.0

    @property
    def headline(self) -> float:
        return self.body * 28 / 12

    @property
    def subhead(self) -> float:
        return self.body * 14 / 12

    @property
    def small(self) -> float:
        return self.body * 10 / 12

    @property
    def footer(self) -> float:
        return self.body * 9 / 12

    @property
    def leading(self) -> float:
        return self.body * 1.5


@dataclass
class NewspaperText:
    """What was drawn, for the tests to compare with."""

    pages: int = 0
    footers: list[str] = field(default_factory=list)


def wrap(paragraph: str, chars_per_line: int, indent: int = 2) -> list[str]:
    """A paragraph cut into lines of `chars_per_line` characters, the first indented."""
    lines: list[str] = []
    rest = paragraph
    width = chars_per_line - indent
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
        width = chars_per_line
    return lines


@dataclass
class ColumnLine:
    text: str
    indent: bool


def column_lines(paragraphs: list[str], chars_per_line: int) -> list[ColumnLine]:
    lines: list[ColumnLine] = []
    for paragraph in paragraphs:
        for number, line in enumerate(wrap(paragraph, chars_per_line)):
            lines.append(ColumnLine(line, number == 0))
    return lines


def draw_spaced(canvas: Canvas, x: float, y: float, text: str, size: float, gap: float) -> None:
    """Each character drawn on its own with `gap` points after it (letter-spacing)."""
    for ch in text:
        canvas.drawString(x, y, ch)
        x += size + gap


def draw_columns(
    canvas: Canvas,
    layout: Layout,
    columns: list[list[ColumnLine]],
    lefts: list[float],
    top: float,
) -> float:
    """Draw columns side by side, line by line across them (interleaved, as many producers
    write them); returns the y below the lowest line."""
    canvas.setFont(FONT, layout.body)
    y = top
    for row in range(max(len(column) for column in columns)):
        y = top - row * layout.leading
        for column, left in zip(columns, lefts, strict=True):
            if row < len(column):
                line = column[row]
                x = left + (2 * layout.body if line.indent else 0)
                canvas.drawString(x, y, line.text)
    return y - layout.leading


def split_in_two(lines: list[ColumnLine]) -> list[list[ColumnLine]]:
    half = (len(lines) + 1) // 2
    return [lines[:half], lines[half:]]


def header(canvas: Canvas, layout: Layout, page: int) -> None:
    canvas.setFont(FONT, layout.footer)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 25, f"晨光日报  2024年3月5日  星期二  第{page}版")
    canvas.line(MARGIN, PAGE_HEIGHT - 30, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 30)


def footer(canvas: Canvas, layout: Layout, page: int, text: NewspaperText) -> None:
    canvas.setFont(FONT, layout.footer)
    words = f"第 {page} 页"
    canvas.drawCentredString(PAGE_WIDTH / 2, 20, words)
    text.footers.append(words)


def first_page(canvas: Canvas, layout: Layout, text: NewspaperText) -> None:
    header(canvas, layout, 1)
    column_gap = layout.body * 1.5
    column_width = (PAGE_WIDTH - 2 * MARGIN - column_gap) / 2
    chars = int(column_width // layout.body)
    lefts = [MARGIN, MARGIN + column_width + column_gap]
    y = PAGE_HEIGHT - 80
    canvas.setFont(FONT, layout.headline)
    for line in FARM_TITLE:  # the headline wraps onto two lines
        canvas.drawCentredString(PAGE_WIDTH / 2, y, line)
        y -= layout.headline * 1.3
    canvas.setFont(FONT, layout.small)
    x = PAGE_WIDTH / 2 - 8 * layout.small
    draw_spaced(canvas, x, y, "本报记者", layout.small, 0)
    x += 5 * layout.small
    for name in FARM_BYLINE_NAMES:  # two-character names spread to three characters' width
        draw_spaced(canvas, x, y, name, layout.small, layout.small)
        x += 5 * layout.small
    y -= layout.leading * 1.8
    lines = column_lines(FARM_PARAGRAPHS, chars)
    y = draw_columns(canvas, layout, split_in_two(lines), lefts, y)
    canvas.setFont(FONT, layout.body)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, y, "（转第2版）")
    y -= layout.leading * 1.5
    # A photo (a grey box) with its caption, then a boxed sidebar beside it.
    photo_top = y
    canvas.setFillGray(0.6)
    canvas.rect(MARGIN, y - 90, column_width, 90, stroke=0, fill=1)
    canvas.setFillGray(0)
    y -= 90 + layout.small * 1.5
    canvas.setFont(FONT, layout.small)
    canvas.drawString(MARGIN, y, CAPTION)
    box_left = lefts[1]
    canvas.rect(box_left, photo_top - 90, column_width, 90, stroke=1, fill=0)
    canvas.setFont(FONT, layout.subhead)
    canvas.drawString(box_left + 8, photo_top - 8 - layout.subhead, SIDEBAR_LABEL)
    canvas.setFont(FONT, layout.small)
    for number, line in enumerate(SIDEBAR_LINES):
        canvas.drawString(box_left + 8, photo_top - 30 - layout.subhead - number * 16, line)
    y -= layout.leading * 2.5
    # A second article, one column wide, under a smaller headline.
    canvas.setFont(FONT, layout.headline * 0.8)
    canvas.drawString(MARGIN, y, RIVER_TITLE)
    y -= layout.leading * 2
    full_chars = int((PAGE_WIDTH - 2 * MARGIN) // layout.body)
    y = draw_columns(canvas, layout, [column_lines(RIVER_PARAGRAPHS, full_chars)], [MARGIN], y)
    canvas.setFont(FONT, layout.small)
    canvas.drawString(MARGIN, 45, "《晨光日报》（2024年03月05日 第 01 版）")
    # Text placed outside the page box: never shown, never imported.
    canvas.setFont(FONT, layout.body)
    canvas.drawString(MARGIN, PAGE_HEIGHT + 40, HIDDEN_TEXT)
    footer(canvas, layout, 1, text)


def second_page(canvas: Canvas, layout: Layout, text: NewspaperText) -> None:
    header(canvas, layout, 2)
    column_gap = layout.body * 1.5
    column_width = (PAGE_WIDTH - 2 * MARGIN - column_gap) / 2
    chars = int(column_width // layout.body)
    y = PAGE_HEIGHT - 60
    canvas.setFont(FONT, layout.body)
    canvas.drawString(MARGIN, y, "（上接第1版）")
    y -= layout.leading
    y = draw_columns(canvas, layout, [column_lines(FARM_CONTINUED, chars)], [MARGIN], y)
    # Beside the continued text, nothing: the next article starts below it.
    y -= layout.leading * 2
    canvas.setFont(FONT, layout.headline)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, SCHOOL_TITLE)
    y -= layout.headline * 1.2
    canvas.setFont(FONT, layout.subhead)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, SCHOOL_SUBTITLE)
    y -= layout.leading * 2
    lefts = [MARGIN, MARGIN + column_width + column_gap]
    lines = column_lines(SCHOOL_PARAGRAPHS, chars)
    draw_columns(canvas, layout, split_in_two(lines), lefts, y)
    footer(canvas, layout, 2, text)


def newspaper_pdf(layout: Layout | None = None, *, password: str | None = None) -> bytes:
    """Two newspaper pages as PDF bytes (encrypted with `password` when given)."""
    layout = layout or Layout()
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, canPrint=1) if password else None
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), encrypt=encrypt)
    text = NewspaperText()
    first_page(canvas, layout, text)
    canvas.showPage()
    second_page(canvas, layout, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def plain_pdf(pages: list[list[str]], size: float = 12.0) -> bytes:
    """Pages of one-size text, one paragraph per line (a PDF whose sizes tell nothing)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for page in pages:
        canvas.setFont(FONT, size)
        y = PAGE_HEIGHT - 60
        for paragraph in page:
            for line in wrap(paragraph, int((PAGE_WIDTH - 2 * MARGIN) // size)):
                canvas.drawString(MARGIN, y, line)
                y -= size * 1.5
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages holding only a picture: no text layer, as a scan."""
    from PIL import Image, ImageDraw  # reportlab's own dependency

    picture = Image.new("L", (200, 280), 255)
    ImageDraw.Draw(picture).rectangle((20, 20, 180, 60), fill=0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for _ in range(pages):
        canvas.drawInlineImage(picture, MARGIN, MARGIN, 400, 560)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
