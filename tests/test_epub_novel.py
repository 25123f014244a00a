"""A whole novel as an EPUB: the 80 chapters of 红楼梦 from ../shared, made into an EPUB 3
at test time, import as the same chapters, with the same titles and text, as the text file."""

from __future__ import annotations

import re
from pathlib import Path

from reader.importer import import_path
from reader.library.store import Library
from reader.text.split import clean_title, is_chapter_heading
from tests.epub_samples import CONTAINER, XHTML, opf, xhtml, zip_book
from tests.shared_data import NOVEL, needs_shared


def novel_chapters() -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of each chapter of the novel's text file."""
    chapters: list[tuple[str, list[str]]] = []
    for line in NOVEL.read_text(encoding="utf-8").splitlines():
        line = line.strip(" \t\u3000")
        if not line:
            continue
        if is_chapter_heading(line):
            chapters.append((line, []))
        elif chapters:
            chapters[-1][1].append(line)
    return chapters


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def novel_epub(chapters: list[tuple[str, list[str]]]) -> bytes:
    files: dict[str, str | bytes] = {"META-INF/container.xml": CONTAINER}
    manifest = [("nav", "nav.xhtml", XHTML, "nav")]
    links = []
    for number, (heading, paragraphs) in enumerate(chapters, start=1):
        body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
        files[f"OEBPS/c{number:03}.xhtml"] = xhtml(f"<h2>{escape(heading)}</h2>{body}")
        manifest.append((f"c{number}", f"c{number:03}.xhtml", XHTML, ""))
        links.append(f'<li><a href="c{number:03}.xhtml">{escape(heading)}</a></li>')
    files["OEBPS/nav.xhtml"] = xhtml(f'<nav epub:type="toc"><ol>{"".join(links)}</ol></nav>')
    spine = [item_id for item_id, *_ in manifest[1:]]
    files["OEBPS/content.opf"] = opf(manifest, spine, title="红楼梦")
    return zip_book(files)


@needs_shared
def test_a_novel_as_an_epub_imports_as_its_chapters(tmp_path: Path) -> None:
    chapters = novel_chapters()
    assert len(chapters) >= 80
    path = tmp_path / "hongloumeng.epub"
    path.write_bytes(novel_epub(chapters))
    library = Library.open(tmp_path / "lib.sqlite")
    outcome = import_path(library, path)
    articles = [library.get_article(article_id) for article_id in outcome.article_ids]
    assert [a.title for a in articles if a] == [clean_title(h) for h, _ in chapters]
    for article, (_, paragraphs) in zip(articles, chapters, strict=True):
        assert article is not None
        # The chapter's text as written, less the spacing HTML does not keep.
        assert article.text == "\n".join(re.sub(r"[ \t\n]+", " ", p) for p in paragraphs)
