"""Paths to the read-only test texts in ../shared, and a marker to skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SEED_PAGE = REPO_ROOT / "resources" / "xingxian-newspaper-page.txt"
NOVEL = SHARED / "corpus" / "hongloumeng" / "hongloumeng-crlf.txt"
ENCODINGS = SHARED / "corpus" / "encodings"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")
