"""Structured documents (PDF, EPUB, web pages) go through the same spool and store as text.

The extractor here is a stand-in with a fixed layout, so that the shared path is tested on
its own: the real extractors have their own tests."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from reader.importer import ImportRefused, content_hash, import_path
from reader.importing import documents
from reader.importing.documents import ExtractedDocument
from reader.importing.outcomes import Checkpoint
from reader.library.store import Library
from reader.text.split import ArticleDraft

PARAGRAPHS = [
    "第 3 版",  # a page header, outside every article
    "春耕时节农机忙",
    "本报讯 连日来，各地农民抢抓农时，田间地头一派繁忙景象。",
    "合作社的拖拉机一天能耕地两百亩。",
    "河边新修了步道",
    "沿河步道已经完工，市民晚饭后常来散步。",
]


def fake_extract(file: BinaryIO, file_name: str, checkpoint: Checkpoint) -> ExtractedDocument:
    checkpoint(0.5, "Reading pages")
    if file.read() == b"broken":
        raise ImportRefused(f"{file_name} could not be read: it is broken.")
    farm = ArticleDraft("春耕时节农机忙", False, "", PARAGRAPHS[2:4], 1, 4)
    river = ArticleDraft("河边新修了步道", False, "", PARAGRAPHS[5:6], 4, 6)
    return ExtractedDocument(list(PARAGRAPHS), [farm, river], "PDF", ["page 2 has no text"])


def empty_extract(file: BinaryIO, file_name: str, checkpoint: Checkpoint) -> ExtractedDocument:
    return ExtractedDocument(["", " "], [], "PDF")


@pytest.fixture
def fake_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(documents.EXTRACTORS, ".fakepdf", f"{__name__}:fake_extract")
    monkeypatch.setitem(documents.EXTRACTORS, ".emptypdf", f"{__name__}:empty_extract")


def test_a_structured_file_is_stored_with_its_own_articles(
    tmp_path: Path, fake_format: None
) -> None:
    page = tmp_path / "page.fakepdf"
    page.write_bytes(b"fake page")
    library = Library.open(tmp_path / "lib.sqlite")
    seen: list[tuple[float, str]] = []
    outcome = import_path(library, page, progress=lambda f, s: seen.append((f, s)))
    articles = [library.get_article(article_id) for article_id in outcome.article_ids]
    assert [a.title for a in articles if a] == ["春耕时节农机忙", "河边新修了步道"]
    assert articles[0] and articles[0].text == "\n".join(PARAGRAPHS[2:4])
    assert outcome.encoding == "PDF"
    source = library.source_by_hash(content_hash(b"fake page"))
    assert source and library.source_paragraphs(source.id) == PARAGRAPHS
    assert outcome.warnings == ["page 2 has no text"]
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert "Reading pages" in {stage for _, stage in seen}
    # Imported again: a duplicate, as for text.
    assert import_path(library, page).duplicate_of is not None


def test_a_refused_or_empty_document_stores_nothing(tmp_path: Path, fake_format: None) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    broken = tmp_path / "broken.fakepdf"
    broken.write_bytes(b"broken")
    with pytest.raises(ImportRefused, match="it is broken"):
        import_path(library, broken)
    empty = tmp_path / "empty.emptypdf"
    empty.write_bytes(b"empty page")
    with pytest.raises(ImportRefused, match="no readable text"):
        import_path(library, empty)
    assert library.article_count() == 0
