"""The CC-CEDICT dictionary: every entry kept, indexed both ways, built atomically, read-only."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from reader.text import dictionary as dictionary_module
from reader.text.dictionary import (
    DICTIONARY_ENV_VAR,
    Dictionary,
    DictionaryBuildCancelled,
    DictionaryEntry,
    DictionaryNotBuilt,
    attribution,
    build_dictionary,
    default_dictionary_path,
    ensure_dictionary,
)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float]]:
    """One real build per session (about a second), with the progress it reported."""
    path = tmp_path_factory.mktemp("dictionary") / "cedict-test.sqlite3"
    progress: list[float] = []
    build_dictionary(path, progress=progress.append)
    return path, progress


@pytest.fixture(scope="session")
def dictionary(built: tuple[Path, list[float]]) -> Iterator[Dictionary]:
    with Dictionary.open(built[0]) as opened:
        yield opened


def pinyins(entries: list[DictionaryEntry]) -> list[tuple[str, ...]]:
    return [entry.pinyin for entry in entries]


# --- every entry of a headword is kept, in CEDICT order ----------------------------------------


def test_xing_keeps_both_readings_in_file_order(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("行")
    assert pinyins(entries) == [("hang2",), ("xing2",)]
    assert all(e.simplified == "行" and e.traditional == "行" for e in entries)
    assert "to walk" in entries[1].glosses
    assert dictionary.single_reading("行") is None


def test_chang_and_zhang_both_kept(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("长")
    assert pinyins(entries) == [("chang2",), ("zhang3",)]
    assert {e.traditional for e in entries} == {"長"}
    assert dictionary.readings("长") == [("chang2",), ("zhang3",)]


def test_yinhang_is_a_bank_one_syllable_per_character(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("银行")
    assert len(entries) == 1  # simplified and traditional rows are not counted twice
    (entry,) = entries
    assert entry == DictionaryEntry(
        traditional="銀行",
        simplified="银行",
        pinyin=("yin2", "hang2"),
        glosses=entry.glosses,
        is_proper_noun=False,
    )
    assert any("bank" in gloss for gloss in entry.glosses)
    assert "" not in entry.glosses


def test_traditional_lookup_finds_the_same_entry(dictionary: Dictionary) -> None:
    assert dictionary.lookup("銀行") == dictionary.lookup("银行")
    assert dictionary.lookup("長") == dictionary.lookup("长")


def test_simplified_matches_come_before_traditional_ones(dictionary: Dictionary) -> None:
    # In the file 著/着 (zhao1, zhao2, zhe5, zhuo2) comes before 著/著 (zhu4); 著 is the
    # simplified form only of zhu4, so zhu4 comes first and the rest keep their file order.
    entries = dictionary.lookup("著")
    assert pinyins(entries) == [("zhu4",), ("zhao1",), ("zhao2",), ("zhe5",), ("zhuo2",)]
    assert [e.simplified for e in entries] == ["著", "着", "着", "着", "着"]


def test_unknown_and_empty_words_return_nothing(dictionary: Dictionary) -> None:
    assert dictionary.lookup("没有这个词语") == []
    assert dictionary.lookup("") == []
    assert dictionary.readings("没有这个词语") == []
    assert dictionary.single_reading("没有这个词语") is None


def test_lookup_result_cannot_corrupt_the_cache(dictionary: Dictionary) -> None:
    dictionary.lookup("行").clear()
    assert len(dictionary.lookup("行")) == 2


# --- readings as the pinyin resolver uses them -------------------------------------------------


def test_single_reading_of_unambiguous_words(dictionary: Dictionary) -> None:
    assert dictionary.single_reading("还款") == ("huan2", "kuan3")
    assert dictionary.single_reading("银行") == ("yin2", "hang2")


def test_proper_nouns_are_lower_cased_and_flagged(dictionary: Dictionary) -> None:
    assert dictionary.single_reading("单县") == ("shan4", "xian4")
    assert [e.is_proper_noun for e in dictionary.lookup("单县")] == [True]
    assert dictionary.single_reading("六安") == ("lu4", "an1")
    assert dictionary.lookup("六安")[0].is_proper_noun
    assert not dictionary.lookup("还款")[0].is_proper_noun


def test_cedict_capitals_are_kept_for_the_card(dictionary: Dictionary) -> None:
    (shan_xian,) = dictionary.lookup("单县")
    assert shan_xian.written_pinyin == ("Shan4", "xian4")
    assert shan_xian.pinyin == ("shan4", "xian4")
    assert dictionary.lookup("重庆")[0].written_pinyin == ("Chong2", "qing4")
    assert dictionary.lookup("毛泽东")[0].written_pinyin == ("Mao2", "Ze2", "dong1")
    assert dictionary.lookup("银行")[0].written_pinyin == ("yin2", "hang2")


def test_le_has_no_single_reading(dictionary: Dictionary) -> None:
    assert dictionary.single_reading("了") is None
    readings = dictionary.readings("了")
    assert ("le5",) in readings and ("liao3",) in readings
    assert len(readings) == len(set(readings))


def test_readings_ignore_proper_noun_capitals(dictionary: Dictionary) -> None:
    # 乾: Qian2 (surname), qian2, then via traditional 乾 → 干: Gan1 (surname), gan1.
    assert dictionary.readings("乾") == [("qian2",), ("gan1",)]


def test_u_umlaut_stays_as_cedict_writes_it(dictionary: Dictionary) -> None:
    assert dictionary.single_reading("绿") == ("lu:4",)
    assert ("nu:3",) in dictionary.readings("女")


def test_syllables_that_are_not_one_per_character_are_kept(dictionary: Dictionary) -> None:
    (entry,) = dictionary.lookup("3C")
    assert entry.pinyin == ("san1", "c")
    assert not entry.is_proper_noun  # a capital letter without a tone is not a proper noun


# --- building ------------------------------------------------------------------------------------


def test_build_reports_progress_up_to_one(built: tuple[Path, list[float]]) -> None:
    path, progress = built
    assert progress[0] == 0.0 and progress[-1] == 1.0
    assert progress == sorted(progress)
    assert len(progress) > 10
    assert os.listdir(path.parent) == [path.name]  # no temporary file left behind


def test_cancelled_build_leaves_nothing_behind(tmp_path: Path) -> None:
    checks = 0

    def cancel_on_third_check() -> bool:
        nonlocal checks
        checks += 1
        return checks >= 3

    target = tmp_path / "cache" / "cedict.sqlite3"
    with pytest.raises(DictionaryBuildCancelled):
        build_dictionary(target, is_cancelled=cancel_on_third_check)
    assert checks == 3
    assert list(target.parent.iterdir()) == []


def test_cancelled_rebuild_keeps_the_previous_file(
    built: tuple[Path, list[float]], tmp_path: Path
) -> None:
    target = tmp_path / "cedict.sqlite3"
    target.write_bytes(built[0].read_bytes())
    with pytest.raises(DictionaryBuildCancelled):
        build_dictionary(target, is_cancelled=lambda: True)
    assert [p.name for p in tmp_path.iterdir()] == ["cedict.sqlite3"]
    with Dictionary.open(target) as reopened:
        assert reopened.single_reading("还款") == ("huan2", "kuan3")


def test_failed_build_leaves_nothing_behind(tmp_path: Path) -> None:
    def broken_progress(fraction: float) -> None:
        if fraction > 0.5:
            raise RuntimeError("progress consumer failed")

    with pytest.raises(RuntimeError):
        build_dictionary(tmp_path / "cedict.sqlite3", progress=broken_progress)
    assert list(tmp_path.iterdir()) == []


# --- opening -----------------------------------------------------------------------------------


def test_missing_file_is_not_built(tmp_path: Path) -> None:
    with pytest.raises(DictionaryNotBuilt):
        Dictionary.open(tmp_path / "nothing.sqlite3")


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_empty_or_foreign_file_is_not_built(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cedict.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DictionaryNotBuilt):
        Dictionary.open(path)


@pytest.mark.parametrize(
    "change",
    [
        "DELETE FROM meta WHERE key = 'complete'",  # a build that never finished
        "UPDATE meta SET value = '999' WHERE key = 'schema_version'",  # another version's
    ],
)
def test_a_cache_not_finished_or_of_another_version_is_not_built(
    built: tuple[Path, list[float]], tmp_path: Path, change: str
) -> None:
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(built[0].read_bytes())
    with sqlite3.connect(copy) as connection:
        connection.execute(change)
    connection.close()
    with pytest.raises(DictionaryNotBuilt):
        Dictionary.open(copy)


def test_opening_and_looking_up_never_writes(built: tuple[Path, list[float]]) -> None:
    path = built[0]
    before = (path.stat().st_mtime_ns, path.stat().st_size)
    with Dictionary.open(path) as opened:
        opened.lookup("行")
        with pytest.raises(sqlite3.OperationalError):
            opened._connection.execute("DELETE FROM entries")
    assert (path.stat().st_mtime_ns, path.stat().st_size) == before
    assert os.listdir(path.parent) == [path.name]


def test_opened_in_a_worker_and_used_from_the_main_thread(
    built: tuple[Path, list[float]],
) -> None:
    opened: list[Dictionary] = []
    worker = threading.Thread(target=lambda: opened.append(Dictionary.open(built[0])))
    worker.start()
    worker.join()
    with opened[0] as from_worker:
        assert from_worker.single_reading("还款") == ("huan2", "kuan3")


def test_closed_dictionary_refuses_lookups(built: tuple[Path, list[float]]) -> None:
    with Dictionary.open(built[0]) as opened:
        opened.lookup("银行")
    with pytest.raises(sqlite3.ProgrammingError):
        opened.lookup("银行")


# --- paths, ensure, attribution ----------------------------------------------------------------


def test_default_path_is_versioned_in_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DICTIONARY_ENV_VAR, raising=False)
    path = default_dictionary_path()
    assert path.parent == Path(platformdirs.user_cache_dir("Yuedu", appauthor=False))
    version = dictionary_module.data_version()
    assert path.name == f"cedict-{version}-v{dictionary_module.SCHEMA_VERSION}.sqlite3"


def test_environment_variable_overrides_the_default_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DICTIONARY_ENV_VAR, str(tmp_path / "mine.sqlite3"))
    assert default_dictionary_path() == tmp_path / "mine.sqlite3"


def test_ensure_opens_an_existing_build_without_rebuilding(
    built: tuple[Path, list[float]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DICTIONARY_ENV_VAR, str(built[0]))

    def no_rebuild(*args: object, **kwargs: object) -> None:
        raise AssertionError("rebuilt an existing dictionary")

    monkeypatch.setattr(dictionary_module, "build_dictionary", no_rebuild)
    with ensure_dictionary() as opened:
        assert opened.path == built[0]
        assert len(opened.lookup("行")) == 2


def test_ensure_builds_a_missing_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fresh" / "cedict.sqlite3"
    monkeypatch.setenv(DICTIONARY_ENV_VAR, str(target))
    progress: list[float] = []
    with ensure_dictionary(progress=progress.append) as opened:
        assert opened.single_reading("单县") == ("shan4", "xian4")
    assert target.is_file() and progress[-1] == 1.0


def test_attribution_credits_cc_cedict_and_its_licence() -> None:
    credit = attribution()
    assert "CC-CEDICT" in credit and "CC BY-SA 4.0" in credit and "mdbg.net" in credit
    assert "\n" not in credit
