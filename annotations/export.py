"""Markdown export of annotations: pure functions that return Markdown strings, and the
atomic file writes the CLI and the GUI share.

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

Text that comes from an article (quotes, context, titles, bylines, tags) is escaped so that
it renders as the characters it is: no emphasis, link, HTML, heading or list comes out of
it. A comment keeps its Markdown, but inside its list item, with raw HTML escaped: whatever
it holds (`---`, `# heading`, an unclosed code fence) ends with the item, and every other
annotation is intact. Qt-free.
"""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from annotations.filenames import unique_file_names
from reader.library.files import refuse_library_file
from reader.library.store import Library

if TYPE_CHECKING:
    from reader.text.pinyin import PinyinResolver

DEEP_LINK_SCHEME = "yuedu"
SEPARATOR = " · "
ORPHANS_HEADING = "Orphaned annotations"
# A sentence for --context is cut to this many characters either side of the quote.
MAX_CONTEXT_CHARS = 120

ExportProgress = Callable[[int, int], None]
"""Called with (files written, files to write)."""
CancelCheck = Callable[[], bool]
"""Returns True once the user asked to cancel."""


@dataclass(frozen=True)
class ExportOptions:
    pinyin: bool = False  # a line of the quote's pinyin, as the reader saw it
    context: bool = False  # the sentence around the quote, the quote in bold
    orphans: bool = True  # a final section with the annotations no longer placed


class ExportWouldOverwrite(FileExistsError):
    """These files exist and `force` was not given; nothing was written."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        shown = ", ".join(str(p) for p in self.paths[:3])
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        super().__init__(f"would overwrite {shown}{more}")


class ExportCancelled(Exception):
    """Cancelled between two files: the files in `written` are whole, the rest untouched."""

    def __init__(self, written: Sequence[Path]) -> None:
        self.written = list(written)
        super().__init__(f"export cancelled after {len(self.written)} file(s)")


def now_exported_at() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- deep links --------------------------------------------------------------------------------


def deep_link(article_id: int, annotation_id: str | None = None) -> str:
    link = f"{DEEP_LINK_SCHEME}://article/{article_id}"
    return f"{link}?annotation={annotation_id}" if annotation_id else link


def parse_deep_link(url: str) -> tuple[int, str | None]:
    """`yuedu://article/<id>[?annotation=<uuid>]` → (article id, annotation id or None).
    ValueError, with a reason fit for the user, for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != DEEP_LINK_SCHEME:
        raise ValueError(f"not a {DEEP_LINK_SCHEME}:// link: {url!r}")
    path = parts.path.strip("/")
    if parts.netloc.lower() != "article" or not path.isascii() or not path.isdigit():
        raise ValueError(f"expected {DEEP_LINK_SCHEME}://article/<id>, got {url!r}")
    article_id = int(path)
    query = parse_qs(parts.query)
    values = query.get("annotation")
    if set(query) - {"annotation"} or (values is not None and len(values) != 1):
        raise ValueError(f"unexpected query in {url!r}")
    if values is None:
        return article_id, None
    try:
        return article_id, str(uuid.UUID(values[0]))
    except ValueError:
        raise ValueError(f"{values[0]!r} is not an annotation id") from None


# -- escaping ----------------------------------------------------------------------------------

# Characters that mean something inline in CommonMark, GFM or Obsidian: emphasis, code,
# links, HTML, tables, strikethrough, entities, tags, math, block ids; "%%" hides text in
# Obsidian, "==" highlights it, "://" makes a bare URL a link there.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&#$^]|%%|==|://")
# What makes a line start a block: heading, quote, list, setext underline, ordered list.
_LINE_START = re.compile(r"[#>+\-=]|\d{1,9}[.)]")
# Whitespace that renderers trim from the ends of a line: CommonMark trims spaces and tabs,
# markdown-it (and so Obsidian) trims all Unicode white space, such as U+00A0 and U+3000.
_TRIMMED = "\t\v\f \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_EDGE_SPACES = re.compile(f"^[{_TRIMMED}]+|[{_TRIMMED}]+$")


