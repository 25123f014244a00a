"""Reflow and split: the seed page becomes its four clean articles; prose stays exact."""

from __future__ import annotations

import re

import pytest

from reader.text.chars import is_cjk
from reader.text.reflow import reflow
from reader.text.split import derive_title, remove_layout_spaces, split_articles
from tests.shared_data import NOVEL, SEED_PAGE, needs_shared

SEED_BYLINES = ["张明提", "张明提 梁桂连", "张明提 杨韶伟", "张明提"]
FOURTH_TITLE = "兴县实施城乡融合发展战略 建设更高层次宜居兴县"


def seed_articles(text: str | None = None):  # type: ignore[no-untyped-def]
    layout = reflow(text if text is not None else SEED_PAGE.read_text(encoding="utf-8"))
    assert layout.hard_wrapped
    return split_articles(layout.paragraphs, hard_wrapped=layout.hard_wrapped)


def test_seed_page_is_four_articles_with_their_bylines() -> None:
    articles = seed_articles()
    assert [a.byline for a in articles] == SEED_BYLINES
    assert articles[3].title == FOURTH_TITLE
    assert not articles[3].title_is_derived
    assert all(a.text.startswith("本报讯") for a in articles)  # the lead stays in the text


def test_seed_text_has_no_wrap_inside_a_sentence_and_no_space_between_cjk() -> None:
    for article in seed_articles():
        for paragraph in article.paragraphs:
            assert re.search(r"[。！？”]$", paragraph), paragraph[-20:]
        spaced = re.findall(r"(.)[ \u3000]+(.)", article.text)
        assert not [pair for pair in spaced if is_cjk(pair[0]) and is_cjk(pair[1])]
        assert "（张明提" not in article.text  # the byline left the text for its field


def test_seed_words_broken_by_the_wrap_are_whole_again() -> None:
    texts = "\n".join(a.text for a in seed_articles())
    for phrase in [
        "紧紧抓住省委",
        "讲述共产党从创立到领导人民闹革命",
        "本领技术恐慌",
        "主动融入新发展格局",
    ]:
        assert phrase in texts
    assert "紧紧抓\n" not in texts


def test_seed_enumerated_points_start_paragraphs() -> None:
    first = seed_articles()[0]
    starts = [p[:2] for p in first.paragraphs]
    for point in ["一是", "二是", "三是", "四是", "五是"]:
        assert point in starts


def test_seed_without_blank_lines_gives_the_same_articles() -> None:
    text = SEED_PAGE.read_text(encoding="utf-8")
    compact = "\n".join(line for line in text.split("\n") if line.strip())
    assert [a.text for a in seed_articles(compact)] == [a.text for a in seed_articles()]
    assert [a.byline for a in seed_articles(compact)] == SEED_BYLINES


def test_page_footers_and_form_feeds_are_dropped() -> None:
    text = SEED_PAGE.read_text(encoding="utf-8")
    lines = text.split("\n")
    middle = len(lines) // 2
    with_footer = "\n".join(lines[:middle] + ["", "第 30 页", "\f"] + lines[middle:])
    assert [a.text for a in seed_articles(with_footer)] == [a.text for a in seed_articles()]


# A county page set in a 12-character column (first lines indented two cells).
_COLUMN_PAGE = [
    "  本报讯 县里近日举办了",
    "第三届农民运动会，来自各乡",
    "镇的八百多名选手参加拔河、",
    "跳绳等十二个项目的比赛。",
    "  “参加比赛比过年还热闹。”",
    "一位选手说。 （孙晓",
    "梅 王立军）",
    "城南小学新建塑胶操场启用",  # one cell short of the column
    "  本报讯 城南小学新建的塑",
    "胶操场日前投入使用，可同时",
    "容纳六个班级上体育课。",
]


def test_an_end_credit_wrapped_inside_a_name_ends_its_paragraph() -> None:
    layout = reflow("\n".join(_COLUMN_PAGE))
    assert layout.hard_wrapped
    assert "城南小学新建塑胶操场启用" in layout.paragraphs
    articles = split_articles(layout.paragraphs, hard_wrapped=True)
    assert [(a.title, a.byline) for a in articles][1] == ("城南小学新建塑胶操场启用", "")
    assert articles[0].byline == "孙晓梅 王立军"
    assert articles[0].text.endswith("一位选手说。")


def test_a_letter_spaced_end_credit_on_its_own_line_is_the_byline() -> None:
    lines = [*_COLUMN_PAGE[:5], "一位选手说。", " （田 野）", *_COLUMN_PAGE[7:]]
    articles = split_articles(reflow("\n".join(lines)).paragraphs, hard_wrapped=True)
    assert [a.byline for a in articles] == ["田野", ""]
    assert articles[1].title == "城南小学新建塑胶操场启用"
    assert "王" not in articles[0].text.split("\n")[-1]


