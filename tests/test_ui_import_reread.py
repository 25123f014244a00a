"""The window's File ▸ Import with Encoding… on a file already in the library: the advice
a guessed encoding gives ("import it again naming the encoding") does what it says — the
same bytes are read again, in place, in the encoding named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.library.store import Library
from reader.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 60_000


def test_the_same_file_with_an_encoding_named_is_read_again_in_that_encoding(
    ui_window: MainWindow, ui_library: Library, tmp_path: Path, qtbot: Any
) -> None:
    data = "中文".encode("big5") + b"\n"  # guessed as Big5; GB18030 reads other characters
    short = tmp_path / "short.txt"
    short.write_bytes(data)
    with qtbot.waitSignal(ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS):
        ui_window.service.import_files([short])
    sources_before = ui_library.conn.execute("SELECT id FROM sources").fetchall()

    with qtbot.waitSignal(
        ui_window.service.import_batch_finished, timeout=IMPORT_TIMEOUT_MS
    ) as done:
        ui_window.import_with_encoding_requested.emit([short], "GB18030")

    (outcome,) = done.args[0].outcomes
    assert not outcome.is_duplicate and outcome.update is not None
    assert ui_library.conn.execute("SELECT id FROM sources").fetchall() == sources_before
    source_id = outcome.update.source_id
    found = [ui_library.get_article(a.id) for a in ui_library.list_articles()]
    texts = [a.text for a in found if a is not None and a.source_id == source_id]
    assert texts == [data.decode("gb18030").strip()]
