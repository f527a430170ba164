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
# rows per Parquet row group: a reader streaming a partition (iter_partition) holds
# one row group at a time, and DuckDB can scan row groups in parallel
ROW_GROUP_ROWS = 4096


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
        pq.write_table(data, tmp, compression="zstd", row_group_size=ROW_GROUP_ROWS)
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


class PartitionWriter:
    """Write one partition batch by batch, atomically: ``with PartitionWriter(lake,
    table, day) as w: w.write(rows)``. Readers see the previous file until the
    block ends without an error; then the new one, never a part."""

    def __init__(self, lake: Path, table: str, day: date):
        self.table, self.schema = table, TABLES[table]
        self.path = partition_dir(lake, table, day) / PART_NAME
        self.rows = 0

    def __enter__(self) -> "PartitionWriter":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".parquet")
        os.close(fd)
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        return self

    def write(self, rows: list[dict] | pa.Table) -> None:
        data = rows if isinstance(rows, pa.Table) else to_table(self.table, rows)
        if data.num_rows:
            self.writer.write_table(data.cast(self.schema), row_group_size=ROW_GROUP_ROWS)
            self.rows += data.num_rows

    def __exit__(self, exc_type, *exc) -> None:
        try:
            self.writer.close()
            if exc_type is None:
                with open(self.tmp, "rb") as fh:
                    os.fsync(fh.fileno())
                os.replace(self.tmp, self.path)
        finally:
            Path(self.tmp).unlink(missing_ok=True)


def read_partition(lake: Path, table: str, day: date) -> list[dict]:
    path = partition_dir(lake, table, day) / PART_NAME
    if not path.exists():
        return []
    return pq.read_table(path, schema=TABLES[table]).to_pylist()


def iter_partition(lake: Path, table: str, day: date, columns: list[str] | None = None,
                   batch_size: int = 1000):
    """The partition's rows as lists of dicts of at most ``batch_size`` rows, read
    one row group at a time (the whole partition is never in memory at once).
    Requested columns the file does not have come back as None."""
    path = partition_dir(lake, table, day) / PART_NAME
    if not path.exists():
        return
    pf = pq.ParquetFile(path)
    wanted = list(columns or TABLES[table].names)
    have = [c for c in wanted if c in pf.schema_arrow.names]
    missing = [c for c in wanted if c not in have]
    for batch in pf.iter_batches(batch_size=batch_size, columns=have, use_threads=False):
        rows = batch.to_pylist()
        for row in rows if missing else ():
            row.update(dict.fromkeys(missing))
        if rows:
            yield rows


def read_file(path: Path, table: str) -> list[dict]:
    return pq.read_table(path, schema=TABLES[table]).to_pylist() if Path(path).exists() else []
