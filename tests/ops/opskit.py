"""Shared pieces of the operations tests: free ports, a slow/faulty HTTP site, warehouse fingerprints."""
from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "data" / "samples" / "site"
OUTPUT = ROOT / "test-output"
MARTS = ("dim_clubs", "dim_players", "dim_sources", "fct_rumours", "fct_rumour_mentions",
         "fct_fee_estimates", "fct_rejects", "rpt_hottest_rumours")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fingerprint(db: Path) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent content hash of every mart of a DuckDB file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in MARTS:
            rows = con.sql(f"select * from {table}").fetchall()
            digest = hashlib.sha256("\n".join(sorted(repr(r) for r in rows)).encode()).hexdigest()
            out[table] = (len(rows), digest)
        return out
    finally:
        con.close()


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


class FaultySite:
    """The sample site on 127.0.0.1 plus faults: every request waits ``delay`` seconds,
    ``/hang/...`` never answers in time (the fetcher times out), ``/garbage...`` returns
    random bytes as RSS or HTML."""

    def __init__(self, root: Path = SITE, delay: float = 0.0, hang: float = 20.0):
        import functools
        import os
        from http.server import ThreadingHTTPServer

        from extractors.warehouse.serve import _QuietHandler

        class Handler(_QuietHandler):
            def do_GET(self):
                time.sleep(delay)
                if self.path.startswith("/hang"):
                    time.sleep(hang)             # the client has given up by now
                    return
                if self.path.startswith("/garbage"):
                    body = os.urandom(4096)
                    kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.server.daemon_threads = True
        import threading
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "FaultySite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
