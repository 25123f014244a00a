"""Markdown that renders as the text it is given.

Text that comes from an article (quotes, context, titles, bylines, tags) is escaped so that
it renders as the characters it is: no emphasis, link, HTML, heading or list comes out of
it. A comment keeps its Markdown, but inside its list item, with raw HTML escaped: whatever
it holds (`---`, `# heading`, an unclosed code fence) ends with the item, and every other
annotation is intact. YAML strings for the front matter are quoted so that any text fits.
Qt-free.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

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


# What an Obsidian tag may hold: letters and digits of any script, "_", "-" and "/" (nesting).
_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def inline_tag(tag: str) -> str:
    """`tag` as an inline tag Obsidian recognises whole ("#" not included): a space or
    other character a tag cannot hold becomes "-" ("to review" → "to-review", where "#to
    review" would tag "to"); "_", "-" and "/" at its ends are dropped. Unescaped, since a
    backslash ends a tag there: what is left holds nothing Markdown could take as markup
    ("_" inside a word is no emphasis). "" when nothing is left. The front matter keeps
    the tags as stored."""
    return _NOT_IN_TAG.sub("-", tag).strip("_-/")


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


_FIRST_CHARS_NEEDING_WORK = frozenset("#>+-= \t0123456789")


def blockquote(quote: str) -> str:
    """The quote as a Markdown block quote, each of its lines escaped (`quote_lines`)."""
    if (
        quote[:1] not in _FIRST_CHARS_NEEDING_WORK
        and "\n" not in quote
        and _INLINE_SPECIAL.search(quote) is None
        and _EDGE_SPACES.search(quote) is None
    ):
        return "> " + quote  # the common case: a one-line Chinese passage, nothing to escape
    return "\n".join("> " + line if line else ">" for line in quote_lines(quote))


def comment_item(comment: str) -> str:
    """The "- Comment:" list item holding the comment's own Markdown (`comment_markdown`)."""
    if "\n" not in comment and "\r" not in comment and "<" not in comment:
        return "- Comment:\n\n  " + comment + "\n"  # one line, nothing to escape
    return "- Comment:\n\n" + _indented(comment_markdown(comment)) + "\n"
