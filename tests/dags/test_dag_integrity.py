"""The DAG folder parses cleanly and the DAG is configured as the team expects."""
from datetime import timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags"), known_pools={"default_pool", "duckdb_writer"})


@pytest.fixture(scope="module")
def dag(dagbag):
    return dagbag.get_dag("transfer_rumours")


def test_dag_folder_has_no_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert "transfer_rumours" in dagbag.dag_ids


def test_tags_schedule_and_catchup(dag):
    from airflow.timetables.trigger import CronTriggerTimetable

    assert {"mercato", "transfers"} <= set(dag.tags)
    assert dag.catchup is False
    assert isinstance(dag.timetable, CronTriggerTimetable) and dag.timetable._expression == "0 * * * *"
    assert dag.max_active_runs > 1            # a user's trigger never queues behind the hourly run


@pytest.mark.parametrize("now", ["2026-03-01T10:00:30", "2026-03-01T10:04:00", "2026-03-01T10:59:00"])
def test_a_fresh_dag_waits_for_the_next_hour_instead_of_running_at_once(dag, monkeypatch, now):
    """What the scheduler asks the timetable when a DAG is new (or unpaused) and has no run yet:
    the first scheduled run is the next full hour, even a few seconds after an hour has struck
    (cron timetables otherwise run the last past hour at once, or within minutes of it)."""
    import pendulum
    from airflow.timetables import trigger
    from airflow.timetables.base import TimeRestriction

    at = pendulum.parse(now, tz="UTC")
    monkeypatch.setattr(trigger, "utcnow", lambda: at)
    info = dag.timetable.next_dagrun_info(
        last_automated_data_interval=None,
        restriction=TimeRestriction(earliest=dag.start_date, latest=dag.end_date, catchup=dag.catchup))
    assert info.run_after == at.add(hours=1).start_of("hour")


def test_every_task_retries(dag):
    for t in dag.tasks:
        assert t.retries >= 1, t.task_id
    assert dag.default_args["retry_delay"] == timedelta(seconds=20)


def test_every_param_has_title_and_description(dag):
    params = dag.params
    assert {"sources_file", "sources", "max_articles", "languages", "host_delay"} <= set(params.keys())
    for name in params.keys():
        param = params.get_param(name)
        assert param.schema.get("title") and param.description, name
        assert "e.g." in param.description, f"{name}: no example"


def test_inline_sources_are_optional_json_objects(dag):
    import copy

    from airflow.sdk.exceptions import ParamValidationError

    sources = dag.params.get_param("sources")
    assert "null" in sources.schema["type"] and sources.value is None     # not required by the form
    assert sources.schema["items"]["type"] == "object"
    one = {"name": "site", "kind": "rss", "url": "http://127.0.0.1:9/rss.xml", "language": "it"}
    form = copy.deepcopy(dag.params)
    form["sources"] = [one]
    assert form.validate()["sources"] == [one]
    with pytest.raises(ParamValidationError):
        form["sources"] = ["http://127.0.0.1:9/rss.xml"]           # a string, not an object


def test_ingest_is_mapped_over_sources(dag):
    ingest = dag.get_task("ingest")
    assert type(ingest).__name__.endswith("MappedOperator")


def test_lake_tables_are_asset_outlets(dag):
    names = {a.name for t in dag.tasks for a in getattr(t, "outlets", [])}
    assert {"mercato_lake_articles", "mercato_lake_rumours", "mercato_lake_rejects"} <= names


def test_dbt_is_one_build_reported_by_one_task_per_model_and_seed(dag):
    import json

    from extractors.orchestration.dbt_operator import DbtNodeOperator
    from extractors.orchestration.steps import DBT_MANIFEST

    build = dag.get_task("warehouse.dbt_build")
    assert build.upstream_task_ids == {"extract", "prepare_warehouse"}
    # preparing the build file is off the critical path: beside land and extract, not after them
    assert dag.get_task("prepare_warehouse").upstream_task_ids == {"reference"}
    nodes = {t.task_id: t for t in dag.tasks if isinstance(t, DbtNodeOperator)}
    manifest = json.loads(DBT_MANIFEST.read_text())["nodes"]
    tasked = {n["name"] for n in manifest.values() if n["resource_type"] in ("model", "seed")}
    assert {t.node.name for t in nodes.values()} == tasked       # every model and seed is visible
    assert "warehouse.fct_rumours_run" in nodes and "warehouse.clubs_seed" in nodes
    for t in nodes.values():
        in_group = {u for u in t.upstream_task_ids if u.startswith("warehouse.")}
        parents = {nodes[u].node.unique_id for u in in_group if u in nodes}
        # the model lineage: a node waits for its parents; the roots wait for the build
        assert parents == set(t.node.parents), t.task_id
        assert in_group == {build.task_id} if not t.node.parents else build.task_id not in in_group
        assert t.build_task_id == build.task_id and t.retries == 1
    # the data tests are reported by the node they check, a relationship test by its model
    fct = nodes["warehouse.fct_rumours_run"].node
    assert fct.tests and all(manifest[u]["resource_type"] == "test" for u in fct.tests)
    assert {"warehouse.fct_rumours_run", "warehouse.dim_clubs_run"} <= dag.get_task("publish").upstream_task_ids


def test_no_task_emits_dbt_model_assets(dag):
    """The lake tables are the DAG's Assets, nothing else: the marts are read from the published copy."""
    names = {a.name for t in dag.tasks for a in getattr(t, "outlets", [])}
    assert names and all(n.startswith("mercato_lake_") for n in names)


def test_every_writer_is_in_the_single_writer_pool(dag):
    from extractors.orchestration.dbt_operator import DbtNodeOperator

    writers = ["land", "extract", "warehouse.dbt_build", "publish", "docs"]
    assert all(dag.get_task(t).pool == "duckdb_writer" for t in writers)
    # node tasks only read the build's results; ingest (fetch + clean) overlaps across runs
    assert all(t.pool == "default_pool" for t in dag.tasks if isinstance(t, DbtNodeOperator))
    assert dag.get_task("ingest").pool == "default_pool"


def test_extractor_param_defaults_to_local_and_offers_llm(dag):
    param = dag.params.get_param("extractor")
    assert param.value == "local" and param.schema["enum"] == ["local", "llm"]
    assert "mercato_lake_llm_calls" in {a.name for a in dag.get_task("extract").outlets}


def test_the_precompiled_parse_keeps_an_absolute_project_path():
    """Incident: with `make setup` parsing `--project-dir .`, the saved nodes kept "." as their
    root path; dbt-duckdb reads a seed's CSV from root path + file, so under `make airflow` (a
    LocalExecutor worker does not run in dbt_project/) both seeds failed with "No files found"."""
    import msgpack

    from extractors.warehouse.dbt import PARTIAL_PARSE_FILE, PROJECT_DIR

    saved = msgpack.unpackb((PROJECT_DIR / "target" / PARTIAL_PARSE_FILE).read_bytes(), strict_map_key=False)
    roots = {uid: n.get("root_path") for uid, n in saved["nodes"].items()}
    assert roots["seed.mercato.clubs"] == roots["seed.mercato.fx_rates"] == str(PROJECT_DIR)
    assert {r for r in roots.values() if r} == {str(PROJECT_DIR)}
