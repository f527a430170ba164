"""`mercato`: the command line of the pipeline.

  mercato extract PATH...        extraction as JSON lines (the DAG's code); --backend llm|local
  mercato label PATH... --out DIR  the language model's answers in the gold format (for review, training)
  mercato run --sources FILE     the whole pipeline in one process, no Airflow
  mercato serve DIR              serve a folder (the sample site) on 127.0.0.1
  mercato demo                   serve the samples, run the DAG with Airflow, print a summary
  mercato summary                counts and top rumours from the published warehouse
  mercato sql [QUERY]            query the published warehouse read-only (prompt without QUERY)
  mercato docs [--serve]         generate (and serve) the dbt docs site
  mercato airflow                Airflow standalone on 127.0.0.1:8080
  mercato reference update       download the transfermarkt-datasets reference (players, clubs)
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

from extractors.config import REPO_ROOT, paths


def _read_article(path: Path) -> tuple[str, str | None, str | None]:
    """(text, title, language hint) of a .txt file, or of an .html page once cleaned."""
    from extractors.ingest.clean import clean_html

    raw = path.read_text("utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        page = clean_html(raw)
        return page.text, page.title, page.language
    return raw, None, None


def _llm_backend_or_exit():
    from extractors.extract.llm.backend import new_backend
    from extractors.extract.llm.settings import LLMConfigError

    try:
        return new_backend()
    except LLMConfigError as err:
        print(f"mercato: {err}", file=sys.stderr)
        raise SystemExit(2) from None


def _print_llm_stats(llm) -> None:
    print(f"llm backend ({llm.settings.model}): " + json.dumps(llm.stats.as_dict(), ensure_ascii=False),
          file=sys.stderr)


def _extract_files(names: list[str], language: str | None, llm=None):
    """(path, BackendResult or None, error or None) per file, in order; with the llm backend
    the files are asked in parallel, as many at once as MERCATO_LLM_CONCURRENCY allows."""
    from concurrent.futures import ThreadPoolExecutor

    from extractors.ingest.clean import CleanError
    from extractors.extract import extract_text
    from extractors.extract.llm.backend import BackendResult

    def one(name: str):
        path = Path(name)
        try:
            text, title, hint = _read_article(path)
        except (OSError, CleanError) as err:
            return path, None, getattr(err, "reason", str(err))
        if llm is None:
            return path, BackendResult(extract_text(text, title=title, language=language or hint), "local"), None
        return path, llm.extract(text, title=title, language=language or hint), None

    if llm is None:
        yield from map(one, names)
        return
    with ThreadPoolExecutor(llm.settings.max_concurrency) as pool:
        yield from pool.map(one, names)


def _cmd_extract(args) -> int:
    llm = _llm_backend_or_exit() if args.backend == "llm" else None
    status = 0
    for path, result, error in _extract_files(args.paths, args.language, llm):
        if error is not None:
            record, status = {"file": path.name, "error": error}, 1
        else:
            record = result.to_record(path.name)
        print(json.dumps(record, ensure_ascii=False), flush=True)
    if llm is not None:
        _print_llm_stats(llm)
    return status


def _cmd_label(args) -> int:
    """The model's validated answers in the gold format: labels.jsonl, and rejected.jsonl
    with the reason for every article whose answer could not be used."""
    from extractors.extract.llm.labels import write_jsonl

    llm = _llm_backend_or_exit()
    labels, rejected, status = [], [], 0
    for path, result, error in _extract_files(args.paths, args.language, llm):
        if error is not None:
            rejected.append({"file": path.name, "reason": f"cannot read: {error}"})
            status = 1
        elif result.answer is None:
            rejected.append({"file": path.name, "reason": result.call.reason})
        else:
            labels.append(result.answer.to_gold(path.name))
    out = Path(args.out)
    write_jsonl(out / "labels.jsonl", labels)
    write_jsonl(out / "rejected.jsonl", rejected)
    print(f"{len(labels)} articles labelled in {out / 'labels.jsonl'}, {len(rejected)} rejected "
          f"({out / 'rejected.jsonl'})", file=sys.stderr)
    _print_llm_stats(llm)
    return status


def _ingest_settings(args):
    from extractors.ingest.fetch import FetchSettings
    from extractors.orchestration.pipeline import IngestSettings

    langs = tuple(x for x in (args.languages or "").split(",") if x) or None
    return IngestSettings(fetch=FetchSettings(host_delay=args.host_delay), max_articles=args.max_articles,
                          languages=langs)


def _cmd_run(args) -> int:
    from extractors.orchestration import runner
    from extractors.ingest.sources import load_sources
    from extractors.warehouse.summary import print_summary

    day = date.fromisoformat(args.date) if args.date else date.today()
    if args.backend == "llm":
        _llm_backend_or_exit()      # a missing model configuration fails before anything is fetched
    result = runner.run(load_sources(args.sources), day, _ingest_settings(args), warehouse=not args.no_warehouse,
                        workers=args.workers, backend=args.backend)
    print(json.dumps(result, indent=2, default=str))
    if not args.no_warehouse:
        print_summary()
    return 0


def _serve_until_interrupted(directory: Path, port: int, what: str) -> None:
    import time

    from extractors.warehouse.serve import StaticSite

    with StaticSite(directory, port=port) as site:
        print(f"serving {what} at {site.url}/ (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


def _cmd_serve(args) -> int:
    _serve_until_interrupted(Path(args.directory), args.port, args.directory)
    return 0


def _cmd_demo(args) -> int:
    """The default run: the sample site over real HTTP, the DAG through `airflow dags test`."""
    import subprocess

    from extractors.warehouse.serve import StaticSite
    from extractors.warehouse.summary import print_summary

    site_dir = REPO_ROOT / "data" / "samples" / "site"
    try:   # a fixed port keeps the sample URLs, and so re-runs, identical
        server = StaticSite(site_dir, port=args.port)
    except OSError:
        server = StaticSite(site_dir, port=0)
    with server as site:
        from extractors.ingest.netguard import ALLOW_HOSTS_ENV, allowing

        # the fetcher refuses 127.0.0.1 unless allowed: allow this server, not the whole host
        env = {**os.environ, "MERCATO_SAMPLES_URL": site.url, ALLOW_HOSTS_ENV: allowing(site.url)}
        conf = {"sources_file": str(REPO_ROOT / "data" / "sources" / "samples.yml")}
        print(f"sample site at {site.url}; running DAG transfer_rumours with airflow dags test ...", flush=True)
        cmd = [str(Path(sys.executable).with_name("airflow")), "dags", "test", "transfer_rumours",
               "--conf", json.dumps(conf)]
        proc = subprocess.run(cmd, env=env, stdout=None if args.verbose else subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        if proc.stdout:
            print(proc.stdout[-20000:])
        print(f"airflow dags test failed with exit code {proc.returncode}", file=sys.stderr)
        return proc.returncode
    print_summary()
    return 0


def _cmd_summary(args) -> int:
    from extractors.warehouse.summary import print_summary

    print_summary(limit=args.limit)
    return 0


def _cmd_sql(args) -> int:
    """One query (exit 1 on an error, shown as DuckDB's message), or a prompt
    that reports a failing query and goes on."""
    from extractors import warehouse as wh

    def run_one(query: str) -> None:
        cols, rows = wh.query(query)
        print(wh.format_table(cols, rows))

    if args.query:
        try:
            run_one(args.query)
        except wh.WarehouseError as err:
            print(f"mercato sql: {err}", file=sys.stderr)
            return 1
        return 0
    print(f"mercato sql on {paths().published_db} (read-only). End a query with ';', quit with \\q or Ctrl-D.")
    buf: list[str] = []
    while True:
        try:
            line = input("mercato> " if not buf else "   ...> ")
        except EOFError:
            print()
            return 0
        if line.strip() in ("\\q", "quit", "exit"):
            return 0
        buf.append(line)
        if line.rstrip().endswith(";"):
            try:
                run_one("\n".join(buf))
            except wh.WarehouseError as err:   # a bad query, or no warehouse yet: keep the prompt
                print(f"error: {err}", flush=True)
            buf = []


def _cmd_docs(args) -> int:
    from extractors import warehouse as wh

    site = wh.generate_docs()
    print(f"dbt docs generated in {site}")
    if args.serve:
        _serve_until_interrupted(Path(site), args.port, "the dbt docs (index.html; single file: static_index.html)")
    return 0


def _cmd_airflow(args) -> int:
    from extractors.local.standalone import main as standalone

    return standalone(port=args.port)


def _cmd_reference(args) -> int:
    from extractors.tmref import download, settings

    if args.action == "status":
        where = settings.reference_dir()
        m = download.manifest(where)
        print(json.dumps({"directory": str(where) if where else None,
                          "downloaded_at": m["downloaded_at"] if m else None}, indent=2))
        return 0 if where else 1
    try:
        got = download.update(Path(args.dir) if args.dir else None, args.url)
    except download.ReferenceDownloadError as err:
        print(f"mercato: reference update failed, the previous copy is kept: {err}", file=sys.stderr)
        return 1
    print(json.dumps({"directory": str(got.directory), "downloaded_at": got.downloaded_at,
                      "tables": got.tables}, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="mercato", description="Football transfer-news pipeline")
    ap.add_argument("-v", "--verbose", action="store_true")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract clubs, players, rumours and fees from .txt/.html files")
    p.add_argument("paths", nargs="+")
    p.add_argument("--language", help="language hint (it, en, es, fr); detected when absent")
    p.add_argument("--backend", choices=("local", "llm"), default="local",
                   help="local: rule-based (default); llm: the model at OPENAI_BASE_URL, falling back to local")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("label", help="the language model's answers for .txt/.html files, in the gold format")
    p.add_argument("paths", nargs="+")
    p.add_argument("--out", required=True, help="folder for labels.jsonl and rejected.jsonl")
    p.add_argument("--language", help="language hint (it, en, es, fr); detected when absent")
    p.set_defaults(func=_cmd_label)

    p = sub.add_parser("run", help="run the pipeline without Airflow")
    p.add_argument("--sources", required=True, help="sources YAML file")
    p.add_argument("--date", help="ingest date (YYYY-MM-DD), default today")
    p.add_argument("--max-articles", type=int, default=None)
    p.add_argument("--languages", default="", help="comma-separated, e.g. it,en")
    p.add_argument("--host-delay", type=float, default=1.0)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--backend", choices=("local", "llm"), default="local",
                   help="extractor: local (rules, default) or llm (the model at OPENAI_BASE_URL)")
    p.add_argument("--no-warehouse", action="store_true")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("serve", help="serve a folder over HTTP on 127.0.0.1")
    p.add_argument("directory", nargs="?", default=str(REPO_ROOT / "data" / "samples" / "site"))
    p.add_argument("--port", type=int, default=8765)
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("demo", help="serve the sample site and run the DAG end to end")
    p.add_argument("--port", type=int, default=8765)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("summary", help="print counts and the top rumours")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser("sql", help="query the published warehouse (read-only)")
    p.add_argument("query", nargs="?")
    p.set_defaults(func=_cmd_sql)

    p = sub.add_parser("docs", help="generate the dbt docs site")
    p.add_argument("--serve", action="store_true", help="then serve it on 127.0.0.1")
    p.add_argument("--port", type=int, default=8081)
    p.set_defaults(func=_cmd_docs)

    p = sub.add_parser("airflow", help="Airflow standalone on 127.0.0.1 with the repo's Airflow home")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(func=_cmd_airflow)

    p = sub.add_parser("reference", help="the transfermarkt-datasets reference (download, status)")
    p.add_argument("action", choices=["update", "status"])
    p.add_argument("--url", help="base URL of the tables (default $MERCATO_REFERENCE_URL, else the public one)")
    p.add_argument("--dir", help="target directory (default $MERCATO_REFERENCE_DIR, else $MERCATO_DATA_DIR/reference)")
    p.set_defaults(func=_cmd_reference)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        from extractors.extract.llm.settings import LLMConfigError
        from extractors.orchestration.pipeline import PipelineError
        from extractors.ingest.sources import SourceError

        if isinstance(err, (PipelineError, SourceError, LLMConfigError)):
            print(f"mercato: {err}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
