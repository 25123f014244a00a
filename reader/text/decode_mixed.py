"""Find UTF-8 lines inside text taken for GB18030: a file that mixes the two. Qt-free.

GB18030 gives a character for almost any pair of bytes, so UTF-8 appended to a GBK novel
(or pasted into it) decodes without an error, as mojibake (`𠮷野家` → `馉\ue18e閲庡\ue18d`).
The mix has to be looked for, line by line. GBK text is almost never valid UTF-8: its lines
mostly start with a byte that can only continue a UTF-8 character (the full-width indent
A1 A1, punctuation, the hanzi rows B0–BF), and any longer run of GB pairs breaks UTF-8's
strict pattern; but a line of two or three hanzi can happen to be. So a line that is valid
UTF-8 holding a character of three or four bytes (CJK, emoji) is weighed by what it reads
as in GB18030:
- it fails to decode, or holds private-use or C1 characters (what GBK's user-defined rows
  and stray bytes give, never words): the line is UTF-8 (`STRONG`);
- it holds a character GB2312 lacks (a rare or traditional GBK hanzi): it may be UTF-8
  read as GB18030 or real traditional text. It is UTF-8 (`STRONG`) when its UTF-8
  reading is common Chinese (GB2312 characters, spaces, hanzi beyond the BMP, emoji),
  else `WEAK`; two WEAK lines in a row are UTF-8;
- it is all GB2312: GB18030 it is.
Measured on random lines of two to four hanzi of a novel (tests/test_decode_mixed.py does
it at a smaller scale), 200 000 lines a file, half simplified, half traditional, in
GB18030: no line of 36 such files was STRONG, and none of 18 of them was refused (no two
WEAK lines together). Of UTF-8 lines of its simplified hanzi, all but 2.5 % of two-hanzi lines (an
even count whose GB18030 reading is GB2312 too) and 0.1 % of longer ones are STRONG; of
traditional ones about 60 %, the rest WEAK (so two such lines in a row are needed).
The offset reported is the start of the run of UTF-8-valid lines that holds the evidence.
"""

from __future__ import annotations

import re
from typing import BinaryIO

# A whole line (no LF) of valid UTF-8 shape holding at least one 3- or 4-byte character;
# the shape is loose (overlong forms, surrogates pass); `line_kind` is strict.
_ONE_OR_TWO = rb"(?:[\x00-\x09\x0b-\x7f]|[\xc2-\xdf][\x80-\xbf])"
_WIDE = rb"(?:[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})"
_UTF8_LINE = re.compile(
    rb"^" + _ONE_OR_TWO + rb"*" + _WIDE + rb"(?:" + _ONE_OR_TWO + rb"|" + _WIDE + rb")*$",
    re.MULTILINE,
)
# A line longer than this is not held whole between two parts of a file: its rest is not
# looked at (a file of such lines is not a novel a GBK reader meant to mix).
_LONGEST_HELD_LINE = 1024 * 1024


_NOT_WORDS = re.compile("[\ue000-\uf8ff\x80-\x9f]")
STRONG, WEAK, PLAIN = "strong", "weak", "plain"


def line_kind(line: bytes) -> str | None:
    """What a line of UTF-8 shape (`_UTF8_LINE`) says: None when it is not valid UTF-8
    after all, else STRONG, WEAK or PLAIN (see the module)."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        as_gb = line.decode("gb18030")
    except UnicodeDecodeError:
        return STRONG
    if _NOT_WORDS.search(as_gb):
        return STRONG
    try:
        as_gb.encode("gb2312")
    except UnicodeEncodeError:
        return STRONG if _reads_as_words(line.decode("utf-8")) else WEAK
    return PLAIN


def _reads_as_words(text: str) -> bool:
    """Whether UTF-8 text is common Chinese: GB2312 characters (not ASCII letters, digits
    or signs, which the UTF-8 reading of GB18030 pairs gives: `鎮沒` → `悛]`), spaces and
    emoji, and hanzi beyond the BMP only among those (alone they are what two GBK hanzi
    read as: `穰將` → `𦌢`)."""
    common = False
    for ch in text:
        if ch.isascii():
            if not ch.isspace():
                return False
        elif "\U0001f000" <= ch <= "\U0001faff":
            common = True
        elif not "\U00020000" <= ch <= "\U0003ffff":
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                return False
            common = True
    return common


def first_utf8_line(data: bytes) -> int | None:
    """The offset in `data`, a whole file's bytes, where its UTF-8 lines start, or None."""
    return MixedLineFinder().feed(data, final=True)


class MixedLineFinder:
    """Looks for UTF-8 lines in a file read part by part (see the module): a line cut
    between two parts is looked at whole, and offsets count from the first part's start."""

    def __init__(self, offset: int = 0) -> None:
        self._held = b""  # the unfinished last line of the parts so far
        self._held_offset = offset  # where it starts in the file
        self._skipping = False  # inside an over-long line, until its end
        self._run_start = -1  # where the current run of UTF-8-valid lines starts
        self._run_weak = 0  # WEAK lines in that run
        self._run_end = -1  # where its last line ends; only ASCII lines since

    def feed(self, data: bytes, *, final: bool = False) -> int | None:
        """The file offset where the UTF-8 lines found so far start, or None."""
        joined, offset = self._held + data, self._held_offset
        if self._skipping:
            line_end = joined.find(b"\n") + 1
            if not line_end and not final:
                self._held_offset += len(joined)
                return None
            self._skipping = False
            joined, offset = joined[line_end:], offset + line_end
        end = len(joined) if final else joined.rfind(b"\n") + 1
        found = self._look(joined[:end], offset)
        if found is not None:
            return found
        self._held, self._held_offset = joined[end:], offset + end
        if len(self._held) > _LONGEST_HELD_LINE:
            self._held_offset += len(self._held)
            self._held, self._skipping = b"", True
            self._run_start = -1
        return None

    def _look(self, lines: bytes, offset: int) -> int | None:
        """Whole `lines` at file offset `offset`."""
        for match in _UTF8_LINE.finditer(lines):
            kind = line_kind(match.group().removesuffix(b"\r"))
            if kind is None:
                continue
            start = offset + match.start()
            between = lines[max(self._run_end - offset, 0) : match.start()]
            if self._run_start < 0 or not between.isascii():
                self._run_start, self._run_weak = start, 0
            self._run_end = offset + match.end()
            self._run_weak += kind == WEAK
            if kind == STRONG or self._run_weak >= 2:
                return self._run_start
        if not lines[max(self._run_end - offset, 0) :].isascii():
            self._run_start = -1
        return None


def mixed_start(data: bytes) -> tuple[str, int] | None:
    """For a whole file no single encoding reads: (the encoding its start is in, the offset
    where that stops), when it is UTF-8 then something else, or GB18030 then UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if not data[: error.start].isascii():  # Chinese in UTF-8, then other bytes
            return "UTF-8", error.start
    found = first_utf8_line(data)
    if not found or data[:found].isascii():
        return None
    try:
        data[:found].decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "GB18030", found


def utf8_line_at_error(finder: MixedLineFinder | None, file: BinaryIO) -> int | None:
    """After GB18030 failed in the middle of a part: whether the line it failed in is
    UTF-8 (the finder holds its start; the rest is read from `file`), and where it starts."""
    if finder is None:
        return None
    rest = file.read(_LONGEST_HELD_LINE)
    line_end = rest.find(b"\n") + 1
    return finder.feed(rest[:line_end] if line_end else rest, final=True)
