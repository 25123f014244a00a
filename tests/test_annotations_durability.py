"""Annotations are on disk once `add` returns: a writer killed with SIGKILL at random moments
loses nothing it reported as saved, and the file stays sound."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from annotations.store import AnnotationStore
from reader.library.store import Library, NewArticle, NewSource
from tests.shared_data import start_python

TEXT = "\n".join(
    f"第{n}段：👩‍💻在𠮷野家写代码，e\u0301 与 é 不同。春眠不觉晓，处处闻啼鸟。" for n in range(50)
)
WRITES = 1000

# Writes WRITES annotations, printing each id (and its span) right after its commit.
CHILD = r"""
import random, sys
from annotations.store import AnnotationStore
from reader.library.store import Library

library = Library.open(sys.argv[1])
article_id, seed = int(sys.argv[2]), int(sys.argv[3])
store = AnnotationStore(library)
length = len(library.get_article(article_id).text)
rng = random.Random(seed)
print("ready", flush=True)
for n in range(int(sys.argv[4])):
    start = rng.randrange(length - 1)
    end = rng.randrange(start + 1, min(length, start + 40) + 1)
    annotation = store.add(article_id, start, end, comment=f"note {n}", tags=[f"t{n % 7}"])
    print(annotation.id, start, end, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_writer_loses_nothing_it_reported(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        [article_id] = library.add_source(
            NewSource.whole("d.txt", "UTF-8", "d" * 64, 1, TEXT, TEXT.split("\n")),
            [NewArticle("t", False, "", TEXT, 0, 50, [len(TEXT)])],
        )
    reported: dict[str, tuple[int, int]] = {}
    killed = 0
    started = time.monotonic()
    for seed in range(24):
        rng = random.Random(seed)
        child = start_python(CHILD, str(path), str(article_id), str(seed), str(WRITES))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
        # Kill at a random point of the run: after a random number of reports, plus a
        # random sliver of time that lands anywhere in the next write (or its commit).
        lines = [child.stdout.readline() for _ in range(rng.randrange(WRITES - 100))]
        time.sleep(rng.uniform(0.0, 0.003))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        killed += child.returncode == -signal.SIGKILL
        for line in "".join(lines).splitlines() + rest.splitlines():
            parts = line.split()
            if len(parts) == 3:  # a line cut by the kill is not a report
                reported[parts[0]] = (int(parts[1]), int(parts[2]))
    assert killed >= 20, f"only {killed} of 24 writers were killed mid-way"
    assert time.monotonic() - started < 60
    assert len(reported) > 100, "the writer never got going"

    with Library.open(path) as library:
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store = AnnotationStore(library)
        for annotation_id, (start, end) in reported.items():
            annotation = store.get(annotation_id)
            assert annotation is not None, f"{annotation_id} was reported saved but is gone"
            assert (annotation.start, annotation.end) == (start, end)
            assert annotation.quote == TEXT[start:end]
            assert annotation.comment.startswith("note ") and len(annotation.tags) == 1
        assert store.count() >= len(reported)
        for annotation in store.for_article(article_id):  # nothing torn among the rest
            assert annotation.quote == TEXT[annotation.start : annotation.end]
