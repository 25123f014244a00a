"""EPUB import: chapters from the spine, titles from the table of contents (EPUB 3 nav and
EPUB 2 NCX), the chapter text as a reader sees it. The books are built in tests/epub_samples;
hostile archives and XML are in tests/test_epub_hostile.py."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.importer import ImportRefused, content_hash, import_path
from reader.importing.epub import extract_epub
from reader.importing.epub_archive import EpubArchive
from reader.library.store import Library
from reader.text.split import MAX_ARTICLE_CHARS
from tests.epub_samples import (
    EPUB2_TITLES,
    EPUB3_TITLES,
    XHTML,
    epub2_book,
    epub2_files,
    epub3_book,
    epub3_files,
    opf,
    xhtml,
    zip_book,
)


def import_book(tmp_path: Path, data: bytes, name: str = "book.epub") -> tuple[Library, list]:
    path = tmp_path / name
    path.write_bytes(data)
    library = Library.open(tmp_path / "lib.sqlite")
    outcome = import_path(library, path)
    articles = [library.get_article(article_id) for article_id in outcome.article_ids]
    assert outcome.encoding == "EPUB"
    return library, [article for article in articles if article is not None]


def no_progress(fraction: float, stage: str) -> None:
    return None


def test_an_epub3_book_is_one_article_per_toc_entry_in_spine_order(tmp_path: Path) -> None:
    library, articles = import_book(tmp_path, epub3_book())
    # The cover (a picture) and the navigation document give no article.
    assert [article.title for article in articles] == EPUB3_TITLES
    first, summer, autumn, notes = (article.text for article in articles)
    # The heading is the title, not the text; ruby annotations are gone; the footnote
    # marker reads as [1]; <br> breaks the paragraph.
    assert first.split("\n") == [
        "山村的春天来得很晚。三月底，河边的柳树才冒出嫩芽。",
        "奶奶说，今年的雨水多，庄稼一定长得好[1]。",
        "我们在田埂上走了很久",
        "直到太阳落山。",
    ]
    assert "nèn" not in first and "第一章" not in first
    # Two chapters in one file, split at the TOC's fragments; the next file, outside the
    # TOC, continues the chapter before it.
    assert summer == "夏天的晚上，全村人都到打谷场上乘凉。\n爷爷摇着蒲扇，讲起年轻时候的故事。"
    assert autumn == "秋天到了，稻子黄了，田里一片金色。\n收完稻子，家家户户都晒起了新米。"
    assert notes == "1. 这里说的是春小麦。"
    # Nothing of the table of contents itself is read as text.
    source = library.source_by_hash(content_hash(epub3_book()))
    assert source is not None
    paragraphs = library.source_paragraphs(source.id)
    assert "目录" not in paragraphs and paragraphs[0] == "第一章\u3000春天来了"


def test_an_epub2_book_takes_its_titles_from_the_ncx(tmp_path: Path) -> None:
    _, articles = import_book(tmp_path, epub2_book())
    assert [article.title for article in articles] == EPUB2_TITLES
    by_title = {article.title: article.text for article in articles}
    # Front matter with text, outside the TOC, is an article titled by its heading.
    assert by_title["书名页"] == "江边小镇\n王小明\u3000著"
    # Nested entries (a part, then its chapters) each start an article; a chapter's
    # headings that repeat its TOC title are not part of its text.
    assert by_title["卷一 小镇"] == "小镇在江边，已经有三百年了。"
    assert by_title["第一回 码头"] == "天刚亮，码头上就热闹起来了。\n挑夫们喊着号子，把货物搬上船。"
    assert by_title["后记"] == "写完这本书，用了整整两年。"


def test_without_a_toc_chapters_are_titled_from_headings_and_split_at_chapter_headings(
    tmp_path: Path,
) -> None:
    manifest = [("a", "a.xhtml", XHTML, ""), ("b", "b.xhtml", XHTML, "")]
    one_file_novel = "".join(
        f"<p>{heading}</p><p>{text}</p>"
        for heading, text in [
            ("第一章 出发", "火车在清晨开出了车站。"),
            ("第二章 到达", "傍晚时分，我们到了海边。"),
        ]
    )
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": epub3_files()["META-INF/container.xml"],
        "OEBPS/content.opf": opf(manifest, ["a", "b"]),
        "OEBPS/a.xhtml": xhtml("<h1>序言</h1><p>这本书写给喜欢旅行的人。</p>"),
        "OEBPS/b.xhtml": xhtml(one_file_novel),
    }
    document = extract_epub(io.BytesIO(zip_book(files)), "trip.epub", no_progress)
    assert [draft.title for draft in document.articles] == ["序言", "第一章 出发", "第二章 到达"]
    assert document.articles[2].text == "傍晚时分，我们到了海边。"
    assert any("no table of contents" in warning for warning in document.warnings)


def test_a_very_long_chapter_is_cut_into_parts(tmp_path: Path) -> None:
    sentence = "河水日夜不停地向东流去，两岸的村庄一年年变了模样。"
    count = MAX_ARTICLE_CHARS // len(sentence) + 50
    long_chapter = xhtml(
        "<h1>第一章 春天来了</h1>" + "".join(f"<p>{n}{sentence}</p>" for n in range(count))
    )
    files = epub3_files()
    files["OEBPS/ch1.xhtml"] = long_chapter
    document = extract_epub(io.BytesIO(zip_book(files)), "long.epub", no_progress)
    titles = [draft.title for draft in document.articles]
    assert titles[:2] == ["第一章 春天来了", "第一章 春天来了 (2)"]
    first, second = document.articles[:2]
    assert first.end_paragraph == second.first_paragraph
    first_chars = sum(len(paragraph) for paragraph in first.paragraphs)
    assert first_chars >= MAX_ARTICLE_CHARS > first_chars - len(first.paragraphs[-1])
    assert first.paragraphs[0].startswith("0河水")
    assert second.paragraphs[-1].startswith(f"{count - 1}河水")


def test_an_epub_whose_chapters_hold_no_text_is_refused_and_nothing_is_stored(
    tmp_path: Path,
) -> None:
    files = epub3_files()
    for name in ("ch1", "ch2", "ch2b", "notes"):
        files[f"OEBPS/{name}.xhtml"] = xhtml('<img src="page.png"/>')
    path = tmp_path / "pictures.epub"
    path.write_bytes(zip_book(files))
    library = Library.open(tmp_path / "lib.sqlite")
    with pytest.raises(ImportRefused, match="no readable text"):
        import_path(library, path)
    assert library.article_count() == 0 and not library.source_hashes()


def test_an_epub_without_a_package_document_is_refused_in_words(tmp_path: Path) -> None:
    files = epub3_files()
    del files["META-INF/container.xml"], files["OEBPS/content.opf"]
    with pytest.raises(ImportRefused, match="not an EPUB"):
        extract_epub(io.BytesIO(zip_book(files)), "odd.epub", no_progress)
    with pytest.raises(ImportRefused, match="not a ZIP archive"):
        extract_epub(io.BytesIO(b"just some text, not a book"), "text.epub", no_progress)


def test_a_missing_chapter_file_is_a_warning_not_a_refusal() -> None:
    files = epub2_files()
    del files["OEBPS/Text/c2.html"]
    document = extract_epub(io.BytesIO(zip_book(files)), "gap.epub", no_progress)
    assert "第二回 茶馆" not in [draft.title for draft in document.articles]
    assert any("Text/c2.html is missing" in warning for warning in document.warnings)


def test_an_entry_is_read_in_chunks_up_to_its_limit() -> None:
    big = "".join(f"<p>第{n}段。</p>" for n in range(200_000)).encode()
    archive = EpubArchive(io.BytesIO(zip_book({"OEBPS/big.xhtml": big})), "big.epub")
    assert archive.read("OEBPS/big.xhtml", limit=len(big)) == big
    with pytest.raises(ImportRefused, match="zip bomb"):
        archive.read("OEBPS/big.xhtml", limit=1024 * 1024)
