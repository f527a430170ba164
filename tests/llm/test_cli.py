"""`mercato extract --backend llm` and `mercato label` as real subprocesses, with
OPENAI_BASE_URL pointing at our chat server on 127.0.0.1."""
import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import API_KEY, ARTICLES, INVALID, VALID, llm_env

MERCATO = str(Path(sys.executable).with_name("mercato"))
FILES = [str(ARTICLES / n) for n in VALID + INVALID]


def mercato(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([MERCATO, *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def lines(proc) -> dict[str, dict]:
    return {r["file"]: r for r in map(json.loads, proc.stdout.splitlines())}


def pairs(record):
    return [(r["player"], r["from_club"], r["to_club"], r["fee_amount"], r["fee_currency"], r["fee_text"],
             r["deal_type"], r["status"]) for r in record["rumours"]]


def test_extract_llm_prints_the_servers_validated_rumours_and_falls_back_with_the_reason(server, tmp_path):
    env = llm_env(server, tmp_path / "data")
    proc = mercato(["extract", "--backend", "llm", *FILES], env)
    assert proc.returncode == 0, proc.stderr
    out = lines(proc)
    assert list(out) == VALID + INVALID                 # one line per file, in order
    assert pairs(out["en_valencia_garrido.txt"]) == [
        ("Pablo Garrido", "Real Betis", "Valencia", None, None, None, None, "rumour")]
    assert pairs(out["it_napoli_ferri.txt"])[0] == (
        "Lorenzo Ferri", "Genoa", "Napoli", 12_000_000.0, "EUR", "12 milioni di euro", "loan_with_option", "agreed")
    assert pairs(out["en_celtic_okoro.txt"]) == [("Daniel Okoro", "Porto", "Celtic", None, None, None, "free", "agreed")]
    assert out["en_brighton_ramalho.txt"]["clubs"] == ["Brighton & Hove Albion", "Everton", "Sporting CP"]
    for name in VALID:
        assert out[name]["extractor"] == {"backend": "llm", "outcome": "ok", "reason": None, "cached": False,
                                          "model": env["MERCATO_LLM_MODEL"]}
    leeds, torino = out["en_leeds_whitlock.txt"], out["it_torino_bellandi.txt"]
    assert leeds["extractor"]["outcome"] == "invalid" and "Marcus Ellery" in leeds["extractor"]["reason"]
    assert torino["extractor"]["outcome"] == "invalid" and "not valid JSON" in torino["extractor"]["reason"]
    local = lines(mercato(["extract", *FILES[len(VALID):]], env))          # the fallback is the local extractor's answer
    for name in INVALID:
        assert out[name]["rumours"] == local[name]["rumours"] and "extractor" not in local[name]
    stats = json.loads(proc.stderr.split(": ", 1)[1])
    assert stats["requests"] == 6 and stats["fallbacks"] == 2 and stats["prompt_tokens"] > 0 and stats["cost_usd"] > 0
    assert API_KEY not in proc.stdout + proc.stderr
    assert len(server.completions()) == 6

    again = mercato(["extract", "--backend", "llm", *FILES], env)
    assert len(server.completions()) == 6                # second run: every answer from the cache, 0 calls
    assert json.loads(again.stderr.split(": ", 1)[1])["requests"] == 0
    for name, rec in lines(again).items():
        assert rec["extractor"]["cached"] and rec["rumours"] == out[name]["rumours"]


def test_extract_llm_without_configuration_is_a_clear_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "MERCATO_LLM"))}
    proc = subprocess.run([MERCATO, "extract", "--backend", "llm", FILES[0]], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "OPENAI_BASE_URL" in proc.stderr and not proc.stdout


def test_label_writes_the_gold_format_and_lists_rejected_articles(server, tmp_path):
    out_dir = tmp_path / "labels"
    proc = mercato(["label", *FILES, "--out", str(out_dir)], llm_env(server, tmp_path / "data"))
    assert proc.returncode == 0, proc.stderr
    labels = [json.loads(x) for x in (out_dir / "labels.jsonl").read_text("utf-8").splitlines()]
    assert [x["file"] for x in labels] == VALID
    for x in labels:
        assert set(x) == {"file", "rumours", "clubs_mentioned", "players_mentioned"}
        assert all(set(r) == {"player", "from_club", "to_club", "fee_amount", "fee_currency", "fee_text",
                              "deal_type", "status"} for r in x["rumours"])
    brighton = labels[0]
    assert brighton["rumours"][0] == {"player": "Tiago Ramalho", "from_club": "Sporting CP",
                                      "to_club": "Brighton & Hove Albion", "fee_amount": 28_000_000.0,
                                      "fee_currency": "GBP", "fee_text": "a bid of £28million",
                                      "deal_type": "permanent", "status": "negotiating"}
    assert brighton["clubs_mentioned"] == ["Brighton & Hove Albion", "Sporting CP", "Everton"]
    assert brighton["players_mentioned"] == ["Tiago Ramalho", "Duarte Pimenta"]
    rejected = [json.loads(x) for x in (out_dir / "rejected.jsonl").read_text("utf-8").splitlines()]
    assert [r["file"] for r in rejected] == INVALID and all(r["reason"] for r in rejected)
    assert not list(out_dir.glob(".tmp-*"))


def test_run_with_the_llm_backend_and_no_configuration_is_a_clear_error(tmp_path):
    sources = tmp_path / "sources.yml"
    sources.write_text(f"sources:\n  - name: fixtures\n    kind: local\n    path: {ARTICLES}\n    language: en\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "MERCATO_LLM"))}
    env["MERCATO_DATA_DIR"] = str(tmp_path / "data")
    env["MERCATO_LOCAL_ROOTS"] = str(ARTICLES)
    proc = subprocess.run([MERCATO, "run", "--sources", str(sources), "--no-warehouse", "--backend", "llm"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "OPENAI_BASE_URL" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_run_with_the_llm_backend_extracts_through_the_server(server, tmp_path):
    sources = tmp_path / "sources.yml"
    sources.write_text(f"sources:\n  - name: fixtures\n    kind: local\n    path: {ARTICLES}\n    language: en\n")
    proc = mercato(["run", "--sources", str(sources), "--no-warehouse", "--backend", "llm", "--date", "2026-11-20"],
                   llm_env(server, tmp_path / "data"))
    assert proc.returncode == 0, proc.stderr
    extract = json.loads(proc.stdout)["extract"]
    assert extract["backend"] == "llm" and extract["llm"]["requests"] == 6 and extract["llm"]["fallbacks"] == 2
