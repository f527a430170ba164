"""Polite HTTP fetching with a compressed on-disk cache.

Timeouts, retries with exponential backoff on 5xx and network errors (never on
4xx: the page will not appear by asking again), a minimum delay between two
requests to the same host, robots.txt, a size cap, content-type and charset
handling; loopback, private and metadata addresses are refused unless allowed
(extractors/ingest/netguard.py), on every redirect hop too. Raw HTML is cached
gzip-compressed by URL hash so a re-run does not refetch, and keeps the time of
the original fetch (re-runs are idempotent).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib import robotparser
from urllib.parse import urljoin, urlsplit

import requests

from extractors.ingest.netguard import AddressRefused, Allowance, GuardedAdapter, check_url

log = logging.getLogger(__name__)

USER_AGENT = "MercatoBot/0.1 (+https://github.com/mercato-data/mercato; transfer-news research)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = HTML_TYPES + ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


class FetchError(Exception):
    """A page that could not be fetched; ``reason`` is recorded in the rejects table."""

    def __init__(self, reason: str, *, retryable: bool = False, status: int | None = None, refused: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status
        self.refused = refused          # a security refusal: record the URL redacted


MAX_REDIRECTS = 10


@dataclass
class Page:
    url: str              # as requested
    final_url: str        # after redirects
    status: int
    content_type: str
    encoding: str
    fetched_at: str       # ISO 8601, UTC, of the original network fetch
    html: str = ""
    from_cache: bool = False


@dataclass
class FetchSettings:
    timeout: float = 15.0          # seconds, connect and read
    retries: int = 3               # attempts after the first one
    backoff: float = 1.0           # first wait; doubles each retry
    host_delay: float = 1.0        # minimum seconds between two requests to one host
    max_bytes: int = 5 * 1024 * 1024
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    allow_hosts: str | None = None      # None: $MERCATO_FETCH_ALLOW_HOSTS (see netguard.Allowance)


def url_hash(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temp file in the same directory, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RawCache:
    """gzip HTML plus a JSON sidecar per URL, under ``raw/<2 hex>/<sha1>``."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _base(self, url: str) -> Path:
        h = url_hash(url)
        return self.root / h[:2] / h

    def get(self, url: str) -> Page | None:
        base = self._base(url)
        meta, body = base.with_suffix(".json"), base.with_suffix(".html.gz")
        if not (meta.exists() and body.exists()):
            return None
        page = Page(**json.loads(meta.read_text("utf-8")))
        page.html = gzip.decompress(body.read_bytes()).decode("utf-8")
        page.from_cache = True
        return page

    def put(self, page: Page) -> None:
        base = self._base(page.url)
        meta = {k: v for k, v in asdict(page).items() if k not in ("html", "from_cache")}
        # body first: a sidecar without its body is never visible
        atomic_write_bytes(base.with_suffix(".html.gz"), gzip.compress(page.html.encode("utf-8"), 6))
        atomic_write_bytes(base.with_suffix(".json"), json.dumps(meta).encode("utf-8"))


