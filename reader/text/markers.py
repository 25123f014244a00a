"""The lines a news page marks its articles with, recognised from a few small tables.

A newspaper article is framed by lines that are not its text: a headline (a short line that
is not a sentence), a byline line (`本报记者 王小明`), a source or metadata line
(`《人民日报》（2025年10月20日 第 02 版）`, `作者：周之然  时间：2012-01-04`), a lead that
opens the first paragraph (`本报讯`, `新华社北京3月5日电（记者 李华）`), and an end mark
(`（张明提 梁桂连）`, `（本报平壤12月28日电）`, `（完）`, `（责任编辑：王芳）`). The reflow
(line joining) and the split both ask these questions; the answers come from the tables
below, never from one page's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_SPACE = "[ \t\u00a0\u3000]"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９：－／", "0123456789:-/")

# Who dates a dispatch (`本报北京3月5日电`, `据新华社…电`).
AGENCIES = (
    "本报",
    "人民日报",
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "央广网",
    "光明网",
)
# The roles a byline names people by; `本报驻朝鲜记者`, `新华社记者` are made from them.
ROLES = (
    "记者",
    "通讯员",
    "评论员",
    "实习生",
    "特约撰稿人",
    "撰稿",
    "摄影",
    "文/图",
    "图/文",
    "文",
    "图",
)
_ROLE_PREFIXES = "特约|见习|首席|实习"
# The words that end a picture's credit (`新华社记者 方喆 摄`, `张华 供图`).
CREDIT_WORDS = ("摄", "摄影", "供图", "制图")
# Labels of a web page's metadata line, and those of a trailer that ends an article.
META_LABELS = ("作者", "来源", "稿源", "时间", "发布时间", "发表时间", "日期", "发布日期")
TRAILER_LABELS = ("责任编辑", "责编", "编辑", "来源", "稿源", "校对")
# Words that close an end note (`（作者为…，本报记者…采访整理）`).
NOTE_ENDINGS = ("整理", "采写", "供稿", "报道", "撰稿", "撰文")

_AGENCY = "(?:" + "|".join(AGENCIES) + ")"
_NUMBER = "[0-9０-９一二三四五六七八九十〇]"
_DATE = (
    rf"(?:{_NUMBER}{{2,4}}{_SPACE}*年{_SPACE}*)?(?:{_NUMBER}{{1,3}}{_SPACE}*月{_SPACE}*)?"
    rf"{_NUMBER}{{1,3}}{_SPACE}*日"
)
# `本报讯`, `楚天都市报讯 `, `本报北京 3 月 5 日电`, `新华社电`, `据新华社平壤1月2日电`.
_LEAD_CORE = (
    rf"(?:本报讯|[{_HAN}]{{1,8}}?(?:报|网|台)讯(?=$|[\s（(【：:])"
    rf"|据?{_AGENCY}(?:驻[{_HAN}]{{1,8}})?[{_HAN}]{{0,8}}?{_SPACE}*{_DATE}{_SPACE}*电"
    rf"|据?{_AGENCY}(?![{_HAN}]{{0,6}}记者)[{_HAN}]{{0,6}}电(?=$|[\s（(【：:，]))"
)
_LEAD = re.compile(rf"^[【\[]?{_LEAD_CORE}[】\]]?")
# A byline right after the lead, as in 新华社北京3月5日电（记者 张三）.
_LEAD_BYLINE = re.compile(_LEAD.pattern + r"\s*[（(]\s*([^（）()]{2,30}?)\s*[）)]")

_OWN_ROLE = rf"(?:本报|{_AGENCY})(?:驻[{_HAN}]{{1,8}})?(?:{_ROLE_PREFIXES})?(?:记者|通讯员|评论员)"
_ROLE = (
    rf"(?:{_OWN_ROLE}"
    rf"|(?:{_ROLE_PREFIXES})?(?:" + "|".join(re.escape(role) for role in ROLES) + "))"
)
_BYLINE_MARKS = "□■●◎▲△◆◇"
# The characters a byline line can start with: a cheap test before the patterns.
_BYLINE_INITIALS = frozenset(
    _BYLINE_MARKS + "".join(word[0] for word in (*AGENCIES, *ROLES, *_ROLE_PREFIXES.split("|")))
)
_STRONG_ROLE = re.compile(rf"^{_OWN_ROLE}")
# A byline of a role alone: the paper's own commentator writes as the paper.
_ROLE_ALONE_BYLINE = re.compile(rf"^(?:本报|{_AGENCY})(?:特约)?评论员$")
_ROLE_AT_START = re.compile(rf"^{_ROLE}[/／：:]?")
# A name, or one set in spaced-out letters (`田 野`, `韩 冬`): a one-character given name
# is not written, so two to four letters a space apart are one name.
_NAME = rf"(?:[{_HAN}·]{{2,4}}|[{_HAN}](?:[ \u3000]+[{_HAN}]){{1,3}})"
# A name in a byline line: one to four characters (a one-character token is a spaced-out
# or wrapped name), or a transcribed foreign name with its middle dot.
_NAME_TOKEN = re.compile(rf"[{_HAN}]{{1,4}}|[{_HAN}]{{1,8}}(?:·[{_HAN}]{{1,8}})+")
_NAMES = rf"(?:{_ROLE}[/／：:]?\s*)?{_NAME}(?:[\s\u3000、]+(?:{_ROLE}[/／：:]?\s*)?{_NAME}){{0,7}}"
# Before an end mark: a sentence end, a space or the start, so that `中小学校（园）` or an
# aside in parentheses is not taken for one.
_AFTER_SENTENCE = r"(?:^|(?<=[。！？；…”’」』.!?\s]))"
_END_BYLINE = re.compile(rf"{_AFTER_SENTENCE}[（(]\s*({_NAMES})\s*[）)]\s*$")
_END_DATELINE = re.compile(rf"{_AFTER_SENTENCE}[（(]\s*{_LEAD_CORE}\s*[）)]\s*$")
_END_NOTE = re.compile(
    rf"{_AFTER_SENTENCE}[（(][^（）()]{{2,80}}(?:{'|'.join(NOTE_ENDINGS)})[）)]\s*$"
    rf"|^[（(](?:本文)?作者[^（）()]{{1,80}}[）)]$"
    rf"|{_AFTER_SENTENCE}[（(]完[）)]\s*$"
)
_TRAILER = re.compile(
    rf"^[（(【\[]?(?:{'|'.join(TRAILER_LABELS)})\s*[：:/／][^（）()【】]{{1,30}}[）)】\]]?$"
)
_WEAK_SOURCE = re.compile(r"^(?:来源|稿源)\s*[：:]\s*\S[^。！？，]{0,30}$")
_PAPER_SOURCE = re.compile(r"^《[^》]{2,16}》\s*[（(][^（）()]*\d[^（）()]*[）)]$")
_META_FIELD = re.compile("(" + "|".join(sorted(META_LABELS, key=len, reverse=True)) + r")\s*[：:]")
_CALENDAR = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_CALENDAR_DATE = re.compile(_CALENDAR)
_STAMP_LINE = re.compile(rf"^{_CALENDAR}\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s|$)")
_DATE_FIELD_LINE = re.compile(
    rf"^(?:发布|发表)?(?:时间|日期)\s*[：:]\s*{_CALENDAR}(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"
)
# A photo credit under a picture (`新华社记者 方喆 摄`, `张三 供图`): text, not a headline.
_CREDIT = re.compile(rf"(?:\s|^{_ROLE}[{_HAN}·\s]{{1,12}}?)(?:摄|摄影|供图|制图|绘)$|^图[为片]")
_SENTENCE_MARKS = "。！？!?"
_HEADLINE_MAX_CHARS = 40
_TITLE_LINE_OPEN = "（(【〔"
_TITLE_LINE_CLOSE = "）)】〕"


def fold_digits(text: str) -> str:
    """`text` with full-width digits and separators made half-width (for matching only)."""
    return text.translate(_FULLWIDTH_DIGITS)


def clean_spaces(text: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", text).strip()


# -- leads ---------------------------------------------------------------------------------


def is_lead(paragraph: str) -> bool:
    return bool(_LEAD.match(paragraph))


def lead_end(paragraph: str) -> int:
    """Where the paragraph's lead, with the byline in parentheses after it, ends (0: none)."""
    match = _LEAD_BYLINE.match(paragraph) or _LEAD.match(paragraph)
    return match.end() if match else 0


