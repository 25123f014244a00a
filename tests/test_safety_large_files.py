"""Large files: decoded, reflowed and split piece by piece, spooled to disk, stored in
parts; the same result as a small file's import, bounded memory, and a cancel or a kill
that leaves nothing behind.

The size at which a file is streamed (8 MB) is lowered here so that small test files take
the large-file path; the memory bound itself is measured in a child process.
"""

from __future__ import annotations

import io
import json
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.importer import (
    ImportCancelled,
    import_path,
    prepare_file,
    prepare_import,
    store_import,
)
from reader.library import Library
from reader.spool import SPOOL_PREFIX, sweep_stale_spools
from reader.text import decode
from reader.text.decode import ImportRefused, decode_bytes, decode_stream
from reader.text.reflow import iter_lines
from tests.shared_data import SEED_PAGE, start_python


@contextmanager
def streamed_from(sample_bytes: int, read_bytes: int, piece_chars: int = 1000) -> Iterator[None]:
    """Files larger than `sample_bytes` take the large-file path, read `read_bytes` at a
    time."""
    with (
        mock.patch.object(decode, "SAMPLE_BYTES", sample_bytes),
        mock.patch.object(decode, "READ_BYTES", read_bytes),
        mock.patch.object(decode, "PIECE_CHARS", piece_chars),
        mock.patch("reader.importer.PIECE_CHARS", piece_chars),
    ):
        yield


def spools_in(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(SPOOL_PREFIX)]


# -- decoding piece by piece ---------------------------------------------------------------
texts = st.text(
    alphabet=st.one_of(
        st.sampled_from("汉语阅读，。“”\n\r\r\n\t 　abc123"),
        st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")),
    ),
    min_size=1,
    max_size=400,
).filter(lambda text: text.strip() != "")


@settings(max_examples=150)
@given(
    text=texts,
    form=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    read_bytes=st.integers(1, 64),
)
def test_a_large_file_decodes_piece_by_piece_to_the_text_a_small_one_gives(
    text: str, form: str, read_bytes: int
) -> None:
    data = text.encode(form)
    # GB18030 is named: from a few bytes it cannot be told from Big5, whole or not.
    named = "GB18030" if form == "gb18030" else None
    whole = decode_bytes(data, encoding=named)
    with streamed_from(sample_bytes=16, read_bytes=read_bytes, piece_chars=7):
        stream = decode_stream(io.BytesIO(data), encoding=named)
        pieces = list(stream.pieces)
    assert "".join(pieces) == whole.text
    assert stream.encoding == whole.encoding
    assert all(pieces)  # no empty piece, and no CR left dangling at a piece's end
    assert not any(piece.endswith("\r") or "\r" in piece for piece in pieces)


@given(text=st.text(alphabet="ab\n汉", max_size=60), cuts=st.lists(st.integers(0, 60)))
def test_lines_are_the_same_however_the_text_is_cut(text: str, cuts: list[int]) -> None:
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    assert list(iter_lines(pieces)) == text.split("\n")


def test_bad_bytes_late_in_a_large_file_are_refused_with_their_offset() -> None:
    good = "汉语阅读。\n".encode() * 40
    data = good + b"\xff\xfe\xfa" + "后面还有。\n".encode() * 10
    with streamed_from(sample_bytes=64, read_bytes=50):
        stream = decode_stream(io.BytesIO(data), file_name="mixed.txt")
        assert stream.encoding == "UTF-8"  # decided on the first 64 bytes
        with pytest.raises(ImportRefused, match=rf"mixed.txt .*offset {len(good)}\b"):
            list(stream.pieces)


def test_a_nul_late_in_a_large_file_is_refused() -> None:
    data = "汉语阅读。\n".encode() * 40 + b"\x00" + "完。\n".encode()
    with streamed_from(sample_bytes=64, read_bytes=50):
        stream = decode_stream(io.BytesIO(data), file_name="nul.txt")
        with pytest.raises(ImportRefused, match="NUL"):
            list(stream.pieces)


