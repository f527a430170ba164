"""dbt on the build file: run any dbt command in-process, build the warehouse
from the lake (the docs site: :mod:`extractors.warehouse.docs`).

    The build file is the pipeline's own; analysts read the published copy
(:mod:`extractors.warehouse.publish`).
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from extractors import config

PROJECT_DIR = config.DBT_PROJECT_DIR
# dbt commands that never write to the build database
_READ_ONLY_COMMANDS = {"parse", "compile", "ls", "list", "debug", "docs", "source", "show"}
# dbt commands that read no profile (and refuse --profile/--target)
_NO_PROFILE_COMMANDS = {"deps", "clean", "init"}
# The profile and target named on every dbt command line, as cosmos and `make setup` name them:
# both are part of the vars hash dbt's partial parsing checks, so a command that left them to
# dbt_project.yml and profiles.yml re-parsed the whole project (~3 s) after any other invocation.
PROFILE, TARGET = "mercato", "dev"
PARTIAL_PARSE_FILE = "partial_parse.msgpack"
_IN_PROCESS = threading.Lock()   # dbtRunner is not re-entrant within one process


class WarehouseError(RuntimeError):
    """A dbt invocation failed, or the warehouse is not in a state to publish/query.
    ``result``: the failed invocation's dbtRunnerResult (per-node results), when dbt ran."""

    def __init__(self, message: str, result: Any = None):
        super().__init__(message)
        self.result = result


def _paths(paths: config.Paths | None) -> config.Paths:
    return paths or config.paths()


def dbt_dir(paths: config.Paths | None = None) -> Path:
    """dbt's working directory for this data location (target/ and logs/)."""
    return _paths(paths).warehouse / "dbt"


def target_dir(paths: config.Paths | None = None) -> Path:
    return dbt_dir(paths) / "target"


def manifest_path(paths: config.Paths | None = None) -> Path:
    """manifest.json written by any dbt command (e.g. ``run_dbt(["parse"])``)."""
    return target_dir(paths) / "manifest.json"


def _dirty_marker(paths: config.Paths) -> Path:
    """Present while a dbt command that writes the build file runs, and after
    one failed: the build file may then be half-built and is not published."""
    return paths.build_db.with_name(paths.build_db.name + ".dirty")


