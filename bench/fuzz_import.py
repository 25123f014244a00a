"""Fuzzing every import format: damaged samples of each format imported, counted.

    python bench/fuzz_import.py                 # 1,000 inputs per format
    python bench/fuzz_import.py --count 200 --formats .pdf .epub

For each format (.txt, .pdf, .epub, .html) a real sample is made (the seed page; PDF,
EPUB and web pages built as the tests build them), damaged — truncated, bytes flipped,
pieces of another sample spliced in or repeated, runs of zeros — and imported into one
library; ".epub-entries" damages one entry of a sound archive instead, so that the XML
and HTML readers inside get the damage. Prints, per format, how many were tried,
imported, refused with a message, and anything else (crashes: must be 0, listed). A
refusal must leave the library unchanged, and the library must pass `PRAGMA quick_check`
at the end. Needs the test extra (reportlab) for the PDF sample. Exit status 1 when
anything crashed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.fuzzing import fuzz_format  # noqa: E402

FORMATS = (".txt", ".pdf", ".epub", ".epub-entries", ".html")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs per format")
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{'format':<8}{'tried':>7}{'imported':>10}{'refused':>9}{'crashes':>9}{'seconds':>9}")
    crashed = 0
    for suffix in args.formats:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            counts = fuzz_format(suffix, args.count, Path(folder), seed=args.seed)
            seconds = time.perf_counter() - started
        print(
            f"{suffix:<8}{counts.tried:>7}{counts.imported:>10}{counts.refused:>9}"
            f"{counts.crashed:>9}{seconds:>9.1f}",
            flush=True,
        )
        for crash in counts.crashes[:20]:
            print(f"    {crash}")
        crashed += counts.crashed
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
