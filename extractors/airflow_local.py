"""`make airflow`: Airflow 3 standalone on 127.0.0.1 with the repo's Airflow home.

Standalone only stops cleanly on SIGINT, and it starts several processes; we
start it in its own process group and, on Ctrl-C, send SIGINT to the group,
wait, and escalate only if something is left."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from extractors.config import paths

PASSWORDS_FILE = "simple_auth_manager_passwords.json.generated"


def airflow_env(port: int = 8080) -> dict:
    home = Path(os.environ.get("AIRFLOW_HOME", Path.cwd() / "airflow_home"))
    return {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__EXECUTOR": os.environ.get("AIRFLOW__CORE__EXECUTOR", "LocalExecutor"),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": os.environ.get("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "admin:admin"),
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__COSMOS__DBT_DOCS_DIR": str(paths().docs / "site"),
        "AIRFLOW__COSMOS__DBT_DOCS_INDEX_FILE_NAME": "index.html",
    }


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def stop_group(proc: subprocess.Popen, timeout: float = 60) -> None:
    """SIGINT the process group, then SIGTERM, then SIGKILL, until nothing is left."""
    for sig, grace in ((signal.SIGINT, timeout), (signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if not _group_alive(proc.pid):
            break
        os.killpg(proc.pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and _group_alive(proc.pid):
            proc.poll()              # reap the leader so a zombie does not look alive
            time.sleep(0.3)
    proc.poll()


def start_standalone(port: int = 8080, log_path: Path | None = None) -> subprocess.Popen:
    env = airflow_env(port)
    out = open(log_path, "ab") if log_path else None
    airflow = str(Path(sys.executable).with_name("airflow"))
    return subprocess.Popen([airflow, "standalone"], env=env, stdout=out, stderr=subprocess.STDOUT if out else None,
                            start_new_session=True)


def main(port: int = 8080) -> int:
    env = airflow_env(port)
    password_file = Path(env["AIRFLOW_HOME"]) / PASSWORDS_FILE
    print(f"Starting Airflow on http://127.0.0.1:{port} (Ctrl-C stops it and every process it started)")
    print(f"Log in as 'admin'; the generated password is in {password_file} (never committed).")
    proc = start_standalone(port)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        print("\nstopping Airflow ...")
        stop_group(proc)
        return 0
