"""Word segmentation with jieba, run at import time only.

jieba's first load costs about a second, so it is imported here lazily and never on the
start-up or reading path: tokens are computed once and stored as end offsets.
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections.abc import Callable
from itertools import accumulate, islice
from typing import Any

_tokenizer: Any = None
_tokenizer_lock = threading.Lock()

# Report progress at most this often (in characters), so tiny paragraphs cost nothing.
_PROGRESS_STEP = 20000


def _jieba() -> Any:
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _tokenizer = jieba.dt
    return _tokenizer


def segment_ends(
    text: str, progress: Callable[[int], None] | None = None, tokenizer: Any = None
) -> array[int]:
    """End offsets (code points) of consecutive tokens covering `text` exactly.

    A line break is a token of its own. `progress(chars_done)` is called now and then;
    it may raise to cancel. `tokenizer`: a jieba tokenizer to cut with (default: jieba's,
    fully loaded; `reader.text.pinyin_lexicon.segmenter` gives one that cuts the same
    without loading it all).
    """
    tokenizer = tokenizer if tokenizer is not None else _jieba()
    # 4 bytes a token, not the ~36 of a list of ints: a long novel has millions of tokens.
    ends: array[int] = array("I")
    position = 0
    reported = 0
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            position += 1
            ends.append(position)
        # Summed and stored in C (accumulate, array.extend): a novel has half a million words.
        ends.extend(
            islice(accumulate(map(len, tokenizer.cut(line, HMM=True)), initial=position), 1, None)
        )
        position = ends[-1] if ends else 0
        if progress is not None and position - reported >= _PROGRESS_STEP:
            reported = position
            progress(position)
    assert position == len(text)
    return ends


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) spans; a convenience for callers that have no stored tokens."""
    spans = []
    start = 0
    for end in segment_ends(text):
        spans.append((start, end, text[start:end]))
        start = end
    return spans