def _escape_special(match: re.Match[str]) -> str:
    found = match.group()
    if found == "://":
        return "\\://"
    if found == ">":  # only a blockquote marker at a line start; escaping it there suffices
        return found
    return "\\" + found if len(found) == 1 else "\\" + found[0] + found[1:]


def _space_entities(match: re.Match[str]) -> str:
    # Markdown drops spaces at either end of a line (and four open a code block): numeric
    # references keep them as the text has them.
    return "".join(f"&#{ord(ch)};" for ch in match.group())


def escape_line(line: str) -> str:
    """One line of article text as Markdown that renders as exactly these characters."""
    if _INLINE_SPECIAL.search(line) is not None:
        line = _INLINE_SPECIAL.sub(_escape_special, line)
    if _EDGE_SPACES.search(line) is not None:
        line = _EDGE_SPACES.sub(_space_entities, line)
    start = _LINE_START.match(line)
    if start is not None:
        end = start.end()
        line = line[: end - 1] + "\\" + line[end - 1 :]
    return line


def escape_inline(text: str) -> str:
    """Article text for the middle of a line (a tag, a title): line breaks become spaces."""
    return escape_line(" ".join(text.splitlines()) if "\n" in text or "\r" in text else text)


def quote_lines(quote: str) -> list[str]:
    """The quote's lines, escaped; leading and trailing line breaks dropped (Markdown cannot
    show them). A blank line inside the quote becomes a paragraph break."""
    return [escape_line(line) for line in quote.strip("\n").split("\n")]


# `<` followed by what may open an HTML tag, comment, declaration or processing instruction.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
# CommonMark autolinks (URI and e-mail): links, never HTML; kept as the comment has them.
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>"
)
_FENCE_OPEN = re.compile(r"(`{3,})[^`]*$|(~{3,}).*$")


def _escape_html(line: str) -> str:
    if "<" not in line:
        return line
    pieces: list[str] = []
    last = 0
    for link in _AUTOLINK.finditer(line):
        pieces.append(_HTML_START.sub("&lt;", line[last : link.start()]))
        pieces.append(link.group())
        last = link.end()
    pieces.append(_HTML_START.sub("&lt;", line[last:]))
    return "".join(pieces)


def comment_markdown(comment: str) -> list[str]:
    """The comment's lines with raw HTML escaped, its own Markdown kept.

    Lines inside a fenced code block are left alone (HTML means nothing there). Only a fence
    whose opening line starts in column 0 is trusted as one: there it cannot be inside a
    list item or block quote of the comment, so the block is certainly code. Anywhere else,
    and in inline code, `<tag` shows as `&lt;tag`: a blemish in code, never HTML in text."""
    lines = comment.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fence: str | None = None
    out: list[str] = []
    for line in lines:
        if fence is not None:
            stripped = line.lstrip(" ")
            if (
                len(line) - len(stripped) <= 3
                and stripped.startswith(fence)
                and not stripped.rstrip(" \t").lstrip(fence[0])
            ):
                fence = None
            out.append(line)
            continue
        opening = _FENCE_OPEN.match(line)
        if opening is not None:
            fence = opening.group(1) or opening.group(2)
            out.append(line)
            continue
        out.append(_escape_html(line))
    return out


def _indented(lines: Iterable[str], indent: str = "  ") -> str:
    return "\n".join(indent + line if line.strip() else "" for line in lines)


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's, plus every character YAML
    does not allow raw (DEL, C1 controls, NEL, line/paragraph separators, BOM, non-characters)
    escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


# -- what an export reads --------------------------------------------------------------------

# One annotation as the export reads it: raw columns, no objects (100,000 of them per run).
_ROW_COLUMNS = "id, start, end, quote, color, comment, tags, created_at, orphaned"
_ID, _START, _END, _QUOTE, _COLOR, _COMMENT, _TAGS, _CREATED, _ORPHANED = range(9)
Row = tuple[Any, ...]


@dataclass(frozen=True)
class _ArticleData:
    id: int
    title: str
    byline: str
    text: str
    source_file_name: str
    imported_at: str
    rows: list[Row]  # placed annotations first, each group in text order


