"""A data test that fails in the run's `dbt build`, seen as a user sees it in the Airflow UI:
the model it checks is the failed task (with the test named in its log), its children are
upstream_failed, the models beside it succeed, nothing is published. A real `airflow dags test`
over the sample site, with an older lake day holding a rumour whose status no extractor writes."""
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from extractors.config import paths
from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing
from extractors.warehouse.serve import StaticSite

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "warehouse"))

import lakefix  # noqa: E402

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _states(env: dict, run_id: str) -> dict[str, str]:
    out = subprocess.run([str(BIN / "airflow"), "tasks", "states-for-dag-run", "transfer_rumours", run_id,
                          "-o", "json"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    rows = json.loads(out.stdout[out.stdout.index("["):])
    return {r["task_id"]: r["state"] for r in rows if r.get("map_index") in ("", "-1", -1, None)}


@pytest.fixture(scope="module")
def failed_run(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    day = dict(lakefix.DAY1)
    day["rumours"] = [dict(r) for r in lakefix.DAY1["rumours"]]
    day["rumours"][0]["status"] = "probably"          # not one of the statuses the warehouse accepts
    lakefix.write_day(paths(data).lake, date(2025, 1, 9), day)
    with StaticSite(ROOT / "data" / "samples" / "site") as site:
        env = {**os.environ, "MERCATO_DATA_DIR": str(data), "MERCATO_SAMPLES_URL": site.url,
               "MERCATO_REFERENCE_URL": f"{site.url}/no-reference", ALLOW_HOSTS_ENV: allowing(site.url)}
        proc = subprocess.run([str(BIN / "airflow"), "dags", "test", "transfer_rumours", "--conf",
                               json.dumps({"sources_file": "data/sources/samples.yml"})],
                              env=env, capture_output=True, text=True, timeout=900)
    log = proc.stdout + proc.stderr
    run_id = re.search(r"DagRun Finished: .*?run_id=([^,\s]+)", log).group(1)
    return data, log, _states(env, run_id)


def test_the_checked_model_fails_naming_the_test_and_its_children_wait(failed_run):
    _, log, states = failed_run
    assert states["warehouse.dbt_build"] == "success"          # dbt ran: each node reports its own result
    assert states["warehouse.stg_lake__rumours_run"] == "failed"
    assert "accepted_values_stg_lake__rumours_status" in log
    assert states["warehouse.stg_lake__articles_run"] == "success"
    assert states["warehouse.clubs_seed"] == "success"
    assert states["warehouse.fct_rumours_run"] == "upstream_failed"
    assert states["publish"] == "upstream_failed"


def test_nothing_is_published(failed_run):
    data, _, _ = failed_run
    assert not paths(data).published_db.exists()
