"""The DAG under CeleryExecutor: PostgreSQL metadata (own database), Redis broker (own DB
number), api-server + scheduler + dag-processor + triggerer + two Celery workers as separate
processes. The sample site answers slowly so that ingest tasks last a few seconds; while they
run on both workers, one worker is SIGKILLed (process group and all): its task instance stops
heartbeating, is failed by the scheduler, retried on the other worker, and the run succeeds
with every sample article exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid

import pytest

from extractors.local.standalone import Api, group_pids, read_password
from extractors.local.celery_cluster import CeleryCluster
from extractors.config import paths
from tests.ops.opskit import ROOT, FaultySite, query

pytestmark = pytest.mark.slow

PG = "postgresql+psycopg2://postgres@127.0.0.1:5432/{db}"
EXPECTED = ROOT / "data" / "samples" / "expected_rumours.jsonl"


def _service_up(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _free_redis_db() -> int:
    import redis

    for n in range(15, 0, -1):
        if redis.Redis(host="127.0.0.1", port=6379, db=n).dbsize() == 0:
            return n
    pytest.skip("no empty Redis database number")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not (_service_up(["pg_isready", "-h", "127.0.0.1", "-p", "5432"])
            and _service_up(["redis-cli", "-h", "127.0.0.1", "ping"])):
        pytest.skip("PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 are needed")
    import redis

    tmp = tmp_path_factory.mktemp("celery")
    dbname = f"mercato_ops_{uuid.uuid4().hex[:10]}"
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", dbname], check=True)
    redis_db = _free_redis_db()
    data = tmp / "data"
    with FaultySite(delay=0.4) as site:
        c = CeleryCluster(tmp / "airflow_home", PG.format(db=dbname), f"redis://127.0.0.1:6379/{redis_db}",
                          workers=2, log_dir=tmp / "logs",
                          MERCATO_DATA_DIR=str(data), MERCATO_SAMPLES_URL=site.url,
                          AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE="False",
                          # a killed worker's task is failed (and retried) after 20 s without heartbeat
                          AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT="20",
                          AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT_DETECTION_INTERVAL="5")
        c.data = data
        try:
            c.start()
            c.api = Api(c.base, "admin", read_password(c.home))
            c.api.wait_dag()
            c.wait_workers_ready()
            yield c
        finally:
            c.stop()
            left = {n: group_pids(p.pid) for n, p in c.procs.items() if group_pids(p.pid)}
            for pids in left.values():
                for pid in pids:
                    os.kill(pid, signal.SIGKILL)
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                            f'drop database if exists "{dbname}" with (force)'], check=False)
            redis.Redis(host="127.0.0.1", port=6379, db=redis_db).flushdb()
            assert not left, f"processes left after stop: {left}"


def test_worker_killed_mid_task_is_retried_elsewhere_and_the_run_is_whole(cluster, output_dir):
    api = cluster.api
    run_id = api.trigger({"sources_file": "data/sources/samples.yml", "host_delay": 0.0},
                         logical_date="2026-03-01T06:00:00Z")
    seen_running: dict[str, set[str]] = {}       # hostname -> task ids seen running there
    killed: dict | None = None
    deadline = time.monotonic() + 1200
    state = "queued"
    while time.monotonic() < deadline:
        state = api.run_state(run_id)
        if state in ("success", "failed"):
            break
        for ti in api.task_instances(run_id):
            if ti["state"] == "running" and ti.get("hostname"):
                seen_running.setdefault(ti["hostname"], set()).add(ti["task_id"])
                if (killed is None and ti["task_id"] == "ingest" and ti["hostname"] in cluster.procs
                        and ti.get("start_date")):
                    victim = cluster.procs[ti["hostname"]]
                    time.sleep(1.0)                      # well inside the task
                    os.killpg(victim.pid, signal.SIGKILL)
                    victim.wait(30)
                    killed = {"worker": ti["hostname"], "map_index": ti["map_index"], "try": ti["try_number"]}
        time.sleep(1)
    tis = api.task_instances(run_id)
    (output_dir / "task_instances.json").write_text(json.dumps(
        {"killed": killed, "seen_running": {k: sorted(v) for k, v in seen_running.items()}, "tis": tis},
        indent=1, default=str))
    assert state == "success", [(t["task_id"], t["map_index"], t["state"]) for t in tis if t["state"] != "success"]

    # distributed: tasks ran on both workers (each records its worker name as hostname)
    assert {"worker1", "worker2"} <= set(seen_running), seen_running
    # the killed task was retried on the surviving worker
    assert killed is not None, "no ingest task was caught running"
    retried = next(t for t in tis if t["task_id"] == "ingest" and t["map_index"] == killed["map_index"])
    assert retried["try_number"] > killed["try"]
    assert retried["hostname"] != killed["worker"]

    # the warehouse is whole: every sample article exactly once, no duplicate rumour mentions
    db = paths(cluster.data).published_db
    pages = [json.loads(line) for line in EXPECTED.read_text("utf-8").splitlines() if line.strip()]
    assert query(db, "select count(*), count(distinct article_id) from stg_lake__articles")[0] == (len(pages), len(pages))
    n, distinct = query(db, "select count(*), count(distinct rumour_mention_id) from fct_rumour_mentions")[0]
    assert n == distinct and n > 0
    assert query(db, "select count(*) from fct_rumours")[0][0] > 0
    # DuckDB writes stayed serialised: the pool has one slot
    pool = api.call("GET", "/pools/duckdb_writer")
    assert pool["slots"] == 1
