"""`make bench`: throughput and memory of the real pipeline stages on a synthetic corpus.

    python -m tests.tools.bench               # N = 1000 pages, scaling and dbt at 10·N
    python -m tests.tools.bench --large       # N = 10,000
    python -m tests.tools.bench --tiny        # N = 20, scaling at 3·N: a smoke run
    python -m tests.tools.bench --profile     # also a pyinstrument profile of clean+land+extract
    python -m tests.tools.bench --only dag    # only the DAG run against `mercato run` (bench_dag)

The corpus (tests/tools/bench/corpus.py) is written to a temp dir with one sitemap
per outlet and served over HTTP on 127.0.0.1; the stages run against a temp data
location (``paths(tmpdir)``) with ``host_delay=0``. Every measured step runs in a
fresh Python process (``python -m tests.tools.bench --child spec.json``) so its
peak RSS (``ru_maxrss``) is its own; timings exclude interpreter start and imports.

    fetch     discover + Fetcher.fetch of every page into the raw cache (network, gzip, fsync)
    clean     ingest_source with the raw cache warm: cache read, trafilatura, language, staging Parquet
    land      land(day): staging -> lake partition (dedupe, atomic write)
    extract   extract(day, workers=1): the extractors over the landed articles -> lake tables
    dbt build warehouse.build(paths): dbt build of every model and test

Figures go to ``<out>/bench-<timestamp>.json`` and ``<out>/latest.json``, the chart of
articles/s per stage to ``<out>/stages.png``. Benchmarks are measurements, not tests:
the targets table reports MET / NOT MET and the exit status is 0 either way.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tests.tools.bench import corpus
from extractors.config import REPO_ROOT

DAY = date(2026, 8, 1)
DBT_DATES = 5                  # the 10·N warehouse is spread over this many ingest dates
WORKERS = os.cpu_count() or 2


# --------------------------------------------------------------------------
# children: one measured step per fresh process
# --------------------------------------------------------------------------

def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)    # Linux: KiB


def _cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _sources(spec: dict):
    from extractors.ingest.sources import Source

    return [Source(**s) for s in spec["sources"]]


def _ingest_settings():
    from extractors.ingest.fetch import FetchSettings
    from extractors.orchestration.pipeline import IngestSettings

    return IngestSettings(fetch=FetchSettings(host_delay=0.0, retries=1, backoff=0.1))


def _ingest_one(args):
    """Pool worker: ingest one source (what a DAG task does)."""
    from extractors.orchestration import pipeline
    from extractors.config import paths

    source, day, base = args
    return pipeline.ingest_source(source, day, _ingest_settings(), paths(base))


def _machine_busy_seconds() -> float | None:
    """CPU seconds all processes of the machine have used (Linux /proc/stat), else None."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)     # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _child_fetch(spec):
    from extractors.config import paths
    from extractors.ingest.fetch import Fetcher, FetchError, FetchSettings, RawCache
    from extractors.ingest.sources import discover

    p = paths(spec["base"])
    fetcher = Fetcher(RawCache(p.raw), FetchSettings(host_delay=0.0, retries=1, backoff=0.1))
    pages = errors = 0
    t0 = time.perf_counter()
    for source in _sources(spec):
        for url in discover(source, fetcher).urls:
            try:
                fetcher.fetch(url)
                pages += 1
            except FetchError:
                errors += 1
    return {"seconds": time.perf_counter() - t0, "articles": pages, "errors": errors}


def _per_call_cpu(module, name: str, record: list):
    """Wrap ``module.name`` so each call appends its CPU seconds to ``record``."""
    inner = getattr(module, name)

    def timed(*args, **kwargs):
        c0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            record.append(time.process_time() - c0)

    setattr(module, name, timed)


def _first_last(record: list, n: int | None) -> dict:
    """CPU ms per article of an early and the last n calls of one long run: does an
    article cost more once many have gone before it? Free of the drift between runs.
    The early n are calls n+1..2n: the very first calls pay one-time set-up (the
    club index, regex compilation)."""
    if not n or len(record) < 3 * n:
        return {}
    first, last = sum(record[n:2 * n]) / n * 1000, sum(record[-n:]) / n * 1000
    return {"first_n_cpu_ms": first, "last_n_cpu_ms": last, "last_over_first": last / first if first else None}


def _early_late_per_source(segments: list[list], n: int | None) -> dict:
    """As _first_last, for clean: sources run one after another and outlets differ
    in cost (their chrome), so the late articles are compared with early ones of the
    same source: the last fifth of each source's pages against its second fifth,
    summed over the sources."""
    if not n:
        return {}
    early = late = 0.0
    count = 0
    for seg in segments:
        k = len(seg) // 5
        if k:
            early, late, count = early + sum(seg[k:2 * k]), late + sum(seg[-k:]), count + k
    if not count:
        return {}
    return {"first_n_cpu_ms": early / count * 1000, "last_n_cpu_ms": late / count * 1000,
            "last_over_first": late / early if early else None, "compared": "per source: last fifth / second fifth"}


def _child_clean(spec):
    from extractors.orchestration import pipeline
    from extractors.config import paths

    p, day = paths(spec["base"]), date.fromisoformat(spec["day"])
    calls: list = []
    _per_call_cpu(pipeline, "clean_html", calls)      # ~1 µs a call: nothing next to trafilatura
    t0 = time.perf_counter()
    counts, segments = [], []
    for s in _sources(spec):
        start = len(calls)
        counts.append(pipeline.ingest_source(s, day, _ingest_settings(), p))
        segments.append(calls[start:])
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "articles": sum(c["discovered"] for c in counts),
            "cleaned": sum(c["cleaned"] for c in counts), "rejected": sum(c["rejected"] for c in counts),
            "fetched": sum(c["fetched"] for c in counts), **_early_late_per_source(segments, spec.get("trace_n"))}


def _child_land(spec):
    from extractors.orchestration import pipeline
    from extractors.config import paths

    t0 = time.perf_counter()
    counts = pipeline.land(date.fromisoformat(spec["day"]), paths(spec["base"]))
    return {"seconds": time.perf_counter() - t0, "articles": counts["articles"], "counts": counts}


def _child_extract(spec):
    from extractors.orchestration import pipeline
    from extractors.config import paths

    calls: list = []
    _per_call_cpu(pipeline, "extraction_rows", calls)
    t0 = time.perf_counter()
    counts = pipeline.extract(date.fromisoformat(spec["day"]), paths(spec["base"]), workers=spec.get("workers", 1))
    return {"seconds": time.perf_counter() - t0, "articles": counts["articles"], "counts": counts,
            **_first_last(calls, spec.get("trace_n"))}


def _pool_init():
    """Pool worker start-up: the stages' modules imported once, before any timing."""
    import extractors.orchestration.pipeline  # noqa: F401
    try:
        import extractors.extract  # noqa: F401
    except Exception:
        pass


def _pool_ready(_):
    time.sleep(0.2)
    return os.getpid()


