"""`make airflow` for real: `mercato airflow` (Airflow standalone, LocalExecutor, SQLite) in a tmp
AIRFLOW_HOME and a tmp MERCATO_DATA_DIR, on a free port, over the sample site served by the test.
The DAG is triggered through the REST API (token from the simple auth manager), re-run for the
same logical date, fed broken sources, triggered from the UI by headless Chromium, and finally
Airflow is stopped with Ctrl-C (SIGINT) and nothing it started may be left.

The tests of this module share one Airflow and run in file order."""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.local.standalone import PASSWORDS_FILE, Api, read_password, wait_healthy
from extractors.config import paths
from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing

from tests.ops.opskit import ROOT, FaultySite, fingerprint, free_port, query

pytestmark = pytest.mark.slow

LOGICAL_DATE = "2026-03-01T06:00:00Z"
SECRET = "mercato-worker-secret-" + secrets.token_hex(8)     # in the workers' environment only
CHROMIUM = "/usr/bin/chromium"


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z":
                children.setdefault(int(fields[1]), []).append(int(d.name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


class Standalone:
    def __init__(self, tmp: Path, site_url: str):
        self.home, self.data, self.port = tmp / "airflow_home", tmp / "data", free_port()
        self.home.mkdir()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "mercato-airflow.log"
        self.env = {
            **os.environ,
            "AIRFLOW_HOME": str(self.home),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{self.home / 'airflow.db'}",
            "MERCATO_DATA_DIR": str(self.data),
            "MERCATO_SAMPLES_URL": site_url,
            ALLOW_HOSTS_ENV: allowing(site_url, ""),     # the sample site only, not Airflow's own port
            "SOME_SECRET": SECRET,
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",   # only our triggered runs, no hourly one
            "AIRFLOW__API__WORKERS": "1",
        }
        self.proc = subprocess.Popen([str(Path(sys.executable).with_name("mercato")), "airflow", "--port", str(self.port)],
                                     env=self.env, cwd=ROOT, stdout=open(self.log, "wb"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.seen: set[int] = set()
        wait_healthy(self.base, timeout=600, proc=self.proc)
        self.remember()
        self.api = Api(self.base, "admin", read_password(self.home))
        self.api.wait_dag()
        deadline = time.monotonic() + 60        # `mercato airflow` creates the pool once healthy
        while "Airflow is up" not in self.log.read_text(errors="replace"):
            assert time.monotonic() < deadline and self.proc.poll() is None, self.log.read_text()[-3000:]
            time.sleep(1)

    def remember(self) -> None:
        self.seen |= _descendants(self.proc.pid)

    def ctrl_c(self, timeout: float = 90) -> float:
        """What Ctrl-C in the terminal does: SIGINT to the foreground process group."""
        self.remember()
        start = time.monotonic()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        return time.monotonic() - start

    def kill_leftovers(self) -> list[int]:
        left = [p for p in self.seen | _descendants(self.proc.pid) if Path(f"/proc/{p}").exists()
                and not (Path(f"/proc/{p}/stat").read_text().split(") ")[1].startswith("Z"))]
        for p in left:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        return left


@pytest.fixture(scope="module")
def airflow(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("standalone")
    with FaultySite() as site:
        af = Standalone(tmp, site.url)
        af.site = site
        try:
            yield af
        finally:
            af.ctrl_c()
            af.kill_leftovers()


def _run(af: Standalone, conf: dict, logical_date: str | None = LOGICAL_DATE, timeout: float = 900) -> str:
    run_id = af.api.trigger(conf, logical_date=logical_date)
    state = af.api.wait_run(run_id, timeout=timeout, on_poll=af.remember)
    if state != "success":
        failed = [(t["task_id"], t["state"]) for t in af.api.task_instances(run_id) if t["state"] != "success"]
        pytest.fail(f"run {run_id} ended {state}: {failed}\n{af.log.read_text(errors='replace')[-4000:]}")
    return run_id


def test_make_airflow_prints_how_to_log_in(airflow):
    out = airflow.log.read_text(errors="replace")
    assert f"open {airflow.base}" in out
    assert str(airflow.home / PASSWORDS_FILE) in out and "log in as 'admin'" in out
    assert (airflow.home / PASSWORDS_FILE).exists()


def test_dag_is_unpaused_and_every_param_has_a_title_and_description(airflow):
    dag = airflow.api.call("GET", "/dags/transfer_rumours")
    assert dag["is_paused"] is False
    params = airflow.api.call("GET", "/dags/transfer_rumours/details")["params"]
    assert set(params) == {"sources_file", "sources", "max_articles", "languages", "host_delay", "extractor"}
    for name, p in params.items():
        assert p.get("schema", {}).get("title"), f"{name} has no title: {p}"
        assert p.get("description"), f"{name} has no description: {p}"


def test_a_fresh_unpaused_dag_schedules_nothing_before_the_next_hour(airflow):
    """The scheduler creates a scheduled run once now >= next_dagrun_run_after, which the
    dag-processor computed from the timetable when it first saw the DAG: that must be the next
    full hour, not now, so a user's first trigger does not wait behind a run nobody asked for."""
    from datetime import datetime, timedelta

    dag = airflow.api.call("GET", "/dags/transfer_rumours")
    parsed = datetime.fromisoformat(dag["last_parsed_time"])
    run_after = datetime.fromisoformat(dag["next_dagrun_run_after"])
    next_hour = parsed.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    assert run_after == next_hour > parsed, dag          # '@hourly' would give the hour already past
    runs = airflow.api.call("GET", "/dags/transfer_rumours/dagRuns?run_type=scheduled")["dag_runs"]
    assert runs == []


def test_rest_trigger_builds_the_warehouse(airflow):
    run_id = _run(airflow, {"sources_file": "data/sources/samples.yml"})
    db = paths(airflow.data).published_db
    assert query(db, "select count(*) from fct_rumours")[0][0] > 0
    tis = airflow.api.task_instances(run_id)
    assert {t["task_id"] for t in tis} >= {"list_sources", "ingest", "land", "extract", "publish", "docs", "summary"}
    airflow.first_run, airflow.first_print = run_id, fingerprint(db)


def test_dbt_docs_are_reachable_from_the_ui(airflow):
    from extractors.local.standalone import _request

    status, body = _request(f"{airflow.base}/cosmos/mercato/dbt_docs_index.html")
    assert status == 200 and "dbt" in body.lower(), str(body)[:500]
    status, manifest = _request(f"{airflow.base}/cosmos/mercato/manifest.json")
    assert status == 200 and "model.mercato.fct_rumours" in manifest["nodes"]
    views = json.dumps(airflow.api.call("GET", "/plugins"))
    assert "/cosmos/mercato/dbt_docs_index.html" in views


def test_same_logical_date_twice_gives_an_identical_warehouse(airflow):
    """Clear the whole first run (same run, same logical date) and let it run again."""
    run_id = airflow.first_run
    airflow.api.call("POST", "/dags/transfer_rumours/clearTaskInstances",
                     {"dag_run_id": run_id, "dry_run": False, "only_failed": False, "reset_dag_runs": True})
    time.sleep(2)
    state = airflow.api.wait_run(run_id, timeout=900, on_poll=airflow.remember)
    assert state == "success"
    assert fingerprint(paths(airflow.data).published_db) == airflow.first_print


def test_a_source_that_times_out_or_returns_garbage_is_rejected_and_the_run_goes_on(airflow):
    url = airflow.site.url
    sources = [
        {"name": "samples_rss", "kind": "rss", "url": f"{url}/rss.xml", "language": "it", "delay": 0},
        {"name": "hanging_feed", "kind": "rss", "url": f"{url}/hang/rss.xml", "language": "it", "delay": 0},
        {"name": "garbage_feed", "kind": "rss", "url": f"{url}/garbage.xml", "language": "it", "delay": 0},
        {"name": "garbage_pages", "kind": "urls", "urls": [f"{url}/garbage-1.html", f"{url}/garbage-2.html"],
         "language": "it", "delay": 0},
    ]
    _run(airflow, {"sources": sources}, logical_date="2026-03-02T06:00:00Z")
    db = paths(airflow.data).published_db
    rejects = {r[0]: (r[1], r[2]) for r in query(
        db, "select url, stage, reason from fct_rejects where ingest_date = '2026-03-02'")}
    hang, garbage = rejects[f"{url}/hang/rss.xml"], rejects[f"{url}/garbage.xml"]
    assert hang[0] == "discover" and ("timed out" in hang[1].lower() or "timeout" in hang[1].lower()), hang
    assert garbage[0] == "discover" and garbage[1], garbage
    for page in ("garbage-1.html", "garbage-2.html"):
        stage, reason = rejects[f"{url}/{page}"]
        assert stage in ("fetch", "clean") and reason
    assert query(db, "select count(*) from fct_rumour_mentions "
                     "where source_name = 'samples_rss' and ingest_date = '2026-03-02'")[0][0] > 0


def _strings_of_lake(base: Path) -> str:
    import pyarrow.parquet as pq

    return "\n".join(repr(pq.read_table(f).to_pylist()) for f in sorted(base.rglob("*.parquet")))


def _strings_of_warehouse(db: Path) -> str:
    relations = query(db, "select table_schema, table_name from information_schema.tables")
    return "\n".join(repr(query(db, f'select * from "{schema}"."{name}"')) for schema, name in relations)


def test_a_triggered_run_cannot_read_the_workers_secrets_or_files(airflow):
    """Inline sources asking for ${SOME_SECRET}, /etc, Airflow's own port, a private and a metadata
    address: each refused with its reason in fct_rejects and in the task log; the secret's value
    is nowhere in the lake, the warehouse or the logs; the good source still lands."""
    url = airflow.site.url
    sources = [
        {"name": "samples_rss", "kind": "rss", "url": f"{url}/rss.xml", "language": "it", "delay": 0},
        {"name": "leak_env", "kind": "rss", "url": "http://127.0.0.1:9/feed?k=${SOME_SECRET}"},
        {"name": "etc", "kind": "local", "path": "/etc"},
        {"name": "airflow_api", "kind": "urls", "urls": [f"{airflow.base}/api/v2/monitor/health"]},
        {"name": "private", "kind": "urls", "urls": ["http://10.1.2.3/feed.html"]},
        {"name": "metadata", "kind": "rss", "url": "http://169.254.169.254/latest/meta-data/"},
    ]
    run_id = _run(airflow, {"sources": sources, "max_articles": 3}, logical_date="2026-03-03T06:00:00Z")
    db = paths(airflow.data).published_db
    rejects = {r[0]: r[1] for r in query(
        db, "select source_name, reason from fct_rejects where ingest_date = '2026-03-03'")}
    assert "inline sources are never expanded" in rejects["leak_env"]
    assert "outside the local roots" in rejects["etc"]
    assert "127.0.0.1 is a loopback address" in rejects["airflow_api"]
    assert "10.1.2.3 is a private address" in rejects["private"]
    assert "169.254.169.254 is a cloud metadata address" in rejects["metadata"]
    assert query(db, "select count(*) from stg_lake__articles where source_name = 'samples_rss' "
                     "and ingest_date = '2026-03-03'")[0][0] > 0

    files = [f for f in (airflow.home / "logs").rglob("*") if f.is_file()]
    logs = "\n".join(f.read_text(errors="replace") for f in files)
    run_logs = "\n".join(f.read_text(errors="replace") for f in files if f"run_id={run_id}" in str(f))
    run_logs = run_logs.replace("\\u2026", "…")         # JSON log lines may escape the ellipsis
    assert "source leak_env: refused: inline sources are never expanded" in run_logs     # list_sources
    assert "source metadata: http://169.254.169.254/…: refused: 169.254.169.254 is a cloud metadata" in run_logs
    assert "source etc: /etc: refused: path is outside the local roots" in run_logs
    assert SECRET not in logs and SECRET not in airflow.log.read_text(errors="replace")
    assert SECRET not in _strings_of_lake(airflow.data)
    for warehouse_file in (db, paths(airflow.data).build_db):
        assert SECRET not in _strings_of_warehouse(warehouse_file)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test-tools installs it as root)")
def test_browser_logs_in_and_triggers_with_a_changed_param(airflow, output_dir):
    from playwright.sync_api import sync_playwright

    password = read_password(airflow.home)
    before = {r["dag_run_id"] for r in airflow.api.call("GET", "/dags/transfer_rumours/dagRuns?limit=100")["dag_runs"]}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"{airflow.base}/")
            page.fill("input[name='username']", "admin")
            page.fill("input[name='password']", password)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(lambda u: "/auth/login" not in u)
            page.goto(f"{airflow.base}/dags/transfer_rumours")
            page.get_by_role("button", name="Trigger").first.click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_text("Max articles per source").first.wait_for()
            page.screenshot(path=str(output_dir / "trigger-form.png"))
            field = dialog.locator("input[name='element_max_articles']")
            field.fill("3")
            field.press("Tab")
            dialog.get_by_role("button", name="Trigger").last.click()
            deadline = time.monotonic() + 600
            run = None
            while time.monotonic() < deadline:
                runs = airflow.api.call("GET", "/dags/transfer_rumours/dagRuns?limit=100")["dag_runs"]
                new = [r for r in runs if r["dag_run_id"] not in before]
                if new and new[0]["state"] in ("success", "failed"):
                    run = new[0]
                    break
                airflow.remember()
                time.sleep(3)
            assert run is not None, "no run triggered from the UI finished"
            page.goto(f"{airflow.base}/dags/transfer_rumours/runs/{run['dag_run_id']}")
            page.wait_for_timeout(3000)
            page.screenshot(path=str(output_dir / "run.png"), full_page=True)
        finally:
            browser.close()
    assert run["state"] == "success"
    assert run["conf"]["max_articles"] == 3
    assert (output_dir / "run.png").stat().st_size > 10_000


def test_ctrl_c_stops_airflow_and_leaves_no_process(airflow):
    assert len(airflow.seen) >= 4, airflow.seen          # standalone + its components were seen running
    took = airflow.ctrl_c()
    assert airflow.proc.returncode == 0, airflow.log.read_text(errors="replace")[-2000:]
    left = airflow.kill_leftovers()
    assert left == [], f"left running after Ctrl-C: {left}"
    assert took < 60, took
    print(f"stopped in {took:.1f}s")
