"""Rendering annotations as Markdown notes, returned as strings (files are written by
`reader.export`). Qt-free.

Layout of one article (see README, "Export and backup"):

    ---                                  YAML front matter (Obsidian reads it)
    title: "…"   byline, source, imported, exported, annotations (count), tags
    ---

    # Title

    Byline

    > the quote, each of its lines a blockquote line

    - yellow · #policy #vocab · created 2024-03-01 · [Open in Yuedu](yuedu://article/…)
    - Pinyin: …                          with `pinyin`
    - Context: …the sentence with the **quote** in bold…   with `context`
    - Comment:

      the comment's own Markdown, indented into the list item

    ## Orphaned annotations              the same, for passages no longer found

How article text and comments are escaped: `reader.export.markdown_escape`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.export.deep_links import DEEP_LINK_SCHEME
from reader.export.extras import ArticlePinyin, context_markdown, pinyin_of_text
from reader.export.markdown_escape import (
    blockquote,
    comment_item,
    escape_inline,
    inline_tag,
    yaml_string,
)
from reader.export.rows import (
    ROW_END,
    ROW_ORPHANED,
    ROW_QUOTE,
    ROW_START,
    ArticleData,
    Row,
    all_tags,
    read_article,
)

if TYPE_CHECKING:
    from reader.library.store import Library
    from reader.text.pinyin import PinyinResolver

SEPARATOR = " · "
ORPHANS_HEADING = "Orphaned annotations"


@dataclass(frozen=True)
class ExportOptions:
    pinyin: bool = False  # a line of the quote's pinyin, as the reader saw it
    context: bool = False  # the sentence around the quote, the quote in bold
    orphans: bool = True  # a final section with the annotations no longer placed
    # With `orphans`, also those kept from deleted articles (`reader.export.kept`): for an
    # export of the whole library, whose notes they are part of.
    kept: bool = False


class Renderer:
    """Renders annotations for one export run. Tags are stored as JSON and an export meets
    the same few tag sets again and again: each is decoded and escaped once per run."""

    def __init__(self, options: ExportOptions, resolver: PinyinResolver | None) -> None:
        self.options = options
        self.resolver = resolver
        self._tag_text: dict[str, str] = {"[]": ""}

    def tag_text(self, tags_json: str) -> str:
        """ " · #a #b" for the stored tags (as Obsidian tags: `inline_tag`), or "" when
        there are none."""
        found = self._tag_text.get(tags_json)
        if found is None:
            tags = [tag for tag in map(inline_tag, json.loads(tags_json)) if tag]
            found = SEPARATOR + " ".join("#" + tag for tag in tags) if tags else ""
            self._tag_text[tags_json] = found
        return found

    def annotations(
        self, article: ArticleData, rows: Sequence[Row], pinyin: ArticlePinyin | None
    ) -> list[str]:
        """One Markdown chunk per annotation: its blockquote, then its list."""
        link = f"{SEPARATOR}[Open in Yuedu]({DEEP_LINK_SCHEME}://article/{article.id}?annotation="
        extras = self.options.pinyin or self.options.context
        tag_text = self.tag_text
        chunks: list[str] = []
        append = chunks.append
        for row in rows:
            id_, start, end, quote, color, comment, tags, created, orphaned = row
            head = (
                f"{blockquote(quote)}\n\n- {color}{tag_text(tags)}{SEPARATOR}"
                f"created {created[:10]}{link}{id_})\n"
            )
            if extras:
                head += self._extras(article, row, pinyin)
            if comment and not comment.isspace():
                head += comment_item(comment)
            append(head)
        return chunks

    def _extras(self, article: ArticleData, row: Row, pinyin: ArticlePinyin | None) -> str:
        lines = ""
        if self.options.pinyin:
            if row[ROW_ORPHANED] or pinyin is None:
                assert self.resolver is not None
                spelled = pinyin_of_text(self.resolver, row[ROW_QUOTE])
            else:
                spelled = pinyin.of_span(row[ROW_START], row[ROW_END])
            lines += "- Pinyin: " + escape_inline(spelled) + "\n"
        if self.options.context and not row[ROW_ORPHANED]:
            context = context_markdown(article.text, row[ROW_START], row[ROW_END])
            if context:
                lines += "- Context: " + "\n  ".join(context) + "\n"
        return lines


def article_body(library: Library, article: ArticleData, renderer: Renderer) -> str:
    """Everything after the front matter: title, byline, annotations, orphans."""
    pinyin = None
    placed = [row for row in article.rows if not row[ROW_ORPHANED]]
    orphans = (
        [row for row in article.rows if row[ROW_ORPHANED]]
        if len(placed) < len(article.rows)
        else []
    )
    if renderer.options.pinyin:
        if renderer.resolver is None:
            raise ValueError("pinyin export needs a pinyin resolver")
        if placed:
            pinyin = ArticlePinyin(library, article, renderer.resolver)
    out = [f"# {escape_inline(article.title)}\n"]
    if article.byline:
        out.append(escape_inline(article.byline) + "\n")
    out.extend(renderer.annotations(article, placed, pinyin))
    if orphans:
        out.append(
            f"## {ORPHANS_HEADING}\n\nThese passages were not found in the article's current "
            "text; their quotes are as they were highlighted.\n"
        )
        out.extend(renderer.annotations(article, orphans, pinyin))
    return "\n".join(out)


def front_matter(fields: Mapping[str, str | int | list[str]]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: []" if not value else f"{key}:")
            lines.extend(f"  - {yaml_string(item)}" for item in value)
        elif isinstance(value, int):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {yaml_string(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def article_markdown(
    library: Library, article: ArticleData, renderer: Renderer, exported_at: str
) -> str:
    front = front_matter(
        {
            "title": article.title,
            "byline": article.byline,
            "source": article.source_file_name,
            "imported": article.imported_at,
            "exported": exported_at,
            "annotations": len(article.rows),
            "tags": all_tags(article.rows),
        }
    )
    return front + article_body(library, article, renderer)


def make_pinyin_resolver(*, use_dictionary: bool = True) -> PinyinResolver:
    """A resolver for one export run, loaded: with the CC-CEDICT layer when the dictionary
    has been built, unless not `use_dictionary`."""
    from reader.text.pinyin import PinyinResolver

    resolver = PinyinResolver(use_dictionary=use_dictionary)
    resolver.warm_up()
    return resolver


def resolver_for(options: ExportOptions, resolver: PinyinResolver | None) -> PinyinResolver | None:
    """`resolver`, or a new one when the export wants pinyin and none was given."""
    if options.pinyin and resolver is None:
        return make_pinyin_resolver()
    return resolver


def export_article_markdown(
    library: Library,
    article_id: int,
    options: ExportOptions,
    *,
    exported_at: str,
    pinyin_resolver: PinyinResolver | None = None,
) -> str:
    """One article and its annotations as a Markdown note with front matter. KeyError for an
    unknown article. With `options.pinyin`, pass one `pinyin_resolver` for a whole run (one
    is made when None: slow, it loads the model)."""
    renderer = Renderer(options, resolver_for(options, pinyin_resolver))
    article = read_article(library, article_id, orphans=options.orphans)
    return article_markdown(library, article, renderer, exported_at)


def export_markdown(
    library: Library,
    article_ids: Sequence[int],
    options: ExportOptions,
    *,
    exported_at: str,
    pinyin_resolver: PinyinResolver | None = None,
) -> str:
    """Several articles in one Markdown document: one front matter for the export (article
    and annotation counts, every tag), then each article as under `export_article_markdown`
    with its source as a line under the title."""
    renderer = Renderer(options, resolver_for(options, pinyin_resolver))
    articles = [
        read_article(library, article_id, orphans=options.orphans) for article_id in article_ids
    ]
    all_rows = [row for article in articles for row in article.rows]
    front = front_matter(
        {
            "title": "Yuedu annotations",
            "exported": exported_at,
            "articles": len(articles),
            "annotations": len(all_rows),
            "tags": all_tags(all_rows),
        }
    )
    bodies = []
    for article in articles:
        body = article_body(library, article, renderer)
        title_line, _, rest = body.partition("\n")
        source = (
            f"Source: {escape_inline(article.source_file_name)}{SEPARATOR}"
            f"imported {escape_inline(article.imported_at)}\n"
        )
        bodies.append(f"{title_line}\n\n{source}{rest}")
    if options.kept and options.orphans:
        from reader.export.kept import kept_markdown

        section = kept_markdown(library, renderer, level=1)
        if section:
            bodies.append(section)
    return front + "\n".join(bodies)
