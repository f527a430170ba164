"""Test-wide set-up: the repo on sys.path and an Airflow home inside the repo
(the same defaults as the Makefile, so `pytest` alone behaves like `make test`)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("AIRFLOW_HOME", str(ROOT / "airflow_home"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(ROOT / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{ROOT / 'airflow_home' / 'airflow.db'}")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("AIRFLOW__COSMOS__ENABLE_TELEMETRY", "False")
os.environ.setdefault("AIRFLOW__COSMOS__CACHE_DIR", str(ROOT / "airflow_home" / "cosmos_cache"))
os.environ.setdefault("DO_NOT_TRACK", "true")
# The tests' HTTP servers all listen on 127.0.0.1, which the fetcher refuses unless allowed
# (extractors/ingest/netguard.py); tests of the refusal itself set their own allowance.
os.environ.setdefault("MERCATO_FETCH_ALLOW_HOSTS", "127.0.0.1")
