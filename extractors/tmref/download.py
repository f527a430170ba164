"""`mercato reference update`: fetch players, clubs and competitions of transfermarkt-datasets.

Why this shape: the pipeline must never read a half-written or corrupt table, and a failed
download must not cost the copy that works. Each table is streamed to a temporary file in the
target directory, checked (complete gzip stream, the expected header), and only when all three
are good are they renamed into place (same filesystem: atomic per file) and `download.json`
(date, URL, sizes, SHA-256) written last, itself atomically.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

from ..ingest.fetch import USER_AGENT
from . import players, settings

log = logging.getLogger(__name__)
MANIFEST = "download.json"
HEADERS = {"players.csv.gz": "player_id", "clubs.csv.gz": "club_id",
           "competitions.csv.gz": "competition_id"}
MAX_BYTES = 200 * 1024 * 1024


class ReferenceDownloadError(RuntimeError):
    """A table could not be downloaded or is not a complete, well-formed csv.gz."""


@dataclass
class Downloaded:
    directory: Path
    downloaded_at: str
    tables: dict[str, dict]


def _fetch(url: str, dest: Path, timeout) -> str:
    """Stream `url` to `dest`; its SHA-256."""
    digest, size = hashlib.sha256(), 0
    try:
        with requests.get(url, stream=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as r:
            if r.status_code != 200:
                raise ReferenceDownloadError(f"{url}: HTTP {r.status_code}")
            with dest.open("wb") as f:
                for chunk in r.iter_content(1 << 16):
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise ReferenceDownloadError(f"{url}: larger than {MAX_BYTES} bytes")
                    digest.update(chunk)
                    f.write(chunk)
    except requests.RequestException as e:
        raise ReferenceDownloadError(f"{url}: {type(e).__name__}: {e}") from e
    return digest.hexdigest()


def _verify(path: Path, column: str) -> int:
    """Rows of a complete gzip csv whose header starts with `column`; raises otherwise."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            header = f.readline()
            rows = sum(1 for _ in f)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
        raise ReferenceDownloadError(f"{path.name}: not a complete gzip csv ({e})") from e
    if header.split(",")[0].strip().strip('"') != column:
        raise ReferenceDownloadError(f"{path.name}: unexpected header {header[:60]!r}")
    if rows == 0:
        raise ReferenceDownloadError(f"{path.name}: no rows")
    return rows


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def update(directory: Path | None = None, base_url: str | None = None, timeout=(10.0, 120.0)) -> Downloaded:
    """Download every table into `directory` (default settings.target_dir()); all or nothing."""
    directory = Path(directory or settings.target_dir())
    base = (base_url or settings.base_url()).rstrip("/")
    directory.mkdir(parents=True, exist_ok=True)
    incoming = directory / f".incoming-{os.getpid()}"
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir()
    tables = {}
    try:
        for name, column in HEADERS.items():
            sha = _fetch(f"{base}/{name}", incoming / name, timeout)
            tables[name] = {"sha256": sha, "bytes": (incoming / name).stat().st_size,
                            "rows": _verify(incoming / name, column)}
        for name in HEADERS:
            os.replace(incoming / name, directory / name)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    _write_json(directory / MANIFEST, {"downloaded_at": now, "base_url": base, "tables": tables})
    players.reset()
    log.info("transfermarkt reference updated in %s: %s", directory,
             ", ".join(f"{n} {t['rows']} rows" for n, t in tables.items()))
    return Downloaded(directory, now, tables)


def manifest(directory: Path | None) -> dict | None:
    """The download record of `directory`, None when it has none (or no directory)."""
    try:
        return json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
    except (TypeError, OSError, ValueError):
        return None


def age_days(directory: Path | None, now: datetime | None = None) -> float | None:
    m = manifest(directory)
    if not m:
        return None
    then = datetime.fromisoformat(m["downloaded_at"])
    return ((now or datetime.now(timezone.utc)) - then).total_seconds() / 86400
