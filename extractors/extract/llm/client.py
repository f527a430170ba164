"""A small client of the OpenAI chat-completions protocol (`POST {base}/chat/completions`).

Why: one request shape works with hosted APIs and local servers alike.  Transient
failures (429, 5xx, timeouts, lost connections) are retried with exponential backoff
(honouring Retry-After); other errors fail at once.  A semaphore bounds the requests in
flight, so a thread pool of any size never exceeds the server's or the budget's limit.
Error messages carry the status and the start of the body, never the request headers.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import requests

from .settings import LLMSettings

RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
MAX_WAIT = 30.0            # seconds: the longest single backoff or Retry-After we accept


class CallFailed(RuntimeError):
    def __init__(self, reason: str, attempts: int):
        super().__init__(reason)
        self.reason, self.attempts = reason, attempts


@dataclass
class ChatAnswer:
    content: str
    prompt_tokens: int
    completion_tokens: int
    attempts: int              # HTTP requests made for this answer (1 = no retry)
    latency_ms: int


class ChatClient:
    def __init__(self, settings: LLMSettings, sleep=time.sleep):
        self.settings = settings
        self._slots = threading.BoundedSemaphore(settings.max_concurrency)
        self._sleep = sleep
        self._local = threading.local()          # one requests.Session per thread

    def _session(self) -> requests.Session:
        if getattr(self._local, "session", None) is None:
            self._local.session = requests.Session()
        return self._local.session

    def _headers(self) -> dict:
        headers = {"Content-Type": "application/json"}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        return headers

    def complete(self, messages: list[dict], response_format: dict) -> ChatAnswer:
        """The assistant's message content for `messages`; raises CallFailed."""
        body = {"model": self.settings.model, "messages": messages, "response_format": response_format,
                "temperature": 0}
        url = f"{self.settings.base_url}/chat/completions"
        started, attempt = time.monotonic(), 0
        while True:
            attempt += 1
            outcome, wait = self._attempt(url, body)
            if isinstance(outcome, ChatAnswer):
                outcome.attempts, outcome.latency_ms = attempt, int((time.monotonic() - started) * 1000)
                return outcome
            if wait is None or attempt > self.settings.max_retries:
                raise CallFailed(f"{outcome} (after {attempt} attempt{'s' if attempt > 1 else ''})", attempt)
            self._sleep(min(MAX_WAIT, max(wait, self.settings.backoff * 2 ** (attempt - 1))))

    def _attempt(self, url: str, body: dict):
        """(ChatAnswer, None) on success, else (reason, seconds to wait or None if not retriable)."""
        try:
            with self._slots:
                resp = self._session().post(url, json=body, headers=self._headers(), timeout=self.settings.timeout)
        except requests.Timeout:
            return f"timeout after {self.settings.timeout:g} s", 0.0
        except requests.ConnectionError as err:
            return f"connection failed: {type(err).__name__}", 0.0
        except requests.RequestException as err:       # a bad URL, too many redirects: asking again won't help
            return f"request failed: {type(err).__name__}", None
        if resp.status_code != 200:
            reason = f"HTTP {resp.status_code}: {resp.text[:200].strip()}"
            if resp.status_code in RETRY_STATUSES:
                return reason, _retry_after(resp)
            return reason, None
        try:
            data = resp.json()
            message = data["choices"][0]["message"]
            usage = data.get("usage") or {}
        except (ValueError, KeyError, IndexError, TypeError):
            return f"not a chat-completions response: {resp.text[:200].strip()}", None
        if message.get("refusal"):
            return f"the model refused: {str(message['refusal'])[:200]}", None
        content = message.get("content")
        if not isinstance(content, str):
            return "the answer has no text content", None
        return ChatAnswer(content, int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0),
                          0, 0), None


def _retry_after(resp: requests.Response) -> float:
    try:
        return float(resp.headers.get("Retry-After", 0))
    except ValueError:
        return 0.0
