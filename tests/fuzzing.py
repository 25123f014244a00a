"""Mutation fuzzing of imports, shared by `bench/fuzz_import.py` (thousands of inputs) and
the derandomized tests in CI (hundreds): take a real sample of a format, damage it the ways
files get damaged (truncated, bytes flipped, pieces spliced in or repeated), import it, and
sort the outcome — imported, refused with a message, or anything else (a crash). A refusal
must leave the library exactly as it was."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.importer import ImportRefused, import_path
from reader.library import Library

TABLES = ("sources", "articles", "article_tokens", "source_text", "source_paragraphs")


def samples() -> dict[str, Callable[[], bytes]]:
    """Format → a function making a real sample of it (at call time: no file in the repo)."""
    from reader.paths import SAMPLE_PAGE
    from tests.epub_samples import epub2_book, epub3_book
    from tests.pdf_samples import newspaper_pdf
    from tests.web_samples import gbk_page, news_page

    return {
        ".txt": SAMPLE_PAGE.read_bytes,
        ".pdf": newspaper_pdf,
        ".epub": lambda: epub3_book() if random.random() < 0.5 else epub2_book(),
        ".html": lambda: news_page().encode("utf-8") if random.random() < 0.5 else gbk_page(),
    }


def epub_entry_damager(rng: random.Random) -> Callable[[], bytes]:
    """EPUBs whose ZIP is sound but one entry (package, TOC, a chapter) is damaged: the
    archive's own checks pass, so the XML and HTML readers get the damage."""
    from tests.epub_samples import epub2_files, epub3_files, zip_book

    def make() -> bytes:
        files = dict(epub3_files() if rng.random() < 0.5 else epub2_files())
        name = rng.choice(sorted(name for name in files if name != "mimetype"))
        data = files[name] if isinstance(files[name], bytes) else str(files[name]).encode()
        _, files[name] = mutate(data, rng, data)
        return zip_book(files)

    return make


def mutate(data: bytes, rng: random.Random, donor: bytes) -> tuple[str, bytes]:
    """One damage of `data` (with `donor`, another sample, for splicing): its kind and bytes."""
    kind = rng.choice(["truncate", "flip", "splice", "repeat", "zero"])
    size = len(data)
    if kind == "truncate":
        return kind, data[: rng.randrange(size)]
    if kind == "flip":
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(size)] = rng.randrange(256)
        return kind, bytes(damaged)
    if kind == "splice":
        at, start = rng.randrange(size), rng.randrange(len(donor))
        return kind, data[:at] + donor[start : start + rng.randint(1, 4096)] + data[at:]
    if kind == "repeat":
        start = rng.randrange(size)
        piece = data[start : start + rng.randint(1, 2048)]
        return kind, data[:start] + piece * rng.randint(2, 50) + data[start:]
    start = rng.randrange(size)
    return kind, data[:start] + bytes(rng.randint(1, 512)) + data[start + rng.randint(1, 512) :]


def state(library: Library) -> tuple[int, ...]:
    """What a refusal must not change: the row count of every table of imported text."""
    return tuple(
        library.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES
    )


@dataclass
class FuzzCounts:
    tried: int = 0
    imported: int = 0
    refused: int = 0
    crashed: int = 0
    by_mutation: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)  # what went wrong, for the report


def fuzz_format(
    suffix: str, count: int, folder: Path, *, seed: int = 0, make: Callable[[], bytes] | None = None
) -> FuzzCounts:
    """Import `count` damaged samples of `suffix` into one library in `folder`."""
    rng = random.Random(seed)
    random.seed(seed)  # the sample makers' own choices, repeatable too
    if suffix == ".epub-entries":
        return _fuzz_made(".epub", count, folder, epub_entry_damager(rng))
    maker = make or samples()[suffix]
    originals = [maker() for _ in range(4)]

    def damaged() -> tuple[str, bytes]:
        return mutate(rng.choice(originals), rng, rng.choice(originals))

    return _fuzz(suffix, count, folder, damaged)


def _fuzz_made(suffix: str, count: int, folder: Path, make: Callable[[], bytes]) -> FuzzCounts:
    return _fuzz(suffix, count, folder, lambda: ("entry", make()))


def _fuzz(
    suffix: str, count: int, folder: Path, damaged: Callable[[], tuple[str, bytes]]
) -> FuzzCounts:
    counts = FuzzCounts()
    with Library.open(folder / f"fuzz{suffix}.sqlite3") as library:
        for number in range(count):
            kind, data = damaged()
            path = folder / f"input-{number}{suffix}"
            path.write_bytes(data)
            before = state(library)
            counts.tried += 1
            counts.by_mutation[kind] += 1
            try:
                import_path(library, path)
            except ImportRefused as error:
                counts.refused += 1
                if not str(error).strip() or state(library) != before:
                    counts.crashed += 1
                    counts.crashes.append(f"{kind}: refusal changed the library or said nothing")
            except Exception as error:  # the point of fuzzing: anything else is a bug
                counts.crashed += 1
                counts.crashes.append(f"{kind}: {type(error).__name__}: {error}"[:300])
            else:
                counts.imported += 1
            finally:
                path.unlink()
        check = library.conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            counts.crashes.append(f"quick_check: {check}")
            counts.crashed += 1
    return counts


def library_is_sound(path: Path) -> bool:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
