"""The whole DAG with the Param extractor=llm, for real (`airflow dags test`): our fixture
articles as a local source, our chat server as the model, a dbt-built warehouse with the
model's rumours; the same run again makes no request (every answer from the cache)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from extractors.config import paths

from .chat_server import ChatServer, recorded_script
from .conftest import API_KEY, ARTICLES, llm_env

pytestmark = pytest.mark.slow


def dags_test(env: dict, conf: dict) -> subprocess.CompletedProcess:
    cmd = [str(Path(sys.executable).with_name("airflow")), "dags", "test", "transfer_rumours", "--conf", json.dumps(conf)]
    return subprocess.run(cmd, env={**os.environ, **env}, capture_output=True, text=True, timeout=900)


def rumours(p) -> list[tuple]:
    con = duckdb.connect(str(p.published_db), read_only=True)
    try:
        return con.sql("select player_name, from_club_name, to_club_name, latest_status from fct_rumours "
                       "order by all").fetchall()
    finally:
        con.close()


def test_a_dag_run_with_the_llm_extractor_fills_the_warehouse_and_a_rerun_makes_no_call(tmp_path):
    conf = {"sources": [{"name": "fixtures", "kind": "local", "path": str(ARTICLES), "language": "en"}],
            "extractor": "llm"}
    with ChatServer(recorded_script()) as server:
        env = llm_env(server, tmp_path / "data")
        first = dags_test(env, conf)
        assert first.returncode == 0, first.stdout[-6000:] + first.stderr[-6000:]
        calls_first = len(server.completions())
        p = paths(tmp_path / "data")
        before = rumours(p)
        second = dags_test(env, conf)
        assert second.returncode == 0, second.stdout[-6000:] + second.stderr[-6000:]
        assert len(server.completions()) == calls_first == 6       # the second run: 0 calls
    assert ("Pablo Garrido", "Real Betis", "Valencia", "rumour") in before      # the model's answers ...
    assert ("Daniel Okoro", "Porto", "Celtic", "agreed") in before
    assert ("Lorenzo Ferri", "Genoa", "Napoli", "agreed") in before
    assert any(r[0] == "Sam Whitlock" for r in before)                         # ... and a fallback's
    assert rumours(p) == before
    assert API_KEY not in first.stdout + first.stderr + second.stdout + second.stderr
