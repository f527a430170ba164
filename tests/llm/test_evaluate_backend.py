"""`python -m tests.tools.eval --backend llm` routes each article through the llm backend
(here over our fixture articles as a corpus, with our chat server as the model)."""
import shutil

import pytest

from tests.tools.eval import evaluate
from extractors.extract.llm import backend

from .conftest import ARTICLES, VALID, llm_env


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for name in VALID:
        shutil.copy(ARTICLES / name, d / name)
    return d


def test_predict_with_the_llm_backend_returns_the_model_answers(corpus, server, tmp_path, monkeypatch):
    for k, v in llm_env(server, tmp_path / "data").items():
        monkeypatch.setenv(k, v)
    backend._default_backend.cache_clear()
    try:
        preds = {r["file"]: r for r in evaluate.predict(corpus, backend="llm")}
    finally:
        backend._default_backend.cache_clear()
    assert sorted(preds) == sorted(VALID) and len(server.completions()) == len(VALID)
    assert all(r["extractor"]["outcome"] == "ok" for r in preds.values())
    assert [(r["player"], r["from_club"], r["to_club"]) for r in preds["en_valencia_garrido.txt"]["rumours"]] == [
        ("Pablo Garrido", "Real Betis", "Valencia")]
    local = {r["file"]: r for r in evaluate.predict(corpus)}
    assert "extractor" not in local["en_valencia_garrido.txt"] and len(server.completions()) == len(VALID)
