"""Pages per second of Yuedu's PDF reading, against PDFium's own character extraction.

    python bench/pdf_import.py              # 40 dense pages, best of 3
    python bench/pdf_import.py --pages 8 --repeat 5

The PDF is made here with reportlab (the test extra): newspaper pages of four columns of
12-point text under headlines, about 3,000 characters a page. Rows:

- floor: in this process, pypdfium2 opens the PDF and, page by page, takes its text and
  every character's box (`PdfTextPage.get_text_range`, `get_charbox`) — the least any
  reader of characters' positions does;
- extract: `extract_pdf` — the child process started, PDFium read there (text, sizes,
  boxes, frames), the plain data sent back, and the columns, paragraphs and articles made
  here. The ratio is its pages per second to the floor's. Target ≥ 0.5×. A second, tighter
  floor does the same through PDFium's C functions with no Python wrapper per character
  (as the worker does), and its ratio is printed too;
- import (for information): `import_path` into a new library — extraction plus
  segmenting with jieba and storing; jieba is loaded before the clock starts.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

SENTENCES = [
    "各地抢抓农时组织农机手检修拖拉机和播种机，为春耕生产做好准备。",
    "合作社负责人说，机具检修要赶在播种前完成，误了农时就误了一年的收成。",
    "技术人员下乡服务，帮助农户解决机具维修和种子化肥调运中遇到的困难。",
    "今年还将新建一批烘干中心和育秧工厂，提高粮食生产的机械化水平。",
    "有了托管服务，外出务工也不耽误家里的农活，收入比往年多了一截。",
]


def dense_pdf(page_count: int) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height, margin, body = 842.0, 1191.0, 40.0, 12.0
    columns, gutter = 4, 14.0
    column_width = (width - 2 * margin - (columns - 1) * gutter) / columns
    chars = int(column_width // body)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    sentence = 0
    for page in range(page_count):
        canvas.setFont(font, 9)
        canvas.drawCentredString(width / 2, 20, f"第 {page + 1} 页")
        for article, top in enumerate((height - 60, height / 2 - 20)):
            canvas.setFont(font, 28)
            canvas.drawString(margin, top, f"第{page + 1}版第{article + 1}篇 春耕备耕有序推进")
            rows = int((top - 60 - (60 if article else height / 2)) // (body * 1.5))
            canvas.setFont(font, body)
            for row in range(rows):
                y = top - 50 - row * body * 1.5
                for column in range(columns):
                    text = SENTENCES[sentence % len(SENTENCES)] * 2
                    sentence += 1
                    left = margin + column * (column_width + gutter)
                    canvas.drawString(left, y, text[:chars])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def floor_seconds(data: bytes) -> float:
    import pypdfium2 as pdfium

    started = time.perf_counter()
    pdf = pdfium.PdfDocument(data)
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        textpage.get_text_range()
        for char in range(textpage.count_chars()):
            textpage.get_charbox(char, loose=True)
    return time.perf_counter() - started


def raw_floor_seconds(data: bytes) -> float:
    """The same through PDFium's C calls with no wrapper per character: the page's text in
    one call and each character's loose box."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    started = time.perf_counter()
    pdf = pdfium.PdfDocument(data)
    rect = raw.FS_RECTF()
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        count = raw.FPDFText_CountChars(textpage)
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        raw.FPDFText_GetText(
            textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        )
        handle, loose_box = textpage.raw, raw.FPDFText_GetLooseCharBox
        for char in range(count):
            loose_box(handle, char, rect)
    return time.perf_counter() - started


def extract_seconds(path: Path) -> tuple[float, int, int]:
    from reader.importing.pdf_extract import extract_pdf

    started = time.perf_counter()
    with path.open("rb") as file:
        document = extract_pdf(file, path.name, lambda fraction, stage: None)
    return time.perf_counter() - started, len(document.articles), len(document.paragraphs)


def import_seconds(path: Path, folder: Path) -> float:
    from reader.importer import import_path
    from reader.library import Library

    with Library.open(folder / f"lib-{time.monotonic_ns()}.sqlite") as library:
        started = time.perf_counter()
        import_path(library, path)
        return time.perf_counter() - started


def pdf_import_row(pages: int = 40, repeat: int = 3) -> dict[str, object]:
    """The row of `bench/run.py`'s table: extraction's pages per second against the floor."""
    data = dense_pdf(pages)
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "dense.pdf"
        path.write_bytes(data)
        floor = min(floor_seconds(data) for _ in range(repeat))
        extract = min(extract_seconds(path)[0] for _ in range(repeat))
    return {
        "row": f"PDF import, {pages} dense pages (child process + layout)",
        "value": f"{pages / extract:.1f} pages/s",
        "floor": f"{pages / floor:.1f} pages/s (pypdfium2 text + boxes)",
        "ratio": floor / extract,
        "target": "≥ 0.5",
        "ok": floor / extract >= 0.5,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from reader.text.segment import segment_ends

    segment_ends("先把分词器的词典载入。")
    data = dense_pdf(args.pages)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path = folder / "dense.pdf"
        path.write_bytes(data)
        floor = min(floor_seconds(data) for _ in range(args.repeat))
        raw_floor = min(raw_floor_seconds(data) for _ in range(args.repeat))
        extracts = [extract_seconds(path) for _ in range(args.repeat)]
        extract = min(seconds for seconds, _, _ in extracts)
        whole = min(import_seconds(path, folder) for _ in range(args.repeat))
    _, articles, paragraphs = extracts[0]
    pages = args.pages
    print(f"{pages} pages, {len(data) // 1024} KB: {articles} articles, {paragraphs} paragraphs")
    print(f"floor (pypdfium2 text + boxes):  {pages / floor:8.1f} pages/s  ({floor:.3f} s)")
    print(f"raw floor (C calls, no wrapper): {pages / raw_floor:8.1f} pages/s  ({raw_floor:.3f} s)")
    print(f"extract (child + layout):        {pages / extract:8.1f} pages/s  ({extract:.3f} s)")
    print(f"import (extract + jieba + store):{pages / whole:8.1f} pages/s  ({whole:.3f} s)")
    print(f"ratio extract/floor: {floor / extract:.2f}x (target >= 0.5x)")
    print(f"ratio extract/raw floor: {raw_floor / extract:.2f}x")


if __name__ == "__main__":
    main()
