"""The learning layer's core (issue 14): statuses across articles, the per-article counts
through every kind of article change, kept sentences, HSK lists, exports, import, backup."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.learning import statuses as st
from reader.learning.counts import ArticleFigures, article_figures, figures_of, known_shares
from reader.learning.hsk import HskRefused, hsk_level, level_label, words_up_to
from reader.learning.words import WordRefused, is_word, sentence_around
from reader.library import article_edits
from reader.library.json_backup import backup_json
from reader.library.json_restore import restore_backup
from reader.library.store import Library, NewArticle, NewSource
from reader.text.segment import segment_ends

# Samples written for these tests.
BANK = "我在银行工作。银行的行长很忙，他有3个孩子。"
SCHOOL = "孩子们在学校学习汉语。老师说银行下午关门。"


def add(library: Library, *texts: str, name: str = "a.txt") -> list[int]:
    raw = "\n".join(texts)
    articles = []
    line = 0
    for text in texts:
        articles.append(NewArticle(text[:6], False, "", text, line, line + 1, segment_ends(text)))
        line += 1
    digest = (name * 64)[:64]
    return library.add_source(
        NewSource.whole(name, "utf-8", digest, len(raw), raw, texts), articles
    )


def recounted(library: Library, article_id: int) -> ArticleFigures:
    """The figures computed from scratch (not from the kept totals)."""
    known = st.statuses(library)
    running = known_running = ignored_running = 0
    new: set[str] = set()
    for _, _, token in library.tokens(article_id):
        if not is_word(token):
            continue
        running += 1
        status = known.get(token, "new")
        known_running += status == "known"
        ignored_running += status == "ignored"
        if status == "new":
            new.add(token)
    return ArticleFigures(running, known_running, ignored_running, len(new))


@pytest.fixture
def library() -> Library:
    return Library.in_memory()


def test_words_are_han_tokens_only() -> None:
    assert is_word("银行") and is_word("一")
    assert not is_word("3") and not is_word("abc") and not is_word("，") and not is_word("3月")
    assert not is_word("十二")  # a number spelled in numerals
    assert is_word("千万")  # numerals the HSK list knows as a word ("by all means")


def test_a_status_holds_in_every_article(library: Library) -> None:
    first = add(library, BANK, name="a")[0]
    second = add(library, SCHOOL, name="b")[0]
    before = article_figures(library.conn)
    st.set_status(library, "银行", "known")
    after = article_figures(library.conn)
    assert after[first].known_running == before[first].known_running + 2
    assert after[second].known_running == before[second].known_running + 1
    assert st.status_of(library, "银行") == "known"
    for article_id in (first, second):
        assert after[article_id] == recounted(library, article_id)


def test_known_share_of_a_hand_counted_article(library: Library) -> None:
    (article_id,) = add(library, BANK)
    # Words (by hand): 我 在 银行 工作 银行 的 行长 很 忙 他 有 个 孩子 = 13 running words;
    # 3 and the punctuation are no words.
    st.set_status(library, "银行", "known")  # 2 running
    st.set_status(library, "我", "known")  # 1
    st.set_status(library, "他", "ignored")  # 1, out of the count
    st.set_status(library, "行长", "learning1")
    figures = figures_of(library.conn, article_id)
    assert figures is not None
    assert figures.running == 13
    assert figures.known_share == pytest.approx(3 / 12)
    # Distinct new: 13 running, 12 distinct (银行 twice); minus 银行 我 他 行长.
    assert figures.new_words == 8
    # The article list's figures, worked out by SQLite, are the same.
    share, new_words = known_shares(library.conn)[article_id]
    assert (share, new_words) == (pytest.approx(3 / 12), 8)


def test_counts_follow_split_merge_delete_and_undo(library: Library) -> None:
    first, second = add(library, BANK, SCHOOL)
    st.set_status(library, "银行", "known")
    split = article_edits.split(library, first, 7)
    for article_id in (first, split.new_id, second):
        assert figures_of(library.conn, article_id) == recounted(library, article_id)
    assert figures_of(library.conn, first).running == 4  # 我 在 银行 工作
    article_edits.undo(library, split)
    assert figures_of(library.conn, first) == recounted(library, first)
    merged = article_edits.merge(library, first, second)
    assert figures_of(library.conn, first) == recounted(library, first)
    assert figures_of(library.conn, second) is None
    article_edits.undo(library, merged)
    assert figures_of(library.conn, second) == recounted(library, second)
    deleted = article_edits.delete(library, second)
    assert second not in article_figures(library.conn)
    article_edits.undo(library, deleted)
    assert figures_of(library.conn, second) == recounted(library, second)


def test_the_sentence_is_kept_through_a_reimport(library: Library) -> None:
    (article_id,) = add(library, BANK)
    start = BANK.index("行长")
    st.set_status(
        library, "行长", "learning2", met=st.Met(article_id, start, start + 2, ("hang2", "zhang3"))
    )
    sentence = "银行的行长很忙，他有3个孩子。"
    changed = "今天下雨。" + BANK
    new = NewSource.whole("a.txt", "utf-8", "b" * 64, 1, changed, [changed])
    library.update_source(
        1, new, [(article_id, NewArticle("t", False, "", changed, 0, 1, segment_ends(changed)))]
    )
    row = library.conn.execute(
        'SELECT sentence, article_id, start, "end", pinyin FROM vocabulary WHERE word = ?',
        ["行长"],
    ).fetchone()
    assert row[:2] == (sentence, article_id)
    assert changed[row[2] : row[3]] == sentence
    assert row[4] == "hang2 zhang3"
    assert figures_of(library.conn, article_id) == recounted(library, article_id)


def test_the_sentence_follows_a_split_to_the_new_article(library: Library) -> None:
    (article_id,) = add(library, BANK + "\n" + SCHOOL)
    at = len(BANK) + 1 + SCHOOL.index("银行")
    st.set_status(library, "银行", "learning1", met=st.Met(article_id, at, at + 2))
    done = article_edits.split(library, article_id, len(BANK) + 1)
    row = library.conn.execute(
        'SELECT article_id, start, "end", sentence FROM vocabulary WHERE word = ?', ["银行"]
    ).fetchone()
    assert row[0] == done.new_id
    assert (
        library.get_article(done.new_id).text[row[1] : row[2]] == row[3] == "老师说银行下午关门。"
    )


def test_the_sentence_comes_back_with_its_article_after_an_undone_delete(
    library: Library,
) -> None:
    first, second = add(library, BANK, SCHOOL)
    at = SCHOOL.index("学校")
    st.set_status(library, "学校", "learning2", met=st.Met(second, at, at + 2))

    def place() -> tuple[int | None, int | None, int | None, str]:
        return library.conn.execute(
            'SELECT article_id, start, "end", sentence FROM vocabulary WHERE word = ?',
            ["学校"],
        ).fetchone()

    met_in = "孩子们在学校学习汉语。"
    deleted = article_edits.delete(library, second)
    assert place() == (None, None, None, met_in)  # kept, with no place while it is gone
    article_edits.undo(library, deleted)
    article_id, start, end, sentence = place()
    assert article_id == second and sentence == met_in
    assert library.get_article(second).text[start:end] == met_in
    # A sentence no text holds stays without a place; other articles are not searched for it.
    assert article_edits.delete(library, first) is not None
    assert place()[0] == second


def test_sentence_bounds() -> None:
    text = "他说：“好。”我们走吧！"
    assert text[slice(*sentence_around(text, 7, 9))] == "我们走吧！"


def test_hsk_levels_of_both_schemes() -> None:
    assert hsk_level("银行", "3.0") == 2 and hsk_level("银行", "2.0") == 3
    assert hsk_level("一一", "3.0") == 7 and level_label(7) == "7–9"
    assert hsk_level("电脑", "2.0") == 1
    assert hsk_level("不是一个词", "3.0") is None
    assert len(words_up_to(9, "3.0")) == 10_977 and len(words_up_to(6, "2.0")) == 4_991
    with pytest.raises(HskRefused):
        words_up_to(7, "2.0")


def test_known_up_to_hsk_and_mark_the_article_known_undo(library: Library) -> None:
    (article_id,) = add(library, BANK)
    st.set_status(library, "工作", "learning3")
    step = st.known_up_to_hsk(library, 1, "3.0")
    assert st.status_of(library, "我") == "known"
    assert st.status_of(library, "工作") == "learning3"  # a rated word keeps its status
    st.undo(library, step)
    assert st.status_of(library, "我") == "new"
    done = st.mark_article_known(library, article_id)
    assert figures_of(library.conn, article_id).new_words == 0
    st.undo(library, done)
    assert figures_of(library.conn, article_id) == recounted(library, article_id)
    assert st.status_of(library, "工作") == "learning3"


def test_bad_words_and_statuses_are_refused(library: Library) -> None:
    for word, status in (("abc", "known"), ("银行", "wise"), ("123", "known"), ("", "new")):
        with pytest.raises(WordRefused):
            st.set_status(library, word, status)
    assert st.statuses(library) == {}


def notes_of(path: Path, tmp_path: Path) -> list[tuple[str, list[str], str]]:
    with zipfile.ZipFile(path) as deck:
        name = next(n for n in deck.namelist() if n.startswith("collection.anki2"))
        target = tmp_path / f"{path.stem}.anki2"
        target.write_bytes(deck.read(name))
    connection = sqlite3.connect(target)
    try:
        rows = connection.execute("SELECT guid, flds, tags FROM notes ORDER BY sfld").fetchall()
    finally:
        connection.close()
    return [(guid, flds.split("\x1f"), tags) for guid, flds, tags in rows]


def test_the_anki_deck_reads_back_with_stable_guids(library: Library, tmp_path: Path) -> None:
    from reader.learning.anki import FIELDS, write_apkg
    from reader.learning.vocabulary import vocabulary

    (article_id,) = add(library, BANK)
    start = BANK.index("行长")
    st.set_status(
        library, "行长", "learning2", met=st.Met(article_id, start, start + 2, ("hang2", "zhang3"))
    )
    st.set_status(library, "银行", "learning1")
    write_apkg(vocabulary(library), tmp_path / "one.apkg")
    st.set_status(library, "孩子", "learning1")
    write_apkg(vocabulary(library), tmp_path / "two.apkg")
    one = notes_of(tmp_path / "one.apkg", tmp_path)
    two = notes_of(tmp_path / "two.apkg", tmp_path)
    assert len(one) == 2 and len(two) == 3
    guids_one = {fields[0]: guid for guid, fields, _ in one}
    guids_two = {fields[0]: guid for guid, fields, _ in two}
    assert guids_one["行长"] == guids_two["行长"] and guids_one["银行"] == guids_two["银行"]
    fields = dict(zip(FIELDS, next(f for _, f, _ in one if f[0] == "行长"), strict=True))
    assert fields["Pinyin"] == "háng zhǎng"
    assert "<b>行长</b> (háng zhǎng)很忙" in fields["Sentence"]
    assert fields["Source"] == "我在银行工作"
    assert 'color: #2f9e44">háng' in fields["PinyinColoured"]
    tags = next(t for _, f, t in one if f[0] == "银行")
    assert "HSK3::2" in tags and "HSK2::3" in tags


def test_pleco_csv_and_tsv(library: Library, tmp_path: Path) -> None:
    from reader.learning.flashcards import write_pleco
    from reader.learning.vocabulary import vocabulary

    add(library, BANK)
    st.set_status(library, "行长", "learning1")
    write_pleco(vocabulary(library), tmp_path / "words.tsv")
    assert (tmp_path / "words.tsv").read_text(encoding="utf-8").split("\t")[0] == "行长"
    write_pleco(vocabulary(library), tmp_path / "words.csv")
    with (tmp_path / "words.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert [row[0] for row in rows] == ["行长"] and len(rows[0]) == 3


def test_importing_known_words_reports_each_kind(library: Library, tmp_path: Path) -> None:
    from reader.learning.flashcards import ImportRefused, import_known_words

    st.set_status(library, "银行", "known")
    listing = tmp_path / "pleco.txt"
    listing.write_text(
        "#separator:tab\n银行\tyin2hang2\tbank\n行长\thang2zhang3\tx\n123\n\nabc\n<b>孩子</b>\n",
        encoding="utf-8",
    )
    report = import_known_words(library, listing)
    assert (report.made_known, report.already_known, report.not_words) == (2, 1, 2)
    assert st.status_of(library, "孩子") == "known"
    broken = tmp_path / "broken.csv"
    broken.write_text('学校,x\n"老师,y\n', encoding="utf-8")
    with pytest.raises(ImportRefused, match="line"):
        import_known_words(library, broken)
    assert st.status_of(library, "学校") == "new"


def test_backup_round_trip_newest_wins(library: Library) -> None:
    (article_id,) = add(library, BANK)
    start = BANK.index("行长")
    st.set_status(library, "行长", "learning2", met=st.Met(article_id, start, start + 2))
    st.set_status(library, "银行", "known")
    st.set_note(library, "行长", "head of a bank")
    text = backup_json(library)
    other = Library.in_memory()
    report = restore_backup(other, text)
    assert report.word_statuses_added == 2 and report.vocabulary_restored == 1
    assert st.statuses(other) == {"行长": "learning2", "银行": "known"}
    row = other.conn.execute(
        "SELECT sentence, note, article_id, start FROM vocabulary WHERE word = ?", ["行长"]
    ).fetchone()
    assert row[:2] == ("银行的行长很忙，他有3个孩子。", "head of a bank") and row[2] is not None
    assert figures_of(other.conn, row[2]) == recounted(other, row[2])
    st.set_status(other, "银行", "learning4")  # newer than the backup's
    restore_backup(other, text)
    assert st.status_of(other, "银行") == "learning4"
