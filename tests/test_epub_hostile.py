"""Hostile EPUBs (issue 17): zip bombs, paths out of the archive, encrypted or countless
entries, entity expansion and external entities in the package, NCX, navigation and
chapter files, and randomly damaged books. Each is refused in words, quickly, reading no
local file and fetching nothing, and leaves the library as it was."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importer import ImportRefused, import_path
from reader.importing import epub_archive
from reader.importing.epub import extract_epub
from reader.library.store import Library
from tests.epub_samples import (
    CONTAINER,
    EPUB2_POINTS,
    NCX_DOCTYPE,
    XHTML,
    billion_laughs,
    epub2_files,
    epub3_book,
    epub3_files,
    external_entity,
    ncx,
    opf,
    xhtml,
    zip_book,
)
from tests.listening_server import listening_server

BOMB_BYTES = 200 * 1024 * 1024


def library_state(library: Library) -> tuple[int, frozenset[str]]:
    return library.article_count(), library.source_hashes()


def refused_and_unchanged(tmp_path: Path, data: bytes, match: str) -> ImportRefused:
    """Import `data` as an EPUB into a library holding one book; assert it is refused
    (message matching `match`) within seconds and the library is unchanged."""
    library = Library.open(tmp_path / "lib.sqlite")
    good = tmp_path / "good.epub"
    good.write_bytes(epub3_book())
    import_path(library, good)
    before = library_state(library)
    path = tmp_path / "hostile.epub"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(ImportRefused, match=match) as refusal:
        import_path(library, path)
    assert time.perf_counter() - started < 5
    assert library_state(library) == before
    return refusal.value


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A well-formed EPUB whose first chapter is 200 MB of zeros (about 200 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in epub3_files().items():
            if name != "OEBPS/ch1.xhtml":
                archive.writestr(name, content)
        with archive.open("OEBPS/ch1.xhtml", "w") as chapter:
            zeros = bytes(1024 * 1024)
            for _ in range(BOMB_BYTES // len(zeros)):
                chapter.write(zeros)
    return buffer.getvalue()


def patched_entry(data: bytes, name: str, local: int, central: int, value: int) -> bytes:
    """`data` with the 4 bytes at offset `local` of entry `name`'s local header and at
    `central` of its central directory record set to `value` (little-endian)."""
    patched = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    struct.pack_into("<I", patched, archive.getinfo(name).header_offset + local, value)
    position = archive.start_dir
    while True:
        position = data.index(b"PK\x01\x02", position)
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == name.encode():
            struct.pack_into("<I", patched, position + central, value)
            return bytes(patched)
        position += 4


def with_declared_size(data: bytes, name: str, size: int) -> bytes:
    """An archive that lies: entry `name` declares `size` unpacked bytes."""
    return patched_entry(data, name, 22, 24, size)


def with_encryption_flag(data: bytes, name: str) -> bytes:
    """Entry `name` marked encrypted (bit 0 of its flags; the next 16 bits are kept)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    entry = archive.getinfo(name)
    local = struct.unpack_from("<I", data, entry.header_offset + 6)[0]
    return patched_entry(data, name, 6, 8, local | 0x1)


def test_a_zip_bomb_is_refused_from_its_declared_size_at_once(
    tmp_path: Path, zip_bomb: bytes
) -> None:
    assert len(zip_bomb) < BOMB_BYTES // 100
    error = refused_and_unchanged(tmp_path, zip_bomb, "zip bomb")
    assert "unpack" in str(error)


