"""extract() streams the day in batches (bounded memory): same lake tables as one
batch, atomic on failure. The extractor is stubbed: this is about the plumbing."""
from datetime import date, datetime, timezone

import pyarrow.parquet as pq
import pytest

import extractors.extract as extract_pkg
from extractors.ingest import land as lake_io
from extractors.orchestration import pipeline
from extractors.config import paths
from extractors.extract.model import ArticleExtraction, ClubMention, Fee

DAY = date(2026, 9, 2)


def fake_extract_text(text, title=None, language=None):
    n = int(text.split()[-1])
    if n == 13:
        raise ValueError("unlucky article")
    return ArticleExtraction(language=language or "en",
                             clubs=[ClubMention(f"c{k}", f"Club {k}", f"club {k}", k) for k in range(n % 4)],
                             fees=[Fee(amount=n * 1e6, currency="EUR", eur=n * 1e6, phrase=f"€{n}m", start=n)])


@pytest.fixture
def lake(tmp_path, monkeypatch):
    monkeypatch.setattr(extract_pkg, "extract_text", fake_extract_text)
    p = paths(tmp_path)
    rows = [{"article_id": f"a{i:03d}", "url": f"http://127.0.0.1/{i}", "canonical_url": f"https://x.test/{i}",
             "source": "s", "fetched_at": datetime(2026, 9, 2, tzinfo=timezone.utc), "title": f"t{i}",
             "language": "en", "text": f"body of article {i}", "content_hash": f"h{i}", "text_chars": 20}
            for i in range(25)]
    lake_io.write_partition(p.lake, "articles", DAY, rows)
    return p


def tables(p):
    return {t: pq.read_table(lake_io.partition_dir(p.lake, t, DAY) / lake_io.PART_NAME)
            for t in pipeline.EXTRACT_TABLES + ("rejects",)}


def test_batches_give_the_same_tables_as_one_batch(lake, monkeypatch):
    whole = pipeline.extract(DAY, lake)
    one = tables(lake)
    monkeypatch.setattr(pipeline, "EXTRACT_BATCH", 4)
    assert pipeline.extract(DAY, lake) == whole
    batched = tables(lake)
    assert whole["articles"] == 25 and whole["failed"] == 1 and whole["fees"] == 24
    for t in pipeline.EXTRACT_TABLES:
        assert batched[t].equals(one[t]), t
    assert batched["rejects"].column("reason").to_pylist() == ["ValueError: unlucky article"]


def test_a_failing_extract_leaves_the_previous_tables(lake, monkeypatch):
    pipeline.extract(DAY, lake)
    before = tables(lake)
    monkeypatch.setattr(pipeline, "EXTRACT_BATCH", 4)
    monkeypatch.setattr(pipeline, "_extract_safe", lambda a: 1 / 0 if a["article_id"] == "a020" else (None, "x"))
    with pytest.raises(ZeroDivisionError):
        pipeline.extract(DAY, lake)
    after = tables(lake)
    for t in pipeline.EXTRACT_TABLES:
        assert after[t].equals(before[t]), t
    assert not list((lake.lake).rglob(".tmp-*"))


def test_iter_partition_reads_row_groups_and_fills_missing_columns(tmp_path):
    p = paths(tmp_path)
    rows = [{"article_id": f"a{i}", "text": "x"} for i in range(10)]
    lake_io.write_partition(p.lake, "articles", DAY, rows)
    got = [b for b in lake_io.iter_partition(p.lake, "articles", DAY, ["article_id", "nope"], batch_size=3)]
    assert [len(b) for b in got] == [3, 3, 3, 1]
    assert got[0][0] == {"article_id": "a0", "nope": None}
    assert list(lake_io.iter_partition(p.lake, "articles", date(2020, 1, 1))) == []
