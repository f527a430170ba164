"""One entry point for both extractors: `extract_article(text, ..., backend="local"|"llm")`.

Why: the CLI, the pipeline and the evaluation pick a backend by name and get the same
ArticleExtraction back.  The llm backend asks the model (or its cache), validates the
answer and, when the answer is invalid or the call fails, returns the local
extractor's result with the reason in its call record.  Counts of requests, cache hits,
fallbacks, tokens and cost are kept per LLMBackend (one per run), safe across threads.
"""
from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from ..clubs import club_index
from ..language import detect_language
from ..model import ArticleExtraction
from ..pipeline import extract_text
from ..text import fold_same_length
from . import prompt
from .cache import ResponseCache, cache_key
from .client import CallFailed, ChatClient
from .convert import grounding_text, to_extraction
from .settings import LLMSettings
from .validate import CheckedAnswer, InvalidAnswer, check, parse

BACKENDS = ("local", "llm")


@dataclass
class CallRecord:
    """What the llm backend did for one article (a row of the lake table llm_calls)."""
    model: str
    prompt_version: str
    outcome: str                 # ok | invalid (answer rejected) | failed (no answer)
    reason: str | None = None    # why the local extractor was used instead
    cached: bool = False         # answer read from the cache: no request, no cost
    requests: int = 0            # HTTP requests made in this run, retries included
    prompt_tokens: int = 0       # usage of the answer used (also when it came from the cache)
    completion_tokens: int = 0
    cost_usd: float = 0.0        # spent in this run (0 for a cached answer)
    latency_ms: int = 0


@dataclass
class BackendResult:
    extraction: ArticleExtraction
    backend: str
    call: CallRecord | None = None            # None for the local backend
    answer: CheckedAnswer | None = None       # the validated model answer, when one was used

    def to_record(self, file: str) -> dict:
        """The JSON line of `mercato extract`; the llm backend adds what it did."""
        record = self.extraction.to_record(file)
        if self.call is not None:
            record["extractor"] = {"backend": self.backend, "outcome": self.call.outcome, "reason": self.call.reason,
                                   "cached": self.call.cached, "model": self.call.model}
        return record


@dataclass
class RunStats:
    articles: int = 0
    requests: int = 0
    cache_hits: int = 0
    fallbacks: int = 0
    prompt_tokens: int = 0       # spent in this run (cached answers excluded)
    completion_tokens: int = 0
    cost_usd: float = 0.0
    reasons: dict = field(default_factory=dict)     # fallback reason -> articles (first words only)

    def as_dict(self) -> dict:
        out = asdict(self)
        out["cost_usd"] = round(self.cost_usd, 6)
        return out


class LLMBackend:
    def __init__(self, settings: LLMSettings, cache: ResponseCache, client: ChatClient | None = None):
        self.settings, self.cache = settings, cache
        self.client = client or ChatClient(settings)
        self.stats = RunStats()
        self._lock = threading.Lock()

    def extract(self, text: str, *, title: str | None = None, language: str | None = None,
                month: str | None = None, published: str | None = None) -> BackendResult:
        text = text or ""
        grounded, offset = grounding_text(text, title)
        lang = detect_language(fold_same_length(grounded), language)
        user = prompt.user_message(text, title=title, published=published or month, language=lang)
        record = CallRecord(self.settings.model, prompt.PROMPT_VERSION, "ok")
        answer = None
        try:
            content = self._answer(user, record)
            answer = check(parse(content), grounded, club_index())
        except CallFailed as err:
            record.outcome, record.reason = "failed", err.reason
        except InvalidAnswer as err:
            record.outcome, record.reason = "invalid", str(err)
        if answer is None:
            result = BackendResult(extract_text(text, title=title, language=language, month=month), "llm", record)
        else:
            result = BackendResult(to_extraction(answer, grounded, offset, lang, month, club_index()), "llm",
                                   record, answer)
        self._count(record)
        return result

    def _answer(self, user: str, record: CallRecord) -> str:
        key = cache_key(self.settings.model, prompt.PROMPT_VERSION, user)
        hit = self.cache.get(key)
        if hit is not None and isinstance(hit.get("content"), str):
            record.cached = True
            record.prompt_tokens, record.completion_tokens = hit.get("prompt_tokens", 0), hit.get("completion_tokens", 0)
            return hit["content"]
        messages = [{"role": "system", "content": prompt.SYSTEM_PROMPT}, {"role": "user", "content": user}]
        try:
            got = self.client.complete(messages, prompt.response_format())
        except CallFailed as err:
            record.requests = err.attempts
            raise
        record.requests, record.latency_ms = got.attempts, got.latency_ms
        record.prompt_tokens, record.completion_tokens = got.prompt_tokens, got.completion_tokens
        record.cost_usd = self.settings.cost(got.prompt_tokens, got.completion_tokens)
        self.cache.put(key, {"model": self.settings.model, "prompt_version": prompt.PROMPT_VERSION,
                             "content": got.content, "prompt_tokens": got.prompt_tokens,
                             "completion_tokens": got.completion_tokens})
        return got.content

    def _count(self, record: CallRecord) -> None:
        with self._lock:
            s = self.stats
            s.articles += 1
            s.requests += record.requests
            s.cache_hits += record.cached
            if not record.cached:
                s.prompt_tokens += record.prompt_tokens
                s.completion_tokens += record.completion_tokens
                s.cost_usd += record.cost_usd
            if record.outcome != "ok":
                s.fallbacks += 1
                short = (record.reason or "")[:60]
                s.reasons[short] = s.reasons.get(short, 0) + 1


def new_backend(data_paths=None, env: dict | None = None) -> LLMBackend:
    """An llm backend configured from the environment, caching under $MERCATO_DATA_DIR."""
    from extractors.config import paths

    p = data_paths or paths()
    return LLMBackend(LLMSettings.from_env(env), ResponseCache(p.llm_cache))


@lru_cache(maxsize=1)
def _default_backend() -> LLMBackend:
    return new_backend()


def extract_article(text: str, *, title: str | None = None, language: str | None = None,
                    month: str | None = None, backend: str = "local") -> BackendResult:
    """Extraction of one article by the named backend (the llm one configured from the environment)."""
    if backend == "local":
        return BackendResult(extract_text(text, title=title, language=language, month=month), "local")
    if backend == "llm":
        return _default_backend().extract(text, title=title, language=language, month=month)
    raise ValueError(f"unknown extraction backend {backend!r} (one of {', '.join(BACKENDS)})")
