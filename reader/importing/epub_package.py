"""An EPUB's package: its reading order (the spine) and its table of contents. Qt-free.

META-INF/container.xml names the package document (OPF); its manifest lists the files,
its spine the order they are read in. The table of contents is the EPUB 3 navigation
document (the <nav epub:type="toc"> of the manifest item with the "nav" property) or the
EPUB 2 NCX (the spine's `toc`); when both are there, the nav is read, the NCX only when
the nav gives nothing.

The XML files are parsed with defusedxml: a DOCTYPE may name a DTD (NCX files do) but it
is never fetched, and a file that declares entities is refused, not expanded.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

import defusedxml
import defusedxml.ElementTree as SafeElementTree

from reader.importing.epub_archive import EpubArchive, resolve_href
from reader.importing.html_text import (
    decode_markup,
    element_text,
    parse_html,
    refuse_declared_entities,
    tag_name,
)
from reader.messages import message
from reader.text.decode import ImportRefused

# The package document, container and NCX are small; a bigger one is not a book's.
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
# Levels of a table of contents read (books have three or four).
MAX_TOC_DEPTH = 32
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
# Font obfuscation (IDPF, Adobe): fonts scrambled against copying, the text left readable.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
_HTML_SUFFIXES = (".xhtml", ".html", ".htm")


@dataclass(frozen=True)
class SpineItem:
    path: str
    is_html: bool


@dataclass(frozen=True)
class TocEntry:
    title: str
    path: str
    fragment: str  # "" for the start of the file


@dataclass
class Package:
    title: str
    spine: list[SpineItem]
    toc: list[TocEntry]
    nav_path: str | None  # the navigation document: its text is the TOC, not the book's
    warnings: list[str] = field(default_factory=list)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml(data: bytes, what: str, label: str) -> ElementTree.Element:
    """Parse one of the EPUB's XML files, refusing entity declarations."""
    try:
        root: ElementTree.Element = SafeElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as error:
        raise ImportRefused(
            message(
                "{file} is not a book Yuedu will open: its {part} declares XML entities (a "
                "known way to attack a reader; no book needs them).",
                file=label,
                part=what,
            )
        ) from error
    except (
        ElementTree.ParseError,
        defusedxml.DefusedXmlException,
        ValueError,
        LookupError,
    ) as error:
        raise ImportRefused(
            message(
                "{file} is not a readable EPUB: its {part} is not well-formed XML ({detail}).",
                file=label,
                part=what,
                detail=str(error),
            )
        ) from error
    return root


def _package_path(archive: EpubArchive) -> str:
    label = archive.label
    if not archive.has(_CONTAINER):
        opf = [name for name in archive.names() if name.lower().endswith(".opf")]
        if len(opf) == 1:  # no container but one package document: read it
            return opf[0]
        raise ImportRefused(
            message("{file} is not an EPUB: it has no {name}.", file=label, name=_CONTAINER)
        )
    container = parse_xml(archive.read(_CONTAINER, MAX_PACKAGE_BYTES), message("container"), label)
    for rootfile in container.iter():
        if _local(rootfile.tag) != "rootfile":
            continue
        media_type = rootfile.get("media-type", "application/oebps-package+xml")
        path = resolve_href("", rootfile.get("full-path", ""))
        if media_type == "application/oebps-package+xml" and path and archive.has(path):
            return path
    raise ImportRefused(
        message("{file} is not a readable EPUB: its package document is missing.", file=label)
    )


def read_package(archive: EpubArchive) -> Package:
    label = archive.label
    opf_path = _package_path(archive)
    opf = parse_xml(archive.read(opf_path, MAX_PACKAGE_BYTES), message("package document"), label)
    folder = posixpath.dirname(opf_path)
    manifest: dict[str, tuple[str, str, str]] = {}  # id → (path, media type, properties)
    title = ""
    spine_ids: list[str] = []
    ncx_id = ""
    for element in opf.iter():
        name = _local(element.tag)
        if name == "title" and not title:
            title = " ".join("".join(element.itertext()).split())
        elif name == "item":
            path = resolve_href(folder, element.get("href", ""))
            if path is not None and element.get("id"):
                media_type = element.get("media-type", "").strip().lower()
                properties = element.get("properties", "")
                manifest[element.get("id", "")] = (path, media_type, properties)
        elif name == "spine":
            ncx_id = element.get("toc", "")
        elif name == "itemref" and element.get("idref"):
            spine_ids.append(element.get("idref", ""))
    spine: list[SpineItem] = []
    for idref in spine_ids:
        if idref in manifest:
            path, media_type, _ = manifest[idref]
            is_html = media_type in _HTML_TYPES or path.lower().endswith(_HTML_SUFFIXES)
            spine.append(SpineItem(path, is_html))
    if not spine:
        raise ImportRefused(
            message(
                "{file} is not a readable EPUB: its reading order (spine) is empty.", file=label
            )
        )
    nav_path = next((path for path, _, props in manifest.values() if "nav" in props.split()), None)
    ncx_path = manifest[ncx_id][0] if ncx_id in manifest else None
    if ncx_path is None:
        ncx_path = next(
            (path for path, kind, _ in manifest.values() if kind == "application/x-dtbncx+xml"),
            None,
        )
    _refuse_encrypted_text(archive, {item.path for item in spine})
    package = Package(title, spine, [], nav_path)
    if nav_path and archive.has(nav_path):
        package.toc = read_nav(archive, nav_path)
    if not package.toc and ncx_path and archive.has(ncx_path):
        package.toc = read_ncx(archive, ncx_path)
    if not package.toc:
        package.warnings.append(
            message(
                "{file} has no table of contents: its chapters are titled from their headings.",
                file=label,
            )
        )
    return package


