"""The core's words in the interface's language, and the counts the window composes.

The core (Qt-free) hands over `reader.messages.Message` values: English text that keeps
its template and parameters. `core_text` translates the template under the context
"CoreMessages" (tools/update_translations.py collects those templates) and fills the
parameters in; a parameter that is itself a `Message` is translated too. Plain strings
(SQLite's or the system's words) pass through as they are.

QCoreApplication.translate is thread-safe, so import workers may word their refusals here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.messages import Message, message_of


def core_text(text: str) -> str:
    """`text` in the interface's language if the core marked it as a `Message`."""
    if not isinstance(text, Message):
        return str(text)
    params = {
        name: core_text(value) if isinstance(value, Message) else value
        for name, value in text.params.items()
    }
    translated = QCoreApplication.translate("CoreMessages", text.template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: English beats nothing
        return str(text)


def error_text(error: BaseException) -> str:
    """What to show for `error`: its `Message` translated, else its own words."""
    found = message_of(error)
    return core_text(found) if found is not None else str(error)


def not_imported(file_name: str, error: BaseException) -> str:
    """A file the import could not finish for a reason other than a refusal (a failed
    read of the library, a bug): its name and the error's words."""
    return QCoreApplication.translate("ImportJobs", "{file} was not imported: {reason}.").format(
        file=file_name, reason=error_text(error).rstrip(".")
    )


def reading_stage(file_name: str) -> str:
    """The progress label while a file's import starts."""
    return QCoreApplication.translate("ImportJobs", "{file}: Reading").format(file=file_name)


def stage_text(file_name: str, stage: str) -> str:
    """The progress label of a file's import: its name and the stage (already worded)."""
    return QCoreApplication.translate("ImportJobs", "{file}: {stage}").format(
        file=file_name, stage=stage
    )


def backup_time_text(backup: Path) -> str:
    """When an automatic backup was taken, in the reader's local time and language."""
    from reader.library.wording import backup_time_in_words

    return core_text(backup_time_in_words(backup))


def articles_count_text(total: int, shown: int) -> str:
    """The article list's count: "3 articles", or "1 of 3 articles" while a filter hides
    some."""
    # English needs "1 article" beside "2 articles" (there is no English catalogue to pick
    # the plural); Chinese has one form for both.
    if shown == total:
        if total == 1:
            return QCoreApplication.translate("ArticleCounts", "%n article", "", total)
        return QCoreApplication.translate("ArticleCounts", "%n articles", "", total)
    if total == 1:
        text = QCoreApplication.translate("ArticleCounts", "{shown} of %n article", "", total)
    else:
        text = QCoreApplication.translate("ArticleCounts", "{shown} of %n articles", "", total)
    return text.format(shown=shown)


def annotations_count_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("ArticleCounts", "%n annotation", "", count)
    return QCoreApplication.translate("ArticleCounts", "%n annotations", "", count)


def length_text(char_count: int) -> str:
    """An article's length in characters: "1,188 字"."""
    return QCoreApplication.translate("ArticleCounts", "{count} 字").format(count=f"{char_count:,}")


def figures_text(known_share: float, new_words: int) -> str:
    """How much of an article the reader knows: "92 % known · 37 new"."""
    return QCoreApplication.translate("ArticleCounts", "{percent} % known · {new} new").format(
        percent=int(known_share * 100), new=new_words
    )
