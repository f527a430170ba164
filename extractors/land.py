"""Parquet reading and writing for the lake: explicit schemas, zstd, hive
partitions by ingest date, atomic replace (temp file + rename)."""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.schemas import TABLES

PART_NAME = "part-0.parquet"


def partition_dir(lake: Path, table: str, day: date) -> Path:
    return Path(lake) / table / f"ingest_date={day.isoformat()}"


def to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table of the table's declared schema (missing keys are null)."""
    schema = TABLES[table]
    return pa.Table.from_pylist([{f: r.get(f) for f in schema.names} for r in rows], schema=schema)


def write_atomic(path: Path, data: pa.Table) -> Path:
    """Write ``data`` to ``path``: readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        pq.write_table(data, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_partition(lake: Path, table: str, day: date, rows: list[dict] | pa.Table) -> Path:
    data = rows if isinstance(rows, pa.Table) else to_table(table, rows)
    return write_atomic(partition_dir(lake, table, day) / PART_NAME, data.cast(TABLES[table]))


def read_partition(lake: Path, table: str, day: date) -> list[dict]:
    path = partition_dir(lake, table, day) / PART_NAME
    if not path.exists():
        return []
    return pq.read_table(path, schema=TABLES[table]).to_pylist()


def read_file(path: Path, table: str) -> list[dict]:
    return pq.read_table(path, schema=TABLES[table]).to_pylist() if Path(path).exists() else []
