"""Sources files and URL discovery from RSS, Atom, sitemaps, URL lists and local folders."""
import pytest

from extractors.ingest.fetch import Fetcher, FetchSettings
from extractors.warehouse.serve import StaticSite
from extractors.ingest.sources import SourceError, discover, load_sources, parse_sources

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>a</title><link>/it/a.html</link></item>
<item><title>b</title><link>http://elsewhere.test/b.html</link></item>
<item><title>a again</title><link>/it/a.html</link></item></channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>x</title><link rel="alternate" href="/en/x.html"/></entry></feed>"""
INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sm-1.xml</loc></sitemap></sitemapindex>"""
SITEMAP = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>/es/uno.html</loc></url><url><loc>/es/dos.html</loc></url></urlset>"""


@pytest.fixture
def feeds(tmp_path):
    for name, body in {"rss.xml": RSS, "atom.xml": ATOM, "index.xml": INDEX, "sm-1.xml": SITEMAP,
                       "broken.xml": "this is <not xml",
                       "noise.xml": "<ab \x1b}q\x10 <p9]\x02~ \x7f<<zz"}.items():
        (tmp_path / name).write_text(body)
    with StaticSite(tmp_path) as site:
        yield site


def fetcher():
    return Fetcher(None, FetchSettings(host_delay=0, retries=0))


def test_rss_links_are_resolved_and_deduplicated(feeds):
    src = parse_sources([{"name": "r", "kind": "rss", "url": feeds.url + "/rss.xml"}])[0]
    assert discover(src, fetcher()).urls == [feeds.url + "/it/a.html", "http://elsewhere.test/b.html"]


def test_atom_feed_links(feeds):
    src = parse_sources([{"name": "a", "kind": "rss", "url": feeds.url + "/atom.xml"}])[0]
    assert discover(src, fetcher()).urls == [feeds.url + "/en/x.html"]


def test_sitemap_index_is_followed(feeds):
    src = parse_sources([{"name": "s", "kind": "sitemap", "url": feeds.url + "/index.xml"}])[0]
    assert discover(src, fetcher()).urls == [feeds.url + "/es/uno.html", feeds.url + "/es/dos.html"]


def test_max_articles_caps_discovery(feeds):
    src = parse_sources([{"name": "s", "kind": "sitemap", "url": feeds.url + "/sm-1.xml", "max_articles": 1}])[0]
    assert len(discover(src, fetcher()).urls) == 1


def test_unreachable_feed_is_an_error_not_an_exception(feeds):
    src = parse_sources([{"name": "m", "kind": "rss", "url": feeds.url + "/nope.xml"}])[0]
    found = discover(src, fetcher())
    assert found.urls == [] and found.errors == [(feeds.url + "/nope.xml", "HTTP 404")]


@pytest.mark.parametrize("name", ["broken.xml", "noise.xml"])
def test_a_document_that_is_no_feed_is_an_error_not_an_empty_source(feeds, name):
    """Incident: random bytes served as RSS (tests/ops' garbage feed) now and then parsed into a
    tree under lxml's recovering parser (bytes that start like "<ab " are an element): the source then had
    no articles and no reject, and the run's fct_rejects missed it."""
    src = parse_sources([{"name": "g", "kind": "rss", "url": f"{feeds.url}/{name}"}])[0]
    found = discover(src, fetcher())
    assert found.urls == [] and len(found.errors) == 1 and found.errors[0][0] == f"{feeds.url}/{name}"


def test_local_folder_lists_html_and_txt(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_LOCAL_ROOTS", str(tmp_path))
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "c.json").write_text("{}")
    src = parse_sources([{"name": "l", "kind": "local", "path": str(tmp_path)}])[0]
    assert [u.rsplit("/", 1)[1] for u in discover(src, fetcher()).urls] == ["a.html", "b.txt"]


def test_env_vars_expand_in_sources_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE", "http://127.0.0.1:9")
    f = tmp_path / "s.yml"
    f.write_text("sources:\n  - {name: x, kind: rss, url: '${SITE}/rss.xml', language: it, max_articles: 5}\n")
    (s,) = load_sources(f)
    assert s.url == "http://127.0.0.1:9/rss.xml" and s.language == "it" and s.max_articles == 5


@pytest.mark.parametrize("bad, message", [
    ([{"kind": "rss", "url": "u"}], "has no name"),
    ([{"name": "x", "kind": "ftp"}], "kind must be one of"),
    ([{"name": "x", "kind": "rss"}], "needs a url"),
    ([{"name": "x", "kind": "local", "path": "p"}, {"name": "x", "kind": "local", "path": "p"}], "duplicate"),
    ([{"name": "x", "kind": "rss", "url": "u", "max_articles": 0}], "positive integer"),
    ([], "non-empty list"),
])
def test_invalid_sources_are_refused_with_a_clear_message(bad, message):
    with pytest.raises(SourceError, match=message):
        parse_sources(bad)