def _refuse_encrypted_text(archive: EpubArchive, chapters: set[str]) -> None:
    """Refuse a book whose chapters META-INF/encryption.xml lists as encrypted (DRM):
    what would be read is cipher text."""
    if not archive.has(_ENCRYPTION):
        return
    root = parse_xml(
        archive.read(_ENCRYPTION, MAX_PACKAGE_BYTES), message("encryption list"), archive.label
    )
    for data in root.iter():
        if _local(data.tag) != "EncryptedData":
            continue
        method = next((e for e in data.iter() if _local(e.tag) == "EncryptionMethod"), None)
        if method is not None and method.get("Algorithm", "") in _FONT_OBFUSCATION:
            continue
        for reference in data.iter():
            if _local(reference.tag) == "CipherReference":
                if resolve_href("", reference.get("URI", "")) in chapters:
                    raise ImportRefused(
                        message(
                            "{file} cannot be read: its chapters are encrypted (the book is "
                            "protected by DRM).",
                            file=archive.label,
                        )
                    )


def read_ncx(archive: EpubArchive, path: str) -> list[TocEntry]:
    """The EPUB 2 table of contents: navPoints, nested, in document order."""
    data = archive.read(path, MAX_PACKAGE_BYTES)
    root = parse_xml(data, message("table of contents (NCX)"), archive.label)
    folder = posixpath.dirname(path)
    nav_map = next((e for e in root.iter() if _local(e.tag) == "navMap"), None)
    entries: list[TocEntry] = []
    if nav_map is None:
        return entries
    stack = [(point, 1) for point in reversed(nav_map) if _local(point.tag) == "navPoint"]
    while stack:
        point, depth = stack.pop()
        label = next((e for e in point if _local(e.tag) == "navLabel"), None)
        content = next((e for e in point if _local(e.tag) == "content"), None)
        title = " ".join("".join(label.itertext()).split()) if label is not None else ""
        src = content.get("src", "") if content is not None else ""
        entry = _entry(title, folder, src)
        if entry is not None:
            entries.append(entry)
        if depth < MAX_TOC_DEPTH:
            children = [child for child in point if _local(child.tag) == "navPoint"]
            stack.extend((child, depth + 1) for child in reversed(children))
    return entries


def read_nav(archive: EpubArchive, path: str) -> list[TocEntry]:
    """The EPUB 3 table of contents: the links of <nav epub:type="toc">, in order."""
    data = archive.read(path, MAX_PACKAGE_BYTES)
    refuse_declared_entities(data, f"{archive.label} (its table of contents)")
    root = parse_html(decode_markup(data, f"{archive.label} ({path})", must_be_unicode=True).text)
    if root is None:
        return []
    navs = [element for element in root.iter() if tag_name(element) == "nav"]
    toc = next((nav for nav in navs if "toc" in (nav.get("epub:type") or "").split()), None)
    if toc is None:
        toc = next((nav for nav in navs if nav.get("role") == "doc-toc"), navs[0] if navs else None)
    if toc is None:
        return []
    folder = posixpath.dirname(path)
    entries: list[TocEntry] = []
    for link in toc.iter():
        if tag_name(link) == "a" and link.get("href"):
            title = element_text(link) or link.get("title", "")
            entry = _entry(title, folder, link.get("href", ""))
            if entry is not None:
                entries.append(entry)
    return entries


def _entry(title: str, folder: str, href: str) -> TocEntry | None:
    path = resolve_href(folder, href)
    if path is None or not title.strip():
        return None
    fragment = href.split("#", 1)[1] if "#" in href else ""
    return TocEntry(title.strip(), path, fragment)
