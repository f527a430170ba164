"""Configuration of the language-model backend, read from the environment.

Why: the usual OpenAI variables work with any compatible server (hosted, vLLM, Ollama,
llama.cpp).  The API key is kept out of repr() so it never reaches a log line, an
Airflow XCom or an error message; it is only ever put in the Authorization header.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field


class LLMConfigError(RuntimeError):
    """The backend was asked for but is not configured."""


def _number(env: dict, name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return float(raw)
    except ValueError:
        raise LLMConfigError(f"{name} must be a number, not {raw!r}") from None


@dataclass(frozen=True)
class LLMSettings:
    base_url: str                      # e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 60.0              # seconds per HTTP request
    max_concurrency: int = 4           # requests in flight at once, per process
    max_retries: int = 4               # extra attempts after a 429, a 5xx, a timeout or a lost connection
    backoff: float = 1.0               # first wait in seconds, doubled on every retry
    price_in: float = 0.0              # USD per million prompt tokens (0: cost not tracked)
    price_out: float = 0.0             # USD per million completion tokens

    @classmethod
    def from_env(cls, env: dict | None = None) -> "LLMSettings":
        env = os.environ if env is None else env
        base_url = (env.get("OPENAI_BASE_URL") or "").rstrip("/")
        model = env.get("MERCATO_LLM_MODEL") or ""
        if not base_url:
            raise LLMConfigError("the llm backend needs OPENAI_BASE_URL (e.g. https://api.openai.com/v1)")
        if not model:
            raise LLMConfigError("the llm backend needs MERCATO_LLM_MODEL (the model name the server knows)")
        return cls(
            base_url=base_url, model=model, api_key=env.get("OPENAI_API_KEY") or None,
            timeout=_number(env, "MERCATO_LLM_TIMEOUT", 60.0),
            max_concurrency=max(1, int(_number(env, "MERCATO_LLM_CONCURRENCY", 4))),
            max_retries=max(0, int(_number(env, "MERCATO_LLM_RETRIES", 4))),
            backoff=_number(env, "MERCATO_LLM_BACKOFF", 1.0),
            price_in=_number(env, "MERCATO_LLM_PRICE_IN", 0.0),
            price_out=_number(env, "MERCATO_LLM_PRICE_OUT", 0.0),
        )

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.price_in + completion_tokens * self.price_out) / 1_000_000
