"""publish(): an analyst process reading the published file while the
pipeline builds and publishes never sees an error or a half-built warehouse."""
from __future__ import annotations

import os
import shutil

import pytest

from extractors import warehouse

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
    # a successful run makes it publishable again
    bad.unlink()
    warehouse.run_dbt(["run", "--select", "+int_rumour_mentions"], p)
    assert warehouse.publish(p) == p.published_db


def test_format_table():
    text = warehouse.format_table(["a", "n"], [("x", 1), ("longer", None)])
    assert text.splitlines() == [
        "a          n",
        "------  ----",
        "x          1",          # numbers right-aligned
        "longer  NULL",
        "(2 rows)",
    ]
