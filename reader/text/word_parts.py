"""A word the dictionary lacks, explained by the dictionary words it is made of. Qt-free.

银行行长 is not in CC-CEDICT, but 银行 "bank" and 行长 "bank president" are: the reader
learns more from them than from 银, 行, 行 and 长 one by one. So the word is cut into the
fewest dictionary words; single characters stand only where no longer word covers them.
Among cuts with as many parts, the one whose parts are longest earliest wins (本报讯 →
本报 + 讯 rather than 本 + 报讯), as a reader reads from the left.
"""

from __future__ import annotations

from collections.abc import Callable

#: Longest part looked up; CC-CEDICT's longest headwords are idioms and names of about a
#: dozen characters, and a token is rarely longer.
MAX_PART_CHARS = 12


def dictionary_parts(word: str, is_word: Callable[[str], bool]) -> list[str]:
    """`word` cut into the fewest parts for which `is_word` holds, longer parts first on a tie;
    a character no dictionary word covers is a part of its own. The whole word is never
    one of the parts unless it is a single character (the caller asks only about words the
    dictionary lacks): "银行行长" → ["银行", "行长"]."""
    length = len(word)
    if length <= 1:
        return [word] if word else []
    # best[i]: the best cut of word[i:], as (number of parts, negated part lengths, parts);
    # filled from the end, so every suffix's best cut is known when a longer one needs it.
    best: list[tuple[int, tuple[int, ...], tuple[str, ...]]] = [(0, (), ())] * (length + 1)
    for start in range(length - 1, -1, -1):
        candidates = []
        longest = min(length - start, MAX_PART_CHARS, length - 1)
        for size in range(longest, 0, -1):
            part = word[start : start + size]
            if size > 1 and not is_word(part):
                continue
            count, sizes, parts = best[start + size]
            candidates.append((count + 1, (-size, *sizes), (part, *parts)))
        best[start] = min(candidates)
    return list(best[0][2])
