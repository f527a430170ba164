"""Writing labels (the model's validated answers in the gold format) as JSON Lines, atomically."""
from __future__ import annotations

import json
from pathlib import Path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    """One JSON object per line; readers see the old file or the new one, never a part."""
    from extractors.ingest.fetch import atomic_write_bytes

    atomic_write_bytes(path, "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records).encode("utf-8"))
    return path
