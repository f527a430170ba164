"""`extractors.orchestration.pipeline.extract(day, backend="llm")`, the DAG's extract task, over a real
lake partition and our chat server: the model's validated rumours in the lake tables,
one llm_calls row per article with fallbacks and reasons, and a re-run with 0 calls."""
from datetime import date, datetime, timezone

import pyarrow.parquet as pq
import pytest

from extractors.ingest import land as lake_io
from extractors.orchestration import pipeline
from extractors.config import paths
from extractors.extract import extract_text
from extractors.schemas import LLM_CALLS

from .conftest import API_KEY, INVALID, VALID, article, llm_env

DAY = date(2026, 11, 20)


@pytest.fixture
def lake(tmp_path, server, monkeypatch):
    for k, v in llm_env(server, tmp_path).items():
        monkeypatch.setenv(k, v)
    p = paths(tmp_path)
    rows = [{"article_id": f"art{i}", "url": f"file:///fixtures/{name}", "canonical_url": f"file:///fixtures/{name}",
             "source": "fixtures", "fetched_at": datetime(2026, 11, 20, 9, tzinfo=timezone.utc),
             "published_at": datetime(2026, 11, 19, 18, tzinfo=timezone.utc), "title": None, "language": None,
             "text": article(name).strip(), "content_hash": f"h{i}", "text_chars": len(article(name))}
            for i, name in enumerate(VALID + INVALID)]
    lake_io.write_partition(p.lake, "articles", DAY, rows)
    return p


def table(p, name):
    return pq.read_table(lake_io.partition_dir(p.lake, name, DAY) / lake_io.PART_NAME)


def rumours(p):
    return sorted((r["article_id"], r["player_name"], r["from_club_id"], r["to_club_id"], r["fee_amount"], r["status"])
                  for r in table(p, "rumours").to_pylist())


def test_extract_with_the_llm_backend_fills_the_lake_and_a_rerun_makes_no_call(lake, server):
    result = pipeline.extract(DAY, lake, backend="llm")
    assert result["backend"] == "llm" and result["articles"] == 6 and result["failed"] == 0
    got = rumours(lake)
    assert ("art2", "Pablo Garrido", "real-betis", "valencia", None, "rumour") in got      # the model's direction
    assert ("art3", "Daniel Okoro", "porto", "celtic", None, "agreed") in got               # local finds none
    assert ("art1", "Lorenzo Ferri", "genoa", "napoli", 12_000_000.0, "agreed") in got
    calls = table(lake, "llm_calls")
    assert calls.schema.equals(LLM_CALLS)
    by_article = {r["article_id"]: r for r in calls.to_pylist()}
    assert [by_article[f"art{i}"]["outcome"] for i in range(6)] == ["ok"] * 4 + ["invalid"] * 2
    assert "Marcus Ellery" in by_article["art4"]["reason"] and "JSON" in by_article["art5"]["reason"]
    assert all(r["requests"] == 1 and not r["cached"] and r["prompt_tokens"] > 0 and r["cost_usd"] > 0
               for r in by_article.values())
    assert "Published: 2026-11-19" in server.completions()[0]["body"]["messages"][1]["content"]
    llm = result["llm"]
    assert llm["requests"] == 6 and llm["cache_hits"] == 0 and llm["fallbacks"] == 2
    assert llm["prompt_tokens"] == sum(r["prompt_tokens"] for r in by_article.values())
    assert abs(llm["cost_usd"] - sum(r["cost_usd"] for r in by_article.values())) < 1e-6
    fees = table(lake, "fee_mentions").to_pylist()
    assert {f["phrase"] for f in fees if f["article_id"] == "art0"} == {"a bid of £28million"}

    first = {t: table(lake, t) for t in ("rumours", "club_mentions", "player_mentions", "fee_mentions")}
    again = pipeline.extract(DAY, lake, backend="llm")
    assert len(server.completions()) == 6
    assert again["llm"]["requests"] == 0 and again["llm"]["cache_hits"] == 6 and again["llm"]["cost_usd"] == 0
    for t, before in first.items():
        assert table(lake, t).equals(before), t
    assert all(r["cached"] and r["requests"] == 0 for r in table(lake, "llm_calls").to_pylist())
    stored = b"".join(f.read_bytes() for f in lake.base.rglob("*") if f.is_file())
    assert API_KEY.encode() not in stored


def test_the_local_backend_writes_an_empty_llm_calls_partition_and_calls_nobody(lake, server):
    result = pipeline.extract(DAY, lake)
    assert result["backend"] == "local" and "llm" not in result
    assert table(lake, "llm_calls").num_rows == 0 and server.completions() == []
    garrido = [(r["from_club_id"], r["to_club_id"]) for r in table(lake, "rumours").to_pylist()
               if r["article_id"] == "art2"]
    rules = extract_text(article("en_valencia_garrido.txt").strip())
    assert garrido == [(r.from_club_id, r.to_club_id) for r in rules.rumours]


def test_an_unknown_backend_is_refused(lake):
    with pytest.raises(ValueError, match="unknown extraction backend"):
        pipeline.extract(DAY, lake, backend="oracle")


def test_the_run_summary_counts_what_the_model_did(lake, server):
    from extractors.warehouse.summary import llm_counts

    assert llm_counts(lake) is None                                  # never ran: no line in the summary
    pipeline.extract(DAY, lake, backend="llm")
    first = llm_counts(lake)
    calls = table(lake, "llm_calls").to_pylist()
    assert first["articles"] == 6 and first["cached"] == 0 and first["fell_back"] == 2 and first["requests"] == 6
    assert first["prompt_tokens"] == sum(r["prompt_tokens"] for r in calls) > 0
    assert abs(first["cost_usd"] - sum(r["cost_usd"] for r in calls)) < 1e-9
    pipeline.extract(DAY, lake, backend="llm")                       # the day again: every answer cached
    again = llm_counts(lake)
    assert again["cached"] == 6 and again["requests"] == 0 and again["cost_usd"] == 0
