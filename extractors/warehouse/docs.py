"""The dbt docs site of a data location: ``dbt docs generate --static``, copied under ``paths.docs``.

The site shows the project (models, columns, tests, lineage, compiled SQL) and the catalog of the
built tables (their columns and types; DuckDB keeps no table statistics in it), nothing of the
rows. So a run whose dbt project, dbt version and settings are those of the site already there
need not generate it again: the DAG's hourly runs skip it then (``only_if_changed``)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from extractors import config
from extractors.warehouse.dbt import PROJECT_DIR, WarehouseError, dbt_env, run_dbt, target_dir

SITE_FILES = ("index.html", "manifest.json", "catalog.json", "static_index.html")
STAMP = ".inputs.sha256"            # beside the site: the fingerprint of what it was generated from
_NOT_INPUTS = {"target", "logs", "dbt_packages"}


def inputs_fingerprint(paths: config.Paths) -> str:
    """sha256 of every file of the dbt project (seeds through their symlinks), the dbt and
    dbt-duckdb versions and the env vars dbt gets for this data location."""
    h = hashlib.sha256()
    for f in sorted(PROJECT_DIR.rglob("*")):
        rel = f.relative_to(PROJECT_DIR)
        if rel.parts[0] in _NOT_INPUTS or not f.is_file():
            continue
        h.update(str(rel).encode() + b"\0" + f.read_bytes() + b"\0")
    versions = {d: metadata.version(d) for d in ("dbt-core", "dbt-duckdb")}
    h.update(json.dumps([versions, dbt_env(paths)], sort_keys=True).encode())
    return h.hexdigest()


def _current(paths: config.Paths, fingerprint: str) -> bool:
    stamp = paths.docs / STAMP
    return (stamp.exists() and stamp.read_text().strip() == fingerprint
            and all((paths.docs / name).exists() for name in SITE_FILES))


def _atomic_copy(src: Path, dst: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    os.close(fd)
    shutil.copyfile(src, tmp)
    os.chmod(tmp, 0o644)
    os.replace(tmp, dst)


def generate_docs(paths: config.Paths | None = None, only_if_changed: bool = False) -> Path:
    """``dbt docs generate --static`` (the normal site and the single-file one), copied under
    ``paths.docs``: index.html + manifest.json + catalog.json (serve the directory) and
    static_index.html (open the file). Needs a built warehouse for the catalog. With
    ``only_if_changed``, keeps the site there when it was made from the same inputs
    (:func:`inputs_fingerprint`). Returns the docs directory."""
    p = paths or config.paths()
    fingerprint = inputs_fingerprint(p)
    if only_if_changed and _current(p, fingerprint):
        print(f"dbt docs in {p.docs} are up to date (same dbt project, versions and settings)")
        return p.docs
    run_dbt(["docs", "generate", "--static"], p)
    target = target_dir(p)
    p.docs.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        if not (target / name).exists():
            raise WarehouseError(f"dbt docs generate did not write {target / name}")
        _atomic_copy(target / name, p.docs / name)
    (p.docs / STAMP).write_text(fingerprint + "\n")
    return p.docs
