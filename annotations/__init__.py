"""Annotations: model, SQLite store, anchoring and export. Never imports Qt."""
