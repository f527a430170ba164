"""The fetcher refuses non-public addresses unless allowed: against a real server on 127.0.0.1,
with the allowance set per test (FetchSettings.allow_hosts; None would read the environment)."""
import pytest

from extractors.ingest.fetch import FetchError, Fetcher, FetchSettings, RawCache
from extractors.ingest.guard import redact_url
from extractors.ingest.netguard import AddressRefused, Allowance, address_problem, allowing
from tests.pipeline.http_fixtures import BehaviourSite


@pytest.fixture
def site():
    s = BehaviourSite()
    yield s
    s.close()


def fetcher(allow: str, tmp_path=None) -> Fetcher:
    cache = RawCache(tmp_path / "raw") if tmp_path else None
    return Fetcher(cache, FetchSettings(timeout=2, retries=0, host_delay=0, allow_hosts=allow))


def port_of(site) -> int:
    return site.server.server_address[1]


@pytest.mark.parametrize("address, problem", [
    ("127.0.0.1", "a loopback address"), ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("10.1.2.3", "a private address"),
    ("172.16.5.4", "a private address"), ("192.168.0.1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"), ("fd00:ec2::254", "a cloud metadata address"),
    ("169.254.7.7", "a link-local address"), ("fe80::1", "a link-local address"),
    ("0.0.0.0", "an unspecified address"), ("100.64.0.1", "not a public address"),
    ("8.8.8.8", None), ("2001:4860:4860::8888", None),
])
def test_address_classes(address, problem):
    assert address_problem(address) == problem


def test_loopback_is_refused_without_any_request(site):
    with pytest.raises(FetchError, match="refused: 127.0.0.1 is a loopback address") as err:
        fetcher("").fetch(site.url + "/ok")
    assert err.value.refused and site.hits == {}          # not even robots.txt was asked


def test_allowed_host_port_is_fetched_and_another_port_refused(site):
    f = fetcher(f"127.0.0.1:{port_of(site)}")
    assert "Sampdoria" in f.fetch(site.url + "/ok").html
    with pytest.raises(FetchError, match="loopback"):
        f.fetch(f"http://127.0.0.1:{port_of(site) + 1}/ok")


def test_a_network_allowance_covers_its_addresses(site):
    assert fetcher("127.0.0.0/8").fetch(site.url + "/ok").status == 200


def test_a_name_is_checked_after_dns_resolution(site):
    """'localhost' is not an allowed host; it resolves to a loopback address, so it is refused."""
    with pytest.raises(FetchError, match=r"localhost \((127\.0\.0\.1|::1)\) is a loopback address"):
        fetcher(f"127.0.0.1:{port_of(site)}").fetch(f"http://localhost:{port_of(site)}/ok")
    assert "/ok" not in site.hits


@pytest.mark.parametrize("target, problem", [
    ("http://169.254.169.254/latest/meta-data/iam/", "cloud metadata"),
    ("http://10.1.2.3/admin?token=s3cr3t", "private"),
    ("http://127.0.0.1:{other}/ok", "loopback"),
])
def test_every_redirect_hop_is_checked(site, target, problem):
    target = target.format(other=port_of(site) + 1)
    with pytest.raises(FetchError, match=problem) as err:
        fetcher(f"127.0.0.1:{port_of(site)}").fetch(f"{site.url}/redirect?to={target}")
    assert err.value.refused and "s3cr3t" not in err.value.reason


def test_allowed_redirects_are_still_followed(site):
    page = fetcher(f"127.0.0.1:{port_of(site)}").fetch(site.url + "/moved")
    assert page.final_url == site.url + "/ok-target"


def test_a_robots_txt_redirected_to_a_refused_address_is_not_followed(site):
    site.server.RequestHandlerClass.robots_location = "http://169.254.169.254/robots.txt"
    page = fetcher(f"127.0.0.1:{port_of(site)}").fetch(site.url + "/ok")
    assert page.status == 200 and site.hits["/robots.txt"] == 1      # robots treated as absent


def test_the_connection_itself_refuses_what_the_url_check_would(site):
    """The second layer alone (the session, without the fetcher's URL check): a name resolving
    to loopback is refused when the connection is opened, at the address that was checked."""
    f = fetcher(f"127.0.0.1:{port_of(site)}")
    with pytest.raises(AddressRefused, match="loopback"):
        f.session.get(f"http://localhost:{port_of(site)}/ok", timeout=2)
    assert "/ok" not in site.hits
    assert f.session.get(site.url + "/ok", timeout=2).status_code == 200


def test_a_cached_page_is_not_served_once_its_host_is_refused(site, tmp_path):
    url = site.url + "/ok"
    assert not fetcher("127.0.0.1", tmp_path).fetch(url).from_cache
    assert fetcher("127.0.0.1", tmp_path).fetch(url).from_cache
    with pytest.raises(FetchError, match="loopback"):
        fetcher("", tmp_path).fetch(url)


def test_allowance_entries_and_the_launchers_helper():
    a = Allowance("example.test, 127.0.0.1:8765 [::1]:9000 10.0.0.0/8")
    assert a.host("EXAMPLE.test", 443) and a.host("127.0.0.1", 8765) and a.host("::1", 9000)
    assert not a.host("127.0.0.1", 8080) and not a.host("::1", 80)
    assert a.address("10.9.9.9") and not a.address("192.168.1.1")
    assert allowing("http://127.0.0.1:8765", "example.test") == "example.test,127.0.0.1:8765"


def test_redacted_urls_keep_only_the_origin():
    assert redact_url("http://u:pw@10.1.2.3:81/feed?k=s3cr3t#x") == "http://10.1.2.3:81/…"
    assert redact_url("https://[fd00:ec2::254]/latest") == "https://[fd00:ec2::254]/…"
    assert redact_url("http://example.test") == "http://example.test/"


def test_requests_errors_still_come_out_as_fetch_errors(site):
    """An unresolvable public-looking name is not a refusal but an ordinary fetch error."""
    with pytest.raises(FetchError, match="connection error") as err:
        fetcher("").fetch("http://no-such-host.invalid/ok")
    assert not err.value.refused
