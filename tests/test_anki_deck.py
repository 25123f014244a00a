"""Anki deck packages from Anki 2.1.50 and later: the collection is `collection.anki21b`
(SQLite compressed with Zstandard), beside a stand-in `collection.anki2` whose one note
asks to update Anki. The packages are built here as Anki builds them: a streamed
Zstandard frame (no content size in its header) in a ZIP archive."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
import zstandard

from reader.learning import anki_deck
from reader.learning.anki_deck import DeckRefused, first_fields
from reader.learning.flashcards import ImportRefused, import_known_words
from reader.library.store import Library

# The stand-in note of a new-format package, as Anki writes it.
UPDATE_ANKI = "Please update to the latest Anki version, then import the .colpkg/.apkg file again."


def collection_bytes(folder: Path, notes: list[tuple[int, str]]) -> bytes:
    """An SQLite file with Anki's `notes` table (only the columns read: id and flds)."""
    path = folder / f"collection-{len(list(folder.iterdir()))}.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT NOT NULL)")
    connection.executemany("INSERT INTO notes (id, flds) VALUES (?, ?)", notes)
    connection.commit()
    connection.close()
    return path.read_bytes()


def streamed_zstd(data: bytes) -> bytes:
    """`data` compressed as a stream: the frame does not say how large it unpacks."""
    compressor = zstandard.ZstdCompressor(write_content_size=False)
    chunks = compressor.compressobj()
    return chunks.compress(data) + chunks.flush()


def new_format_package(path: Path, compressed: bytes, stand_in: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("collection.anki2", stand_in)
        package.writestr("collection.anki21b", compressed)
        package.writestr("media", b"")
    return path


@pytest.fixture
def stand_in(tmp_path: Path) -> bytes:
    (tmp_path / "sqlite").mkdir()
    return collection_bytes(tmp_path / "sqlite", [(1, UPDATE_ANKI)])


def test_the_compressed_collection_is_read_not_the_stand_in(
    tmp_path: Path, stand_in: bytes
) -> None:
    deck = collection_bytes(
        tmp_path / "sqlite",
        [
            (1700000000002, "<b>老师</b>\x1flǎo shī\x1fteacher"),
            (1700000000001, "银行\x1fyín háng\x1fbank"),
            (1700000000003, "学习"),
        ],
    )
    package = new_format_package(tmp_path / "deck.apkg", streamed_zstd(deck), stand_in)
    assert anki_deck.is_anki_package(package)
    frame = zstandard.get_frame_parameters(streamed_zstd(deck))
    assert frame.content_size == zstandard.CONTENTSIZE_UNKNOWN
    assert first_fields(package, "deck.apkg") == ["银行", "<b>老师</b>", "学习"]


def test_a_frame_that_records_its_size_is_read_too(tmp_path: Path, stand_in: bytes) -> None:
    deck = collection_bytes(tmp_path / "sqlite", [(1, "朋友\x1fpéng you")])
    compressed = zstandard.ZstdCompressor().compress(deck)
    package = new_format_package(tmp_path / "deck.colpkg", compressed, stand_in)
    assert first_fields(package, "deck.colpkg") == ["朋友"]


def test_known_words_from_a_new_format_deck(tmp_path: Path, stand_in: bytes) -> None:
    deck = collection_bytes(tmp_path / "sqlite", [(1, "银行\x1fbank"), (2, "老师\x1fteacher")])
    package = new_format_package(tmp_path / "deck.apkg", streamed_zstd(deck), stand_in)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        report = import_known_words(library, package)
        known = library.conn.execute("SELECT word FROM word_status WHERE status = 'known'")
        assert {row[0] for row in known} == {"银行", "老师"}
    # The stand-in's English sentence would have counted as a line that is not a word.
    assert (report.made_known, report.already_known, report.not_words) == (2, 0, 0)


def test_a_collection_unpacking_past_the_limit_is_refused_and_nothing_imported(
    tmp_path: Path, stand_in: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A well-formed deck, so only its unpacked size can be what refuses it.
    notes = [(n, f"银行\x1f{'bank ' * 200}{n}") for n in range(1, 201)]
    deck = collection_bytes(tmp_path / "sqlite", notes)
    assert len(deck) > 100_000
    package = new_format_package(tmp_path / "bomb.apkg", streamed_zstd(deck), stand_in)
    assert first_fields(package, "bomb.apkg")[:2] == ["银行", "银行"]  # readable at 512 MB
    monkeypatch.setattr(anki_deck, "MAX_COLLECTION_BYTES", 64 * 1024)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(DeckRefused) as refusal:
        first_fields(package, "bomb.apkg")
    assert str(refusal.value) == (
        "bomb.apkg cannot be read as an Anki deck: its collection unpacks to more than 65536 bytes."
    )
    with Library.open(tmp_path / "lib.sqlite3") as library:
        with pytest.raises(ImportRefused, match="more than 65536 bytes"):
            import_known_words(library, package)
        assert library.conn.execute("SELECT COUNT(*) FROM word_status").fetchone() == (0,)
    assert list(scratch.iterdir()) == []  # the partly unpacked collection is gone


def test_zeros_far_past_the_limit_are_refused_early(
    tmp_path: Path, stand_in: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = streamed_zstd(bytes(64 * 1024 * 1024))  # 64 MB of zeros in a few kilobytes
    assert len(bomb) < 64 * 1024
    package = new_format_package(tmp_path / "zeros.apkg", bomb, stand_in)
    monkeypatch.setattr(anki_deck, "MAX_COLLECTION_BYTES", 1024 * 1024)
    with pytest.raises(DeckRefused, match="more than 1048576 bytes"):
        first_fields(package, "zeros.apkg")


def test_a_damaged_compressed_collection_is_refused_in_a_sentence(
    tmp_path: Path, stand_in: bytes
) -> None:
    noise = random.Random(21).randbytes(4096)
    package = new_format_package(tmp_path / "noise.apkg", noise, stand_in)
    with pytest.raises(DeckRefused) as refusal:
        first_fields(package, "noise.apkg")
    assert str(refusal.value).startswith(
        "noise.apkg cannot be read as an Anki deck: its compressed collection is damaged ("
    )
    # A real frame, cut short: refused too (by Zstandard or by SQLite), never a traceback.
    deck = collection_bytes(tmp_path / "sqlite", [(1, "银行"), (2, "老师")])
    cut = streamed_zstd(deck)[:-20]
    package = new_format_package(tmp_path / "cut.apkg", cut, stand_in)
    with pytest.raises(DeckRefused, match="^cut.apkg cannot be read as an Anki deck"):
        first_fields(package, "cut.apkg")
