"""Airflow's distributed topology on one machine: api-server, scheduler, dag-processor,
triggerer and N Celery workers as separate processes (each in its own process group),
PostgreSQL as the metadata database and Redis as the Celery broker.

Used by tests/ops/test_celery.py; docker-compose.yml runs the same topology in containers.
Every worker gets a name (``--celery-hostname``) and, through ``[core] hostname_callable``
= ``extractors.local.celery_cluster.worker_hostname``, the task instances it runs record that name
as their hostname (on separate machines or containers the real hostname is used)."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from pathlib import Path

from extractors.local.standalone import airflow_bin, airflow_env, ensure_pool, run_cli, stop_group, wait_healthy

WORKER_NAME_ENV = "MERCATO_WORKER_HOSTNAME"


def worker_hostname() -> str:
    return os.environ.get(WORKER_NAME_ENV) or socket.getfqdn()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CeleryCluster:
    def __init__(self, home: Path, db_url: str, broker_url: str, workers: int = 2, port: int | None = None,
                 log_dir: Path | None = None, **extra: str):
        self.home, self.port = Path(home), port or _free_port()
        self.home.mkdir(parents=True, exist_ok=True)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_dir = Path(log_dir or self.home / "process-logs")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        result_backend = "db+" + db_url.replace("postgresql://", "postgresql+psycopg2://")
        self.env = airflow_env(self.port, home=self.home, **{
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": db_url,
            "AIRFLOW__CELERY__BROKER_URL": broker_url,
            "AIRFLOW__CELERY__RESULT_BACKEND": result_backend,
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",
            "AIRFLOW__CELERY__WORKER_PREFETCH_MULTIPLIER": "1",
            "AIRFLOW__CORE__HOSTNAME_CALLABLE": "extractors.local.celery_cluster.worker_hostname",
            # every component signs and checks the same task tokens
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(_free_port()),
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
            **extra,
        })
        self.n_workers = workers
        self.procs: dict[str, subprocess.Popen] = {}

    def _start(self, name: str, args: list[str], **env: str) -> subprocess.Popen:
        out = open(self.log_dir / f"{name}.log", "ab")
        proc = subprocess.Popen([airflow_bin(), *args], env={**self.env, **env}, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[name] = proc
        return proc

    def start_worker(self, i: int) -> subprocess.Popen:
        name = f"worker{i}"
        return self._start(name, ["celery", "worker", "--celery-hostname", f"{name}@%h", "--concurrency", "1",
                                  "--without-mingle", "--without-gossip"],
                           **{WORKER_NAME_ENV: name, "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port())})

    def start(self, timeout: float = 240) -> "CeleryCluster":
        run_cli(self.env, "db", "migrate", timeout=600)
        ensure_pool(self.env)
        self._start("api-server", ["api-server"])
        self._start("scheduler", ["scheduler"])
        self._start("dag-processor", ["dag-processor"])
        self._start("triggerer", ["triggerer"])
        for i in range(1, self.n_workers + 1):
            self.start_worker(i)
        wait_healthy(self.base, timeout=timeout, proc=self.procs["api-server"])
        return self

    def worker_name(self, hostname: str) -> str | None:
        return hostname if hostname in self.procs else None

    def stop(self) -> None:
        # workers first (they finish or give back their task), then the rest
        order = sorted(self.procs, key=lambda n: (not n.startswith("worker"), n))
        for name in order:
            stop_group(self.procs[name], timeout=30)

    def alive(self) -> dict[str, bool]:
        return {name: p.poll() is None for name, p in self.procs.items()}

    def wait_workers_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        for i in range(1, self.n_workers + 1):
            log = self.log_dir / f"worker{i}.log"
            while "ready." not in (log.read_text(errors="replace") if log.exists() else ""):
                if time.monotonic() > deadline or self.procs[f"worker{i}"].poll() is not None:
                    raise TimeoutError(f"worker{i} not ready: {log.read_text(errors='replace')[-2000:]}")
                time.sleep(1)