def dbt_env(paths: config.Paths | None = None) -> dict[str, str]:
    """Environment variables the dbt project reads (profiles.yml, sources):

    MERCATO_BUILD_DB  absolute path of the build DuckDB file
    MERCATO_LAKE_DIR  absolute path of the Parquet lake
    MERCATO_TMREF_PLAYERS  the transfermarkt reference players (Parquet, possibly empty)

    Give them to any dbt invocation (Cosmos ``env_vars``, a subprocess).
    """
    p = _paths(paths)
    return {
        "MERCATO_BUILD_DB": str(p.build_db),
        "MERCATO_LAKE_DIR": str(p.lake),
        "MERCATO_TMREF_PLAYERS": str(p.base / "reference" / "tm_players.parquet"),  # tmref.export
    }


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextlib.contextmanager
def _build_lock(paths: config.Paths) -> Iterator[None]:
    """One dbt invocation at a time per data location (across processes too)."""
    paths.build_db.parent.mkdir(parents=True, exist_ok=True)
    with _IN_PROCESS, open(paths.build_db.parent / ".dbt.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _failure_summary(res: Any) -> str:
    lines = []
    if getattr(res, "exception", None) is not None:
        lines.append(str(res.exception))
    results = getattr(getattr(res, "result", None), "results", None) or []
    for r in results:
        status = str(getattr(r, "status", "")).lower()
        if status in {"error", "fail", "runtime error"}:
            node = getattr(r, "node", None)
            name = getattr(node, "unique_id", None) or getattr(node, "name", "?")
            detail = (getattr(r, "message", "") or "").strip()
            if not detail and getattr(r, "max_loaded_at", None) is not None:
                # source freshness: stale data, not a crash
                detail = f"stale: newest row loaded at {r.max_loaded_at} ({r.age:.0f} s ago)"
            lines.append(f"{status}: {name}: {detail}")
    return "\n".join(lines) or "see the dbt log"


def _release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after a
    run, so the build file is unlocked (publish, tests, other processes) and
    the next run reopens it with its own settings."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:
        return
    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if env is not None:
            env.close()


def _seed_partial_parse(paths: config.Paths) -> None:
    """Give this data location's target dir the partial-parse file `make setup` precompiled, when
    it has none yet: made with the same env vars (the default data location), dbt then re-parses
    only what changed; for another location dbt finds the profile changed and parses in full once."""
    src, dst = PROJECT_DIR / "target" / PARTIAL_PARSE_FILE, target_dir(paths) / PARTIAL_PARSE_FILE
    if dst.exists() or not src.exists():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def _dbt_flags(args: Sequence[str], paths: config.Paths) -> list[str]:
    """The flags :func:`run_dbt` adds to ``args``."""
    extra = ["--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    if args and args[0] not in _NO_PROFILE_COMMANDS:
        extra += [] if "--profile" in args else ["--profile", PROFILE]
        extra += [] if "--target" in args or "-t" in args else ["--target", TARGET]
    if "--target-path" not in args:
        extra += ["--target-path", str(target_dir(paths))]
    if "--log-path" not in args:
        extra += ["--log-path", str(dbt_dir(paths) / "logs")]
    return extra


def run_dbt(args: Sequence[str], paths: config.Paths | None = None,
            callbacks: Sequence[Callable[[Any], None]] = ()) -> Any:
    """Run one dbt command in-process (dbtRunner) against the Mercato project.

    ``args`` is the command line after ``dbt``, e.g. ``["build", "--select",
    "fct_rumours+"]``. Adds the project and profiles dir, and ``--target-path``
    / ``--log-path`` under ``paths.warehouse/dbt`` (unless given), so runs on
    different data locations never share dbt's target/; sets the env vars of
    :func:`dbt_env` for the call. Raises :class:`WarehouseError` naming the
    failing nodes when dbt does not succeed; returns the dbtRunnerResult.
    ``callbacks`` receive every dbt event (EventMsg), e.g. to time the SQL.
    Names ``--profile``/``--target`` (:data:`PROFILE`, :data:`TARGET`) as cosmos does, and starts
    from the precompiled partial parse (:func:`_seed_partial_parse`), so dbt re-parses little.
    """
    from dbt.cli.main import dbtRunner

    p = _paths(paths)
    args = list(args)
    command = args[0] if args else ""
    extra = _dbt_flags(args, p)
    if "--target-path" not in args:
        _seed_partial_parse(p)
    writes = command not in _READ_ONLY_COMMANDS
    with _build_lock(p), _environ(dbt_env(p)):
        if writes:
            _dirty_marker(p).touch()
            from extractors.tmref.export import ensure_players_parquet

            ensure_players_parquet(p)      # the dbt source reference.tm_players (empty without one)
        try:
            res = dbtRunner(callbacks=list(callbacks)).invoke([*args, *extra])
        finally:
            _release_duckdb()
        if res.success and writes:
            _dirty_marker(p).unlink(missing_ok=True)
    if not res.success:
        raise WarehouseError(f"dbt {' '.join(args)} failed:\n{_failure_summary(res)}", result=res)
    return res


def parse(paths: config.Paths | None = None) -> Path:
    """``dbt parse``; returns the path of the manifest.json it wrote
    (:func:`manifest_path`), e.g. for Cosmos ``LoadMode.DBT_MANIFEST``."""
    run_dbt(["parse"], paths)
    return manifest_path(paths)


def build(paths: config.Paths | None = None, full_refresh: bool = False, unit_tests: bool = False,
          callbacks: Sequence[Callable[[Any], None]] = ()) -> Any:
    """Seed the reference CSVs and build + data-test every model (one ``dbt build``:
    seeds run first in DAG order); returns the dbtRunnerResult (per-node results).

    The lake-partitioned models (staging of the lake tables, int_player_mentions,
    int_fees_normalised, int_rumour_mentions, fct_fee_estimates, fct_rumour_mentions)
    are incremental:
    a build reprocesses the ingest dates from the earliest one whose lake files
    changed since the model's last build (see dbt_project/macros/ingest_batch.sql),
    so a backfilled old date is picked up too. ``full_refresh`` rebuilds them from
    the whole lake (needed after a change of their SQL, columns or of the
    reference seeds). Unit tests check the SQL, not the data: they are left out
    of the routine build (``unit_tests=True`` runs them too; tests/warehouse runs
    them). ``callbacks``: as in :func:`run_dbt`."""
    args = ["build"] + (["--full-refresh"] if full_refresh else [])
    if not unit_tests:
        args += ["--exclude-resource-type", "unit_test"]
    return run_dbt(args, paths, callbacks)
