"""The pipeline's stages as plain functions; the DAG and the CLI only call these.

ingest_source  discover + fetch + clean one source into a staging file
land           merge the staged sources of a day into the lake (dedupe, atomic)
extract        run the extractors over a day's articles into the lake tables
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from extractors.ingest import land as lake_io
from extractors.ingest.clean import CleanError, clean_html, content_hash
from extractors.config import Paths, paths as default_paths
from extractors.ingest.fetch import FetchError, Fetcher, FetchSettings, RawCache
from extractors.ingest.guard import outside_local_roots, redact_url
from extractors.ingest.sources import Source, discover

log = logging.getLogger(__name__)


class PipelineError(RuntimeError):
    """The run as a whole cannot succeed (e.g. every fetch failed)."""


def article_id(canonical_url: str) -> str:
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


def detect_language(text: str, hint: str | None) -> str:
    from extractors.extract.language import detect_language as detect
    from extractors.extract.text import fold

    return detect(fold(text), hint=hint)


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _reject(url: str, source: str, stage: str, reason: str) -> dict:
    return {"url": url, "source": source, "stage": stage, "reason": reason[:500], "at": now_utc()}


def staging_dir(p: Paths, day: date, source: str) -> Path:
    return p.staging / day.isoformat() / source


@dataclass
class IngestSettings:
    fetch: FetchSettings
    max_articles: int | None = None
    languages: tuple[str, ...] | None = None    # keep only these detected languages


def _article_row(source: Source, url: str, final_url: str, fetched_at: str, cleaned) -> dict:
    canonical = cleaned.canonical_url or final_url
    text = cleaned.text
    return {
        "article_id": article_id(canonical),
        "url": url,
        "canonical_url": canonical,
        "source": source.name,
        "source_language": source.language,
        "fetched_at": datetime.fromisoformat(fetched_at),
        "published_at": cleaned.published_at,
        "title": cleaned.title,
        "author": cleaned.author,
        "sitename": cleaned.sitename,
        "domain": urlsplit(canonical).netloc or None,
        "language": detect_language(text, hint=cleaned.language or source.language),
        "text": text,
        "content_hash": cleaned.content_hash,
        "text_chars": len(text),
    }


@dataclass
class _Text:
    """A plain-text file seen through the same fields as a cleaned page."""
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published_at: datetime | None = None
    canonical_url: str | None = None
    language: str | None = None
    content_hash: str = ""


def _load(url: str, fetcher: Fetcher) -> tuple[str, str, str, "_Text | None"]:
    """Body, final URL and fetch time of one URL; plain-text files come back already 'cleaned'."""
    if not url.startswith("file://"):
        page = fetcher.fetch(url)
        return page.html, page.final_url, page.fetched_at, None
    path = Path(urlsplit(url).path)
    refusal = outside_local_roots(path)      # a file:// link in a feed or a URL list
    if refusal:
        raise FetchError(refusal, refused=True)
    body = path.read_text("utf-8", errors="replace")
    # the file's mtime, not now: re-running a day over the same files lands identical rows
    fetched_at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat()
    text = _Text(text=body.strip(), canonical_url=url, content_hash=content_hash(body)) if path.suffix.lower() == ".txt" else None
    return body, url, fetched_at, text


def ingest_source(source: Source, day: date, settings: IngestSettings, p: Paths | None = None) -> dict:
    """Discover, fetch and clean one source; stage its articles and rejects for ``day``.

    Every URL ends either as an article or as a reject with its stage and reason."""
    p = p or default_paths()
    fetch_settings = settings.fetch
    if source.delay is not None:
        fetch_settings = replace(fetch_settings, host_delay=source.delay)
    fetcher = Fetcher(RawCache(p.raw), fetch_settings)
    found = discover(source, fetcher, limit=settings.max_articles)
    for ref, reason in found.errors:
        if reason.startswith("refused"):
            log.error("source %s: %s: %s", source.name, ref, reason)
    articles, rejects = [], [_reject(u, source.name, "discover", r) for u, r in found.errors]
    fetched = 0
    for url in found.urls:
        try:
            body, final_url, fetched_at, cleaned = _load(url, fetcher)
            fetched += 1
        except FetchError as err:
            if err.refused:
                url = url if url.startswith("file:") else redact_url(url)
                log.error("source %s: %s: %s", source.name, url, err.reason)
            rejects.append(_reject(url, source.name, "fetch", err.reason))
            continue
        except OSError as err:
            rejects.append(_reject(url, source.name, "fetch", f"cannot read file: {err}"))
            continue
        try:
            cleaned = cleaned or clean_html(body, url=final_url)
            row = _article_row(source, url, final_url, fetched_at, cleaned)
        except CleanError as err:
            rejects.append(_reject(url, source.name, "clean", err.reason))
            continue
        if settings.languages and row["language"] not in settings.languages:
            rejects.append(_reject(url, source.name, "clean",
                                   f"language {row['language']} not among the selected {','.join(settings.languages)}"))
            continue
        articles.append(row)
    out = staging_dir(p, day, source.name)
    lake_io.write_atomic(out / "articles.parquet", lake_io.to_table("articles", articles))
    lake_io.write_atomic(out / "rejects.parquet", lake_io.to_table("rejects", rejects))
    counts = {"source": source.name, "discovered": len(found.urls), "fetched": fetched,
              "cleaned": len(articles), "rejected": len(rejects)}
    log.info("source %s: %s", source.name, counts)
    return counts


def _dedupe_rejects(rows: list[dict]) -> list[dict]:
    first: dict[tuple, dict] = {}
    for r in sorted(rows, key=lambda r: r["at"]):
        first.setdefault((r["url"], r["source"], r["stage"], r["reason"]), r)
    return sorted(first.values(), key=lambda r: (r["at"], r["url"], r["stage"]))


def land(day: date, p: Paths | None = None, run_counts: list[dict] | None = None) -> dict:
    """Merge the day's staged sources with what the lake already holds for that day.

    Same article (canonical URL) seen again: kept once. Same text under another
    URL (a syndicated copy): the earliest published copy is kept, the others are
    recorded as rejects of stage 'land'. Re-running a day gives the same files."""
    p = p or default_paths()
    staged_articles, staged_rejects = [], []
    day_dir = p.staging / day.isoformat()
    for src_dir in sorted(day_dir.iterdir()) if day_dir.exists() else []:
        staged_articles += lake_io.read_file(src_dir / "articles.parquet", "articles")
        staged_rejects += lake_io.read_file(src_dir / "rejects.parquet", "rejects")
    existing = lake_io.read_partition(p.lake, "articles", day)
    # newer fetch of the same article wins; then the earliest published copy of a text
    by_id: dict[str, dict] = {}
    for row in existing + staged_articles:
        by_id[row["article_id"]] = row
    far = datetime.max.replace(tzinfo=timezone.utc)
    ordered = sorted(by_id.values(), key=lambda r: (r["published_at"] or far, r["fetched_at"], r["url"]))
    kept, by_hash, dup_rejects = [], {}, []
    for row in ordered:
        original = by_hash.get(row["content_hash"])
        if original:
            dup_rejects.append(_reject(row["url"], row["source"], "land",
                                       f"syndicated copy of article {original['article_id']} ({original['canonical_url']})"))
            continue
        by_hash[row["content_hash"]] = row
        kept.append(row)
    kept.sort(key=lambda r: r["article_id"])
    previous_rejects = [r for r in lake_io.read_partition(p.lake, "rejects", day) if r["stage"] != "extract"]
    rejects = _dedupe_rejects(previous_rejects + staged_rejects + dup_rejects)
    lake_io.write_partition(p.lake, "articles", day, kept)
    lake_io.write_partition(p.lake, "rejects", day, rejects)
    counts = {"articles": len(kept), "rejects": len(rejects), "syndicated_copies": len(dup_rejects)}
    if run_counts is not None and run_counts and sum(c["fetched"] for c in run_counts) == 0:
        raise PipelineError(f"every fetch failed in this run ({sum(c['rejected'] for c in run_counts)} rejects recorded)")
    return counts


# -- extraction -------------------------------------------------------------

def extraction_rows(article: dict, result=None) -> dict[str, list[dict]]:
    """The extractors' findings for one article as lake rows, per table (`result`: an
    ArticleExtraction already made, e.g. by the llm backend; else the local extractor runs)."""
    from extractors.extract import extract_text

    aid = article["article_id"]
    if result is None:
        result = extract_text(article["text"], title=article.get("title"), language=article.get("language"))
    clubs = [{"article_id": aid, "club_id": c.club_id, "club_name": c.name, "surface": c.surface,
              "char_start": c.start} for c in result.clubs]
    players = [{"article_id": aid, "player_key": pl.key, "player_name": pl.name, "role": pl.role,
                "mention_count": pl.mentions, "position": pl.position, "birth_year": pl.birth_year,
                "nationality": pl.nationality, "player_id": pl.player_id} for pl in result.players]
    fees = [{"article_id": aid, "fee_idx": i, "kind": f.kind, "amount": f.amount, "currency": f.currency,
             "amount_eur": f.eur, "amount_low": f.low, "amount_high": f.high, "bonus": f.bonus,
             "phrase": f.phrase, "char_start": f.start} for i, f in enumerate(result.fees)]
    rumours = []
    for i, r in enumerate(result.rumours):
        fee = r.fee
        rate = (fee.eur / fee.amount) if fee and fee.amount and fee.eur is not None else None
        rumours.append({
            "article_id": aid, "rumour_idx": i, "player_key": r.player_key, "player_name": r.player,
            "player_id": r.player_id, "from_club_id": r.from_club_id, "from_club": r.from_club,
            "to_club_id": r.to_club_id, "to_club": r.to_club,
            "fee_amount": fee.amount if fee else None, "fee_currency": fee.currency if fee else None,
            "fee_eur": fee.eur if fee else None,
            "fee_low_eur": fee.low * rate if fee and fee.low is not None and rate is not None else None,
            "fee_high_eur": fee.high * rate if fee and fee.high is not None and rate is not None else None,
            "fee_bonus": fee.bonus if fee else None, "fee_phrase": fee.phrase if fee else None,
            "deal_type": r.deal_type, "status": r.status, "confidence": r.confidence, "evidence": r.evidence,
        })
    return {"club_mentions": clubs, "player_mentions": players, "fee_mentions": fees, "rumours": rumours}


def _extract_safe(article: dict) -> tuple[dict | None, str | None]:
    try:
        return extraction_rows(article), None
    except Exception as err:  # one bad article must not stop the day
        log.exception("extraction failed for %s", article["url"])
        return None, f"{type(err).__name__}: {err}"


def _extract_llm_safe(article: dict, llm) -> tuple[dict | None, str | None]:
    """The llm backend for one article; its call record becomes a row of llm_calls."""
    from dataclasses import asdict

    try:
        published = article.get("published_at")
        result = llm.extract(article["text"], title=article.get("title"), language=article.get("language"),
                             published=published.date().isoformat() if published else None)
        rows = extraction_rows(article, result.extraction)
        rows["llm_calls"] = [{"article_id": article["article_id"], **asdict(result.call)}]
        return rows, None
    except Exception as err:  # one bad article must not stop the day
        log.exception("extraction failed for %s", article["url"])
        return None, f"{type(err).__name__}: {err}"


EXTRACT_TABLES = ("club_mentions", "player_mentions", "fee_mentions", "rumours", "llm_calls")


EXTRACT_BATCH = 1000        # articles in memory at once: extract's memory does not grow with the day
_EXTRACT_COLUMNS = ["article_id", "url", "source", "title", "language", "text", "published_at"]


def _results(articles: list[dict], workers: int, pool, llm):
    """(rows, error) per article, and the process pool (created on first need) for the next batch."""
    if llm is not None:      # network-bound: threads, as many as the backend lets run at once
        with ThreadPoolExecutor(llm.settings.max_concurrency) as threads:
            return list(threads.map(lambda a: _extract_llm_safe(a, llm), articles)), pool
    if workers > 1 and (pool or len(articles) > 1):
        pool = pool or ProcessPoolExecutor(workers)
        return list(pool.map(_extract_safe, articles, chunksize=16)), pool
    return [_extract_safe(a) for a in articles], pool


def extract(day: date, p: Paths | None = None, workers: int = 1, backend: str = "local") -> dict:
    """Run the extractors over the day's landed articles; replace the day's extraction tables.

    Articles are read, extracted and written in batches of EXTRACT_BATCH (one
    atomic file per table, written as it goes), so peak memory is bounded by a
    batch, not by the size of the day.  `backend` "llm" asks the language model
    configured by OPENAI_BASE_URL / MERCATO_LLM_MODEL (see extractors/extract/llm/),
    records every call in llm_calls and adds its counts to the result."""
    p = p or default_paths()
    llm = None
    if backend == "llm":
        from extractors.extract.llm.backend import new_backend

        llm = new_backend(p)
    elif backend != "local":
        raise ValueError(f"unknown extraction backend {backend!r} (local or llm)")
    failures, n_articles, pool = [], 0, None
    with contextlib.ExitStack() as stack:
        writers = {t: stack.enter_context(lake_io.PartitionWriter(p.lake, t, day)) for t in EXTRACT_TABLES}
        try:
            for articles in lake_io.iter_partition(p.lake, "articles", day, _EXTRACT_COLUMNS, EXTRACT_BATCH):
                n_articles += len(articles)
                results, pool = _results(articles, workers, pool, llm)
                batch: dict[str, list[dict]] = {t: [] for t in EXTRACT_TABLES}
                for article, (rows, error) in zip(articles, results):
                    if error:
                        failures.append(_reject(article["url"], article["source"], "extract", error))
                        continue
                    for table in EXTRACT_TABLES:
                        batch[table] += rows.get(table, [])
                for table in EXTRACT_TABLES:
                    writers[table].write(batch[table])
        finally:
            if pool:
                pool.shutdown()
    rejects = [r for r in lake_io.read_partition(p.lake, "rejects", day) if r["stage"] != "extract"]
    lake_io.write_partition(p.lake, "rejects", day, _dedupe_rejects(rejects + failures))
    counts = {"articles": n_articles, "rumours": writers["rumours"].rows, "clubs": writers["club_mentions"].rows,
              "players": writers["player_mentions"].rows, "fees": writers["fee_mentions"].rows,
              "failed": len(failures), "backend": backend}
    if llm is not None:
        counts["llm"] = llm.stats.as_dict()
        log.info("llm backend (%s): %s", llm.settings.model, counts["llm"])
    return counts
