"""The child process that reads a PDF with pypdfium2 and sends back plain data. Qt-free.

PDFium is native code: a hostile or broken file can crash it, make it spin or make it
allocate without end. So it never runs in the window's process: `reader.importing.
pdf_process` starts this module as `python -m reader.importing.pdf_worker PATH FIRST END
MEMORY_LIMIT` (a frozen build: `yuedu --pdf-worker PATH FIRST END MEMORY_LIMIT`), with its
address space capped (RLIMIT_AS) before PDFium is loaded, and kills it when it overruns its
time. PATH `-` reads the PDF from standard input.

What it writes to standard output, one JSON object a line:

- `{"page_count": N}` once the document is open;
- `{"page": i, "width": w, "height": h, "runs": [...], "boxes": [...], "images": k,
  "outside": n}` for each page read, where a run is `[text, size, left, right, top,
  bottom]` — characters of one size set close together on one line, in the order the
  file draws them; a box is `[left, bottom, right, top, filled]` of a rectangle drawn on
  the page (a frame round a sidebar, a photo); `outside` counts characters placed off the
  page box, which are dropped;
- `{"error": kind, "detail": words}` when the file cannot be opened (kind `password`,
  `format`, `file`, `security`, `other`).

Coordinates are PDF points, y upwards, relative to the page's crop box.
"""

from __future__ import annotations

import ctypes
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

# PDFium's characters: ones it made up (spaces, line ends between text objects) are not
# in the file; they are skipped, and spacing is measured from the boxes instead.
_GENERATED = {"\r", "\n", "\x02", "\ufffe", "\x00"}
# A run ends at a gap wider than this share of the font size: wider gaps are letter-
# spacing, a column gutter or a tab, which the parent tells apart.
RUN_GAP = 0.45
_SAME_LINE = 0.3  # baselines closer than this share of the size are one line
_MIN_BOX = 8.0  # points: thinner rectangles are rules, not frames


def limit_memory(limit_bytes: int) -> None:
    """Cap this process's address space; an allocation beyond it fails instead of
    swapping the machine (only where the platform has RLIMIT_AS)."""
    if limit_bytes <= 0:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit_bytes = min(limit_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, hard))


def make_runs(
    text: str, sizes: Sequence[float], boxes: Sequence[tuple[float, float, float, float]]
) -> list[list[Any]]:
    """Characters (their text, font sizes and (left, top, right, bottom) boxes, in drawing
    order) grouped into runs: same line, same size, each character close after the last."""
    runs: list[list[Any]] = []
    chars: list[str] = []
    size = left = right = top = bottom = 0.0
    middle = 0.0

    def flush() -> None:
        run_text = "".join(chars).strip()
        if run_text:
            runs.append(
                [
                    run_text,
                    round(size, 2),
                    round(left, 2),
                    round(right, 2),
                    round(top, 2),
                    round(bottom, 2),
                ]
            )

    for ch, char_size, (x0, y1, x1, y0) in zip(text, sizes, boxes, strict=True):
        if ch in _GENERATED:
            continue
        char_middle = (y0 + y1) / 2
        same_run = (
            chars
            and abs(char_size - size) <= 0.1 * size
            and abs(char_middle - middle) <= _SAME_LINE * size
            and -RUN_GAP * size <= x0 - right <= RUN_GAP * size
        )
        if not same_run:
            if chars:
                flush()
            chars = []
            size, left, top, bottom, middle = char_size, x0, y1, y0, char_middle
            right = x1
        chars.append(ch)
        if x1 > right:
            right = x1
        if y1 > top:
            top = y1
        if y0 < bottom:
            bottom = y0
    if chars:
        flush()
    return runs


def read_page(pdf: Any, index: int) -> dict[str, Any]:
    import pypdfium2.raw as raw

    page = pdf[index]
    crop_left, crop_bottom, crop_right, crop_top = page.get_cropbox()
    width, height = crop_right - crop_left, crop_top - crop_bottom
    textpage = page.get_textpage()
    chars = page_chars(raw, textpage, raw.FPDFText_CountChars(textpage))
    sizes: list[float] = []
    boxes: list[tuple[float, float, float, float]] = []
    kept: list[str] = []
    outside = 0
    # Bound once: this loop runs for every character of the PDF.
    handle, rect = textpage.raw, raw.FS_RECTF()
    loose_box, font_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    keep, add_size, add_box = kept.append, sizes.append, boxes.append
    for index_in_page, last_index, ch in chars:
        if ch in _GENERATED:
            continue
        loose_box(handle, index_in_page, rect)
        x0, x1 = rect.left - crop_left, rect.right - crop_left
        y1, y0 = rect.top - crop_bottom, rect.bottom - crop_bottom
        if last_index != index_in_page:  # one character over two indices: both boxes
            loose_box(handle, last_index, rect)
            x0, x1 = min(x0, rect.left - crop_left), max(x1, rect.right - crop_left)
            y1, y0 = max(y1, rect.top - crop_bottom), min(y0, rect.bottom - crop_bottom)
        if not (0 <= x0 + x1 <= 2 * width and 0 <= y0 + y1 <= 2 * height):  # centre outside
            outside += not ch.isspace()
            continue
        keep(ch)
        add_size(font_size(handle, index_in_page))
        add_box((x0, y1, x1, y0))
    runs = make_runs("".join(kept), sizes, boxes)
    frames, images = _page_boxes(raw, page, crop_left, crop_bottom)
    return {
        "page": index,
        "width": round(width, 2),
        "height": round(height, 2),
        "runs": runs,
        "boxes": frames,
        "images": images,
        "outside": outside,
    }


