"""The llm backend against our chat server on 127.0.0.1: answers, validation, fallback,
retries, the cache and the concurrency limit, all over real HTTP."""
import json
import logging
from concurrent.futures import ThreadPoolExecutor

from extractors.extract import extract_text
from extractors.extract.llm import prompt
from extractors.extract.llm.backend import LLMBackend
from extractors.extract.llm.cache import ResponseCache
from extractors.extract.llm.client import ChatClient

from .chat_server import ChatServer, marker, recorded_script
from .conftest import API_KEY, ARTICLES, MODEL, article, make_backend, settings


def rumour_tuples(extraction):
    return [(r.player, r.from_club, r.to_club, r.from_club_id, r.to_club_id, r.fee.amount if r.fee else None,
             r.fee.currency if r.fee else None, r.deal_type, r.status) for r in extraction.rumours]


def test_a_valid_answer_becomes_the_extraction(server, tmp_path):
    llm = make_backend(server, tmp_path)
    text = article("en_brighton_ramalho.txt")
    res = llm.extract(text, language="en")
    assert res.call.outcome == "ok" and res.call.reason is None and not res.call.cached
    assert rumour_tuples(res.extraction) == [
        ("Tiago Ramalho", "Sporting CP", "Brighton & Hove Albion", "sporting-cp", "brighton", 28_000_000.0, "GBP",
         "permanent", "negotiating"),
        ("Tiago Ramalho", "Sporting CP", "Everton", "sporting-cp", "everton", None, None, None, "rumour")]
    fee = res.extraction.rumours[0].fee
    assert text[fee.start:fee.start + len(fee.phrase)] == fee.phrase == "a bid of £28million"
    assert fee.eur > fee.amount                       # GBP converted with the reference rates
    assert "£28million" in res.extraction.rumours[0].evidence
    assert {c.name for c in res.extraction.clubs} == {"Brighton & Hove Albion", "Sporting CP", "Everton"}
    assert all(c.start >= 0 and text[c.start:c.start + len(c.surface)] == c.surface for c in res.extraction.clubs)
    assert [p.name for p in res.extraction.players] == ["Tiago Ramalho", "Duarte Pimenta"]
    # what went over the wire
    (req,) = server.completions()
    assert req["headers"]["Authorization"] == f"Bearer {API_KEY}"
    body = req["body"]
    assert body["model"] == MODEL and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_schema", "json_schema": prompt.RESPONSE_SCHEMA}
    assert body["messages"][0] == {"role": "system", "content": prompt.SYSTEM_PROMPT}
    assert text in body["messages"][1]["content"] and "Language: en" in body["messages"][1]["content"]
    # tokens and cost of the run
    s = llm.stats
    assert s.requests == 1 and s.cache_hits == 0 and s.fallbacks == 0 and s.prompt_tokens > 100
    assert abs(s.cost_usd - (s.prompt_tokens * 2 + s.completion_tokens * 8) / 1e6) < 1e-12


def test_italian_loan_with_option_and_accent_case_insensitive_fee_text(tmp_path):
    text = article("it_napoli_ferri.txt")
    answer = json.loads(json.dumps(recorded_script(["it_napoli_ferri.txt"])[marker(ARTICLES / "it_napoli_ferri.txt")]))
    answer[0]["answer"]["rumours"][0]["fee_text"] = "12  MILIONI di  EURO"       # case and spaces differ
    with ChatServer({marker(ARTICLES / "it_napoli_ferri.txt"): answer}) as srv:
        res = make_backend(srv, tmp_path).extract(text)
    assert res.call.outcome == "ok" and res.extraction.language == "it"
    ferri = res.extraction.rumours[0]
    assert (ferri.player, ferri.from_club, ferri.to_club, ferri.deal_type, ferri.status) == (
        "Lorenzo Ferri", "Genoa", "Napoli", "loan_with_option", "agreed")
    assert ferri.fee.phrase == "12 milioni di euro" and ferri.fee.eur == 12_000_000.0   # as written in the text
    assert res.extraction.rumours[1].status == "denied"


def test_a_player_not_in_the_article_falls_back_to_the_local_extractor(server, tmp_path):
    text = article("en_leeds_whitlock.txt")
    res = make_backend(server, tmp_path).extract(text)
    assert res.call.outcome == "invalid"
    assert "Marcus Ellery" in res.call.reason and "not named in the article" in res.call.reason
    assert res.answer is None
    assert res.extraction.as_dict() == extract_text(text).as_dict()


