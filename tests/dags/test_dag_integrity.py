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
    assert {"mercato", "transfers"} <= set(dag.tags)
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.schedule == "@hourly"


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


def test_ingest_is_mapped_over_sources(dag):
    ingest = dag.get_task("ingest")
    assert type(ingest).__name__.endswith("MappedOperator")


def test_lake_tables_are_asset_outlets(dag):
    names = {a.name for t in dag.tasks for a in getattr(t, "outlets", [])}
    assert {"mercato_lake_articles", "mercato_lake_rumours", "mercato_lake_rejects"} <= names


def test_dbt_runs_through_cosmos_in_a_single_writer_pool(dag):
    dbt_tasks = [t for t in dag.tasks if t.task_id.startswith("warehouse.")]
    assert any(t.task_id.endswith("fct_rumours_run") or "fct_rumours" in t.task_id for t in dbt_tasks)
    assert all(t.pool == "duckdb_writer" for t in dbt_tasks)
    assert dag.get_task("publish").pool == "duckdb_writer"
    assert dag.get_task("land").pool == "duckdb_writer"


def test_extractor_param_defaults_to_local_and_offers_llm(dag):
    param = dag.params.get_param("extractor")
    assert param.value == "local" and param.schema["enum"] == ["local", "llm"]
    assert "mercato_lake_llm_calls" in {a.name for a in dag.get_task("extract").outlets}
