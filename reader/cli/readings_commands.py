"""yuedu readings: the reader's readings of whole words (`set`, `unset`, `list`), which the
window, exports and `yuedu pinyin` apply wherever the word occurs."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from reader.cli.common import EXIT_OK, CommandError, open_library, print_json

Syllables = tuple[str | None, ...]


def cmd_readings(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.library.word_readings import (
        WordReadingRefused,
        set_word_reading,
        unset_word_reading,
        word_readings,
    )

    writes = args.readings_action in ("set", "unset")
    with open_library(library_path, create=writes) as library:
        if args.readings_action == "set":
            try:
                reading = set_word_reading(library, args.word, typed_syllables(args))
            except WordReadingRefused as error:
                raise CommandError(str(error)) from None
            out.write(f"{args.word}: {' '.join(s or '-' for s in reading)} everywhere\n")
        elif args.readings_action == "unset":
            if not unset_word_reading(library, args.word):
                raise CommandError(f"There is no reading of “{args.word}” to remove.")
            out.write(f"{args.word}: the automatic reading again\n")
        else:
            readings = word_readings(library)
            if args.json:
                print_json(
                    [{"word": word, "pinyin": list(pinyin)} for word, pinyin in readings.items()],
                    out,
                )
            else:
                for word, pinyin in readings.items():
                    out.write(f"{word}\t{' '.join(s or '-' for s in pinyin)}\n")
                if not readings:  # on stderr: stdout stays the list
                    err.write(
                        'No readings of words yet (yuedu readings set 行长 "hang2 zhang3").\n'
                    )
    return EXIT_OK


def typed_syllables(args: argparse.Namespace) -> list[str]:
    """The syllables of `readings set WORD PINYIN`: as spaced, or, when they run together
    (hang2zhang3, hángzhǎng, xi'an), cut as the search box cuts pinyin, if that gives one
    syllable a character in one way only."""
    spaced = args.pinyin.split()
    if len(spaced) == len(args.word) or len(spaced) != 1:
        return spaced
    from reader.search.pinyin_query import parse_pinyin

    typed, word, erhua = spaced[0], args.word, []
    if word.endswith("儿") and len(word) > 1 and typed.rstrip("05").endswith("r"):
        # 玩儿 wan2r / wánr, 一会儿 yi1hui4r: the r is 儿's syllable (r5), as spaced.
        typed, word, erhua = typed.rstrip("05")[:-1], word[:-1], ["r5"]
    parses = parse_pinyin(typed)
    cuts = [p for p in parses if len(p) == len(word)]
    if len(cuts) != 1:
        if parses and not cuts:
            return spaced  # syllables, too few or too many: refused with their count
        raise CommandError(
            f"“{args.pinyin}” cannot be cut into {len(args.word)} syllables of pinyin in one "
            'way only; write them apart, with spaces ("hang2 zhang3").'
        )
    # A syllable without a tone stays so: as when spaced, none at all is refused.
    return [f"{s.toneless}{s.tone or ''}" for s in cuts[0]] + erhua


def stored_word_readings(library_path: Path) -> Mapping[str, Syllables]:
    """The library's word readings for `yuedu pinyin`, read without creating, migrating or
    writing the library: none when there is no library (or an older one without them)."""
    from reader.library.word_readings import decode

    if not library_path.is_file():
        return {}
    try:
        connection = sqlite3.connect(f"{library_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = connection.execute("SELECT word, syllables FROM word_readings").fetchall()
    except sqlite3.Error:  # an older library, or not one of ours
        return {}
    finally:
        connection.close()
    return {word: decode(stored) for word, stored in rows}
