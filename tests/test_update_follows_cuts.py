"""Updating a source in place after the reader merged or split its articles: the update
follows the reader's cut (reader.importing.update_cuts). Before, it undid a merge (the
merged-away chapter came back, and a highlight in it was re-anchored onto a similar
sentence of the first chapter) and a split (the second part was orphaned)."""

from __future__ import annotations

from pathlib import Path

from annotations.store import AnnotationStore
from reader.importer import import_path
from reader.library import Library
from reader.library.article_edits import merge, rename, split
from tests.test_annotations_reimport import annotate, placed, update, write

NUMBERS = "一二三四五"


def book(numbers: str = "一二三四", edits: dict[str, str] | None = None) -> str:
    """Chapters whose paragraphs differ in one character only (the worst case for
    re-anchoring: every sentence has near-twins in the other chapters)."""
    chapters = []
    for n in numbers:
        lines = [f"这是第{n}章的第{k}段，内容很平常。" for k in range(5)]
        chapters.append("\n".join([f"第{n}章 标题{n}", "", *lines]))
    text = "\n\n".join(chapters) + "\n"
    for old, new in (edits or {}).items():
        assert old in text
        text = text.replace(old, new)
    return text


def titles(library: Library) -> list[tuple[int, str]]:
    return [(a.id, a.title) for a in library.list_articles()]


def test_an_update_keeps_a_merge_and_its_highlights(library: Library, tmp_path: Path) -> None:
    ids = import_path(library, write(tmp_path, book())).article_ids
    merge(library, ids[0], ids[1])
    store = AnnotationStore(library)
    in_second_part = annotate(store, ids[0], "这是第二章的第3段")
    in_first_part = annotate(store, ids[0], "这是第一章的第3段")

    edits = {"这是第二章的第0段": "这是第二章改过的第0段", "这是第三章的第1段": "第三章改了"}
    outcome = update(library, write(tmp_path, book(edits=edits)))

    assert outcome.update is not None
    assert outcome.update.articles_added == [] and outcome.update.articles_kept == []
    assert titles(library) == [
        (ids[0], "第一章 标题一"),
        (ids[2], "第三章 标题三"),
        (ids[3], "第四章 标题四"),
    ]
    merged = library.get_article(ids[0])
    assert merged is not None
    assert "这是第二章改过的第0段" in merged.text  # the file's edit in the merged-in chapter
    assert "\n第二章 标题二\n" in merged.text  # its headline a line, as the merge made it
    assert placed(store, in_second_part)[0] == "这是第二章的第3段"
    assert placed(store, in_first_part)[0] == "这是第一章的第3段"
    assert outcome.update.annotations.orphaned == 0
    assert "".join(word for _, _, word in library.tokens(ids[0])) == merged.text


def test_an_update_keeps_a_split_and_the_second_parts_highlights(
    library: Library, tmp_path: Path
) -> None:
    ids = import_path(library, write(tmp_path, book())).article_ids
    text = library.get_article(ids[2]).text  # type: ignore[union-attr]
    made = split(library, ids[2], text.index("这是第三章的第2段"), "三下")
    rest_id = made.new_id
    store = AnnotationStore(library)
    in_rest = annotate(store, rest_id, "这是第三章的第4段")
    in_head = annotate(store, ids[2], "这是第三章的第0段")

    edits = {"这是第三章的第1段": "这是第三章改过的第1段", "这是第三章的第3段": "第三章第3段改了"}
    outcome = update(library, write(tmp_path, book(edits=edits)))

    assert outcome.update is not None
    assert outcome.update.articles_added == [] and outcome.update.articles_kept == []
    assert outcome.update.articles_removed == 0
    assert [title for _, title in titles(library)] == [
        "第一章 标题一", "第二章 标题二", "第三章 标题三", "三下", "第四章 标题四",
    ]  # fmt: skip
    head = library.get_article(ids[2])
    rest = library.get_article(rest_id)
    assert head is not None and rest is not None
    assert head.text.endswith("这是第三章改过的第1段，内容很平常。")
    assert rest.text.startswith("这是第三章的第2段")
    assert "第三章第3段改了" in rest.text
    assert placed(store, in_rest) == (
        "这是第三章的第4段",
        rest.text.index("这是第三章的第4段"),
        False,
    )
    assert placed(store, in_head)[0] == "这是第三章的第0段"
    for article in (head, rest):
        assert "".join(w for _, _, w in library.tokens(article.id)) == article.text


