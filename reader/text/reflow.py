"""Placeholder; being written."""
from __future__ import annotations
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Layout:
    paragraphs: list[str]
    hard_wrapped: bool = False
    warnings: list[str] = field(default_factory=list)


def reflow(text: str) -> Layout:
    return Layout([line.strip() for line in text.split("\n") if line.strip()])
