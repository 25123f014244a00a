"""What the library hands out and takes in: the records of sources and articles (the door's
writers store `NewSource` and `NewArticle` as they come), and the packing of an article's
token ends into a blob. Qt-free; `reader.library.store` re-exports the records
and the packing."""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    id: int
    file_name: str
    encoding: str
    sha256: str
    imported_at: str


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    source_id: int
    position: int
    title: str
    byline: str
    char_count: int
    # Cut from the first sentence (no headline): the list shows it lighter.
    title_is_derived: bool = False


@dataclass(frozen=True)
class Article:
    id: int
    source_id: int
    position: int
    title: str
    byline: str
    text: str
    source_file_name: str
    # Cut from the first sentence: the view does not print it above that very sentence.
    title_is_derived: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []


@dataclass(frozen=True)
class NewArticle:
    """What an import hands to the store for one article."""

    title: str
    title_is_derived: bool
    byline: str
    text: str
    first_paragraph: int
    end_paragraph: int
    token_ends: Sequence[int]


@dataclass(frozen=True)
class NewSource:
    """What an import hands to the store for one file. Its decoded text and its paragraphs
    come in parts (split anywhere), so that a large file streams into the library instead
    of being held whole: the text is the concatenation of `raw_text_parts`, the
    paragraphs that of `paragraph_parts`."""

    file_name: str
    encoding: str
    sha256: str
    byte_count: int
    raw_text_parts: Iterable[str]
    paragraph_parts: Iterable[Sequence[str]]

    @classmethod
    def whole(
        cls,
        file_name: str,
        encoding: str,
        sha256: str,
        byte_count: int,
        raw_text: str,
        paragraphs: Sequence[str],
    ) -> NewSource:
        """A source whose text and paragraphs are at hand in one piece each."""
        return cls(file_name, encoding, sha256, byte_count, (raw_text,), (list(paragraphs),))


# Which segmenter cut the tokens stored beside each article.
SEGMENTER_ID = "jieba-0.42"


def pack_token_ends(ends: Sequence[int]) -> bytes:
    if isinstance(ends, array) and ends.typecode == "I" and ends.itemsize == 4:
        return ends.tobytes()
    packed = array("I", ends)
    if packed.itemsize != 4:  # pragma: no cover - every platform we ship on has 4-byte I
        packed = array("L", ends)
    return packed.tobytes()


def unpack_token_ends(blob: bytes) -> list[int]:
    return array("I", blob).tolist()


def pack_tones(tones: str) -> bytes:
    """An article's indexed tone digits (one ASCII character per character of its text),
    zlib-compressed: they are only read for the articles a pinyin query picked, and
    compress to about two fifths."""
    return zlib.compress(tones.encode("ascii"), 9)


def unpack_tones(blob: bytes | None) -> str:
    return zlib.decompress(blob).decode("ascii") if blob else ""
