"""Cleaning pages with trafilatura: text without chrome, metadata, rejects with reasons."""
import pytest

from extractors.ingest.clean import CleanError, clean_html, content_hash
from tests.pipeline.http_fixtures import ARTICLE

PAGE = ARTICLE.format(title="Torino, assalto al difensore", canonical="https://news.test/torino-difensore")


def test_article_text_is_kept_and_chrome_dropped():
    c = clean_html(PAGE, url="http://127.0.0.1/x")
    assert "nel mirino un centrale della Sampdoria" in c.text
    assert "Questo sito usa i cookie" not in c.text and "Copyright" not in c.text


def test_metadata_title_author_date_canonical_language():
    c = clean_html(PAGE, url="http://127.0.0.1/x")
    assert c.title == "Torino, assalto al difensore"
    assert c.author == "Redazione Test"
    assert c.canonical_url == "https://news.test/torino-difensore"
    assert c.published_at.isoformat() == "2026-09-01T06:30:00+00:00"
    assert c.language == "it"


def test_headline_is_not_repeated_in_text():
    assert not clean_html(PAGE).text.startswith("Torino, assalto")


def test_page_without_article_text_is_rejected_with_reason():
    with pytest.raises(CleanError, match="no article text|too short"):
        clean_html("<html><body><nav>Home</nav><div>Foto 1 di 12</div></body></html>")


def test_empty_document_is_rejected():
    with pytest.raises(CleanError, match="empty document"):
        clean_html("   ")


def test_content_hash_ignores_case_whitespace_and_punctuation():
    assert content_hash("Il Milan  segue Gomez.") == content_hash("il milan segue gomez")
    assert content_hash("Il Milan segue Gomez") != content_hash("Il Milan segue Tomori")


# Incident: a feed of random bytes served as text/html was decoded as Latin-1 and
# trafilatura returned 1,711 characters of it, landed as an Italian article (the
# ops test of a garbage source caught it only on some draws of the bytes).
def _noise_page(seed: int) -> str:
    import random

    rng = random.Random(seed)
    pool = [chr(c) for c in range(33, 256) if c not in (60, 62, 38, 127) and not 128 <= c < 160]
    paragraphs = []
    for _ in range(4):
        words = ["".join(rng.choice(pool) for _ in range(rng.randint(20, 45))) for _ in range(12)]
        paragraphs.append("<p>" + " ".join(words) + "</p>")
    return f"<html><head><title>x</title></head><body><article>{''.join(paragraphs)}</article></body></html>"


@pytest.mark.parametrize("seed", range(5))
def test_mis_decoded_bytes_are_rejected_not_landed(seed):
    with pytest.raises(CleanError) as err:
        clean_html(_noise_page(seed), url="http://127.0.0.1/garbage.html")
    assert "not prose" in err.value.reason, err.value.reason


def test_prose_with_figures_and_names_is_not_taken_for_noise():
    from extractors.ingest.clean import _garbled

    text = ("Il Milan ha offerto 35 milioni di euro (più 5 di bonus) per l'attaccante del Porto; "
            "la risposta è attesa entro il 31/08. Fonti: Sky Sport, TMW, www.calciomercato.example/news. ") * 4
    assert _garbled(text) is None
