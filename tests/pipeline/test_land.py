"""Landing Parquet: explicit schema, zstd, atomic replace, idempotent re-runs, dedupe."""
from datetime import date, datetime, timezone

import pyarrow.parquet as pq
import pytest

from extractors.ingest import land as lake_io
from extractors.config import paths
from extractors.orchestration.pipeline import PipelineError, article_id, land, staging_dir
from extractors.schemas import ARTICLES

DAY = date(2026, 9, 1)


def art(url, text_hash, published="2026-09-01T08:00:00+00:00", source="s1"):
    canonical = url.replace("http://127.0.0.1", "https://news.test")
    return {"article_id": article_id(canonical), "url": url, "canonical_url": canonical, "source": source,
            "fetched_at": datetime(2026, 9, 1, 9, tzinfo=timezone.utc),
            "published_at": datetime.fromisoformat(published), "title": "t", "text": "body " + text_hash,
            "language": "it", "content_hash": text_hash, "text_chars": 10}


def stage(p, source, articles, rejects=()):
    d = staging_dir(p, DAY, source)
    lake_io.write_atomic(d / "articles.parquet", lake_io.to_table("articles", articles))
    lake_io.write_atomic(d / "rejects.parquet", lake_io.to_table("rejects", list(rejects)))


@pytest.fixture
def p(tmp_path):
    return paths(tmp_path)


def test_partition_has_declared_schema_hive_path_and_zstd(p):
    stage(p, "s1", [art("http://127.0.0.1/a", "h1")])
    land(DAY, p)
    f = p.lake / "articles" / "ingest_date=2026-09-01" / "part-0.parquet"
    assert pq.read_schema(f).equals(ARTICLES)
    assert pq.ParquetFile(f).metadata.row_group(0).column(0).compression == "ZSTD"


def test_rerun_of_same_day_replaces_and_never_duplicates(p):
    stage(p, "s1", [art("http://127.0.0.1/a", "h1"), art("http://127.0.0.1/b", "h2")])
    land(DAY, p)
    first = (p.lake / "articles/ingest_date=2026-09-01/part-0.parquet").read_bytes()
    land(DAY, p)
    assert len(lake_io.read_partition(p.lake, "articles", DAY)) == 2
    assert (p.lake / "articles/ingest_date=2026-09-01/part-0.parquet").read_bytes() == first


def test_later_run_same_day_adds_to_partition(p):
    stage(p, "s1", [art("http://127.0.0.1/a", "h1")])
    land(DAY, p)
    stage(p, "s1", [art("http://127.0.0.1/b", "h2")])   # the feed moved on
    land(DAY, p)
    assert sorted(r["url"] for r in lake_io.read_partition(p.lake, "articles", DAY)) == [
        "http://127.0.0.1/a", "http://127.0.0.1/b"]


def test_syndicated_copy_is_kept_once_and_recorded_as_reject(p):
    stage(p, "s1", [art("http://127.0.0.1/orig", "same", published="2026-09-01T07:00:00+00:00")])
    stage(p, "s2", [art("http://127.0.0.1/copy", "same", published="2026-09-01T10:00:00+00:00", source="s2")])
    counts = land(DAY, p)
    kept = lake_io.read_partition(p.lake, "articles", DAY)
    assert [r["url"] for r in kept] == ["http://127.0.0.1/orig"] and counts["syndicated_copies"] == 1
    (rej,) = lake_io.read_partition(p.lake, "rejects", DAY)
    assert rej["url"] == "http://127.0.0.1/copy" and rej["stage"] == "land" and "syndicated copy" in rej["reason"]


def test_rejects_are_landed_and_not_duplicated_on_rerun(p):
    r = {"url": "http://127.0.0.1/x", "source": "s1", "stage": "fetch", "reason": "HTTP 404",
         "at": datetime(2026, 9, 1, 9, tzinfo=timezone.utc)}
    stage(p, "s1", [art("http://127.0.0.1/a", "h1")], [r])
    land(DAY, p)
    land(DAY, p)
    assert len(lake_io.read_partition(p.lake, "rejects", DAY)) == 1


def test_run_where_every_fetch_failed_fails_after_recording_rejects(p):
    r = {"url": "http://127.0.0.1/x", "source": "s1", "stage": "fetch", "reason": "timeout",
         "at": datetime(2026, 9, 1, 9, tzinfo=timezone.utc)}
    stage(p, "s1", [], [r])
    with pytest.raises(PipelineError, match="every fetch failed"):
        land(DAY, p, run_counts=[{"source": "s1", "fetched": 0, "rejected": 1}])
    assert lake_io.read_partition(p.lake, "rejects", DAY)[0]["reason"] == "timeout"


def test_crash_mid_write_leaves_previous_file_and_no_partial(p, monkeypatch):
    stage(p, "s1", [art("http://127.0.0.1/a", "h1")])
    land(DAY, p)
    target = p.lake / "articles/ingest_date=2026-09-01/part-0.parquet"
    before = target.read_bytes()

    def crash(table, where, **kw):
        with open(where, "wb") as fh:
            fh.write(b"PAR1 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(lake_io.pq, "write_table", crash)
    stage_rows = [art("http://127.0.0.1/a", "h1"), art("http://127.0.0.1/b", "h2")]
    with pytest.raises(OSError):
        lake_io.write_partition(p.lake, "articles", DAY, stage_rows)
    assert target.read_bytes() == before
    assert [f.name for f in target.parent.iterdir()] == ["part-0.parquet"]
