"""EPUB books built at test time with zipfile: an EPUB 3 (navigation document) and an
EPUB 2 (NCX), with chapters in Chinese written for these tests, and hostile variants."""

from __future__ import annotations

import io
import zipfile

XHTML_DOCTYPE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
    '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
)
NCX_DOCTYPE = (
    '<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" '
    '"http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">'
)
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""


def xhtml(body: str, *, title: str = "", doctype: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"{doctype}\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f'<head><title>{title}</title><link rel="stylesheet" href="style.css"/></head>'
        f"<body>{body}</body></html>"
    )


def _entry(name: str) -> zipfile.ZipInfo:
    """An entry with a fixed date, so that the same book is the same bytes each time."""
    return zipfile.ZipInfo(name, date_time=(2024, 3, 5, 8, 0, 0))


def zip_book(files: dict[str, str | bytes], *, mimetype: bool = True) -> bytes:
    """An EPUB's bytes: the mimetype entry first and stored, the rest deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(_entry("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(_entry(name), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def opf(
    manifest: list[tuple[str, str, str, str]],
    spine: list[str],
    *,
    toc: str = "",
    title: str = "山村日记",
    doctype: str = "",
) -> str:
    """A package document: manifest rows (id, href, media type, properties)."""
    items = "".join(
        f'<item id="{i}" href="{href}" media-type="{kind}"'
        + (f' properties="{props}"' if props else "")
        + "/>"
        for i, href, kind, props in manifest
    )
    refs = "".join(f'<itemref idref="{i}"/>' for i in spine)
    toc_attribute = f' toc="{toc}"' if toc else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>{title}</dc:title>'
        "<dc:language>zh</dc:language></metadata>"
        f"<manifest>{items}</manifest><spine{toc_attribute}>{refs}</spine></package>"
    )


XHTML = "application/xhtml+xml"

CHAPTER_ONE = xhtml(
    "<h1>第一章　春天来了</h1>"
    "<p>　　山村的春天来得很晚。三月底，河边的柳树才冒出<ruby>嫩<rp>(</rp><rt>nèn</rt>"
    "<rp>)</rp></ruby>芽。</p>"
    '<p>奶奶说，今年的雨水多，庄稼一定长得好<sup><a href="notes.xhtml#n1" '
    'epub:type="noteref">1</a></sup>。</p>'
    "<div>我们在田埂上走了很久<br/>直到太阳落山。</div>"
)
CHAPTER_TWO_AND_THREE = xhtml(
    '<h2 id="summer">第二章 夏夜</h2>'
    "<p>夏天的晚上，全村人都到打谷场上乘凉。</p>"
    "<p>爷爷摇着蒲扇，讲起年轻时候的故事。</p>"
    '<h2 id="autumn">第三章 秋收</h2>'
    "<p>秋天到了，稻子黄了，田里一片金色。</p>"
)
CHAPTER_THREE_CONTINUED = xhtml("<p>收完稻子，家家户户都晒起了新米。</p>")
NOTES = xhtml('<aside epub:type="footnote" id="n1"><p>1. 这里说的是春小麦。</p></aside>')
COVER = xhtml('<div><img src="cover.jpg" alt=""/></div>')
NAV = xhtml(
    '<nav epub:type="toc" id="toc"><h1>目录</h1><ol>'
    '<li><a href="ch1.xhtml">第一章　春天来了</a></li>'
    '<li><a href="ch2.xhtml#summer">第二章 夏夜</a></li>'
    '<li><a href="ch2.xhtml#autumn">第三章 秋收</a></li>'
    '<li><a href="notes.xhtml">注释</a></li>'
    "</ol></nav>"
    '<nav epub:type="landmarks"><ol><li><a href="cover.xhtml">封面</a></li></ol></nav>'
)
EPUB3_TITLES = ["第一章 春天来了", "第二章 夏夜", "第三章 秋收", "注释"]


def epub3_files() -> dict[str, str | bytes]:
    manifest = [
        ("cover", "cover.xhtml", XHTML, ""),
        ("nav", "nav.xhtml", XHTML, "nav"),
        ("ch1", "ch1.xhtml", XHTML, ""),
        ("ch2", "ch2.xhtml", XHTML, ""),
        ("ch2b", "ch2b.xhtml", XHTML, ""),
        ("notes", "notes.xhtml", XHTML, ""),
        ("img", "cover.jpg", "image/jpeg", "cover-image"),
    ]
    return {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": opf(manifest, ["cover", "nav", "ch1", "ch2", "ch2b", "notes"]),
        "OEBPS/cover.xhtml": COVER,
        "OEBPS/nav.xhtml": NAV,
        "OEBPS/ch1.xhtml": CHAPTER_ONE,
        "OEBPS/ch2.xhtml": CHAPTER_TWO_AND_THREE,
        "OEBPS/ch2b.xhtml": CHAPTER_THREE_CONTINUED,
        "OEBPS/notes.xhtml": NOTES,
        "OEBPS/cover.jpg": b"\xff\xd8\xff\xe0 not really a picture",
    }


def epub3_book() -> bytes:
    return zip_book(epub3_files())


def ncx(points: str, *, doctype: str = NCX_DOCTYPE) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        "<head/><docTitle><text>江边小镇</text></docTitle>"
        f"<navMap>{points}</navMap></ncx>"
    )


def nav_point(number: int, label: str, src: str, children: str = "") -> str:
    return (
        f'<navPoint id="p{number}" playOrder="{number}"><navLabel><text>{label}</text>'
        f'</navLabel><content src="{src}"/>{children}</navPoint>'
    )


EPUB2_POINTS = nav_point(
    1,
    "卷一 小镇",
    "Text/part1.html",
    nav_point(2, "第一回 码头", "Text/c1.html") + nav_point(3, "第二回 茶馆", "Text/c2.html"),
) + nav_point(4, "后记", "Text/after.html")
EPUB2_TITLES = ["书名页", "卷一 小镇", "第一回 码头", "第二回 茶馆", "后记"]


def epub2_files(*, ncx_text: str = "", chapter_one: str = "") -> dict[str, str | bytes]:
    def page(body: str) -> str:
        return xhtml(body, doctype=XHTML_DOCTYPE)

    manifest = [
        ("ncx", "toc.ncx", "application/x-dtbncx+xml", ""),
        ("title", "Text/title.html", XHTML, ""),
        ("part1", "Text/part1.html", XHTML, ""),
        ("c1", "Text/c1.html", XHTML, ""),
        ("c2", "Text/c2.html", XHTML, ""),
        ("after", "Text/after.html", XHTML, ""),
    ]
    return {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": opf(
            manifest, ["title", "part1", "c1", "c2", "after"], toc="ncx", title="江边小镇"
        ),
        "OEBPS/toc.ncx": ncx_text or ncx(EPUB2_POINTS),
        # Front matter outside the table of contents, with text: an article of its own.
        "OEBPS/Text/title.html": page("<h1>书名页</h1><p>江边小镇</p><p>王小明　著</p>"),
        "OEBPS/Text/part1.html": page("<h1>卷一</h1><p>小镇在江边，已经有三百年了。</p>"),
        "OEBPS/Text/c1.html": chapter_one
        or page(
            "<h2>第一回</h2><h3>码头</h3>"
            "<p>天刚亮，码头上就热闹起来了。</p><p>挑夫们喊着号子，把货物搬上船。</p>"
        ),
        "OEBPS/Text/c2.html": page(
            "<h2>第二回 茶馆</h2><p>镇上最老的茶馆开在石桥边。</p>"
            "<p>说书先生一拍醒木，满堂都安静下来。</p>"
        ),
        "OEBPS/Text/after.html": page("<p>写完这本书，用了整整两年。</p>"),
    }


def epub2_book() -> bytes:
    return zip_book(epub2_files())


def billion_laughs(root: str) -> str:
    """The entity declarations of the "billion laughs", for a document whose root is
    `root`; `&lol9;` expands to 10⁹ "lol"s."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def external_entity(root: str, path: str) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY secret SYSTEM "file://{path}">]>'
