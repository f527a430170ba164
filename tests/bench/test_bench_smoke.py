"""`make bench` at a tiny N: every figure is in the JSON and sane. Never timed:
a benchmark measures speed, a test only checks that the measurement happened."""
import json
import math
import subprocess
import sys

import pytest

from tests.tools.bench import main as bench
from tests.tools.bench import corpus as bench_corpus
from extractors.config import REPO_ROOT

def test_corpus_is_deterministic_sized_and_has_transfer_sentences():
    a, b = bench_corpus.render_page(3, 5), bench_corpus.render_page(3, 5)
    assert a == b and a != bench_corpus.render_page(4, 5)
    sizes = [len(bench_corpus.render_page(3, i).encode()) for i in range(40)]
    assert min(sizes) >= bench_corpus.MIN_BYTES * 0.9 and max(sizes) <= bench_corpus.MAX_BYTES + 8 * 1024
    langs = {bench_corpus.outlet_of(i).language for i in range(8)}
    assert langs == {"it", "en", "es", "fr"}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run([sys.executable, "-m", "tests.tools.bench.main", "--tiny", "--quiet", "--out", str(out)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "MET" in proc.stdout                      # the targets table was printed
    latest = json.loads((out / "latest.json").read_text())
    runs = list(out.glob("bench-*.json"))
    assert len(runs) == 1 and json.loads(runs[0].read_text()) == latest
    png = out / "stages.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return latest


def _positive(x):
    return isinstance(x, (int, float)) and math.isfinite(x) and x > 0


@pytest.mark.slow
def test_every_stage_has_time_throughput_and_peak_memory(figures):
    n = figures["meta"]["n"]
    assert figures["meta"]["unavailable"] == {}, "extractors.extract or extractors.warehouse not importable"
    for stage in bench.STAGE_ORDER:
        s = figures["stages"][stage]
        assert _positive(s["seconds"]) and _positive(s["articles_per_s"]) and _positive(s["peak_rss_mb"]), stage
        assert s["articles"] == n, stage                 # no page of the corpus lost on the way
    assert figures["stages"]["extract"]["counts"]["failed"] == 0


@pytest.mark.slow
def test_floor_cores_scaling_and_dbt_figures(figures):
    assert _positive(figures["floor"]["trafilatura_extract"]["articles_per_s"])
    assert _positive(figures["floor"]["pipeline_one_process"]["articles_per_s"])
    pool = figures["all_cores"]["pool"]
    assert pool["landed"] == pool["extracted"] == figures["meta"]["n"] and pool["failed"] == 0
    sc = figures["scaling"]
    assert sc["n_large"] == figures["meta"]["n"] * sc["scale"]
    assert sc["stages_large"]["land"]["articles"] == sc["n_large"]
    inc = figures["incremental_dbt"]
    assert inc["articles_base"] == sc["n_large"] and inc["articles_new"] >= 1
    assert inc["incremental"]["articles"] == inc["full_refresh"]["articles"] == sc["n_large"] + inc["articles_new"]
    assert _positive(figures["extract_plain_text"]["articles_per_s"])


@pytest.mark.slow
def test_all_cores_is_read_against_one_process_runs_on_both_sides(figures):
    ac = figures["all_cores"]
    assert ac["serial_after"]["landed"] == ac["serial_after"]["extracted"] == figures["meta"]["n"]
    lo, hi = sorted([ac["serial"]["articles_per_s"], ac["serial_after"]["articles_per_s"]])
    assert lo <= ac["serial_pooled"]["articles_per_s"] <= hi
    assert math.isclose(ac["ratio"], ac["pool"]["articles_per_s"] / ac["serial_pooled"]["articles_per_s"])


@pytest.mark.slow
def test_scaling_is_read_against_n_runs_on_both_sides(figures):
    sc = figures["scaling"]
    assert _positive(sc["articles_per_s_n_before"]) and _positive(sc["articles_per_s_n_after"])
    assert sc["stages_n_after"]["land"]["articles"] == sc["n"]
    # the N figure the ratio uses lies between the two N runs it pools
    lo, hi = sorted([sc["articles_per_s_n_before"], sc["articles_per_s_n_after"]])
    assert lo <= sc["articles_per_s"] <= hi
    assert math.isclose(sc["ratio"], sc["articles_per_s_large"] / sc["articles_per_s"])
    # linearity inside the large run, free of the drift between runs
    for stage in ("clean", "extract"):
        w = sc["within_large_run"][stage]
        assert _positive(w["first_n_cpu_ms"]) and _positive(w["last_n_cpu_ms"]), stage


@pytest.mark.slow
def test_dbt_growth_builds_a_bigger_lake_by_copying_articles(figures):
    small, big = figures["dbt_growth"]
    assert small["copies"] == 1 and big["copies"] == 2
    # every article (and the +1 % batch) copied under new ids: twice the rows, none deduplicated away
    assert big["articles"] == 2 * small["articles"]
    for row in (small, big):
        assert _positive(row["incremental_seconds"]) and _positive(row["full_seconds"])
        assert math.isclose(row["ratio"], row["incremental_seconds"] / row["full_seconds"])


@pytest.mark.slow
def test_dbt_builds_are_split_into_sql_and_dbt_own_time(figures):
    inc = figures["incremental_dbt"]
    for build in ("incremental", "full_refresh"):
        b = inc[build]
        # every build sends statements to DuckDB, and they take part of its wall time
        assert b["sql_statements"] > b["nodes"] and 0 < b["sql_seconds"] < b["seconds"], build
    assert math.isclose(inc["ratio_sql"], inc["incremental"]["sql_seconds"] / inc["full_refresh"]["sql_seconds"])
    assert 0 < inc["ratio_without_sql"] < inc["ratio"]


@pytest.mark.slow
def test_targets_table_has_a_measured_value_for_every_target(figures):
    got = {t["key"]: t for t in figures["targets"]}
    assert set(got) == {k for k, *_ in bench.TARGETS}
    for t in got.values():
        assert _positive(t["value"]) and isinstance(t["met"], bool), t


@pytest.mark.slow
def test_dag_run_is_measured_against_mercato_run_on_the_same_sources(figures):
    d = figures["dag_run"]
    assert d["sources"] == "data/sources/samples.yml" and d["rounds"] == 1
    assert len(d["dag"]) == len(d["mercato_run"]) == 1
    # both sides published the same warehouse (the bench checks it), with the sample rumours in it
    assert d["articles"] > 0 and d["rumours"] > 0
    dag, run = d["dag"][0], d["mercato_run"][0]
    assert _positive(dag["seconds"]) and _positive(run["seconds"])
    assert dag["seconds"] < dag["command_seconds"]     # trigger to success lies inside the command
    assert math.isclose(d["ratio"], dag["seconds"] / run["seconds"])
