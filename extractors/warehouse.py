"""The dbt-duckdb warehouse: build it from the lake, publish it for analysts,
query the published file, generate the docs site.

    from extractors import warehouse
    warehouse.build()                 # dbt build (seeds, models, tests) into paths().build_db
    warehouse.publish()               # atomic copy to paths().published_db (+ Parquet marts)
    cols, rows = warehouse.query("select * from rpt_hottest_rumours")
    print(warehouse.format_table(cols, rows))
    warehouse.generate_docs()         # paths().docs/index.html and static_index.html

The pipeline owns a private build file; analysts only ever open the published
copy, which is replaced in one rename after a green build, so a reader sees the
previous warehouse or the new one, never a half-built one.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
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
    """A dbt invocation failed, or the warehouse is not in a state to publish/query."""


class QueryError(WarehouseError):
    """An analyst's SQL failed on the published warehouse (DuckDB's message)."""


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
        raise WarehouseError(f"dbt {' '.join(args)} failed:\n{_failure_summary(res)}")
    return res


def parse(paths: config.Paths | None = None) -> Path:
    """``dbt parse``; returns the path of the manifest.json it wrote
    (:func:`manifest_path`), e.g. for Cosmos ``LoadMode.DBT_MANIFEST``."""
    run_dbt(["parse"], paths)
    return manifest_path(paths)


def build(paths: config.Paths | None = None, full_refresh: bool = False, unit_tests: bool = False,
          callbacks: Sequence[Callable[[Any], None]] = ()) -> None:
    """Seed the reference CSVs and build + data-test every model (one ``dbt build``:
    seeds run first in DAG order).

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
    run_dbt(args, paths, callbacks)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# The analysts' file is written in this storage version, not the writer's own,
# so that older DuckDB releases (1.2+: DBeaver, R, the duckdb CLI) open it.
PUBLISH_STORAGE_VERSION_ENV = "MERCATO_PUBLISH_STORAGE_VERSION"
DEFAULT_PUBLISH_STORAGE_VERSION = "v1.2.0"
# marts (dim_, fct_, rpt_ models) are also published as one Parquet file each
MART_PREFIXES = ("dim_", "fct_", "rpt_")


def publish_storage_version() -> str:
    return os.environ.get(PUBLISH_STORAGE_VERSION_ENV) or DEFAULT_PUBLISH_STORAGE_VERSION


def _sql_literal(value: object) -> str:
    """``value`` as a SQL string literal (ATTACH and COPY take no parameters)."""
    return "'" + str(value).replace("'", "''") + "'"


