"""Where the transfermarkt reference lives and where it is downloaded from.

Order: $MERCATO_REFERENCE_DIR, else $MERCATO_DATA_DIR/reference/ (where `mercato reference
update` writes). When that default holds no players table, the read-only evaluation snapshot
`../shared/reference/transfermarkt` beside the repo is used if present (tests and CI).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..config import REPO_ROOT, paths

DEFAULT_URL = "https://pub-e682421888d945d684bcae8890b0ec20.r2.dev/data"
TABLES = ("players.csv.gz", "clubs.csv.gz", "competitions.csv.gz")
PLAYERS = "players.csv.gz"
SHARED_SNAPSHOT = REPO_ROOT.parent / "shared" / "reference" / "transfermarkt"


def target_dir() -> Path:
    """Where the reference is written (and read first)."""
    env = os.environ.get("MERCATO_REFERENCE_DIR")
    return Path(env).resolve() if env else paths().base / "reference"


def reference_dir() -> Path | None:
    """The directory holding the reference to read, or None when there is none."""
    target = target_dir()
    if (target / PLAYERS).is_file():
        return target
    if not os.environ.get("MERCATO_REFERENCE_DIR") and (SHARED_SNAPSHOT / PLAYERS).is_file():
        return SHARED_SNAPSHOT
    return None


def base_url() -> str:
    return os.environ.get("MERCATO_REFERENCE_URL", DEFAULT_URL).rstrip("/")
