"""Everything the Airflow DAG needs besides its wiring: Params shown in the UI,
Assets of the lake tables, the cosmos configuration, and the task bodies.
Kept here (one module) so the DAG file stays a readable picture of the flow."""
from __future__ import annotations

from datetime import date

from extractors.config import DBT_PROJECT_DIR, REPO_ROOT, paths

DAG_ID = "transfer_rumours"
DUCKDB_POOL = "duckdb_writer"        # one slot: DuckDB allows one writing process per file
DBT_MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"
DEFAULT_SOURCES_FILE = "data/sources/samples.yml"
LANGUAGES = ["it", "en", "es", "fr"]
EXTRACTORS = ("local", "llm")


SOURCE_SCHEMA = {   # one inline source: the fields of a sources file entry (extractors.ingest.sources.Source)
    "type": "object",
    "required": ["name", "kind"],
    "properties": {
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": ["rss", "sitemap", "urls", "local"]},
        "url": {"type": "string"}, "path": {"type": "string"},
        "urls": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string", "enum": LANGUAGES},
        "max_articles": {"type": "integer", "minimum": 1}, "delay": {"type": "number", "minimum": 0},
    },
}
INLINE_EXAMPLE = '[{"name": "tmw", "kind": "rss", "url": "https://www.tuttomercatoweb.com/rss/", "language": "it"}]'


def params() -> dict:
    """The trigger form. Every field has a title, a description with an example, and a default
    that runs as is (the bundled sample site); the inline sources are optional (null allowed)."""
    from airflow.sdk import Param

    return {
        "sources_file": Param(
            DEFAULT_SOURCES_FILE, type="string", title="Sources file",
            examples=[DEFAULT_SOURCES_FILE, "data/sources/live.yml"],
            description="YAML file of sources (name, kind rss|sitemap|urls|local, url or path, language, "
                        "max_articles), relative to the repository, e.g. data/sources/live.yml (real feeds). "
                        "Ignored when 'Sources (inline)' below is given."),
        "sources": Param(
            None, type=["null", "array"], items=SOURCE_SCHEMA, title="Sources (inline)",
            description=f"Optional JSON array of source objects, same fields as in the file, e.g. {INLINE_EXAMPLE}. "
                        "When given, it replaces the sources file; leave empty to use the file."),
        "max_articles": Param(
            50, type="integer", minimum=1, maximum=5000, title="Max articles per source",
            description="Upper bound of articles taken from each source in this run, e.g. 5 for a quick try."),
        "languages": Param(
            LANGUAGES, type="array", items={"type": "string", "enum": LANGUAGES}, title="Languages",
            description="Keep only articles detected in these languages, e.g. it and en; others are recorded "
                        "as rejects."),
        "host_delay": Param(
            1.0, type="number", minimum=0, maximum=60, title="Delay per host (s)",
            description="Minimum seconds between two requests to the same host (politeness), e.g. 1.0 for "
                        "real sites; a source's own 'delay' wins (the sample site uses 0)."),
        "extractor": Param(
            "local", type="string", enum=list(EXTRACTORS), title="Extractor",
            examples=list(EXTRACTORS),
            description="local: the extractors of this package (fast, no network), e.g. local. llm: a language "
                        "model at OPENAI_BASE_URL (model MERCATO_LLM_MODEL, key OPENAI_API_KEY, set in the workers' "
                        "environment), answers validated and cached; an invalid answer or a failed call falls "
                        "back to the local extractor and the reason is kept in the lake table llm_calls."),
    }


def assets() -> dict:
    """One Asset per lake table. Identified by name only: the data location is a
    deployment setting (MERCATO_DATA_DIR) and must not change an asset's identity."""
    from airflow.sdk import Asset

    return {t: Asset(name=f"mercato_lake_{t}")
            for t in ("articles", "rejects", "club_mentions", "player_mentions", "fee_mentions", "rumours",
                      "llm_calls")}


def run_day(context) -> date:
    """The ingest date of a run: its logical date, or when it was triggered (manual runs may have none)."""
    when = context.get("logical_date") or context["dag_run"].run_after
    return when.date()


# -- task bodies --------------------------------------------------------------

def resolve_sources(p: dict) -> list[dict]:
    """The run's sources. Inline ones (typed in the trigger form) are never ${VAR}-expanded: one
    asking for it comes back refused and becomes a reject; a sources file is read only from a
    sources folder (extractors/ingest/guard.py)."""
    import logging

    from extractors.ingest.sources import load_sources, parse_sources, trusted_sources_file

    if p.get("sources"):
        sources = parse_sources(p["sources"], base_dir=REPO_ROOT)
    else:
        sources = load_sources(trusted_sources_file(p.get("sources_file") or DEFAULT_SOURCES_FILE))
    for s in sources:
        if s.refused:
            logging.getLogger(__name__).error("source %s: %s", s.name, s.refused)
    return [s.as_dict() for s in sources]


def ingest(source: dict, p: dict, day: date) -> dict:
    from extractors.ingest.fetch import FetchSettings
    from extractors.orchestration.pipeline import IngestSettings, ingest_source
    from extractors.ingest.sources import Source

    src = Source(**{**source, "urls": tuple(source.get("urls") or ())})
    settings = IngestSettings(fetch=FetchSettings(host_delay=float(p.get("host_delay", 1.0))),
                              max_articles=p.get("max_articles"), languages=tuple(p.get("languages") or ()) or None)
    return ingest_source(src, day, settings)


def refresh_reference() -> dict:
    """The transfermarkt reference, refreshed when older than a week. Never fails the run:
    on a failed download it goes on with the last good copy, or without one, and logs which."""
    from extractors.tmref.refresh import refresh_if_stale

    out = refresh_if_stale()
    print(out["message"])
    return out


def prepare_warehouse() -> str:
    """dbt-duckdb creates the build file but not its folder; the reference players file is ours."""
    from extractors.tmref.export import ensure_players_parquet

    build = paths().build_db
    build.parent.mkdir(parents=True, exist_ok=True)
    ensure_players_parquet()          # dbt's reference.tm_players: the transfermarkt players, or none
    return str(build)


def dbt_group(upstream, group_id: str = "warehouse"):
    """The dbt project as an Airflow task group: `dbt_build` runs one `dbt build` of every seed,
    model and data test (in the writer pool, as `mercato run` does), then one task per model or
    seed, in the models' lineage, reports that node (extractors/orchestration/dbt_nodes.py).

    The node tasks only read the build's results, so they leave the one-slot writer pool to the
    writers; a node task's retry or clear rebuilds its node, waiting for dbt's per-location file
    lock should another run's writer hold it."""
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import TaskGroup

    from extractors.orchestration import dbt_nodes
    from extractors.orchestration.dbt_operator import DbtNodeOperator

    with TaskGroup(group_id, tooltip="dbt build of the warehouse, one task per model and seed") as group:
        build = PythonOperator(task_id="dbt_build", python_callable=dbt_nodes.build, pool=DUCKDB_POOL,
                               doc_md=dbt_nodes.build.__doc__)
        tasks: dict = {}
        for node in dbt_nodes.read_nodes(DBT_MANIFEST):
            tasks[node.unique_id] = DbtNodeOperator(
                task_id=node.task_id, node=node, build_task_id=build.task_id, retries=1,
                doc_md=node.description or None)
            ([tasks[p] for p in node.parents] or build) >> tasks[node.unique_id]
    upstream >> group
    return group
