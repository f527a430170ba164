"""`mercato sql`: analysts query the published file read-only, one-shot or at a prompt."""
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

MERCATO = str(Path(sys.executable).with_name("mercato"))


def run(paths, *args, stdin=None):
    env = {**os.environ, "MERCATO_DATA_DIR": str(paths.base)}
    return subprocess.run([MERCATO, "sql", *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_one_shot_query_prints_a_table(paths):
    expected = duckdb.connect(str(paths.published_db), read_only=True).execute(
        "select count(*) from fct_rumours").fetchone()[0]
    proc = run(paths, "select count(*) as n from fct_rumours")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].strip() == "n" and lines[2].strip() == str(expected)


def test_prompt_runs_queries_until_quit(paths):
    proc = run(paths, stdin="select latest_status, count(*) as n\nfrom fct_rumours group by 1;\nselect nope;\n\\q\n")
    assert proc.returncode == 0
    assert "latest_status" in proc.stdout and "error:" in proc.stdout


def test_the_published_file_is_opened_read_only(paths):
    proc = run(paths, "create table analyst_scratch as select 1")
    assert proc.returncode != 0 and "read-only" in (proc.stderr + proc.stdout).lower()
