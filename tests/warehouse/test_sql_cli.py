"""`mercato sql`: analysts query the published file read-only, one-shot or at a prompt."""
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow   # the session's warehouse (two dbt builds)

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


def test_a_sql_error_is_one_message_and_exit_code_1(paths):
    proc = run(paths, "select nope from dim_players")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("mercato sql: Binder Error:") and '"nope"' in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_prompt_survives_errors_and_goes_on(paths):
    n = duckdb.connect(str(paths.published_db), read_only=True).execute(
        "select count(*) from dim_players").fetchone()[0]
    queries = ["select nope from dim_players;",            # binder error
               "selec 1;",                                # parser error
               "select count(*) as players", "from dim_players;",   # a query over two lines after them
               "select 1/0 as x from no_such_table;"]
    proc = run(paths, stdin="\n".join(queries) + "\n")    # ends with EOF (Ctrl-D), not \\q
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    errors = [line for line in proc.stdout.splitlines() if "error: " in line]
    assert len(errors) == 3
    assert "Binder Error" in errors[0] and "Parser Error" in errors[1] and "no_such_table" in errors[2]
    table = proc.stdout.split("players\n", 1)[1].splitlines()
    assert table[1].strip() == str(n) and table[2] == "(1 row)"


def test_without_a_published_warehouse_the_error_says_so(tmp_path):
    from extractors import config
    proc = run(config.paths(tmp_path), "select 1")
    assert proc.returncode == 1
    assert proc.stderr.startswith("mercato sql: no published warehouse at") and "Traceback" not in proc.stderr


def test_the_published_file_is_opened_read_only(paths):
    proc = run(paths, "create table analyst_scratch as select 1")
    assert proc.returncode == 1 and "read-only" in proc.stderr.lower()
