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


def params() -> dict:
    from airflow.sdk import Param

    return {
        "sources_file": Param(
            DEFAULT_SOURCES_FILE, type="string", title="Sources file",
            description="YAML file of sources (name, kind rss|sitemap|urls|local, url or path, language, "
                        "max_articles), relative to the repository. Ignored when 'Sources' below is not empty."),
        "sources": Param(
            [], type="array", title="Sources (inline)",
            description="Optional list of sources, same fields as in the file, e.g. "
                        '[{"name": "tmw", "kind": "rss", "url": "https://.../feed", "language": "it"}]. '
                        "When given, it replaces the sources file."),
        "max_articles": Param(
            50, type="integer", minimum=1, maximum=5000, title="Max articles per source",
            description="Upper bound of articles taken from each source in this run."),
        "languages": Param(
            LANGUAGES, type="array", items={"type": "string", "enum": LANGUAGES}, title="Languages",
            description="Keep only articles detected in these languages; others are recorded as rejects."),
        "host_delay": Param(
            1.0, type="number", minimum=0, maximum=60, title="Delay per host (s)",
            description="Minimum seconds between two requests to the same host (politeness)."),
        "extractor": Param(
            "local", type="string", enum=list(EXTRACTORS), title="Extractor",
            description="local: the rule-based extractors (fast, no network). llm: a language model at "
                        "OPENAI_BASE_URL (model MERCATO_LLM_MODEL, key OPENAI_API_KEY, set in the workers' "
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
    sources folder (extractors/guard.py)."""
    import logging

    from extractors.sources import load_sources, parse_sources, trusted_sources_file

    if p.get("sources"):
        sources = parse_sources(p["sources"], base_dir=REPO_ROOT)
    else:
        sources = load_sources(trusted_sources_file(p.get("sources_file") or DEFAULT_SOURCES_FILE))
    for s in sources:
        if s.refused:
            logging.getLogger(__name__).error("source %s: %s", s.name, s.refused)
    return [s.as_dict() for s in sources]


def ingest(source: dict, p: dict, day: date) -> dict:
    from extractors.fetch import FetchSettings
    from extractors.pipeline import IngestSettings, ingest_source
    from extractors.sources import Source

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


def cosmos_group(group_id: str = "warehouse"):
    """The dbt project as an Airflow task group, one task per model or seed, then all dbt tests in one task (relationship tests span models)."""
    from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import InvocationMode, LoadMode, TestBehavior

    from extractors.warehouse import dbt_env

    env = dbt_env(paths())
    return DbtTaskGroup(
        group_id=group_id,
        project_config=ProjectConfig(dbt_project_path=DBT_PROJECT_DIR, manifest_path=DBT_MANIFEST,
                                     install_dbt_deps=False, env_vars=env),
        profile_config=ProfileConfig(profile_name="mercato", target_name="dev",
                                     profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml"),
        execution_config=ExecutionConfig(invocation_mode=InvocationMode.DBT_RUNNER),
        render_config=RenderConfig(load_method=LoadMode.DBT_MANIFEST, test_behavior=TestBehavior.AFTER_ALL),
        operator_args={"pool": DUCKDB_POOL, "install_deps": False},
        default_args={"retries": 1},
    )
