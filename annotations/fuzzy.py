"""Approximate string matching for re-anchoring: Levenshtein distance, similarity, and a
search for the substrings of a text within k edits of a pattern. Pure functions.

The edit distances are computed column by column with Myers' bit-parallel algorithm (1999), in
Hyyrö's formulation, Python ints serving as bit vectors of any length.
"""

from __future__ import annotations

import itertools


def _edit_distance_columns(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """For each prefix text[:j+1], the edit distance between `pattern` and the best
    substring of `text` ending at j (anchored=False: a search), or text[:j+1] itself
    (anchored=True)."""
    m = len(pattern)
    if m == 0:
        return [j + 1 if anchored else 0 for j in range(len(text))]
    equal_masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        equal_masks[char] = equal_masks.get(char, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    carry = 1 if anchored else 0  # row 0 costs one per text char only when anchored
    plus_v, minus_v, score = mask, 0, m
    scores: list[int] = []
    append = scores.append
    for char in text:
        eq = equal_masks.get(char, 0)
        x_v = eq | minus_v
        x_h = ((((eq & plus_v) + plus_v) & mask) ^ plus_v) | eq
        plus_h = minus_v | (~(x_h | plus_v) & mask)
        minus_h = plus_v & x_h
        if plus_h & high:
            score += 1
        elif minus_h & high:
            score -= 1
        plus_h = ((plus_h << 1) | carry) & mask
        minus_h = (minus_h << 1) & mask
        plus_v = minus_h | (~(x_v | plus_h) & mask)
        minus_v = plus_h & x_v
        append(score)
    return scores


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of code points)."""
    if not first or not second:
        return len(first) + len(second)
    return _edit_distance_columns(first, second, anchored=True)[-1]


def similarity(expected: str, actual: str) -> float:
    """1.0 for equal strings, falling with each edit; 1.0 when nothing was expected."""
    if not expected:
        return 1.0
    return max(0.0, 1.0 - edit_distance(expected, actual) / len(expected))


def approximate_matches(pattern: str, text: str, max_errors: int) -> list[tuple[int, int, int]]:
    """(start, end, errors) of the substrings of `text` within `max_errors` edits of
    `pattern`, one per local minimum of the error count, in text order.

    Only the neighbourhoods of exact hits of pattern pieces are scanned: split into
    max_errors + 1 pieces, a pattern matched with at most max_errors edits keeps one piece
    intact (pigeonhole), and `str.find` finds those in C. A chapter-long search then costs
    little more than the few places where the passage might be."""
    m = len(pattern)
    if m == 0 or not text:
        return []
    matches: list[tuple[int, int, int]] = []
    for low, high in _piece_windows(pattern, text, max_errors):
        matches.extend(
            (low + start, low + end, errors)
            for start, end, errors in _scan_matches(pattern, text[low:high], max_errors)
        )
    return matches


def _piece_windows(pattern: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    m = len(pattern)
    pieces = min(max_errors + 1, m)
    bounds = [m * i // pieces for i in range(pieces + 1)]
    reach = m + max_errors
    windows: list[tuple[int, int]] = []
    for low_bound, high_bound in itertools.pairwise(bounds):
        piece = pattern[low_bound:high_bound]
        found = text.find(piece)
        while found >= 0:
            windows.append((max(0, found - reach), min(len(text), found + len(piece) + reach)))
            found = text.find(piece, found + 1)
    windows.sort()
    merged: list[tuple[int, int]] = []
    for low, high in windows:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _scan_matches(pattern: str, text: str, max_errors: int) -> list[tuple[int, int, int]]:
    m = len(pattern)
    scores = _edit_distance_columns(pattern, text, anchored=False)
    reversed_pattern = pattern[::-1]
    matches: list[tuple[int, int, int]] = []
    last = len(scores) - 1
    for j, errors in enumerate(scores):
        if errors > max_errors:
            continue
        if j < last and scores[j + 1] <= errors:
            continue  # it gets better (or no worse) one step on
        if j > 0 and scores[j - 1] < errors:
            continue
        end = j + 1
        # The start: the length L for which text[end-L:end] is closest to the pattern,
        # found by running the reversed pattern backwards from the end, anchored there.
        window_start = max(0, end - m - max_errors)
        backwards = _edit_distance_columns(
            reversed_pattern, text[window_start:end][::-1], anchored=True
        )
        best_length = min(
            range(1, len(backwards) + 1),
            key=lambda length: (backwards[length - 1], abs(length - m)),
        )
        matches.append((end - best_length, end, backwards[best_length - 1]))
    return matches