def _child_serial(spec):
    """clean + land + extract in this one process, back to back: the baseline the
    pool is compared with in the same minute, over the same pages."""
    from extractors.orchestration import pipeline
    from extractors.config import paths

    p, day = paths(spec["base"]), date.fromisoformat(spec["day"])
    t0 = time.perf_counter()
    counts = [pipeline.ingest_source(s, day, _ingest_settings(), p) for s in _sources(spec)]
    t1 = time.perf_counter()
    landed = pipeline.land(day, p)
    t2 = time.perf_counter()
    extracted = pipeline.extract(day, p, workers=1)
    t3 = time.perf_counter()
    return {"seconds": t3 - t0, "articles": sum(c["discovered"] for c in counts),
            "segments": {"clean": t1 - t0, "land": t2 - t1, "extract": t3 - t2},
            "landed": landed["articles"], "extracted": extracted["articles"], "failed": extracted["failed"]}


def _child_pool(spec):
    """clean + land + extract with every core: sources ingested in a process pool
    (one task per source, as the DAG maps them), then land, then extract(workers).
    The pool's workers are started and have imported the stages before the clock
    starts (as the one-process figures exclude imports)."""
    from extractors.orchestration import pipeline
    from extractors.config import paths

    p, day, workers = paths(spec["base"]), date.fromisoformat(spec["day"]), spec["workers"]
    with ProcessPoolExecutor(workers, initializer=_pool_init) as pool:
        # every worker up and initialised (the tasks sleep so that one worker cannot take them all)
        list(pool.map(_pool_ready, range(workers)))
        t0 = time.perf_counter()
        counts = list(pool.map(_ingest_one, [(s, day, spec["base"]) for s in _sources(spec)]))
        t1 = time.perf_counter()
    landed = pipeline.land(day, p)
    t2 = time.perf_counter()
    extracted = pipeline.extract(day, p, workers=workers)
    t3 = time.perf_counter()
    return {"seconds": t3 - t0, "articles": sum(c["discovered"] for c in counts),
            "segments": {"clean": t1 - t0, "land": t2 - t1, "extract": t3 - t2},
            "landed": landed["articles"], "extracted": extracted["articles"], "failed": extracted["failed"]}


def _child_floor(spec):
    """A bare trafilatura loop over the same pages, in memory (files read before timing)."""
    import trafilatura

    pages = [Path(f).read_text("utf-8") for f in spec["files"]]
    t0, c0 = time.perf_counter(), time.process_time()
    for html in pages:
        trafilatura.extract(html)
    t1, c1 = time.perf_counter(), time.process_time()
    for html in pages:        # the call and options clean_html uses
        trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                    include_tables=False, favor_precision=True)
    t2, c2 = time.perf_counter(), time.process_time()
    return {"seconds": t1 - t0, "articles": len(pages), "loop_cpu_seconds": c1 - c0,
            "clean_options_seconds": t2 - t1, "clean_options_cpu_seconds": c2 - c1,
            "html_bytes": sum(len(h.encode("utf-8")) for h in pages)}


def _child_plain_extract(spec):
    """extract_text alone over the landed texts, in memory: no Parquet, no row building."""
    from extractors.ingest import land as lake_io
    from extractors.config import paths
    from extractors.extract import extract_text

    articles = lake_io.read_partition(paths(spec["base"]).lake, "articles", date.fromisoformat(spec["day"]))
    items = [(a["text"], a["title"], a["language"]) for a in articles]
    t0, c0 = time.perf_counter(), time.process_time()
    for text, title, language in items:
        extract_text(text, title=title, language=language)
    return {"seconds": time.perf_counter() - t0, "articles": len(items), "loop_cpu_seconds": time.process_time() - c0,
            "text_chars": sum(len(t) for t, _, _ in items)}


def _child_dbt(spec):
    from extractors import warehouse
    from extractors.config import paths

    # the SQL's share of the build: dbt times every statement it sends to DuckDB
    sql = {"seconds": 0.0, "statements": 0}

    def on_event(msg):
        if msg.info.name == "SQLQueryStatus":
            sql["seconds"] += msg.data.elapsed
            sql["statements"] += 1

    t0 = time.perf_counter()
    warehouse.build(paths(spec["base"]), full_refresh=spec.get("full_refresh", False), callbacks=[on_event])
    seconds = time.perf_counter() - t0
    import pyarrow.parquet as pq

    # articles in the lake (dbt-duckdb keeps its own connection to the build file open)
    lake = paths(spec["base"]).lake / "articles"
    n = sum(pq.ParquetFile(f).metadata.num_rows for f in lake.glob("ingest_date=*/*.parquet"))
    out = {"seconds": seconds, "articles": n, "sql_seconds": sql["seconds"], "sql_statements": sql["statements"]}
    # where dbt's time goes: per node from run_results.json, the rest is dbt's own overhead
    rr = warehouse.target_dir(paths(spec["base"])) / "run_results.json"
    if rr.exists():
        nodes = json.loads(rr.read_text("utf-8"))["results"]
        timed = sorted(((r["unique_id"], r["execution_time"]) for r in nodes), key=lambda x: -x[1])
        out["nodes"] = len(nodes)
        out["node_seconds"] = sum(t for _, t in timed)
        out["slowest_nodes"] = [[u, round(t, 3)] for u, t in timed[:8]]
        by_kind: dict = {}
        for u, t in timed:
            by_kind[u.split(".")[0]] = by_kind.get(u.split(".")[0], 0) + t
        out["seconds_by_kind"] = {k: round(v, 3) for k, v in by_kind.items()}
    return out


def _child_repartition(spec):
    """Copy a one-day lake into ``dates`` ingest dates (articles split evenly, each
    article's extraction rows following it): a warehouse with history to build on.
    ``copies`` > 1 writes each article that many times under new ids (and URLs):
    a bigger lake for dbt without cleaning more pages."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from extractors.ingest import land as lake_io
    from extractors.config import paths
    from extractors.schemas import TABLES

    src, dst = paths(spec["src"]).lake, paths(spec["base"]).lake
    day = date.fromisoformat(spec["day"])
    days = [date.fromisoformat(d) for d in spec["dates"]]
    copies = spec.get("copies", 1)
    t0 = time.perf_counter()
    tables = {t: pq.read_table(lake_io.partition_dir(src, t, day) / lake_io.PART_NAME, schema=TABLES[t])
              for t in TABLES}
    ids = tables["articles"].column("article_id").to_pylist()
    for k, d in enumerate(days):
        chunk = pa.array(ids[k::len(days)])
        for name, table in tables.items():
            if name == "rejects":
                lake_io.write_partition(dst, name, d, table if k == 0 else table.slice(0, 0))
                continue
            part = table.filter(pc.is_in(table.column("article_id"), value_set=chunk))
            lake_io.write_partition(dst, name, d, pa.concat_tables([_copy(part, c) for c in range(copies)]))
    return {"seconds": time.perf_counter() - t0, "articles": len(ids) * copies}


def _copy(table, c: int):
    """Copy ``c`` of a lake table's rows: the same findings under other article ids."""
    import pyarrow.compute as pc

    if c == 0:
        return table
    for col in ("article_id", "url", "canonical_url"):
        if col in table.column_names:
            i = table.column_names.index(col)
            table = table.set_column(i, col, pc.binary_join_element_wise(table.column(col), f"~{c}", ""))
    return table