def decode(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Decode with the declared charset when Python knows it, else the <meta>
    charset, else UTF-8, else a detected one. Returns (text, encoding used)."""
    candidates = [header_charset]
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for enc in candidates:
        if not enc:
            continue
        try:
            return body.decode(enc), enc.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes  # shipped with requests

    best = from_bytes(body).best()
    enc = best.encoding if best else "latin-1"
    return body.decode(enc, errors="replace"), enc


class Fetcher:
    """One per worker. Thread-safe enough for the per-host delay bookkeeping."""

    def __init__(self, cache: RawCache | None = None, settings: FetchSettings | None = None):
        self.cache = cache
        self.settings = settings or FetchSettings()
        self.allowance = Allowance(self.settings.allow_hosts)
        self.session = requests.Session()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, GuardedAdapter(self.allowance))
        self.session.headers.update({
            "User-Agent": self.settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "it,en;q=0.8,es;q=0.6,fr;q=0.5",
        })
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()

    # -- politeness -------------------------------------------------------
    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            last = self._last_hit.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else self.settings.host_delay - (now - last)
            self._last_hit[host] = now + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)

    def allowed(self, url: str) -> bool:
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: robotparser.RobotFileParser | None = robotparser.RobotFileParser()
            try:
                resp = self._get(origin + "/robots.txt", stream=False)
                if resp.status_code >= 400:
                    parser = None          # no robots.txt: everything allowed
                else:
                    parser.parse(resp.text.splitlines())
            except requests.RequestException:
                parser = None
            except AddressRefused as err:      # e.g. redirected to a refused address: not followed
                log.warning("robots.txt of %s not read: %s", origin, err.reason)
                parser = None
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _get(self, url: str, *, stream: bool) -> requests.Response:
        """GET following redirects one hop at a time, each hop's address checked first."""
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, self.allowance)
            self._wait_for_host(urlsplit(url).netloc)
            resp = self.session.get(url, timeout=self.settings.timeout, stream=stream, allow_redirects=False)
            if not resp.is_redirect:
                return resp
            resp.close()
            url = urljoin(resp.url, resp.headers["Location"])
            if urlsplit(url).scheme not in ("http", "https"):
                raise AddressRefused("refused: redirect to a URL that is not http(s)")
        raise requests.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")

    @staticmethod
    def _refused(err: AddressRefused) -> FetchError:
        return FetchError(err.reason, refused=True)     # logged by the caller, with its source

    # -- fetching ---------------------------------------------------------
    def fetch(self, url: str, *, use_cache: bool = True, accept: tuple[str, ...] = HTML_TYPES) -> Page:
        """Return the page or raise FetchError with a reason fit for the rejects table."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme: {urlsplit(url).scheme or 'none'}")
        try:      # before the cache too: what is refused now is not served from an older fetch
            check_url(url, self.allowance)
            if use_cache and self.cache:
                cached = self.cache.get(url)
                if cached is not None:
                    return cached
            if not self.allowed(url):
                raise FetchError("disallowed by robots.txt")
        except AddressRefused as err:
            raise self._refused(err)
        attempt = 0
        while True:
            try:
                page = self._fetch_once(url, accept)
                break
            except FetchError as err:
                if not err.retryable or attempt >= self.settings.retries:
                    if err.retryable and attempt:
                        raise FetchError(f"{err.reason} (after {attempt + 1} attempts)", status=err.status) from err
                    raise
            wait = self.settings.backoff * (2 ** attempt)
            log.info("retrying %s in %.1fs", url, wait)
            time.sleep(wait)
            attempt += 1
        if use_cache and self.cache:
            self.cache.put(page)
        return page

    def _fetch_once(self, url: str, accept: tuple[str, ...]) -> Page:
        try:
            resp = self._get(url, stream=True)
        except requests.Timeout:
            raise FetchError(f"timeout after {self.settings.timeout:g}s", retryable=True)
        except requests.TooManyRedirects:
            raise FetchError("too many redirects")
        except requests.ConnectionError as err:
            raise FetchError(f"connection error: {type(err).__name__}", retryable=True)
        except AddressRefused as err:          # a redirect hop, or a name that now resolves elsewhere
            raise self._refused(err)
        with resp:
            status = resp.status_code
            if status >= 500 or status == 429:
                raise FetchError(f"HTTP {status}", retryable=True, status=status)
            if status >= 400:
                raise FetchError(f"HTTP {status}", status=status)
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype and ctype not in accept:
                raise FetchError(f"not an HTML page: content type {ctype}", status=status)
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise FetchError(f"too large: {declared} bytes > cap {self.settings.max_bytes}", status=status)
            body = bytearray()
            try:
                for chunk in resp.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > self.settings.max_bytes:
                        raise FetchError(f"too large: over the {self.settings.max_bytes} byte cap", status=status)
            except requests.RequestException as err:
                raise FetchError(f"timeout while reading body: {type(err).__name__}", retryable=True)
            text, encoding = decode(bytes(body), resp.encoding if "charset" in resp.headers.get("Content-Type", "").lower() else None)
        return Page(
            url=url,
            final_url=resp.url,
            status=status,
            content_type=ctype or "unknown",
            encoding=encoding,
            fetched_at=datetime.now(timezone.utc).isoformat(),
            html=text,
        )
