"""Faults injected for real, without Airflow: a process killed in the middle of a Parquet write.
(The other faults run in Airflow: a Celery worker killed mid-task in test_celery.py; a source that
times out or returns garbage and the same logical date run twice in test_airflow_ui.py; an analyst
reading the published warehouse during a build in tests/warehouse/test_publish.py.)"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from extractors.ingest import land
from tests.ops.opskit import ROOT

pytestmark = pytest.mark.slow   # repeated writer processes killed mid-write: minutes on 2 cores

DAY = date(2026, 3, 1)
WRITER = """
import sys
from datetime import date, datetime, timezone
import pyarrow as pa
from extractors.ingest import land
n, tag = int(sys.argv[2]), sys.argv[3]
at = datetime(2026, 3, 1, tzinfo=timezone.utc)
rows = pa.table({"url": [f"https://example.org/{tag}/{i}" for i in range(n)],
                 "source": ["crash"] * n, "stage": ["fetch"] * n,
                 "reason": [f"{tag} {i} " + "x" * 200 for i in range(n)], "at": [at] * n})
print("writing", flush=True)
land.write_partition(__import__("pathlib").Path(sys.argv[1]), "rejects", date(2026, 3, 1), rows)
print("done", flush=True)
"""


def _writer(lake: Path, n: int, tag: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(lake), str(n), tag], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _visible(lake: Path) -> list[tuple[str, int]]:
    """What a reader of the lake sees, with the glob the dbt sources use."""
    con = duckdb.connect()
    try:
        return con.sql(f"select reason[1:4], count(*) from read_parquet('{lake}/rejects/ingest_date=*/[!.]*.parquet') "
                       "group by 1").fetchall()
    finally:
        con.close()


def test_kill_during_a_parquet_write_never_shows_a_partial_file(tmp_path):
    lake = tmp_path / "lake"
    first = _writer(lake, 1000, "old")
    assert first.wait(120) == 0
    part = land.partition_dir(lake, "rejects", DAY) / land.PART_NAME
    old_bytes = part.read_bytes()

    killed_with_tmp = 0
    for attempt in range(5):                      # kill while the temp file is being written
        proc = _writer(lake, 2_000_000, "new")
        assert proc.stdout.readline().strip() == "writing"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(part.parent.glob(".tmp-*")):
            time.sleep(0.005)
        time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
        killed_with_tmp += bool(list(part.parent.glob(".tmp-*")))
        # readers see the old complete file, never a part of the new one
        assert part.read_bytes() == old_bytes
        assert _visible(lake) == [("old ", 1000)]
    assert killed_with_tmp, "the writer was never caught mid-write"

    # the re-run completes and replaces the partition; leftovers of the crash stay invisible
    again = _writer(lake, 5000, "new")
    assert again.wait(300) == 0
    assert _visible(lake) == [("new ", 5000)]
    assert len(land.read_partition(lake, "rejects", DAY)) == 5000
