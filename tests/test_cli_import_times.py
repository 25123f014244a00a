"""The command line says when a file was imported before in local time, as people write
it ("1 December 2026, 07:14"), never as the stored ISO timestamp."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from reader.app import main
from reader.library import Library

MONTHS = "January February March April May June July August September October November December"
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def imported_at_in_words(db: Path) -> str:
    with Library.open(db) as library:
        (source,) = library.sources_named("notes.txt")
    local = datetime.fromisoformat(source.imported_at).astimezone()
    month = MONTHS.split()[local.month - 1]
    return f"{local.day} {month} {local.year}, {local:%H:%M}"


def test_a_file_imported_again_or_a_namesake_says_when_readably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    text = tmp_path / "notes.txt"
    text.write_text("我在银行工作。\n", encoding="utf-8")  # written for this test
    assert main(["--db", str(db), "import", str(text)]) == 0
    capsys.readouterr()
    when = imported_at_in_words(db)

    main(["--db", str(db), "import", str(text)])  # the same file: already there
    said = "".join(capsys.readouterr())
    assert f"(imported {when} as notes.txt)" in said and not ISO.search(said)

    text.write_text("他在学校学习。\n", encoding="utf-8")  # same name, other content
    main(["--db", str(db), "import", str(text)])
    said = "".join(capsys.readouterr())
    assert "has the name of a file imported before" in said and not ISO.search(said)
