"""yuedu pinyin: contextual pinyin of any text, one JSON object a line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import (
    EXIT_OK,
    CommandError,
)


def pinyin_resolver(err: TextIO):  # type: ignore[no-untyped-def]
    """One resolver for the whole run, with the CC-CEDICT layer (built on first use)."""
    from reader.text.dictionary import Dictionary, DictionaryNotBuilt, ensure_dictionary
    from reader.text.pinyin import PinyinResolver

    try:
        dictionary = Dictionary.open()
    except DictionaryNotBuilt:
        err.write("yuedu: building the dictionary from CC-CEDICT (first use only)…\n")
        err.flush()
        try:
            dictionary = ensure_dictionary()
        except (OSError, DictionaryNotBuilt) as error:
            err.write(f"yuedu: warning: pinyin without the dictionary: {error}\n")
            dictionary = None
    from reader.text.pinyin_lexicon import default_lexicon_path

    if not default_lexicon_path().is_file():
        err.write("yuedu: preparing the pinyin word tables (first use only)…\n")
        err.flush()
    resolver = PinyinResolver(dictionary, use_dictionary=dictionary is not None)
    resolver.warm_up()
    return resolver


def pinyin_json(
    resolver: Any,
    text: str,
    style: str = "marks",
    words: Mapping[str, tuple[str | None, ...]] | None = None,
) -> dict[str, Any]:
    """`{"text", "tokens": [{"word", "start", "end", "pinyin"}]}` with code-point offsets and
    one syllable (or None for a non-Han character) per character of each word; a word the
    reader gave a reading of (`words`, `yuedu readings set`) is read so."""
    words = words or {}
    from reader.text.pinyin_syllables import to_tone_marks

    def show(syllable: str | None) -> str | None:
        if syllable is None or style == "numbers":
            return syllable
        return to_tone_marks(syllable)

    return {
        "text": text,
        "tokens": [
            {
                "word": word,
                "start": start,
                "end": end,
                "pinyin": [show(s) for s in words.get(word, readings)],
            }
            for start, end, word, readings in resolver.resolve_text(text)
        ],
    }


def _input_lines(source: TextIO) -> Iterator[str]:
    """Lines without their line ends; a real standard input is read as strict UTF-8 whatever
    the locale says."""
    raw = getattr(source, "buffer", None)
    if raw is None:
        for line in source:
            yield line.rstrip("\r\n")
        return
    for number, data in enumerate(raw):
        line = data.decode("utf-8")
        if number == 0:
            line = line.removeprefix("\ufeff")
        yield line.rstrip("\r\n")


def cmd_pinyin(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    if args.texts:
        texts: Iterator[str] = iter(args.texts)
    else:
        texts = _input_lines(getattr(args, "input", None) or sys.stdin)
    from reader.cli.readings_commands import stored_word_readings

    resolver = None
    words = stored_word_readings(library_path)
    try:
        for text in texts:
            if resolver is None:
                resolver = pinyin_resolver(err)
            answer = pinyin_json(resolver, text, args.style, words)
            out.write(json.dumps(answer, ensure_ascii=False))
            out.write("\n")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"standard input is not UTF-8 text ({error.reason}); convert it first, e.g. "
            "iconv -f GB18030 -t UTF-8 FILE | yuedu pinyin (Big5: -f BIG5)"
        ) from error
    return EXIT_OK
