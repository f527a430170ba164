"""Run the whole pipeline in one process, without Airflow (CLI, benchmark, tests).
The DAG calls the same stage functions, one task each."""
from __future__ import annotations

from datetime import date

from extractors.orchestration import pipeline
from extractors.config import Paths, paths as default_paths
from extractors.ingest.sources import Source


def run(sources: list[Source], day: date, settings: pipeline.IngestSettings, p: Paths | None = None,
        warehouse: bool = True, workers: int = 1, backend: str = "local") -> dict:
    p = p or default_paths()
    counts = [pipeline.ingest_source(s, day, settings, p) for s in sources]
    landed = pipeline.land(day, p, run_counts=counts)
    extracted = pipeline.extract(day, p, workers=workers, backend=backend)
    if warehouse:
        from extractors import warehouse as wh

        wh.build(p)
        wh.publish(p)
    return {"sources": counts, "land": landed, "extract": extracted}
