"""`yuedu://` deep links to an article or one of its annotations: made for the Markdown export
(`[Open in Yuedu](yuedu://article/…)`), parsed when the operating system hands one back to
`yuedu open`. Qt-free."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlsplit

from reader.messages import message

DEEP_LINK_SCHEME = "yuedu"
MAX_LINK_CHARS = 200  # the longest link Yuedu makes is 87 characters
MAX_ARTICLE_ID = 2**63 - 1  # SQLite's largest row id


def deep_link(article_id: int, annotation_id: str | None = None) -> str:
    link = f"{DEEP_LINK_SCHEME}://article/{article_id}"
    return f"{link}?annotation={annotation_id}" if annotation_id else link


def parse_deep_link(url: str) -> tuple[int, str | None]:
    """`yuedu://article/<id>[?annotation=<uuid>]` → (article id, annotation id or None).
    ValueError, with a reason fit for the user, for anything else: another scheme or host,
    an id that is not a positive number SQLite can hold, a fragment, a query with anything
    but one annotation id, or a link longer than any Yuedu makes."""
    if not isinstance(url, str) or len(url) > MAX_LINK_CHARS:
        raise ValueError(message("Not a yuedu:// link (too long)."))
    shown = url if len(url) <= 120 else url[:117] + "…"
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise ValueError(message("Not a yuedu:// link: {link}", link=repr(shown))) from None
    if parts.scheme.lower() != DEEP_LINK_SCHEME:
        raise ValueError(message("Not a yuedu:// link: {link}", link=repr(shown)))
    path = parts.path.removeprefix("/").removesuffix("/")
    if (
        parts.netloc.lower() != "article"
        or parts.fragment
        or not (path.isascii() and path.isdigit())
        or not 1 <= int(path) <= MAX_ARTICLE_ID
    ):
        raise ValueError(message("Expected yuedu://article/<id>, got {link}", link=repr(shown)))
    article_id = int(path)
    if not parts.query:
        return article_id, None
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise ValueError(message("Unexpected query in {link}", link=repr(shown))) from None
    values = query.get("annotation")
    if set(query) != {"annotation"} or values is None or len(values) != 1:
        raise ValueError(message("Unexpected query in {link}", link=repr(shown)))
    try:
        return article_id, str(uuid.UUID(hex=values[0]))
    except ValueError:
        raise ValueError(
            message("{value} is not an annotation id.", value=repr(values[0][:60]))
        ) from None
