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


def paths(base: str | os.PathLike | None = None) -> Paths:
    """Paths under ``base``, else $MERCATO_DATA_DIR, else the repo's ``data/``."""
    root = base or os.environ.get("MERCATO_DATA_DIR") or REPO_ROOT / "data"
    return Paths(Path(root).resolve())