def test_a_large_file_of_nothing_but_spaces_is_refused() -> None:
    with streamed_from(sample_bytes=64, read_bytes=50):
        stream = decode_stream(io.BytesIO(b" \n" * 500), file_name="blank.txt")
        with pytest.raises(ImportRefused, match="no text"):
            list(stream.pieces)


# -- importing: the same articles, stored in bounded parts ----------------------------------
def imported_rows(library: Library) -> list[tuple[object, ...]]:
    return library.conn.execute(
        "SELECT a.position, a.title, a.title_is_derived, a.byline, a.text, a.first_paragraph,"
        " a.end_paragraph, t.token_ends FROM articles a JOIN article_tokens t"
        " ON t.article_id = a.id ORDER BY a.position"
    ).fetchall()


def test_a_streamed_import_stores_what_a_whole_one_does(tmp_path: Path) -> None:
    # The hard-wrapped seed page, forty times: the reflow's column window slides over
    # thousands of lines, and the split holds one article back at a time.
    data = SEED_PAGE.read_bytes() * 40
    (tmp_path / "page.txt").write_bytes(data)
    with Library.open(tmp_path / "whole.db") as whole:
        import_path(whole, tmp_path / "page.txt")
        expected = imported_rows(whole)
        [whole_id] = [row[0] for row in whole.conn.execute("SELECT id FROM sources")]
        text, paragraphs = whole.source_text(whole_id), whole.source_paragraphs(whole_id)
    with (
        streamed_from(sample_bytes=4096, read_bytes=1000),
        Library.open(tmp_path / "streamed.db") as streamed,
    ):
        import_path(streamed, tmp_path / "page.txt")
        assert imported_rows(streamed) == expected
        [source_id] = [row[0] for row in streamed.conn.execute("SELECT id FROM sources")]
        assert streamed.source_text(source_id) == text == decode_bytes(data).text
        assert streamed.source_paragraphs(source_id) == paragraphs
        # Stored in parts of bounded size, not one value that grows with the file.
        parts = streamed.conn.execute(
            "SELECT max(length(text)), count(*) FROM source_text WHERE source_id = ?",
            [source_id],
        ).fetchone()
        assert parts[0] <= 1000 and parts[1] >= len(text) // 1000
    assert len(expected) == 40 * 4
    assert spools_in(tmp_path) == []


def test_cancelling_a_large_import_leaves_no_rows_and_no_spool(tmp_path: Path) -> None:
    data = SEED_PAGE.read_bytes() * 20
    checks = {"n": 0}

    def cancel_in_the_second_pass() -> bool:
        checks["n"] += 1
        return checks["n"] > 60

    with (
        streamed_from(sample_bytes=4096, read_bytes=1000),
        Library.open(tmp_path / "library.db") as library,
    ):
        with pytest.raises(ImportCancelled):
            prepare_file(
                io.BytesIO(data),
                "page.txt",
                sha256="c" * 64,
                byte_count=len(data),
                is_cancelled=cancel_in_the_second_pass,
                spool_folder=tmp_path,
            )
        assert checks["n"] > 60
        assert library.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert spools_in(tmp_path) == []


def test_refused_input_leaves_no_spool(tmp_path: Path) -> None:
    data = "汉语阅读。\n".encode() * 40 + b"\x00"
    with streamed_from(sample_bytes=64, read_bytes=50), pytest.raises(ImportRefused):
        prepare_import(data, "nul.txt", spool_folder=tmp_path)
    assert spools_in(tmp_path) == []


def test_a_prepared_import_is_spooled_until_stored_or_dropped(tmp_path: Path) -> None:
    prepared = prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name, spool_folder=tmp_path)
    assert len(spools_in(tmp_path)) == 1
    with Library.open(tmp_path / "library.db") as library:
        store_import(library, prepared)
        assert library.article_count() == prepared.article_count == 4
    prepared.discard()
    assert spools_in(tmp_path) == []
    # One never discarded goes when it is garbage-collected.
    prepare_import(SEED_PAGE.read_bytes(), SEED_PAGE.name, spool_folder=tmp_path)
    assert spools_in(tmp_path) == []


