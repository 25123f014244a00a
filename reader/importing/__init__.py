"""The import pipeline's parts. `reader.importer` is its front: it holds the entry points
(inspect a file, prepare it, import it) and re-exports the public names of these modules,
which callers import from there.

- `outcomes`: what an import reports back (`ImportOutcome`, `SourceUpdate`), its callbacks,
  and `ImportCancelled`.
- `passes`: the two passes that turn a decoded file into articles and tokens in an on-disk
  spool (`PreparedImport`).
- `storing`: a prepared import written to the library in one transaction, or reported as
  a duplicate.
- `updating`: a changed version of a file already imported, stored over its source in
  place (articles matched, annotations re-anchored, reading corrections moved).

Nothing is imported here, so that loading one part does not load the others.
"""
