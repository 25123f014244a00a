"""An article's title: its headline lines cleaned and joined, or one cut from its first
sentence; and the removal of a PDF's layout spaces, which titles and bodies share."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.text.chars import is_cjk
from reader.text.markers import lead_end

_SENTENCE = re.compile(r"^.*?[。！？．!?](?:[”’」』])?")
_CLAUSE_BREAK = "，、；：,;:"
_TITLE_MAX_CHARS = 20
_SPACES = " \t\u00a0"
# A headline line this long that goes on in the next line was wrapped, not stacked.
_WRAPPED_HEADLINE_MIN_CHARS = 6
_OPENS_A_HEADLINE_PART = "（(【〔“—-"
_CLOSES_A_HEADLINE_PART = "）)】〕”"


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def remove_layout_spaces(text: str) -> str:
    """Drop the spaces a PDF's justification put into Chinese text: between two CJK
    characters (`讲 述 共 产 党` → `讲述共产党`) and between CJK and digits (`2021 年`).
    Spaces between Latin words stay."""
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        ch = text[index]
        if ch in _SPACES:
            run_end = index
            while run_end < length and text[run_end] in _SPACES:
                run_end += 1
            before = out[-1] if out else ""
            after = text[run_end] if run_end < length else ""
            if (
                before
                and after
                and (
                    (is_cjk(before) and (is_cjk(after) or _is_digit(after)))
                    or (_is_digit(before) and is_cjk(after))
                )
            ):
                index = run_end
                continue
            if before and after:
                out.append(" ")
            index = run_end
            continue
        out.append(ch)
        index += 1
    return "".join(out)


def clean_title(title: str) -> str:
    """Headlines keep the space between their parts (`…战略 建设…`) but lose letter-spacing
    (`兴 县 实 施` → `兴县实施`)."""
    title = re.sub(r"[\s\u3000]+", " ", title).strip()
    parts = title.split(" ")
    if len(parts) >= 3 and sum(1 for part in parts if len(part) == 1) >= len(parts) * 0.6:
        return remove_layout_spaces(title)
    return title


def join_headlines(lines: Sequence[str], hard_wrapped: bool) -> str:
    """One title from a headline block's lines. Stacked lines (a kicker, the headline, a
    subtitle) are joined with a space; in a hard-wrapped text, a line that is not short and
    the next, neither set off by brackets or a dash, are one headline wrapped."""
    parts: list[str] = []
    for line in (clean_title(line) for line in lines):
        if not line:
            continue
        previous = parts[-1] if parts else ""
        wrapped = (
            hard_wrapped
            and len(previous) >= _WRAPPED_HEADLINE_MIN_CHARS
            and previous[-1] not in _CLOSES_A_HEADLINE_PART
            and line[0] not in _OPENS_A_HEADLINE_PART
        )
        if wrapped:
            parts[-1] = previous + line
        else:
            parts.append(line)
    return " ".join(parts)


def derive_title(text: str, word_ends: Sequence[int] | None = None) -> str:
    """A short title from an article's first sentence, without its lead. When `word_ends`
    (token end offsets into `text`) is given, a cut falls between words."""
    first = text.split("\n", 1)[0]
    offset = lead_end(first)
    while offset < len(first) and (first[offset] in _SPACES + "\u3000" or first[offset] in "，：:"):
        offset += 1
    rest = first[offset:]
    sentence_match = _SENTENCE.match(rest)
    sentence = sentence_match.group(0) if sentence_match else rest
    sentence = sentence.rstrip("。！？．!?”’」』")
    if len(sentence) <= _TITLE_MAX_CHARS:
        return sentence.strip()
    # Prefer the longest run of whole clauses that fits.
    cut = max(
        (i for i, ch in enumerate(sentence[: _TITLE_MAX_CHARS + 1]) if ch in _CLAUSE_BREAK),
        default=-1,
    )
    if cut >= 8:
        return sentence[:cut].strip()
    cut = _TITLE_MAX_CHARS
    if word_ends is not None:
        boundaries = [end - offset for end in word_ends if 0 < end - offset <= _TITLE_MAX_CHARS]
        if boundaries and boundaries[-1] >= _TITLE_MAX_CHARS // 2:
            cut = boundaries[-1]
    return sentence[:cut].strip() + "…"
