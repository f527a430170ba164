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
    from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing
    from extractors.local.standalone import airflow_env

    home = os.environ.get("AIRFLOW_HOME") or str(REPO_ROOT / "airflow_home")
    return {**airflow_env(home=home), "MERCATO_DATA_DIR": str(base), "MERCATO_SAMPLES_URL": site_url,
            ALLOW_HOSTS_ENV: allowing(site_url)}          # the fetcher refuses 127.0.0.1 unless allowed


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


# -- a REST-triggered run on `mercato airflow` ------------------------------------------------

def _ti_timeline(tis: list[dict], t0) -> list[dict]:
    """Each task instance's queued/start/end, in seconds after ``t0`` (the trigger)."""
    from datetime import datetime

    def at(value):
        return round((datetime.fromisoformat(value) - t0).total_seconds(), 1) if value else None

    rows = [{"task": t["task_id"] + (f"[{t['map_index']}]" if t.get("map_index", -1) >= 0 else ""),
             "state": t["state"], "queued": at(t.get("queued_when")), "start": at(t.get("start_date")),
             "end": at(t.get("end_date"))} for t in tis]
    return sorted(rows, key=lambda r: (r["start"] is None, r["start"] or 0))


def _tree_cpu(root: int) -> dict[str, float]:
    """CPU seconds (user + system, with reaped children: a LocalExecutor worker's tasks) of
    ``root`` and its descendants, summed per process title (scheduler, api-server, worker, ...)."""
    tick = os.sysconf("SC_CLK_TCK")
    procs: dict[int, tuple[int, str, float]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            title = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(d.name)] = (int(fields[1]), " ".join(title.split()[:3]), sum(int(x) for x in fields[11:15]) / tick)
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo += [p for p, (ppid, _, _) in procs.items() if ppid == pid and p not in tree]
    out: dict[str, float] = {}
    for pid in tree & set(procs):
        _, name, cpu = procs[pid]
        out[name] = out.get(name, 0.0) + cpu
    return out


def _cpu_delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    keys = set(before) | set(after)
    return {k: round(after.get(k, 0) - before.get(k, 0), 1) for k in sorted(keys, key=lambda k: -after.get(k, 0))
            if after.get(k, 0) - before.get(k, 0) >= 0.05}


def standalone_run(port: int, log: Path, conf: dict | None = None, timeout: float = 900) -> dict:
    """`mercato airflow` as a user starts it (this environment's AIRFLOW_HOME and data location),
    one REST trigger with ``conf`` (None: the default Params), trigger to success in seconds and
    the task timeline, then Ctrl-C. The hourly schedule is off, so nothing else runs meanwhile."""
    import signal
    from datetime import datetime, timezone

    from extractors.local.standalone import DAG_ID, Api, airflow_env, read_password, stop_group, wait_healthy

    env = {**airflow_env(port), "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False"}
    started = time.monotonic()
    proc = subprocess.Popen([_bin("mercato"), "airflow", "--port", str(port)], env=env, cwd=REPO_ROOT,
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, timeout=600, proc=proc)
        api = Api(base, "admin", read_password(Path(env["AIRFLOW_HOME"])))
        api.wait_dag()
        while "Airflow is up" not in log.read_text(errors="replace"):     # the pool exists
            time.sleep(0.5)
        up = time.monotonic() - started
        cpu = _tree_cpu(proc.pid)
        t0 = datetime.now(timezone.utc)
        run_id = api.trigger(conf or {})
        state = api.wait_run(run_id, timeout=timeout)
        cpu = _cpu_delta(cpu, _tree_cpu(proc.pid))
        run = api.call("GET", f"/dags/{DAG_ID}/dagRuns/{run_id}")
        return {"state": state, "up_seconds": round(up, 1),
                "seconds": round((datetime.fromisoformat(run["end_date"]) - t0).total_seconds(), 1),
                "cpu_seconds": cpu, "tasks": _ti_timeline(api.task_instances(run_id), t0)}
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        stop_group(proc)


def main(argv: list[str] | None = None) -> int:
    """`python -m tests.tools.bench.dag --port 8090`: the REST-triggered run on `mercato airflow`
    (run `make clean setup` first for a fresh one); the ratio is `make bench ARGS="--only dag"`."""
    import argparse

    ap = argparse.ArgumentParser(description="trigger to success of a REST-triggered run on `mercato airflow`")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "data" / "bench")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    res = standalone_run(args.port, args.out / "standalone.log")
    for r in res["tasks"]:
        print(f"{r['task']:<46} {r['state']:<8} queued {r['queued']!s:>6}  start {r['start']!s:>6}  end {r['end']!s:>6}")
    print("CPU seconds during the run: " + ", ".join(f"{k} {v}" for k, v in res["cpu_seconds"].items())
          + f" (total {sum(res['cpu_seconds'].values()):.1f}; load average {os.getloadavg()[0]:.1f})")
    print(f"Airflow up in {res['up_seconds']} s; REST trigger to {res['state']} in {res['seconds']} s")
    (args.out / "standalone-latest.json").write_text(json.dumps(res, indent=1))
    return 0 if res["state"] == "success" else 1


if __name__ == "__main__":
    raise SystemExit(main())
