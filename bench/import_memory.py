"""Peak memory of importing a large file, against the file's size.

    python bench/import_memory.py            # a 200 MB file (about 8 minutes: jieba)
    python bench/import_memory.py --mb 20    # quicker

The file is the novel from ../shared repeated (or, without ../shared, the bundled sample
page: a hard-wrapped newspaper page) up to the size asked, in UTF-8. A child process loads
the segmenter and opens the library first (as the app has them before any import), resets
the kernel's peak-RSS mark, imports the file with `yuedu import`'s code, and reports how
far its resident memory rose above where it started. Target: ≤ 4× the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
NOVEL = REPO_ROOT.parent / "shared" / "corpus" / "hongloumeng" / "hongloumeng-crlf.txt"
SAMPLE = REPO_ROOT / "resources" / "xingxian-newspaper-page.txt"
MB = 1024 * 1024

_CHILD = r"""
import json, sys, time
from pathlib import Path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

from reader.importer import import_path
from reader.library import Library
from reader.text.segment import segment_ends
segment_ends("先把分词器的词典载入。")
with Library.open(sys.argv[2]) as library:  # as the app has it open before any import
    Path("/proc/self/clear_refs").write_text("5")  # the peak mark restarts from here
    start = status("VmRSS")
    started = time.perf_counter()
    outcome = import_path(library, Path(sys.argv[1]))
    seconds = time.perf_counter() - started
print(json.dumps({"start": start, "peak": status("VmHWM"), "seconds": seconds,
                  "articles": len(outcome.article_ids)}))
"""


def write_large_file(path: Path, size: int) -> None:
    text = (
        NOVEL.read_bytes().decode("utf-8") if NOVEL.exists() else SAMPLE.read_text(encoding="utf-8")
    )
    block = text.encode("utf-8")
    with path.open("wb") as file:
        written = 0
        while written < size:
            file.write(block)
            written += len(block)


def measure(size_mb: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "large.txt"
        write_large_file(source, int(size_mb * MB))
        size = source.stat().st_size
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(source), str(Path(folder) / "library.db")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        wall = time.perf_counter() - started
        result = json.loads(child.stdout.strip().splitlines()[-1])
        library_size = (Path(folder) / "library.db").stat().st_size
        left = [p.name for p in Path(folder).iterdir() if p.name.startswith("yuedu-import-")]
    rise = result["peak"] - result["start"]
    return {
        "row": f"import a {size / MB:.0f} MB file: peak memory rise",
        "value": f"{rise / MB:.0f} MB",
        "floor": f"{size / MB:.0f} MB (the file)",
        "ratio": rise / size,
        "target": "≤ 4",
        "ok": rise / size <= 4 and not left,
        "note": (
            f"{result['articles']:,} articles in {result['seconds']:.0f} s "
            f"({size / MB / result['seconds']:.2f} MB/s; {wall:.0f} s with start-up); "
            f"library file {library_size / MB:.0f} MB; spool folders left: {len(left)}"
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=200, help="size of the file (MB)")
    args = parser.parse_args()
    row = measure(args.mb)
    print(json.dumps(row, ensure_ascii=False))
    return 0 if row["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
