"""Secrets stay out of git, and the docker-compose deployment file is valid (no Docker engine
runs here: `docker-compose config -q` when Debian's docker-compose is installed, else a
structure check with yaml)."""
from __future__ import annotations

import re
import shutil
import subprocess

import yaml

from tests.ops.opskit import ROOT

SECRET_NAMES = re.compile(r"(simple_auth_manager_passwords|\.generated$|(^|/)airflow\.cfg$|(^|/)\.env$|"
                          r"webserver_config\.py$|\.pem$|\.key$|id_rsa|fernet)", re.I)
SECRET_TEXT = re.compile(r"(fernet_key\s*=\s*\S{20,}|jwt_secret\s*=\s*\S{16,}|secret_key\s*=\s*\S{16,}|"
                         r"-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16})", re.I)


def _tracked() -> list[str]:
    return subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()


def test_no_password_file_fernet_key_or_secret_is_tracked():
    files = _tracked()
    assert not [f for f in files if f.startswith("airflow_home/")]
    assert not [f for f in files if SECRET_NAMES.search(f)]
    hits = []
    for f in files:
        path = ROOT / f
        if path.is_file() and path.stat().st_size < 2_000_000 and not f.endswith((".lock", ".parquet", ".png")):
            text = path.read_text("utf-8", errors="ignore")
            hits += [(f, m.group(0)[:40]) for m in SECRET_TEXT.finditer(text)]
    assert hits == []


def test_gitignore_covers_airflow_home_and_generated_passwords():
    for path in ("airflow_home/simple_auth_manager_passwords.json.generated", "airflow_home/airflow.cfg",
                 "airflow_home/airflow.db", "test-output/x.png"):
        proc = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert proc.returncode == 0, f"{path} is not git-ignored"


def test_docker_compose_file_is_valid():
    compose = ROOT / "docker-compose.yml"
    if shutil.which("docker-compose"):
        proc = subprocess.run(["docker-compose", "-f", str(compose), "config", "-q"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
    doc = yaml.safe_load(compose.read_text())
    services = doc["services"]
    for name in ("postgres", "redis", "airflow-init", "airflow-api-server", "airflow-scheduler",
                 "airflow-dag-processor", "airflow-triggerer", "airflow-worker"):
        assert name in services, name
    for name, svc in services.items():
        if name.startswith("airflow"):
            assert "./data:/opt/mercato/data" in svc.get("volumes", []), name
    env = doc["x-airflow-common"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["MERCATO_DATA_DIR"] == "/opt/mercato/data"
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"].startswith("http://airflow-api-server:")
    assert services["airflow-worker"]["deploy"]["replicas"] >= 2
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --frozen" in dockerfile


def test_a_set_up_venv_stays_set_up():
    """Incident: `make` handed uv a pyenv shim as the interpreter; uv found it differed from the
    venv's and recreated .venv at every sync, its .synced marker with it, so every make target
    (test, run, bench) reinstalled the venv, recompiled its bytecode and migrated Airflow again.
    `make test` has just set up: the venv's targets must be up to date (`make -q` exits 0)."""
    proc = subprocess.run(["make", "-q", ".venv/.synced", ".venv/.bytecode"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
