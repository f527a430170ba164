"""publish(): an analyst process reading the published file while the
pipeline builds and publishes never sees an error or a half-built warehouse."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from extractors import warehouse

# the official DuckDB CLI (PyPI duckdb-cli, a 1.x release), installed in the venv
DUCKDB_CLI = str(Path(sys.executable).with_name("duckdb"))

pytestmark = pytest.mark.slow


def test_reader_never_sees_a_half_built_state(warehouse_run):
    obs = warehouse_run["reader"]
    assert warehouse_run["reader_rc"] == [0, 0], warehouse_run["reader_err"]
    errors = [o for o in obs if "error" in o]
    assert errors == []
    assert len(obs) > 10
    assert all(o["consistent"] for o in obs), [o for o in obs if not o["consistent"]]
    day2, day3 = warehouse_run["day2"]["fct_rumour_mentions"], warehouse_run["day3"]["fct_rumour_mentions"]
    fresh = [o["max_ingest"] for o in obs if o["kind"] == "fresh"]
    # fresh connections saw the day-2 warehouse, then the day-3 one, nothing else
    assert fresh[0] == "2025-01-11" and fresh[-1] == "2025-01-12"
    assert {o["mentions"] for o in obs} <= {day2, day3}
    # the connection held open for the whole run kept reading the old file
    held = {o["max_ingest"] for o in obs if o["kind"] == "held"}
    assert held == {"2025-01-11"}


def test_published_file_is_readable_by_others_and_queryable(warehouse_run):
    paths = warehouse_run["paths"]
    assert oct(os.stat(paths.published_db).st_mode & 0o777) == "0o644"
    assert not list(paths.published_db.parent.glob(".*.tmp"))
    cols, rows = warehouse.query(
        "select hotness_rank, player_name, fee_max_eur from rpt_hottest_rumours "
        "order by hotness_rank limit 2", paths)
    assert cols == ["hotness_rank", "player_name", "fee_max_eur"]
    text = warehouse.format_table(cols, rows)
    assert "Nikola Milenković" in text and "(2 rows)" in text


def test_publish_refuses_without_a_build(tmp_path):
    from extractors import config
    empty = config.paths(tmp_path)
    with pytest.raises(warehouse.WarehouseError, match="no build database"):
        warehouse.publish(empty)
    with pytest.raises(warehouse.WarehouseError, match="no published warehouse"):
        warehouse.query("select 1", empty)


def test_publish_refuses_after_a_failed_run(warehouse_run, tmp_path):
    from extractors import config
    session = warehouse_run["paths"]
    p = config.paths(tmp_path)
    shutil.copytree(session.lake, p.lake)
    p.build_db.parent.mkdir(parents=True)
    shutil.copy2(session.build_db, p.build_db)
    # a corrupt lake file makes a model fail: the build file is unpublishable
    bad = p.lake / "rumours" / "ingest_date=2025-01-12" / "part-9.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(warehouse.WarehouseError, match="stg_lake__rumours"):
        warehouse.run_dbt(["run", "--select", "+int_rumour_mentions"], p)
    with pytest.raises(warehouse.WarehouseError, match="failed or did not finish"):
        warehouse.publish(p)
    assert not p.published_db.exists()
    # a successful run makes it publishable again; a mart's Parquet file that
    # no longer has a mart is removed
    bad.unlink()
    warehouse.run_dbt(["run", "--select", "+int_rumour_mentions"], p)
    p.published_parquet.mkdir(parents=True)
    (p.published_parquet / "fct_dropped_mart.parquet").write_bytes(b"stale")
    assert warehouse.publish(p) == p.published_db
    assert (p.published_parquet / "fct_rumours.parquet").exists()
    assert not (p.published_parquet / "fct_dropped_mart.parquet").exists()


def duckdb_cli(db, sql):
    return subprocess.run([DUCKDB_CLI, "-readonly", "-list", "-noheader", str(db), "-c", sql],
                          capture_output=True, text=True, timeout=60)


def build_value(paths, sql):
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


COMMENT_SQL = ("select comment from duckdb_columns() "
               "where table_name = 'fct_rumours' and column_name = 'rumour_key'")


def test_the_duckdb_cli_opens_the_published_file_read_only(warehouse_run):
    paths = warehouse_run["paths"]
    version = duckdb_cli(paths.published_db, "select version()")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip().startswith("v1.")
    # the build file, in the writer's own storage version, is what it cannot open
    refused = duckdb_cli(paths.build_db, "select 1")
    assert refused.returncode != 0 and "version number" in refused.stderr
    proc = duckdb_cli(paths.published_db, "select count(*) from fct_rumours")
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) == warehouse_run["day3"]["fct_rumours"] > 0
    # the column comments dbt's persist_docs wrote are published too
    comment = duckdb_cli(paths.published_db, COMMENT_SQL)
    assert comment.returncode == 0, comment.stderr
    expected = build_value(paths, COMMENT_SQL)
    assert "md5" in expected and comment.stdout.strip() == expected
    # read-only: the analyst cannot change the published file
    write = duckdb_cli(paths.published_db, "create table scratch as select 1")
    assert write.returncode != 0 and "read-only" in write.stderr.lower()


def test_every_mart_is_published_as_parquet_with_the_same_rows(warehouse_run):
    paths = warehouse_run["paths"]
    con = duckdb.connect(str(paths.published_db), read_only=True)
    try:
        marts = {name: con.execute(f"select count(*) from {name}").fetchone()[0]
                 for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'main' "
                                            "and regexp_matches(table_name, '^(dim|fct|rpt)_')").fetchall()}
    finally:
        con.close()
    assert {"dim_players", "fct_rumours", "rpt_hottest_rumours"} <= set(marts)
    files = {f.stem: f for f in paths.published_parquet.iterdir()}
    assert set(files) == set(marts)        # no temp file left, nothing else
    for name, rows in marts.items():
        table = pq.read_table(files[name])
        assert table.num_rows == rows, name
        assert oct(os.stat(files[name]).st_mode & 0o777) == "0o644"
    assert pq.read_table(files["fct_rumours"]).num_rows == warehouse_run["day3"]["fct_rumours"]


def test_the_storage_version_is_configurable(warehouse_run, tmp_path, monkeypatch):
    from extractors import config
    p = config.paths(tmp_path)
    p.build_db.parent.mkdir(parents=True)
    shutil.copy2(warehouse_run["paths"].build_db, p.build_db)
    monkeypatch.setenv(warehouse.PUBLISH_STORAGE_VERSION_ENV, "v9.9.9")
    with pytest.raises(warehouse.WarehouseError, match="MERCATO_PUBLISH_STORAGE_VERSION='v9.9.9'"):
        warehouse.publish(p)
    assert not p.published_db.exists() and not list(p.warehouse.glob(".*"))
    monkeypatch.setenv(warehouse.PUBLISH_STORAGE_VERSION_ENV, "v1.5.0")
    warehouse.publish(p)
    con = duckdb.connect()
    try:
        con.execute(f"attach '{p.published_db}' as pub (read_only)")
        tags = con.execute("select tags from duckdb_databases() where database_name = 'pub'").fetchone()[0]
    finally:
        con.close()
    assert tags["storage_version"].startswith("v1.5.0")


def test_format_table():
    text = warehouse.format_table(["a", "n"], [("x", 1), ("longer", None)])
    assert text.splitlines() == [
        "a          n",
        "------  ----",
        "x          1",          # numbers right-aligned
        "longer  NULL",
        "(2 rows)",
    ]


def test_publish_while_this_process_holds_the_build_file_open(warehouse_run, tmp_path):
    # `airflow dags test` runs dbt (cosmos) and publish in one process, and
    # dbt-duckdb may keep the build database open after its run
    from extractors import config
    p = config.paths(tmp_path)
    p.build_db.parent.mkdir(parents=True)
    shutil.copy2(warehouse_run["paths"].build_db, p.build_db)
    held = duckdb.connect(str(p.build_db))
    try:
        assert warehouse.publish(p) == p.published_db
        (n,) = held.execute("select count(*) from fct_rumours").fetchone()
    finally:
        held.close()
    assert duckdb_cli(p.published_db, "select count(*) from fct_rumours").stdout.strip() == str(n)
