"""The door's writers: the only SQL that changes the library (migrations aside).

One module per group of tables, one function per kind of change. Each takes the
connection and the running write's `ChangeBuilder`, records the ids it touches, and runs
only inside `LibrarySession.write` (the connection refuses writes elsewhere). Everything
else — the store, the annotations, imports, restore, the window, the command line — calls
these through the door.
"""

from reader.library.writes.annotations import (
    COLUMNS as ANNOTATION_COLUMNS,
)
from reader.library.writes.annotations import (
    NO_ORIGIN,
    ORIGIN_COLUMNS,
    attach_annotation,
    delete_annotation,
    detach_annotations,
    edit_annotation,
    insert_annotation,
    orphan_annotations,
    place_annotation,
    put_annotation,
)
from reader.library.writes.articles import (
    insert_article_as,
    make_room,
    move_back,
    move_reading,
    set_body,
    set_byline,
    set_title,
)
from reader.library.writes.readings import clear_reading, set_reading
from reader.library.writes.sources import (
    delete_article,
    delete_source,
    insert_article,
    insert_source,
    move_article,
    park_positions,
    update_article,
    update_source,
    write_source_parts,
    write_tokens,
)
from reader.library.writes.vocabulary import (
    move_sentence,
    put_vocabulary,
    replace_article_words,
    set_note,
    set_status,
)
from reader.library.writes.word_readings import set_word_reading, unset_word_reading

__all__ = [
    "ANNOTATION_COLUMNS",
    "NO_ORIGIN",
    "ORIGIN_COLUMNS",
    "attach_annotation",
    "detach_annotations",
    "clear_reading",
    "delete_annotation",
    "delete_source",
    "delete_article",
    "edit_annotation",
    "insert_annotation",
    "insert_article",
    "insert_article_as",
    "make_room",
    "move_sentence",
    "put_vocabulary",
    "replace_article_words",
    "set_note",
    "set_status",
    "move_back",
    "move_reading",
    "insert_source",
    "move_article",
    "orphan_annotations",
    "park_positions",
    "place_annotation",
    "put_annotation",
    "set_body",
    "set_byline",
    "set_reading",
    "set_title",
    "set_word_reading",
    "update_article",
    "unset_word_reading",
    "update_source",
    "write_source_parts",
    "write_tokens",
]
