"""`make airflow`: Airflow 3 standalone on 127.0.0.1 with the repo's Airflow home.

Standalone only stops cleanly on SIGINT, and it starts several processes; we
start it in its own process group and, on Ctrl-C, send SIGINT to the group,
wait, and escalate only if something is left.

The helpers here (environment, health, token, trigger, stop) are shared with
extractors.local.celery_cluster and the operations tests in tests/ops/."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from extractors.config import REPO_ROOT, paths

PASSWORDS_FILE = "simple_auth_manager_passwords.json.generated"
DAG_ID = "transfer_rumours"
POOL = ("duckdb_writer", "1", "DuckDB allows one writing process per file")


def airflow_bin(name: str = "airflow") -> str:
    return str(Path(sys.executable).with_name(name))


def docs_projects() -> str:
    """astronomer-cosmos' Airflow 3 plugin reads [cosmos] dbt_docs_projects (JSON); the DAG's
    `docs` task (warehouse.generate_docs) writes index.html, manifest.json and catalog.json
    straight into paths().docs. UI: Browse -> "dbt Docs (Mercato)", /cosmos/mercato/dbt_docs_index.html."""
    return json.dumps({"mercato": {"dir": str(paths().docs), "index": "index.html", "name": "dbt Docs (Mercato)"}})


# Scheduling settings of a local Airflow (`make airflow`, the tests' Airflows, the Celery cluster);
# each is overridden by the same variable in the environment. A run is ~40 short tasks one after
# the other, so what the scheduler waits between them adds up (README, "The DAG", has the figures).
LOCAL_SCHEDULING = {
    # the scheduler sleeps this long after a loop that found nothing to do (default 1 s): a task
    # that has just finished waited half of it on average before its downstream tasks were queued
    "AIRFLOW__SCHEDULER__SCHEDULER_IDLE_SLEEP_TIME": "0.25",
}


def airflow_env(port: int = 8080, home: str | os.PathLike | None = None, **extra: str) -> dict:
    explicit = home is not None
    home = Path(home or os.environ.get("AIRFLOW_HOME") or REPO_ROOT / "airflow_home")
    env = {
        **LOCAL_SCHEDULING,
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": os.environ.get("AIRFLOW__CORE__DAGS_FOLDER", str(REPO_ROOT / "dags")),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        "AIRFLOW__CORE__EXECUTOR": os.environ.get("AIRFLOW__CORE__EXECUTOR", "LocalExecutor"),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": os.environ.get("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "admin:admin"),
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__COSMOS__DBT_DOCS_PROJECTS": docs_projects(),
        "AIRFLOW__COSMOS__DBT_DOCS_DIR": str(paths().docs),          # Airflow 2 plugin's setting
        "AIRFLOW__COSMOS__DBT_DOCS_INDEX_FILE_NAME": "index.html",
        "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
        "DO_NOT_TRACK": "true",
        "SCARF_NO_ANALYTICS": "true",
        # standalone starts its components as `airflow ...` from PATH: this venv's first
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    if explicit or "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" not in os.environ:
        env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{home / 'airflow.db'}"
    env.update(extra)
    return env


# -- processes ------------------------------------------------------------------

def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def stop_group(proc: subprocess.Popen, timeout: float = 45) -> None:
    """SIGINT the leader (it stops its own components), then SIGINT, SIGTERM and SIGKILL
    to the whole process group, until nothing of the group is left."""
    steps = ((False, signal.SIGINT, timeout), (True, signal.SIGINT, 10), (True, signal.SIGTERM, 15),
             (True, signal.SIGKILL, 5))
    for whole_group, sig, grace in steps:
        if not _group_alive(proc.pid):
            break
        try:
            if whole_group:
                os.killpg(proc.pid, sig)
            elif proc.poll() is None:
                os.kill(proc.pid, sig)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and _group_alive(proc.pid):
            proc.poll()              # reap the leader so a zombie does not look alive
            time.sleep(0.3)
    proc.poll()


def group_pids(pgid: int) -> list[int]:
    """PIDs still in process group ``pgid`` (from /proc), zombies excluded."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            pids.append(int(d.name))
    return pids