def test_a_malformed_answer_falls_back(server, tmp_path):
    text = article("it_torino_bellandi.txt")
    llm = make_backend(server, tmp_path)
    res = llm.extract(text)
    assert res.call.outcome == "invalid" and "not valid JSON" in res.call.reason
    assert res.extraction.as_dict() == extract_text(text).as_dict()
    assert llm.stats.fallbacks == 1 and llm.stats.requests == 1


def _one_rumour(**changes):
    base = {"player": "Pablo Garrido", "from_club": "Real Betis", "to_club": "Valencia", "fee_amount": None,
            "fee_currency": None, "fee_text": None, "deal_type": None, "status": "rumour"}
    return {"answer": {"rumours": [{**base, **changes}], "clubs_mentioned": ["Valencia"],
                       "players_mentioned": ["Pablo Garrido"]}}


def test_clubs_outside_the_reference_wrong_enums_and_invented_fee_text_fall_back(tmp_path):
    mark = marker(ARTICLES / "en_valencia_garrido.txt")
    cases = [(_one_rumour(to_club="Valencia Harbour Rovers"), "to_club 'Valencia Harbour Rovers' is not in the club reference"),
             (_one_rumour(status="maybe"), "status 'maybe'"),
             (_one_rumour(deal_type="swap"), "deal_type 'swap'"),
             (_one_rumour(fee_amount=20e6, fee_currency="EUR", fee_text="20 million euros"), "not a passage"),
             (_one_rumour(fee_amount=-5), "fee_amount -5"),
             ({"content": json.dumps({"rumours": []})}, "no list 'clubs_mentioned'")]
    for i, (reply, reason) in enumerate(cases):
        with ChatServer({mark: [reply]}) as srv:
            res = make_backend(srv, tmp_path / str(i)).extract(article("en_valencia_garrido.txt"))
        assert res.call.outcome == "invalid" and reason in res.call.reason, (reason, res.call.reason)


def test_unknown_names_in_the_article_lists_are_dropped_not_fatal(tmp_path):
    mark = marker(ARTICLES / "en_valencia_garrido.txt")
    reply = _one_rumour()
    reply["answer"]["clubs_mentioned"] += ["Harbour Rovers"]
    reply["answer"]["players_mentioned"] += ["Zinedine Zidane"]
    with ChatServer({mark: [reply]}) as srv:
        res = make_backend(srv, tmp_path).extract(article("en_valencia_garrido.txt"))
    assert res.call.outcome == "ok"
    assert [p.name for p in res.extraction.players] == ["Pablo Garrido"]
    assert {c.name for c in res.extraction.clubs} == {"Valencia", "Real Betis"}
    assert any("Harbour Rovers" in n for n in res.answer.notes) and any("Zidane" in n for n in res.answer.notes)


def _scripted(name, *errors):
    """The recorded answer of `name`, preceded by the given error replies."""
    mark = marker(ARTICLES / name)
    return {mark: [*errors, *recorded_script([name])[mark]]}


def test_429_and_503_are_retried_with_doubling_backoff(tmp_path):
    waits = []
    script = _scripted("en_celtic_okoro.txt", {"status": 429}, {"status": 503}, {"status": 429})
    with ChatServer(script) as srv:
        s = settings(srv.url, backoff=0.2)
        llm = LLMBackend(s, ResponseCache(tmp_path), ChatClient(s, sleep=waits.append))
        res = llm.extract(article("en_celtic_okoro.txt"))
        assert len(srv.completions()) == 4
    assert res.call.outcome == "ok" and res.call.requests == 4
    assert waits == [0.2, 0.4, 0.8]
    assert rumour_tuples(res.extraction) == [("Daniel Okoro", "Porto", "Celtic", "porto", "celtic", None, None,
                                              "free", "agreed")]


def test_retry_after_is_honoured(tmp_path):
    waits = []
    with ChatServer(_scripted("en_celtic_okoro.txt", {"status": 429, "retry_after": 3})) as srv:
        s = settings(srv.url, backoff=0.01)
        res = LLMBackend(s, ResponseCache(tmp_path), ChatClient(s, sleep=waits.append)).extract(
            article("en_celtic_okoro.txt"))
    assert res.call.outcome == "ok" and waits == [3.0]


