"""Folding simplified and traditional characters to one script, for searching in either.

A search that matches both scripts compares the query and the text folded to simplified
characters, character by character (OpenCC's t2s character table, taking its first
choice): 發 and 髮 both fold to 发, 幹 and 乾 to 干, 後 to 后. Folding one character at a
time keeps every string's length, so an offset into the folded text is the same offset
into the stored text. Folding both sides with the same table makes the one-to-many
simplified characters work from either side: 干部 finds 幹部, 頭髮 finds 头发; it also makes
干 find 乾 — the price of matching either script, which is what the reader asked for.

The table is built once per process from OpenCC (about 40 ms), only when first needed:
never at start-up.
"""

from __future__ import annotations

from functools import cache
from itertools import product

# The ranges of Han characters OpenCC's tables cover: the unified ideographs and their
# extensions A-F, and the compatibility ideographs.
_HAN_RANGES = (
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0x20000, 0x2A6E0),
    (0x2A700, 0x2EBF0),
    (0x30000, 0x3134B),
)
MAX_VARIANT_SPELLINGS = 64  # beyond this a query's spellings are not listed one by one


@cache
def _table() -> dict[str, str]:
    """Traditional (or variant) character → its simplified character, where they differ
    and the simplified form is one character."""
    import opencc  # lazily: its dictionaries load only when a search asks for them

    converter = opencc.OpenCC("t2s")
    chars = [chr(code) for first, last in _HAN_RANGES for code in range(first, last)]
    # One character per line: OpenCC's phrases never span a line, so each is converted
    # on its own, by the character table.
    folded = converter.convert("\n".join(chars)).split("\n")
    if len(folded) != len(chars):  # never seen; then fold nothing rather than misplace
        return {}
    return {char: to for char, to in zip(chars, folded, strict=True) if to != char and len(to) == 1}


@cache
def _translation() -> dict[int, str]:
    return str.maketrans(_table())


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    """Simplified character → every character that folds to it, itself first."""
    found: dict[str, list[str]] = {}
    for char, to in _table().items():
        found.setdefault(to, [to]).append(char)
    return {to: tuple(dict.fromkeys(chars)) for to, chars in found.items()}


def fold_script(text: str) -> str:
    """`text` with every traditional character replaced by its simplified one; the same
    length as `text`, character for character."""
    return text.translate(_translation())


def spellings(folded: str, limit: int = MAX_VARIANT_SPELLINGS) -> list[str] | None:
    """Every string that folds to `folded` (a folded query), or None when there are more
    than `limit` of them."""
    choices = [_spellings().get(char, (char,)) for char in folded]
    count = 1
    for options in choices:
        count *= len(options)
        if count > limit:
            return None
    return ["".join(combination) for combination in product(*choices)]
