"""Session fixtures for the warehouse tests: one synthetic lake, the real dbt
project, real DuckDB files. dbt runs twice for the whole session (day 1+2,
then day 3 incrementally, with an analyst process reading the published file
meanwhile); the incremental and docs tests add two partial runs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from extractors import config, warehouse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import lakefix  # noqa: E402


def counts(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("fct_rumour_mentions", "fct_rumours", "dim_players", "fct_rejects")
        }
    finally:
        con.close()


@pytest.fixture(scope="session")
def warehouse_run(tmp_path_factory):
    """Build day 1+2, publish; start a reader on the published file; land day
    3, build incrementally, publish; stop the reader. Returns a dict with the
    Paths, the day-2 counts and the reader's observations."""
    base = tmp_path_factory.mktemp("mercato")
    mp = pytest.MonkeyPatch()
    mp.setenv("MERCATO_DATA_DIR", str(base))
    try:
        p = config.paths()
        assert p.base == base.resolve()
        lakefix.write_day(p.lake, lakefix.D1, lakefix.DAY1)
        lakefix.write_day(p.lake, lakefix.D2, lakefix.DAY2)
        lakefix.write_hidden_temp_file(p.lake, lakefix.D1)

        warehouse.build()
        warehouse.publish()
        day2 = counts(p.published_db)

        stop = base / "stop-readers"
        readers = [
            subprocess.Popen(
                [sys.executable, str(HERE / "reader.py"), kind, str(p.published_db), str(stop)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for kind in ("fresh", "held")
        ]
        try:
            lakefix.write_day(p.lake, lakefix.D3, lakefix.DAY3)
            warehouse.build()
            warehouse.publish()
        finally:
            stop.touch()
            outputs = [r.communicate(timeout=60) for r in readers]
        observations = [json.loads(line) for out, _ in outputs
                        for line in out.splitlines() if line.strip()]
        yield {"paths": p, "day2": day2, "day3": counts(p.published_db),
               "reader": observations,
               "reader_rc": [r.returncode for r in readers],
               "reader_err": "".join(err for _, err in outputs)}
    finally:
        mp.undo()


@pytest.fixture(scope="session")
def paths(warehouse_run) -> config.Paths:
    return warehouse_run["paths"]


@pytest.fixture()
def db(paths):
    con = duckdb.connect(str(paths.build_db), read_only=True)
    yield con
    con.close()