def test_a_timeout_is_retried(tmp_path):
    slow = {**recorded_script(["en_celtic_okoro.txt"])[marker(ARTICLES / "en_celtic_okoro.txt")][0], "delay": 2.0}
    with ChatServer(_scripted("en_celtic_okoro.txt", slow)) as srv:
        res = make_backend(srv, tmp_path, timeout=0.5).extract(article("en_celtic_okoro.txt"))
        assert len(srv.completions()) == 2
    assert res.call.outcome == "ok" and res.call.requests == 2


def test_a_server_that_keeps_failing_falls_back_after_the_retries(tmp_path):
    text = article("en_celtic_okoro.txt")
    with ChatServer({marker(ARTICLES / "en_celtic_okoro.txt"): [{"status": 500}]}) as srv:
        llm = make_backend(srv, tmp_path, max_retries=2)
        res = llm.extract(text)
        assert len(srv.completions()) == 3
    assert res.call.outcome == "failed" and res.call.reason.startswith("HTTP 500") and "3 attempts" in res.call.reason
    assert res.extraction.as_dict() == extract_text(text).as_dict()
    assert not list(tmp_path.rglob("*.json"))            # a failure is not cached: the next run asks again
    assert llm.stats.requests == 3 and llm.stats.cost_usd == 0


def test_a_client_error_is_not_retried(tmp_path):
    with ChatServer({}) as srv:                          # no recorded answer: HTTP 400
        res = make_backend(srv, tmp_path).extract(article("en_celtic_okoro.txt"))
        assert len(srv.completions()) == 1
    assert res.call.outcome == "failed" and "HTTP 400" in res.call.reason


def test_an_unreachable_server_falls_back(tmp_path):
    with ChatServer({}) as srv:
        url = srv.url
    llm = LLMBackend(settings(url, max_retries=1), ResponseCache(tmp_path))
    res = llm.extract(article("en_celtic_okoro.txt"))
    assert res.call.outcome == "failed" and "connection failed" in res.call.reason and res.call.requests == 2


def test_the_cache_makes_a_rerun_free_and_is_keyed_by_model_and_prompt_version(server, tmp_path, monkeypatch):
    text = article("en_brighton_ramalho.txt")
    first = make_backend(server, tmp_path).extract(text)
    again = make_backend(server, tmp_path)
    second = again.extract(text)
    assert len(server.completions()) == 1
    assert second.call.cached and second.call.requests == 0 and second.call.cost_usd == 0
    assert second.call.prompt_tokens == first.call.prompt_tokens
    assert again.stats.requests == 0 and again.stats.cache_hits == 1 and again.stats.prompt_tokens == 0
    assert second.extraction.as_dict() == first.extraction.as_dict()
    make_backend(server, tmp_path, model="another-model").extract(text)
    assert len(server.completions()) == 2
    monkeypatch.setattr(prompt, "PROMPT_VERSION", "test-next")
    make_backend(server, tmp_path).extract(text)
    assert len(server.completions()) == 3
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 3 and not list(tmp_path.rglob(".tmp-*"))
    assert all(API_KEY not in f.read_text("utf-8") for f in files)


def test_requests_in_flight_never_exceed_the_concurrency_limit(tmp_path):
    body = article("en_brighton_ramalho.txt").split("\n", 1)[1]
    answer = recorded_script(["en_brighton_ramalho.txt"])[marker(ARTICLES / "en_brighton_ramalho.txt")][0]
    texts = [f"Transfer story number {i}\n{body}" for i in range(8)]
    script = {f"Transfer story number {i}\n": [{**answer, "delay": 0.3}] for i in range(8)}
    with ChatServer(script) as srv:
        llm = make_backend(srv, tmp_path, max_concurrency=2)
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(llm.extract, texts))
        assert srv.max_in_flight == 2 and len(srv.completions()) == 8
    assert all(r.call.outcome == "ok" for r in results)


def test_the_api_key_is_never_logged(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with ChatServer({marker(ARTICLES / "en_celtic_okoro.txt"): [{"status": 401}]}) as srv:
        llm = make_backend(srv, tmp_path)
        res = llm.extract(article("en_celtic_okoro.txt"))
    assert res.call.outcome == "failed" and "HTTP 401" in res.call.reason
    seen = caplog.text + repr(llm.settings) + repr(res.call) + json.dumps(llm.stats.as_dict())
    assert API_KEY not in seen
