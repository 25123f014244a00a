"""Worst cases a reader hits at the command line with search, lookup, readings, vocabulary
and pinyin: pathological queries, word lists from other programs, odd arguments. Each
either answers or refuses in a sentence, promptly; never a traceback. The commands run as
real `yuedu` processes where the process itself is what could fail (a hang, a crash)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from reader.library import Library
from reader.library.store import NewArticle, NewSource
from reader.search.pinyin_query import parse_pinyin

REPO_ROOT = Path(__file__).resolve().parent.parent
YUEDU = [sys.executable, str(REPO_ROOT / "main.py")]
TEXT = "我们去银行取钱。银行行长很忙。"
TEXT_ENDS = [2, 3, 5, 7, 8, 10, 12, 13, 14, 15]


def yuedu(
    *argv: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*YUEDU, *argv], capture_output=True, text=True, cwd=REPO_ROOT, timeout=timeout, env=env
    )


def make_library(path: Path) -> Path:
    with Library.open(path) as library, library.session.write("Test set-up"):
        source = NewSource.whole("bank.txt", "UTF-8", "hash", len(TEXT), TEXT, [TEXT])
        library.add_source(source, [NewArticle("银行", False, "", TEXT, 0, 1, TEXT_ENDS)])
    return path


def syllables(query: str) -> list[list[str]]:
    return [[s.toneless for s in parse] for parse in parse_pinyin(query)]


# -- pinyin queries: cut in time linear in their length ---------------------------------


def test_a_run_of_letters_with_no_cut_is_refused_at_once() -> None:
    # Each "xian" cuts as xian or xi+an, and the final q as nothing: 2**16 dead ends,
    # which the search box and `yuedu search` used to walk for minutes.
    began = time.monotonic()
    assert parse_pinyin("xian" * 16 + "q") == []
    assert time.monotonic() - began < 5


def test_a_pasted_run_of_thousands_of_syllables_is_read() -> None:
    # 3000 syllables deep: the cut was recursive and ended in RecursionError.
    assert syllables("a" * 3000) == [["a"] * 3000]
    assert syllables("ma1" * 2000) == [["ma"] * 2000]


def test_every_fewest_cut_is_searched_not_only_those_found_first() -> None:
    # bao chuan an … / bao chua nan …: six syllables each, so both are looked for; the cut
    # stopped after eight cuts of any length and so kept only the first.
    assert syllables("baochuanan2hun2jizhan1") == [
        ["bao", "chuan", "an", "hun", "ji", "zhan"],
        ["bao", "chua", "nan", "hun", "ji", "zhan"],
    ]
    assert syllables("xian") == [["xian"]] and syllables("xi'an") == [["xi", "an"]]


def test_search_and_lookup_answer_pathological_pinyin_promptly(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    for argv in (
        ["--db", str(library), "search", "xian" * 16 + "q"],
        ["lookup", "xian" * 16 + "q"],
        ["lookup", "a" * 3000],
        ["--db", str(library), "search", "a" * 3000],
    ):
        result = yuedu(*argv, timeout=60)
        assert result.returncode == 0, (argv[-1][:20], result.stderr[-300:])
        assert "Traceback" not in result.stderr
        assert result.stderr.strip() in ("No hits.", "Nothing found.")
    found = yuedu("--db", str(library), "search", "yinhang")
    assert found.returncode == 0 and found.stdout.count("[银行]") == 2


# -- word lists from other programs -----------------------------------------------------


def known_words(path: Path) -> set[str]:
    with Library.open(path) as library:
        rows = library.conn.execute("SELECT word FROM word_status WHERE status = 'known'")
        return {row[0] for row in rows}


def test_word_lists_in_the_encodings_chinese_windows_saves_are_read(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    lists = {
        "excel.csv": ("银行,bank\r\n老师,teacher\r\n".encode("gbk")),  # Excel on Chinese Windows
        "unicode.txt": "学习\t学\r\n".encode("utf-16"),  # Excel's "Unicode text"
    }
    for name, data in lists.items():
        (tmp_path / name).write_bytes(data)
        result = yuedu("--db", str(library), "vocab", "import", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    assert known_words(library) == {"银行", "老师", "学习"}


def test_pleco_anki_and_semicolon_lists_give_their_words(tmp_path: Path) -> None:
    from reader.learning.flashcards import import_known_words

    lists = {
        # Pleco's flashcard export with both scripts.
        "pleco.txt": "银行[銀行]\tyin2hang2\tbank\n老师[老師]\tlao3shi1\tteacher\n",
        # Anki's "Notes in Plain Text" with HTML: a field with quotes is quoted.
        "anki.txt": '#separator:tab\n#html:true\n"<span style=""color: red"">学习</span>"\tx\n'
        "钱&nbsp;\tmoney\n",
        # A spreadsheet that separates with semicolons, as European Excel does.
        "sheet.csv": "工作;work\n孩子;child\n",
        # A word and its gloss on one line.
        "notes.txt": "忙 máng busy\n",
    }
    with Library.open(tmp_path / "lib.sqlite3") as library:
        for name, text in lists.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
            report = import_known_words(library, tmp_path / name)
            assert report.not_words == 0, name
    assert known_words(tmp_path / "lib.sqlite3") == {
        "银行", "老师", "学习", "钱", "工作", "孩子", "忙"
    }  # fmt: skip


def test_a_list_with_no_word_is_refused_in_one_sentence_naming_it(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    english = tmp_path / "english.txt"
    english.write_text("bank\nteacher\n", encoding="utf-8")
    result = yuedu("--db", str(library), "vocab", "import", str(english))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("yuedu: english.txt has no line that starts with a Chinese")
    assert result.stderr.count("english.txt") == 1 and known_words(library) == set()


# -- readings of words: real syllables, with their tones --------------------------------


def stored_readings(path: Path) -> dict[str, str]:
    with Library.open(path) as library:
        return dict(library.conn.execute("SELECT word, syllables FROM word_readings"))


def test_a_reading_with_no_syllable_of_mandarin_or_no_tones_is_refused(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    for pinyin, says in (
        ("xx2 zhang3", "“xx2” is not a pinyin syllable (for 行)"),  # CC-CEDICT's "unknown"
        ("hang2 zhv3", "“zhv3” is not a pinyin syllable (for 长)"),
        ("hang zhang", "gives no tones"),  # was stored as hang5 zhang5
    ):
        result = yuedu("--db", str(library), "readings", "set", "行长", pinyin)
        assert result.returncode == 2 and says in result.stderr, (pinyin, result.stderr)
    assert stored_readings(library) == {}
    for word, pinyin, stored in (
        ("一点儿", "yi1 dian3 r5", "yi1 dian3 r5"),  # erhua as CC-CEDICT writes it
        ("行长", "háng zhang", "hang2 zhang5"),  # marks: an unmarked syllable is neutral
        ("的", "de5", "de5"),
    ):
        result = yuedu("--db", str(library), "readings", "set", word, pinyin)
        assert result.returncode == 0, result.stderr
        assert stored_readings(library)[word] == stored


def test_a_backup_from_before_the_check_is_still_restored(tmp_path: Path) -> None:
    import json

    from reader.library.json_backup import backup_json
    from reader.library.json_restore import restore_backup

    with Library.open(tmp_path / "old.sqlite3") as old, old.session.write("An older Yuedu"):
        old.conn.execute(
            "INSERT INTO word_readings (word, syllables, updated_at) VALUES (?, ?, ?)",
            ["行长", "xx2 zhang3", "2026-01-01T00:00:00.000+00:00"],
        )
    with Library.open(tmp_path / "old.sqlite3") as old:
        document = backup_json(old)
    with Library.open(tmp_path / "new.sqlite3") as new:
        assert restore_backup(new, document).word_readings_added == 1
    assert json.loads(document)["word_readings"][0]["syllables"] == "xx2 zhang3"
    assert stored_readings(tmp_path / "new.sqlite3") == {"行长": "xx2 zhang3"}


# -- text arguments that are not UTF-8 ---------------------------------------------------


def test_text_arguments_that_are_not_utf8_are_refused_in_a_sentence(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    not_utf8 = b"\xed\xa0\x80".decode("utf-8", "surrogateescape")  # as Linux hands them over
    for argv in (
        ["pinyin", not_utf8],
        ["search", "银" + not_utf8],
        ["article", "rename", "1", not_utf8],
        ["annotate", "1", "--quote", "银行", "--tag", not_utf8],
        ["readings", "set", "行", not_utf8],
    ):
        result = yuedu("--db", str(library), *argv)
        assert result.returncode == 2 and "Traceback" not in result.stderr, argv
        assert "not UTF-8 text" in result.stderr and result.stdout == "", argv
    with Library.open(library) as opened:
        assert opened.conn.execute("SELECT title FROM articles").fetchall() == [("银行",)]
        assert opened.conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)


def test_an_output_name_too_long_for_the_file_system_is_said_in_words(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    assert (
        yuedu("--db", str(library), "vocab", "set", "银行", "--status", "learning").returncode == 0
    )
    assert yuedu("--db", str(library), "annotate", "1", "--quote", "银行").returncode == 0
    long_name = "长" * 100  # 300 bytes of UTF-8: more than a name may hold
    for argv in (
        ["vocab", "export", "-o", str(tmp_path / f"{long_name}.apkg")],
        ["export", "-o", str(tmp_path / f"{long_name}.md")],
    ):
        result = yuedu("--db", str(library), *argv)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "too long for the file system" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["lib.sqlite3"]


# -- full-width and half-width ------------------------------------------------------------


def test_full_width_and_half_width_find_each_other(tmp_path: Path) -> None:
    from reader.search.engine import SearchOptions, search

    # A text set in GB2312 times writes digits and Latin letters full-width; a later one,
    # or the reader's keyboard, half-width.
    text = "２００８年ＧＤＰ增长１０％。2009年GDP也增长。"
    with Library.open(tmp_path / "lib.sqlite3") as library:
        with library.session.write("Test set-up"):
            source = NewSource.whole("gdp.txt", "UTF-8", "hash", len(text), text, [text])
            ends = list(range(1, len(text) + 1))
            library.add_source(source, [NewArticle("ＧＤＰ年报", False, "", text, 0, 1, ends)])

        def found(query: str) -> list[tuple[str, int, int]]:
            return [(h.field, h.start, h.end) for h in search(library, query, SearchOptions())]

        assert found("2008") == [("text", 0, 4)]
        assert found("２００９") == [("text", 14, 18)]
        assert found("gdp") == [("title", 0, 3), ("text", 5, 8), ("text", 19, 22)]
        assert found("ＧＤＰ") == found("gdp") == found("Gdp")
        assert found("10%") == [("text", 10, 13)]
        assert found("8年") == [("text", 3, 5)]  # one or two characters: the other scan


# -- glosses written for people, as the word card writes them ------------------------------


def test_flashcards_and_lookup_write_cedict_markup_for_people(tmp_path: Path) -> None:
    from dataclasses import dataclass

    from reader.learning import statuses
    from reader.learning.anki import note_fields
    from reader.learning.vocabulary import vocabulary

    @dataclass(frozen=True)
    class Entry:  # the fields of a dictionary entry a vocabulary reads
        simplified: str
        traditional: str
        pinyin: tuple[str, ...]
        glosses: tuple[str, ...]

    class Dictionary:
        def lookup(self, word: str) -> list[Entry]:
            return [Entry("银行", "銀行", ("yin2", "hang2"), ("bank", "CL:家[jia1],個|个[ge4]"))]

    with Library.open(tmp_path / "lib.sqlite3") as library:
        statuses.set_status(library, "银行", "learning1")
        (entry,) = vocabulary(library, dictionary=Dictionary())
    assert entry.gloss == "bank; measure words: 家 jiā, 个 gè"  # on the Anki card too
    assert note_fields(entry)[3] == "bank; measure words: 家 jiā, 个 gè"
    result = yuedu("lookup", "银行", "--limit", "1")
    assert result.stdout == "银行 (銀行)  yín háng  bank; measure words: 家 jiā, 个 gè\n"


# -- an Anki deck package as a word list -----------------------------------------------------


def test_an_anki_deck_package_gives_its_notes_words(tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    import zstandard

    from reader.learning.anki import write_apkg
    from reader.learning.vocabulary import VocabularyEntry

    def card(word: str) -> VocabularyEntry:
        return VocabularyEntry(
            word, "learning1", (), "", None, None, "", None, None, None, "", None, "", "", 0
        )

    deck = tmp_path / "deck.apkg"  # written as genanki and older Ankis write packages
    write_apkg([card("银行"), card("老师")], deck)
    library = make_library(tmp_path / "lib.sqlite3")
    result = yuedu("--db", str(library), "vocab", "import", str(deck))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2 word(s) now known, 0 already known, 0 line(s) not words\n"
    assert known_words(library) == {"银行", "老师"}
    # Anki 2.1.50 and later: the collection compressed with Zstandard as a stream, beside a
    # stand-in collection whose one note asks to update Anki.
    newer_deck = tmp_path / "newer-deck.apkg"
    write_apkg([card("学生"), card("朋友"), card("银行")], newer_deck)
    stand_in = tmp_path / "stand-in.anki2"
    with sqlite3.connect(stand_in) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)")
        connection.execute(
            "INSERT INTO notes VALUES (1, 'Please update to the latest Anki version, then "
            "import the .colpkg/.apkg file again.')"
        )
    connection.close()
    compressing = zstandard.ZstdCompressor(write_content_size=False).compressobj()
    with zipfile.ZipFile(newer_deck) as old:
        collection = old.read("collection.anki2")
    newer = tmp_path / "newer.apkg"
    with zipfile.ZipFile(newer, "w") as new:
        new.writestr("collection.anki2", stand_in.read_bytes())
        new.writestr("collection.anki21b", compressing.compress(collection) + compressing.flush())
    result = yuedu("--db", str(library), "vocab", "import", str(newer))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2 word(s) now known, 1 already known, 0 line(s) not words\n"
    assert known_words(library) == {"银行", "老师", "学生", "朋友"}
    broken = tmp_path / "broken.apkg"
    with zipfile.ZipFile(broken, "w") as new:
        new.writestr("collection.anki2", stand_in.read_bytes())
        new.writestr("collection.anki21b", b"(not zstd)")
    result = yuedu("--db", str(library), "vocab", "import", str(broken))
    assert result.returncode == 2 and result.stdout == ""
    assert "broken.apkg cannot be read as an Anki deck: its compressed collection is damaged" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


# -- no hits: what to do ------------------------------------------------------------------


def test_no_hits_says_what_would_find_the_words(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    spaced = yuedu("--db", str(library), "search", "银行 行长")
    assert spaced.returncode == 0 and spaced.stdout == ""
    assert spaced.stderr.startswith("No hits. The query holds a space")
    traditional = yuedu("--db", str(library), "search", "銀行")  # 银行: the title, twice the text
    assert traditional.stderr == (
        "No hits. With --any-script: 3 hit(s), written in the other script.\n"
    )
    assert yuedu("--db", str(library), "search", "银行行长很闲").stderr == "No hits.\n"


def test_an_empty_list_says_so_on_stderr(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    for argv, says in (
        (["vocab", "list"], "No learning words.\n"),
        (["vocab", "list", "--status", "known"], "No known words.\n"),
        (
            ["readings", "list"],
            'No readings of words yet (yuedu readings set 行长 "hang2 zhang3").\n',
        ),
    ):
        result = yuedu("--db", str(library), *argv)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", says)
    listed = yuedu("--db", str(library), "vocab", "list", "--json")
    assert (listed.stdout.strip(), listed.stderr) == ("[]", "")


def test_lue_and_nue_are_read_as_lüe_and_nüe() -> None:
    # As input methods and Pleco read them: no other syllable is spelled so.
    assert syllables("lue4") == [["lu:e"]] == syllables("lüè") == syllables("lve4")
    assert syllables("nue") == [["nu:e"]]
    assert syllables("yue") == [["yue"]] and syllables("jue") == [["jue"]]  # not ü-spelled
    result = yuedu("lookup", "lue4", "--limit", "1")
    assert result.stdout.startswith("略  lüè  ")


def test_english_lookups_with_punctuation_find_the_word() -> None:
    from reader.search.lookup import lookup

    for query in ("bank,", "(bank)", "bank?", "“bank”", "银行。", "“银行”"):
        assert lookup(query, limit=1)[0].simplified == "银行", query
    # A word whose own punctuation ends it: "\\b" after the final dot found nothing.
    assert any("U.S." in " ".join(entry.glosses) for entry in lookup("U.S.", limit=5))
    # Pinyin, too, as pasted from a sentence (an apostrophe inside stays: xi'an).
    for query in ("yinhang,", "(yinhang)", "“yinhang”", "ｙｉｎｈａｎｇ。"):
        assert lookup(query, limit=1)[0].simplified == "银行", query
    assert lookup("xi'an", limit=1)[0].simplified == "西安"


def test_a_list_cut_at_the_limit_says_there_may_be_more(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")  # 银行: the title and twice the text
    cut = yuedu("--db", str(library), "search", "银行", "--limit", "2")
    assert cut.stdout.count("\n") == 2
    assert cut.stderr == "The first 2 hits; there may be more (--limit N shows more).\n"
    assert yuedu("--db", str(library), "search", "银行", "--limit", "4").stderr == ""
    entries = yuedu("lookup", "bank", "--limit", "1")
    assert entries.stderr == "The first 1 entries; there may be more (--limit N shows more).\n"


def test_a_link_to_a_missing_folder_names_that_folder(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    yuedu("--db", str(library), "vocab", "set", "银行", "--status", "learning")
    link = tmp_path / "deck.apkg"
    link.symlink_to(tmp_path / "gone" / "deck.apkg")  # a synced folder since removed
    result = yuedu("--db", str(library), "vocab", "export", "-o", str(link))
    assert result.returncode == 2
    assert result.stderr == (
        f"yuedu: the folder {tmp_path / 'gone'} does not exist ({link} is a link to "
        f"{tmp_path / 'gone' / 'deck.apkg'}); nothing was written\n"
    )


def test_a_deck_exported_before_the_dictionary_was_built_has_pinyin_and_glosses(
    tmp_path: Path,
) -> None:
    import os

    library = make_library(tmp_path / "lib.sqlite3")
    yuedu("--db", str(library), "vocab", "set", "银行", "--status", "learning")
    fresh = {**os.environ, "YUEDU_DICTIONARY": str(tmp_path / "fresh" / "cedict.sqlite3")}
    deck = tmp_path / "deck.csv"
    result = yuedu("--db", str(library), "vocab", "export", "-o", str(deck), env=fresh)
    assert result.returncode == 0, result.stderr
    assert "building the dictionary" in result.stderr
    assert (
        deck.read_text(encoding="utf-8") == '银行,yin2hang2,"bank; measure words: 家 jiā, 个 gè"\n'
    )


def test_a_word_the_dictionary_lacks_is_glossed_by_its_parts(tmp_path: Path) -> None:
    from dataclasses import dataclass

    from reader.learning import statuses
    from reader.learning.vocabulary import vocabulary

    @dataclass(frozen=True)
    class Entry:
        simplified: str
        traditional: str
        pinyin: tuple[str, ...]
        glosses: tuple[str, ...]
        is_proper_noun: bool = False

    entries = {
        "银行": [Entry("银行", "銀行", ("yin2", "hang2"), ("bank",))],
        "行长": [Entry("行长", "行長", ("hang2", "zhang3"), ("bank president",))],
        "委": [  # CEDICT's order: the rare reading first
            Entry("委", "委", ("wei1",), ("winding",)),
            Entry("委", "委", ("wei3",), ("to entrust",)),
        ],
    }

    class Dictionary:
        def lookup(self, word: str) -> list[Entry]:
            return entries.get(word, [])

    with Library.open(tmp_path / "lib.sqlite3") as library:
        for word in ("银行行长", "银行委"):
            statuses.set_status(library, word, "learning1")
        found = {e.word: (e.pinyin, e.gloss) for e in vocabulary(library, dictionary=Dictionary())}
    assert found["银行行长"] == (
        ("yin2", "hang2", "hang2", "zhang3"),
        "银行 bank + 行长 bank president",
    )
    # 委 read two ways and no reading met: neither its gloss nor the word's pinyin guessed.
    assert found["银行委"] == ((), "银行 bank + 委")


def test_pinyin_and_english_typed_in_full_width_mode_are_read(tmp_path: Path) -> None:
    from reader.search.engine import SearchOptions, search
    from reader.search.lookup import lookup

    # A Chinese input method left in full-width mode types these.
    assert syllables("ｙｉｎ２ｈａｎｇ２") == [["yin", "hang"]] == syllables("ｙｉｎ　ｈａｎｇ")
    with Library.open(make_library(tmp_path / "lib.sqlite3")) as library:
        for query, options in (
            ("ｙｉｎｈａｎｇ", SearchOptions()),
            ("ｙｈ", SearchOptions(initials=True)),
        ):
            hits = search(library, query, options)
            assert [(h.field, h.start) for h in hits] == [("text", 3), ("text", 8)], query
    assert lookup("ｂａｎｋ", limit=1)[0].simplified == "银行"
    assert lookup("DNA鉴定", limit=1)[0].simplified == "DNA鉴定"  # characters keep their case


def test_a_pleco_tsv_has_no_csv_quoting_and_one_line_a_word(tmp_path: Path) -> None:
    import csv

    from reader.learning.flashcards import write_pleco
    from reader.learning.vocabulary import VocabularyEntry

    def card(word: str, gloss: str) -> VocabularyEntry:
        return VocabularyEntry(
            word, "learning1", ("shi2", "bao4"), gloss, None, None, "", None, None, None, "",
            None, "", "", 0,
        )  # fmt: skip

    cards = [card("时报", '"Times" (newspaper)'), card("报纸", "newspaper\tpaper\nline two")]
    write_pleco(cards, tmp_path / "words.tsv")
    assert (tmp_path / "words.tsv").read_text(encoding="utf-8") == (
        '时报\tshi2bao4\t"Times" (newspaper)\n报纸\tshi2bao4\tnewspaper paper line two\n'
    )
    write_pleco(cards, tmp_path / "words.csv")  # CSV quotes, and reads back as written
    with (tmp_path / "words.csv").open(encoding="utf-8", newline="") as handle:
        assert [row[2] for row in csv.reader(handle)] == [c.gloss for c in cards]


def test_a_reading_typed_run_together_is_cut_into_its_syllables(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")
    for word, pinyin, stored in (
        ("行长", "hang2zhang3", "hang2 zhang3"),  # as Pleco and CC-CEDICT users type it
        ("行长", "hángzhǎng", "hang2 zhang3"),
        ("西安", "xī'ān", "xi1 an1"),
        ("玩儿", "wan2r", "wan2 r5"),  # 儿 as the r it is said as
        ("一会儿", "yīhuìr", "yi1 hui4 r5"),
    ):
        result = yuedu("--db", str(library), "readings", "set", word, pinyin)
        assert result.returncode == 0, (pinyin, result.stderr)
        assert stored_readings(library)[word] == stored
    toneless = yuedu("--db", str(library), "readings", "set", "行长", "hangzhang")
    assert toneless.returncode == 2 and "gives no tones" in toneless.stderr
    uncut = yuedu("--db", str(library), "readings", "set", "行长", "xxyyzz")
    assert uncut.returncode == 2 and "cannot be cut into 2 syllables" in uncut.stderr


def test_pinyin_of_gbk_standard_input_says_how_to_convert_it() -> None:
    result = subprocess.run(
        [*YUEDU, "pinyin"], input="银行\n".encode("gbk"), capture_output=True, cwd=REPO_ROOT
    )
    assert result.returncode == 2 and result.stdout == b""
    assert b"not UTF-8 text" in result.stderr and b"iconv -f GB18030 -t UTF-8" in result.stderr


def test_pinyin_in_titles_or_notes_only_says_they_are_found_by_characters(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite3")  # titled 银行
    result = yuedu("--db", str(library), "search", "yinhang", "--in", "titles")
    assert result.stderr == (
        "No hits. Titles, bylines and notes are found by characters only (银行, not yinhang).\n"
    )
    found = yuedu("--db", str(library), "search", "银行", "--in", "titles")
    assert found.stdout.startswith("1\ttitle\t0-2\t银行\t")


def test_a_line_of_words_only_gives_every_word(tmp_path: Path) -> None:
    from reader.learning.flashcards import read_word_list

    listed = tmp_path / "words.txt"
    listed.write_text("银行 学习 工作\n忙 máng busy\n老师、学生，朋友\n", encoding="utf-8")
    # A list pasted as one line gave its first word only, and said nothing of the rest.
    assert read_word_list(listed) == ["银行", "学习", "工作", "忙", "老师", "学生", "朋友"]
