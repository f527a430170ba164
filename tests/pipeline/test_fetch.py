"""Fetching against a real HTTP server on 127.0.0.1."""
import time

import pytest

from extractors.ingest.fetch import FetchError, Fetcher, FetchSettings, RawCache
from tests.pipeline.http_fixtures import BehaviourSite


@pytest.fixture
def site():
    s = BehaviourSite()
    yield s
    s.close()


@pytest.fixture
def fetcher(tmp_path):
    settings = FetchSettings(timeout=0.5, retries=2, backoff=0.01, host_delay=0.0, max_bytes=100_000)
    return Fetcher(RawCache(tmp_path / "raw"), settings)


def test_200_returns_decoded_html(site, fetcher):
    page = fetcher.fetch(site.url + "/ok")
    assert page.status == 200 and "Sampdoria" in page.html and not page.from_cache


def test_301_is_followed_and_final_url_kept(site, fetcher):
    page = fetcher.fetch(site.url + "/moved")
    assert page.final_url == site.url + "/ok-target"


def test_404_is_not_retried(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(site.url + "/missing")
    assert site.hits["/missing"] == 1


def test_403_is_not_retried(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 403"):
        fetcher.fetch(site.url + "/forbidden")
    assert site.hits["/forbidden"] == 1


def test_500_then_200_is_retried_until_success(site, fetcher):
    page = fetcher.fetch(site.url + "/flaky")
    assert page.status == 200 and site.hits["/flaky"] == 3


def test_persistent_5xx_gives_up_after_retries(site, fetcher):
    with pytest.raises(FetchError, match=r"HTTP 503 \(after 3 attempts\)"):
        fetcher.fetch(site.url + "/always-500")
    assert site.hits["/always-500"] == 3


def test_timeout_is_retried_then_reported(site, fetcher):
    with pytest.raises(FetchError, match="timeout"):
        fetcher.fetch(site.url + "/slow")
    assert site.hits["/slow"] == 3


def test_oversized_body_is_rejected(site, fetcher):
    with pytest.raises(FetchError, match="too large"):
        fetcher.fetch(site.url + "/huge")


def test_non_html_content_type_is_rejected(site, fetcher):
    with pytest.raises(FetchError, match="content type image/png"):
        fetcher.fetch(site.url + "/image.png")


def test_robots_disallow_is_respected_without_fetching(site, fetcher):
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(site.url + "/private/secret")
    assert "/private/secret" not in site.hits


def test_unknown_charset_falls_back_to_meta_charset(site, fetcher):
    page = fetcher.fetch(site.url + "/bad-charset")
    assert "Perché la Juventus" in page.html and page.encoding == "iso-8859-1"


def test_cache_prevents_refetch_and_keeps_original_fetch_time(site, fetcher):
    first = fetcher.fetch(site.url + "/ok")
    second = fetcher.fetch(site.url + "/ok")
    assert second.from_cache and second.fetched_at == first.fetched_at and second.html == first.html
    assert site.hits["/ok"] == 1


def test_project_user_agent_is_sent(site, fetcher):
    assert fetcher.session.headers["User-Agent"].startswith("MercatoBot/")


def test_per_host_delay_spaces_requests(site, tmp_path):
    f = Fetcher(RawCache(tmp_path / "raw"), FetchSettings(host_delay=0.3, respect_robots=False))
    start = time.monotonic()
    for i in range(3):
        f.fetch(site.url + f"/ok{i}", use_cache=False)
    assert time.monotonic() - start >= 0.6
