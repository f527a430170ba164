"""The model's answers on disk, so that a re-run over the same articles costs nothing.

Why: the key is a hash of (model, prompt version, the exact user message), so a new
model or a new prompt never reuses an old answer, and a changed article is asked again.
Every answer the server returned is kept (also ones our validation rejects: asking
again would cost the same and, at temperature 0, answer the same); failed calls are
not, so they are retried next run.  Files are written to a temp name and renamed.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def cache_key(model: str, prompt_version: str, user_message: str) -> str:
    text_hash = hashlib.sha256(user_message.encode("utf-8")).hexdigest()
    return hashlib.sha256(json.dumps([model, prompt_version, text_hash]).encode("utf-8")).hexdigest()


class ResponseCache:
    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        path = self._path(key)
        try:
            return json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None            # unreadable entry: ask again, the new answer replaces it

    def put(self, key: str, entry: dict) -> None:
        from extractors.ingest.fetch import atomic_write_bytes

        atomic_write_bytes(self._path(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