def run_cli(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run([airflow_bin(), *args], env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode:
        raise RuntimeError(f"airflow {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def ensure_pool(env: dict) -> None:
    run_cli(env, "pools", "set", *POOL)


def start_standalone(port: int = 8080, log_path: Path | None = None, env: dict | None = None) -> subprocess.Popen:
    env = env or airflow_env(port)
    out = open(log_path, "ab") if log_path else None
    return subprocess.Popen([airflow_bin(), "standalone"], env=env, stdout=out,
                            stderr=subprocess.STDOUT if out else None, start_new_session=True)


# -- REST API -------------------------------------------------------------------

def _request(url: str, method: str = "GET", body: dict | None = None, token: str | None = None,
             timeout: float = 30) -> tuple[int, dict | str]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as resp:
            raw = resp.read().decode()
            status = resp.status
    except urllib.error.HTTPError as err:
        raw, status = err.read().decode(), err.code
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


def wait_healthy(base_url: str, timeout: float = 180, proc: subprocess.Popen | None = None) -> None:
    """Until the REST API and the tasks' execution API answer. The api-server builds the execution
    API on its first request (~3 s, more on a busy machine): asked here, that is not paid by the
    first task of the first run (its start request took 4.5 s on a fresh `make airflow`)."""
    deadline = time.monotonic() + timeout
    pending = ["/api/v2/monitor/health", "/execution/health"]
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"Airflow exited with {proc.returncode} before it was healthy")
        try:
            status, body = _request(f"{base_url}{pending[0]}", timeout=30)
            if status == 200 and isinstance(body, dict):
                pending.pop(0)
                if not pending:
                    return
                continue
        except OSError:
            pass
        time.sleep(1)
    raise TimeoutError(f"{base_url} not healthy after {timeout}s")


def read_password(home: Path, user: str = "admin", timeout: float = 60) -> str:
    path = Path(home) / PASSWORDS_FILE
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            try:
                return json.loads(path.read_text())[user]
            except (ValueError, KeyError):
                pass
        time.sleep(0.5)
    raise TimeoutError(f"no password for {user} in {path}")


class Api:
    """A small client of the Airflow 3 REST API (v2) with a token from the simple auth manager."""

    def __init__(self, base_url: str, username: str, password: str):
        self.base_url = base_url.rstrip("/")
        status, body = _request(f"{self.base_url}/auth/token", "POST", {"username": username, "password": password})
        if status not in (200, 201):
            raise RuntimeError(f"POST /auth/token: {status} {body}")
        self.token = body["access_token"]

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        status, data = _request(f"{self.base_url}/api/v2{path}", method, body, self.token)
        if status >= 300:
            raise RuntimeError(f"{method} {path}: {status} {data}")
        return data

    def wait_dag(self, dag_id: str = DAG_ID, timeout: float = 180) -> dict:
        """The DAG once the dag-processor has parsed it."""
        deadline = time.monotonic() + timeout
        while True:
            status, data = _request(f"{self.base_url}/api/v2/dags/{dag_id}", token=self.token)
            if status == 200:
                return data
            if time.monotonic() > deadline:
                raise TimeoutError(f"DAG {dag_id} not parsed after {timeout}s: {status} {data}")
            time.sleep(2)

    def trigger(self, conf: dict, dag_id: str = DAG_ID, logical_date: str | None = None) -> str:
        body = {"conf": conf, "logical_date": logical_date}
        return self.call("POST", f"/dags/{dag_id}/dagRuns", body)["dag_run_id"]

    def run_state(self, run_id: str, dag_id: str = DAG_ID) -> str:
        return self.call("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]

    def wait_run(self, run_id: str, dag_id: str = DAG_ID, timeout: float = 900, on_poll=None) -> str:
        deadline, state = time.monotonic() + timeout, "unknown"
        while time.monotonic() < deadline:
            try:
                state = self.run_state(run_id, dag_id)
            except OSError:          # one slow answer of a busy api-server (socket timeout): ask again
                time.sleep(2)
                continue
            if state in ("success", "failed"):
                return state
            if on_poll:
                on_poll()
            time.sleep(2)
        raise TimeoutError(f"run {run_id} still {state} after {timeout}s")

    def task_instances(self, run_id: str, dag_id: str = DAG_ID) -> list[dict]:
        out, offset = [], 0
        while True:
            page = self.call("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances?limit=100&offset={offset}")
            out += page["task_instances"]
            offset += len(page["task_instances"])
            if not page["task_instances"] or offset >= page["total_entries"]:
                return out


def main(port: int = 8080) -> int:
    """Standalone Airflow in the foreground until Ctrl-C. Unless MERCATO_SAMPLES_URL is set, the
    bundled sample site is served on 127.0.0.1 meanwhile (and allowed in MERCATO_FETCH_ALLOW_HOSTS),
    so the default trigger (samples.yml) works; a caller that sets MERCATO_SAMPLES_URL allows its site."""
    from contextlib import ExitStack

    from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing
    from extractors.warehouse.serve import StaticSite

    # A command started from a background job (`nohup ... &`, some CI runners) gets
    # SIGINT ignored, and every child inherits that: Ctrl-C would then stop nothing.
    # A handler of our own is reset to the default in the children at exec.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with ExitStack() as stack:
        if not os.environ.get("MERCATO_SAMPLES_URL"):
            site = stack.enter_context(StaticSite(REPO_ROOT / "data" / "samples" / "site"))
            os.environ["MERCATO_SAMPLES_URL"] = site.url
            # the fetcher refuses 127.0.0.1 unless allowed: allow this server, not the whole host
            os.environ[ALLOW_HOSTS_ENV] = allowing(site.url)
            print(f"sample site at {site.url} (MERCATO_SAMPLES_URL)", flush=True)
        return _foreground(port)


def _foreground(port: int) -> int:
    env = airflow_env(port)
    home = Path(env["AIRFLOW_HOME"])
    password_file = home / PASSWORDS_FILE
    base = f"http://127.0.0.1:{port}"
    print(f"Starting Airflow on {base} (Ctrl-C stops it and every process it started)", flush=True)
    proc = start_standalone(port, env=env)
    try:
        try:
            wait_healthy(base, timeout=600, proc=proc)   # 2 shared cores: minutes, at worst
            ensure_pool(env)
            password = read_password(home)
        except (RuntimeError, TimeoutError) as err:
            print(f"Airflow did not come up: {err}", flush=True)
            return proc.wait() if proc.poll() is not None else 1
        print(f"\nAirflow is up: open {base} and log in as 'admin' with the password in\n"
              f"  {password_file}  (generated, never committed; currently: {password})\n"
              f"DAG '{DAG_ID}' (unpaused): Trigger -> form with every parameter. dbt docs: "
              f"Browse -> dbt Docs (Mercato), {base}/cosmos/mercato/dbt_docs_index.html\n", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        print("\nstopping Airflow ...", flush=True)
        return 0
    finally:
        stop_group(proc)
