"""Finding things in the library: articles' text by characters or by the pinyin shown,
titles, bylines and the reader's notes; and words in the dictionary. Qt-free.

- `index`: the search index, kept current inside every write through the door;
- `readings`: the readings an article shows, as indexed for pinyin queries;
- `pinyin_query`: what a typed query means (characters, pinyin in any spelling, initials);
- `engine`: running a query over the library, or over one article (the find bar);
- `snippets`: a few words either side of a hit;
- `lookup`: the dictionary, by characters, pinyin or English.
"""
