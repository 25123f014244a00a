"""Core pieces the Vocabulary dock and the card's HSK line stand on: where "go to the
sentence" lands (also after the article was split), and both HSK schemes in words."""

from __future__ import annotations

from reader.learning import statuses as st
from reader.learning.hsk import levels_text
from reader.learning.vocabulary import vocabulary, word_place
from reader.library import article_edits
from reader.library.store import Library, NewArticle, NewSource
from reader.text.segment import segment_ends

# Samples written for these tests.
BANK = "我在银行工作。银行的行长很忙，他有3个孩子。"
SCHOOL = "孩子们在学校学习汉语。老师说银行下午关门。"


def add(library: Library, *texts: str) -> list[int]:
    raw = "\n".join(texts)
    articles = [
        NewArticle(text[:6], False, "", text, line, line + 1, segment_ends(text))
        for line, text in enumerate(texts)
    ]
    return library.add_source(
        NewSource.whole("a.txt", "utf-8", "a" * 64, len(raw), raw, list(texts)), articles
    )


def entry_of(library: Library, word: str):  # noqa: ANN201 - a VocabularyEntry
    kept = ("learning1", "learning2", "learning3", "learning4", "known", "ignored")
    return next(e for e in vocabulary(library, kept) if e.word == word)


def test_the_place_of_a_word_is_the_occurrence_it_was_met_at() -> None:
    library = Library.in_memory()
    bank, school = add(library, BANK, SCHOOL)
    met = st.Met(school, SCHOOL.index("银行"), SCHOOL.index("银行") + 2)
    st.set_status(library, "银行", "learning1", met=met)
    place = word_place(library, entry_of(library, "银行"))
    assert place == (school, 14, 16)
    assert SCHOOL[14:16] == "银行"
    # Met without a pointer: its first occurrence in the library.
    st.set_status(library, "行长", "2")
    assert word_place(library, entry_of(library, "行长")) == (bank, 10, 12)
    assert BANK[10:12] == "行长"


def test_the_place_follows_a_split_and_is_none_once_the_article_is_gone() -> None:
    library = Library.in_memory()
    (bank,) = add(library, BANK)
    st.set_status(library, "行长", "3", met=st.Met(bank, 10, 12))
    article_edits.split(library, bank, 7)  # the second sentence becomes its own article
    entry = entry_of(library, "行长")
    article_id, start, end = word_place(library, entry)
    assert article_id != bank
    assert library.get_article(article_id).text[start:end] == "行长"
    article_edits.delete(library, article_id, force=True)
    assert word_place(library, entry_of(library, "行长")) is None


def test_levels_text_names_both_schemes_and_is_empty_off_the_lists() -> None:
    # 银行 is HSK 2.0 level 3 (the 2012 list) and HSK 3.0 level 2 (GF0025-2021).
    assert levels_text("银行") == "HSK 3.0: 2 · HSK 2.0: 3"
    assert levels_text("工作") == "HSK 3.0: 1 · HSK 2.0: 1"
    assert levels_text("行长") == ""