def test_only_stale_spools_are_swept(tmp_path: Path) -> None:
    stale, fresh = tmp_path / f"{SPOOL_PREFIX}old", tmp_path / f"{SPOOL_PREFIX}new"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "text").write_bytes(b"x")
    unrelated = tmp_path / "library.sqlite3"
    unrelated.write_bytes(b"")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    sweep_stale_spools(tmp_path)
    assert spools_in(tmp_path) == [fresh.name]
    assert unrelated.exists()


# A child that imports a file big enough to take a while, printing once it is spooling.
KILLED_IMPORT_CHILD = r"""
import sys
from pathlib import Path
from reader.importer import import_path
from reader.library import Library

said = False
def progress(fraction, stage):
    global said
    if stage == "Segmenting words" and not said:
        print("segmenting", flush=True)
        said = True

with Library.open(sys.argv[2]) as library:
    import_path(library, Path(sys.argv[1]), progress=progress)
    print("done", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_import_leaves_the_library_whole_and_its_spool_is_swept_later(
    tmp_path: Path,
) -> None:
    library_path = tmp_path / "library.sqlite3"
    with Library.open(library_path) as library:
        import_path(library, SEED_PAGE)
    big = tmp_path / "big.txt"
    big.write_text("这是一个很长的段落，用来测试导入被打断。\n" * 60000, encoding="utf-8")
    child = start_python(KILLED_IMPORT_CHILD, str(big), str(library_path))
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "segmenting", child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    [spool] = spools_in(tmp_path)  # the kill left its spool...
    with Library.open(library_path) as library:
        assert library.article_count() == 4  # ...and the library as it was
    sweep_stale_spools(tmp_path, older_than_s=-1)
    assert spools_in(tmp_path) == []
    assert spool


# -- memory -----------------------------------------------------------------------------
@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_importing_a_large_file_keeps_memory_within_four_times_its_size(tmp_path: Path) -> None:
    from bench.import_memory import measure

    row = measure(12)
    assert row["ok"], json.dumps(row, ensure_ascii=False)


def test_a_long_text_without_chapters_imports_as_numbered_parts(tmp_path: Path) -> None:
    from reader.text.split import MAX_ARTICLE_CHARS

    paragraph = "这是一段很长的文字，没有章节也没有署名，读者需要分开来读。" * 20
    count = int(MAX_ARTICLE_CHARS * 2.5) // len(paragraph)
    path = tmp_path / "长文.txt"
    path.write_text("\n".join([paragraph] * count), encoding="utf-8")
    with Library.open(tmp_path / "library.db") as library:
        outcome = import_path(library, path)
        articles = [library.get_article(i) for i in outcome.article_ids]
    assert len(articles) == 3
    first = articles[0].title  # derived from the first sentence, cut between words
    assert first and [a.title for a in articles[1:]] == [f"{first} (2)", f"{first} (3)"]
    assert "\n".join(a.text for a in articles) == "\n".join([paragraph] * count)


def test_a_full_disk_while_spooling_is_refused_in_words_and_a_retry_succeeds(
    tmp_path: Path,
) -> None:
    import errno

    from reader.spool import RecordWriter

    writes = {"n": 0}
    real_write = RecordWriter.write

    def fill_up(self: RecordWriter, *record: object) -> None:
        writes["n"] += 1
        if writes["n"] > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, *record)

    with Library.open(tmp_path / "library.db") as library:
        with (
            mock.patch.object(RecordWriter, "write", fill_up),
            pytest.raises(ImportRefused, match="No space left on device.*Nothing was saved"),
        ):
            import_path(library, SEED_PAGE)
        assert library.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
        assert spools_in(tmp_path) == []
        assert len(import_path(library, SEED_PAGE).article_ids) == 4  # room again


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with (
        Library.open(tmp_path / "library.db") as library,
        pytest.raises(ImportRefused, match="not a regular file"),
    ):
        import_path(library, pipe)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with (
        mock.patch("reader.importer.MAX_IMPORT_BYTES", 1024),
        mock.patch("hashlib.file_digest", side_effect=AssertionError("read")),
        Library.open(tmp_path / "library.db") as library,
        pytest.raises(ImportRefused, match="up to 0 MB"),
    ):
        import_path(library, big)
