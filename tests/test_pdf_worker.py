"""The PDF is read in a child process: one that crashes, hangs, balloons or talks nonsense
ends the import with a refusal in words, and the library is unchanged. Real processes."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from reader.importer import ImportCancelled, ImportRefused, import_path
from reader.importing import pdf_process
from reader.importing.pdf_worker import make_runs
from reader.library.store import Library
from tests.pdf_samples import newspaper_pdf

# The worker is started as `COMMAND PATH FIRST END MEMORY_LIMIT`; these stand in for it.
CRASH = [sys.executable, "-c", "import os; os.abort()"]
HANG = [sys.executable, "-c", "import time; time.sleep(120)"]
NONSENSE = [sys.executable, "-c", "print('hello, not JSON')"]
# Allocates without end under the worker's own memory cap.
BALLOON = [
    sys.executable,
    "-c",
    "import sys\n"
    "from reader.importing.pdf_worker import limit_memory\n"
    "limit_memory(int(sys.argv[4]))\n"
    "hoard = []\n"
    "while True: hoard.append(bytearray(10 ** 7))\n",
]


@pytest.fixture
def library_with_a_page(tmp_path: Path) -> tuple[Library, Path]:
    library = Library.open(tmp_path / "lib.sqlite")
    note = tmp_path / "note.txt"
    note.write_text("河边新修了步道\n本报讯 沿河步道已经完工，市民晚饭后常来散步。\n", "utf-8")
    import_path(library, note)
    page = tmp_path / "page.pdf"
    page.write_bytes(newspaper_pdf())
    return library, page


def assert_refused_and_unchanged(library: Library, page: Path, reason: str) -> None:
    before = [(a.id, a.title) for a in library.list_articles()]
    with pytest.raises(ImportRefused, match=reason) as refusal:
        import_path(library, page)
    assert "this PDF could not be read" in str(refusal.value)
    assert [(a.id, a.title) for a in library.list_articles()] == before


def test_a_crashing_reader_is_a_refusal(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_process, "WORKER_COMMAND", CRASH)
    assert_refused_and_unchanged(*library_with_a_page, "crashed \\(SIGABRT\\)")


def test_a_hanging_reader_is_killed_at_its_time_limit(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_process, "WORKER_COMMAND", HANG)
    monkeypatch.setattr(pdf_process, "BASE_SECONDS", 1.0)
    started = time.monotonic()
    assert_refused_and_unchanged(*library_with_a_page, "took too long")
    assert time.monotonic() - started < 20


def test_a_reader_that_balloons_hits_its_memory_cap(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux":
        pytest.skip("RLIMIT_AS caps memory on Linux only")
    monkeypatch.setattr(pdf_process, "WORKER_COMMAND", BALLOON)
    monkeypatch.setattr(pdf_process, "MEMORY_LIMIT_BYTES", 300 * 1024**2)
    assert_refused_and_unchanged(*library_with_a_page, "more than 300 MB of memory")


def test_the_real_reader_under_a_tiny_memory_cap_is_a_refusal(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux":
        pytest.skip("RLIMIT_AS caps memory on Linux only")
    # Small enough to fail with or without a system CJK font (PDFium loads one for the
    # page's unembedded font where there is one: 40 MB sufficed without).
    monkeypatch.setattr(pdf_process, "MEMORY_LIMIT_BYTES", 16 * 1024**2)
    assert_refused_and_unchanged(*library_with_a_page, "could not be read")


def test_a_reader_talking_nonsense_is_a_refusal(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_process, "WORKER_COMMAND", NONSENSE)
    assert_refused_and_unchanged(*library_with_a_page, "sent something unreadable")


def test_cancelling_kills_the_reader(
    library_with_a_page: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, page = library_with_a_page
    monkeypatch.setattr(pdf_process, "WORKER_COMMAND", HANG)
    before = library.article_count()
    started = time.monotonic()
    with pytest.raises(ImportCancelled):
        import_path(library, page, is_cancelled=lambda: time.monotonic() - started > 0.5)
    assert time.monotonic() - started < 20
    assert library.article_count() == before


def test_runs_break_at_gaps_lines_and_sizes() -> None:
    # 春秋 close together; a wide gap; 冬 alone; then a new line; then a bigger size.
    text = "春秋冬天\n大"
    sizes = [10.0, 10.0, 10.0, 10.0, 1.0, 20.0]
    boxes = [
        (0.0, 10.0, 10.0, 0.0),
        (10.5, 10.0, 20.5, 0.0),
        (40.0, 10.0, 50.0, 0.0),  # 19.5 points after 秋: letter-spacing, another run
        (0.0, -5.0, 10.0, -15.0),  # the next line down
        (10.0, -5.0, 10.0, -15.0),  # PDFium's own line end: skipped
        (10.0, -5.0, 30.0, -25.0),  # twice the size
    ]
    runs = make_runs(text, sizes, boxes)
    assert [run[0] for run in runs] == ["春秋", "冬", "天", "大"]
    assert runs[0][1:] == [10.0, 0.0, 20.5, 10.0, 0.0]