def page_chars(raw: Any, textpage: Any, count: int) -> Iterable[tuple[int, int, str]]:
    """The page's characters as (first index, last index, character), in index order.

    PDFium numbers UTF-16 units, not characters: a character beyond the BMP (𠮷, an
    emoji) is two indices holding its surrogate halves. They are joined into the one code
    point here, so that what goes out is valid text and every stored offset counts code
    points; a lone half (a broken file) becomes U+FFFD."""
    if count <= 0:
        return ()
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[: count * 2]
    text = units.decode("utf-16-le", errors="replace")
    if len(text) == count and "\ufffd" not in text:  # one character per index
        return zip(range(count), range(count), text, strict=True)
    codes = [raw.FPDFText_GetUnicode(textpage, i) for i in range(count)]
    return join_surrogates(codes)


def join_surrogates(codes: Sequence[int]) -> list[tuple[int, int, str]]:
    """Code units by index (what FPDFText_GetUnicode answers) as (first index, last
    index, character): a high surrogate followed by a low one is one character."""
    chars: list[tuple[int, int, str]] = []
    index, count = 0, len(codes)
    while index < count:
        code = codes[index]
        if 0xD800 <= code < 0xDC00 and index + 1 < count and 0xDC00 <= codes[index + 1] < 0xE000:
            joined = 0x10000 + ((code - 0xD800) << 10) + (codes[index + 1] - 0xDC00)
            chars.append((index, index + 1, chr(joined)))
            index += 2
            continue
        if not 0 < code <= 0x10FFFF or 0xD800 <= code < 0xE000:
            code = 0xFFFD  # nothing, or half a character with no other half
        chars.append((index, index, chr(code)))
        index += 1
    return chars


def _page_boxes(
    raw: Any, page: Any, crop_left: float, crop_bottom: float
) -> tuple[list[list[float]], int]:
    """Rectangles drawn on the page (frames, shaded boxes, pictures) and its picture count."""
    frames: list[list[float]] = []
    images = 0
    kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)
    for page_object in page.get_objects(filter=kinds, max_depth=2):
        left, bottom, right, top = page_object.get_bounds()
        is_image = page_object.type == raw.FPDF_PAGEOBJ_IMAGE
        images += is_image
        if right - left < _MIN_BOX or top - bottom < _MIN_BOX:
            continue
        filled = 1 if is_image else _path_is_filled(raw, page_object)
        frames.append(
            [
                round(left - crop_left, 2),
                round(bottom - crop_bottom, 2),
                round(right - crop_left, 2),
                round(top - crop_bottom, 2),
                filled,
            ]
        )
    return frames, images


def _path_is_filled(raw: Any, page_object: Any) -> int:
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(page_object.raw, fill_mode, stroke):
        return 0
    return 1 if fill_mode.value else 0


class _Output:
    """JSON lines in UTF-8 whatever the locale, each flushed so the parent sees progress."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, line: str) -> None:
        self.stream.write(line.encode("utf-8"))
        self.stream.flush()


# In a frozen build (PyInstaller) there is no `python -m`: the app's own executable is
# started with this first argument, and `reader.app.main` hands over to `main` below.
FROZEN_WORKER_FLAG = "--pdf-worker"

_ERROR_KINDS = {2: "file", 3: "format", 4: "password", 5: "security"}


def main(argv: Sequence[str]) -> int:
    path, first, end, memory_limit = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    limit_memory(memory_limit)
    import pypdfium2 as pdfium

    out = _Output(sys.stdout.buffer)
    source: Any = sys.stdin.buffer.read() if path == "-" else path
    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as error:
        kind = _ERROR_KINDS.get(getattr(error, "err_code", 0) or 0, "other")
        out.write(json.dumps({"error": kind, "detail": str(error)}) + "\n")
        return 3
    page_count = len(pdf)
    out.write(json.dumps({"page_count": page_count}) + "\n")
    for index in range(max(first, 0), min(end, page_count)):
        out.write(json.dumps(read_page(pdf, index), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