def _read_article(library: Library, article_id: int, options: ExportOptions) -> _ArticleData:
    found = library.conn.execute(
        "SELECT a.title, a.byline, a.text, s.file_name, s.imported_at"
        " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if found is None:
        raise KeyError(f"there is no article with id {article_id}")
    orphans = "" if options.orphans else " AND orphaned = 0"
    rows = library.conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM annotations WHERE article_id = ?{orphans}"
        " ORDER BY orphaned, start, end, id",
        [article_id],
    ).fetchall()
    return _ArticleData(article_id, *found, rows)


def _all_tags(rows: Iterable[Row]) -> list[str]:
    """Every tag of the rows once (case-insensitively), sorted case-insensitively."""
    chosen: dict[str, str] = {}
    for tags_json in {row[_TAGS] for row in rows}:  # few distinct sets: decode each once
        for tag in json.loads(tags_json):
            chosen.setdefault(tag.casefold(), tag)
    return [chosen[key] for key in sorted(chosen)]


# -- pinyin and context ------------------------------------------------------------------------


def _tone_marks(syllable: str) -> str:
    from reader.text.pinyin_syllables import to_tone_marks

    return to_tone_marks(syllable)


class _ArticlePinyin:
    """Per character of an article: the syllable the reader sees (their correction, else
    the resolver's), resolved paragraph by paragraph with the stored tokens."""

    def __init__(self, library: Library, article: _ArticleData, resolver: PinyinResolver):
        from reader.text.tokens import ArticleReadings, TokenIndex

        tokens = TokenIndex(article.text, library.token_ends(article.id))
        self.tokens = tokens
        readings = ArticleReadings(tokens, library.reading_overrides(article.id))
        for first, end, start, stop in tokens.paragraphs():
            if first >= end:
                continue
            relative_ends = [tokens.ends[i] - start for i in range(first, end)]
            readings.set_resolved(first, resolver.resolve(article.text[start:stop], relative_ends))
        self.per_char = readings.per_char

    def of_span(self, start: int, end: int) -> str:
        """The pinyin of [start, end) (see `spell_pinyin`), cut to the span where it
        begins or ends inside a word."""
        words: list[tuple[str, Sequence[str | None]]] = []
        index = self.tokens.index_at(start)
        while index is not None and index < len(self.tokens) and self.tokens.starts[index] < end:
            token_start, token_end = self.tokens.span(index)
            low, high = max(start, token_start), min(end, token_end)
            words.append((self.tokens.text[low:high], self.per_char[low:high]))
            index += 1
        return spell_pinyin(words)


def spell_pinyin(words: Iterable[tuple[str, Sequence[str | None]]]) -> str:
    """Words as pinyin with tone marks: a word's syllables run together (xīngxiàn), words
    separated by spaces; characters without a syllable are kept as they are, opening
    punctuation attached to the next word and other punctuation to the one before."""
    pieces: list[str] = []
    opening = ""
    for text, syllables in words:
        if any(syllables):
            spelled = "".join(
                _tone_marks(syllable) if syllable else char
                for char, syllable in zip(text, syllables, strict=False)
            )
            pieces.append(opening + spelled.strip())
            opening = ""
            continue
        word = text.strip()
        if not word:
            continue
        category = unicodedata.category(word[0])
        if category in ("Ps", "Pi"):
            opening += word
        elif category.startswith("P") and pieces and not opening:
            pieces[-1] += word
        else:
            pieces.append(opening + word)
            opening = ""
    if opening:
        pieces.append(opening)
    return " ".join(pieces)


def _pinyin_of_text(resolver: PinyinResolver, text: str) -> str:
    """Pinyin of a passage on its own (an orphan's quote: its place is unknown)."""
    return spell_pinyin((word, readings) for _, _, word, readings in resolver.resolve_text(text))


