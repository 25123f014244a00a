"""HTML and XHTML made into paragraphs, for EPUB chapters and saved web pages. Qt-free.

The markup is parsed by lxml's HTML parser (libxml2), which reads the tag soup browsers
read, in linear time, and never fetches anything: no DTD, no external entity, no image or
style sheet (`no_network`), and it does not expand entities a document declares. A
document that declares its own entities (a DOCTYPE with an internal subset, as the
"billion laughs" does) is refused before it is parsed: no real book or page has one.
libxml2 also stops at a nesting depth of 256, so the walks here are bounded.

A paragraph is the text between two block boundaries: <p>, <div>, headings, list items,
<br> and the like. Ruby annotations (<rt>, <rp>) are dropped, so 汉字 with pinyin above
reads as 汉字; scripts, styles, forms and hidden elements are dropped. A footnote marker
(a numbered link in <sup>, or an EPUB noteref) reads as [1] in the text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from reader.messages import message
from reader.text.chars import is_cjk
from reader.text.decode import ImportRefused, decode_bytes

Element = etree._Element

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li "
    "main nav ol p pre section summary table tbody tfoot thead tr ul".split()
)
# Elements whose content is never read: code, styling, widgets, media, ruby annotations.
UNREAD_TAGS = frozenset(
    "script style noscript template head title rt rp svg math iframe object embed select "
    "option button input textarea canvas audio video map frameset frame".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_FOOTNOTE_NUMBER = re.compile(r"^\[?\(?(?:\d{1,4}|[a-z]|[ivxlc]{1,6}|\*{1,3}|†|‡)\)?\]?$")
_NOTEREF_TYPES = ("noteref",)
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_EDGE_SPACE = " \t\n\r\f\v\u00a0\u3000"
# A charset named in the first bytes: <?xml … encoding="…"?> or <meta … charset=…>.
_DECLARED_CHARSET = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
_SNIFFED_BYTES = 4096
# A file with at most one bad byte in this many is read in its encoding, bad bytes replaced.
_DAMAGE_SHARE = 1000
# Names browsers give a wider encoding than Python does (the WHATWG encoding standard).
_WIDER_CODEC = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
_BOMS = [
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
]


@dataclass(frozen=True)
class DecodedMarkup:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _declared_codec(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFFED_BYTES])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return None  # a UTF-16 file cannot name itself in ASCII bytes: the name is wrong
    return _WIDER_CODEC.get(codec, codec)


def _display_name(codec: str) -> str:
    return {"utf-8": "UTF-8", "gb18030": "GB18030", "big5hkscs": "Big5-HKSCS"}.get(
        codec, codec.upper().replace("_", "-")
    )


def _damaged_reading(
    data: bytes, codec: str, label: str, *, any_share: bool = False
) -> DecodedMarkup | None:
    """`data` read as `codec` with its few bad bytes replaced (a damaged file in the
    right encoding), or None when too many are bad for `codec` to be the encoding (unless
    `any_share`)."""
    text = data.decode(codec, "replace")
    bad = text.count("\ufffd")
    if bad > max(2, len(data) // _DAMAGE_SHARE) and not any_share:
        return None
    name = _display_name(codec)
    warning = message(
        "{file}: {count} bytes are not valid {encoding}; they read as \ufffd.",
        file=label,
        count=bad,
        encoding=name,
    )
    return DecodedMarkup(text, name, [warning])


def decode_markup(data: bytes, label: str, *, must_be_unicode: bool = False) -> DecodedMarkup:
    """Markup's bytes as text: by its byte-order mark, else the charset it declares, else
    UTF-8 (an EPUB's, and most pages'), else as the text importer guesses
    (`decode_bytes`), which also reads a page that declares one encoding and is in
    another. A few bad bytes in a file otherwise in the expected encoding are damage:
    they are replaced, with a warning, rather than the whole book refused. A file that
    `must_be_unicode` (an EPUB's) and is in no encoding the guess knows is read as its
    declared encoding or UTF-8 all the same, bad bytes replaced, with a warning."""
    if not data.strip(b" \t\r\n\x0c\x00"):
        return DecodedMarkup("", "UTF-8")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return DecodedMarkup(body.decode(codec), name)
            except UnicodeDecodeError as error:
                damaged = _damaged_reading(body, codec, label)
                if damaged is not None:
                    return damaged
                raise ImportRefused(
                    message(
                        "{file} starts with a {encoding} byte-order mark but is not valid "
                        "{encoding}.",
                        file=label,
                        encoding=name,
                    )
                ) from error
    codec = _declared_codec(data) or "utf-8"
    try:
        return DecodedMarkup(data.decode(codec), _display_name(codec))
    except UnicodeDecodeError:
        pass
    damaged = _damaged_reading(data, codec, label)
    if damaged is not None:
        return damaged
    try:
        decoded = decode_bytes(data, file_name=label)  # declared wrongly, or not at all
    except ImportRefused:
        if not must_be_unicode:
            raise
        return _damaged_reading(data, codec, label, any_share=True) or DecodedMarkup("", "")
    return DecodedMarkup(decoded.text, decoded.encoding, list(decoded.warnings))


def refuse_declared_entities(data: bytes | str, label: str) -> None:
    """Refuse markup with a DOCTYPE internal subset: the home of entity declarations, the
    "billion laughs" and external entities that point at local files."""
    head = data[: _SNIFFED_BYTES * 16]
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if _INTERNAL_SUBSET.search(raw):
        raise ImportRefused(
            message(
                "{file} declares its own XML entities, which Yuedu does not read (no book or "
                "web page needs them; they are a known way to attack a reader).",
                file=label,
            )
        )


_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_html(text: str) -> Element | None:
    """The element tree of an HTML or XHTML document, or None when it has no elements."""
    parser = etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        default_doctype=False,
        collect_ids=False,
        huge_tree=False,
        encoding="utf-8",
    )
    if not text.strip():
        return None
    # As UTF-8 bytes with the encoding given: lxml refuses a string that declares an
    # encoding (<?xml … encoding="utf-8"?>), and the text is already decoded.
    # Control characters mean nothing in a page, and lxml refuses them in the text it is
    # given back (moving a removed element's tail): they go before parsing.
    data = _CONTROL_CHARACTERS.sub("", text).encode("utf-8", "replace")
    try:
        return etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def tag_name(element: Element) -> str:
    """The lower-case local name of an element ('' for comments and the like)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def is_hidden(element: Element) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


def drop_element(element: Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def drop_unread(root: Element) -> None:
    """Remove what is never read: scripts, styles, ruby annotations, hidden elements."""
    doomed = [
        element
        for element in root.iter()
        if element is not root
        and (not tag_name(element) or tag_name(element) in UNREAD_TAGS or is_hidden(element))
    ]
    for element in doomed:
        drop_element(element)


def element_text(element: Element) -> str:
    """An element's text, whitespace collapsed (for titles, bylines, TOC labels)."""
    return collapse_spaces("".join(_readable_text(element)))


def _readable_text(element: Element) -> Iterator[str]:
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        node, done = stack.pop()
        if done:
            if node is not element and node.tail:
                yield node.tail
            continue
        if not isinstance(node.tag, str) or tag_name(node) in UNREAD_TAGS:
            if node is not element and node.tail:
                yield node.tail
            continue
        if node.text:
            yield node.text
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def collapse_spaces(text: str) -> str:
    """Runs of white space made one space, except where a line break joins two CJK
    characters (source formatting, which a browser shows as nothing); trimmed."""

    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        if "\n" in run or "\r" in run:
            before = match.string[match.start() - 1] if match.start() else ""
            after = match.string[match.end()] if match.end() < len(match.string) else ""
            if before and after and is_cjk(before) and is_cjk(after):
                return ""
        return " "

    return _SPACE_RUN.sub(replace, text).strip(_EDGE_SPACE)


@dataclass(frozen=True)
class Block:
    """A paragraph: its text, and its heading level (1–6 for <h1>–<h6>, 0 for text)."""

    text: str
    heading: int = 0


@dataclass
class BlockText:
    """A document's paragraphs, and where each element id falls among them."""

    blocks: list[Block] = field(default_factory=list)
    # Element id (or <a name>) → index of the first block at or after the element's start.
    anchors: dict[str, int] = field(default_factory=dict)


def _is_footnote_marker(element: Element, name: str) -> bool:
    if name != "a":
        return False
    kind = " ".join(element.get(key) or "" for key in ("epub:type", "type", "role"))
    if any(word in kind for word in _NOTEREF_TYPES):
        return True
    href = element.get("href") or ""
    if "#" not in href:
        return False
    parent = element.getparent()
    in_superscript = (parent is not None and tag_name(parent) == "sup") or any(
        tag_name(child) == "sup" for child in element
    )
    return in_superscript and bool(_FOOTNOTE_NUMBER.match(element_text(element).lower()))


def _marker_text(element: Element) -> str:
    text = element_text(element)
    if not text or text[0] in "[(（［【〔" or not _FOOTNOTE_NUMBER.match(text.lower()):
        return text
    return f"[{text}]"


class _BlockWriter:
    def __init__(self) -> None:
        self.result = BlockText()
        self._pieces: list[str] = []
        self._heading = 0

    def text(self, piece: str | None) -> None:
        if piece:
            self._pieces.append(piece)

    def boundary(self, heading: int = 0) -> None:
        text = collapse_spaces("".join(self._pieces))
        self._pieces = []
        if text:
            self.result.blocks.append(Block(text, self._heading))
        self._heading = heading

    def preformatted(self, element: Element) -> None:
        self.boundary()
        for line in "".join(_readable_text(element)).split("\n"):
            line = line.strip(_EDGE_SPACE)
            if line:
                self.result.blocks.append(Block(line))

    def anchor(self, element: Element) -> None:
        for key in (element.get("id"), element.get("name") if tag_name(element) == "a" else None):
            if key:
                self.result.anchors.setdefault(key, len(self.result.blocks))


def html_blocks(root: Element | None) -> BlockText:
    """The paragraphs of `root`'s subtree, in reading order."""
    writer = _BlockWriter()
    if root is None:
        return writer.result
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        name = tag_name(node)
        if closing:
            if name in _BLOCK_TAGS:
                writer.boundary()
            elif name in _CELL_TAGS:
                writer.text(" ")
            if node is not root:
                writer.text(node.tail)
            continue
        if not name or name in UNREAD_TAGS or is_hidden(node):
            if node is not root:
                writer.text(node.tail)
            continue
        writer.anchor(node)
        if name == "br" or name == "hr":
            writer.boundary()
            writer.text(node.tail)
            continue
        if name == "pre":
            writer.preformatted(node)
            writer.text(node.tail)
            continue
        if _is_footnote_marker(node, name):
            writer.text(_marker_text(node))
            writer.text(node.tail)
            continue
        if name in _BLOCK_TAGS:
            writer.boundary(_HEADINGS.get(name, 0))
        writer.text(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    writer.boundary()
    return writer.result
