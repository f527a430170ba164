"""The DAG's figure of `make bench`: the Airflow run of `transfer_rumours` against `mercato run`
over the same sources (data/sources/samples.yml: the bundled sample site, served on 127.0.0.1).

    DAG          `airflow dags test transfer_rumours`, timed from the run's creation to its
                 success (the run_duration Airflow logs), i.e. trigger to success; of which
                 `harness_seconds` before the first task starts (dags test's own set-up)
    mercato run  `mercato run --sources ...`, the wall time of the command

Each side gets its own data location and runs there twice, one after the other: the first run is
cold (dbt parses the whole project, since the build file's path is part of dbt's profile hash),
the second is what every later run of a deployment costs (dbt re-parses only what changed;
`make setup` precompiles that for data/). The ratio is DAG / mercato run of the second runs;
the first runs' ratio is reported too. The two sides alternate (DAG, run, DAG, run) so both
see the same minutes of a shared machine."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from extractors.config import REPO_ROOT

SOURCES_FILE = REPO_ROOT / "data" / "sources" / "samples.yml"
SITE_DIR = REPO_ROOT / "data" / "samples" / "site"
RUN_DURATION = re.compile(r"DagRun Finished: .*?run_duration=([0-9.]+), state=(\w+)")
RUN_START = re.compile(r"DagRun Finished: .*?run_start_date=([0-9-]+ [0-9:.]+)")
FIRST_TASK = re.compile(r"^(\S+Z) .*Task started", re.M)     # the execution API's first "task started"


def _harness_seconds(log: str) -> float | None:
    """Seconds from the run's creation to its first task's start: `airflow dags test` starting its
    in-process execution API, a cost a scheduler's run does not have."""
    from datetime import datetime, timezone

    start, first = RUN_START.search(log), FIRST_TASK.search(log)
    if not (start and first):
        return None
    t0 = datetime.fromisoformat(start.group(1)).replace(tzinfo=timezone.utc)
    return (datetime.fromisoformat(first.group(1).replace("Z", "+00:00")) - t0).total_seconds()


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _env(base: Path, site_url: str) -> dict:
    from extractors.local.standalone import airflow_env

    home = os.environ.get("AIRFLOW_HOME") or str(REPO_ROOT / "airflow_home")
    return {**airflow_env(home=home), "MERCATO_DATA_DIR": str(base), "MERCATO_SAMPLES_URL": site_url,
            "AIRFLOW__COSMOS__CACHE_DIR": str(base / "cosmos_cache")}


def _timed(cmd: list[str], env: dict, log: Path, timeout: float) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - t0
    log.write_text(proc.stdout + proc.stderr, "utf-8")
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed ({proc.returncode}), log in {log}:\n{proc.stdout[-2000:]}")
    return seconds, proc.stdout + proc.stderr


def dag_run(base: Path, site_url: str, log: Path, timeout: float = 900) -> dict:
    conf = {"sources_file": str(SOURCES_FILE)}
    cmd = [_bin("airflow"), "dags", "test", "transfer_rumours", "--conf", json.dumps(conf)]
    wall, out = _timed(cmd, _env(base, site_url), log, timeout)
    found = RUN_DURATION.findall(out)
    if not found or found[-1][1] != "success":
        raise RuntimeError(f"the DAG run did not succeed, log in {log}")
    return {"seconds": float(found[-1][0]), "command_seconds": wall, "harness_seconds": _harness_seconds(out)}


def mercato_run(base: Path, site_url: str, log: Path, timeout: float = 900) -> dict:
    cmd = [_bin("mercato"), "run", "--sources", str(SOURCES_FILE)]
    wall, _ = _timed(cmd, _env(base, site_url), log, timeout)
    return {"seconds": wall, "command_seconds": wall}


def _published(base: Path) -> dict:
    import duckdb

    from extractors.config import paths

    con = duckdb.connect(str(paths(base).published_db), read_only=True)
    try:
        return {t: con.sql(f"select count(*) from {t}").fetchall()[0][0] for t in ("stg_lake__articles", "fct_rumours")}
    finally:
        con.close()


def measure(tmp: Path, rounds: int = 2, log=print) -> dict:
    """Both sides over the sample site, cold then warm (``rounds=1``: cold only); figures as in
    the module docstring. Both must publish the same warehouse."""
    from extractors.warehouse.serve import StaticSite

    runs: dict[str, list] = {"dag": [], "mercato_run": []}
    with StaticSite(SITE_DIR) as site:
        for i in range(1, rounds + 1):
            for side, fn in (("dag", dag_run), ("mercato_run", mercato_run)):
                r = fn(tmp / side, site.url, tmp / f"{side}-{i}.log")
                runs[side].append(r)
                log(f"{side:<12} run {i}: {r['seconds']:6.1f} s (command {r['command_seconds']:.1f} s)")
    published = {side: _published(tmp / side) for side in runs}
    if published["dag"] != published["mercato_run"]:
        raise RuntimeError(f"the two sides published different warehouses: {published}")
    dag, run = runs["dag"], runs["mercato_run"]
    return {"sources": str(SOURCES_FILE.relative_to(REPO_ROOT)), "rounds": rounds,
            "articles": published["dag"]["stg_lake__articles"], "rumours": published["dag"]["fct_rumours"],
            "dag": dag, "mercato_run": run,
            "ratio": dag[-1]["seconds"] / run[-1]["seconds"], "ratio_cold": dag[0]["seconds"] / run[0]["seconds"],
            "ratio_without_harness": ((dag[-1]["seconds"] - (dag[-1]["harness_seconds"] or 0)) / run[-1]["seconds"])}
