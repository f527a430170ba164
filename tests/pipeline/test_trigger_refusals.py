"""What whoever triggers a run may ask for, through the DAG's own task functions
(orchestration.resolve_sources, orchestration.ingest, then land and extract): inline values
are never ${VAR}-expanded, files are read only under the local roots and sources folders,
non-public addresses are fetched only when allowed. Each refusal is a reject with its reason,
an error in the log, and the rest of the run goes on. The sample site is served on 127.0.0.1
and only its own port is allowed."""
import logging
import os
import secrets
from datetime import date

import pyarrow.parquet as pq
import pytest

from extractors.ingest import land as lake_io
from extractors.orchestration import steps as orch
from extractors.config import REPO_ROOT, paths
from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing
from extractors.orchestration.pipeline import extract, land
from extractors.warehouse.serve import StaticSite
from extractors.ingest.sources import SourceError

DAY = date(2026, 9, 3)
SECRET = "mercato-worker-secret-" + secrets.token_hex(8)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SOME_SECRET", SECRET)
    with StaticSite(REPO_ROOT / "data" / "samples" / "site") as s:
        monkeypatch.setenv(ALLOW_HOSTS_ENV, allowing(s.url, ""))       # this server only
        monkeypatch.setenv("MERCATO_SAMPLES_URL", s.url)
        yield s


def run_dag_tasks(params: dict) -> dict:
    """list_sources -> ingest (one call per source) -> land -> extract, as the DAG does."""
    counts = [orch.ingest(s, params, DAY) for s in orch.resolve_sources(params)]
    land(DAY, run_counts=counts)
    extract(DAY)
    return {c["source"]: c for c in counts}


def everything_written(base) -> str:
    """Every value of every Parquet file under ``base`` (lake and staging), as text."""
    out = []
    for f in sorted(base.rglob("*.parquet")):
        out.append(repr(pq.read_table(f).to_pylist()))
    return "\n".join(out)


def test_refusals_are_rejects_with_reasons_and_the_run_goes_on(site, tmp_path, monkeypatch, caplog):
    root = tmp_path / "root"
    root.mkdir()
    (root / "mine.txt").write_text("Il Genoa vuole Paolo Ferretti dal Cagliari per 6 milioni di euro. " * 3)
    (root / "passwd.txt").symlink_to("/etc/passwd")                 # a way out of the root
    monkeypatch.setenv("MERCATO_LOCAL_ROOTS", f"{REPO_ROOT / 'data'},{root}")
    other = site.server.server_address[1] + 1
    sources = [
        {"name": "samples_rss", "kind": "rss", "url": f"{site.url}/rss.xml", "language": "it", "delay": 0},
        {"name": "samples_local", "kind": "local", "path": "data/samples/site/en", "language": "en"},
        {"name": "leak_feed", "kind": "rss", "url": "http://127.0.0.1:9/feed?k=${SOME_SECRET}"},
        {"name": "leak_list", "kind": "urls", "urls": ["https://news.test/${SOME_SECRET}.html"]},
        {"name": "etc", "kind": "local", "path": "/etc"},
        {"name": "dotdot", "kind": "local", "path": "data/../../../../etc"},
        {"name": "etc_glob", "kind": "local", "path": "/etc/*.conf"},
        {"name": "symlinked", "kind": "local", "path": str(root)},
        {"name": "url_file", "kind": "urls", "path": "/etc/hostname"},
        {"name": "file_url", "kind": "urls", "urls": ["file:///etc/hostname"]},
        {"name": "loopback", "kind": "urls", "urls": [f"http://127.0.0.1:{other}/x.html"]},
        {"name": "private", "kind": "urls", "urls": ["http://10.1.2.3/x.html?token=s3cr3t"]},
        {"name": "metadata", "kind": "rss", "url": "http://169.254.169.254/latest/meta-data/"},
    ]
    caplog.set_level(logging.INFO)
    counts = run_dag_tasks({"sources": sources, "max_articles": 3, "host_delay": 0})
    assert counts["samples_rss"]["cleaned"] > 0 and counts["samples_local"]["cleaned"] > 0
    assert counts["symlinked"]["cleaned"] == 1                       # mine.txt, not the link

    p = paths()
    rejects = {}
    for r in lake_io.read_partition(p.lake, "rejects", DAY):
        rejects.setdefault(r["source"], []).append((r["stage"], r["url"], r["reason"]))
    expected = {
        "leak_feed": ("discover", "inline sources are never expanded"),
        "leak_list": ("discover", "inline sources are never expanded"),
        "etc": ("discover", "outside the local roots"),
        "dotdot": ("discover", "outside the local roots"),
        "etc_glob": ("discover", "outside the local roots"),
        "symlinked": ("discover", "outside the local roots"),
        "url_file": ("discover", "outside the local roots"),
        "file_url": ("fetch", "outside the local roots"),
        "loopback": ("fetch", f"127.0.0.1 is a loopback address; allow it with {ALLOW_HOSTS_ENV}"),
        "private": ("fetch", "10.1.2.3 is a private address"),
        "metadata": ("discover", "169.254.169.254 is a cloud metadata address"),
    }
    for name, (stage, reason) in expected.items():
        assert any(s == stage and reason in why for s, _, why in rejects.get(name, [])), (name, rejects.get(name))
        assert any(r.levelno == logging.ERROR and f"source {name}" in r.getMessage() and reason in r.getMessage()
                   for r in caplog.records), name                             # an error in the log
    assert ("fetch", "http://10.1.2.3/…") == rejects["private"][0][:2]              # the origin only
    assert rejects["symlinked"][0][1].endswith("/passwd.txt")                       # the link, not its target

    written = everything_written(tmp_path / "data")
    assert SECRET not in written and SECRET not in caplog.text
    assert "s3cr3t" not in written and "root:x:0:0" not in written       # nothing of /etc/passwd landed


