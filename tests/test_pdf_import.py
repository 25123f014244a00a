"""PDF import: newspaper pages made at test time become their articles, in reading order,
without furniture, captions or sidebars; scans, encrypted and broken files are refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.app import main
from reader.importer import ImportRefused, import_path, prepare_import
from reader.importing.documents import page_range
from reader.importing.pdf_extract import extract_pdf
from reader.library.store import Library
from tests import pdf_samples
from tests.pdf_samples import Layout, newspaper_pdf, plain_pdf, scanned_pdf

FARM_TITLE = " ".join(pdf_samples.FARM_TITLE)
FARM_TEXT = pdf_samples.FARM_PARAGRAPHS + pdf_samples.FARM_CONTINUED


def no_spaces(text: str) -> str:
    return text.replace(" ", "")


def extract(data: bytes, pages: range | None = None):  # type: ignore[no-untyped-def]
    if pages is None:
        return extract_pdf(io.BytesIO(data), "page.pdf", lambda fraction, stage: None)
    return extract_pdf(io.BytesIO(data), "page.pdf", lambda fraction, stage: None, pages=pages)


@pytest.mark.skipif(
    not pdf_samples.lone_characters_extracted(),
    reason="PDFium reads the letter-spaced byline only with a system CJK font (fonts-noto-cjk)",
)
@pytest.mark.parametrize("body", [12.0, 9.0, 15.0])
def test_newspaper_pages_become_their_articles(body: float) -> None:
    """Whatever the body size, headlines are told by size against it."""
    document = extract(newspaper_pdf(Layout(body=body)))
    titles = [draft.title for draft in document.articles]
    assert titles == [FARM_TITLE, pdf_samples.RIVER_TITLE, pdf_samples.SCHOOL_TITLE]
    farm, river, school = document.articles
    # Two columns read one after the other, a paragraph broken at a column's foot joined,
    # and the rest of the article from page 2 (上接第1版) appended.
    assert [no_spaces(p) for p in farm.paragraphs] == [no_spaces(p) for p in FARM_TEXT]
    # The letter-spaced names are names again.
    assert farm.byline == "本报记者 " + " ".join(pdf_samples.FARM_BYLINE_NAMES)
    # An end byline in parentheses is the byline, out of the text.
    assert river.byline == "王芳"
    assert river.paragraphs[-1].endswith("景色宜人的公园。")
    # The subtitle opens the text; the page break inside the second column is joined.
    assert school.paragraphs[0] == pdf_samples.SCHOOL_SUBTITLE
    assert [no_spaces(p) for p in school.paragraphs[1:]] == [
        no_spaces(p) for p in pdf_samples.SCHOOL_PARAGRAPHS
    ]


def test_furniture_captions_sidebars_and_hidden_text_stay_out_of_articles() -> None:
    document = extract(newspaper_pdf())
    article_text = "\n".join(draft.text for draft in document.articles)
    source_text = "\n".join(document.paragraphs)
    for furniture in ["晨光日报", "第 1 页", "第 2 页", "星期二", pdf_samples.HIDDEN_TEXT]:
        assert furniture not in article_text
    assert pdf_samples.HIDDEN_TEXT not in source_text  # off the page: never imported
    assert "第 1 页" not in source_text and "星期二" not in source_text
    # Caption and sidebar are kept in the source's text, outside every article.
    caption = no_spaces(pdf_samples.CAPTION)
    assert caption in no_spaces(source_text) and caption not in no_spaces(article_text)
    for line in pdf_samples.SIDEBAR_LINES:
        assert line in source_text and line not in article_text
    assert "转第2版" not in article_text and "上接第1版" not in article_text
    for draft in document.articles:  # every article's span holds its paragraphs
        span = "".join(document.paragraphs[draft.first_paragraph : draft.end_paragraph])
        assert no_spaces(draft.title).split()[0][:4] in no_spaces(span)


def test_a_pdf_whose_sizes_tell_nothing_is_split_by_its_words() -> None:
    chapter_one = ["第一章 出发", "清晨，他背起行囊走出了村子。山路弯弯，雾气还没有散去。"]
    chapter_two = ["第二章 进城", "城里的街道很宽，两边是高高的楼房，他一时不知道往哪里走。"]
    document = extract(plain_pdf([chapter_one, chapter_two]))
    assert [draft.title for draft in document.articles] == ["第一章 出发", "第二章 进城"]
    assert document.articles[1].paragraphs == [chapter_two[1]]


def test_a_page_range_imports_only_those_pages(tmp_path: Path) -> None:
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    library = Library.open(tmp_path / "lib.sqlite")
    outcome = import_path(library, page, pages=range(1, 2))
    titles = [library.get_article(article_id).title for article_id in outcome.article_ids]  # type: ignore[union-attr]
    # The continued part, alone, is an article of its own with a title from its words.
    assert titles[1] == pdf_samples.SCHOOL_TITLE and len(titles) == 2
    assert titles[0].startswith("在南部山区")
    assert outcome.encoding == "PDF, page 2"
    # The same pages again: a duplicate. Other pages of the same file: a new source.
    assert import_path(library, page, pages=range(1, 2)).is_duplicate
    whole = import_path(library, page)
    assert not whole.is_duplicate and len(whole.article_ids) == 3
    before = library.article_count()
    with pytest.raises(ImportRefused, match="has 2 pages"):
        import_path(library, page, pages=range(1, 5))
    assert library.article_count() == before


def test_a_page_range_is_refused_for_a_text_file(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="PDF files only"):
        prepare_import("春天来了。".encode(), "note.txt", pages=range(0, 1))


def test_page_ranges_are_read_as_people_count_pages() -> None:
    assert page_range("30-37") == range(29, 37)
    assert page_range("5") == range(4, 5)
    for bad in ["0-3", "7-3", "a-b", "1-2-3", ""]:
        with pytest.raises(ValueError, match="not a page range"):
            page_range(bad)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (scanned_pdf(), "no text layer.*OCR"),
        (newspaper_pdf(password="secret"), "encrypted with a password"),
        (newspaper_pdf()[:2000], "could not be read: it is damaged or not a PDF"),
        (b"%PDF-1.7\nnot really a PDF at all", "could not be read"),
    ],
    ids=["scan", "encrypted", "truncated", "garbage"],
)
def test_unreadable_pdfs_are_refused_and_nothing_is_written(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    import_path(library, _text_file(tmp_path))
    before = (library.article_count(), len(library.list_articles()))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data)
    with pytest.raises(ImportRefused, match=reason):
        import_path(library, bad)
    assert (library.article_count(), len(library.list_articles())) == before


def _text_file(folder: Path) -> Path:
    path = folder / "note.txt"
    path.write_text("河边新修了步道\n本报讯 沿河步道已经完工，市民晚饭后常来散步。\n", "utf-8")
    return path


def test_the_cli_imports_a_pdf_and_exits_2_on_a_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    db = str(tmp_path / "lib.sqlite")
    assert main(["--db", db, "import", str(page), "--pages", "1-1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in result["articles"]] == [FARM_TITLE, pdf_samples.RIVER_TITLE]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    assert main(["--db", db, "import", str(scan)]) == 2
    assert "no text layer" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "import", str(page), "--pages", "9-1"])
    assert exit_info.value.code == 2
    with Library.open(Path(db)) as library:
        assert library.article_count() == 2
