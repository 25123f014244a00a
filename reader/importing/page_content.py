"""Which part of a web page is its article. Qt-free.

After the manner of Mozilla's Readability (as readability-lxml ports it), tuned for
Chinese: first the page's furniture is removed — navigation, headers and footers, side
bars, advertisements, share buttons, related links, comment sections — by tag, ARIA role
and class or id names; then every paragraph scores for its length and its commas
(，、。 as well as ",") and gives its score to its parent and, less, to the ancestors
above; an element's score is lowered by how much of its text is links. The best element
is the article, with those of its siblings that score nearly as well or are plainly
paragraphs of prose. Inside it, blocks that are mostly links (a list of related
articles) are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.importing.html_text import Element, drop_element, tag_name

_STRONG_JUNK = re.compile(
    r"comment|disqus|repl(?:y|ies)|sidebar|side-bar|advert|sponsor|share|social|related"
    r"|recommend|footer|copyright|breadcrumb|crumbs|pagination|pager|popup|modal|cookie"
    r"|subscribe|newsletter|login|signup|toolbar|hotnews|hot-news|ranking|navbar|topbar",
    re.IGNORECASE,
)
_WEAK_JUNK = re.compile(
    r"(?:^|[\s_-])(?:header|head|menu|nav|banner|extra|widget|aside|tags?|tools?|ad|ads|gg"
    r"|promo|rss|masthead|top|bottom|side|links?|list|foot)(?:[\s_-]|\d|$)",
    re.IGNORECASE,
)
_KEEP = re.compile(r"article|content|main|body|post|entry|story|text|detail|zw|正文", re.I)
_JUNK_ROLES = frozenset(
    "navigation banner complementary contentinfo search dialog menu menubar".split()
)
_JUNK_TAGS = frozenset({"nav", "aside", "footer", "dialog", "menu"})
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote"})
_TEXT_CONTAINERS = frozenset({"div", "section", "article", "main", "center", "font"})
_TAG_WEIGHT = {
    "article": 10, "main": 10, "div": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "ol": -3, "ul": -3, "dl": -3, "li": -3, "address": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
_COMMAS = re.compile(r"[，、。；,;]")
_SPACE = re.compile(r"\s+")
# Fewer characters than this make no paragraph worth scoring.
_PARAGRAPH_MIN_CHARS = 12
# Characters per point a paragraph scores for its length (Readability: 100 letters).
_CHARS_PER_POINT = 40


@dataclass
class _Stats:
    chars: int  # without white space
    link_chars: int
    direct_chars: int  # in text nodes of the element itself
    direct_text: str

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def descriptor(element: Element) -> str:
    return " ".join(element.get(key) or "" for key in ("class", "id"))


def _compact_length(text: str | None) -> int:
    return len(_SPACE.sub("", text)) if text else 0


def _is_junk(element: Element, name: str) -> bool:
    if name in _JUNK_TAGS or element.get("role") in _JUNK_ROLES:
        return True
    if name == "header":
        return not any(tag_name(child) in {"h1", "h2"} for child in element.iter())
    names = descriptor(element)
    if not names.strip():
        return False
    if _STRONG_JUNK.search(names):
        return True
    return bool(_WEAK_JUNK.search(names)) and not _KEEP.search(names)


def drop_furniture(root: Element, keep: Element | None) -> None:
    """Remove the page's navigation, side bars, advertisements, comments and the like;
    never `keep` (the headline) or what holds it."""
    protected = set(keep.iterancestors()) | {keep} if keep is not None else set()
    doomed = [
        element
        for element in root.iter()
        if tag_name(element) not in {"html", "body"}
        and element not in protected
        and _is_junk(element, tag_name(element))
    ]
    for element in doomed:
        if element.getparent() is not None:
            drop_element(element)


def _statistics(root: Element) -> dict[Element, _Stats]:
    stats: dict[Element, _Stats] = {}
    for element in reversed(list(root.iter())):
        name = tag_name(element)
        if not name:
            continue
        direct = [element.text or ""] + [child.tail or "" for child in element]
        direct_text = "".join(direct)
        direct_chars = _compact_length(direct_text)
        children = [stats[child] for child in element if child in stats]
        chars = direct_chars + sum(child.chars for child in children)
        links = chars if name == "a" else sum(child.link_chars for child in children)
        stats[element] = _Stats(chars, links, direct_chars, direct_text)
    return stats


def _paragraph_score(text_chars: int, text: str) -> float:
    return 1 + len(_COMMAS.findall(text)) + min(text_chars // _CHARS_PER_POINT, 3)


def _class_weight(element: Element) -> int:
    names = descriptor(element)
    weight = 25 if _KEEP.search(names) else 0
    if _STRONG_JUNK.search(names) or _WEAK_JUNK.search(names):
        weight -= 25
    return weight


def article_elements(root: Element) -> list[Element]:
    """The element(s) holding the article, in page order (the body when nothing scores)."""
    stats = _statistics(root)
    scores: dict[Element, float] = {}

    def credit(element: Element, points: float) -> None:
        if element not in scores:
            scores[element] = _TAG_WEIGHT.get(tag_name(element), 0) + _class_weight(element)
        scores[element] += points

    for element, stat in stats.items():
        name = tag_name(element)
        if name in _PARAGRAPH_TAGS and stat.chars >= _PARAGRAPH_MIN_CHARS:
            text = "".join(element.itertext())
            points = _paragraph_score(stat.chars, text)
            first = element.getparent()
        elif name in _TEXT_CONTAINERS and stat.direct_chars >= _PARAGRAPH_MIN_CHARS * 2:
            # Text held directly, between <br>s, as many Chinese sites write articles.
            points = _paragraph_score(stat.direct_chars, stat.direct_text)
            first = element
        else:
            continue
        for level, ancestor in enumerate([first, *_ancestors(first, 3)]):
            if ancestor is None or tag_name(ancestor) in {"html", ""}:
                break
            credit(ancestor, points / (1 if level == 0 else level * 2))
    if not scores:
        body = next((e for e in root.iter() if tag_name(e) == "body"), root)
        return [body]
    final = {e: score * (1 - stats[e].link_density) for e, score in scores.items() if e in stats}
    top = max(final, key=lambda element: final[element])
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, final[top] * 0.2)
    chosen: list[Element] = []
    for sibling in parent:
        if sibling is top or final.get(sibling, 0.0) >= threshold or _prose(sibling, stats):
            chosen.append(sibling)
    return chosen


def _ancestors(element: Element | None, count: int) -> list[Element | None]:
    found: list[Element | None] = []
    while element is not None and len(found) < count:
        element = element.getparent()
        found.append(element)
    return found


def _prose(element: Element, stats: dict[Element, _Stats]) -> bool:
    """A sibling paragraph of plain prose, kept with the article beside it."""
    stat = stats.get(element)
    if stat is None or tag_name(element) != "p":
        return False
    text = "".join(element.itertext()).strip()
    if stat.chars > 80:
        return stat.link_density < 0.25
    return stat.link_chars == 0 and text.endswith(("。", "！", "？", ".", "”"))


def drop_link_lists(container: Element) -> None:
    """Remove, inside the article, blocks that are mostly links: related articles, tags,
    "next page" bars."""
    stats = _statistics(container)
    doomed = {
        element
        for element, stat in stats.items()
        if element is not container
        and tag_name(element) in {"ul", "ol", "div", "table", "section", "dl", "p", "span"}
        and stat.chars
        and stat.link_density > 0.5
        and stat.chars < 300
    }
    for element in doomed:
        if not any(ancestor in doomed for ancestor in element.iterancestors()):
            drop_element(element)