@pytest.mark.parametrize(
    ("byline_lines", "byline"),
    [
        (["本报记者 贺 兰 钱思", "源"], "本报记者 贺兰 钱思源"),  # a letter alone ends a name
        (["本报记者 贺 兰 钱", "思源"], "本报记者 贺兰 钱思源"),  # a letter left over starts one
        (["本报记者 贺兰 钱", "思源"], "本报记者 贺兰 钱思源"),
        (["本报记者 贺 兰", "钱思源"], "本报记者 贺兰 钱思源"),  # whole names stay apart
        (["本报记者 贺 兰", "钱 源"], "本报记者 贺兰 钱源"),
    ],
)
def test_a_byline_wrapped_after_letter_spaced_names(byline_lines: list[str], byline: str) -> None:
    page = ["城南小学新建塑胶操场启用", *byline_lines, *_COLUMN_PAGE[8:]]
    articles = split_articles(reflow("\n".join(page * 2)).paragraphs, hard_wrapped=True)
    assert [a.byline for a in articles] == [byline, byline]


def test_a_running_head_with_the_papers_name_is_dropped_after_a_form_feed() -> None:
    page = ["柳江晚报 2026年3月2日 星期一 县域经济", *_COLUMN_PAGE[7:]]
    layout = reflow("\n".join(page) + "\n\f" + "\n".join(page))
    assert not any("星期一" in paragraph for paragraph in layout.paragraphs)
    articles = split_articles(layout.paragraphs, hard_wrapped=True)
    assert [a.title for a in articles] == ["城南小学新建塑胶操场启用"] * 2


def test_a_running_head_is_dropped_not_glued_to_the_first_headline() -> None:
    page = ["2026年3月2日  星期一            县域经济", *_COLUMN_PAGE[7:]]
    layout = reflow("\n".join(page * 2))
    assert not any("星期一" in paragraph for paragraph in layout.paragraphs)
    articles = split_articles(layout.paragraphs, hard_wrapped=True)
    assert [a.title for a in articles] == ["城南小学新建塑胶操场启用"] * 2


def test_a_photo_credit_ends_its_caption_and_stays_out_of_the_next_headline() -> None:
    page = [
        "  本报讯 县里近日举办了",
        "第三届农民运动会，来自各乡",
        "镇的八百多名选手参加比赛。",
        "图为拔河比赛现场。",
        "本报记者  孙 岩摄",
        *_COLUMN_PAGE[7:],
    ]
    layout = reflow("\n".join(page))
    assert "本报记者  孙 岩摄" in layout.paragraphs
    articles = split_articles(layout.paragraphs, hard_wrapped=True)
    assert [a.title for a in articles][1] == "城南小学新建塑胶操场启用"
    assert articles[0].paragraphs[-1] == "本报记者孙岩摄"
    assert articles[0].byline == ""


def test_layout_spaces_go_latin_spaces_stay() -> None:
    assert remove_layout_spaces("讲 述 共 产 党 从 创 立") == "讲述共产党从创立"
    assert remove_layout_spaces("法 落 套 、本 领 技 术 恐 慌 等") == "法落套、本领技术恐慌等"
    assert remove_layout_spaces("2021 年 4 月 26 日") == "2021年4月26日"
    assert remove_layout_spaces("他说 Hello world 很好") == "他说 Hello world 很好"


def test_wrapped_latin_words_keep_a_space() -> None:
    text = "这是一个关于\nPython programming\nlanguage 的介绍文章，内容\n很长很长很长。\n"
    layout = reflow(text * 3)
    assert "Python programming language" in layout.paragraphs[0]


def test_prose_one_paragraph_per_line_is_kept_exactly() -> None:
    lines = [
        "　　他说：“我明天去银行。”",
        "    她点点头，没有说话。",
        "",
        "这是第三段，里面有 空格 和 Latin words。",
    ]
    layout = reflow("\n".join(lines))
    assert not layout.hard_wrapped
    assert layout.paragraphs == [line.strip(" \u3000") for line in lines if line]
    articles = split_articles(layout.paragraphs, hard_wrapped=False)
    assert len(articles) == 1
    assert articles[0].paragraphs == layout.paragraphs


def test_text_without_markers_is_one_article_titled_by_its_headline() -> None:
    paragraphs = ["春天来了", "公园里的花都开了，人们纷纷出门踏青。", "孩子们在草地上奔跑。"]
    [article] = split_articles(paragraphs)
    assert article.title == "春天来了"
    assert article.paragraphs == paragraphs[1:]


