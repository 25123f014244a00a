"""Hostile or odd input through the pipeline: NUL bytes and lone surrogates never reach
SQLite, compatibility characters are stored exactly as decoded, a very long line imports,
and SQL-looking text is only ever data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.importer import import_path, prepare_import, store_import
from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.text.decode import ImportRefused

INJECTION = "'); DROP TABLE articles; --"


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def tables(library: Library) -> set[str]:
    return {r[0] for r in library.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def one_article(library: Library, title: str, text: str) -> int:
    [article_id] = library.add_source(
        NewSource.whole(
            "t.txt", "UTF-8", hashlib.sha256(text.encode()).hexdigest(), 1, text, [text]
        ),
        [NewArticle(title, False, "", text, 0, 1, [len(text)])],
    )
    return article_id


def test_nul_bytes_are_refused_before_anything_is_written(library: Library) -> None:
    with pytest.raises(ImportRefused, match="NUL"):
        prepare_import("春眠不觉晓".encode() + b"\x00" + "处处闻啼鸟".encode(), "nul.txt")
    assert library.article_count() == 0


def test_bytes_that_would_decode_to_a_lone_surrogate_are_refused() -> None:
    data = b"\xff\xfe" + "春眠".encode("utf-16-le") + b"\x00\xd8" + "不觉".encode("utf-16-le")
    with pytest.raises(ImportRefused):
        prepare_import(data, "surrogate.txt")


def test_a_surrogate_in_utf8_is_replaced_never_stored() -> None:
    """CESU-style bytes in otherwise good UTF-8 are a damaged place, shown as U+FFFD (see
    the decoder's damaged-UTF-8 rule); no lone surrogate reaches the text."""
    text = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。" * 100
    data = "春眠".encode() + b"\xed\xa0\x80" + text.encode()
    prepared = prepare_import(data, "surrogate.txt")
    try:
        [article] = prepared.articles
        assert "\ufffd" in article.text
        assert not any(0xD800 <= ord(char) <= 0xDFFF for char in article.text)
        assert any("not UTF-8" in warning for warning in prepared.warnings)
    finally:
        prepared.discard()


def test_a_lone_surrogate_in_a_title_comment_or_tag_is_refused_and_nothing_written(
    library: Library,
) -> None:
    # Decision: refused, not replaced. sqlite3 encodes every bound string as strict UTF-8
    # before SQLite sees it, and that raises UnicodeEncodeError (a ValueError) inside the
    # transaction, which is rolled back; the window's save handlers catch ValueError.
    with pytest.raises(ValueError):
        one_article(library, "标题\ud800", "正文")
    assert library.article_count() == 0
    assert library.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    article_id = one_article(library, "标题", "春眠不觉晓，处处闻啼鸟。")
    store = AnnotationStore(library)
    with pytest.raises(ValueError):
        store.add(article_id, 0, 2, comment="评论\udfff")
    with pytest.raises(ValueError):
        store.add(article_id, 0, 2, tags=["\ud83d"])
    assert store.count() == 0
    saved = store.add(article_id, 0, 2, comment="好")
    with pytest.raises(ValueError):
        store.update(saved.id, comment="改\ud800")
    assert store.get(saved.id) == saved
    assert not library.conn.in_transaction


def test_compatibility_characters_are_stored_exactly_as_decoded(library: Library) -> None:
    # Escapes, so that no editor can fold them: U+F900 (a compatibility ideograph that
    # NFC turns into U+8C48), U+337F ㍿, full-width Ｌａｔｉｎ, ﬁ, ①, Ⅻ, half-width ｶﾀｶﾅ.
    latin = "\uff2c\uff41\uff54\uff49\uff4e"
    body = f"\uf900\u337f{latin}，春眠不觉晓。\ufb01 \u2460 \u216b \uff76\uff80\uff76\uff85\u3000。"
    data = f"标题\uf900\n{body}\n".encode()
    first = prepare_import(data, "compat.txt")
    outcome = store_import(library, first)
    [article_id] = outcome.article_ids
    article = library.get_article(article_id)
    assert article is not None
    assert body in article.text  # not NFKC-folded: 豈 stays U+F900, ㍿ stays one character
    assert "\u8c48" not in article.text and library.list_articles()[0].title == "标题\uf900"
    start = article.text.index("\u337f")
    annotation = AnnotationStore(library).add(article_id, start, start + 6)
    assert annotation.quote == "\u337f" + latin
    again = prepare_import(data, "compat.txt")
    assert again.source.sha256 == first.source.sha256
    assert [a.token_ends for a in again.articles] == [a.token_ends for a in first.articles]
    assert [a.text for a in again.articles] == [a.text for a in first.articles]
    assert store_import(library, again).is_duplicate
    assert library.token_ends(article_id) == list(first.articles[0].token_ends)


def test_a_fifty_thousand_character_single_line_imports(library: Library, tmp_path: Path) -> None:
    line = ("春眠不觉晓，处处闻啼鸟。" * 5000)[:50_000]
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    [article_id] = import_path(library, path).article_ids
    article = library.get_article(article_id)
    assert article is not None
    assert article.text.replace("\n", "") in line and len(article.text) >= 49_000
    tokens = library.tokens(article_id)
    assert "".join(word for _, _, word in tokens) == article.text


def test_sql_looking_titles_comments_and_searches_are_only_data(library: Library) -> None:
    article_id = one_article(library, INJECTION, f"正文{INJECTION}正文")
    store = AnnotationStore(library)
    saved = store.add(article_id, 2, 2 + len(INJECTION), comment=INJECTION, tags=["x'; --"])
    assert library.list_articles()[0].title == INJECTION
    assert {"articles", "sources", "annotations"} <= tables(library)
    assert store.search(text=INJECTION) == [saved]
    assert store.search(text="%") == [] and store.search(text="_") == []
    assert store.search(tag="x'; --") == [saved]
    assert store.get(saved.id) == saved and saved.quote == INJECTION
    assert library.source_by_hash("' OR '1'='1") is None
    assert library.sources_named("' OR 1=1 --") == []
