"""Sources of articles, declared in a YAML file, and URL discovery.

A source is one of:
  rss      a RSS 2.0 or Atom feed            (url)
  sitemap  a sitemap or sitemap index        (url)
  urls     a fixed list of article URLs      (urls: [...] or path to a text file)
  local    HTML or text files on disk        (path: a folder or a glob)
Values of a sources file may use ${ENV_VAR} so one file serves several hosts (e.g. the
sample site); values typed in the trigger form (inline sources) are never expanded, and
sources files are read by a triggered run only from the sources folders (extractors/ingest/guard.py).
"""
from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import yaml
from lxml import etree

from extractors.ingest import guard
from extractors.config import REPO_ROOT, SOURCES_DIRS_ENV, sources_dirs
from extractors.ingest.fetch import FEED_TYPES, Fetcher

KINDS = ("rss", "sitemap", "urls", "local")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")     # also a folder name under staging/
ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class SourceError(ValueError):
    """A sources file that cannot be used as written."""


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    url: str | None = None
    path: str | None = None
    urls: tuple[str, ...] = ()
    language: str | None = None
    max_articles: int | None = None
    delay: float | None = None        # seconds between two requests to this source's host
    refused: str | None = None        # why this source may not run (recorded as a reject)

    def as_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass
class Discovered:
    urls: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)   # (url, reason)


def _expand(value):
    if isinstance(value, list):
        return [_expand(v) for v in value]
    if not isinstance(value, str):
        return value

    def lookup(m: re.Match) -> str:
        if m.group(1) not in os.environ:
            raise SourceError(f"unset environment variable ${{{m.group(1)}}} in a sources file")
        return os.environ[m.group(1)]

    return ENV_REF.sub(lookup, value)


INLINE_ENV_REFUSED = ("refused: inline sources are never expanded (${...}); environment variables "
                      "are expanded only in sources files of the sources folders")


