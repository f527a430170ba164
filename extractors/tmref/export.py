"""The reference players as a Parquet file for the warehouse (dbt source `reference.tm_players`).

Why a file of our own: dbt reads one fixed path whatever the reference's location, and the build
must succeed without a reference: then the file holds zero rows of the same schema. Rewritten only
when the reference changes (a key of its path, size, mtime and download date beside the file).
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..config import Paths, paths as default_paths
from . import download, players, settings

SCHEMA = pa.schema([
    ("player_id", pa.string()),
    ("player_name", pa.string()),
    ("date_of_birth", pa.date32()),
    ("position", pa.string()),
    ("sub_position", pa.string()),
    ("country_of_citizenship", pa.string()),
    ("current_club_id", pa.string()),
    ("current_club_name", pa.string()),
    ("market_value_in_eur", pa.int64()),
    ("last_season", pa.int32()),
    ("snapshot_date", pa.date32()),      # download date of the reference (download.json), else null
])


def players_parquet(p: Paths | None = None) -> Path:
    return (p or default_paths()).base / "reference" / "tm_players.parquet"


def _key(directory: Path | None) -> str:
    if directory is None:
        return "none"
    st = (directory / settings.PLAYERS).stat()
    m = download.manifest(directory) or {}
    return f"{directory}|{st.st_size}|{st.st_mtime_ns}|{m.get('downloaded_at')}"


def _table(directory: Path | None) -> pa.Table:
    ref = players.reference() if directory is not None else None
    if ref is None:
        return SCHEMA.empty_table()
    m = download.manifest(directory)
    snap = date.fromisoformat(m["downloaded_at"][:10]) if m else None
    cols = {f.name: [] for f in SCHEMA}
    for c in ref.players:
        cols["player_id"].append(c.player_id)
        cols["player_name"].append(c.name)
        cols["date_of_birth"].append(date.fromisoformat(c.date_of_birth) if c.date_of_birth else None)
        for f in ("position", "sub_position", "country_of_citizenship", "current_club_id",
                  "current_club_name", "market_value_in_eur", "last_season"):
            cols[f].append(getattr(c, f))
        cols["snapshot_date"].append(snap)
    return pa.table(cols, schema=SCHEMA)


def ensure_players_parquet(p: Paths | None = None) -> Path:
    """Write (atomically) the Parquet copy when missing or stale; its path."""
    dest = players_parquet(p)
    directory = settings.reference_dir()
    key = _key(directory)
    key_file = dest.with_name(dest.name + ".key")
    if dest.is_file() and key_file.is_file() and key_file.read_text(encoding="utf-8") == key:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    pq.write_table(_table(directory), tmp, compression="zstd")
    os.replace(tmp, dest)
    key_file.write_text(key, encoding="utf-8")
    return dest
