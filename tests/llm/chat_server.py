"""A small OpenAI-compatible chat-completions server on 127.0.0.1, for the tests.

It speaks the protocol for real (`POST /v1/chat/completions`, JSON body, `choices`,
`usage`, error objects) and checks each request the way a strict server would
(model, messages, `response_format` with a strict JSON schema), so the client is
exercised over real HTTP.  Replies are scripted per article: the server finds which
article the user message carries (by a marker: the article's first line) and serves
that article's replies in order, the last one repeating.  A reply is one of
  {"answer": {...}}          the assistant's JSON answer
  {"content": "..."}         raw assistant text (e.g. malformed JSON)
  {"status": 429|500|...}    an HTTP error (optional "retry_after")
and may add {"delay": seconds} before replying (for timeouts).  Articles with no
script get HTTP 400 (not retried by the client).  Every request is recorded.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def recorded_script(names: list[str] | None = None) -> dict[str, list[dict]]:
    """marker -> replies for the fixture articles (all, or those named)."""
    answers = json.loads((FIXTURES / "answers.json").read_text("utf-8"))
    out = {}
    for name, replies in answers.items():
        if name.startswith("_") or (names is not None and name not in names):
            continue
        out[marker(FIXTURES / "articles" / name)] = replies
    return out


def marker(path: Path) -> str:
    return path.read_text("utf-8").strip().splitlines()[0]


class ChatServer:
    def __init__(self, script: dict[str, list[dict]] | None = None):
        self.script = dict(script or {})
        self.served: dict[str, int] = {}
        self.requests: list[dict] = []          # {"path", "headers", "body"} of every request
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> "ChatServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def completions(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/v1/chat/completions"]

    def next_reply(self, user_text: str) -> dict | None:
        with self._lock:
            for mark, replies in self.script.items():
                if mark in user_text:
                    i = self.served.get(mark, 0)
                    self.served[mark] = i + 1
                    return replies[min(i, len(replies) - 1)]
        return None


def _request_problem(body) -> str | None:
    """Why a strict chat-completions server would refuse this body, or None."""
    if not isinstance(body, dict) or not isinstance(body.get("model"), str) or not body["model"]:
        return "model is required"
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs or not all(isinstance(m, dict) and m.get("role") in
                                                         ("system", "user", "assistant") for m in msgs):
        return "messages must be a list of {role, content}"
    fmt = body.get("response_format") or {}
    schema = (fmt.get("json_schema") or {}) if fmt.get("type") == "json_schema" else {}
    if not schema.get("strict") or not isinstance(schema.get("schema"), dict) or not schema.get("name"):
        return "response_format must be a strict json_schema"
    return None


def _handler(server: ChatServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):       # quiet test output
            pass

        def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
            data = json.dumps(payload).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass                          # the client gave up (a timeout test)

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            with server._lock:
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                server.in_flight += 1
                server.max_in_flight = max(server.max_in_flight, server.in_flight)
            try:
                self._answer(body)
            finally:
                with server._lock:
                    server.in_flight -= 1

        def _answer(self, body) -> None:
            if self.path != "/v1/chat/completions":
                return self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            problem = _request_problem(body)
            if problem:
                return self._send(400, {"error": {"message": problem, "type": "invalid_request_error"}})
            user = " ".join(m.get("content") or "" for m in body["messages"] if m["role"] == "user")
            reply = server.next_reply(user)
            if reply is None:
                return self._send(400, {"error": {"message": "no recorded answer for this article",
                                                  "type": "invalid_request_error"}})
            time.sleep(reply.get("delay", 0))
            if "status" in reply:
                headers = {"Retry-After": str(reply["retry_after"])} if "retry_after" in reply else None
                return self._send(reply["status"], {"error": {"message": f"scripted {reply['status']}",
                                                              "type": "server_error"}}, headers)
            content = reply["content"] if "content" in reply else json.dumps(reply["answer"], ensure_ascii=False)
            prompt_chars = sum(len(m.get("content") or "") for m in body["messages"])
            usage = {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content) // 4}
            usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
            self._send(200, {"id": f"chatcmpl-{len(server.requests)}", "object": "chat.completion",
                             "created": int(time.time()), "model": body["model"],
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": content}}],
                             "usage": usage})

    return Handler
