"""Airflow DAG `transfer_rumours`: transfer news -> Parquet lake -> dbt-duckdb warehouse.

discover+fetch+clean (one mapped task per source) -> land -> extract (after the transfermarkt
  reference is refreshed, when older than a week; prepare_warehouse meanwhile)
  -> dbt (one `dbt build`, then one task per model and seed reporting it) -> publish -> docs, summary
Every task that writes the lake or DuckDB is in the `duckdb_writer` pool of one slot.
The task bodies live in extractors/; this file only wires them together.
"""
from datetime import timedelta

from airflow.sdk import dag, get_current_context, task
from airflow.timetables.trigger import CronTriggerTimetable

from extractors.orchestration import steps as orch

ASSETS = orch.assets()


@dag(
    dag_id=orch.DAG_ID,
    # hourly on the hour; a fresh or unpaused DAG waits for the next hour instead of starting a
    # run at once (no start_date: it would make the scheduler run the last past hour now)
    schedule=CronTriggerTimetable("0 * * * *", timezone="UTC", run_immediately=timedelta(0)),
    catchup=False,
    # runs overlap in fetch and clean; every task that writes the lake or DuckDB is in the
    # one-slot writer pool, so writes stay serialised across runs
    max_active_runs=4,
    tags=["mercato", "transfers", "lake", "dbt"],
    params=orch.params(),
    default_args={"owner": "mercato", "retries": 2, "retry_delay": timedelta(seconds=20)},
    doc_md=__doc__,
)
def transfer_rumours():
    @task
    def list_sources() -> list[dict]:
        return orch.resolve_sources(get_current_context()["params"])

    @task(max_active_tis_per_dagrun=4)
    def ingest(source: dict) -> dict:
        ctx = get_current_context()
        return orch.ingest(source, ctx["params"], orch.run_day(ctx))

    @task(outlets=[ASSETS["articles"], ASSETS["rejects"]], pool=orch.DUCKDB_POOL)
    def land(counts: list[dict]) -> dict:
        from extractors.orchestration.pipeline import land as land_day

        return land_day(orch.run_day(get_current_context()), run_counts=list(counts))

    @task
    def reference() -> dict:
        return orch.refresh_reference()

    @task(outlets=[ASSETS[t] for t in ("club_mentions", "player_mentions", "fee_mentions", "rumours", "llm_calls")],
          pool=orch.DUCKDB_POOL)
    def extract() -> dict:
        from extractors.orchestration.pipeline import extract as extract_day

        ctx = get_current_context()
        return extract_day(orch.run_day(ctx), backend=ctx["params"].get("extractor", "local"))

    @task
    def prepare_warehouse() -> str:
        return orch.prepare_warehouse()

    @task(pool=orch.DUCKDB_POOL)
    def publish() -> str:
        from extractors.warehouse import publish as publish_warehouse

        return str(publish_warehouse())

    @task(pool=orch.DUCKDB_POOL)
    def docs() -> str:
        from extractors.warehouse import generate_docs

        return str(generate_docs(only_if_changed=True))

    @task
    def summary() -> str:
        from extractors.warehouse.summary import render_summary

        text = render_summary()
        print(text)
        return text

    landed = land(ingest.expand(source=list_sources()))
    extracted = extract()
    referenced = reference()
    [landed, referenced] >> extracted
    # the build file's folder and the reference players, while the lake is landed and extracted
    prepared = referenced >> prepare_warehouse()
    orch.dbt_group(upstream=[extracted, prepared]) >> publish() >> [docs(), summary()]


transfer_rumours()
