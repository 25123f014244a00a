"""Benchmark rows for the Markdown export (issue 5), measured in this process:

- exporting 100,000 annotations over 1,000 articles to one note per article (no pinyin):
  wall time, target ≤ 3 s;
- the same export's throughput (bytes written per second) against writing exactly the same
  bytes to the same names with plain `Path.write_text` in the same run, target ≥ 0.5×.

    python bench/export.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

TARGET_SECONDS = 3.0
TARGET_RATIO = 0.5


def _write_text_floor(contents: list[tuple[str, str]], folder: Path) -> float:
    started = time.perf_counter()
    for name, text in contents:
        (folder / name).write_text(text, encoding="utf-8")
    return time.perf_counter() - started


def _read_floor(library: object, article_ids: list[int]) -> float:
    """Reading every annotation's columns, concatenated inside SQLite (no Python objects per
    row): what any export has to pay before it renders or writes a byte."""
    conn = library.conn  # type: ignore[attr-defined]
    started = time.perf_counter()
    for article_id in article_ids:
        conn.execute(
            "SELECT group_concat(id || quote || color || comment || tags || created_at, '')"
            " FROM annotations WHERE article_id = ?",
            [article_id],
        ).fetchone()
    return time.perf_counter() - started


def export_rows(repeats: int = 3) -> list[dict[str, object]]:
    from bench.annotations import build_annotated_library
    from reader.export import ExportOptions, annotated_article_ids, export_to_folder
    from reader.library import Library

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        build_annotated_library(root / "library.sqlite3")
        with Library.open(root / "library.sqlite3") as library:
            article_ids = annotated_article_ids(library)
            count = library.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
            export_seconds: list[float] = []
            floor_seconds: list[float] = []
            read_seconds: list[float] = []
            size = 0
            for attempt in range(repeats):  # interleaved, so drift in machine load hits both
                out = root / f"export-{attempt}"
                started = time.perf_counter()
                written = export_to_folder(
                    library,
                    article_ids,
                    out,
                    ExportOptions(),
                    exported_at="2024-01-01T00:00:00+00:00",
                )
                export_seconds.append(time.perf_counter() - started)
                contents = [(path.name, path.read_text(encoding="utf-8")) for path in written]
                size = sum(len(text.encode("utf-8")) for _, text in contents)
                floor_folder = root / f"floor-{attempt}"
                floor_folder.mkdir()
                floor_seconds.append(_write_text_floor(contents, floor_folder))
                read_seconds.append(_read_floor(library, article_ids))
    value, floor = statistics.median(export_seconds), statistics.median(floor_seconds)
    ratio = floor / value  # throughput ratio: same bytes, so the inverse of the time ratio
    reading = statistics.median(read_seconds)
    megabytes = size / 1e6
    return [
        {
            "row": f"export {count:,} annotations, {len(article_ids):,} notes",
            "value": f"{value:.2f} s",
            "floor": f"{TARGET_SECONDS:.0f} s (target)",
            "ratio": value / TARGET_SECONDS,
            "target": "≤ 1 (≤ 3 s)",
            "ok": value <= TARGET_SECONDS,
            "note": f"{megabytes:.1f} MB of Markdown, without --pinyin",
        },
        {
            "row": "export throughput vs Path.write_text",
            "value": f"{megabytes / value:.0f} MB/s",
            "floor": f"{megabytes / floor:.0f} MB/s (write_text, same bytes)",
            "ratio": ratio,
            "target": f"≥ {TARGET_RATIO}",
            "ok": ratio >= TARGET_RATIO,
            "note": "read + render + temporary file + os.replace, against writing only; "
            f"SQLite alone takes {reading * 1000:.0f} ms to read the annotations "
            f"({floor / reading:.2f}× write_text's time would be the ratio of reading alone)",
        },
    ]


if __name__ == "__main__":
    rows = export_rows()
    for row in rows:
        print(json.dumps(row, ensure_ascii=False, default=str))
    sys.exit(0 if all(row["ok"] for row in rows) else 1)
