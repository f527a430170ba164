"""Writing labels (the model's validated answers in the gold format) as JSON Lines, atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    """One JSON object per line; readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
