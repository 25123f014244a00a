"""Export the kept vocabulary as an Anki deck (`.apkg`, written offline by genanki, MIT).

The note type and the deck have fixed ids and each note's GUID comes from its word, so a
deck exported again and imported into Anki updates the cards it made before instead of
adding copies. Qt-free; genanki is imported only when a deck is written.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reader.learning.hsk import level_label
from reader.learning.vocabulary import VocabularyEntry
from reader.text.pinyin_syllables import to_tone_marks, tone_number

# Fixed for ever: Anki knows the note type and the deck by these.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
MODEL_NAME = "Yuedu word"
DECK_NAME = "Yuedu vocabulary"
GUID_NAMESPACE = "yuedu-word"
FIELDS = (
    "Hanzi",
    "Pinyin",
    "PinyinColoured",
    "Gloss",
    "Sentence",
    "Source",
    "HSK",
    "Note",
)
# The five-colour tone scheme the reading view uses (light background).
TONE_COLOURS = {1: "#e03131", 2: "#2f9e44", 3: "#1971c2", 4: "#9c36b5", 5: "#6b6b6b"}
_CSS = """.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.hanzi { font-size: 48px; } .sentence { font-size: 20px; margin-top: 12px; }
.source, .hsk { font-size: 13px; color: #868e96; }"""
_FRONT = '<div class="hanzi">{{Hanzi}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer"><div>{{PinyinColoured}}</div><div>{{Gloss}}</div>'
    '<div class="sentence">{{Sentence}}</div><div class="source">{{Source}}</div>'
    '<div class="hsk">{{HSK}}</div><div>{{Note}}</div>'
)


def marked_pinyin(syllables: Sequence[str]) -> str:
    """ "yín háng" from ("yin2", "hang2")."""
    return " ".join(to_tone_marks(s) for s in syllables)


def coloured_pinyin(syllables: Sequence[str]) -> str:
    """Tone-marked pinyin, each syllable in its tone's colour (HTML)."""
    spans = []
    for syllable in syllables:
        try:
            colour = TONE_COLOURS[tone_number(syllable)]
        except (ValueError, KeyError):
            spans.append(html.escape(syllable))
            continue
        spans.append(f'<span style="color: {colour}">{html.escape(to_tone_marks(syllable))}</span>')
    return " ".join(spans)


def sentence_html(entry: VocabularyEntry) -> str:
    """The sentence with the word in bold and its pinyin after it."""
    sentence, at = entry.sentence, entry.word_start
    if not sentence:
        return ""
    if at is None or sentence[at : at + len(entry.word)] != entry.word:
        at = sentence.find(entry.word)
    if at < 0:
        return html.escape(sentence)
    reading = f" ({html.escape(marked_pinyin(entry.pinyin))})" if entry.pinyin else ""
    return (
        html.escape(sentence[:at])
        + f"<b>{html.escape(entry.word)}</b>{reading}"
        + html.escape(sentence[at + len(entry.word) :])
    )


def note_fields(entry: VocabularyEntry) -> list[str]:
    hsk = f"HSK 3.0: {level_label(entry.hsk)}" if entry.hsk else ""
    if entry.hsk2:
        hsk += (" · " if hsk else "") + f"HSK 2.0: {entry.hsk2}"
    return [
        html.escape(entry.word),
        html.escape(marked_pinyin(entry.pinyin)),
        coloured_pinyin(entry.pinyin),
        html.escape(entry.gloss),
        sentence_html(entry),
        html.escape(entry.article_title),
        hsk,
        html.escape(entry.note),
    ]


def note_tags(entry: VocabularyEntry) -> list[str]:
    tags = ["yuedu", entry.status]
    if entry.hsk:
        tags.append(f"HSK3::{level_label(entry.hsk).replace('–', '-')}")
    if entry.hsk2:
        tags.append(f"HSK2::{entry.hsk2}")
    return tags


def write_apkg(entries: Sequence[VocabularyEntry], path: Path) -> int:
    """Write the deck to `path` (replaced whole, never half-written); returns the notes."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Recognition", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for entry in entries:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=note_fields(entry),
                tags=note_tags(entry),
                guid=genanki.guid_for(GUID_NAMESPACE, entry.word),
            )
        )
    from reader.export.atomic_write import written_target

    path = written_target(Path(path))  # a link's target, never a device or a pipe
    handle, temporary = tempfile.mkstemp(suffix=".apkg", dir=path.parent)
    os.close(handle)
    try:
        genanki.Package(deck).write_to_file(temporary)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's 0600 is for secrets, not decks
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(entries)
