"""Paths to the read-only test texts in ../shared, a marker to skip when it is absent, and
child processes for crash tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SEED_PAGE = REPO_ROOT / "resources" / "xingxian-newspaper-page.txt"
NOVEL = SHARED / "corpus" / "hongloumeng" / "hongloumeng-crlf.txt"
ENCODINGS = SHARED / "corpus" / "encodings"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")


def start_python(code: str, *args: str, **env: str) -> subprocess.Popen[str]:
    """A child Python running `code` with `args`, the repo importable and `env` added;
    its output piped as text (crash tests read a line from it, then kill it)."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT), **env),
        cwd=REPO_ROOT,
    )
