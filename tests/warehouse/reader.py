"""A stand-in analyst for the publish test, run as a separate process:
``python reader.py fresh|held <published.duckdb> <stop-file>``.

``fresh`` opens a new read-only connection for every query (a script run in a
loop); ``held`` keeps one read-only connection open for the whole run (an
analyst with a notebook open). Either way each observation checks that the
warehouse is consistent and fully built: every mart exists and fct_rumours
adds up to fct_rumour_mentions. Prints one JSON line per observation; errors
are printed, never raised, so the test sees them all.

(Two processes, not one: DuckDB shares one database instance between the
connections of a process to the same path, so a process holding the file open
keeps seeing the old file even through new connections.)
"""
import json
import sys
import time
from pathlib import Path

import duckdb

MARTS = ["dim_clubs", "dim_players", "dim_sources", "dim_dates", "fct_rumour_mentions",
         "fct_rumours", "fct_fee_estimates", "fct_rejects", "rpt_hottest_rumours"]


def observe(con, kind):
    tables = {r[0] for r in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}
    missing = [t for t in MARTS if t not in tables]
    n_mentions, max_ingest = con.execute(
        "select count(*), max(ingest_date)::varchar from fct_rumour_mentions").fetchone()
    (sum_counts,) = con.execute("select coalesce(sum(mention_count), 0) from fct_rumours").fetchone()
    return {"kind": kind, "missing": missing, "mentions": n_mentions, "max_ingest": max_ingest,
            "consistent": not missing and n_mentions == sum_counts}


def main(kind, db, stop):
    held = duckdb.connect(db, read_only=True) if kind == "held" else None
    deadline = time.monotonic() + 120
    last = False
    while True:
        try:
            if held is not None:
                obs = observe(held, kind)
            else:
                con = duckdb.connect(db, read_only=True)
                try:
                    obs = observe(con, kind)
                finally:
                    con.close()
        except Exception as exc:  # reported, not raised
            obs = {"kind": kind, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(obs), flush=True)
        if last:
            break
        if Path(stop).exists() or time.monotonic() > deadline:
            last = True          # one more observation after the final publish
        time.sleep(0.01)
    if held is not None:
        held.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