_SENTENCE_END = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)》】\"'")
_LEADING_PUNCTUATION = re.compile(r"[\W_]+")
_TRAILING_PUNCTUATION = re.compile(r"[\W_]+$")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end): back to just after the previous sentence end,
    on to the next one (with any closing quotes), at most MAX_CONTEXT_CHARS either side."""
    low = start
    floor = max(0, start - MAX_CONTEXT_CHARS)
    while low > floor and text[low - 1] not in _SENTENCE_END:
        low -= 1
    high = end
    ceiling = min(len(text), end + MAX_CONTEXT_CHARS)
    while high < ceiling and text[high] not in _SENTENCE_END:
        high += 1
    if high < ceiling and text[high] != "\n":
        high += 1
        while high < ceiling and text[high] in _CLOSERS:
            high += 1
    return low, high


def context_markdown(text: str, start: int, end: int) -> list[str]:
    """The sentence around the quote as Markdown lines, the quote in bold. Punctuation and
    spaces at the quote's edges stay outside the bold: CommonMark does not open `**` before
    punctuation that follows a letter, so「他**“你好”**」would show its asterisks."""
    low, high = sentence_span(text, start, end)
    quote = text[start:end]
    inner_start, inner_end = 0, len(quote)
    lead = _LEADING_PUNCTUATION.match(quote)
    if lead:
        inner_start = lead.end()
    trail = _TRAILING_PUNCTUATION.search(quote)
    if trail and trail.start() > inner_start:
        inner_end = trail.start()
    before = text[low : start + inner_start]
    inner = text[start + inner_start : start + inner_end]
    after = text[start + inner_end : high]
    prefix = "…" if low > 0 and text[low - 1] not in _SENTENCE_END else ""
    suffix = "…" if high < len(text) and text[high - 1] not in _SENTENCE_END | _CLOSERS else ""
    if not inner or "\n" in inner:
        # No bold across lines or around punctuation alone: the passage stays plain text.
        whole = prefix + text[low:high] + suffix
        return [escape_line(line) for line in whole.split("\n") if line]
    marked = "\x00"  # stands for the bold markers while the text is escaped
    raw = prefix + before + marked + inner + marked + after + suffix
    lines = [escape_line(line) for line in raw.split("\n") if line]
    return [line.replace(marked, "**") for line in lines]


# -- rendering -----------------------------------------------------------------------------------


_FIRST_CHARS_NEEDING_WORK = frozenset("#>+-= \t0123456789")


def _blockquote(quote: str) -> str:
    if (
        quote[:1] not in _FIRST_CHARS_NEEDING_WORK
        and "\n" not in quote
        and _INLINE_SPECIAL.search(quote) is None
        and _EDGE_SPACES.search(quote) is None
    ):
        return "> " + quote  # the common case: a one-line Chinese passage, nothing to escape
    return "\n".join("> " + line if line else ">" for line in quote_lines(quote))


def _comment_item(comment: str) -> str:
    if "\n" not in comment and "\r" not in comment and "<" not in comment:
        return "- Comment:\n\n  " + comment + "\n"  # one line, nothing to escape
    return "- Comment:\n\n" + _indented(comment_markdown(comment)) + "\n"


class _Renderer:
    """Renders annotations for one export run. Tags are stored as JSON and an export meets
    the same few tag sets again and again: each is decoded and escaped once per run."""

    def __init__(self, options: ExportOptions, resolver: PinyinResolver | None) -> None:
        self.options = options
        self.resolver = resolver
        self._tag_text: dict[str, str] = {"[]": ""}

    def tag_text(self, tags_json: str) -> str:
        """ " · #a #b" for the stored tags, or "" when there are none."""
        found = self._tag_text.get(tags_json)
        if found is None:
            tags = json.loads(tags_json)
            found = SEPARATOR + " ".join("#" + escape_inline(tag) for tag in tags)
            self._tag_text[tags_json] = found
        return found

    def annotations(
        self, article: _ArticleData, rows: Sequence[Row], pinyin: _ArticlePinyin | None
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
                f"{_blockquote(quote)}\n\n- {color}{tag_text(tags)}{SEPARATOR}"
                f"created {created[:10]}{link}{id_})\n"
            )
            if extras:
                head += self._extras(article, row, pinyin)
            if comment and not comment.isspace():
                head += _comment_item(comment)
            append(head)
        return chunks

    def _extras(self, article: _ArticleData, row: Row, pinyin: _ArticlePinyin | None) -> str:
        lines = ""
        if self.options.pinyin:
            if row[_ORPHANED] or pinyin is None:
                assert self.resolver is not None
                spelled = _pinyin_of_text(self.resolver, row[_QUOTE])
            else:
                spelled = pinyin.of_span(row[_START], row[_END])
            lines += "- Pinyin: " + escape_inline(spelled) + "\n"
        if self.options.context and not row[_ORPHANED]:
            context = context_markdown(article.text, row[_START], row[_END])
            if context:
                lines += "- Context: " + "\n  ".join(context) + "\n"
        return lines


def _article_body(library: Library, article: _ArticleData, renderer: _Renderer) -> str:
    """Everything after the front matter: title, byline, annotations, orphans."""
    pinyin = None
    placed = [row for row in article.rows if not row[_ORPHANED]]
    orphans = (
        [row for row in article.rows if row[_ORPHANED]] if len(placed) < len(article.rows) else []
    )
    if renderer.options.pinyin:
        if renderer.resolver is None:
            raise ValueError("pinyin export needs a pinyin resolver")
        if placed:
            pinyin = _ArticlePinyin(library, article, renderer.resolver)
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


def _front_matter(fields: Mapping[str, str | int | list[str]]) -> str:
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


def _article_markdown(
    library: Library, article: _ArticleData, renderer: _Renderer, exported_at: str
) -> str:
    front = _front_matter(
        {
            "title": article.title,
            "byline": article.byline,
            "source": article.source_file_name,
            "imported": article.imported_at,
            "exported": exported_at,
            "annotations": len(article.rows),
            "tags": _all_tags(article.rows),
        }
    )
    return front + _article_body(library, article, renderer)


def make_pinyin_resolver(*, use_dictionary: bool = True) -> PinyinResolver:
    """A resolver for one export run (the CLI's adds the CC-CEDICT layer when built)."""
    from reader.text.pinyin import PinyinResolver

    resolver = PinyinResolver(use_dictionary=use_dictionary)
    resolver.warm_up()
    return resolver


def _resolver_for(options: ExportOptions, resolver: PinyinResolver | None) -> PinyinResolver | None:
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
    renderer = _Renderer(options, _resolver_for(options, pinyin_resolver))
    article = _read_article(library, article_id, options)
    return _article_markdown(library, article, renderer, exported_at)


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
    renderer = _Renderer(options, _resolver_for(options, pinyin_resolver))
    articles = [_read_article(library, article_id, options) for article_id in article_ids]
    all_rows = [row for article in articles for row in article.rows]
    front = _front_matter(
        {
            "title": "Yuedu annotations",
            "exported": exported_at,
            "articles": len(articles),
            "annotations": len(all_rows),
            "tags": _all_tags(all_rows),
        }
    )
    bodies = []
    for article in articles:
        body = _article_body(library, article, renderer)
        title_line, _, rest = body.partition("\n")
        source = (
            f"Source: {escape_inline(article.source_file_name)}{SEPARATOR}"
            f"imported {escape_inline(article.imported_at)}\n"
        )
        bodies.append(f"{title_line}\n\n{source}{rest}")
    return front + "\n".join(bodies)


# -- files -------------------------------------------------------------------------------------

_temp_counter = count()
# Rendered notes waiting for the writer thread, at most (bounds the memory they hold).
_MAX_PENDING_WRITES = 8


def _keep_mode_of(path: Path, descriptor: int) -> None:
    """Give the new file the read/write bits of the file it replaces: a reader who made
    their notes private (chmod 600) keeps them private when they export again with --force.
    Execute bits are dropped, so notes an older Yuedu wrote as 0755 heal on the next export."""
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: no POSIX modes to keep
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:  # nothing there yet: the umask's mode stands
        return
    os.fchmod(descriptor, stat.S_IMODE(mode) & 0o666)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then move it into place: an export
    interrupted at any point leaves either the old file or the new one, never half of one,
    and no temporary file. The temporary name is short, so a 255-byte name still fits."""
    temp = path.parent / f".yuedu-export-{os.getpid()}-{next(_temp_counter)}.tmp"
    # 0o666, which the kernel narrows by the umask: an ordinary document's mode (0644 under
    # the usual umask 022). Without a mode os.open uses 0o777, and notes came out executable.
    descriptor = os.open(
        temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
    )
    try:
        try:
            _keep_mode_of(path, descriptor)
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
        finally:
            os.close(descriptor)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def folder_file_names(library: Library, article_ids: Sequence[int]) -> list[str]:
    """The file each article goes to in a folder export: its title made safe, numbered
    when two articles share a title (in the order given)."""
    titles = []
    for article_id in article_ids:
        row = library.conn.execute(
            "SELECT title FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"there is no article with id {article_id}")
        titles.append(row[0])
    return unique_file_names(titles)


def export_to_folder(
    library: Library,
    article_ids: Sequence[int],
    folder: Path,
    options: ExportOptions,
    *,
    force: bool = False,
    progress: ExportProgress | None = None,
    is_cancelled: CancelCheck | None = None,
    exported_at: str | None = None,
    pinyin_resolver: PinyinResolver | None = None,
) -> list[Path]:
    """One note per article in `folder` (created if needed), named by `folder_file_names`.
    ExportWouldOverwrite, before anything is written, when any of them exists and not
    `force`; ExportCancelled between two files when `is_cancelled()` turns true. Returns
    the paths written, in the order of `article_ids`."""
    folder = Path(folder)
    paths = [folder / name for name in folder_file_names(library, article_ids)]
    if not force:
        existing = [path for path in paths if path.exists()]
        if existing:
            raise ExportWouldOverwrite(existing)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = exported_at or now_exported_at()
    renderer = _Renderer(options, _resolver_for(options, pinyin_resolver))
    written: list[Path] = []
    # Files are written by one thread while the next is read and rendered: writing releases
    # the GIL, so the disk and the renderer work at the same time. Results are collected in
    # order; a write's error surfaces here, after the files before it were written whole.
    pending: deque[tuple[Future[None], Path]] = deque()

    def settle(keep: int) -> None:
        """Collect finished writes in order, waiting until at most `keep` are pending."""
        while pending and (len(pending) > keep or pending[0][0].done()):
            future, path = pending.popleft()
            future.result()
            written.append(path)
            if progress is not None:
                progress(len(written), len(paths))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="yuedu-export") as writer:
        try:
            for article_id, path in zip(article_ids, paths, strict=True):
                if is_cancelled is not None and is_cancelled():
                    settle(0)
                    raise ExportCancelled(written)
                article = _read_article(library, article_id, options)
                data = _article_markdown(library, article, renderer, stamp).encode("utf-8")
                pending.append((writer.submit(write_atomically, path, data), path))
                settle(_MAX_PENDING_WRITES)
            settle(0)
        except BaseException:
            for future, _ in pending:  # not started: never begun; running: finishes whole
                future.cancel()
            raise
    return written


def export_to_file(
    library: Library,
    article_ids: Sequence[int],
    path: Path,
    options: ExportOptions,
    *,
    force: bool = False,
    exported_at: str | None = None,
    pinyin_resolver: PinyinResolver | None = None,
) -> Path:
    """`export_markdown` of the articles written to `path`, atomically; a single article
    gets its own note (`export_article_markdown`). ExportWouldOverwrite when `path` exists
    and not `force`. `LibraryFileRefused`, before anything is opened, when `path` is the
    library's own file or one of its companions."""
    path = Path(path)
    refuse_library_file(path, library.path, "write an export over it")
    if path.exists() and not force:
        raise ExportWouldOverwrite([path])
    stamp = exported_at or now_exported_at()
    if len(article_ids) == 1:
        markdown = export_article_markdown(
            library, article_ids[0], options, exported_at=stamp, pinyin_resolver=pinyin_resolver
        )
    else:
        markdown = export_markdown(
            library, article_ids, options, exported_at=stamp, pinyin_resolver=pinyin_resolver
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, markdown.encode("utf-8"))
    return path


def annotated_article_ids(library: Library) -> list[int]:
    """Articles holding at least one annotation, in library order: what `yuedu export`
    exports when no --article is named."""
    rows = library.conn.execute(
        "SELECT id FROM articles a WHERE EXISTS"
        " (SELECT 1 FROM annotations n WHERE n.article_id = a.id) ORDER BY source_id, position"
    ).fetchall()
    return [row[0] for row in rows]
