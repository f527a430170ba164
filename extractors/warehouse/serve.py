"""A small static HTTP server on 127.0.0.1 for the bundled sample site (and tests)."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain"}

    def log_message(self, fmt, *args):  # the pipeline logs its own fetches
        pass


class StaticSite:
    """Serve ``root`` in a background thread: ``with StaticSite(dir) as site: site.url``."""

    def __init__(self, root: Path, port: int = 0, host: str = "127.0.0.1"):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = ThreadingHTTPServer((host, port), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "StaticSite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
