"""Saved web pages: the article's text, headline and byline, without the page's menus,
advertisements, share buttons, related links, comments or footer; the page's encoding
honoured; nothing fetched; hostile markup refused. Pages are in tests/web_samples."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importer import ImportRefused, content_hash, import_path
from reader.importing.web_page import extract_web_page
from reader.library.store import Library
from tests.epub_samples import billion_laughs, external_entity
from tests.listening_server import listening_server
from tests.web_samples import (
    BLOG_PARAGRAPHS,
    BLOG_TITLE,
    GBK_LINES,
    GBK_TITLE,
    NEWS_BYLINE,
    NEWS_JUNK,
    NEWS_PARAGRAPHS,
    NEWS_TITLE,
    WIRE_PARAGRAPHS,
    blog_page,
    gbk_page,
    news_page,
    wire_page,
)


def no_progress(fraction: float, stage: str) -> None:
    return None


def extract(data: bytes | str, name: str = "page.html"):  # noqa: ANN201 (ExtractedDocument)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return extract_web_page(io.BytesIO(raw), name, no_progress)


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml", ".HTML"])
def test_a_newspaper_page_gives_its_article_headline_and_byline(
    tmp_path: Path, suffix: str
) -> None:
    with listening_server() as (base, requests):
        page = news_page(base).encode("utf-8")
        path = tmp_path / f"news{suffix}"
        path.write_bytes(page)
        library = Library.open(tmp_path / "lib.sqlite")
        outcome = import_path(library, path)
        time.sleep(0.2)  # a fetch, had one started, would have arrived by now
    assert requests == [], "the import fetched the page's images, styles or scripts"
    assert outcome.encoding == "HTML"
    [article] = [library.get_article(article_id) for article_id in outcome.article_ids]
    assert article is not None
    assert article.title == NEWS_TITLE
    assert article.byline == NEWS_BYLINE
    assert article.text == "\n".join(NEWS_PARAGRAPHS)
    source = library.source_by_hash(content_hash(page))
    assert source is not None
    paragraphs = library.source_paragraphs(source.id)
    # The source keeps the headline and the line under it, not the page's furniture.
    assert paragraphs[:2] == [NEWS_TITLE, "2024-03-05 08:30 来源：江边日报"]
    for junk in NEWS_JUNK + ["脚本里的文字"]:
        assert not any(junk in paragraph for paragraph in paragraphs), junk


def test_a_gbk_page_laid_out_in_tables_is_read_in_its_declared_encoding() -> None:
    document = extract(gbk_page(), "bridge.htm")
    [article] = document.articles
    assert article.title == GBK_TITLE
    assert article.paragraphs == GBK_LINES
    assert not any("首页" in p or "主办" in p or "通知公告" in p for p in document.paragraphs)


def test_a_page_that_declares_the_wrong_encoding_is_still_read() -> None:
    # Declared UTF-8, saved as GBK: the declaration cannot be right, the bytes are guessed.
    page = news_page().replace('<meta charset="utf-8">', "").encode("gb18030")
    mislabelled = page.replace(b"<head>", b'<head><meta charset="utf-8">')
    assert extract(mislabelled).articles[0].text == "\n".join(NEWS_PARAGRAPHS)
    # A byte-order mark outranks the declaration.
    marked = b"\xef\xbb\xbf" + news_page().replace("utf-8", "gbk").encode("utf-8")
    assert extract(marked).articles[0].title == NEWS_TITLE


def test_a_blog_post_leaves_out_site_header_aside_tags_and_comments() -> None:
    document = extract(blog_page())
    [article] = document.articles
    assert article.title == BLOG_TITLE
    assert article.byline == "林小雨"
    assert article.paragraphs == BLOG_PARAGRAPHS
    everything = "\n".join(document.paragraphs)
    for junk in ["小林的厨房", "关于我", "面食", "评论", "暖气", "香菇", "©"]:
        assert junk not in everything, junk


def test_a_wire_story_takes_its_byline_from_the_lead() -> None:
    [article] = extract(wire_page()).articles
    assert article.title == "全国将新建改造农村公路三万公里"
    assert article.byline == "记者 王芳"
    assert article.paragraphs == WIRE_PARAGRAPHS


def test_a_page_without_title_or_headline_gets_a_title_from_its_text() -> None:
    page = "<html><body><div><p>今天下了一整天的雨，院子里的花都开了。</p><p>晚上雨停了。</p></div></body></html>"
    [article] = extract(page).articles
    assert article.title_is_derived
    assert article.title.startswith("今天下了一整天的雨")


def test_a_page_of_nothing_but_navigation_is_refused_and_nothing_is_stored(
    tmp_path: Path,
) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        '<html><body><nav><a href="/">首页</a><a href="/a">新闻</a></nav>'
        '<div class="footer">版权所有</div></body></html>',
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "lib.sqlite")
    with pytest.raises(ImportRefused, match="no readable text"):
        import_path(library, path)
    assert library.article_count() == 0 and not library.source_hashes()


def test_entity_declarations_in_a_page_are_refused_unexpanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PASSWORD-42", encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    for number, doctype in enumerate(
        [billion_laughs("html"), external_entity("html", str(secret))]
    ):
        path = tmp_path / f"hostile{number}.html"
        path.write_text(
            f"{doctype}<html><body><p>&lol9;&secret;正文。</p></body></html>", encoding="utf-8"
        )
        started = time.perf_counter()
        with pytest.raises(ImportRefused, match="entities") as refusal:
            import_path(library, path)
        assert time.perf_counter() - started < 5
        assert "SECRET" not in str(refusal.value)
    assert library.article_count() == 0


def test_a_page_too_large_to_be_an_article_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.importing import web_page

    monkeypatch.setattr(web_page, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(ImportRefused, match="too large"):
        extract("<p>" + "很长的文字。" * 500 + "</p>")


@settings(
    max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    cut=st.floats(0.0, 1.0),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), max_size=8),
)
def test_a_damaged_page_is_read_or_refused_never_anything_else(
    cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(news_page().encode("utf-8"))
    data = data[: max(1, int(cut * len(data)))]
    for where, mask in flips:
        data[min(int(where * len(data)), len(data) - 1)] ^= mask
    try:
        document = extract(bytes(data))
    except ImportRefused:
        return
    assert document.articles and all(draft.text.strip() for draft in document.articles)


def test_a_date_within_a_sentence_stays_in_the_text() -> None:
    page = (
        "<html><head><title>会议召开</title></head><body><h1>会议召开</h1>"
        '<div class="info">来源：江边日报</div><div class="content">'
        '<p>全县春播工作会议于<span class="date">2024年3月5日</span>在县城召开，各乡镇负责人参加。</p>'
        "<p>会议要求各地抓住时机，做好春耕准备。</p></div></body></html>"
    )
    [article] = extract(page).articles
    assert article.paragraphs[0] == "全县春播工作会议于2024年3月5日在县城召开，各乡镇负责人参加。"