def _temp_path(directory: Path, name: str) -> Path:
    """A fresh dot-file name beside ``name`` (skipped by readers' globs).
    DuckDB refuses an existing empty file, so the name is reserved, then freed."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)
    return Path(tmp)


def _replace(tmp: Path, dst: Path) -> None:
    os.chmod(tmp, 0o644)   # mkstemp makes 0600; analysts are other users
    os.replace(tmp, dst)


def _write_copy(src: Path, tmp: Path, storage_version: str) -> list[str]:
    """Copy every schema, table, view and comment of ``src`` into a new
    database file ``tmp`` written in ``storage_version``; returns the marts."""
    import duckdb

    # the build file itself, not an ATTACH of it: in one process (airflow dags
    # test, cosmos) dbt may still hold it open, and DuckDB then shares that
    # instance with this connection but refuses a second attach of the file
    con = duckdb.connect(str(src))
    try:
        con.execute("checkpoint")   # fold the WAL into the file
        (build,) = con.execute("select current_database()").fetchone()
        try:
            con.execute(f"attach {_sql_literal(tmp)} as published (storage_version {_sql_literal(storage_version)})")
        except duckdb.InvalidInputException as err:
            raise WarehouseError(f"{PUBLISH_STORAGE_VERSION_ENV}={storage_version!r}: {err}") from None
        try:
            con.execute(f"copy from database \"{build}\" to published")
            con.execute("checkpoint published")
            marts = [r[0] for r in con.execute(
                "select table_name from duckdb_tables() where database_name = 'published' "
                "and schema_name = 'main' order by 1").fetchall() if r[0].startswith(MART_PREFIXES)]
        finally:
            con.execute("detach published")   # the instance may outlive this connection
    finally:
        con.close()
    check = duckdb.connect(str(tmp), read_only=True)
    try:
        check.execute("select count(*) from fct_rumours").fetchone()
    finally:
        check.close()
    return marts


def _publish_parquet(db: Path, marts: Sequence[str], out_dir: Path) -> None:
    """One Parquet file per mart, each replaced atomically; files of marts that
    no longer exist are removed."""
    import duckdb

    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        for mart in marts:
            tmp = _temp_path(out_dir, f"{mart}.parquet")
            try:
                con.execute(f"copy main.\"{mart}\" to {_sql_literal(tmp)} (format parquet, compression zstd)")
                _replace(tmp, out_dir / f"{mart}.parquet")
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
    finally:
        con.close()
    for stale in set(out_dir.glob("*.parquet")) - {out_dir / f"{m}.parquet" for m in marts}:
        stale.unlink()
    _fsync_dir(out_dir)


def publish(paths: config.Paths | None = None) -> Path:
    """Publish the build DB, after a green build, to ``paths.published_db``,
    and its marts as ``paths.published_parquet/<mart>.parquet``.

    Refuses when the last dbt command run through :func:`run_dbt` on the build
    file failed or was interrupted. (dbt run by other means, e.g. Cosmos tasks,
    leaves no marker: the DAG's task dependencies must order publish after them.)

    The database is copied (COPY FROM DATABASE: tables, views, comments) into a
    temp file in the same directory, written in :func:`publish_storage_version`
    so that older DuckDB releases open it, checked, then moved into place with
    ``os.replace``: analysts holding the old file open (read-only) keep reading it; new
    connections see the new one. Returns the published path.
    """
    p = _paths(paths)
    src, dst = p.build_db, p.published_db
    if not src.exists():
        raise WarehouseError(f"no build database at {src}: run build() first")
    if _dirty_marker(p).exists():
        raise WarehouseError(f"the last dbt run on {src} failed or did not finish: not publishing")
    with _build_lock(p):
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temp_path(dst.parent, dst.name)
        try:
            marts = _write_copy(src, tmp, publish_storage_version())
            _publish_parquet(tmp, marts, p.published_parquet)   # the same snapshot as the file
            Path(str(dst) + ".wal").unlink(missing_ok=True)   # never pair a stale WAL with the new file
            _replace(tmp, dst)
            _fsync_dir(dst.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
            raise
    return dst


def query(sql: str, paths: config.Paths | None = None) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` on the published warehouse (opened read-only); returns
    (column names, rows). Raises :class:`QueryError` with DuckDB's message
    when the SQL fails."""
    import duckdb

    db = _paths(paths).published_db
    if not db.exists():
        raise WarehouseError(f"no published warehouse at {db}: run build() and publish() first")
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in (cur.description or [])]
        rows = cur.fetchall() if cur.description else []
    except duckdb.Error as err:   # the analyst's SQL, not a pipeline failure
        raise QueryError(str(err).strip()) from None
    finally:
        con.close()
    return columns, rows


def _cell(value: Any, width: int) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, float):
        text = f"{value:,.2f}" if abs(value) >= 1000 else f"{value:g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join("NULL" if v is None else str(v) for v in value)
    else:
        text = str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    """A plain-text table: header, rule, one line per row; numbers right-aligned,
    NULL for missing values, long cells cut at ``max_width`` characters."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    numeric = [
        bool(rows) and all(isinstance(r[i], (int, float)) or r[i] is None for r in rows)
        and any(r[i] is not None for r in rows)
        for i in range(len(columns))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def generate_docs(paths: config.Paths | None = None) -> Path:
    """``dbt docs generate --static`` (writes the normal site and the single-file
    one) and copy both under ``paths.docs``: index.html + manifest.json +
    catalog.json (serve the directory) and static_index.html (open the file).
    Needs a built warehouse for the catalog. Returns the docs directory."""
    p = _paths(paths)
    run_dbt(["docs", "generate", "--static"], p)
    target = target_dir(p)
    p.docs.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "manifest.json", "catalog.json", "static_index.html"):
        src = target / name
        if not src.exists():
            raise WarehouseError(f"dbt docs generate did not write {src}")
        fd, tmp = tempfile.mkstemp(dir=p.docs, prefix=f".{name}.", suffix=".tmp")
        os.close(fd)
        shutil.copyfile(src, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, p.docs / name)
    return p.docs
