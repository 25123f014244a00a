"""An update in place follows the reader's own cut of the source. Qt-free.

The file's new version is split into articles by the importer's rules, but the reader may
have merged two of the source's articles since the last import, or split one. Matching
the file's articles to the library's by title would then undo that work: a merged
article would get back only its first part's text (its other highlights re-anchored to
whatever similar words that part has, or orphaned) and the merged-away chapter would come
back; the second part of a split would be removed or orphaned.

So before the update, the file's articles are re-cut to the library's:
- **merged**: a file article nothing matched, whose text the article matched by the one
  before it holds too, while that article is longer than the one before it by about this
  one (the reader merged the two), is joined to the one before it as `merge` joins them
  (its headline a line between);
- **split**: a library article nothing matched, whose text the file article matched by the
  library article before it holds, while that file article is longer than the article
  before it by about this one (the reader split it), is cut off that file article where
  its text begins.

"Holds" is measured by character bigrams (an edited chapter still holds most of its
bigrams), "longer by about" keeps a chapter that is new in the file from being swallowed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from reader.importing.updating import bigrams
from reader.library.article_edits import joining_line
from reader.library.store import Article, NewArticle

# Share of a text's character bigrams another text must hold to hold that text.
HELD = 0.8
# How much of the second part's length the longer text must add to the first part's.
LONGER_BY = 0.5
# Lines longer than this are text, not a headline (a title is a line or two of one).
_MAX_TITLE = 200
# Characters of a part's opening looked for where a split part begins in the new text.
_OPENING = 6


def _holds_both(whole: str, first: str, second: str) -> bool:
    """Whether `whole` is longer than `first` by about `second` and holds nearly all of the
    character bigrams of each."""
    if not second.strip() or len(whole) < len(first) + LONGER_BY * len(second):
        return False
    held = bigrams(whole)
    return all(len(grams & held) >= HELD * len(grams) for grams in map(bigrams, (first, second)))


def _joined(first: NewArticle, second: NewArticle) -> NewArticle:
    line, line_ends = joining_line(second.title, second.title_is_derived)
    at = len(first.text) + len(line)
    return replace(
        first,
        byline=first.byline or second.byline,
        text=first.text + line + second.text,
        first_paragraph=min(first.first_paragraph, second.first_paragraph),
        end_paragraph=max(first.end_paragraph, second.end_paragraph),
        token_ends=[
            *first.token_ends,
            *(len(first.text) + end for end in line_ends),
            *(at + end for end in second.token_ends),
        ],
    )


def _cut(article: NewArticle, first: Article, second: Article) -> tuple[NewArticle, NewArticle]:
    """`article` cut where `second`'s text begins in it, `first` and `second` being the
    library's two parts of (an older version of) it."""
    from annotations.anchoring import PositionMap

    text = article.text
    positions = PositionMap(first.text + "\n" + second.text, text)
    at = positions.map(len(first.text) + 1).offset
    # Where the second part's first paragraph was edited, the map lands on the start of the
    # changed run (the headline line before it, say): its opening words, if found just
    # after, are where it begins.
    opening = second.text.split("\n", 1)[0][:_OPENING]
    found = text.find(opening, at, at + 4 * _OPENING + len(second.title) + 2) if opening else -1
    at = found if found > at else at
    # The first part ends where its old text ends: a line between (the headline the split
    # made a title of, whatever the part is called now) goes, as the split took it out.
    head = text[: min(at, positions.map(len(first.text)).offset)].rstrip("\n")
    rest = text[at:]
    head_ends = [end for end in article.token_ends if end < len(head)] + [len(head)]
    rest_ends = [end - at for end in article.token_ends if end > at]
    # Paragraphs of the source the article's text does not show (its headline, byline).
    shown = text.count("\n") + 1
    hidden = max(0, article.end_paragraph - article.first_paragraph - shown)
    boundary = article.first_paragraph + hidden + text[:at].count("\n")
    inside = at > 0 and text[at - 1] != "\n"  # cut inside a paragraph: both keep it
    return (
        replace(
            article,
            text=head,
            end_paragraph=min(article.end_paragraph, boundary + int(inside)),
            token_ends=head_ends,
        ),
        NewArticle(
            second.title,
            second.title_is_derived,
            second.byline,
            rest,
            boundary,
            article.end_paragraph,
            rest_ends,
        ),
    )


def follow_reader_cuts(
    old: Sequence[Article], new: Sequence[NewArticle], matches: Sequence[int | None]
) -> tuple[list[NewArticle], list[int | None]]:
    """The file's articles `new` (with `matches`, the id of the library article each is a
    version of, from `match_articles`) re-cut as the reader cut the library's articles
    `old` (in their order in the source): merged articles joined, split ones cut."""
    old = sorted(old, key=lambda article: article.position)
    by_id = {article.id: article for article in old}
    articles: list[NewArticle] = []
    ids: list[int | None] = []
    for article, match in zip(new, matches, strict=True):
        if match is None and ids and ids[-1] is not None:
            if _holds_both(by_id[ids[-1]].text, articles[-1].text, article.text):
                articles[-1] = _joined(articles[-1], article)
                continue
        articles.append(article)
        ids.append(match)
    taken = set(ids)
    for before, article in itertools.pairwise(old):
        if article.id in taken or before.id not in taken:
            continue
        index = ids.index(before.id)
        whole = articles[index]
        if _holds_both(whole.text, before.text, article.text):
            articles[index], rest = _cut(whole, before, article)
            articles.insert(index + 1, rest)
            ids.insert(index + 1, article.id)
            taken.add(article.id)
    return articles, ids


def keep_reader_titles(
    old: Sequence[Article],
    new: list[NewArticle],
    matches: Sequence[int | None],
    old_paragraphs: Sequence[str],
) -> None:
    """A title the reader gave an article stays through the update; any other title follows
    the file (its headline may have been corrected). A title is the file's when it is one of
    the old source's lines, or two or three of them joined (a headline on two lines), or was
    derived from the text; anything else, the reader typed. (A line anywhere in the text
    would not do: a name like 甄士隐 is in every chapter.)"""
    lines = ["".join(paragraph.split()) for paragraph in old_paragraphs]
    from_file = {
        "".join(lines[start : start + count])
        for count in (1, 2, 3)
        for start in range(len(lines) - count + 1)
        if sum(len(line) for line in lines[start : start + count]) <= _MAX_TITLE
    }
    by_id = {article.id: article for article in old}
    for index, match in enumerate(matches):
        article = by_id.get(match) if match is not None else None
        if article is None or article.title_is_derived or article.title == new[index].title:
            continue
        if "".join(article.title.split()) not in from_file:
            new[index] = replace(new[index], title=article.title, title_is_derived=False)
