"""What a run may read, for sources that whoever triggers a run can write.

- Environment variables are expanded only in sources files (read from the
  configured sources folders), never in values typed in the trigger form: a
  `${VAR}` there is refused, not expanded, so no secret of the worker gets in.
- `local` sources and URL-list files are read only under the local roots
  (MERCATO_LOCAL_ROOTS, default the repo's data/), after resolving symlinks and '..'.
- A refused URL is recorded without its query, credentials or path (they may
  hold a token): only its origin.
Network addresses are checked by extractors/ingest/netguard.py."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from extractors.config import LOCAL_ROOTS_ENV, local_roots


def within(path: str | os.PathLike, roots: list[Path]) -> bool:
    """True when ``path``, symlinks and '..' resolved, lies inside one of ``roots``."""
    real = Path(os.path.realpath(path))
    return any(real == root or real.is_relative_to(root) for root in roots)


def outside_local_roots(path: str | os.PathLike) -> str | None:
    """The refusal reason when ``path`` is not under the local roots, else None."""
    if within(path, local_roots()):
        return None
    return f"refused: path is outside the local roots ({LOCAL_ROOTS_ENV})"


def glob_base(pattern: str) -> str:
    """The fixed folder part of a glob pattern (everything before the first wildcard)."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if any(c in part for c in "*?["):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def env_reference(value) -> bool:
    """Whether a value (or any string inside a list) asks for a `${VAR}` expansion."""
    if isinstance(value, str):
        return "${" in value
    if isinstance(value, (list, tuple)):
        return any(env_reference(v) for v in value)
    return False


def redact_url(url: str) -> str:
    """Only the origin of a URL (scheme, host, port): what follows may hold a secret."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "[unparseable URL]"
    if ":" in host:
        host = f"[{host}]"
    rest = "/…" if (parts.path not in ("", "/") or parts.query or parts.fragment) else "/"
    return f"{parts.scheme}://{host}{port}{rest}" if parts.scheme else "[redacted]"