def test_a_chapter_new_in_the_file_is_added_beside_a_merge(
    library: Library, tmp_path: Path
) -> None:
    ids = import_path(library, write(tmp_path, book())).article_ids
    merge(library, ids[0], ids[1])
    # A new chapter after the merged pair (as alike as chapters get) and one at the end.
    chapters = book("一二五三四") + "\n" + book("五").replace("五", "六")
    outcome = update(library, write(tmp_path, chapters))

    assert outcome.update is not None
    assert len(outcome.update.articles_added) == 2
    assert [title for _, title in titles(library)] == [
        "第一章 标题一", "第五章 标题五", "第三章 标题三", "第四章 标题四", "第六章 标题六",
    ]  # fmt: skip


STORIES = {
    "一": ["春天到了，小河里的冰慢慢化了。", "孩子们在田野上放风筝。", "爷爷坐在门口晒太阳。"],
    "二": ["夏天的中午特别热，街上没有几个人。", "妈妈切了一个大西瓜。", "我们在树下乘凉聊天。"],
    "三": ["秋天果园里的苹果红了。", "农民伯伯忙着收玉米和稻谷。", "大雁排成一行往南飞。"],
    "四": [
        "冬天下了一场大雪，院子全白了。",
        "弟弟堆了一个胖胖的雪人。",
        "屋里生着炉子，暖和极了。",
    ],
}


def seasons(headlines: dict[str, str] | None = None) -> str:
    """Four chapters with texts that share little, as a novel's do."""
    chapters = []
    for n, lines in STORIES.items():
        title = (headlines or {}).get(n, f"第{n}章 标题{n}")
        chapters.append("\n".join([title, "", *lines]))
    return "\n\n".join(chapters) + "\n"


def test_a_title_the_reader_gave_stays_a_corrected_headline_follows_the_file(
    library: Library, tmp_path: Path
) -> None:
    ids = import_path(library, write(tmp_path, seasons())).article_ids
    merge(library, ids[0], ids[1])
    rename(library, ids[0], "前两章")
    rename(library, ids[3], "第四章 我的标题")

    text = seasons({"三": "第三章 更正的标题"}).replace("炉子", "火炉")
    update(library, write(tmp_path, text))

    assert titles(library) == [
        (ids[0], "前两章"), (ids[2], "第三章 更正的标题"), (ids[3], "第四章 我的标题"),
    ]  # fmt: skip


def test_a_short_new_chapter_does_not_take_a_long_articles_place(
    library: Library, tmp_path: Path
) -> None:
    long_text = "\n".join(line for lines in STORIES.values() for line in lines)
    ids = import_path(library, write(tmp_path, f"第一章 四季\n\n{long_text}\n")).article_ids
    store = AnnotationStore(library)
    highlight = annotate(store, ids[0], "胖胖的雪人")
    # Headlines renamed, and a short preface of two of the chapter's sentences put first: the
    # long chapter holds all its bigrams, but it is no version of the chapter.
    preface = "孩子们在田野上放风筝。妈妈切了一个大西瓜。"
    new_file = f"第一章 序\n\n{preface}\n\n第二章 四季\n\n{long_text}\n"
    outcome = update(library, write(tmp_path, new_file))

    assert outcome.update is not None and outcome.update.annotations.orphaned == 0
    assert [(a.id, a.title) for a in library.list_articles()][1] == (ids[0], "第二章 四季")
    assert placed(store, highlight)[0] == "胖胖的雪人"


def test_a_title_the_reader_gave_stays_though_its_words_are_in_the_text(
    library: Library, tmp_path: Path
) -> None:
    ids = import_path(library, write(tmp_path, seasons())).article_ids
    rename(library, ids[0], "爷爷")  # a word of the chapter's text, no line of the file
    update(library, write(tmp_path, seasons().replace("晒太阳", "晒着太阳")))
    assert titles(library)[0] == (ids[0], "爷爷")


def test_a_renamed_split_part_leaves_no_headline_behind(library: Library, tmp_path: Path) -> None:
    text = seasons().replace("孩子们在田野上放风筝。", "孩子们在田野上放风筝。\n田野上\n")
    ids = import_path(library, write(tmp_path, text)).article_ids
    first = library.get_article(ids[0])
    assert first is not None
    made = split(library, ids[0], first.text.index("田野上\n"))  # the line becomes its title
    assert titles(library)[1] == (made.new_id, "田野上")
    rename(library, made.new_id, "我的标题")

    update(library, write(tmp_path, text.replace("晒太阳", "晒着太阳")))

    head, rest = library.get_article(ids[0]), library.get_article(made.new_id)
    assert head is not None and rest is not None
    assert head.text.endswith("孩子们在田野上放风筝。")
    assert rest.text == "爷爷坐在门口晒着太阳。" and rest.title == "我的标题"
