"""The learning layer: each word's status (new, learning 1–4, known, ignored), library-wide;
per-article word counts and the known share; HSK levels; the vocabulary a reader keeps
(where each learning word was met) and its export to Anki and Pleco. Qt-free.

Every write goes through the library's door (`LibrarySession.write`, the writer
`reader.library.writes.vocabulary`); the per-article counts are kept by a before-commit
hook of the door (`counts.keep_word_counts`), so whatever writer changes an article's text
(import, update, split, merge, delete, restore, undo) the counts follow in the same
transaction.
"""
