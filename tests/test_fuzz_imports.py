"""Damaged files of every format are imported or refused with a message — nothing else —
and a refusal leaves the library as it was (issue 17 §1). Seeded, so CI tries the same
few hundred inputs every run; `bench/fuzz_import.py` runs thousands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzzing import fuzz_format


@pytest.mark.parametrize(
    ("suffix", "count"),
    [(".txt", 200), (".pdf", 60), (".epub", 200), (".epub-entries", 200), (".html", 200)],
)
def test_damaged_files_are_imported_or_refused_never_anything_else(
    suffix: str, count: int, tmp_path: Path
) -> None:
    counts = fuzz_format(suffix, count, tmp_path, seed=7)
    assert counts.crashes == [] and counts.crashed == 0
    assert counts.tried == count == counts.imported + counts.refused
    # The damage reaches both ends: some files survive it, some are refused.
    assert counts.imported > 0 and counts.refused > 0