def _child_probe(spec):
    out = {}
    for name, stmt in (("extract", "from extractors.extract import extract_text"),
                       ("warehouse", "from extractors.warehouse import build")):
        try:
            exec(stmt, {})
            out[name] = None
        except Exception as err:  # reported, the bench goes on without that part
            out[name] = f"{type(err).__name__}: {err}"
    return {"seconds": 0.0, "articles": 0, "missing": out}


def _child_profile(spec):
    """pyinstrument over clean + land + extract in one process (raw cache warm)."""
    from pyinstrument import Profiler

    from extractors.orchestration import pipeline
    from extractors.config import paths

    p, day = paths(spec["base"]), date.fromisoformat(spec["day"])
    profiler = Profiler(interval=0.002)
    t0 = time.perf_counter()
    profiler.start()
    for s in _sources(spec):
        pipeline.ingest_source(s, day, _ingest_settings(), p)
    pipeline.land(day, p)
    pipeline.extract(day, p, workers=1)
    profiler.stop()
    seconds = time.perf_counter() - t0
    Path(spec["text_out"]).write_text(profiler.output_text(unicode=True, color=False, show_all=False), "utf-8")
    Path(spec["html_out"]).write_text(profiler.output_html(), "utf-8")
    return {"seconds": seconds, "articles": None}


CHILDREN = {name[len("_child_"):]: fn for name, fn in globals().items() if name.startswith("_child_")}


