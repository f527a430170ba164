"""Stages end to end without Airflow: every URL ends as an article or a reject, re-runs are identical."""
from datetime import date
from pathlib import Path

import pytest

from extractors.ingest import land as lake_io
from extractors.config import paths
from extractors.ingest.fetch import FetchSettings
from extractors.orchestration.pipeline import IngestSettings, extract, ingest_source, land
from extractors.warehouse.serve import StaticSite
from extractors.ingest.sources import parse_sources
from tests.pipeline.http_fixtures import ARTICLE

DAY = date(2026, 9, 2)
SITE = Path(__file__).resolve().parents[2] / "data" / "samples" / "site"
SETTINGS = IngestSettings(fetch=FetchSettings(host_delay=0, retries=0))

TXT = ("Il Genoa ha presentato un'offerta da 6 milioni di euro al Cagliari per il centrocampista "
       "Paolo Ferretti. I rossoblù sardi chiedono almeno 8 milioni e la trattativa prosegue. "
       "Il giocatore, classe 2001, ha già detto sì al trasferimento in Liguria.") * 2


@pytest.fixture
def local_source(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_LOCAL_ROOTS", str(tmp_path))      # local files are read only under the roots
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "genoa.txt").write_text(TXT)
    (folder / "torino.html").write_text(ARTICLE.format(title="Torino, idea difensore", canonical="https://x.test/t"))
    (folder / "vuota.html").write_text("<html><body><nav>menu</nav></body></html>")
    return parse_sources([{"name": "local", "kind": "local", "path": str(folder), "language": "it"}])[0]


def test_local_files_become_articles_or_rejects(local_source, tmp_path):
    p = paths(tmp_path / "data")
    counts = ingest_source(local_source, DAY, SETTINGS, p)
    assert counts == {"source": "local", "discovered": 3, "fetched": 3, "cleaned": 2, "rejected": 1}


def test_rerun_over_the_same_files_lands_identical_partitions(local_source, tmp_path):
    p = paths(tmp_path / "data")
    snapshots = []
    for _ in range(2):
        ingest_source(local_source, DAY, SETTINGS, p)
        land(DAY, p)
        extract(DAY, p)
        snapshots.append({t: (p.lake / t / f"ingest_date={DAY}" / "part-0.parquet").read_bytes()
                          for t in ("articles", "rumours", "club_mentions", "fee_mentions")})
    assert snapshots[0] == snapshots[1]


def test_sample_site_every_url_accounted_for(tmp_path):
    p = paths(tmp_path / "data")
    with StaticSite(SITE) as site:
        src = parse_sources([{"name": "sitemap", "kind": "sitemap", "url": site.url + "/sitemap.xml"}])[0]
        counts = ingest_source(src, DAY, SETTINGS, p)
    assert counts["discovered"] == counts["cleaned"] + counts["rejected"]
    land(DAY, p)
    rejects = {r["url"].rsplit("/", 1)[-1]: (r["stage"], r["reason"]) for r in lake_io.read_partition(p.lake, "rejects", DAY)}
    assert rejects["missing-page.html"] == ("fetch", "HTTP 404")
    assert rejects["secret-transfer.html"] == ("fetch", "disallowed by robots.txt")
    assert rejects["ethan-cole-lands-in-milan-inter-medical-syndicated.html"][0] == "land"


def test_extract_writes_every_table_for_the_day(local_source, tmp_path):
    p = paths(tmp_path / "data")
    ingest_source(local_source, DAY, SETTINGS, p)
    land(DAY, p)
    counts = extract(DAY, p)
    assert counts["articles"] == 2 and counts["failed"] == 0
    rumours = lake_io.read_partition(p.lake, "rumours", DAY)
    assert any(r["player_name"] == "Paolo Ferretti" and r["to_club"] == "Genoa" for r in rumours)