def parse_sources(data, base_dir: Path | None = None, expand: bool = False) -> list[Source]:
    """Validate a list of source mappings (from YAML or from the DAG's Params).

    ``expand`` (sources files only) replaces ${VAR} by the environment; without it a
    source asking for an expansion comes back refused, with the reason."""
    if isinstance(data, dict):
        data = data.get("sources", [])
    if not isinstance(data, list) or not data:
        raise SourceError("a sources file must hold a non-empty list under 'sources'")
    out, seen = [], set()
    for i, raw in enumerate(data):
        if not isinstance(raw, dict):
            raise SourceError(f"source #{i + 1} is not a mapping")
        name, kind = raw.get("name"), raw.get("kind")
        if not name:
            raise SourceError(f"source #{i + 1} has no name")
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise SourceError(f"source #{i + 1}: a name is 1-100 letters, digits, '_', '-' or '.', "
                              "starting with a letter or digit")
        if name in seen:
            raise SourceError(f"duplicate source name {name!r}")
        seen.add(name)
        if kind not in KINDS:
            raise SourceError(f"source {name!r}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if not expand and any(guard.env_reference(v) for v in raw.values()):
            out.append(Source(name=name, kind=kind, url=raw.get("url") if isinstance(raw.get("url"), str) else None,
                              path=raw.get("path") if isinstance(raw.get("path"), str) else None,
                              refused=INLINE_ENV_REFUSED))
            continue
        if expand:
            raw = {k: _expand(v) for k, v in raw.items()}
        if kind in ("rss", "sitemap") and not raw.get("url"):
            raise SourceError(f"source {name!r}: kind {kind} needs a url")
        if kind == "local" and not raw.get("path"):
            raise SourceError(f"source {name!r}: kind local needs a path")
        if kind == "urls" and not (raw.get("urls") or raw.get("path")):
            raise SourceError(f"source {name!r}: kind urls needs urls or a path to a list")
        path = raw.get("path")
        if path and base_dir and not os.path.isabs(path):
            path = str((base_dir / path).resolve())
        max_articles = raw.get("max_articles")
        if max_articles is not None and (not isinstance(max_articles, int) or max_articles < 1):
            raise SourceError(f"source {name!r}: max_articles must be a positive integer")
        delay = raw.get("delay")
        if delay is not None and (not isinstance(delay, (int, float)) or delay < 0):
            raise SourceError(f"source {name!r}: delay must be a number of seconds >= 0")
        out.append(Source(name=name, kind=kind, url=raw.get("url"), path=path,
                          urls=tuple(raw.get("urls") or ()), language=raw.get("language"),
                          max_articles=max_articles, delay=delay))
    return out


def load_sources(path: str | os.PathLike) -> list[Source]:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SourceError(f"sources file not found: {path}")
    except yaml.YAMLError as err:
        raise SourceError(f"sources file {path} is not valid YAML: {err}")
    return parse_sources(data, base_dir=path.parent, expand=True)


def trusted_sources_file(name: str | os.PathLike) -> Path:
    """The sources file a triggered run names, if it lies in a sources folder (relative names
    are relative to the repository); SourceError otherwise, before anything is read."""
    path = Path(name)
    path = path if path.is_absolute() else REPO_ROOT / path
    if not guard.within(path, sources_dirs()):
        raise SourceError(f"refused: sources file {str(name)!r} is not in a sources folder "
                          f"({SOURCES_DIRS_ENV}, default data/sources/)")
    return path


FEED_ROOTS = {"rss", "RDF", "feed", "urlset", "sitemapindex"}     # RSS 2.0, RSS 1.0, Atom, sitemaps


def _xml_links(xml: str, base_url: str) -> tuple[list[str], list[str]]:
    """Article links and nested sitemap links from an RSS, Atom or sitemap document."""
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError as err:
        raise SourceError(f"feed is not XML: {err}")
    if root is None:
        raise SourceError("feed is empty or not XML")
    if not isinstance(root.tag, str) or etree.QName(root).localname not in FEED_ROOTS:
        # lxml's recovering parser makes a tree of almost anything (random bytes with a "<x" in
        # them): a document that is no feed must be a reject, not a source with no articles
        raise SourceError(f"not an RSS, Atom or sitemap document (root element {root.tag!r})")
    links, nested = [], []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname
        parent = el.getparent()
        ptag = etree.QName(parent).localname if parent is not None else ""
        if tag == "link" and ptag in ("item", "entry"):
            href = el.get("href") or (el.text or "").strip()
            if href and el.get("rel", "alternate") == "alternate":
                links.append(urljoin(base_url, href))
        elif tag == "loc" and ptag == "url":
            links.append(urljoin(base_url, (el.text or "").strip()))
        elif tag == "loc" and ptag == "sitemap":
            nested.append(urljoin(base_url, (el.text or "").strip()))
    return links, nested


def _refused_ref(source: Source) -> str:
    """How a refused source is named in the rejects: never a value in full that could hold a secret."""
    if source.url:
        return guard.redact_url(source.url)
    return source.path or f"source:{source.name}"


def _discover_local(pattern: str, found: Discovered) -> None:
    """HTML and text files of a folder or glob, each one (symlinks resolved) under the local roots."""
    base = pattern if os.path.isdir(pattern) else guard.glob_base(pattern)
    refusal = guard.outside_local_roots(base)
    if refusal:
        found.errors.append((pattern, refusal))
        return
    if os.path.isdir(pattern):
        pattern = os.path.join(pattern, "**", "*")
    for p in sorted(glob.glob(pattern, recursive=True)):
        if not (os.path.isfile(p) and p.endswith((".html", ".htm", ".txt"))):
            continue
        refusal = guard.outside_local_roots(p)        # a symlink out of the roots
        if refusal:
            found.errors.append((Path(os.path.abspath(p)).as_uri(), refusal))
        else:
            found.urls.append(Path(p).resolve().as_uri())


def _url_list(path: str, found: Discovered) -> list[str]:
    """The URLs of a URL-list file under the local roots, one per line ('#' comments)."""
    refusal = guard.outside_local_roots(path)
    if refusal:
        found.errors.append((path, refusal))
        return []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        found.errors.append((path, f"cannot read the URL list: {type(err).__name__}"))
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def discover(source: Source, fetcher: Fetcher, limit: int | None = None) -> Discovered:
    """The article URLs (or file paths, for local sources) of one source, in order, deduplicated."""
    limit = min(x for x in (limit, source.max_articles, 10**9) if x is not None)
    found = Discovered()
    if source.refused:
        found.errors.append((_refused_ref(source), source.refused))
    elif source.kind == "local":
        _discover_local(source.path, found)
    elif source.kind == "urls":
        found.urls = list(source.urls)
        if source.path:
            found.urls += _url_list(source.path, found)
    else:
        queue, seen_feeds = [source.url], set()
        while queue and len(seen_feeds) < 50:      # bounded walk of sitemap indexes
            feed_url = queue.pop(0)
            if feed_url in seen_feeds:
                continue
            seen_feeds.add(feed_url)
            try:
                page = fetcher.fetch(feed_url, use_cache=False, accept=FEED_TYPES)
                links, nested = _xml_links(page.html, page.final_url)
            except Exception as err:  # recorded, never raised: other sources go on
                refused = getattr(err, "refused", False)
                found.errors.append((guard.redact_url(feed_url) if refused else feed_url,
                                     getattr(err, "reason", None) or str(err)))
                continue
            found.urls += links
            queue += nested
    found.urls = list(dict.fromkeys(found.urls))[:limit]
    return found