def _child_main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text("utf-8"))
    # the stages' modules are imported before the clocks start (wall and CPU alike);
    # not for fetch, whose peak memory should not include the extractors
    if spec["kind"] in ("clean", "land", "extract", "pool", "serial", "plain_extract", "profile"):
        import extractors.orchestration.pipeline  # noqa: F401
        try:
            import extractors.extract  # noqa: F401
        except Exception:
            pass
    if spec["kind"] == "dbt":
        # dbt-core and the adapter load in ~2 s: an import, not a build (and the same for both builds)
        import dbt.adapters.duckdb  # noqa: F401
        import dbt.cli.main  # noqa: F401
    load_before = os.getloadavg()[0]
    busy0, t0 = _machine_busy_seconds(), time.perf_counter()
    cpu0 = _cpu_seconds()
    result = CHILDREN[spec["kind"]](spec)
    # CPU seconds the rest of the machine used meanwhile, per wall second: how many
    # cores other processes took from this step (0 on a quiet machine)
    cpu_step = _cpu_seconds() - cpu0
    busy = _machine_busy_seconds()
    if busy is not None and busy0 is not None:
        wall = time.perf_counter() - t0
        result["other_cores_busy"] = round(max(0.0, busy - busy0 - cpu_step) / wall, 2) if wall > 0 else None
    # CPU time (user + sys, this process and its pool workers) is a check on wall
    # time when other work shares the machine: see loadavg
    result["cpu_seconds"] = round(_cpu_seconds() - cpu0, 3)
    result["loadavg_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result["peak_rss_mb"] = _peak_mb(resource.RUSAGE_SELF)
    result["children_peak_rss_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    Path(spec["result"]).write_text(json.dumps(result, default=str), "utf-8")


# --------------------------------------------------------------------------
# parent: corpus, server, orchestration, report
# --------------------------------------------------------------------------

class Bench:
    def __init__(self, n: int, scale: int, seed: int, tmp: Path, verbose: bool = True, dbt_copies: int = 10,
                 keep: bool = False):
        self.n, self.scale, self.seed, self.tmp = n, scale, seed, tmp
        self.dbt_copies, self.keep = dbt_copies, keep
        self.big = n * scale
        self.new = max(1, round(self.big / 100))       # +1 % for the incremental dbt build
        self.site = tmp / "site"
        self.verbose = verbose
        self._spec_no = 0

    def log(self, msg: str) -> None:
        if self.verbose:
            print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)

    def child(self, kind: str, **spec) -> dict:
        """Run one measured step in a fresh interpreter; return its figures."""
        self._spec_no += 1
        spec_path = self.tmp / f"spec-{self._spec_no:03d}-{kind}.json"
        result_path = spec_path.with_suffix(".result.json")
        spec_path.write_text(json.dumps({"kind": kind, "result": str(result_path), **spec}, default=str), "utf-8")
        log_path = spec_path.with_suffix(".log")
        with open(log_path, "wb") as log:
            proc = subprocess.run([sys.executable, "-m", "tests.tools.bench.main", "--child", str(spec_path)],
                                  stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT)
        if proc.returncode != 0 or not result_path.exists():
            tail = log_path.read_text("utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"bench step {kind} failed (exit {proc.returncode}):\n{tail}")
        out = json.loads(result_path.read_text("utf-8"))
        if out.get("articles") and out.get("seconds"):
            out["articles_per_s"] = out["articles"] / out["seconds"]
        return out

    # -- corpus --------------------------------------------------------------
    def write_corpus(self) -> dict:
        total = self.big + self.new
        chunks = [(i, min(i + 250, total)) for i in range(0, total, 250)]
        t0 = time.perf_counter()
        with ProcessPoolExecutor(WORKERS) as pool:
            done = list(pool.map(_write_chunk, [(str(self.site), self.seed, a, b) for a, b in chunks]))
        html_bytes = sum(d["bytes"] for d in done)
        (self.site / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")
        return {"pages": total, "html_bytes": html_bytes, "seconds": time.perf_counter() - t0}

    def sources(self, base_url: str, label: str, indices: range) -> list[dict]:
        out = []
        for outlet in corpus.OUTLETS:
            mine = [i for i in indices if corpus.outlet_of(i) is outlet]
            if not mine:
                continue
            url = corpus.write_sitemap(self.site, f"{label}-{outlet.slug}", base_url, mine)
            out.append({"name": outlet.slug, "kind": "sitemap", "url": url, "language": outlet.language})
        return out

    def files(self, indices: range) -> list[str]:
        return [str(self.site / corpus.page_path(i).lstrip("/")) for i in indices]

    # -- the measured runs ----------------------------------------------------
    def one_process(self, base: Path, sources: list[dict], label: str, trace_n: int | None = None) -> dict:
        """fetch, clean, land, extract: each stage in its own process, one core.
        ``trace_n``: also the CPU time per article early and late in clean and in
        extract (see _first_last and _early_late_per_source)."""
        out = {}
        for stage, kind, extra in (("fetch", "fetch", {}), ("clean", "clean", {"trace_n": trace_n}),
                                   ("land", "land", {}), ("extract", "extract", {"workers": 1, "trace_n": trace_n})):
            out[stage] = self.child(kind, base=str(base), sources=sources, day=DAY.isoformat(), **extra)
            self.log(f"{label} {stage:8s} {_fmt_stage(out[stage])}")
            failed = out[stage].get("counts", {}).get("failed")
            if failed:
                self.log(f"WARNING: {failed} articles failed extraction: the extract figures do not measure "
                         f"extraction (see the day's rejects)")
        return out


def _write_chunk(args):
    root, seed, a, b = args
    return corpus.write_site(Path(root), seed, a, b)


def _fmt_stage(s: dict) -> str:
    aps = s.get("articles_per_s")
    return (f"{s['seconds']:8.2f} s  {s.get('articles') or 0:6d} articles  "
            f"{aps if aps else 0:8.1f}/s  peak {s['peak_rss_mb']:.0f} MB")


def _ratio(a, b):
    return a / b if a is not None and b else None


def run(n: int, scale: int, seed: int, out_dir: Path, *, with_dbt_scale: bool = True, profile: bool = False,
        keep: bool = False, verbose: bool = True, only: str | None = None, dbt_copies: int = 10,
        dag_rounds: int = 2) -> dict:
    from extractors.warehouse.serve import StaticSite

    tmp = Path(tempfile.mkdtemp(prefix="mercato-bench-"))
    b = Bench(n, scale, seed, tmp, verbose, dbt_copies, keep)
    started = time.perf_counter()
    figures: dict = {"meta": _meta(n, scale, seed)}
    try:
        if only == "dag":
            figures["dag_run"] = _dag_figure(b, dag_rounds)
            return _finish(figures, started)
        probe = b.child("probe")["missing"]
        figures["meta"]["unavailable"] = {k: v for k, v in probe.items() if v}
        for k, v in probe.items():
            if v:
                b.log(f"{k} not importable, its figures are skipped: {v}")
        b.log(f"writing {b.big + b.new} pages (seed {seed}) to {b.site}")
        figures["corpus"] = b.write_corpus()
        b.log(f"corpus: {figures['corpus']['pages']} pages, {figures['corpus']['html_bytes'] / 1e6:.1f} MB of HTML "
              f"in {figures['corpus']['seconds']:.1f} s")
        with StaticSite(b.site) as site:
            from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing

            os.environ[ALLOW_HOSTS_ENV] = allowing(site.url)     # the children fetch from this server
            if only == "dbt":
                figures.update(_measure_dbt_only(b, site.url))
            else:
                figures.update(_measure(b, site.url, probe, with_dbt_scale=with_dbt_scale, profile=profile,
                                        out_dir=out_dir))
        if only is None and probe["warehouse"] is None:
            figures["dag_run"] = _dag_figure(b, dag_rounds)
    finally:
        if keep:
            print(f"[bench] kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return _finish(figures, started)


def _finish(figures: dict, started: float) -> dict:
    figures["meta"]["total_seconds"] = time.perf_counter() - started
    figures["targets"] = targets(figures)
    return figures


def _dag_figure(b: Bench, rounds: int) -> dict:
    """The DAG run (trigger to success) against `mercato run` over the sample site (bench_dag)."""
    from tests.tools.bench import dag as bench_dag

    b.log(f"the DAG against mercato run over {bench_dag.SOURCES_FILE.name}, {rounds} round(s) each")
    (b.tmp / "dag").mkdir(exist_ok=True)
    res = bench_dag.measure(b.tmp / "dag", rounds=rounds, log=b.log)
    b.log(f"DAG / mercato run: {res['ratio']:.2f} (first runs {res['ratio_cold']:.2f})")
    return res


def _measure(b: Bench, base_url: str, probe: dict, *, with_dbt_scale: bool, profile: bool, out_dir: Path) -> dict:
    n, big = b.n, b.big
    can_extract, can_dbt = probe["extract"] is None, probe["warehouse"] is None
    res: dict = {}
    src_n = b.sources(base_url, "n", range(n))
    src_big = b.sources(base_url, "big", range(big))
    src_new = b.sources(base_url, "new", range(big, big + b.new))
    run_n, run_big = b.tmp / "run-n", b.tmp / "run-big"

    # per stage at N, one process each
    stages = b.one_process(run_n, src_n, f"N={n}")
    if not can_extract:
        stages.pop("extract")
    if can_dbt and can_extract:
        stages["dbt_build"] = b.child("dbt", base=str(run_n))
        b.log(f"N={n} dbt build {_fmt_stage(stages['dbt_build'])}")
    res["stages"] = stages

    # floor: bare trafilatura over the same pages, in memory
    floor = b.child("floor", files=b.files(range(n)))
    floor["clean_options_articles_per_s"] = n / floor["clean_options_seconds"]
    b.log(f"floor    trafilatura.extract {floor['articles_per_s']:.1f}/s; with clean's options "
          f"{floor['clean_options_articles_per_s']:.1f}/s")
    one = _combined(stages, can_extract)
    res["floor"] = {"trafilatura_extract": floor, "pipeline_one_process": one,
                    "ratio": _ratio(one["articles_per_s"], floor["articles_per_s"]),
                    "ratio_vs_clean_options": _ratio(one["articles_per_s"], floor["clean_options_articles_per_s"])}

    # all cores: the same clean + land + extract with a pool of WORKERS, right after
    # the same three stages in one process (same pages, same warm raw cache, same minute)
    res["all_cores"] = _all_cores(b, run_n, src_n, one)

    # extract alone on plain text, in memory
    if can_extract:
        plain = b.child("plain_extract", base=str(run_n), day=DAY.isoformat())
        b.log(f"extract_text alone on plain text: {plain['articles_per_s']:.1f} articles/s")
        res["extract_plain_text"] = plain

    if profile:
        prof_base = b.tmp / "run-profile"
        prof_base.mkdir()
        os.symlink(run_n / "raw", prof_base / "raw")
        out_dir.mkdir(parents=True, exist_ok=True)
        prof = b.child("profile", base=str(prof_base), sources=src_n, day=DAY.isoformat(),
                       text_out=str(out_dir / "profile.txt"), html_out=str(out_dir / "profile.html"))
        b.log(f"profile of clean+land+extract ({prof['seconds']:.1f} s) in {out_dir / 'profile.txt'}")
        res["profile"] = {"text": str(out_dir / "profile.txt"), "html": str(out_dir / "profile.html"),
                          "seconds": prof["seconds"]}

    # scaling: the same one-process stages at scale·N, between two runs at N (before
    # and after): the speed of this machine drifts by 10-20 % over minutes, so the
    # large run is compared with the mean of N runs on either side of it (A-B-A)
    big_stages = b.one_process(run_big, src_big, f"{b.scale}N={big}", trace_n=n)
    one_big = _combined(big_stages, can_extract)
    after_stages = b.one_process(b.tmp / "run-n-after", src_n, f"N={n} again")
    one_after = _combined(after_stages, can_extract)
    both = _pooled(one, one_after)
    peak = lambda st: max(st["clean"]["peak_rss_mb"], st.get("extract", {}).get("peak_rss_mb", 0))
    res["scaling"] = {
        "n": n, "n_large": big, "scale": b.scale,
        "articles_per_s": both["articles_per_s"], "articles_per_s_large": one_big["articles_per_s"],
        "articles_per_cpu_s": both["articles_per_cpu_s"], "articles_per_cpu_s_large": one_big["articles_per_cpu_s"],
        "articles_per_s_n_before": one["articles_per_s"], "articles_per_s_n_after": one_after["articles_per_s"],
        # how far the two N runs disagree: the noise the ratio has to be read against
        "n_runs_drift": _ratio(one_after["articles_per_s"], one["articles_per_s"]),
        "ratio": _ratio(one_big["articles_per_s"], both["articles_per_s"]),
        "peak_rss_mb": max(peak(stages), peak(after_stages)), "peak_rss_mb_large": peak(big_stages),
        "memory_ratio": _ratio(peak(big_stages), max(peak(stages), peak(after_stages))),
        "stages_large": big_stages, "stages_n_after": after_stages,
        # inside the large run: late articles against early ones (CPU ms each)
        "within_large_run": {k: {x: big_stages[k].get(x) for x in ("first_n_cpu_ms", "last_n_cpu_ms", "last_over_first")}
                             for k in ("clean", "extract") if k in big_stages},
    }

    if can_dbt and can_extract and with_dbt_scale:
        res.update(_dbt_figures(b, run_big, src_new))
    return res


def _incremental_dbt(b: Bench, run_big: Path, src_new: list[dict], copies: int = 1) -> dict:
    """The scale·N lake copied over DBT_DATES ingest dates (each article ``copies``
    times), a base build, +1 % as a new date (the new pages through the real stages,
    copied the same way), then the incremental build and a full refresh."""
    run_dbt, run_new = b.tmp / f"run-dbt-x{copies}", b.tmp / "run-new"
    dates = [DAY - timedelta(days=DBT_DATES - k) for k in range(DBT_DATES)]
    b.child("repartition", src=str(run_big), base=str(run_dbt), day=DAY.isoformat(),
            dates=[d.isoformat() for d in dates], copies=copies)
    base_build = b.child("dbt", base=str(run_dbt))
    b.log(f"dbt build of {base_build['articles']} articles over {DBT_DATES} dates {_fmt_stage(base_build)}")
    if not (run_new / "lake").exists():               # the new date through the real stages, once
        for stage in ("clean", "land", "extract"):
            b.child(stage, base=str(run_new), sources=src_new, day=DAY.isoformat())
    added = b.child("repartition", src=str(run_new), base=str(run_dbt), day=DAY.isoformat(),
                    dates=[DAY.isoformat()], copies=copies)
    inc = b.child("dbt", base=str(run_dbt))
    b.log(f"+1% ({added['articles']} articles) incremental dbt build {_fmt_stage(inc)}")
    full = b.child("dbt", base=str(run_dbt), full_refresh=True)
    b.log(f"+1% full-refresh dbt build {_fmt_stage(full)}")
    if copies > 1 and not b.keep:                     # a big lake and warehouse: disk back
        shutil.rmtree(run_dbt, ignore_errors=True)
    return {"copies": copies, "articles_base": base_build["articles"], "dates": DBT_DATES + 1,
            "articles_new": added["articles"], "base_build": base_build,
            "incremental": inc, "full_refresh": full,
            "ratio": _ratio(inc["seconds"], full["seconds"]),
            "ratio_cpu": _ratio(inc.get("cpu_seconds"), full.get("cpu_seconds")),
            # where the ratio comes from: the SQL alone, and what it would be if the
            # incremental build sent no SQL at all (dbt's own time per invocation and node)
            "ratio_sql": _ratio(inc.get("sql_seconds"), full.get("sql_seconds")),
            "ratio_without_sql": _ratio(inc["seconds"] - inc.get("sql_seconds", 0), full["seconds"])}


def _dbt_figures(b: Bench, run_big: Path, src_new: list[dict]) -> dict:
    """Incremental dbt at scale·N (history over DBT_DATES ingest dates, then +1 % as a
    new date), then the same on the lake copied ``b.dbt_copies`` times."""
    first = _incremental_dbt(b, run_big, src_new)
    return {"incremental_dbt": first, "dbt_growth": _dbt_growth(b, run_big, src_new, first)}


def _dbt_growth(b: Bench, run_big: Path, src_new: list[dict], first: dict) -> list[dict]:
    """Incremental (+1 %) and full builds as the lake grows: at scale·N, then with
    every article copied ``b.dbt_copies`` times. A fixed cost per dbt invocation and
    per node shows as an incremental build that barely grows while the full one does."""
    rows = [first]
    if b.dbt_copies > 1:
        rows.append(_incremental_dbt(b, run_big, src_new, copies=b.dbt_copies))
    return [{"copies": r["copies"], "articles": r["articles_base"] + r["articles_new"],
             "incremental_seconds": r["incremental"]["seconds"], "full_seconds": r["full_refresh"]["seconds"],
             "incremental_node_seconds": r["incremental"].get("node_seconds"),
             "full_node_seconds": r["full_refresh"].get("node_seconds"),
             "incremental_slowest_nodes": r["incremental"].get("slowest_nodes"),
             "incremental_seconds_by_kind": r["incremental"].get("seconds_by_kind"),
             "full_seconds_by_kind": r["full_refresh"].get("seconds_by_kind"),
             "incremental_sql_seconds": r["incremental"].get("sql_seconds"),
             "full_sql_seconds": r["full_refresh"].get("sql_seconds"),
             "ratio": r["ratio"], "ratio_cpu": r["ratio_cpu"], "ratio_sql": r.get("ratio_sql"),
             "ratio_without_sql": r.get("ratio_without_sql")} for r in rows]


def _all_cores(b: Bench, run_n: Path, src_n: list[dict], one: dict) -> dict:
    """Pool of WORKERS vs one process, clean + land + extract over the same N pages:
    one process, the pool, one process again (A-B-A: the machine's speed drifts), and
    the pool against both one-process runs pooled. Also from CPU time: the pool's CPU
    seconds per wall second (cores it kept busy) and the CPU seconds other processes
    took meanwhile."""
    runs = {}
    for label, kind in (("serial", "serial"), ("pool", "pool"), ("serial_after", "serial")):
        base = b.tmp / f"run-{label}"
        base.mkdir(parents=True)
        os.symlink(run_n / "raw", base / "raw")        # the same warm raw cache
        extra = {"workers": WORKERS} if kind == "pool" else {}
        runs[label] = b.child(kind, base=str(base), sources=src_n, day=DAY.isoformat(), **extra)
        b.log(f"N={b.n} {label} x{WORKERS if kind == 'pool' else 1} {_fmt_stage(runs[label])}  "
              f"other processes took {runs[label].get('other_cores_busy')} cores")
    serial, pool, after = runs["serial"], runs["pool"], runs["serial_after"]
    both = _pooled(serial, after)
    others = max(r.get("other_cores_busy") or 0 for r in runs.values())
    return {"workers": WORKERS, "one_process": one, "serial": serial, "pool": pool, "serial_after": after,
            "serial_pooled": both,
            "ratio": _ratio(pool.get("articles_per_s"), both["articles_per_s"]),
            "ratio_vs_stage_sum": _ratio(pool.get("articles_per_s"), one["articles_per_s"]),
            # the ratio if the pool had had its cores to itself: its CPU per wall second
            "pool_cores_used": _ratio(pool.get("cpu_seconds"), pool.get("seconds")),
            "cpu_efficiency": _ratio(_half(both["cpu_seconds"]), pool.get("cpu_seconds")),
            "other_cores_busy": others,
            "machine_busy": others > 0.25 * WORKERS}


def _measure_dbt_only(b: Bench, base_url: str) -> dict:
    """``--only dbt``: the scale·N lake is made unmeasured (fetch, then clean + land +
    extract with every core), then only the incremental-vs-full dbt figures."""
    src_big = b.sources(base_url, "big", range(b.big))
    src_new = b.sources(base_url, "new", range(b.big, b.big + b.new))
    run_big = b.tmp / "run-big"
    b.child("fetch", base=str(run_big), sources=src_big, day=DAY.isoformat())
    made = b.child("pool", base=str(run_big), sources=src_big, day=DAY.isoformat(), workers=WORKERS)
    b.log(f"{b.scale}N={b.big} lake made (unmeasured) in {made['seconds']:.0f} s")
    return _dbt_figures(b, run_big, src_new)


def _combined(stages: dict, can_extract: bool) -> dict:
    """clean + land + extract in one process: the sum of the one-core stage times."""
    parts = [k for k in ("clean", "land", "extract") if k in stages]
    seconds = sum(stages[k]["seconds"] for k in parts)
    articles = stages["clean"]["articles"]
    cpu = sum(stages[k].get("cpu_seconds", 0) for k in parts)
    return {"seconds": seconds, "articles": articles, "articles_per_s": articles / seconds if seconds else None,
            "cpu_seconds": cpu, "articles_per_cpu_s": articles / cpu if cpu else None,
            "stages": parts, "complete": can_extract,
            "peak_rss_mb": max(stages[k]["peak_rss_mb"] for k in parts)}


def _half(x: float | None) -> float | None:
    return x / 2 if x is not None else None


def _pooled(a: dict, b: dict) -> dict:
    """Two runs over the same pages as one: total articles over total time."""
    arts, secs, cpu = a["articles"] + b["articles"], a["seconds"] + b["seconds"], a["cpu_seconds"] + b["cpu_seconds"]
    return {"articles": arts, "seconds": secs, "cpu_seconds": cpu,
            "articles_per_s": arts / secs if secs else None, "articles_per_cpu_s": arts / cpu if cpu else None}


TARGETS = (
    # key, label, threshold, "ge" | "le"
    ("floor", "clean+extract+land / bare trafilatura", 0.85, "ge"),
    ("all_cores", "all cores / one process", 1.7, "ge"),
    ("scaling", "articles/s at 10·N / at N", 0.9, "ge"),
    ("scaling_memory", "peak memory clean+extract 10·N / N", 1.2, "le"),
    ("incremental_dbt", "incremental dbt (+1%) / full at 10·N", 0.25, "le"),
    ("extract_plain", "extract on plain text, articles/s per core", 200.0, "ge"),
    ("dag_vs_run", "DAG run / mercato run, sample site", 2.0, "le"),
)


def targets(f: dict) -> list[dict]:
    values = {
        "floor": f.get("floor", {}).get("ratio"),
        "all_cores": f.get("all_cores", {}).get("ratio"),
        "scaling": f.get("scaling", {}).get("ratio"),
        "scaling_memory": f.get("scaling", {}).get("memory_ratio"),
        "incremental_dbt": f.get("incremental_dbt", {}).get("ratio"),
        "extract_plain": f.get("extract_plain_text", {}).get("articles_per_s"),
        "dag_vs_run": f.get("dag_run", {}).get("ratio"),
    }
    fl, sc, pt = f.get("floor", {}), f.get("scaling", {}), f.get("extract_plain_text", {})
    floor_cpu = fl.get("trafilatura_extract", {}).get("loop_cpu_seconds")
    one = fl.get("pipeline_one_process", {})
    # the same ratios from CPU time: a check on wall time when the machine is shared
    cpu_values = {
        "floor": _ratio(one.get("articles_per_cpu_s"), fl.get("trafilatura_extract", {}).get("articles", 0) / floor_cpu)
        if floor_cpu else None,
        "scaling": _ratio(sc.get("articles_per_cpu_s_large"), sc.get("articles_per_cpu_s")),
        "extract_plain": pt["articles"] / pt["loop_cpu_seconds"] if pt.get("loop_cpu_seconds") else None,
        "incremental_dbt": f.get("incremental_dbt", {}).get("ratio_cpu"),
        # one-process CPU seconds over the pool's wall time: the speed-up with the
        # one-process run unaffected by other work (the pool still is: see other_cores_busy)
        "all_cores": _ratio(_half(f.get("all_cores", {}).get("serial_pooled", {}).get("cpu_seconds")),
                            f.get("all_cores", {}).get("pool", {}).get("seconds")),
    }
    out = []
    for key, label, threshold, op in TARGETS:
        v = values[key]
        met = None if v is None else (v >= threshold if op == "ge" else v <= threshold)
        scale = f.get("meta", {}).get("scale", 10)
        out.append({"key": key, "target": label.replace("10·N", f"{scale}·N"), "value": v, "threshold": threshold,
                    "op": op, "met": met, "value_cpu": cpu_values.get(key)})
    return out


def _git_commit() -> str | None:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def _meta(n: int, scale: int, seed: int) -> dict:
    return {"timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"), "n": n, "scale": scale,
            "n_large": n * scale, "seed": seed, "workers": WORKERS, "cpu_count": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform(), "commit": _git_commit(),
            "method": "each measured step in a fresh process; times exclude interpreter start and imports (dbt-core too); "
                      "clean+extract+land one process = sum of the clean, land and extract stage times"}


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------

STAGE_ORDER = ("fetch", "clean", "land", "extract", "dbt_build")


def report(f: dict) -> str:
    m = f["meta"]
    lines = [f"Mercato bench  N={m['n']}  scale={m['scale']}  seed={m['seed']}  commit={m['commit']}  "
             f"cores={m['cpu_count']}  total {m.get('total_seconds', 0):.0f} s",
             f"corpus: {f['corpus']['pages']} pages, {f['corpus']['html_bytes'] / 1e6:.1f} MB HTML", "",
             f"{'stage':<12}{'wall s':>10}{'articles':>10}{'articles/s':>12}{'peak RSS MB':>13}"]
    for k in STAGE_ORDER:
        s = f["stages"].get(k)
        if s:
            lines.append(f"{k.replace('_', ' '):<12}{s['seconds']:>10.2f}{s['articles']:>10d}"
                         f"{s.get('articles_per_s', 0):>12.1f}{s['peak_rss_mb']:>13.0f}")
        else:
            lines.append(f"{k.replace('_', ' '):<12}{'n/a':>10}")
    fl, ac = f["floor"], f["all_cores"]
    lines += ["",
              f"bare trafilatura.extract       {fl['trafilatura_extract']['articles_per_s']:8.1f} articles/s",
              f"  (bare_extraction, clean's options {fl['trafilatura_extract']['clean_options_articles_per_s']:.1f}/s)",
              f"clean+extract+land, 1 process  {fl['pipeline_one_process']['articles_per_s']:8.1f} articles/s",
              f"clean+extract+land, pool x{ac['workers']}    {ac['pool'].get('articles_per_s', 0):8.1f} articles/s"]
    if ac.get("serial"):
        after = ac.get("serial_after") or {}
        lines.append(f"  1 process, pool, 1 process: {ac['serial']['seconds']:.1f} s wall / {ac['serial']['cpu_seconds']:.1f} s CPU, "
                     f"{ac['pool']['seconds']:.1f} s / {ac['pool']['cpu_seconds']:.1f} s "
                     f"({ac['pool_cores_used']:.2f} cores used), {after.get('seconds', 0):.1f} s / "
                     f"{after.get('cpu_seconds', 0):.1f} s; the ratio uses both 1-process runs; "
                     f"other processes took {ac['other_cores_busy']:.2f} cores")
        if ac.get("machine_busy"):
            lines.append(f"WARNING: the machine was busy (other processes took {ac['other_cores_busy']:.2f} of "
                         f"{m['cpu_count']} cores): the all-cores wall-time ratio is not a fair figure")
    sc = f["scaling"]
    lines.append(f"at {sc['n_large']} articles, 1 process {sc['articles_per_s_large']:8.1f} articles/s, "
                 f"peak clean/extract {sc['peak_rss_mb_large']:.0f} MB (vs {sc['peak_rss_mb']:.0f} MB at {sc['n']})")
    for k, w in sc.get("within_large_run", {}).items():
        if w.get("last_over_first"):
            early = "the second fifth of each source" if k == "clean" else f"articles {sc['n'] + 1}-{2 * sc['n']}"
            late = "the last fifth" if k == "clean" else f"the last {sc['n']}"
            lines.append(f"  inside the large run, {k}: {early} {w['first_n_cpu_ms']:.2f} ms CPU each, "
                         f"{late} {w['last_n_cpu_ms']:.2f} ms (late/early {w['last_over_first']:.2f})")
    if sc.get("articles_per_s_n_after"):
        lines.append(f"  at {sc['n']}: {sc['articles_per_s_n_before']:.1f}/s before and {sc['articles_per_s_n_after']:.1f}/s "
                     f"after the large run (drift {sc['n_runs_drift']:.2f}); the ratio uses both")
    inc = f.get("incremental_dbt")
    if inc:
        lines.append(f"dbt at {inc['articles_base']}+{inc['articles_new']} articles: incremental "
                     f"{inc['incremental']['seconds']:.1f} s, full refresh {inc['full_refresh']['seconds']:.1f} s")
        lines += _dbt_split_lines(inc)
    lines += _growth_lines(f)
    if f.get("extract_plain_text"):
        pt, bare = f["extract_plain_text"], f.get("floor", {}).get("trafilatura_extract", {})
        # the machine's speed moves by up to 2x from day to day: the bare trafilatura loop over the
        # same pages, in the same run, is the yardstick that moves with it
        rel = (f"  ({pt['articles_per_s'] / bare['articles_per_s']:.2f} x bare trafilatura.extract's "
               f"{bare['articles_per_s']:.1f}/s in this run)") if bare.get("articles_per_s") else ""
        lines.append(f"extract_text on plain text     {pt['articles_per_s']:8.1f} articles/s{rel}")
    for label, st in (("N", f["stages"]), ("10·N", f.get("scaling", {}).get("stages_large", {}))):
        failed = st.get("extract", {}).get("counts", {}).get("failed")
        if failed:
            lines.append(f"WARNING: at {label} {failed} articles failed extraction; the extract figures are not valid")
    loads = [x for s in _all_steps(f) for x in s.get("loadavg_1m", [])]
    if loads:
        lines.append(f"1-min load average during the steps: {min(loads):.1f} to {max(loads):.1f} "
                     f"on {m['cpu_count']} cores" + ("  (other work shared the machine: wall-time figures are "
                                                      "pessimistic, see the CPU-time column)"
                                                      if max(loads) > m["cpu_count"] + 0.5 else ""))
    lines += _dag_lines(f)
    lines += ["", f"{'target':<48}{'value':>10}  {'goal':>8}  {'result':<8}  {'from CPU time':>13}"]
    for t in f["targets"]:
        v = "n/a" if t["value"] is None else f"{t['value']:.2f}"
        goal = ("≥ " if t["op"] == "ge" else "≤ ") + f"{t['threshold']:g}"
        res = "SKIPPED" if t["met"] is None else ("MET" if t["met"] else "NOT MET")
        cpu = "" if t.get("value_cpu") is None else f"{t['value_cpu']:.2f}"
        lines.append(f"{t['target']:<48}{v:>10}  {goal:>8}  {res:<8}  {cpu:>13}")
    return "\n".join(lines)


def report_dbt(f: dict) -> str:
    """The report of ``--only dbt``: the incremental dbt target and where the time went."""
    m, inc = f["meta"], f["incremental_dbt"]
    lines = [f"Mercato bench --only dbt  N={m['n']}  scale={m['scale']}  commit={m['commit']}  "
             f"cores={m['cpu_count']}  total {m.get('total_seconds', 0):.0f} s",
             f"dbt at {inc['articles_base']}+{inc['articles_new']} articles over {inc['dates']} ingest dates", ""]
    for key in ("base_build", "incremental", "full_refresh"):
        s = inc[key]
        kinds = ", ".join(f"{k} {v:.2f}" for k, v in sorted(s.get("seconds_by_kind", {}).items()))
        lines.append(f"{key:<13}{s['seconds']:7.2f} s wall  {s.get('cpu_seconds', 0):7.2f} s CPU  "
                     f"{s.get('nodes', 0):4d} nodes  node time {s.get('node_seconds', 0):.2f} s ({kinds})  "
                     f"load {s.get('loadavg_1m')}")
    lines += _dbt_split_lines(inc)
    lines += [""] + _growth_lines(f)
    for t in f["targets"]:
        if t["key"] == "incremental_dbt":
            v = "n/a" if t["value"] is None else f"{t['value']:.2f}"
            res = "SKIPPED" if t["met"] is None else ("MET" if t["met"] else "NOT MET")
            cpu = "" if t.get("value_cpu") is None else f"  (from CPU time {t['value_cpu']:.2f})"
            lines += ["", f"{t['target']}: {v}  goal <= {t['threshold']:g}  {res}{cpu}"]
    return "\n".join(lines)


def _dag_lines(f: dict) -> list[str]:
    d = f.get("dag_run")
    if not d:
        return []
    out = [f"DAG run (airflow dags test, trigger to success) against mercato run, {d['sources']} "
           f"({d['articles']} articles, {d['rumours']} rumours):"]
    for i, (dag, run) in enumerate(zip(d["dag"], d["mercato_run"]), 1):
        setup = dag.get("harness_seconds")
        out.append(f"  run {i}: DAG {dag['seconds']:6.1f} s (command {dag['command_seconds']:.1f} s"
                   + (f"; dags test's set-up before the first task {setup:.1f} s)" if setup is not None else ")")
                   + f"  mercato run {run['seconds']:6.1f} s  ratio {dag['seconds'] / run['seconds']:.2f}")
    if d.get("ratio_without_harness"):
        out.append(f"  last runs without dags test's set-up: ratio {d['ratio_without_harness']:.2f}")
    return out


def report_dag(f: dict) -> str:
    """The report of ``--only dag``."""
    m = f["meta"]
    lines = [f"Mercato bench --only dag  commit={m['commit']}  cores={m['cpu_count']}  "
             f"total {m.get('total_seconds', 0):.0f} s", ""] + _dag_lines(f)
    for t in f["targets"]:
        if t["key"] == "dag_vs_run":
            res = "SKIPPED" if t["met"] is None else ("MET" if t["met"] else "NOT MET")
            lines += ["", f"{t['target']}: {t['value']:.2f}  goal <= {t['threshold']:g}  {res}"]
    return "\n".join(lines)


def _dbt_split_lines(inc: dict) -> list[str]:
    """The dbt builds' wall time split into SQL (DuckDB) and dbt's own work."""
    i, fr = inc["incremental"], inc["full_refresh"]
    if i.get("sql_seconds") is None or fr.get("sql_seconds") is None:
        return []
    return [f"  SQL in DuckDB: incremental {i['sql_seconds']:.1f} s ({i['sql_statements']} statements), "
            f"full {fr['sql_seconds']:.1f} s ({fr['sql_statements']}); ratio of the SQL alone {inc['ratio_sql']:.2f}",
            f"  dbt's own time (wall minus SQL): incremental {i['seconds'] - i['sql_seconds']:.1f} s, "
            f"full {fr['seconds'] - fr['sql_seconds']:.1f} s; with no SQL at all the incremental build "
            f"would still be {inc['ratio_without_sql']:.2f} of the full one"]


def _growth_lines(f: dict) -> list[str]:
    rows = f.get("dbt_growth") or []
    if len(rows) < 2:
        return []
    out = ["dbt as the lake grows (+1 % each time):"]
    for r in rows:
        sql = "" if r.get("ratio_sql") is None else f"  (SQL alone {r['ratio_sql']:.2f})"
        out.append(f"  {r['articles']:>8d} articles  incremental {r['incremental_seconds']:6.1f} s  "
                   f"full refresh {r['full_seconds']:6.1f} s  ratio {r['ratio']:.2f}{sql}")
    return out


def _all_steps(f: dict):
    yield from f.get("stages", {}).values()
    yield f.get("floor", {}).get("trafilatura_extract", {})
    yield f.get("all_cores", {}).get("pool", {})
    yield f.get("all_cores", {}).get("serial", {})
    yield f.get("all_cores", {}).get("serial_after", {})
    yield from f.get("scaling", {}).get("stages_large", {}).values()
    yield from f.get("scaling", {}).get("stages_n_after", {}).values()


def chart(f: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [k for k in STAGE_ORDER if f["stages"].get(k)]
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=110)
    xs = range(len(names))
    n_vals = [f["stages"][k]["articles_per_s"] for k in names]
    big = f.get("scaling", {}).get("stages_large", {})
    width = 0.38 if big else 0.7
    ax.bar([x - (width / 2 if big else 0) for x in xs], n_vals, width, label=f"N={f['meta']['n']}", color="#3b6ea8")
    if big:
        ax.bar([x + width / 2 for x in xs], [big.get(k, {}).get("articles_per_s", 0) for k in names], width,
               label=f"{f['meta']['scale']}·N={f['meta']['n_large']}", color="#e0913a")
    floor = f["floor"]["trafilatura_extract"]["articles_per_s"]
    ax.axhline(floor, color="#888", ls="--", lw=1, label=f"bare trafilatura {floor:.0f}/s")
    ax.set_xticks(list(xs), [k.replace("_", " ") for k in names])
    ax.set_yscale("log")
    ax.set_ylabel("articles/s (log)")
    ax.set_title(f"Mercato pipeline stages, one process ({f['meta']['timestamp'][:16]})", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_outputs(f: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = f["meta"]["timestamp"].replace(":", "").replace("-", "").replace("+0000", "Z")
    path = out_dir / f"bench-{stamp}.json"
    text = json.dumps(f, indent=2, default=str)
    path.write_text(text, "utf-8")
    (out_dir / "latest.json").write_text(text, "utf-8")
    chart(f, out_dir / "stages.png")
    return path


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        _child_main(argv[1])
        return 0
    ap = argparse.ArgumentParser(prog="python -m tests.tools.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=None, help="pages in the corpus (default 1000)")
    ap.add_argument("--large", action="store_true", help="N = 10,000")
    ap.add_argument("--tiny", action="store_true", help="smoke run: N = 20 and scaling at 3·N")
    ap.add_argument("--out", default=str(REPO_ROOT / "data" / "bench"), help="where the JSON and chart go")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-dbt-scale", action="store_true", help="skip the incremental dbt build at 10·N")
    ap.add_argument("--profile", action="store_true", help="pyinstrument clean+land+extract at N (profile.txt/html)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (corpus, data, child logs)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--dbt-copies", type=int, default=None,
                    help="dbt growth: also build a lake with every article copied this many times (default 10; 2 with --tiny)")
    ap.add_argument("--only", choices=["dbt", "dag"], default=None,
                    help="dbt: only the incremental (+1%%) vs full dbt build at scale·N (figures in dbt-latest.json); "
                         "dag: only the DAG run against mercato run over the sample site (dag-latest.json)")
    args = ap.parse_args(argv)
    n = args.n or (20 if args.tiny else 10_000 if args.large else 1000)
    scale = 3 if args.tiny else 10
    out_dir = Path(args.out)
    figures = run(n, scale, args.seed, out_dir, with_dbt_scale=not args.no_dbt_scale, profile=args.profile,
                  keep=args.keep, verbose=not args.quiet, only=args.only,
                  dbt_copies=args.dbt_copies or (2 if args.tiny else 10), dag_rounds=1 if args.tiny else 2)
    if args.only:
        # a partial run: its own file, latest.json (the full bench) is left alone
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"{args.only}-latest.json"
        path.write_text(json.dumps(figures, indent=2, default=str), "utf-8")
        print()
        print(report_dbt(figures) if args.only == "dbt" else report_dag(figures))
        print(f"\nfigures: {path}")
        return 0
    path = write_outputs(figures, out_dir)
    print()
    print(report(figures))
    print(f"\nfigures: {path}  (and {out_dir / 'latest.json'}), chart: {out_dir / 'stages.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
