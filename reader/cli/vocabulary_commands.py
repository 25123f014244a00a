"""yuedu vocab: word statuses and the kept vocabulary (`set`, `list`, `known-upto-hsk`,
`import`, `export`). Bad input (an unknown status, a word with no Chinese character, a
malformed CSV line) is refused with the reason and exit 2, nothing written."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any, TextIO

from reader.cli.common import (
    EXIT_OK,
    CommandError,
    checked_output_file,
    open_library,
    print_json,
    refuse_input_file,
)

# Anki's deck, and Pleco's flashcard lists (comma- or tab-separated).
EXPORT_SUFFIXES = (".apkg", ".csv", ".tsv")
# The actions that change the library: only they may make a new one.
WRITING_ACTIONS = ("set", "known-upto-hsk", "import")


def _statuses(spelled: str | None) -> tuple[str, ...]:
    from reader.learning.words import LEARNING, WordRefused, checked_status

    if spelled is None or spelled.strip().lower() == "learning":
        return LEARNING
    try:
        return (checked_status(spelled),)
    except WordRefused as error:
        raise CommandError(str(error)) from None


def _dictionary(err: TextIO) -> Any:
    """The dictionary, for the words' pinyin and glosses: built on first use (~2 s), as
    `yuedu lookup` and `yuedu pinyin` build it. Without it a deck exported on a fresh
    install had neither, and said nothing."""
    from reader.text.dictionary import Dictionary, DictionaryNotBuilt, ensure_dictionary

    try:
        return Dictionary.open()
    except DictionaryNotBuilt:
        pass
    err.write("yuedu: building the dictionary from CC-CEDICT (first use only)…\n")
    err.flush()
    try:
        return ensure_dictionary()
    except (OSError, DictionaryNotBuilt, sqlite3.Error) as error:
        err.write(f"yuedu: warning: without the dictionary, no pinyin or glosses: {error}\n")
        return None


def cmd_vocab(args: argparse.Namespace, library_path: Path, out: TextIO, err: TextIO) -> int:
    from reader.learning import statuses
    from reader.learning.hsk import HskRefused
    from reader.learning.words import WordRefused

    action = args.vocab_action
    output: Path | None = None
    if action == "export":  # checked before the library is opened: bad input changes nothing
        output = checked_output_file(
            args.output, library_path, force=args.force, doing="export the vocabulary over it"
        )
        if Path(args.output).suffix.lower() not in EXPORT_SUFFIXES:  # the name given
            raise CommandError(
                f"{Path(args.output).name}: write a .apkg (Anki) or a .csv/.tsv (Pleco) file; "
                "nothing was written"
            )
    elif action == "import":  # never the library's own files, a pipe or a device
        refuse_input_file(args.file, library_path, "read it as a word list")
    chosen = _statuses(getattr(args, "status", None)) if action in ("list", "export") else ()
    with open_library(library_path, create=action in WRITING_ACTIONS) as library:
        try:
            if action == "set":
                step = statuses.set_status(library, args.word, args.status)
                out.write(f"{step.before[0][0]}: {step.status}\n")
            elif action == "known-upto-hsk":
                step = statuses.known_up_to_hsk(library, args.level, args.scheme)
                out.write(f"{step.count} word(s) of HSK {args.scheme} ≤ {args.level} now known\n")
            elif action == "import":
                _import(library, args.file, out)
            elif action == "list":
                _list(library, chosen, args.json, out, err)
            elif output is not None:
                _export(library, chosen, output, out, err)
        except (WordRefused, HskRefused) as error:
            raise CommandError(str(error)) from None
    return EXIT_OK


def _import(library: Any, path: Path, out: TextIO) -> None:
    from reader.learning.flashcards import ImportRefused, import_known_words

    try:
        report = import_known_words(library, path)
    except ImportRefused as error:
        raise CommandError(str(error)) from None  # the message names the file
    out.write(
        f"{report.made_known} word(s) now known, {report.already_known} already known, "
        f"{report.not_words} line(s) not words\n"
    )


def _list(library: Any, chosen: tuple[str, ...], as_json: bool, out: TextIO, err: TextIO) -> None:
    from reader.learning.vocabulary import vocabulary

    entries = vocabulary(library, chosen, _dictionary(err))
    if as_json:
        print_json([entry.json() for entry in entries], out)
        return
    for entry in entries:
        out.write(f"{entry.word}\t{entry.status}\t{' '.join(entry.pinyin)}\t{entry.sentence}\n")
    if not entries:  # said on stderr, as `search` says "No hits.": stdout stays the list
        named = "learning" if len(chosen) > 1 else chosen[0]  # the default: learning 1-4
        err.write(f"No {named} words.\n")


def _export(library: Any, chosen: tuple[str, ...], output: Path, out: TextIO, err: TextIO) -> None:
    from reader.learning.vocabulary import vocabulary

    entries = vocabulary(library, chosen, _dictionary(err))
    try:
        if output.suffix.lower() == ".apkg":
            from reader.learning.anki import write_apkg

            count = write_apkg(entries, output)
        else:
            from reader.learning.flashcards import write_pleco

            count = write_pleco(entries, output)
    except OSError as error:
        raise CommandError(f"cannot write {output} ({error.strerror or error}).", 1) from None
    out.write(f"{count} word(s) written to {output}\n")