def lead_byline(paragraph: str) -> str:
    """The byline in parentheses right after the lead (`新华社…电（记者 李华）`), or ''."""
    match = _LEAD_BYLINE.match(paragraph)
    return format_byline(match.group(1)) if match else ""


# -- bylines -------------------------------------------------------------------------------


def _merge_spaced_letters(tokens: list[str]) -> list[str]:
    """Join the letters of a spaced-out name (`洪  勇` → `洪勇`): a run of one-character
    tokens is one name, or two names of two when it is four long."""
    merged: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) == 4:
            merged.extend(["".join(run[:2]), "".join(run[2:])])
        elif run:
            merged.append("".join(run))
        run = []
        if token:
            merged.append(token)
    return merged


def _roles_apart(tokens: list[str]) -> list[str]:
    """A role cut from the letter a wrap joined it to (`（记者` / `吴 迪）` → `记者`, `吴`)."""
    apart: list[str] = []
    for token in tokens:
        role = _ROLE_AT_START.match(token) if len(token) > 1 else None
        if role is not None and role.end() < len(token):
            apart.extend((token[: role.end()], token[role.end() :]))
        else:
            apart.append(token)
    return apart


def _byline_tokens(text: str) -> list[str] | None:
    """The roles and names of a byline, in order; None when `text` holds anything else."""
    tokens: list[str] = []
    for token in _merge_spaced_letters(_roles_apart(re.split(r"[\s\u3000、，,]+", text.strip()))):
        while token:
            role = _ROLE_AT_START.match(token)
            if role is None:
                break
            tokens.append(role.group(0).rstrip("/／：:"))
            token = token[role.end() :]
        if not token:
            continue
        if token == "报道" and tokens:
            continue
        if not _NAME_TOKEN.fullmatch(token):
            return None
        tokens.append(token)
    return tokens


