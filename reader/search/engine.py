"""Running a query: over the whole library (the search box, `yuedu search`) or over one
article (the find bar). Qt-free.

Candidates come from SQLite, hits from Python over the candidates' strings:
- characters, three or more: the FTS5 trigram index (each of the query's trigrams, ANDed;
  detail=none keeps no positions, so every candidate is confirmed in its text);
  in either script, each trigram in any spelling that folds as the query's does;
- characters, one or two: `instr()` over the articles' texts (the trigram index cannot
  answer them on this SQLite: it returns nothing, not even through LIKE);
- pinyin: `instr()` over each article's toneless readings (one code point per
  character), tones then checked where the query gave them; initials likewise.
In either script (`any_script`), the query and the text are compared folded to simplified
characters one for one (reader.text.script_fold; the folded texts are kept in the index),
so offsets stay the stored text's. Articles come in the library's order, hits in reading
order within each; titles, bylines and the reader's notes (quotes, comments, tags) are
searched by characters too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.library.records import unpack_token_ends, unpack_tones
from reader.messages import message
from reader.search import index
from reader.search.either_script import sql_fold, trigram_spellings, value_fold
from reader.search.matching import (
    fold,
    is_cased,
    needs_folding,
    occurrences,
    on_token_bounds,
    pinyin_patterns,
    width_spellings,
)
from reader.search.pinyin_query import (
    QueryRefused,
    check_query,
    looks_like_pinyin,
    parse_initials,
    parse_pinyin,
)
from reader.search.readings import syllable_codes
from reader.search.snippets import snippet

if TYPE_CHECKING:
    from reader.library.store import Library

TEXT = "text"
NOTE_FIELDS = ("quote", "comment", "tags")
ALL_FIELDS = frozenset({TEXT, "title", "byline", *NOTE_FIELDS})
# Names the command line accepts for `--in`, and the fields each stands for.
SCOPES = {
    "text": {TEXT},
    "titles": {"title", "byline"},
    "annotations": set(NOTE_FIELDS),
    **{name: {name} for name in ("title", "byline", *NOTE_FIELDS)},
}
DEFAULT_LIMIT = 200
_FIELD_ORDER = {"title": 0, "byline": 1, TEXT: 2, "quote": 3, "comment": 4, "tags": 5}


@dataclass(frozen=True)
class SearchOptions:
    pinyin: bool | None = None  # None: as pinyin when the query reads as pinyin
    initials: bool = False  # the query is the initials of the syllables (`yh`)
    whole_word: bool = False  # hits begin and end on token boundaries
    fields: frozenset[str] = ALL_FIELDS
    article_id: int | None = None
    limit: int = DEFAULT_LIMIT
    any_script: bool = False  # characters match in simplified and traditional alike


@dataclass(frozen=True)
class Hit:
    """One place a query matched. `start`/`end`: code points into the article text for
    "text" and "quote" (a quote's place in its article), into the field's own value
    otherwise (a title, a comment, one tag)."""

    article_id: int | None  # None: a note kept from a deleted article (`title` it came from)
    title: str
    field: str
    start: int
    end: int
    snippet: str
    snippet_hit: tuple[int, int]
    annotation_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "snippet": self.snippet,
            "field": self.field,
        }


@dataclass
class _Plan:
    """What to look for: characters (`needle`), pinyin patterns, or initials."""

    kind: str  # "chars", "pinyin", "initials"
    needle: str = ""
    parses: list = field(default_factory=list)  # pinyin: each reading of the query
    patterns: list = field(default_factory=list)  # … as codes, once the readings are indexed
    any_script: bool = False  # characters: `needle` and the texts folded to one script


def plan_query(library: Library | None, query: str, options: SearchOptions) -> _Plan:
    text = check_query(query)
    if options.initials:
        letters = parse_initials(text)
        if not letters:
            raise QueryRefused(
                message("“{text}” is not initials: type letters only, as yh for 银行.", text=text)
            )
        return _Plan("initials", needle=letters)
    wants_pinyin = options.pinyin if options.pinyin is not None else looks_like_pinyin(text)
    if wants_pinyin:
        parses = parse_pinyin(text)
        if parses:
            return _Plan("pinyin", parses=parses)
        if options.pinyin:
            raise QueryRefused(
                message(
                    "“{text}” is not pinyin (syllables such as yin hang, yin2hang2).", text=text
                )
            )
    if options.any_script:
        from reader.text.script_fold import fold_script

        return _Plan("chars", needle=fold_script(fold(text)), any_script=True)
    return _Plan("chars", needle=fold(text))


def _library_order(library: Library, ids: Iterable[int | None]) -> list[int]:
    rows = library.conn.execute("SELECT id, source_id, position FROM articles").fetchall()
    order = {row[0]: (row[1], row[2]) for row in rows}
    return sorted((i for i in ids if i in order), key=lambda i: order[i])


def _fts_query(plan: _Plan) -> str | None:
    """Each of the query's trigrams (in either script: any of its spellings), ANDed; None
    when a trigram has too many spellings to ask for."""
    groups = set()
    needles = width_spellings(plan.needle)
    for i in range(len(plan.needle) - 2):
        spellings: set[str] = set()
        for needle in needles:
            found = trigram_spellings(needle[i : i + 3], plan.any_script)
            if found is None:
                return None
            spellings.update(found)
        grams = sorted('"' + gram.replace('"', '""') + '"' for gram in spellings)
        groups.add(grams[0] if len(grams) == 1 else "(" + " OR ".join(grams) + ")")
    return " AND ".join(sorted(groups))


def _scan_column(plan: _Plan) -> tuple[str, str, list[str]]:
    """The table joined to the articles (as d), the column an `instr()` scan reads, and
    the needles it looks for."""
    if plan.kind == "chars" and plan.any_script:
        column = "(CASE WHEN d.folded = '' THEN a.text ELSE d.folded END)"
        column = f"lower({column})" if is_cased(plan.needle) else column
        return "search_folded", column, width_spellings(plan.needle)
    if plan.kind == "chars":
        column = "lower(a.text)" if is_cased(plan.needle) else "a.text"
        return "", column, width_spellings(plan.needle)
    if plan.kind == "initials":
        return "search_readings", "d.initials", [plan.needle]
    return "search_readings", "d.toneless", [pattern.codes for pattern in plan.patterns]


def _candidates(library: Library, plan: _Plan, article_id: int | None) -> Iterator[int]:
    """Articles that may hold the query, in the library's order, produced as read: a
    search that fills its limit from the first articles stops scanning there."""
    conn = library.conn
    fts_query = _fts_query(plan) if plan.kind == "chars" and len(plan.needle) >= 3 else None
    if fts_query is not None:
        rows = conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [fts_query])
        found = {row[0] for row in rows}
        if article_id is not None:
            found &= {article_id}
        yield from _library_order(library, found)
        return
    table, column, needles = _scan_column(plan)
    test = " OR ".join(f"instr({column}, ?) > 0" for _ in needles)
    where, args = ("", []) if article_id is None else (" AND a.id = ?", [article_id])
    join = f" JOIN {table} d ON d.article_id = a.id" if table else ""
    cursor = conn.execute(
        f"SELECT a.id FROM articles a{join} WHERE ({test}){where} ORDER BY a.source_id, a.position",
        [*needles, *args],
    )
    for (found_id,) in cursor:
        yield found_id


def _token_bounds(library: Library, article_id: int) -> set[int]:
    row = library.conn.execute(
        "SELECT token_ends FROM article_tokens WHERE article_id = ?", [article_id]
    ).fetchone()
    return {0, *unpack_token_ends(row[0])} if row else {0}


def _article_spans(library: Library, plan: _Plan, article_id: int) -> tuple[str, list[int], int]:
    """The article's indexed text, the starts of the query's hits, and their length."""
    row = library.conn.execute(
        "SELECT a.text, d.toneless, d.tones, d.initials FROM articles a"
        " LEFT JOIN search_readings d ON d.article_id = a.id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return "", [], 0
    text, toneless, tones, initials = row
    if plan.kind == "chars":
        haystack = (_folded_text(library, article_id) or text) if plan.any_script else text
        haystack = fold(haystack) if needs_folding(plan.needle) else haystack
        return text, occurrences(haystack, plan.needle), len(plan.needle)
    if plan.kind == "initials":
        return text, occurrences(initials or "", plan.needle), len(plan.needle)
    starts: set[int] = set()
    length = 0
    tone_digits = unpack_tones(tones)
    for pattern in plan.patterns:
        found = pattern.hits(toneless or "", tone_digits)
        starts.update(found)
        length = len(pattern.codes)  # every pattern of one query has as many syllables
    return text, sorted(starts), length


def _folded_text(library: Library, article_id: int) -> str:
    """The article's text folded to one script; '' when that is its text."""
    row = library.conn.execute(
        "SELECT folded FROM search_folded WHERE article_id = ?", [article_id]
    ).fetchone()
    return str(row[0]) if row else ""


def _text_hits(library: Library, plan: _Plan, options: SearchOptions) -> list[Hit]:
    if plan.kind != "chars":
        wanted = None if options.article_id is None else [options.article_id]
        index.ensure_readings(library, wanted)
    if plan.kind == "pinyin":
        plan.patterns = pinyin_patterns(plan.parses, syllable_codes(library))
        if not plan.patterns:
            return []
    hits: list[Hit] = []
    for article_id in _candidates(library, plan, options.article_id):
        text, starts, length = _article_spans(library, plan, article_id)
        bounds = _token_bounds(library, article_id) if options.whole_word else set()
        title = library.conn.execute(
            "SELECT title FROM articles WHERE id = ?", [article_id]
        ).fetchone()[0]
        for start in starts:
            end = start + length
            if options.whole_word and not on_token_bounds(start, end, bounds):
                continue
            shown, first, last = snippet(text, start, end)
            hits.append(Hit(article_id, title, TEXT, start, end, shown, (first, last)))
            if len(hits) >= options.limit:
                return hits
    return hits


def _field_hits(library: Library, plan: _Plan, options: SearchOptions) -> list[Hit]:
    """Titles, bylines and notes, by characters."""
    if plan.kind != "chars":
        return []
    conn, needle, hits, folded = library.conn, plan.needle, [], value_fold(plan.any_script)
    where, args = ("", []) if options.article_id is None else (" AND id = ?", [options.article_id])
    title_sql, byline_sql = (sql_fold(library, plan.any_script, n) for n in ("title", "byline"))
    rows = conn.execute(
        f"SELECT id, title, byline FROM articles WHERE (instr({title_sql}, ?) > 0"
        f" OR instr({byline_sql}, ?) > 0)" + where,
        [needle, needle, *args],
    ).fetchall()
    for article_id, title, byline in rows:
        for name, value in (("title", title), ("byline", byline)):
            if name in options.fields:
                for start in occurrences(folded(value), needle):
                    shown, first, last = snippet(value, start, start + len(needle))
                    hits.append(
                        Hit(
                            article_id,
                            title,
                            name,
                            start,
                            start + len(needle),
                            shown,
                            (first, last),
                        )
                    )
    if options.fields & set(NOTE_FIELDS):
        hits.extend(_note_hits(library, plan, options))
    return hits


def _note_hits(library: Library, plan: _Plan, options: SearchOptions) -> list[Hit]:
    needle, folded = plan.needle, value_fold(plan.any_script)
    where, args = (
        ("", []) if options.article_id is None else (" AND n.article_id = ?", [options.article_id])
    )
    quote, comment, tags = (sql_fold(library, plan.any_script, f"n.{name}") for name in NOTE_FIELDS)
    # Notes kept from a deleted article (no article) are found too, under the title they
    # came from: a reader searching their notes expects every note.
    rows = library.conn.execute(
        "SELECT n.id, n.article_id, coalesce(a.title, n.from_title), n.start, n.orphaned,"
        " n.quote, n.comment, n.tags"
        " FROM annotations n LEFT JOIN articles a ON a.id = n.article_id"
        f" WHERE (instr({quote}, ?1) > 0 OR instr({comment}, ?1) > 0"
        f" OR instr({tags}, ?1) > 0)" + where.replace("?", "?2"),
        [needle, *args],
    ).fetchall()
    import json

    hits = []
    for note_id, article_id, title, at, orphaned, quote, comment, tags in rows:
        values = [("quote", quote), ("comment", comment)]
        values += [("tags", tag) for tag in json.loads(tags)]
        for name, value in values:
            if name not in options.fields:
                continue
            for start in occurrences(folded(value), needle):
                end = start + len(needle)
                shown, first, last = snippet(value, start, end)
                if name == "quote" and not orphaned:
                    start, end = at + start, at + end  # its place in the article text
                hits.append(Hit(article_id, title, name, start, end, shown, (first, last), note_id))
    return hits


def search(library: Library, query: str, options: SearchOptions | None = None) -> list[Hit]:
    """Every hit of `query`, grouped by article in the library's order, up to the limit;
    `QueryRefused` for a query that cannot be searched."""
    options = options or SearchOptions()
    unknown = options.fields - ALL_FIELDS
    if unknown:
        raise QueryRefused(
            message("No such field to search: {fields}.", fields=", ".join(sorted(unknown)))
        )
    plan = plan_query(library, query, options)
    if plan.any_script and TEXT in options.fields:
        index.ensure_folded(library)
    hits = _text_hits(library, plan, options) if TEXT in options.fields else []
    hits += _field_hits(library, plan, options)
    order = {
        article_id: n
        for n, article_id in enumerate(_library_order(library, {hit.article_id for hit in hits}))
    }
    last = len(order)  # notes kept from deleted articles after every article
    hits.sort(key=lambda h: (order.get(h.article_id, last), _FIELD_ORDER[h.field], h.start))
    return hits[: options.limit]


def find_in_article(
    library: Library, article_id: int, query: str, options: SearchOptions | None = None
) -> list[tuple[int, int]]:
    """The find bar: every hit in one article's text, as (start, end), in reading order."""
    base = options or SearchOptions()
    scoped = SearchOptions(
        pinyin=base.pinyin,
        initials=base.initials,
        whole_word=base.whole_word,
        fields=frozenset({TEXT}),
        article_id=article_id,
        limit=10**9,
        any_script=base.any_script,
    )
    return [(hit.start, hit.end) for hit in search(library, query, scoped)]


def articles_with(library: Library, word: str) -> list[int]:
    """The articles whose text holds `word` (characters), in the library's order."""
    plan = _Plan("chars", needle=fold(check_query(word)))
    return [
        article_id
        for article_id in _candidates(library, plan, None)
        if _article_spans(library, plan, article_id)[1]
    ]
