"""A real HTTP server on 127.0.0.1 with one route per fetch behaviour under test."""
from __future__ import annotations

import threading
import time
from urllib.parse import parse_qs, urlsplit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html><html lang="it"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="2026-09-01T08:30:00+02:00">
<meta name="author" content="Redazione Test"></head><body>
<nav><a href="/">Home</a> <a href="/mercato">Calciomercato</a></nav>
<div class="cookie">Questo sito usa i cookie. Accetta</div>
<article><h1>{title}</h1>
<p>Il Torino lavora da giorni per rinforzare la difesa e ha messo nel mirino un centrale della Sampdoria,
protagonista di una stagione solida in Serie B. I contatti tra le due società sono proseguiti anche nelle ultime ore.</p>
<p>La richiesta dei blucerchiati si aggira intorno agli otto milioni di euro, mentre i granata non vorrebbero
superare quota sei. Il giocatore avrebbe già dato il proprio gradimento alla destinazione piemontese.</p>
<p>Nelle prossime settimane è previsto un nuovo incontro tra i dirigenti per provare a chiudere l'affare.</p>
</article><footer>Copyright Test Sport</footer></body></html>"""


class Behaviour(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    lock = threading.Lock()
    robots_location: str | None = None     # when set, /robots.txt redirects there

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server API)
        path = self.path.split("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            n = self.hits[path]
        article = lambda t: ARTICLE.format(title=t, canonical=f"http://news.test{path}").encode("utf-8")
        if path == "/robots.txt" and self.robots_location:
            return self._send(302, b"", headers={"Location": self.robots_location})
        if path == "/redirect":        # /redirect?to=URL: 302 to any URL (redirect checks)
            return self._send(302, b"", headers={"Location": parse_qs(urlsplit(self.path).query)["to"][0]})
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path.startswith("/ok"):
            return self._send(200, article("Torino, assalto al difensore della Sampdoria"))
        if path == "/moved":
            return self._send(301, b"", headers={"Location": "/ok-target"})
        if path == "/missing":
            return self._send(404, b"<h1>Not found</h1>")
        if path == "/flaky":   # fails twice, then works
            return self._send(500, b"oops") if n <= 2 else self._send(200, article("Pagina tornata"))
        if path == "/always-500":
            return self._send(503, b"down")
        if path == "/forbidden":
            return self._send(403, b"no")
        if path == "/slow":
            time.sleep(1.5)
            return self._send(200, article("Troppo lenta"))
        if path == "/huge":
            return self._send(200, b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        if path == "/image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        if path == "/bad-charset":   # header names a charset Python does not know; body is latin-1
            body = article("Perché la Juventus punta su un attaccante").decode("utf-8").replace(
                'charset="utf-8"', 'charset="iso-8859-1"').replace("<meta charset=\"utf-8\">", '<meta charset="iso-8859-1">')
            return self._send(200, body.encode("latin-1"), "text/html; charset=x-no-such-charset")
        if path.startswith("/private/"):
            return self._send(200, article("Segreto"))
        if path == "/empty-article":
            return self._send(200, b"<html><body><nav>Home</nav><div>Foto: gallery</div></body></html>")
        return self._send(404, b"")


class BehaviourSite:
    def __init__(self):
        Behaviour.hits = {}
        Behaviour.robots_location = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Behaviour)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def hits(self) -> dict[str, int]:
        return Behaviour.hits

    def close(self):
        self.server.shutdown()
        self.server.server_close()