def format_byline(text: str) -> str:
    """A byline as its roles and names, one space apart (`记者李华` → `记者 李华`,
    `本报记者  洪  勇` → `本报记者 洪勇`); other text only loses its extra spaces."""
    tokens = _byline_tokens(text)
    return " ".join(tokens) if tokens else clean_spaces(text)


def byline_line(paragraph: str) -> str | None:
    """The byline when the whole paragraph is one (`本报记者 王崟欣`, `□记者 张三 通讯员
    李四`, `记者/王芳`), else None. It starts with a role; a bare `记者` must be set off by
    a space or a mark, so that a line like `记者走访了` is not one; a photo credit (`…摄`,
    `…供图`) is not one."""
    text = paragraph.strip()
    if not text or text[0] not in _BYLINE_INITIALS:
        return None
    text = text.lstrip(_BYLINE_MARKS).strip()
    if not text or len(text) > 48 or text.endswith(CREDIT_WORDS) or not _ROLE_AT_START.match(text):
        return None
    if _ROLE_ALONE_BYLINE.match(text):
        return text
    tokens = _byline_tokens(text)
    if not tokens or not any(_is_name(token) for token in tokens):
        return None
    set_off = bool(re.search(r"[\s\u3000/／：:]", text))
    if not (set_off or _STRONG_ROLE.match(text) or sum(1 for t in tokens if not _is_name(t)) >= 2):
        return None
    return " ".join(tokens)


def _is_name(token: str) -> bool:
    return not _ROLE_AT_START.fullmatch(token)


def starts_byline(line: str) -> bool:
    """A line that is a byline, or its start cut by a wrap (`本报记者`, `本报记者 王崟欣 李`)."""
    text = line.strip()
    if not text or text[0] not in _BYLINE_INITIALS:
        return False
    text = text.lstrip(_BYLINE_MARKS).strip()
    return byline_line(text) is not None or bool(_ROLE_AT_START.fullmatch(text))


def is_names(line: str) -> bool:
    """A short line of names only: the rest of a byline cut by a wrap (`晓明 张华`)."""
    tokens = re.split(r"[\s\u3000]+", line.strip())
    return len(line) <= 16 and all(re.fullmatch(rf"[{_HAN}·]{{1,4}}", token) for token in tokens)


def bare_names(line: str) -> str | None:
    """The names of a line that holds only a name or two and no role (`陶多多`,
    `王一帆  李华`), as a byline; None for anything else, a one-word headline included
    (a single token must be two or three characters)."""
    text = line.strip()
    if not is_names(text):
        return None
    tokens = _merge_spaced_letters(re.split(r"[\s\u3000]+", text))
    if len(tokens) == 1 and not 2 <= len(tokens[0]) <= 3:
        return None
    if not all(2 <= len(token) <= 4 for token in tokens):
        return None
    return " ".join(tokens)


def end_byline(paragraph: str) -> tuple[str, str] | None:
    """(paragraph without the byline, byline) when the paragraph ends with one."""
    match = _END_BYLINE.search(paragraph)
    if match is None:
        return None
    return paragraph[: match.start()].rstrip(), format_byline(match.group(1))


# -- source and metadata lines --------------------------------------------------------------


@dataclass(frozen=True)
class MetaLine:
    """A line that says where and when an article appeared, and maybe who wrote it."""

    author: str


