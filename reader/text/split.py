"""Placeholder; being written."""
from __future__ import annotations
from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleDraft:
    title: str
    title_is_derived: bool
    byline: str
    paragraphs: list[str]
    first_paragraph: int
    end_paragraph: int

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def split_articles(paragraphs: list[str], *, hard_wrapped: bool = False) -> list[ArticleDraft]:
    return [ArticleDraft(paragraphs[0][:20], True, "", paragraphs, 0, len(paragraphs))]
