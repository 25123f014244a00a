"""PDFs holding characters beyond the BMP (CJK Extension B names, emoji) import whole:
PDFium gives such a character as two surrogate halves at two indices, which the worker
joins into one code point. Real PDFs made at test time, read by the real worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.importer import import_path
from reader.importing.pdf_worker import join_surrogates
from reader.library.store import Library
from tests.pdf_samples import plain_pdf

# Characters beyond the BMP of several kinds: CJK Extension B (𠮷 𡃁 𠀀 𪚥), E (𫠠) and
# G (𰻞, in the third plane), and emoji.
ASTRAL = ["𠮷", "𡃁", "𠀀", "𪚥", "𫠠", "😀", "🀄", "𰻞"]


def _import_pdf(tmp_path: Path, pages: list[list[str]]) -> list[tuple[str, str]]:
    library = Library.open(tmp_path / "lib.sqlite")
    pdf = tmp_path / "astral.pdf"
    pdf.write_bytes(plain_pdf(pages))
    outcome = import_path(library, pdf)
    articles = [library.get_article(article_id) for article_id in outcome.article_ids]
    return [(article.title, article.text) for article in articles if article is not None]


@pytest.mark.parametrize("astral", ASTRAL)
def test_a_character_beyond_the_bmp_is_imported_in_its_place(tmp_path: Path, astral: str) -> None:
    sentence = f"今天天气很好，我们一起去{astral}野家吃饭。"
    [(_, text)] = _import_pdf(tmp_path, [[sentence]])
    assert text == sentence
    # Offsets are code points: the character is one, where the sentence has it.
    assert text.index(astral) == sentence.index(astral) == 12
    assert text.index("野") == 13


def test_many_astral_characters_on_lines_that_wrap_and_in_headings(tmp_path: Path) -> None:
    # Long enough to wrap over several PDF lines, with astral characters at and near the
    # line ends, so that joining the lines must keep every one of them whole.
    long_paragraph = "".join(f"{ch}字甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥" for ch in ASTRAL)
    pages = [
        ["第一章 𠮷野", long_paragraph],
        ["第二章 表情😀", "他笑了😀，又笑了😂，然后说：“再见👋。”"],
    ]
    articles = _import_pdf(tmp_path, pages)
    assert [title for title, _ in articles] == ["第一章 𠮷野", "第二章 表情😀"]
    assert articles[0][1].replace("\n", "") == long_paragraph
    assert articles[1][1] == "他笑了😀，又笑了😂，然后说：“再见👋。”"
    for ch in ASTRAL:
        assert ch in articles[0][1]
    # No half characters anywhere: every character is a whole code point.
    for title, text in articles:
        assert not any(0xD800 <= ord(ch) < 0xE000 for ch in title + text)


def test_surrogate_halves_are_joined_and_lone_halves_marked() -> None:
    high, low = 0xD842, 0xDFB7  # 𠮷
    codes = [ord("去"), high, low, ord("野"), high, ord("家"), low, 0, 0x4E00]
    assert join_surrogates(codes) == [
        (0, 0, "去"),
        (1, 2, "𠮷"),
        (3, 3, "野"),
        (4, 4, "\ufffd"),  # a high half without its low half
        (5, 5, "家"),
        (6, 6, "\ufffd"),  # a low half alone
        (7, 7, "\ufffd"),  # PDFium's "no character"
        (8, 8, "一"),
    ]
    # A code point given whole at one index (as other PDFium builds may) stays whole.
    assert join_surrogates([0x20BB7]) == [(0, 0, "𠮷")]
