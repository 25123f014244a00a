"""The sentence where a word was met, kept like a highlight: its text plus (article,
offsets, up to 32 code points either side), placed again when the article's text changes
(`annotations.anchoring.reanchor`). Qt-free."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotations.anchoring import reanchor, selector
from reader.learning.words import sentence_around
from reader.library import writes
from reader.library.change import ChangeBuilder


@dataclass(frozen=True)
class KeptSentence:
    """What re-anchoring needs (`annotations.anchoring.TextQuote`)."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def sentence_entry(text: str, start: int, end: int, article_id: int, title: str) -> dict[str, Any]:
    """The vocabulary columns for the word at [start, end) of an article's `text`: the
    sentence around it, where it is, and where the word sits in it."""
    low, high = sentence_around(text, start, end)
    quote, prefix, suffix = selector(text, low, high)
    return {
        "sentence": quote,
        "article_id": article_id,
        "start": low,
        "end": high,
        "word_start": start - low,
        "prefix": prefix,
        "suffix": suffix,
        "article_title": title,
    }


def _text(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def place_sentences(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    articles: Sequence[int],
    candidates: Sequence[int],
) -> None:
    """Place again the kept sentences of `articles` whose text no longer holds them where
    they were: in their own article first, else in one of `candidates` (the articles whose
    text the same write changed); a sentence found nowhere keeps its text, with no place.
    Sentences with no place are looked for in `candidates` too: an undone delete or a file
    imported again brings their text back."""
    if not articles:
        return
    marks = ", ".join("?" for _ in articles)
    rows = conn.execute(
        f'SELECT word, article_id, start, "end", sentence, prefix, suffix FROM vocabulary'
        f" WHERE article_id IN ({marks})",
        list(articles),
    ).fetchall()
    texts: dict[int, str | None] = {}

    def text_of(article_id: int) -> str | None:
        if article_id not in texts:
            texts[article_id] = _text(conn, article_id)
        return texts[article_id]

    for word, article_id, start, end, sentence, prefix, suffix in rows:
        own = text_of(article_id)
        if own is not None and own[start:end] == sentence:
            continue
        kept = KeptSentence(start, end, sentence, prefix, suffix)
        placed: tuple[int, tuple[int, int]] | None = None
        for candidate in [article_id, *(c for c in candidates if c != article_id)]:
            text = text_of(candidate)
            span = reanchor(text, kept) if text else None
            if span is not None:
                placed = (candidate, span)
                break
        if placed is None:
            writes.move_sentence(conn, change, word, None, None)
        else:
            writes.move_sentence(conn, change, word, placed[0], placed[1])
    _place_unplaced(conn, change, [c for c in candidates if text_of(c)], text_of)


def _place_unplaced(
    conn: sqlite3.Connection,
    change: ChangeBuilder,
    candidates: Sequence[int],
    text_of: Callable[[int], str | None],
) -> None:
    if not candidates:
        return
    rows = conn.execute(
        "SELECT word, sentence, prefix, suffix FROM vocabulary"
        " WHERE article_id IS NULL AND sentence != ''"
    ).fetchall()
    for word, sentence, prefix, suffix in rows:
        for candidate in candidates:
            text = text_of(candidate) or ""
            at = text.find(sentence)  # whole sentences only: cheap for a big import
            if at < 0:
                continue
            span = reanchor(text, KeptSentence(at, at + len(sentence), sentence, prefix, suffix))
            if span is not None:
                writes.move_sentence(conn, change, word, candidate, span)
                break