def test_inline_values_are_never_expanded(site):
    (leak, plain) = orch.resolve_sources({"sources": [
        {"name": "leak", "kind": "rss", "url": "http://127.0.0.1:9/feed?k=${SOME_SECRET}"},
        {"name": "plain", "kind": "rss", "url": "http://news.test/feed?k=$SOME_SECRET"}]})
    assert leak["refused"] and SECRET not in repr(leak)
    assert plain["url"] == "http://news.test/feed?k=$SOME_SECRET" and plain["refused"] is None


def test_a_sources_file_is_read_only_from_the_sources_folders(site, tmp_path, monkeypatch):
    outside = tmp_path / "mine.yml"
    outside.write_text("sources:\n  - {name: x, kind: rss, url: 'http://127.0.0.1:9/?k=${SOME_SECRET}'}\n")
    for name in ("/etc/passwd", str(outside), "data/sources/../../README.md", "data/samples/site/rss.xml"):
        with pytest.raises(SourceError, match="not in a sources folder") as err:
            orch.resolve_sources({"sources_file": name})
        assert SECRET not in str(err.value)
    # the default folder: samples.yml expands ${MERCATO_SAMPLES_URL}
    assert orch.resolve_sources({"sources_file": "data/sources/samples.yml"})[0]["url"] == f"{site.url}/rss.xml"
    # a folder the operator configured: its files are trusted, expanded
    monkeypatch.setenv("MERCATO_SOURCES_DIRS", str(tmp_path))
    assert orch.resolve_sources({"sources_file": str(outside)})[0]["url"].endswith(SECRET)


def test_a_source_name_cannot_escape_the_staging_folder(site):
    with pytest.raises(SourceError, match="a name is 1-100 letters"):
        orch.resolve_sources({"sources": [{"name": "../../warehouse", "kind": "rss", "url": "http://news.test/"}]})


def test_a_run_of_refused_sources_only_fails_with_its_reason_recorded(site):
    with pytest.raises(Exception, match="every fetch failed"):
        run_dag_tasks({"sources": [{"name": "etc", "kind": "local", "path": "/etc"}]})
    (reject,) = lake_io.read_partition(paths().lake, "rejects", DAY)
    assert reject["source"] == "etc" and "outside the local roots" in reject["reason"]
    assert os.environ["MERCATO_DATA_DIR"] in str(paths().lake)
