"""A text that lost its line breaks: one line of hundreds of thousands of characters is cut
at sentence ends into paragraphs, and so into articles of at most 100,000 characters,
instead of one article no window can lay out."""

from __future__ import annotations

from pathlib import Path

from reader.importer import import_path
from reader.library import Library
from reader.text.long_paragraphs import CUT_CHARS, MAX_PARAGRAPH_CHARS, cut_long_paragraphs
from reader.text.page_spans import MAX_ARTICLE_CHARS

# Written for this test: sentences of different lengths, some closing with a quote.
SENTENCES = [
    "今天天气很好，我们一起去公园散步。",
    "他说：“明天还要下雨吗？”",
    "孩子们在河边放风筝，笑声传得很远！",
    "这本书我看了三遍，每一遍都有新的感受。",
]


def one_line(chars: int) -> str:
    parts: list[str] = []
    total = 0
    n = 0
    while total < chars:
        sentence = SENTENCES[n % len(SENTENCES)]
        parts.append(sentence)
        total += len(sentence)
        n += 1
    return "".join(parts)


def test_a_long_paragraph_is_cut_after_sentences_and_nothing_is_lost() -> None:
    text = one_line(3 * MAX_PARAGRAPH_CHARS)
    pieces = list(cut_long_paragraphs(["短的一段。", text, "又一段。"]))
    assert pieces[0] == "短的一段。" and pieces[-1] == "又一段。"
    middle = pieces[1:-1]
    assert "".join(middle) == text
    assert all(len(piece) <= MAX_PARAGRAPH_CHARS for piece in middle)
    assert all(len(piece) >= CUT_CHARS // 2 for piece in middle[:-1])
    # Each piece but the last ends a sentence, its closing quote kept with it.
    assert all(piece[-1] in "。！？”" for piece in middle[:-1])
    assert not any(piece.startswith("”") for piece in middle)


def test_a_paragraph_without_a_sentence_end_is_still_cut() -> None:
    text = "字" * (2 * MAX_PARAGRAPH_CHARS + 7)
    pieces = list(cut_long_paragraphs([text]))
    assert "".join(pieces) == text and max(map(len, pieces)) <= MAX_PARAGRAPH_CHARS


def test_paragraphs_of_any_real_length_are_left_alone() -> None:
    paragraphs = [one_line(n) for n in (1, 300, 5_000, MAX_PARAGRAPH_CHARS - 40)]
    assert list(cut_long_paragraphs(paragraphs)) == paragraphs


def test_a_text_on_one_line_imports_as_articles_of_readable_length(tmp_path: Path) -> None:
    text = one_line(int(2.5 * MAX_ARTICLE_CHARS))
    source = tmp_path / "one-line.txt"
    source.write_text(text, encoding="utf-8")
    with Library.open(tmp_path / "l.sqlite3") as library:
        outcome = import_path(library, source)
        articles = [library.get_article(i) for i in outcome.article_ids]
        assert len(articles) >= 3
        assert all(
            a is not None and len(a.text) <= MAX_ARTICLE_CHARS + MAX_PARAGRAPH_CHARS
            for a in articles
        )
        # The text is all there, in order; only line breaks were added between the pieces.
        assert "".join(a.text.replace("\n", "") for a in articles if a is not None) == text
