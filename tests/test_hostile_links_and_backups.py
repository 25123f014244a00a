"""Deep links and backups from outside (issue 17 §3): `yuedu open` and the window take only
well-formed links, and a hostile backup is refused whole — nothing half-applied — or
applied whole. Both are fuzzed (derandomized, so CI sees the same inputs every run)."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.app import main
from reader.export.deep_links import MAX_ARTICLE_ID, deep_link, parse_deep_link
from reader.library import Library
from reader.library.json_backup import BackupError, backup_json
from reader.library.json_restore import restore_backup
from tests.test_backup import snapshot
from tests.test_export_golden import build_seed_library

GOOD = "yuedu://article/7?annotation=3f2b8a9e-1c4d-4e5f-8a6b-7c8d9e0f1a2b"


@pytest.mark.parametrize(
    "url",
    [
        "yuedu://article/0",
        "yuedu://article/-3",
        f"yuedu://article/{MAX_ARTICLE_ID + 1}",
        "yuedu://article/" + "9" * 400,
        "yuedu://article/３",  # a full-width digit
        "yuedu://article/3#passage",
        "yuedu://article//3",
        "yuedu://user@article/3",
        "yuedu://article:80/3",
        "yuedu://note/3",
        "http://article/3",
        "yuedu://article/3?annotation=",
        "yuedu://article/3?annotation=not-a-uuid",
        "yuedu://article/3?annotation=" + "a" * 300,
        "yuedu://article/3?annotation=3f2b8a9e-1c4d-4e5f-8a6b-7c8d9e0f1a2b&x=1",
        "yuedu://article/3?x=1",
        "yuedu://article/3?annotation=a&annotation=b",
        "yuedu://article/3?" + "&" * 50,
        "",
    ],
)
def test_malformed_links_are_refused_in_words(url: str) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        parse_deep_link(url)


def test_the_links_yuedu_makes_are_taken() -> None:
    annotation = str(uuid.uuid4())
    assert parse_deep_link(deep_link(MAX_ARTICLE_ID, annotation)) == (MAX_ARTICLE_ID, annotation)
    assert parse_deep_link(GOOD) == (7, "3f2b8a9e-1c4d-4e5f-8a6b-7c8d9e0f1a2b")


@st.composite
def _mutated_link(draw: st.DrawFn) -> str:
    """A link Yuedu makes, with one to four characters inserted, deleted or replaced."""
    url = list(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(url)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.characters(codec="utf-8"))
        if action == "insert" or position >= len(url):
            url.insert(position, char)
        elif action == "delete":
            del url[position]
        else:
            url[position] = char
    return "".join(url)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.one_of(st.text(max_size=300), _mutated_link()))
def test_any_link_is_parsed_into_a_valid_target_or_refused(url: str) -> None:
    try:
        article_id, annotation_id = parse_deep_link(url)
    except ValueError:
        return
    assert 1 <= article_id <= MAX_ARTICLE_ID
    assert annotation_id is None or str(uuid.UUID(annotation_id)) == annotation_id


def test_yuedu_open_refuses_a_bad_link_without_a_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = main(["--db", str(tmp_path / "lib.sqlite3"), "open", "yuedu://article/3#x"])
    assert status == 2 and "Expected yuedu://article/<id>" in capsys.readouterr().err
    assert not (tmp_path / "lib.sqlite3").exists()


# -- backups ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_backup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    library = build_seed_library(tmp_path_factory.mktemp("seed") / "seed.sqlite3")
    try:
        return json.loads(backup_json(library))
    finally:
        library.close()


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d | {"sources": nested(100_000)}, "nested too deeply"),
        (lambda d: d | {"version": 10**40}, "newer Yuedu"),
        (lambda d: _set_first(d, "position", 2**64), "out of range"),
        (lambda d: _set_first(d, "text", 17), "expected str"),
        (lambda d: _set_first(d, "first_paragraph", -1), "out of range"),
        (lambda d: _first_annotation(d, "end", 10**9), "not a span"),
        (lambda d: _first_annotation(d, "tags", [{"deep": [1]}]), "expected str"),
        (
            lambda d: (
                d
                | {"word_readings": [{"word": "行", "syllables": "x9", "updated_at": "2024-01-01"}]}
            ),
            "pinyin",
        ),
    ],
)
def test_hostile_backups_are_refused_whole(
    seed_backup: dict[str, Any], tmp_path: Path, make: Any, reason: str
) -> None:
    document = make(copy.deepcopy(seed_backup))
    text = document if isinstance(document, str) else json.dumps(document)
    if isinstance(document, dict) and isinstance(document.get("sources"), str):
        text = json.dumps(document).replace(json.dumps(document["sources"]), document["sources"])
    with Library.open(tmp_path / "target.sqlite3") as library:
        before = snapshot(library)
        with pytest.raises(BackupError, match=reason):
            restore_backup(library, text)
        assert snapshot(library) == before


def _articles(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [article for source in document["sources"] for article in source["articles"]]


def _set_first(document: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    _articles(document)[0][key] = value
    return document


def _first_annotation(document: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    next(a for article in _articles(document) for a in article["annotations"])[key] = value
    return document


def test_a_backup_larger_than_any_library_is_refused_unread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(1024 * 1024 * 1024 + 1)  # sparse: costs no disk
    status = main(["--db", str(tmp_path / "lib.sqlite3"), "restore", str(huge)])
    assert status == 2 and "larger than any Yuedu backup" in capsys.readouterr().err


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


@settings(
    max_examples=250,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_mutated_backup_is_applied_whole_or_refused_changing_nothing(
    seed_backup: dict[str, Any], tmp_path: Path, data: st.DataObject
) -> None:
    document = copy.deepcopy(seed_backup)
    paths = _paths(document)[1:]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["replace", "delete"]))
        try:
            parent = document
            for step in path[:-1]:
                parent = parent[step]
            if action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = data.draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or retyped that place
    with Library.open(tmp_path / f"fuzz-{uuid.uuid4().hex}.sqlite3") as library:
        before = snapshot(library)
        try:
            restore_backup(library, json.dumps(document))
        except BackupError as error:
            assert str(error)
            assert snapshot(library) == before
        assert library.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
