"""Publish the build file for analysts: an atomic copy in a storage version older
DuckDB releases read, and one Parquet file per mart beside it.

The pipeline owns a private build file; analysts only ever open the published
copy, which is replaced in one rename after a green build, so a reader sees the
previous warehouse or the new one, never a half-built one.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence

from extractors import config
from extractors.warehouse.dbt import WarehouseError, _build_lock, _dirty_marker, _paths


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# The analysts' file is written in this storage version, not the writer's own,
# so that older DuckDB releases (1.2+: DBeaver, R, the duckdb CLI) open it.
PUBLISH_STORAGE_VERSION_ENV = "MERCATO_PUBLISH_STORAGE_VERSION"
DEFAULT_PUBLISH_STORAGE_VERSION = "v1.2.0"
# marts (dim_, fct_, rpt_ models) are also published as one Parquet file each
MART_PREFIXES = ("dim_", "fct_", "rpt_")


def publish_storage_version() -> str:
    return os.environ.get(PUBLISH_STORAGE_VERSION_ENV) or DEFAULT_PUBLISH_STORAGE_VERSION


def _sql_literal(value: object) -> str:
    """``value`` as a SQL string literal (ATTACH and COPY take no parameters)."""
    return "'" + str(value).replace("'", "''") + "'"


def _temp_path(directory: Path, name: str) -> Path:
    """A fresh dot-file name beside ``name`` (skipped by readers' globs).
    DuckDB refuses an existing empty file, so the name is reserved, then freed."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)
    return Path(tmp)


def _replace(tmp: Path, dst: Path) -> None:
    os.chmod(tmp, 0o644)   # mkstemp makes 0600; analysts are other users
    os.replace(tmp, dst)


def _write_copy(src: Path, tmp: Path, storage_version: str) -> list[str]:
    """Copy every schema, table, view and comment of ``src`` into a new
    database file ``tmp`` written in ``storage_version``; returns the marts."""
    import duckdb

    # the build file itself, not an ATTACH of it: in one process (airflow dags
    # test, cosmos) dbt may still hold it open, and DuckDB then shares that
    # instance with this connection but refuses a second attach of the file
    con = duckdb.connect(str(src))
    try:
        con.execute("checkpoint")   # fold the WAL into the file
        (build,) = con.execute("select current_database()").fetchone()
        try:
            con.execute(f"attach {_sql_literal(tmp)} as published (storage_version {_sql_literal(storage_version)})")
        except duckdb.InvalidInputException as err:
            raise WarehouseError(f"{PUBLISH_STORAGE_VERSION_ENV}={storage_version!r}: {err}") from None
        try:
            con.execute(f"copy from database \"{build}\" to published")
            con.execute("checkpoint published")
            marts = [r[0] for r in con.execute(
                "select table_name from duckdb_tables() where database_name = 'published' "
                "and schema_name = 'main' order by 1").fetchall() if r[0].startswith(MART_PREFIXES)]
        finally:
            con.execute("detach published")   # the instance may outlive this connection
    finally:
        con.close()
    check = duckdb.connect(str(tmp), read_only=True)
    try:
        check.execute("select count(*) from fct_rumours").fetchone()
    finally:
        check.close()
    return marts


def _publish_parquet(db: Path, marts: Sequence[str], out_dir: Path) -> None:
    """One Parquet file per mart, each replaced atomically; files of marts that
    no longer exist are removed."""
    import duckdb

    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        for mart in marts:
            tmp = _temp_path(out_dir, f"{mart}.parquet")
            try:
                con.execute(f"copy main.\"{mart}\" to {_sql_literal(tmp)} (format parquet, compression zstd)")
                _replace(tmp, out_dir / f"{mart}.parquet")
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
    finally:
        con.close()
    for stale in set(out_dir.glob("*.parquet")) - {out_dir / f"{m}.parquet" for m in marts}:
        stale.unlink()
    _fsync_dir(out_dir)


def publish(paths: config.Paths | None = None) -> Path:
    """Publish the build DB, after a green build, to ``paths.published_db``,
    and its marts as ``paths.published_parquet/<mart>.parquet``.

    Refuses when the last dbt command run through :func:`run_dbt` on the build
    file failed or was interrupted. (dbt run by other means, e.g. Cosmos tasks,
    leaves no marker: the DAG's task dependencies must order publish after them.)

    The database is copied (COPY FROM DATABASE: tables, views, comments) into a
    temp file in the same directory, written in :func:`publish_storage_version`
    so that older DuckDB releases open it, checked, then moved into place with
    ``os.replace``: analysts holding the old file open (read-only) keep reading it; new
    connections see the new one. Returns the published path.
    """
    p = _paths(paths)
    src, dst = p.build_db, p.published_db
    if not src.exists():
        raise WarehouseError(f"no build database at {src}: run build() first")
    if _dirty_marker(p).exists():
        raise WarehouseError(f"the last dbt run on {src} failed or did not finish: not publishing")
    with _build_lock(p):
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temp_path(dst.parent, dst.name)
        try:
            marts = _write_copy(src, tmp, publish_storage_version())
            _publish_parquet(tmp, marts, p.published_parquet)   # the same snapshot as the file
            Path(str(dst) + ".wal").unlink(missing_ok=True)   # never pair a stale WAL with the new file
            _replace(tmp, dst)
            _fsync_dir(dst.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
            raise
    return dst
