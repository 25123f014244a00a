"""List the common words whose whole-word readings disagree, for a hand audit of the lexicon.

    python tools/audit_word_readings.py [--top 8000] [--output FILE]

Candidates: words of 2-4 characters from jieba's dictionary (frequencies from
`reader.text.pinyin_lexicon`) holding a character that pypinyin's character table reads more
than one way, most frequent first, the first `--top` of them. For each, Yuedu's reading
(`PinyinResolver` on the word alone, and inside the neutral frames `FRAMES` where jieba keeps
it one token) is set beside pypinyin's phrase table and CC-CEDICT. A word is written out
when these disagree: Yuedu against either list, the lists against each other, or Yuedu in
a frame against Yuedu on the word alone.

Readings are compared syllable by syllable; a neutral tone (5) matches the same syllable in
any tone, since the lists disagree on weakening everywhere (认识 rènshi / rènshí) and the
audit is about which syllable a character is read as. Output: TSV, one word a line, with its
frequency, what each source says, and which disagree; the hand judgement is made on it and
recorded in resources/pinyin_word_readings.tsv.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.text.pinyin import PinyinResolver  # noqa: E402
from reader.text.pinyin_lexicon import Lexicon  # noqa: E402
from reader.text.pinyin_words import canonical_syllables, listed_readings, undo_sandhi  # noqa: E402

# Neutral frames: the word as an object after a verb, and as a noun phrase's head.
FRAMES = ("他说了{}。", "这个{}很好。")
# Frames resolved per call of `resolve_text` (the model runs in batches inside it).
_CHUNK = 300

Reading = tuple[str, ...]


def polyphonic(lexicon: Lexicon, char: str, cache: dict[str, bool]) -> bool:
    """Whether pypinyin's character table gives `char` more than one reading."""
    found = cache.get(char)
    if found is None:
        readings = {undo_sandhi(char, r) for r in listed_readings(lexicon.char_readings(char))}
        found = cache[char] = len(readings) > 1
    return found


def candidate_words(lexicon: Lexicon, top: int) -> list[tuple[str, int]]:
    """The `top` most frequent 2-4 character words of jieba's dictionary with a polyphone."""
    cache: dict[str, bool] = {}
    rows = lexicon._connection.execute(  # noqa: SLF001 - a tool reading the cache file
        "SELECT word, freq FROM words WHERE freq > 0 AND length(word) BETWEEN 2 AND 4"
        " ORDER BY freq DESC"
    )
    found = []
    for word, frequency in rows:
        if all("\u4e00" <= c <= "\u9fff" for c in word) and any(
            polyphonic(lexicon, c, cache) for c in word
        ):
            found.append((word, frequency))
            if len(found) >= top:
                break
    return found


def phrase_reading(lexicon: Lexicon, word: str) -> Reading | None:
    """pypinyin's phrase-table reading of `word` (first reading of each character)."""
    phrase = lexicon.phrase(word)
    if phrase is None or len(phrase) != len(word):
        return None
    out = []
    for char, options in zip(word, phrase, strict=True):
        syllables = canonical_syllables(options)
        if not syllables:
            return None
        out.append(undo_sandhi(char, syllables[0]) or syllables[0])
    return tuple(out)


def dictionary_readings(dictionary: object, word: str) -> list[Reading]:
    if dictionary is None:
        return []
    out = []
    for entry in dictionary.readings(word):  # type: ignore[attr-defined]
        if len(entry) == len(word):
            out.append(
                tuple(
                    undo_sandhi(c, s.lower()) or s.lower() for c, s in zip(word, entry, strict=True)
                )
            )
    return list(dict.fromkeys(out))


def same(a: Reading, b: Reading) -> bool:
    """Syllable by syllable equal, a neutral tone matching its syllable in any tone."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if (x.endswith("5") or y.endswith("5")) and x[:-1] == y[:-1]:
            continue
        return False
    return True


def in_frames(resolver: PinyinResolver, words: list[str]) -> list[list[Reading | None]]:
    """Per word, per frame: Yuedu's reading of the word in the frame, None where jieba does
    not keep the word one token there."""
    out: list[list[Reading | None]] = [[] for _ in words]
    for frame in FRAMES:
        for chunk_start in range(0, len(words), _CHUNK):
            chunk = words[chunk_start : chunk_start + _CHUNK]
            text = "".join(frame.format(w) for w in chunk)
            spans = resolver.resolve_text(text)
            by_start = {start: (end, readings) for start, end, _, readings in spans}
            offset = 0
            for index, word in enumerate(chunk):
                sentence = frame.format(word)
                start = offset + frame.index("{}")
                found = by_start.get(start)
                one_token = found is not None and found[0] == start + len(word)
                reading = tuple(found[1]) if one_token else None  # type: ignore[index]
                out[chunk_start + index].append(reading)  # type: ignore[arg-type]
                offset += len(sentence)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=8000)
    parser.add_argument("--output", type=Path, default=Path("word_reading_audit.tsv"))
    args = parser.parse_args(argv)
    from reader.text.dictionary import ensure_dictionary

    dictionary = ensure_dictionary()
    resolver = PinyinResolver(dictionary)
    resolver.warm_up()
    lexicon = Lexicon.open()
    began = time.perf_counter()
    words = candidate_words(lexicon, args.top)
    alone = [tuple(resolver.resolve(w, [len(w)])[0]) for w, _ in words]
    framed = in_frames(resolver, [w for w, _ in words])
    kept = 0
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("word\tfreq\tyuedu_alone\tyuedu_frames\tphrase\tcedict\tdisagree\n")
        for (word, frequency), own, frames in zip(words, alone, framed, strict=True):
            phrase = phrase_reading(lexicon, word)
            cedict = dictionary_readings(dictionary, word)
            ours = [own, *(f for f in frames if f is not None)]
            why = []
            if phrase is not None and any(not same(r, phrase) for r in ours):  # type: ignore[arg-type]
                why.append("yuedu-phrase")
            if cedict and any(not any(same(r, c) for c in cedict) for r in ours):  # type: ignore[arg-type]
                why.append("yuedu-cedict")
            if phrase is not None and cedict and not any(same(phrase, c) for c in cedict):
                why.append("phrase-cedict")
            if any(not same(r, own) for r in ours):  # type: ignore[arg-type]
                why.append("yuedu-frames")
            if not why:
                continue
            kept += 1
            show = lambda r: " ".join(r) if r else "-"  # noqa: E731
            out.write(
                f"{word}\t{frequency}\t{show(own)}\t"
                f"{' | '.join(show(f) for f in frames)}\t{show(phrase)}\t"
                f"{' / '.join(show(c) for c in cedict) or '-'}\t{','.join(why)}\n"
            )
    print(
        f"{len(words)} candidates, {kept} disagreements, written to {args.output} "
        f"({time.perf_counter() - began:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
