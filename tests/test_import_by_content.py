"""A file is read as what its bytes say it is, whatever its name: a PDF downloaded as
`.txt`, an EPUB without its suffix, a web page saved as text. Text that merely looks like
the start of one of them stays text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reader.importer import ImportRefused, has_pages, import_path
from reader.importing.documents import EPUB, PDF, WEB_PAGE, sniffed_extractor
from reader.library.store import Library
from tests.epub_samples import EPUB3_TITLES, epub3_book
from tests.pdf_samples import newspaper_pdf
from tests.web_samples import NEWS_TITLE, news_page


def imported_titles(folder: Path, data: bytes, name: str) -> tuple[list[str], str]:
    """Titles of the articles imported from `data` saved as `name`, and the stored format."""
    path = folder / name
    path.write_bytes(data)
    library = Library.open(folder / f"{name}.sqlite3")
    outcome = import_path(library, path)
    titles = [library.get_article(i).title for i in outcome.article_ids]  # type: ignore[union-attr]
    return titles, outcome.encoding


@pytest.mark.parametrize("name", ["page.txt", "page", "page.download"])
def test_a_pdf_under_another_name_is_read_as_a_pdf(tmp_path: Path, name: str) -> None:
    as_pdf = imported_titles(tmp_path, newspaper_pdf(), "page.pdf")
    assert imported_titles(tmp_path, newspaper_pdf(), name) == as_pdf
    assert as_pdf[1] == "PDF" and len(as_pdf[0]) == 3


@pytest.mark.parametrize("name", ["book", "book.zip", "book.pdf"])
def test_an_epub_under_another_name_is_read_as_an_epub(tmp_path: Path, name: str) -> None:
    titles, _ = imported_titles(tmp_path, epub3_book(), name)
    assert titles == EPUB3_TITLES


def test_a_web_page_saved_as_text_is_read_as_a_web_page(tmp_path: Path) -> None:
    page = news_page().encode("utf-8")
    as_html = imported_titles(tmp_path, page, "news.html")
    as_text = imported_titles(tmp_path, page, "news.txt")
    assert as_text == as_html and as_html[0][0] == NEWS_TITLE


def test_text_that_only_looks_like_markup_or_an_archive_stays_text(tmp_path: Path) -> None:
    # Prose about a tag, not a page: no tag name ends where a page's would.
    prose = "<html标签>是网页的开头。\n\n学网页设计的人都先学它。\n".encode()
    titles, encoding = imported_titles(tmp_path, prose, "notes.txt")
    assert encoding == "UTF-8" and titles
    # A ZIP that is not an EPUB (its first entry is not the EPUB mimetype) is refused as a
    # ZIP archive, as before; nothing is stored.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path = tmp_path / "report.txt"
    path.write_bytes(buffer.getvalue())
    library = Library.open(tmp_path / "zip.sqlite3")
    with pytest.raises(ImportRefused, match="ZIP archive"):
        import_path(library, path)
    assert library.article_count() == 0


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", PDF),
        (b"\xef\xbb\xbf\r\n%PDF-1.4", PDF),
        (b"<!DOCTYPE html>\n<html lang='zh'>", WEB_PAGE),
        (b"\n  <HTML>\n<head>", WEB_PAGE),
        (b"<html\n xmlns='http://www.w3.org/1999/xhtml'>", WEB_PAGE),
        (b"<htmlx>", None),
        (b"<!DOCTYPE note SYSTEM 'note.dtd'>", None),
        (b"PDF-1.7 is a file format", None),
        ("本报讯 %PDF- 是一种格式".encode(), None),
        (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/epub+zip", EPUB),
        (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", None),
        (b"", None),
    ],
)
def test_the_signatures_that_decide(head: bytes, kind: str | None) -> None:
    assert sniffed_extractor(head) == kind


def test_whether_pages_are_asked_follows_the_bytes_not_the_name(tmp_path: Path) -> None:
    """File ▸ Import asks a PDF's pages: of a PDF under any name, never of an EPUB named
    `.pdf`; what it cannot read it judges by the name, as the import would."""
    files = {
        "page.txt": newspaper_pdf(),
        "page": newspaper_pdf(),
        "book.pdf": epub3_book(),
        "notes.txt": "春天来了。".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert [has_pages(tmp_path / name) for name in files] == [True, True, False, False]
    assert has_pages(tmp_path / "missing.pdf") and not has_pages(tmp_path / "missing.txt")
    library = tmp_path / "library.pdf"  # a library whose own name says PDF: never opened
    library.write_bytes(b"SQLite format 3\x00")
    assert has_pages(library, library_path=library)


def test_a_pipe_is_judged_by_its_name_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "stream.pdf"
    os.mkfifo(pipe)  # opening it to read would block until something wrote to it
    assert has_pages(pipe)


@pytest.mark.parametrize("pages", [None, range(1, 2), range(2, 5), range(29, 37)])
def test_a_document_label_reads_back_as_written(pages: range | None) -> None:
    from reader.importing.documents import document_label, read_document_label

    assert read_document_label(document_label("PDF", pages)) == ("PDF", pages)
    assert document_label("PDF", range(2, 5)) == "PDF, pages 3-5"  # as libraries hold it


@pytest.mark.parametrize("encoding", ["UTF-8", "GB18030", "PDF-ish", "PDF, pages x"])
def test_an_encoding_is_not_read_as_a_document_label(encoding: str) -> None:
    from reader.importing.documents import read_document_label

    assert read_document_label(encoding) is None
