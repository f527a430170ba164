"""The lake-partitioned models are incremental (staging of the lake tables,
int_player_mentions, int_fees_normalised, int_rumour_mentions, fct_fee_estimates,
fct_rumour_mentions): an incremental run must give exactly what a full
refresh gives, in them and in every model built from them, including when an article is landed again on a
later day (the session build already did that: a2 re-landed on day 3),
when a day is re-run with fewer rows, and when an old day is backfilled.
The batch is exactly the partitions whose files changed since the model's
last build (meta.ingest_ledger): nothing when the lake is unchanged, only
the new day when a day is added."""
from __future__ import annotations

import re
import shutil
from datetime import timedelta

import duckdb
import pytest

import lakefix
from extractors import config, warehouse

pytestmark = pytest.mark.slow

# every model (the unit tests are not about the data)
SELECT = ["--exclude-resource-type", "unit_test"]
TABLES = ("stg_lake__articles", "stg_lake__club_mentions", "stg_lake__fee_mentions", "stg_lake__player_mentions",
          "stg_lake__rumours", "int_fees_normalised", "int_player_mentions", "int_players_resolved", "int_rumour_mentions",
          "fct_fee_estimates", "fct_rumour_mentions", "fct_rumours", "dim_players", "dim_clubs", "dim_sources",
          "rpt_hottest_rumours")


def snapshot(paths):
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return {
            t: con.execute(f"select * from {t} order by all").fetchall()
            for t in TABLES
        }
    finally:
        con.close()


def private_copy(warehouse_run, tmp_path):
    """The session's lake and incrementally built warehouse, copied with their
    files' modification times (the ledger's fingerprints still match)."""
    session = warehouse_run["paths"]
    paths = config.paths(tmp_path)
    shutil.copytree(session.lake, paths.lake)
    paths.build_db.parent.mkdir(parents=True)
    shutil.copy2(session.build_db, paths.build_db)
    return paths


def cutoffs(paths):
    """The ingest_cutoff() each incremental staging model was compiled with."""
    out = {}
    for sql in (warehouse.target_dir(paths) / "compiled" / "mercato" / "models" / "staging").rglob("stg_lake__*.sql"):
        found = re.search(r"where ingest_date >= date '([0-9-]+)'", sql.read_text("utf-8"))
        if found:
            out[sql.stem] = found.group(1)
    return out


def test_incremental_equals_full_refresh(warehouse_run, tmp_path):
    paths = private_copy(warehouse_run, tmp_path)

    # day 3 is re-run and this time a6 is not extracted
    day3_rerun = {t: [r for r in rows if r.get("article_id") != "a6"]
                  for t, rows in lakefix.DAY3.items()}
    lakefix.write_day(paths.lake, lakefix.D3, day3_rerun)
    warehouse.run_dbt(["build", *SELECT], paths)
    incremental = snapshot(paths)
    ids = {r[0] for r in incremental["fct_rumour_mentions"]}
    assert "a6-0" not in ids and "a2-0" in ids

    warehouse.run_dbt(["build", "--full-refresh", *SELECT], paths)
    assert snapshot(paths) == incremental


def test_unchanged_lake_is_an_empty_batch_and_a_new_day_the_only_one_read(warehouse_run, tmp_path):
    paths = private_copy(warehouse_run, tmp_path)
    before = snapshot(paths)
    warehouse.run_dbt(["build", *SELECT], paths)
    assert set(cutoffs(paths).values()) == {"9999-12-31"}, cutoffs(paths)
    assert snapshot(paths) == before

    # a new day (day 3's rows again: its articles move to day 4)
    d4 = lakefix.D3 + timedelta(days=1)
    lakefix.write_day(paths.lake, d4, lakefix.DAY3)
    warehouse.run_dbt(["build", *SELECT], paths)
    assert set(cutoffs(paths).values()) == {d4.isoformat()}, cutoffs(paths)
    incremental = snapshot(paths)
    assert {r[-1] for r in incremental["stg_lake__articles"] if r[0] == "a2"} == {d4}

    warehouse.run_dbt(["build", "--full-refresh", *SELECT], paths)
    assert snapshot(paths) == incremental


def test_backfilled_old_day_is_picked_up_without_full_refresh(warehouse_run, tmp_path):
    # Before the ledger, a build reprocessed only the latest loaded day: a
    # re-run of an older day was ignored until someone ran --full-refresh.
    paths = private_copy(warehouse_run, tmp_path)
    assert "a1-0" in {r[0] for r in snapshot(paths)["fct_rumour_mentions"]}
    day1_rerun = {t: [r for r in rows if r.get("article_id") != "a1"] for t, rows in lakefix.DAY1.items()}
    lakefix.write_day(paths.lake, lakefix.D1, day1_rerun)
    warehouse.run_dbt(["build", *SELECT], paths)
    assert set(cutoffs(paths).values()) == {lakefix.D1.isoformat()}, cutoffs(paths)
    incremental = snapshot(paths)
    assert "a1-0" not in {r[0] for r in incremental["fct_rumour_mentions"]}

    warehouse.run_dbt(["build", "--full-refresh", *SELECT], paths)
    assert snapshot(paths) == incremental