def test_leads_start_articles_and_headlines_go_with_the_next_article() -> None:
    paragraphs = [
        "第一篇的标题",
        "本报3月5日电 第一篇正文。（记者 王小明）",
        "第二篇的标题",
        "新华社北京3月6日电（记者 李华）第二篇正文，没有结尾署名。",
    ]
    first, second = split_articles(paragraphs)
    assert (first.title, first.byline) == ("第一篇的标题", "记者 王小明")
    assert (second.title, second.byline) == ("第二篇的标题", "记者 李华")
    assert second.text.startswith("新华社北京3月6日电")


def test_parenthesised_words_inside_sentences_are_not_bylines() -> None:
    [article] = split_articles(["学校（园）长培训开始了。", "活动场所（全民健身中心、档案馆）"])
    assert article.byline == ""


def test_derived_title_comes_from_the_first_sentence_without_the_lead() -> None:
    assert derive_title("本报讯 芳菲四月，生机盎然。后文") == "芳菲四月，生机盎然"
    long_title = derive_title("今年来兴县县委县政府紧紧抓住省委加快开发区建设的重大机遇。")
    assert long_title.endswith("…") and len(long_title) <= 21


@needs_shared
def test_novel_is_split_into_its_80_chapters_with_no_carriage_returns() -> None:
    raw = NOVEL.read_bytes().decode("utf-8")
    layout = reflow(raw.replace("\r\n", "\n"))
    assert not layout.hard_wrapped
    chapters = split_articles(layout.paragraphs, hard_wrapped=layout.hard_wrapped)
    assert len(chapters) == 80
    assert chapters[0].title.startswith("第一回")
    assert chapters[-1].title.startswith("第八十回")
    # Characters are kept exactly: every non-blank line, de-indented, is a paragraph.
    lines = [ln.strip(" \t\u3000") for ln in raw.split("\r\n")]
    body = [ln for ln in lines if ln and not (len(ln) < 50 and re.match(r"^第.{1,4}回(\s|$)", ln))]
    assert [p for c in chapters for p in c.paragraphs] == body


@pytest.mark.parametrize("heading", ["第一章 出发", "第十二章"])
def test_chapter_headings_split_a_novel(heading: str) -> None:
    paragraphs = ["序言。", heading, "正文一。", "第十三章 归来", "正文二。"]
    articles = split_articles(paragraphs)
    assert [a.title for a in articles][1:] == [heading, "第十三章 归来"]
    assert articles[0].paragraphs == ["序言。"]


def long_prose(chars: int) -> list[str]:
    """Paragraphs of plain prose (no chapters, no bylines) adding up to about `chars`."""
    paragraphs = []
    total = 0
    while total < chars:
        paragraph = f"这是第{len(paragraphs)}段很长的文字，没有章节也没有署名。" * 40
        paragraphs.append(paragraph)
        total += len(paragraph)
    return paragraphs


@pytest.mark.parametrize("chapters", [False, True])
def test_an_overlong_article_is_cut_between_paragraphs_into_numbered_parts(
    chapters: bool,
) -> None:
    from reader.text.split import MAX_ARTICLE_CHARS

    body = long_prose(int(MAX_ARTICLE_CHARS * 2.5))
    paragraphs = (["第一章 长河", *body, "第二章 短章", "短短的一段。"]) if chapters else body
    articles = split_articles(paragraphs)
    long_parts = articles[:3]
    assert [a.part for a in long_parts] == [1, 2, 3]
    base = "第一章 长河" if chapters else long_parts[0].title
    assert [a.title for a in long_parts[1:]] == [f"{base} (2)", f"{base} (3)"]
    # Every paragraph is kept, in order, each in exactly one part; no part is much longer
    # than the limit (a part ends after the paragraph that reaches it).
    assert [p for a in long_parts for p in a.paragraphs] == body
    longest_paragraph = max(len(p) for p in body)
    assert all(len(a.text) <= MAX_ARTICLE_CHARS + longest_paragraph for a in long_parts)
    assert [a.end_paragraph for a in long_parts[:-1]] == [a.first_paragraph for a in long_parts[1:]]
    if chapters:
        assert articles[3].title == "第二章 短章" and articles[3].part == 1
    else:
        assert len(articles) == 3


def test_a_single_paragraph_longer_than_the_limit_is_not_cut() -> None:
    from reader.text.split import MAX_ARTICLE_CHARS

    paragraph = "一句话接着一句话，" * (MAX_ARTICLE_CHARS // 9 + 10) + "完。"
    [article] = split_articles([paragraph])
    assert article.text == paragraph
