"""`yuedu://` deep links to an article or one of its annotations: made for the Markdown export
(`[Open in Yuedu](yuedu://article/…)`), parsed when the operating system hands one back to
`yuedu open`. Qt-free."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlsplit

DEEP_LINK_SCHEME = "yuedu"


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
