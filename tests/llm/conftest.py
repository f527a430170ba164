"""Shared set-up of the llm backend tests: our chat server, settings pointing at it, the fixtures."""
from pathlib import Path

import pytest

from extractors.extract.llm.backend import LLMBackend
from extractors.extract.llm.cache import ResponseCache
from extractors.extract.llm.settings import LLMSettings

from .chat_server import FIXTURES, ChatServer, recorded_script

ARTICLES = FIXTURES / "articles"
API_KEY = "sk-test-4711-must-never-be-logged"
MODEL = "mercato-test-model"
VALID = ["en_brighton_ramalho.txt", "it_napoli_ferri.txt", "en_valencia_garrido.txt", "en_celtic_okoro.txt"]
INVALID = ["en_leeds_whitlock.txt", "it_torino_bellandi.txt"]


def article(name: str) -> str:
    return (ARTICLES / name).read_text("utf-8")


def settings(url: str, **overrides) -> LLMSettings:
    base = dict(base_url=url, model=MODEL, api_key=API_KEY, timeout=5.0, max_concurrency=4, max_retries=3,
                backoff=0.01, price_in=2.0, price_out=8.0)
    return LLMSettings(**{**base, **overrides})


def make_backend(server: ChatServer, cache_dir: Path, **overrides) -> LLMBackend:
    return LLMBackend(settings(server.url, **overrides), ResponseCache(cache_dir))


@pytest.fixture
def server():
    with ChatServer(recorded_script()) as srv:
        yield srv


def llm_env(server: ChatServer, data_dir: Path) -> dict:
    return {"OPENAI_BASE_URL": server.url, "OPENAI_API_KEY": API_KEY, "MERCATO_LLM_MODEL": MODEL,
            "MERCATO_DATA_DIR": str(data_dir), "MERCATO_LLM_BACKOFF": "0.01", "MERCATO_LLM_TIMEOUT": "5",
            "MERCATO_LLM_PRICE_IN": "2", "MERCATO_LLM_PRICE_OUT": "8",
            "MERCATO_LOCAL_ROOTS": str(ARTICLES)}      # the fixture articles are read as a local source