def test_a_zip_bomb_that_lies_about_its_size_is_stopped_while_reading(
    tmp_path: Path, zip_bomb: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Declared small, so the up-front check passes; the read stops at the bound (or at
    # the archive's own check of the sizes), never unpacking the 200 MB.
    lying = with_declared_size(zip_bomb, "OEBPS/ch1.xhtml", 4096)
    refused_and_unchanged(tmp_path, lying, "damaged|zip bomb")
    # Past the up-front check (its bounds lifted here), the chunked read alone stops the
    # bomb at an entry's limit, whatever the sizes say.
    monkeypatch.setattr(epub_archive, "MAX_EXPANSION", 10**6)
    monkeypatch.setattr(epub_archive, "MAX_UNPACKED_BYTES", 10**12)
    archive = epub_archive.EpubArchive(io.BytesIO(zip_bomb), "bomb.epub")
    started = time.perf_counter()
    with pytest.raises(ImportRefused, match="zip bomb"):
        archive.read("OEBPS/ch1.xhtml", limit=8 * 1024 * 1024)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("name", ["../evil.xhtml", "OEBPS/../../evil.xhtml", "/etc/evil.xhtml"])
def test_an_entry_with_a_path_outside_the_archive_is_refused(tmp_path: Path, name: str) -> None:
    files = epub3_files()
    files[name] = xhtml("<p>不该出现的文字。</p>")
    refused_and_unchanged(tmp_path, zip_book(files), "outside the archive")


def test_an_encrypted_entry_is_refused(tmp_path: Path) -> None:
    encrypted = with_encryption_flag(epub3_book(), "OEBPS/ch1.xhtml")
    refused_and_unchanged(tmp_path, encrypted, "encrypted")


def test_an_archive_of_too_many_entries_is_refused(tmp_path: Path) -> None:
    files = epub3_files()
    files.update({f"OEBPS/images/{n}.png": b"" for n in range(epub_archive.MAX_ENTRIES)})
    refused_and_unchanged(tmp_path, zip_book(files), "10,0")


def laughing_files(where: str) -> dict[str, str | bytes]:
    laughs = "<p>&lol9;</p>"
    if where == "package":
        files = epub3_files()
        manifest = [("nav", "nav.xhtml", XHTML, "nav"), ("ch1", "ch1.xhtml", XHTML, "")]
        files["OEBPS/content.opf"] = opf(
            manifest, ["ch1"], title="&lol9;", doctype=billion_laughs("package")
        )
        return files
    if where == "container":
        files = epub3_files()
        files["META-INF/container.xml"] = CONTAINER.replace(
            "<container", billion_laughs("container") + "<container"
        ).replace("OEBPS/content.opf", "&lol9;")
        return files
    if where == "ncx":
        return epub2_files(ncx_text=ncx(EPUB2_POINTS + laughs, doctype=billion_laughs("ncx")))
    if where == "nav":
        files = epub3_files()
        files["OEBPS/nav.xhtml"] = xhtml(laughs, doctype=billion_laughs("html"))
        return files
    files = epub3_files()
    files["OEBPS/ch1.xhtml"] = xhtml(laughs, doctype=billion_laughs("html"))
    return files


@pytest.mark.parametrize("where", ["container", "package", "ncx", "nav", "chapter"])
def test_billion_laughs_anywhere_is_refused_without_expanding(tmp_path: Path, where: str) -> None:
    refused_and_unchanged(tmp_path, zip_book(laughing_files(where)), "entities")


@pytest.mark.parametrize("where", ["package", "ncx", "chapter"])
def test_an_external_entity_naming_a_local_file_is_never_read(tmp_path: Path, where: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PASSWORD-42", encoding="utf-8")
    reference = "<p>&secret;</p>"
    if where == "package":
        files = epub3_files()
        files["OEBPS/content.opf"] = opf(
            [("ch1", "ch1.xhtml", XHTML, "")],
            ["ch1"],
            title="&secret;",
            doctype=external_entity("package", str(secret)),
        )
    elif where == "ncx":
        doctype = external_entity("ncx", str(secret))
        files = epub2_files(ncx_text=ncx(EPUB2_POINTS + reference, doctype=doctype))
    else:
        files = epub3_files()
        files["OEBPS/ch1.xhtml"] = xhtml(reference, doctype=external_entity("html", str(secret)))
    error = refused_and_unchanged(tmp_path, zip_book(files), "entities")
    assert "SECRET" not in str(error)


def test_dtds_and_pictures_named_by_a_book_are_never_fetched(tmp_path: Path) -> None:
    with listening_server() as (base, requests):
        files = epub2_files(
            ncx_text=ncx(EPUB2_POINTS, doctype=NCX_DOCTYPE.replace("http://www.daisy.org", base))
        )
        chapter = xhtml(
            f'<h2>第二回 茶馆</h2><p>茶馆开在石桥边。<img src="{base}/picture.png"/></p>'
            f'<link rel="stylesheet" href="{base}/style.css"/>'
            f'<iframe src="{base}/frame.html"></iframe><p>说书先生来了。</p>',
            doctype=f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "{base}/xhtml11.dtd">',
        )
        files["OEBPS/Text/c2.html"] = chapter
        document = extract_epub(io.BytesIO(zip_book(files)), "web.epub", lambda f, s: None)
        time.sleep(0.2)  # a fetch, had one started, would have arrived by now
    assert requests == []
    texts = {draft.title: draft.text for draft in document.articles}
    assert texts["第二回 茶馆"] == "茶馆开在石桥边。\n说书先生来了。"


MUTATION = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 1.0)),
    st.tuples(
        st.just("flip"),
        st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), min_size=1, max_size=6),
    ),
)


def mutated(book: bytes, mutation: tuple) -> bytes:
    kind, detail = mutation
    if kind == "truncate":
        return book[: int(detail * len(book))]
    data = bytearray(book)
    for where, mask in detail:
        data[min(int(where * len(data)), len(data) - 1)] ^= mask
    return bytes(data)


def test_a_damaged_epub_is_imported_or_refused_never_anything_else(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    book = epub3_book()
    files = {
        name: content.encode() if isinstance(content, str) else content
        for name, content in epub3_files().items()
    }
    names = sorted(files)
    outcomes = {"imported": 0, "refused": 0}

    @settings(
        max_examples=300,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(entry=st.one_of(st.none(), st.sampled_from(names)), mutation=MUTATION)
    def import_mutated(entry: str | None, mutation: tuple) -> None:
        # The archive's bytes damaged, or (with checksums right, so that the damage
        # reaches the XML and markup parsers) one file inside it.
        if entry is None:
            data = mutated(book, mutation)
        else:
            data = zip_book({**files, entry: mutated(files[entry], mutation)}, mimetype=False)
        path = tmp_path / "damaged.epub"
        path.write_bytes(data)
        before = library_state(library)
        try:
            import_path(library, path)
        except ImportRefused:
            outcomes["refused"] += 1
            assert library_state(library) == before
        else:
            outcomes["imported"] += 1

    import_mutated()
    # Both kinds of outcome were exercised: damage that breaks the book, and damage in
    # the text that leaves it readable.
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0


ENCRYPTION_LIST = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
 <enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
  <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>
</encryption>"""


def test_a_book_whose_chapters_are_encrypted_by_drm_is_refused(tmp_path: Path) -> None:
    files = epub3_files()
    files["META-INF/encryption.xml"] = ENCRYPTION_LIST.format(
        algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/ch1.xhtml"
    )
    refused_and_unchanged(tmp_path, zip_book(files), "DRM")
    # Obfuscated fonts leave the text readable: such a book is imported.
    files["META-INF/encryption.xml"] = ENCRYPTION_LIST.format(
        algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/kai.otf"
    )
    document = extract_epub(io.BytesIO(zip_book(files)), "fonts.epub", lambda f, s: None)
    assert document.articles[0].title == "第一章 春天来了"
