"""Where Mercato keeps its data. One base location, so a deployment can point
every path at shared storage (a mounted volume) by setting MERCATO_DATA_DIR."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


@dataclass(frozen=True)
class Paths:
    base: Path

    @property
    def lake(self) -> Path:          # Parquet tables, hive-partitioned by ingest_date
        return self.base / "lake"

    @property
    def raw(self) -> Path:           # compressed raw HTML cache, by URL hash
        return self.base / "raw"

    @property
    def staging(self) -> Path:       # per-run, per-source intermediate results
        return self.base / "staging"

    @property
    def warehouse(self) -> Path:     # published DuckDB file for analysts
        return self.base / "warehouse"

    @property
    def build_db(self) -> Path:      # the pipeline's private working DuckDB file
        return self.warehouse / "build" / "mercato_build.duckdb"

    @property
    def published_db(self) -> Path:
        return self.warehouse / "mercato.duckdb"

    @property
    def published_parquet(self) -> Path:   # one Parquet file per mart, beside the DuckDB file
        return self.warehouse / "parquet"

    @property
    def docs(self) -> Path:
        return self.base / "docs"

    @property
    def llm_cache(self) -> Path:     # language-model answers, by (model, prompt version, input hash)
        return self.base / "llm_cache"


def paths(base: str | os.PathLike | None = None) -> Paths:
    """Paths under ``base``, else $MERCATO_DATA_DIR, else the repo's ``data/``."""
    root = base or os.environ.get("MERCATO_DATA_DIR") or REPO_ROOT / "data"
    return Paths(Path(root).resolve())


# -- what a triggered run may read (see extractors/ingest/guard.py) ---------------------
LOCAL_ROOTS_ENV = "MERCATO_LOCAL_ROOTS"      # folders `local` sources and URL-list files may be read from
SOURCES_DIRS_ENV = "MERCATO_SOURCES_DIRS"    # folders sources files may be read from


def _folders(env: str, default: Path) -> list[Path]:
    """Folders listed in ``env`` (separated by ',' or the path separator; relative to the repo),
    else ``default``; symlinks and '..' resolved."""
    raw = os.environ.get(env, "")
    items = [x.strip() for x in raw.replace(os.pathsep, ",").split(",") if x.strip()] or [str(default)]
    return [(REPO_ROOT / Path(x).expanduser()).resolve() for x in items]


def local_roots() -> list[Path]:
    return _folders(LOCAL_ROOTS_ENV, REPO_ROOT / "data")


def sources_dirs() -> list[Path]:
    return _folders(SOURCES_DIRS_ENV, REPO_ROOT / "data" / "sources")