def meta_line(paragraph: str) -> MetaLine | None:
    """A source line (`《人民日报》（2025年10月20日 第 02 版）`) or a web page's metadata
    line (`作者：周之然  时间：2012-01-04`, `2024-03-05 09:12　来源：中国新闻网`)."""
    text = paragraph.strip()
    if not text or len(text) > 100 or not ("：" in text or ":" in text or "》" in text):
        return None
    text = fold_digits(text)
    if any(mark in text for mark in "。！？"):
        return None
    if _PAPER_SOURCE.match(text):
        return MetaLine("")
    fields = list(_META_FIELD.finditer(text))
    labels = {field.group(1) for field in fields}
    starts_with_field = bool(fields) and fields[0].start() == 0
    dated = bool(_CALENDAR_DATE.search(text))
    # `时间：…` alone is metadata only when it holds nothing but a date: a notice's
    # `时间：3月5日上午 地点：…` is text.
    if not (
        _STAMP_LINE.match(text)
        or _DATE_FIELD_LINE.match(text)
        or (starts_with_field and "作者" in labels)
        or (starts_with_field and labels & {"来源", "稿源"} and (dated or len(labels) >= 2))
    ):
        return None
    author = ""
    for index, field in enumerate(fields):
        if field.group(1) == "作者":
            end = fields[index + 1].start() if index + 1 < len(fields) else len(text)
            value = paragraph.strip()[field.end() : end].strip()
            # The name ends at a wide space or a date: `作者：李明　2024年04月23日`.
            author = format_byline(re.split(r"\u3000|\s{2,}|\d{4}\s*[-/.年]", value)[0])
    return MetaLine(author)


def is_weak_source(paragraph: str) -> bool:
    """`来源：新华社` alone: metadata under a headline, a trailer after the text."""
    return bool(_WEAK_SOURCE.match(paragraph.strip()))


# -- ends ----------------------------------------------------------------------------------


def _end_mark_start(paragraph: str) -> int | None:
    """Where the end mark that closes the paragraph starts, or None without one."""
    text = paragraph.strip()
    if _TRAILER.match(text) or _WEAK_SOURCE.match(text):
        return 0
    if not text or text[-1] not in "）)":
        return None
    folded = fold_digits(text)
    for pattern in (_END_BYLINE, _END_DATELINE, _END_NOTE):
        match = pattern.search(folded)
        if match:
            return match.start()
    return None


def ends_article(paragraph: str) -> bool:
    """Whether the paragraph closes its article: an end byline, an end dateline
    (`（本报平壤12月28日电）`), an end note (`（作者为…采访整理）`), `（完）`, or a trailer
    (`（责任编辑：王芳）`, `来源：新华社`)."""
    return _end_mark_start(paragraph) is not None


def is_end_mark(paragraph: str) -> bool:
    """An end mark standing alone (`（完）`, `（责任编辑：王芳）`, `（张明提）`): after an
    article that has already ended it still belongs to that article."""
    return _end_mark_start(paragraph) == 0


# -- headlines ------------------------------------------------------------------------------


def is_headline(paragraph: str) -> bool:
    """A short line that is not a sentence: no sentence punctuation in it or at its end,
    and not a lead, a byline or a source line."""
    stripped = paragraph.strip()
    if not stripped or len(stripped) > _HEADLINE_MAX_CHARS or is_lead(stripped):
        return False
    if stripped[-1] in "。！？．!?，、；：,;:…）)":
        return False
    if stripped[-1] in "”’" and stripped.count("“") + stripped.count("‘") < 1:
        return False  # the end of a quotation, not a headline that ends with a quoted word
    if any(mark in stripped for mark in _SENTENCE_MARKS) or _CREDIT.search(stripped):
        return False
    if _TRAILER.match(stripped) or _WEAK_SOURCE.match(stripped):
        return False
    return byline_line(stripped) is None and meta_line(stripped) is None


def is_title_line(paragraph: str, after_headline: bool = False) -> bool:
    """A line a headline block may hold: a headline, or a kicker in brackets
    (`（“十四五”的发展镜头）`). Right after a headline line (`after_headline`) a kicker
    may look like an end byline (`（新时代 新征程）`); elsewhere such a line is one."""
    stripped = paragraph.strip()
    if is_headline(stripped):
        return True
    return (
        4 <= len(stripped) <= 30
        and stripped[0] in _TITLE_LINE_OPEN
        and stripped[-1] in _TITLE_LINE_CLOSE
        and not any(mark in stripped for mark in _SENTENCE_MARKS + "，")
        and (after_headline or not ends_article(stripped))
    )
