"""Words the core says to the reader, kept translatable without the core knowing Qt.

`message("{file} holds no readable text.", file=name)` is a `Message`: a `str` whose value
is the English text (what the command line prints, what logs and tests see), which also
keeps its English template and its parameters. The window translates the template
(reader/ui/core_text.py, context "CoreMessages") and fills the same parameters in, so a
Chinese interface shows the refusal in Chinese while the command line stays English.

Errors meant for the reader take a `Message` as their first argument;
`message_of(error)` finds it again. A parameter may itself be a `Message` (a reason
inside a refusal): it is translated in turn. Templates must be literal strings at the call
(`tools/i18n_scan.py` collects them into the catalogue; tests/test_translations.py fails
when one has no Chinese translation).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Message(str):
    """English text that remembers its template and parameters (see the module)."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object]) -> Message:
        text = super().__new__(cls, template.format(**params))
        text.template = template
        text.params = dict(params)
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as what it is (a plain str would lose the template).
        return (Message, (self.template, self.params))


def message(template: str, /, **params: object) -> Message:
    """The marker the catalogue scan looks for: `template` must be a literal string."""
    return Message(template, params)


def message_of(error: BaseException) -> Message | None:
    """The `Message` an error was raised with, if it was raised with one."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Message) else None
